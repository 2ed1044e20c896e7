// The Store's side of sync: handing out operations, recording the server's answers, applying what
// was pulled. Each is one transaction.
#include "store.h"

#include <QDateTime>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSysInfo>

#include <algorithm>

#include "entity.h"
#include "ids.h"

using namespace Qt::StringLiterals;

namespace tidemark::model {

namespace {

constexpr int kParked = 2; // outbox.in_flight: 0 waiting, 1 sent (no answer yet), 2 refused by the server
} // namespace

Result<QList<OutboxOp>> Store::takeForSending(int max, qint64 afterSeq, qsizetype maxBytes)
{
    QList<OutboxOp> taken;
    auto done = batch([&]() -> Result<void> {
        // The first `max` sendable operations by the outbox's order, and nothing more of it.
        auto next = outboxRows(u"WHERE seq > %1 AND in_flight < %2"_s.arg(afterSeq).arg(kParked), std::max(max, 0), maxBytes);
        if (!next)
            return std::unexpected(next.error());
        taken = std::move(*next);
        if (taken.isEmpty())
            return {};
        // They are every sendable operation from the first's place to the last's: one range.
        QSqlQuery &mark = prepared(u"UPDATE outbox SET in_flight = 1, attempts = attempts + 1 "
                                     "WHERE seq BETWEEN ? AND ? AND in_flight < %1"_s.arg(kParked));
        mark.addBindValue(taken.first().seq);
        mark.addBindValue(taken.last().seq);
        if (!mark.exec())
            return std::unexpected(Error::database(mark.lastError().text()));
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
            QSqlQuery &q = prepared(answer.rejected ? u"UPDATE outbox SET in_flight = 2, last_error = ? WHERE op_id = ?"_s
                                                    : u"DELETE FROM outbox WHERE op_id = ?"_s);
            if (answer.rejected)
                q.addBindValue(answer.reason.isEmpty() ? u"refused by the server"_s : answer.reason);
            q.addBindValue(answer.opId);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
        }
        return {};
    });
}

