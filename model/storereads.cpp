// Store's read side: entities, list rows, collections, history, outbox and search.
#include "store.h"

#include "historytext.h"
#include "ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tidemark::model {

namespace {

// Every column here is in the items_list index, so a list is read from the index alone and never
// touches the (large) bodies.
const char kRowColumns[] =
    "id, kind, collection_id, title, snippet, tags, due, due_at, priority, done_at, sort_key, "
    "pinned, deleted, created_at, updated_at";
const char kRowFlags[] =
    ", EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id), "
    "EXISTS (SELECT 1 FROM conflicts c WHERE c.entity_id = items.id AND c.status = 'open'), "
    // A subtask's parent and a parent's progress, by the parent index: a few rows each.
    "parent_id, (SELECT p.title FROM items p WHERE p.id = items.parent_id), "
    "(SELECT COUNT(*) FROM items s WHERE s.parent_id = items.id AND s.deleted = 0 AND s.kind = 'task'), "
    "(SELECT COUNT(*) FROM items s WHERE s.parent_id = items.id AND s.deleted = 0 AND s.kind = 'task' "
    "  AND s.done_at IS NOT NULL)";

// Column readers for rowFrom: one over QtSql, one over a raw SQLite statement for bulk reads.
struct QtColumns
{
    const QSqlQuery &q;
    QString text(int i) const { return q.value(i).toString(); }
    qint64 integer(int i) const { return q.value(i).toLongLong(); }
    bool isNull(int i) const { return q.isNull(i); }
};

struct RawColumns
{
    sqlite3_stmt *statement;
    QString text(int i) const
    {
        const auto *data = static_cast<const QChar *>(sqlite3_column_text16(statement, i));
        return data ? QString(data, sqlite3_column_bytes16(statement, i) / 2) : QString();
    }
    qint64 integer(int i) const { return sqlite3_column_int64(statement, i); }
    bool isNull(int i) const { return sqlite3_column_type(statement, i) == SQLITE_NULL; }
};

template<typename Columns>
ItemRow rowFrom(const Columns &c, bool withFlags)
{
    ItemRow row;
    row.id = c.text(0);
    row.kind = c.text(1) == QLatin1String("task") ? Kind::Task : Kind::Note;
    row.collectionId = c.text(2);
    row.title = c.text(3);
    row.snippet = c.text(4);
    const QString tags = c.text(5);
    if (tags.size() > 2) {
        for (const QJsonValue &tag : QJsonDocument::fromJson(tags.toUtf8()).array())
            row.tags << tag.toString();
    }
    row.due = c.text(6);
    row.dueAt = c.integer(7);
    row.priority = int(c.integer(8));
    if (!c.isNull(9))
        row.doneAt = QDateTime::fromString(c.text(9), Qt::ISODateWithMs).toMSecsSinceEpoch();
    row.sortKey = c.text(10);
    row.pinned = c.integer(11) != 0;
    row.deleted = c.integer(12) != 0;
    row.createdAt = c.integer(13);
    row.updatedAt = c.integer(14);
    if (withFlags) {
        row.pending = c.integer(15) != 0;
        row.conflict = c.integer(16) != 0;
        row.parentId = c.text(17);
        row.isSubtask = !c.isNull(18);
        row.parentTitle = c.text(18);
        row.subtasks = int(c.integer(19));
        row.subtasksDone = int(c.integer(20));
    }
    return row;
}

// A prepared raw statement that finalizes itself.
struct RawStatement
{
    sqlite3_stmt *statement = nullptr;
    ~RawStatement() { sqlite3_finalize(statement); }
};

// Prepares `sql` and binds texts and integers by position.
bool prepareRaw(sqlite3 *db, const QByteArray &sql, const QVariantList &bindings, RawStatement &q)
{
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &q.statement, nullptr) != SQLITE_OK)
        return false;
    for (int i = 0; i < bindings.size(); ++i) {
        const QVariant &value = bindings.at(i);
        const int rc = value.typeId() == QMetaType::QString
            ? sqlite3_bind_text16(q.statement, i + 1, value.toString().utf16(), int(value.toString().size() * 2), SQLITE_TRANSIENT)
            : sqlite3_bind_int64(q.statement, i + 1, value.toLongLong());
        if (rc != SQLITE_OK)
            return false;
    }
    return true;
}

