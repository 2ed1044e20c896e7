// Store's read side: entities, list rows, collections, history, outbox and search.
#include "store.h"

#include "ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>

namespace tidemark::model {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

// The start of a body as one line: no Markdown heading, list, quote or emphasis marks.
QString snippetOf(const QString &body)
{
    QString out;
    out.reserve(std::min<qsizetype>(body.size(), 140));
    bool lineStart = true;
    for (qsizetype i = 0; i < body.size() && out.size() < 140; ++i) {
        const QChar c = body.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(' ')))
                out += QLatin1Char(' ');
            lineStart = true;
            continue;
        }
        if (lineStart && (c == QLatin1Char('#') || c == QLatin1Char('>') || c == QLatin1Char('-')
                          || c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char(' ')))
            continue;
        lineStart = false;
        if (c == QLatin1Char('*') || c == QLatin1Char('_') || c == QLatin1Char('`'))
            continue;
        out += c;
    }
    return out.trimmed();
}

const char kRowColumns[] =
    "id, kind, collection_id, title, substr(body, 1, 400), tags, due, due_at, priority, done_at, sort_key, "
    "pinned, deleted, created_at, updated_at, "
    "EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id), "
    "EXISTS (SELECT 1 FROM conflicts c WHERE c.entity_id = items.id AND c.status = 'open')";

ItemRow rowFrom(const QSqlQuery &q)
{
    ItemRow row;
    row.id = q.value(0).toString();
    row.kind = q.value(1).toString() == QLatin1String("task") ? Kind::Task : Kind::Note;
    row.collectionId = q.value(2).toString();
    row.title = q.value(3).toString();
    row.snippet = snippetOf(q.value(4).toString());
    const QString tags = q.value(5).toString();
    if (tags.size() > 2) {
        for (const QJsonValue &tag : QJsonDocument::fromJson(tags.toUtf8()).array())
            row.tags << tag.toString();
    }
    row.due = q.value(6).toString();
    row.dueAt = q.value(7).toLongLong();
    row.priority = q.value(8).toInt();
    if (!q.value(9).isNull())
        row.doneAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    row.sortKey = q.value(10).toString();
    row.pinned = q.value(11).toBool();
    row.deleted = q.value(12).toBool();
    row.createdAt = q.value(13).toLongLong();
    row.updatedAt = q.value(14).toLongLong();
    row.pending = q.value(15).toBool();
    row.conflict = q.value(16).toBool();
    return row;
}

qint64 endOfToday()
{
    return QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
}

// Words for FTS5: each quoted (so no user text is read as query syntax), the last one a prefix.
QString matchExpression(const QString &text)
{
    static const QRegularExpression word(s("[\\p{L}\\p{N}_]+"));
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext())
        terms << s("\"%1\"").arg(it.next().captured(0));
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
    static const QRegularExpression idChars(s("^[0-9a-f-]{6,36}$"));
    if (!idChars.match(needle).hasMatch())
        return std::unexpected(Error::invalid(s("'%1' is not an id (ids look like 0193a2b4-...)").arg(text)));
    if (isValidId(needle)) {
        if (loadEntity(needle))
            return needle;
        return std::unexpected(Error::notFound(s("no note, task or collection with id %1").arg(needle)));
    }
    QSqlQuery &q = prepared(s("SELECT id FROM items WHERE id LIKE ? OR id LIKE ? "
                              "UNION SELECT id FROM collections WHERE id LIKE ? OR id LIKE ? LIMIT 2"));
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
        return std::unexpected(Error::notFound(s("no note, task or collection whose id starts or ends with %1").arg(needle)));
    if (found.size() > 1)
        return std::unexpected(Error::invalid(s("'%1' matches more than one id; give more of it").arg(needle)));
    return found.first();
}

QString Store::filterClause(const ItemFilter &filter, QVariantList &bindings) const
{
    switch (filter.type) {
    case ItemFilter::Type::All:
        return s("deleted = 0");
    case ItemFilter::Type::Collection:
        bindings << filter.value;
        return s("deleted = 0 AND collection_id = ?");
    case ItemFilter::Type::Tag:
        bindings << filter.value;
        return s("deleted = 0 AND EXISTS (SELECT 1 FROM json_each(items.tags) t WHERE t.value = ?)");
    case ItemFilter::Type::Today:
        bindings << endOfToday();
        return s("deleted = 0 AND kind = 'task' AND done_at IS NULL AND due_at < ?");
    case ItemFilter::Type::Upcoming:
        bindings << endOfToday();
        return s("deleted = 0 AND kind = 'task' AND done_at IS NULL AND due_at >= ?");
    case ItemFilter::Type::Done:
        return s("deleted = 0 AND kind = 'task' AND done_at IS NOT NULL");
    case ItemFilter::Type::Trash:
        return s("deleted = 1");
    case ItemFilter::Type::Pending:
        return s("EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id)");
    case ItemFilter::Type::Conflicts:
        return s("EXISTS (SELECT 1 FROM conflicts c WHERE c.entity_id = items.id AND c.status = 'open')");
    }
    return s("0");
}