Result<void> Store::applyRemotePage(const QList<RemoteChange> &changes, const QList<RemoteConflict> &conflicts, qint64 cursor,
                                    const QHash<QString, QString> &devices)
{
    return bulk([&]() -> Result<void> {
        for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
            if (it.key().isEmpty() || it.key() == deviceId())
                continue;
            QSqlQuery &name = prepared(u"INSERT INTO devices (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"_s);
            name.addBindValue(it.key());
            name.addBindValue(it.value().left(200));
            if (!name.exec())
                return std::unexpected(Error::database(name.lastError().text()));
        }
        // One look at the outbox for the page's own entities, and no savepoint per change: the
        // page is applied whole or not at all anyway.
        QList<QString> ids;
        ids.reserve(changes.size());
        for (const RemoteChange &change : changes)
            ids.append(change.id);
        auto pending = pendingFields(ids);
        if (!pending)
            return std::unexpected(pending.error());
        // Which of them this device has or had, in one look: a first sync reads nothing per item.
        auto known = knownIds(ids);
        if (!known)
            return std::unexpected(known.error());
        for (const RemoteChange &change : changes) {
            if (!isValidId(change.id))
                return std::unexpected(Error::invalid(u"the server sent a change for '%1', which is not an id"_s.arg(change.id)));
            if (!change.unknownKind.isEmpty()) {
                // A kind from a newer version: kept as it came, fields laid over what was kept.
                QSqlQuery &read = prepared(u"SELECT fields FROM unknown_entities WHERE id = ?"_s);
                read.addBindValue(change.id);
                if (!read.exec())
                    return std::unexpected(Error::database(read.lastError().text()));
                QJsonObject fields = read.next() ? QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object() : QJsonObject();
                read.finish();
                for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
                    fields.insert(it.key(), it.value());
                QSqlQuery &keep = prepared(u"INSERT INTO unknown_entities (id, kind, rev, fields) VALUES (?, ?, ?, ?) "
                                             "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, rev = MAX(rev, excluded.rev), "
                                             "fields = excluded.fields"_s);
                keep.addBindValue(change.id);
                keep.addBindValue(change.unknownKind.left(64));
                keep.addBindValue(change.rev);
                keep.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
                if (!keep.exec())
                    return std::unexpected(Error::database(keep.lastError().text()));
                continue;
            }
            // A pulled change carries no clock; its history names the device that made it (or
            // "server" when the server did not say).
            const Hlc origin{0, 0, change.device.isEmpty() ? u"server"_s : change.device.left(64)};
            if (auto applied = applyRemoteChange(change.kind, change.id, change.rev, change.fields, origin, *pending, change.at,
                                                 known->contains(change.id));
                !applied)
                return std::unexpected(applied.error());
        }
        for (const RemoteConflict &record : conflicts) {
            if (record.id.isEmpty() || !isValidId(record.entityId))
                return std::unexpected(Error::invalid(u"the server sent a conflict record this version cannot read"_s));
            QSqlQuery &erased = prepared(u"SELECT 1 FROM erased WHERE id = ?"_s);
            erased.addBindValue(record.entityId);
            if (!erased.exec())
                return std::unexpected(Error::database(erased.lastError().text()));
            const bool wasErased = erased.next();
            erased.finish();
            if (wasErased)
                continue; // emptied from the Trash here: its conflicts are gone with it
            // Sides as this device sees them: its own operation's value is "mine".
            const bool fromHere = record.device == deviceId();
            // (An empty one, not a null one: QtSql binds a null string as NULL.)
            const auto text = [](const QString &value) { return value.isEmpty() ? u""_s : value.left(64); };
            const Hlc &mineClock = fromHere ? record.incomingClock : record.currentClock;
            const Hlc &theirsClock = fromHere ? record.currentClock : record.incomingClock;
            QSqlQuery &q = prepared(u"INSERT INTO conflicts (id, entity_id, kind, field, rule, status, mine, theirs, created_at, "
                                      "resolved_at, rev, outcome, base, device, at, settles, mine_device, mine_at, theirs_device, "
                                      "theirs_at, op_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (id) DO UPDATE SET status = excluded.status, outcome = excluded.outcome, "
                                      "rev = excluded.rev, resolved_at = excluded.resolved_at"_s);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const QVariant &value : QVariantList{record.id, record.entityId, kindName(record.kind), text(record.field),
                                                      text(record.rule), text(record.status),
                                                      valueText(fromHere ? record.incoming : record.current),
                                                      valueText(fromHere ? record.current : record.incoming), now,
                                                      record.status == QLatin1String("open") ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(now),
                                                      record.rev, text(record.outcome),
                                                      record.base.isUndefined() ? QVariant(QMetaType(QMetaType::QString))
                                                                                : QVariant(valueText(record.base)),
                                                      // The other side's device: the one that sent the
                                                      // operation, unless that was this device.
                                                      fromHere ? u""_s : text(record.device), record.at, text(record.settles),
                                                      text(mineClock.device), mineClock.ms, text(theirsClock.device), theirsClock.ms,
                                                      text(record.opId)})
                q.addBindValue(value);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
            m_changedInTransaction.append({record.kind, record.entityId});
        }
        QSqlQuery &q = prepared(u"INSERT INTO meta (key, value) VALUES ('sync_cursor', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        q.addBindValue(QString::number(cursor));
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        return {};
    });
}

Result<QSet<QString>> Store::knownIds(const QList<QString> &ids) const
{
    QSet<QString> known;
    if (ids.isEmpty())
        return known;
    QSqlQuery &q = prepared(u"SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?)) "
                              "UNION ALL SELECT id FROM collections WHERE id IN (SELECT value FROM json_each(?)) "
                              "UNION ALL SELECT id FROM erased WHERE id IN (SELECT value FROM json_each(?))"_s);
    const QString list = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    for (int i = 0; i < 3; ++i)
        q.addBindValue(list);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    while (q.next())
        known.insert(q.value(0).toString());
    q.finish();
    return known;
}

Result<QList<ConflictRecord>> Store::conflictRecords(bool openOnly) const
{
    QSqlQuery &q = prepared(openOnly ? u"SELECT id, entity_id, kind, field, rule, status, outcome, mine, theirs, rev, base, device, at, settles, "
                                         "mine_device, mine_at, theirs_device, theirs_at, op_id "
                                         "FROM conflicts WHERE status = 'open' ORDER BY rev DESC, created_at DESC"_s
                                     : u"SELECT id, entity_id, kind, field, rule, status, outcome, mine, theirs, rev, base, device, at, settles, "
                                         "mine_device, mine_at, theirs_device, theirs_at, op_id "
                                         "FROM conflicts ORDER BY rev DESC, created_at DESC"_s);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<ConflictRecord> records;
    while (q.next()) {
        records.append({q.value(0).toString(), q.value(1).toString(), kindFromName(q.value(2).toString()).value_or(Kind::Note),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                        valueFromText(q.value(7).toString()), valueFromText(q.value(8).toString()), q.value(9).toLongLong(),
                        q.value(10).isNull() ? QJsonValue(QJsonValue::Undefined) : valueFromText(q.value(10).toString()),
                        q.value(11).toString(), q.value(12).toLongLong(), q.value(13).toString(), q.value(14).toString(),
                        q.value(15).toLongLong(), q.value(16).toString(), q.value(17).toLongLong(), q.value(18).toString()});
    }
    q.finish();
    return records;
}