sqlite3 *rawHandle(const QString &connection)
{
    const QVariant handle = QSqlDatabase::database(connection, false).driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

qint64 endOfToday()
{
    return QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
}

// Words for FTS5: each quoted (so no user text is read as query syntax), the last one a prefix.
QString matchExpression(const QString &text)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}_]+"_s);
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext())
        terms << u"\"%1\""_s.arg(it.next().captured(0));
    if (terms.isEmpty())
        return {};
    const bool typingLastWord = !text.isEmpty() && !text.back().isSpace();
    if (typingLastWord)
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

} // namespace

std::optional<Entity> Store::entity(const QString &id) const { return loadEntity(id); }

Result<QString> Store::resolveId(const QString &text) const
{
    const QString needle = text.trimmed().toLower();
    static const QRegularExpression idChars(u"^[0-9a-f-]{6,36}$"_s);
    if (!idChars.match(needle).hasMatch())
        return std::unexpected(Error::invalid(u"'%1' is not an id (ids look like 0193a2b4-...)"_s.arg(text)));
    if (isValidId(needle)) {
        if (loadEntity(needle))
            return needle;
        return std::unexpected(Error::notFound(u"no note, task or collection with id %1"_s.arg(needle)));
    }
    QSqlQuery &q = prepared(u"SELECT id FROM items WHERE id LIKE ? OR id LIKE ? "
                              "UNION SELECT id FROM collections WHERE id LIKE ? OR id LIKE ? LIMIT 2"_s);
    for (int i = 0; i < 2; ++i) {
        q.addBindValue(needle + QLatin1Char('%'));
        q.addBindValue(QLatin1Char('%') + needle);
    }
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QStringList found;
    while (q.next())
        found << q.value(0).toString();
    q.finish();
    if (found.isEmpty())
        return std::unexpected(Error::notFound(u"no note, task or collection whose id starts or ends with %1"_s.arg(needle)));
    if (found.size() > 1)
        return std::unexpected(Error::invalid(u"'%1' matches more than one id; give more of it"_s.arg(needle)));
    return found.first();
}

QString Store::filterClause(const ItemFilter &filter, QVariantList &bindings) const
{
    switch (filter.type) {
    case ItemFilter::Type::All:
        return u"deleted = 0 AND archived = 0"_s;
    case ItemFilter::Type::Collection:
        bindings << filter.value;
        return u"deleted = 0 AND collection_id = ?"_s;
    case ItemFilter::Type::Tag:
        bindings << filter.value;
        return u"deleted = 0 AND EXISTS (SELECT 1 FROM json_each(items.tags) t WHERE t.value = ?)"_s;
    case ItemFilter::Type::Today:
        bindings << endOfToday();
        return u"deleted = 0 AND kind = 'task' AND done_at IS NULL AND due_at < ?"_s;
    case ItemFilter::Type::Upcoming:
        bindings << endOfToday();
        return u"deleted = 0 AND kind = 'task' AND done_at IS NULL AND due_at >= ?"_s;
    case ItemFilter::Type::Done:
        return u"deleted = 0 AND kind = 'task' AND done_at IS NOT NULL"_s;
    case ItemFilter::Type::Trash:
        return u"deleted = 1"_s;
    case ItemFilter::Type::Archive:
        return u"deleted = 0 AND archived = 1"_s;
    case ItemFilter::Type::Pending:
        return u"EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id)"_s;
    case ItemFilter::Type::Conflicts:
        return u"EXISTS (SELECT 1 FROM conflicts c WHERE c.entity_id = items.id AND c.status = 'open')"_s;
    }
    return u"0"_s;
}