Result<QList<ItemRow>> Store::items(const ItemFilter &filter) const
{
    QVariantList bindings;
    const QString where = filterClause(filter, bindings);
    QSqlQuery &q = prepared(s("SELECT %1 FROM items WHERE %2").arg(QLatin1StringView(kRowColumns), where));
    for (const QVariant &value : bindings)
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<ItemRow> rows;
    while (q.next())
        rows.append(rowFrom(q));
    q.finish();
    return rows;
}

std::optional<ItemRow> Store::itemRow(const QString &id, const ItemFilter &filter) const
{
    QVariantList bindings;
    const QString where = filterClause(filter, bindings);
    QSqlQuery &q = prepared(s("SELECT %1 FROM items WHERE id = ? AND (%2)").arg(QLatin1StringView(kRowColumns), where));
    q.addBindValue(id);
    for (const QVariant &value : bindings)
        q.addBindValue(value);
    std::optional<ItemRow> row;
    if (q.exec() && q.next())
        row = rowFrom(q);
    q.finish();
    return row;
}

Result<QList<CollectionRow>> Store::collections() const
{
    QSqlQuery &q = prepared(s("SELECT c.id, c.name, c.color, c.parent_id, c.sort_key, "
                              "(SELECT COUNT(*) FROM items i WHERE i.collection_id = c.id AND i.deleted = 0) "
                              "FROM collections c WHERE c.deleted = 0 ORDER BY c.sort_key, c.name"));
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
    QSqlQuery &q = prepared(s("SELECT c.id, c.name, c.color, c.parent_id, c.sort_key, "
                              "(SELECT COUNT(*) FROM items i WHERE i.collection_id = c.id AND i.deleted = 0) "
                              "FROM collections c WHERE c.deleted = 0 AND c.id = ?"));
    q.addBindValue(id);
    std::optional<CollectionRow> row;
    if (q.exec() && q.next()) {
        row = CollectionRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()};
    }
    q.finish();
    return row;
}

Result<QList<QPair<QString, int>>> Store::tags() const
{
    QSqlQuery &q = prepared(s("SELECT t.value, COUNT(*) FROM items, json_each(items.tags) t "
                              "WHERE items.deleted = 0 GROUP BY t.value ORDER BY t.value"));
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
    QSqlQuery &q = prepared(s("SELECT seq, entity_id, kind, version, hlc, device, at, origin, changed, snapshot "
                              "FROM history WHERE entity_id = ? ORDER BY version"));
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
    return entries;
}

Result<QList<OutboxOp>> Store::outbox() const
{
    QSqlQuery &q = prepared(s("SELECT seq, op_id, device, kind, entity_id, fields, base_rev, hlc, created_at, "
                              "attempts, in_flight, last_error FROM outbox ORDER BY seq"));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    QList<OutboxOp> ops;
    while (q.next()) {
        OutboxOp op;
        op.seq = q.value(0).toLongLong();
        op.opId = q.value(1).toString();
        op.device = q.value(2).toString();
        op.kind = kindFromName(q.value(3).toString()).value_or(Kind::Note);
        op.entityId = q.value(4).toString();
        op.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        op.baseRev = q.value(6).toLongLong();
        op.hlc = q.value(7).toString();
        op.createdAt = q.value(8).toLongLong();
        op.attempts = q.value(9).toInt();
        op.inFlight = q.value(10).toBool();
        op.lastError = q.value(11).toString();
        ops.append(op);
    }
    q.finish();
    return ops;
}

int Store::pendingCount() const
{
    QSqlQuery &q = prepared(s("SELECT COUNT(*) FROM outbox"));
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
    // Title matches weigh most, then tags, then the body.
    QSqlQuery &q = prepared(s("SELECT i.id, i.kind, i.title, snippet(items_fts, -1, char(2), char(3), '…', 12), "
                              "bm25(items_fts, 10.0, 1.0, 4.0) AS score "
                              "FROM items_fts JOIN items i ON i.rowid = items_fts.rowid "
                              "WHERE items_fts MATCH ? AND i.deleted = 0 ORDER BY score LIMIT ? OFFSET ?"));
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