Result<Store::PendingCounts> Store::pendingCounts() const
{
    QSqlQuery &q = prepared(u"SELECT COUNT(*), COALESCE(SUM(in_flight = 2), 0) FROM outbox"_s);
    if (!q.exec() || !q.next())
        return std::unexpected(Error::database(q.lastError().text()));
    const int all = q.value(0).toInt();
    const int refused = q.value(1).toInt();
    q.finish();
    return PendingCounts{all - refused, refused};
}

Result<QList<PendingChange>> Store::pendingChanges(int limit) const
{
    auto ops = outboxRows({}, limit);
    if (!ops)
        return std::unexpected(ops.error());
    QList<PendingChange> changes;
    changes.reserve(ops->size());
    for (const OutboxOp &op : std::as_const(*ops)) {
        PendingChange change{op, {}, false, 0};
        QSqlQuery &q = prepared(op.kind == Kind::Collection ? u"SELECT name, rev FROM collections WHERE id = ?"_s
                                                            : u"SELECT title, rev FROM items WHERE id = ?"_s);
        q.addBindValue(op.entityId);
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        if (q.next()) {
            change.title = q.value(0).toString();
            change.serverRev = q.value(1).toLongLong();
        }
        q.finish();
        change.mayConflict = op.baseRev > 0 && change.serverRev > op.baseRev;
        changes.append(change);
    }
    return changes;
}

QString Store::deviceName(const QString &id) const
{
    const bool own = id == deviceId();
    QSqlQuery &q = prepared(own ? u"SELECT value FROM meta WHERE key = 'device_name'"_s : u"SELECT name FROM devices WHERE id = ?"_s);
    if (!own)
        q.addBindValue(id);
    QString name;
    if (q.exec() && q.next())
        name = q.value(0).toString();
    q.finish();
    if (own && name.isEmpty())
        name = QSysInfo::machineHostName(); // until the person names it
    return name;
}

Result<void> Store::setDeviceName(const QString &name)
{
    QSqlQuery &q = prepared(u"INSERT INTO meta (key, value) VALUES ('device_name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(name.trimmed().left(200));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    return {};
}

namespace {
Result<QJsonObject> checkedPolicies(const QJsonObject &policies)
{
    QJsonObject checked;
    for (auto it = policies.begin(); it != policies.end(); ++it) {
        const QString policy = it.value().toString();
        if (policy != QLatin1String("ask") && policy != QLatin1String("later-wins"))
            return std::unexpected(Error::invalid(u"the policy of '%1' must be \"ask\" or \"later-wins\""_s.arg(it.key())));
        checked.insert(it.key(), policy);
    }
    return checked;
}

// Later-wins is the default, so it is not listed.
QJsonObject withoutDefaults(QJsonObject policies)
{
    for (const QString &field : policies.keys()) {
        if (policies.value(field).toString() != QLatin1String("ask"))
            policies.remove(field);
    }
    return policies;
}
} // namespace

QJsonObject Store::conflictPolicies() const
{
    // The server's rules, with what was set here and not yet sent laid over them.
    QSqlQuery &q = prepared(u"SELECT key, value FROM meta WHERE key IN ('policies', 'policies_unsent') ORDER BY key"_s);
    QJsonObject policies;
    if (q.exec()) {
        while (q.next()) { // 'policies' first, then 'policies_unsent'
            const QJsonObject value = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            for (auto it = value.begin(); it != value.end(); ++it)
                policies.insert(it.key(), it.value());
        }
    }
    q.finish();
    return withoutDefaults(policies);
}

Result<void> Store::setConflictPolicies(const QJsonObject &policies)
{
    auto checked = checkedPolicies(policies);
    if (!checked)
        return std::unexpected(checked.error());
    // The server changes only the fields it is sent: a field that no longer asks is sent as
    // "later-wins" to return it to the default. Changes not sent yet stay, with these over them.
    QJsonObject unsent = policiesToSend().value_or(QJsonObject{});
    const QJsonObject before = conflictPolicies();
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!checked->contains(it.key()))
            unsent.insert(it.key(), u"later-wins"_s);
    }
    for (auto it = checked->begin(); it != checked->end(); ++it)
        unsent.insert(it.key(), it.value());
    QSqlQuery &q = prepared(u"INSERT INTO meta (key, value) VALUES ('policies_unsent', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(QString::fromUtf8(QJsonDocument(unsent).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    Q_EMIT outboxChanged();
    return {};
}