Result<QList<ItemRow>> Store::items(const ItemFilter &filter) const
{
    // The one bulk read of the app (every row of a list at start-up): straight from SQLite, as
    // QtSql's per-value QVariants would triple its time at 100,000 rows.
    sqlite3 *db = rawHandle(m_connection);
    if (!db)
        return std::unexpected(Error::database(u"the store's connection is not SQLite"_s));
    const auto failure = [db] { return std::unexpected(Error::database(QString::fromUtf8(sqlite3_errmsg(db)))); };

    // The pending and conflict flags come from two small sets instead of two lookups per row.
    QSet<QString> pending;
    QSet<QString> conflicted;
    for (auto [set, sql] : {std::pair{&pending, "SELECT DISTINCT entity_id FROM outbox"},
                            std::pair{&conflicted, "SELECT DISTINCT entity_id FROM conflicts WHERE status = 'open'"}}) {
        RawStatement flags;
        if (sqlite3_prepare_v2(db, sql, -1, &flags.statement, nullptr) != SQLITE_OK)
            return failure();
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(flags.statement)) == SQLITE_ROW)
            set->insert(RawColumns{flags.statement}.text(0));
        if (rc != SQLITE_DONE)
            return failure();
    }

    QVariantList bindings;
    const QString where = filterClause(filter, bindings);
    const QByteArray sql = u"SELECT %1 FROM items WHERE %2"_s.arg(QLatin1StringView(kRowColumns), where).toUtf8();
    RawStatement q;
    if (!prepareRaw(db, sql, bindings, q))
        return failure();
    QList<ItemRow> rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.statement)) == SQLITE_ROW) {
        ItemRow row = rowFrom(RawColumns{q.statement}, false);
        row.pending = pending.contains(row.id);
        row.conflict = conflicted.contains(row.id);
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return failure();
    return rows;
}

Result<QList<ItemOrder>> Store::itemOrder(const ItemFilter &filter, bool byUpdated) const
{
    sqlite3 *db = rawHandle(m_connection);
    if (!db)
        return std::unexpected(Error::database(u"the store's connection is not SQLite"_s));
    QVariantList bindings;
    const QString where = filterClause(filter, bindings);
    const QByteArray sql = u"SELECT id, kind, pinned, priority, updated_at, due_at, done_at, sort_key FROM items WHERE %1%2"_s
                               .arg(where, byUpdated ? u" ORDER BY pinned DESC, updated_at DESC, id DESC"_s : QString())
                               .toUtf8();
    RawStatement q;
    if (!prepareRaw(db, sql, bindings, q))
        return std::unexpected(Error::database(QString::fromUtf8(sqlite3_errmsg(db))));
    QList<ItemOrder> rows;
    const RawColumns c{q.statement};
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.statement)) == SQLITE_ROW) {
        ItemOrder row;
        row.id = c.text(0);
        const auto *kind = sqlite3_column_text(q.statement, 1);
        row.kind = kind && kind[0] == 't' ? Kind::Task : Kind::Note;
        row.pinned = c.integer(2) != 0;
        row.priority = int(c.integer(3));
        row.updatedAt = c.integer(4);
        row.dueAt = c.integer(5);
        if (!c.isNull(6))
            row.doneAt = QDateTime::fromString(c.text(6), Qt::ISODateWithMs).toMSecsSinceEpoch();
        if (row.kind == Kind::Task)
            row.sortKey = c.text(7);
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return std::unexpected(Error::database(QString::fromUtf8(sqlite3_errmsg(db))));
    return rows;
}

Result<QList<ItemRow>> Store::itemRows(const QStringList &ids) const
{
    QList<ItemRow> rows;
    if (ids.isEmpty())
        return rows;
    QStringList marks(ids.size(), u"?"_s);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT %1%2 FROM items WHERE id IN (%3)"_s
                       .arg(QLatin1StringView(kRowColumns), QLatin1StringView(kRowFlags), marks.join(QLatin1Char(',')))))
        return std::unexpected(Error::database(q.lastError().text()));
    for (const QString &id : ids)
        q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    while (q.next())
        rows.append(rowFrom(QtColumns{q}, true));
    return rows;
}

std::optional<ItemRow> Store::itemRow(const QString &id, const ItemFilter &filter) const
{
    QVariantList bindings;
    const QString where = filterClause(filter, bindings);
    QSqlQuery &q = prepared(u"SELECT %1%2 FROM items WHERE id = ? AND (%3)"_s
                                .arg(QLatin1StringView(kRowColumns), QLatin1StringView(kRowFlags), where));
    q.addBindValue(id);
    for (const QVariant &value : bindings)
        q.addBindValue(value);
    std::optional<ItemRow> row;
    if (q.exec() && q.next())
        row = rowFrom(QtColumns{q}, true);
    q.finish();
    return row;
}

Result<QList<CollectionRow>> Store::collections() const
{
    QSqlQuery &q = prepared(u"SELECT c.id, c.name, c.color, c.parent_id, c.sort_key, "
                              "(SELECT COUNT(*) FROM items i WHERE i.collection_id = c.id AND i.deleted = 0) "
                              "FROM collections c WHERE c.deleted = 0 ORDER BY c.sort_key, c.name"_s);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<CollectionRow> rows;
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toInt()});
    }
    q.finish();
    return rows;
}

