// The Store's side of sync: handing out operations, recording the server's answers, applying what
// was pulled. Each is one transaction.
#include "store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

#include "entity.h"
#include "ids.h"

namespace tidemark::model {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }

// A JSON value as text (an array of one, so that any value, null too, survives) and back.
QString valueText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}
QJsonValue valueFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().first();
}
constexpr int kParked = 2; // outbox.in_flight: 0 waiting, 1 sent (no answer yet), 2 refused by the server
} // namespace

Result<QList<OutboxOp>> Store::takeForSending(int max)
{
    QList<OutboxOp> taken;
    auto done = batch([&]() -> Result<void> {
        auto all = outbox();
        if (!all)
            return std::unexpected(all.error());
        for (const OutboxOp &op : std::as_const(*all)) {
            if (taken.size() >= max)
                break;
            if (op.parked)
                continue;
            taken.append(op);
        }
        QSqlQuery &mark = prepared(s("UPDATE outbox SET in_flight = 1, attempts = attempts + 1 WHERE seq = ? AND in_flight < 2"));
        for (const OutboxOp &op : std::as_const(taken)) {
            mark.addBindValue(op.seq);
            if (!mark.exec())
                return std::unexpected(Error::database(mark.lastError().text()));
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return taken;
}

Result<void> Store::settle(const QList<Answer> &answers)
{
    return batch([&]() -> Result<void> {
        m_outboxChangedInTransaction = true;
        for (const Answer &answer : answers) {
            QSqlQuery &q = prepared(answer.rejected ? s("UPDATE outbox SET in_flight = 2, last_error = ? WHERE op_id = ?")
                                                    : s("DELETE FROM outbox WHERE op_id = ?"));
            if (answer.rejected)
                q.addBindValue(answer.reason.isEmpty() ? s("refused by the server") : answer.reason);
            q.addBindValue(answer.opId);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
        }
        return {};
    });
}

Result<void> Store::applyRemotePage(const QList<RemoteChange> &changes, const QList<QJsonObject> &conflicts, qint64 cursor)
{
    return batch([&]() -> Result<void> {
        // One look at the outbox for the whole page, and no savepoint per change: the page is
        // applied whole or not at all anyway.
        auto pending = pendingFields({});
        if (!pending)
            return std::unexpected(pending.error());
        const Hlc server{0, 0, s("server")}; // a pulled change names no device or clock: its history says "server"
        for (const RemoteChange &change : changes) {
            if (!isValidId(change.id))
                return std::unexpected(Error::invalid(s("the server sent a change for '%1', which is not an id").arg(change.id)));
            if (auto applied = applyRemoteChange(change.kind, change.id, change.rev, change.fields, server, *pending); !applied)
                return std::unexpected(applied.error());
        }
        for (const QJsonObject &record : conflicts) {
            const QString id = record.value(s("id")).toString();
            const QString entityId = record.value(s("entity")).toString();
            const auto kind = kindFromName(record.value(s("kind")).toString());
            if (id.isEmpty() || !isValidId(entityId) || !kind)
                return std::unexpected(Error::invalid(s("the server sent a conflict record this version cannot read")));
            QSqlQuery &erased = prepared(s("SELECT 1 FROM erased WHERE id = ?"));
            erased.addBindValue(entityId);
            if (!erased.exec())
                return std::unexpected(Error::database(erased.lastError().text()));
            const bool wasErased = erased.next();
            erased.finish();
            if (wasErased)
                continue; // emptied from the Trash here: its conflicts are gone with it
            // Sides as this device sees them: its own operation's value is "mine".
            const bool fromHere = record.value(s("device")).toString() == deviceId();
            const QJsonValue incoming = record.value(s("incoming"));
            const QJsonValue current = record.value(s("current"));
            QSqlQuery &q = prepared(s("INSERT INTO conflicts (id, entity_id, kind, field, rule, status, mine, theirs, created_at, "
                                      "resolved_at, rev, outcome, base, device, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (id) DO UPDATE SET status = excluded.status, outcome = excluded.outcome, "
                                      "rev = excluded.rev, resolved_at = excluded.resolved_at"));
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QString status = record.value(s("status")).toString();
            for (const QVariant &value : QVariantList{id, entityId, kindName(*kind), record.value(s("field")).toString(),
                                                      record.value(s("rule")).toString(), status,
                                                      valueText(fromHere ? incoming : current), valueText(fromHere ? current : incoming),
                                                      now, status == QLatin1String("open") ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(now),
                                                      record.value(s("rev")).toInteger(), record.value(s("outcome")).toString(),
                                                      record.contains(s("base")) ? QVariant(valueText(record.value(s("base"))))
                                                                                 : QVariant(QMetaType(QMetaType::QString)),
                                                      // The other side's device: the one that sent the
                                                      // operation, unless that was this device.
                                                      fromHere ? s("") : record.value(s("device")).toString(s("")),
                                                      record.value(s("at")).toInteger()})
                q.addBindValue(value);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
            m_changedInTransaction.append({*kind, entityId});
        }
        QSqlQuery &q = prepared(s("INSERT INTO meta (key, value) VALUES ('sync_cursor', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(QString::number(cursor));
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        return {};
    });
}

Result<QList<ConflictRecord>> Store::conflictRecords(bool openOnly) const
{
    QSqlQuery &q = prepared(openOnly ? s("SELECT id, entity_id, kind, field, rule, status, outcome, mine, theirs, rev, base, device, at "
                                         "FROM conflicts WHERE status = 'open' ORDER BY rev DESC, created_at DESC")
                                     : s("SELECT id, entity_id, kind, field, rule, status, outcome, mine, theirs, rev, base, device, at "
                                         "FROM conflicts ORDER BY rev DESC, created_at DESC"));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<ConflictRecord> records;
    while (q.next()) {
        records.append({q.value(0).toString(), q.value(1).toString(), kindFromName(q.value(2).toString()).value_or(Kind::Note),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                        valueFromText(q.value(7).toString()), valueFromText(q.value(8).toString()), q.value(9).toLongLong(),
                        q.value(10).isNull() ? QJsonValue(QJsonValue::Undefined) : valueFromText(q.value(10).toString()),
                        q.value(11).toString(), q.value(12).toLongLong()});
    }
    q.finish();
    return records;
}

Result<Entity> Store::resolveConflict(const QString &conflictId, const QJsonValue &value)
{
    std::optional<Entity> resolved;
    auto done = batch([&]() -> Result<void> {
        QSqlQuery &find = prepared(s("SELECT entity_id, field FROM conflicts WHERE id = ?"));
        find.addBindValue(conflictId);
        if (!find.exec())
            return std::unexpected(Error::database(find.lastError().text()));
        if (!find.next())
            return std::unexpected(Error::notFound(s("no conflict %1").arg(conflictId)));
        const QString entityId = find.value(0).toString();
        const QString field = find.value(1).toString();
        find.finish();
        auto e = loadEntity(entityId);
        if (!e)
            return std::unexpected(Error::notFound(s("the item of conflict %1 is not here").arg(conflictId)));
        QJsonValue chosen = value;
        if (Fields::isKnown(e->kind, field)) {
            auto valid = Fields::validate(e->kind, field, value);
            if (!valid)
                return std::unexpected(valid.error());
            chosen = *valid;
        }
        auto changed = changeEntity(*e, {{field, chosen}}, s("resolution"));
        if (!changed)
            return std::unexpected(changed.error());
        if (e->fields.value(field) == chosen) {
            // The choice is the value already here: nothing changed locally, but the server must
            // still hear the choice (and so settle the conflict).
            auto hlc = nextHlc();
            if (!hlc)
                return std::unexpected(hlc.error());
            if (auto r = appendOperation(*changed, {{field, chosen}}, *hlc); !r)
                return std::unexpected(r.error());
        }
        // The operation now last in the outbox for this entity carries the choice.
        QSqlQuery &mark = prepared(s("UPDATE outbox SET resolves = ? WHERE seq = (SELECT MAX(seq) FROM outbox WHERE entity_id = ?)"));
        QJsonArray resolves{conflictId};
        QSqlQuery &existing = prepared(s("SELECT resolves FROM outbox WHERE seq = (SELECT MAX(seq) FROM outbox WHERE entity_id = ?)"));
        existing.addBindValue(entityId);
        if (existing.exec() && existing.next()) {
            for (const QJsonValue &id : QJsonDocument::fromJson(existing.value(0).toString().toUtf8()).array()) {
                if (!resolves.contains(id))
                    resolves.append(id);
            }
        }
        existing.finish();
        mark.addBindValue(QString::fromUtf8(QJsonDocument(resolves).toJson(QJsonDocument::Compact)));
        mark.addBindValue(entityId);
        if (!mark.exec())
            return std::unexpected(Error::database(mark.lastError().text()));
        QSqlQuery &status = prepared(s("UPDATE conflicts SET status = 'resolved', resolved_at = ? WHERE id = ?"));
        status.addBindValue(QDateTime::currentMSecsSinceEpoch());
        status.addBindValue(conflictId);
        if (!status.exec())
            return std::unexpected(Error::database(status.lastError().text()));
        m_changedInTransaction.append({e->kind, entityId});
        resolved = *changed;
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return *resolved;
}

qint64 Store::syncCursor() const
{
    QSqlQuery &q = prepared(s("SELECT value FROM meta WHERE key = 'sync_cursor'"));
    qint64 cursor = 0;
    if (q.exec() && q.next())
        cursor = q.value(0).toString().toLongLong();
    q.finish();
    return cursor;
}

int Store::parkedCount() const
{
    QSqlQuery &q = prepared(s("SELECT COUNT(*) FROM outbox WHERE in_flight = %1").arg(kParked));
    int count = 0;
    if (q.exec() && q.next())
        count = q.value(0).toInt();
    q.finish();
    return count;
}

} // namespace tidemark::model