std::optional<QJsonObject> Store::policiesToSend() const
{
    QSqlQuery &q = prepared(u"SELECT value FROM meta WHERE key = 'policies_unsent'"_s);
    std::optional<QJsonObject> unsent;
    if (q.exec() && q.next())
        unsent = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish();
    return unsent;
}

Result<void> Store::storeServerPolicies(const QJsonObject &policies, const std::optional<QJsonObject> &sent)
{
    // A value this version does not know (a newer server's) is left out, not a reason to fail.
    QJsonObject known;
    for (auto it = policies.begin(); it != policies.end(); ++it) {
        if (it.value() == QJsonValue(u"ask"_s) || it.value() == QJsonValue(u"later-wins"_s))
            known.insert(it.key(), it.value());
    }
    const std::optional<QJsonObject> checked = known;
    return batch([&]() -> Result<void> {
        QSqlQuery &q = prepared(u"INSERT INTO meta (key, value) VALUES ('policies', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        q.addBindValue(QString::fromUtf8(QJsonDocument(withoutDefaults(*checked)).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        // What was sent is now the server's; a change made here meanwhile still waits.
        if (sent && policiesToSend() == sent) {
            QSqlQuery &clear = prepared(u"DELETE FROM meta WHERE key = 'policies_unsent'"_s);
            if (!clear.exec())
                return std::unexpected(Error::database(clear.lastError().text()));
        }
        return {};
    });
}

qint64 Store::syncCursor() const
{
    QSqlQuery &q = prepared(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s);
    qint64 cursor = 0;
    if (q.exec() && q.next())
        cursor = q.value(0).toString().toLongLong();
    q.finish();
    return cursor;
}

Store::SyncOutcome Store::syncOutcome() const
{
    SyncOutcome outcome;
    QSqlQuery &q = prepared(u"SELECT key, value FROM meta WHERE key IN ('last_sync', 'last_sync_error')"_s);
    if (q.exec()) {
        while (q.next()) {
            if (q.value(0).toString() == QLatin1String("last_sync"))
                outcome.lastSuccess = QDateTime::fromMSecsSinceEpoch(q.value(1).toString().toLongLong(), QTimeZone::UTC);
            else
                outcome.lastError = q.value(1).toString();
        }
    }
    q.finish();
    return outcome;
}

Result<void> Store::recordSyncOutcome(const QString &error)
{
    return batch([&]() -> Result<void> {
        QSqlQuery &write = prepared(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        write.addBindValue(error.isEmpty() ? u"last_sync"_s : u"last_sync_error"_s);
        write.addBindValue(error.isEmpty() ? QString::number(QDateTime::currentMSecsSinceEpoch()) : error.left(2000));
        if (!write.exec())
            return std::unexpected(Error::database(write.lastError().text()));
        if (error.isEmpty()) {
            QSqlQuery &clear = prepared(u"DELETE FROM meta WHERE key = 'last_sync_error'"_s);
            if (!clear.exec())
                return std::unexpected(Error::database(clear.lastError().text()));
        }
        return {};
    });
}

int Store::unknownCount() const
{
    QSqlQuery &q = prepared(u"SELECT COUNT(*) FROM unknown_entities"_s);
    int count = 0;
    if (q.exec() && q.next())
        count = q.value(0).toInt();
    q.finish();
    return count;
}

int Store::parkedCount() const
{
    QSqlQuery &q = prepared(u"SELECT COUNT(*) FROM outbox WHERE in_flight = %1"_s.arg(kParked));
    int count = 0;
    if (q.exec() && q.next())
        count = q.value(0).toInt();
    q.finish();
    return count;
}

} // namespace tidemark::model