std::optional<CollectionRow> Store::collectionRow(const QString &id) const
{
    QSqlQuery &q = prepared(u"SELECT c.id, c.name, c.color, c.parent_id, c.sort_key, "
                              "(SELECT COUNT(*) FROM items i WHERE i.collection_id = c.id AND i.deleted = 0) "
                              "FROM collections c WHERE c.deleted = 0 AND c.id = ?"_s);
    q.addBindValue(id);
    std::optional<CollectionRow> row;
    if (q.exec() && q.next()) {
        row = CollectionRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()};
    }
    q.finish();
    return row;
}

void Store::announceChanges(const QStringList &ids)
{
    for (const QString &id : ids) {
        // An id that is gone (erased) is announced as a note: lists then drop its row.
        const auto entity = loadEntity(id);
        Q_EMIT entityChanged(entity ? entity->kind : Kind::Note, id);
    }
    Q_EMIT outboxChanged();
}

Result<QList<Entity>> Store::subtasks(const QString &parentId) const
{
    QSqlQuery &q = prepared(u"SELECT id FROM items WHERE parent_id = ? AND deleted = 0 AND kind = 'task' "
                              "ORDER BY sort_key, id"_s);
    q.addBindValue(parentId);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    QList<Entity> children;
    for (const QString &id : std::as_const(ids))
        if (auto child = loadEntity(id))
            children.append(std::move(*child));
    return children;
}

Result<ViewCounts> Store::viewCounts() const
{
    // One small index range per count. Notes have no due, so the due counts need not look at
    // the kind.
    QSqlQuery &q = prepared(QString::fromUtf8(
        "SELECT "
        // Live and not archived = all - trashed - archived: a bare COUNT(*) walks the narrowest
        // index, the other two are small ranges.
        "(SELECT COUNT(*) FROM items) - (SELECT COUNT(*) FROM items WHERE deleted = 1) "
        "  - (SELECT COUNT(*) FROM items WHERE deleted = 0 AND archived = 1), "
        "(SELECT COUNT(*) FROM items INDEXED BY items_due WHERE deleted = 0 AND done_at IS NULL AND due_at < ?), "
        // Overdue: a due time that has passed, or a due date before today (today's is not late).
        "(SELECT COUNT(*) FROM items INDEXED BY items_due WHERE deleted = 0 AND done_at IS NULL "
        "  AND (due_at < ? AND (instr(due, 'T') > 0 OR due_at < ?))), "
        "(SELECT COUNT(*) FROM items INDEXED BY items_due WHERE deleted = 0 AND done_at IS NULL AND due_at >= ?), "
        "(SELECT COUNT(*) FROM items WHERE deleted = 0 AND archived IN (0, 1) AND kind = 'task' AND done_at IS NOT NULL), "
        "(SELECT COUNT(*) FROM items WHERE deleted = 1), "
        // Pending and Conflicts count what their lists show: notes and tasks, not collections.
        "(SELECT COUNT(*) FROM items WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id)), "
        "(SELECT COUNT(*) FROM items WHERE EXISTS (SELECT 1 FROM conflicts c WHERE c.entity_id = items.id "
        "  AND c.status = 'open')), "
        // The Pending view lists operations, a collection's among them, as the status bar counts them.
        "(SELECT COUNT(*) FROM outbox), "
        "(SELECT COUNT(*) FROM items WHERE deleted = 0 AND archived = 1)"));
    const qint64 eot = endOfToday();
    q.addBindValue(eot);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch());
    q.addBindValue(eot);
    if (!q.exec() || !q.next())
        return std::unexpected(Error::database(q.lastError().text()));
    ViewCounts c;
    c.all = q.value(0).toInt();
    c.today = q.value(1).toInt();
    c.overdue = q.value(2).toInt();
    c.upcoming = q.value(3).toInt();
    c.done = q.value(4).toInt();
    c.trash = q.value(5).toInt();
    c.pending = q.value(6).toInt();
    c.conflicts = q.value(7).toInt();
    c.unsent = q.value(8).toInt();
    c.archive = q.value(9).toInt();
    q.finish();
    return c;
}

Result<QList<QPair<QString, int>>> Store::tags() const
{
    QSqlQuery &q = prepared(u"SELECT t.value, COUNT(*) FROM items INDEXED BY items_tagged, json_each(items.tags) t "
                              "WHERE items.deleted = 0 AND items.tags <> '[]' GROUP BY t.value ORDER BY t.value"_s);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<QPair<QString, int>> tags;
    while (q.next())
        tags.append({q.value(0).toString(), q.value(1).toInt()});
    q.finish();
    return tags;
}

Result<QList<HistoryEntry>> Store::history(const QString &id) const
{
    QSqlQuery &q = prepared(u"SELECT seq, entity_id, kind, version, hlc, device, at, origin, changed, snapshot "
                              "FROM history WHERE entity_id = ? ORDER BY version"_s);
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<HistoryEntry> entries;
    while (q.next()) {
        HistoryEntry h;
        h.seq = q.value(0).toLongLong();
        h.entityId = q.value(1).toString();
        h.kind = kindFromName(q.value(2).toString()).value_or(Kind::Note);
        h.version = q.value(3).toInt();
        h.hlc = q.value(4).toString();
        h.device = q.value(5).toString();
        h.at = q.value(6).toLongLong();
        h.origin = q.value(7).toString();
        for (const QJsonValue &field : QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array())
            h.changed << field.toString();
        h.snapshot = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
        entries.append(h);
    }
    q.finish();
    if (entries.isEmpty())
        return entries;
    // Long texts, each two decompressions away: the keyframes are read once, in order.
    qsizetype at = 0;
    auto r = readHistoryTexts(id, entries.first().seq, entries.last().seq,
                              [&](qint64 seq, const QString &field, const QString &value) {
                                  while (at < entries.size() && entries.at(at).seq < seq)
                                      ++at;
                                  if (at < entries.size() && entries.at(at).seq == seq)
                                      entries[at].snapshot.insert(field, value);
                              });
    if (!r)
        return std::unexpected(r.error());
    return entries;
}

Result<QByteArray> Store::keyframeText(qint64 seq, const QString &field, qsizetype *packedBytes) const
{
    QSqlQuery &key = prepared(u"SELECT data FROM history_text WHERE seq = ? AND field = ? AND base = 0"_s);
    key.addBindValue(seq);
    key.addBindValue(field);
    if (!key.exec())
        return std::unexpected(Error::database(key.lastError().text()));
    if (!key.next()) {
        key.finish();
        return std::unexpected(Error::database(u"the keyframe of a version is missing"_s));
    }
    const QByteArray frame = key.value(0).toByteArray();
    key.finish();
    if (packedBytes)
        *packedBytes = frame.size();
    auto text = HistoryText::unpack(frame);
    if (!text)
        return std::unexpected(Error::database(text.error()));
    return std::move(*text);
}

Result<void> Store::readHistoryTexts(const QString &id, qint64 fromSeq, qint64 toSeq,
                                     const std::function<void(qint64, const QString &, const QString &)> &take) const
{
    QSqlQuery &q = prepared(u"SELECT seq, field, base, data FROM history_text WHERE entity_id = ? AND seq >= ? "
                              "AND seq <= ? ORDER BY seq"_s);
    q.addBindValue(id);
    q.addBindValue(fromSeq);
    q.addBindValue(toSeq);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QHash<QString, QPair<qint64, QByteArray>> keyframes; // field: the last keyframe read
    auto damaged = [&](const QString &why) {
        return std::unexpected(Error::database(u"the history of %1 cannot be read: %2"_s.arg(id, why)));
    };
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        const QString field = q.value(1).toString();
        const qint64 base = q.value(2).toLongLong();
        const QByteArray frame = q.value(3).toByteArray();
        std::expected<QByteArray, QString> text;
        if (base == 0) {
            text = HistoryText::unpack(frame);
            if (text)
                keyframes.insert(field, {seq, *text});
        } else {
            if (keyframes.value(field).first != base) {
                auto keyText = keyframeText(base, field);
                if (!keyText)
                    return damaged(keyText.error().message);
                keyframes.insert(field, {base, *keyText});
            }
            text = HistoryText::unpack(frame, keyframes.value(field).second);
        }
        if (!text)
            return damaged(text.error());
        take(seq, field, QString::fromUtf8(*text));
    }
    q.finish();
    return {};
}

Result<QList<OutboxOp>> Store::outbox() const
{
    return outboxRows({}, -1);
}

Result<QList<OutboxOp>> Store::outboxRows(const QString &where, int limit, qsizetype maxBytes) const
{
    // The outbox's own order (seq is its primary key): a LIMIT reads that many rows and no more.
    QSqlQuery &q = prepared(u"SELECT seq, op_id, device, kind, entity_id, fields, base_rev, hlc, created_at, "
                              "attempts, in_flight, last_error, resolves FROM outbox %1 ORDER BY seq LIMIT ?"_s
                                .arg(where));
    q.addBindValue(limit);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<OutboxOp> ops;
    qsizetype bytes = 0;
    while (q.next()) {
        OutboxOp op;
        op.seq = q.value(0).toLongLong();
        op.opId = q.value(1).toString();
        op.device = q.value(2).toString();
        op.kind = kindFromName(q.value(3).toString()).value_or(Kind::Note);
        op.entityId = q.value(4).toString();
        const QByteArray fields = q.value(5).toString().toUtf8();
        // Past the byte budget the rest waits for the next batch; the first is taken whatever its size.
        bytes += fields.size();
        if (maxBytes >= 0 && !ops.isEmpty() && bytes > maxBytes)
            break;
        op.fields = QJsonDocument::fromJson(fields).object();
        op.baseRev = q.value(6).toLongLong();
        op.hlc = q.value(7).toString();
        op.createdAt = q.value(8).toLongLong();
        op.attempts = q.value(9).toInt();
        op.inFlight = q.value(10).toInt() == 1;
        op.parked = q.value(10).toInt() == 2;
        op.lastError = q.value(11).toString();
        for (const QJsonValue &id : QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array())
            op.resolves << id.toString();
        ops.append(op);
    }
    q.finish();
    return ops;
}

int Store::pendingCount() const
{
    QSqlQuery &q = prepared(u"SELECT COUNT(*) FROM outbox"_s);
    int count = 0;
    if (q.exec() && q.next())
        count = q.value(0).toInt();
    q.finish();
    return count;
}

Result<QList<SearchHit>> Store::search(const QString &text, int limit, int offset) const
{
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return QList<SearchHit>{};
    // Ranking scores every match, which for a word found in most notes costs far more than it tells
    // (its weight is near zero everywhere). Count up to a cap first; past it, newest first.
    constexpr int kRankedMatches = 2000;
    QSqlQuery &counter = prepared(u"SELECT COUNT(*) FROM (SELECT 1 FROM items_fts WHERE items_fts MATCH ? LIMIT ?)"_s);
    counter.addBindValue(match);
    counter.addBindValue(kRankedMatches + 1);
    if (!counter.exec() || !counter.next())
        return std::unexpected(Error::database(counter.lastError().text()));
    const bool ranked = counter.value(0).toInt() <= kRankedMatches;
    counter.finish();
    // Title matches weigh most, then tags, then the body.
    QSqlQuery &q = prepared(u"SELECT i.id, i.kind, i.title, snippet(items_fts, -1, char(2), char(3), char(8230), 12), "
                              "bm25(items_fts, 10.0, 1.0, 4.0) AS score "
                              "FROM items_fts JOIN items i ON i.rowid = items_fts.rowid "
                              "WHERE items_fts MATCH ? AND i.deleted = 0 ORDER BY %1 LIMIT ? OFFSET ?"_s
                                .arg(ranked ? u"score"_s : u"items_fts.rowid DESC"_s));
    q.addBindValue(match);
    q.addBindValue(std::clamp(limit, 1, 1000));
    q.addBindValue(std::max(offset, 0));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit hit;
        hit.id = q.value(0).toString();
        hit.kind = q.value(1).toString() == QLatin1String("task") ? Kind::Task : Kind::Note;
        hit.title = q.value(2).toString();
        const QString marked = q.value(3).toString();
        hit.snippet.reserve(marked.size());
        int start = -1;
        for (QChar c : marked) {
            if (c == QChar(2)) {
                start = int(hit.snippet.size());
            } else if (c == QChar(3)) {
                if (start >= 0)
                    hit.highlights.append({start, int(hit.snippet.size()) - start});
                start = -1;
            } else {
                hit.snippet += (c == QLatin1Char('\n') ? QChar(QLatin1Char(' ')) : c);
            }
        }
        hit.rank = q.value(4).toDouble();
        hits.append(hit);
    }
    q.finish();
    return hits;
}

} // namespace tidemark::model
