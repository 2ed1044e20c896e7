#include "store.h"
#include "logging.h"

#include "database.h"
#include "due.h"
#include "historytext.h"
#include "ids.h"
#include "recurrence.h"
#include "sortkey.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

using namespace Qt::StringLiterals;

namespace tidemark::model {

namespace {

// QtSql binds a null QString as SQL NULL; text columns are NOT NULL.
QString text(const QJsonValue &value)
{
    QString t = value.toString();
    return t.isNull() ? u""_s : t;
}

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString toJsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant nullableText(const QJsonValue &value)
{
    return value.isString() ? QVariant(value.toString()) : QVariant(QMetaType(QMetaType::QString));
}

QJsonValue textOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

const char kItemColumns[] = "id, kind, collection_id, title, body, tags, pinned, archived, deleted, due, "
                            "due_at, priority, done_at, parent_id, sort_key, recurrence, extra, rev, "
                            "created_at, updated_at";
const char kCollectionColumns[] = "id, name, color, parent_id, sort_key, deleted, extra, rev, created_at, "
                                  "updated_at";

// Per-process counter so that two Stores in one thread still get distinct connection names.
QAtomicInteger<quint64> g_connectionCounter;

} // namespace

// ------------------------------------------------------------------------------------------------
// Opening

Store::Store(QString path, QString connection, HybridClock::WallClock wallClock)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_wall(std::move(wallClock))
    , m_clock(QString(), m_wall)
{
}

Store::~Store()
{
    m_statements.clear();
    Database::close(m_connection);
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, HybridClock::WallClock wallClock)
{
    const QString connection = u"tidemark-store-%1-%2"_s
                                   .arg(quintptr(QThread::currentThreadId()), 0, 16)
                                   .arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Store> store(new Store(path, connection, std::move(wallClock)));
    if (auto opened = Database::open(path, connection); !opened)
        return std::unexpected(opened.error()); // the destructor removes the connection
    if (auto prepared = store->prepareTextIndex(); !prepared)
        return std::unexpected(prepared.error());
    if (auto device = store->loadDevice(); !device)
        return std::unexpected(device.error());
    if (auto adopted = store->adoptKnownKinds(); !adopted)
        return std::unexpected(adopted.error());
    return store;
}

Result<void> Store::prepareTextIndex()
{
    QSqlQuery &table = prepared(u"CREATE TEMP TABLE IF NOT EXISTS text_index_old (rowid INTEGER PRIMARY KEY, title TEXT, "
                                  "body TEXT, tags TEXT)"_s);
    if (!table.exec())
        return std::unexpected(Error::database(table.lastError().text()));
    // The mark of a bulk transaction is never committed; if a store has one all the same, its
    // index may lack rows: it is built again from the rows.
    QSqlQuery &mark = prepared(u"SELECT 1 FROM meta WHERE key = 'text_index_deferred'"_s);
    if (!mark.exec())
        return std::unexpected(Error::database(mark.lastError().text()));
    const bool stale = mark.next();
    mark.finish();
    if (!stale)
        return {};
    qCWarning(lcModel) << "the full-text index was left deferred; building it again";
    return transact([&]() -> Result<void> {
        for (const QString &sql : {u"DELETE FROM meta WHERE key = 'text_index_deferred'"_s,
                                   u"INSERT INTO items_fts (items_fts) VALUES ('rebuild')"_s}) {
            QSqlQuery &q = prepared(sql);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
        }
        return {};
    });
}

Result<void> Store::adoptKnownKinds()
{
    QSqlQuery &read = prepared(u"SELECT id, kind, rev, fields FROM unknown_entities"_s);
    if (!read.exec())
        return std::unexpected(Error::database(read.lastError().text()));
    QList<RemoteChange> known;
    while (read.next()) {
        if (const auto kind = kindFromName(read.value(1).toString()))
            known.append({*kind, read.value(0).toString(), read.value(2).toLongLong(), objectFromText(read.value(3).toString()), {}, 0, {}});
    }
    read.finish();
    if (known.isEmpty())
        return {};
    return transact([&]() -> Result<void> {
        for (const RemoteChange &change : std::as_const(known)) {
            auto pending = pendingFields(change.id);
            if (!pending)
                return std::unexpected(pending.error());
            if (auto applied = applyRemoteChange(change.kind, change.id, change.rev, change.fields, Hlc{0, 0, u"server"_s}, *pending);
                !applied)
                return std::unexpected(applied.error());
            QSqlQuery &drop = prepared(u"DELETE FROM unknown_entities WHERE id = ?"_s);
            drop.addBindValue(change.id);
            if (!drop.exec())
                return std::unexpected(Error::database(drop.lastError().text()));
        }
        return {};
    });
}

Result<void> Store::loadDevice()
{
    return transact([this]() -> Result<void> {
        QSqlQuery &read = prepared(u"SELECT key, value FROM meta WHERE key IN ('device_id', 'hlc')"_s);
        if (!read.exec())
            return std::unexpected(Error::database(read.lastError().text()));
        QString device;
        std::optional<Hlc> last;
        while (read.next()) {
            if (read.value(0).toString() == QLatin1String("device_id"))
                device = read.value(1).toString();
            else
                last = Hlc::fromString(read.value(1).toString());
        }
        read.finish();
        if (device.isEmpty()) {
            device = newId();
            QSqlQuery &write = prepared(u"INSERT INTO meta (key, value) VALUES ('device_id', ?)"_s);
            write.addBindValue(device);
            if (!write.exec())
                return std::unexpected(Error::database(write.lastError().text()));
        }
        m_clock = HybridClock(device, m_wall);
        if (last)
            m_clock.observe(*last);
        return {};
    });
}

// ------------------------------------------------------------------------------------------------
// Transactions

QSqlQuery &Store::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        // Forward-only: otherwise QtSql keeps a copy of every row read, doubling time and memory.
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCWarning(lcModel) << "prepare failed:" << query->lastError().text() << sql;
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

Result<void> Store::begin()
{
    if (m_depth > 0) {
        // An action inside a batch: a savepoint, so that its failure undoes only itself.
        QSqlQuery &q = prepared(u"SAVEPOINT action"_s);
        if (!q.exec())
            return std::unexpected(Error::database(u"cannot start a savepoint: "_s + q.lastError().text()));
        m_savepointMarks.append({m_changedInTransaction.size(), m_journal ? m_journal->size() : 0, m_textIndexPending.size()});
        ++m_depth;
        return {};
    }
    // IMMEDIATE takes the write lock up front, so a busy store makes us wait (busy_timeout)
    // instead of failing half-way through an action.
    QSqlQuery &q = prepared(u"BEGIN IMMEDIATE"_s);
    if (!q.exec())
        return std::unexpected(Error::database(u"cannot start a transaction: "_s + q.lastError().text()));
    m_changedInTransaction.clear();
    m_outboxChangedInTransaction = false;
    m_depth = 1;
    return {};
}

Result<void> Store::commit()
{
    Q_ASSERT(m_depth > 0);
    if (m_depth > 1) {
        QSqlQuery &release = prepared(u"RELEASE action"_s);
        if (!release.exec()) {
            const QString message = release.lastError().text();
            rollback();
            return std::unexpected(Error::database(u"cannot release a savepoint: "_s + message));
        }
        m_savepointMarks.removeLast();
        --m_depth;
        return {};
    }
    if (m_batchBroken) {
        rollback();
        return std::unexpected(Error::database(u"an action inside the batch could not be undone; nothing was saved"_s));
    }
    QSqlQuery &q = prepared(u"COMMIT"_s);
    if (!q.exec()) {
        const QString message = q.lastError().text();
        rollback();
        return std::unexpected(Error::database(u"cannot commit: "_s + message));
    }
    m_depth = 0;
    // Tell listeners only about what is durable. Take the lists first: a listener may start
    // another action.
    const auto changed = std::exchange(m_changedInTransaction, {});
    const bool outbox = std::exchange(m_outboxChangedInTransaction, false);
    for (const auto &[kind, id] : changed)
        Q_EMIT entityChanged(kind, id);
    if (outbox)
        Q_EMIT outboxChanged();
    return {};
}

void Store::rollback()
{
    Q_ASSERT(m_depth > 0);
    for (auto &[sql, statement] : m_statements)
        statement->finish();
    if (m_depth > 1) {
        // Always release, even when the rollback failed, so the savepoint stack stays balanced;
        // a failed rollback poisons the whole batch instead of committing half an action.
        QSqlQuery &undo = prepared(u"ROLLBACK TO action"_s);
        const bool undone = undo.exec();
        if (!undone) {
            qCWarning(lcModel) << "rollback to savepoint failed:" << undo.lastError().text();
            m_batchBroken = true;
        }
        QSqlQuery &release = prepared(u"RELEASE action"_s);
        if (!release.exec())
            qCWarning(lcModel) << "release of savepoint failed:" << release.lastError().text();
        const SavepointMark mark = m_savepointMarks.takeLast();
        m_changedInTransaction.resize(mark.changed);
        if (m_journal)
            m_journal->resize(mark.journaled);
        // (The rows the savepoint kept for the index went with it.)
        for (qsizetype i = mark.textIndexPending; i < m_textIndexPending.size(); ++i)
            m_textIndexPendingSet.remove(m_textIndexPending.at(i));
        m_textIndexPending.resize(mark.textIndexPending);
        --m_depth;
        return;
    }
    QSqlQuery &q = prepared(u"ROLLBACK"_s);
    if (!q.exec())
        qCWarning(lcModel) << "rollback failed:" << q.lastError().text();
    m_depth = 0;
    m_batchBroken = false;
    m_savepointMarks.clear();
    m_changedInTransaction.clear();
    m_outboxChangedInTransaction = false;
    m_textIndexDeferred = false;
    m_textIndexPending.clear();
    m_textIndexPendingSet.clear();
    // The in-memory clock may have ticked for the failed action; that is harmless (it only
    // ever moves forward), and the persisted value stays consistent with what was committed.
}

Result<void> Store::setAutoCheckpoint(bool enabled)
{
    QSqlQuery &q = prepared(enabled ? u"PRAGMA wal_autocheckpoint = 1000"_s : u"PRAGMA wal_autocheckpoint = 0"_s);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    q.finish();
    return {};
}

Result<void> Store::checkpoint()
{
    QSqlQuery &q = prepared(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    q.finish();
    return {};
}

Result<void> Store::batch(const std::function<Result<void>()> &actions)
{
    return transact(actions);
}

Result<void> Store::bulk(const std::function<Result<void>()> &actions)
{
    if (m_depth > 0)
        return transact(actions);
    return transact([&]() -> Result<void> {
        // The triggers stand aside while this mark exists; it never outlives the transaction.
        QSqlQuery &mark = prepared(u"INSERT INTO meta (key, value) VALUES ('text_index_deferred', '1')"_s);
        if (!mark.exec())
            return std::unexpected(Error::database(mark.lastError().text()));
        m_textIndexDeferred = true;
        auto done = actions();
        if (done)
            done = flushTextIndex();
        m_textIndexDeferred = false;
        if (!done)
            return done;
        QSqlQuery &unmark = prepared(u"DELETE FROM meta WHERE key = 'text_index_deferred'"_s);
        if (!unmark.exec())
            return std::unexpected(Error::database(unmark.lastError().text()));
        return {};
    });
}

Result<void> Store::deferTextIndex(const QString &id, bool isNew, bool removed, const QString &title, const QString &body,
                                   const QString &tags)
{
    if (!m_textIndexDeferred || m_textIndexPendingSet.contains(id))
        return {}; // indexed as it changes, or already noted (the index has its text from before)
    if (!isNew) {
        // The text the index has, kept for taking out; an update that leaves it alone needs nothing.
        QSqlQuery &keep = prepared(removed ? u"INSERT INTO temp.text_index_old (rowid, title, body, tags) "
                                             "SELECT rowid, title, body, tags FROM items WHERE id = ?"_s
                                           : u"INSERT INTO temp.text_index_old (rowid, title, body, tags) "
                                             "SELECT rowid, title, body, tags FROM items "
                                             "WHERE id = ? AND (title IS NOT ? OR body IS NOT ? OR tags IS NOT ?)"_s);
        keep.addBindValue(id);
        if (!removed) {
            keep.addBindValue(title);
            keep.addBindValue(body);
            keep.addBindValue(tags);
        }
        if (!keep.exec())
            return std::unexpected(Error::database(keep.lastError().text()));
        if (keep.numRowsAffected() < 1)
            return {};
    }
    m_textIndexPending.append(id);
    m_textIndexPendingSet.insert(id);
    return {};
}

Result<void> Store::flushTextIndex()
{
    if (m_textIndexPending.isEmpty())
        return {};
    // Each in one statement, in rowid order: FTS5 then builds one segment, not one per row.
    for (const QString &sql : {u"INSERT INTO items_fts (items_fts, rowid, title, body, tags) "
                                "SELECT 'delete', rowid, title, body, tags FROM temp.text_index_old ORDER BY rowid"_s,
                               u"DELETE FROM temp.text_index_old"_s}) {
        QSqlQuery &q = prepared(sql);
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
    }
    QSqlQuery &add = prepared(u"INSERT INTO items_fts (rowid, title, body, tags) SELECT rowid, title, body, tags FROM items "
                                "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid"_s);
    add.addBindValue(toJsonText(QJsonArray::fromStringList(m_textIndexPending)));
    if (!add.exec())
        return std::unexpected(Error::database(add.lastError().text()));
    m_textIndexPending.clear();
    m_textIndexPendingSet.clear();
    return {};
}

Result<QList<Store::Touched>> Store::recorded(const std::function<Result<void>()> &actions)
{
    if (m_journal)
        return std::unexpected(Error::invalid(u"recorded() cannot be nested"_s));
    QList<Touched> journal;
    m_journal = &journal;
    const auto done = transact(actions);
    m_journal = nullptr;
    if (!done)
        return std::unexpected(done.error());
    // One entry per entity: as it was before its first change and after its last.
    QList<Touched> touched;
    QHash<QString, qsizetype> index;
    for (Touched &change : journal) {
        const auto it = index.constFind(change.id);
        if (it == index.cend()) {
            index.insert(change.id, touched.size());
            touched.append(std::move(change));
        } else {
            touched[*it].after = std::move(change.after);
        }
    }
    return touched;
}

template<typename F>
auto Store::transact(F &&action) -> decltype(action())
{
    if (auto started = begin(); !started)
        return std::unexpected(started.error());
    auto result = action();
    if (!result) {
        rollback();
        return result;
    }
    if (auto committed = commit(); !committed)
        return std::unexpected(committed.error());
    return result;
}

Result<Hlc> Store::nextHlc()
{
    // Another process (tidemarkctl next to the app) may have ticked the same device's clock.
    QSqlQuery &read = prepared(u"SELECT value FROM meta WHERE key = 'hlc'"_s);
    if (!read.exec())
        return std::unexpected(Error::database(read.lastError().text()));
    if (read.next()) {
        if (auto persisted = Hlc::fromString(read.value(0).toString()))
            m_clock.observe(*persisted);
    }
    read.finish();
    const Hlc hlc = m_clock.tick();
    QSqlQuery &write = prepared(u"INSERT INTO meta (key, value) VALUES ('hlc', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    write.addBindValue(hlc.toString());
    if (!write.exec())
        return std::unexpected(Error::database(write.lastError().text()));
    return hlc;
}

// ------------------------------------------------------------------------------------------------
// Rows <-> entities

std::optional<Entity> Store::loadEntity(const QString &id) const
{
    QSqlQuery &item = prepared(u"SELECT %1 FROM items WHERE id = ?"_s.arg(QLatin1StringView(kItemColumns)));
    item.addBindValue(id);
    if (item.exec() && item.next()) {
        Entity e;
        e.id = item.value(0).toString();
        e.kind = item.value(1).toString() == QLatin1String("task") ? Kind::Task : Kind::Note;
        e.fields = objectFromText(item.value(16).toString());
        e.fields[u"collection"_s] = textOrNull(item.value(2));
        e.fields[u"title"_s] = item.value(3).toString();
        e.fields[e.kind == Kind::Task ? u"notes"_s : u"body"_s] = item.value(4).toString();
        e.fields[u"tags"_s] = QJsonDocument::fromJson(item.value(5).toString().toUtf8()).array();
        e.fields[u"deleted"_s] = item.value(8).toBool();
        if (e.kind == Kind::Note) {
            e.fields[u"pinned"_s] = item.value(6).toBool();
            e.fields[u"archived"_s] = item.value(7).toBool();
        } else {
            e.fields[u"due"_s] = textOrNull(item.value(9));
            e.fields[u"priority"_s] = item.value(11).toInt();
            e.fields[u"done_at"_s] = textOrNull(item.value(12));
            e.fields[u"parent"_s] = textOrNull(item.value(13));
            e.fields[u"sort_key"_s] = item.value(14).toString();
            e.fields[u"recurrence"_s] = textOrNull(item.value(15));
        }
        e.rev = item.value(17).toLongLong();
        e.createdAt = item.value(18).toLongLong();
        e.updatedAt = item.value(19).toLongLong();
        item.finish();
        return e;
    }
    item.finish();

    QSqlQuery &collection =
        prepared(u"SELECT %1 FROM collections WHERE id = ?"_s.arg(QLatin1StringView(kCollectionColumns)));
    collection.addBindValue(id);
    if (collection.exec() && collection.next()) {
        Entity e;
        e.kind = Kind::Collection;
        e.id = collection.value(0).toString();
        e.fields = objectFromText(collection.value(6).toString());
        e.fields[u"name"_s] = collection.value(1).toString();
        e.fields[u"color"_s] = collection.value(2).toString();
        e.fields[u"parent"_s] = textOrNull(collection.value(3));
        e.fields[u"sort_key"_s] = collection.value(4).toString();
        e.fields[u"deleted"_s] = collection.value(5).toBool();
        e.rev = collection.value(7).toLongLong();
        e.createdAt = collection.value(8).toLongLong();
        e.updatedAt = collection.value(9).toLongLong();
        collection.finish();
        return e;
    }
    collection.finish();
    return std::nullopt;
}

Result<void> Store::writeEntity(const Entity &e, bool isNew)
{
    QJsonObject extra;
    for (auto it = e.fields.begin(); it != e.fields.end(); ++it) {
        if (!Fields::isKnown(e.kind, it.key()))
            extra.insert(it.key(), it.value());
    }
    const QJsonObject &f = e.fields;
    QSqlQuery *q = nullptr;
    if (e.kind == Kind::Collection) {
        q = &prepared(isNew ? u"INSERT INTO collections (name, color, parent_id, sort_key, deleted, extra, rev, "
                                "created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
                            : u"UPDATE collections SET name = ?, color = ?, parent_id = ?, sort_key = ?, "
                                "deleted = ?, extra = ?, rev = ?, created_at = ?, updated_at = ? WHERE id = ?"_s);
        q->addBindValue(text(f.value(u"name"_s)));
        q->addBindValue(text(f.value(u"color"_s)));
        q->addBindValue(nullableText(f.value(u"parent"_s)));
        q->addBindValue(text(f.value(u"sort_key"_s)));
        q->addBindValue(f.value(u"deleted"_s).toBool() ? 1 : 0);
    } else {
        const bool task = e.kind == Kind::Task;
        q = &prepared(isNew ? u"INSERT INTO items (kind, collection_id, title, body, snippet, tags, pinned, "
                                "archived, deleted, due, due_at, priority, done_at, parent_id, sort_key, recurrence, "
                                "extra, rev, created_at, updated_at, id) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
                            : u"UPDATE items SET kind = ?, collection_id = ?, title = ?, body = ?, snippet = ?, tags = ?, "
                                "pinned = ?, archived = ?, deleted = ?, due = ?, due_at = ?, priority = ?, "
                                "done_at = ?, parent_id = ?, sort_key = ?, recurrence = ?, extra = ?, rev = ?, "
                                "created_at = ?, updated_at = ? WHERE id = ?"_s);
        const QString title = text(f.value(u"title"_s));
        const QString body = text(f.value(task ? u"notes"_s : u"body"_s));
        const QString tags = toJsonText(f.value(u"tags"_s).toArray());
        if (auto deferred = deferTextIndex(e.id, isNew, false, title, body, tags); !deferred)
            return deferred;
        q->addBindValue(kindName(e.kind));
        q->addBindValue(nullableText(f.value(u"collection"_s)));
        q->addBindValue(title);
        q->addBindValue(body);
        q->addBindValue(plainSnippet(body));
        q->addBindValue(tags);
        q->addBindValue(!task && f.value(u"pinned"_s).toBool() ? 1 : 0);
        q->addBindValue(!task && f.value(u"archived"_s).toBool() ? 1 : 0);
        q->addBindValue(f.value(u"deleted"_s).toBool() ? 1 : 0);
        const auto due = task && f.value(u"due"_s).isString() ? Due::parse(f.value(u"due"_s).toString())
                                                                : std::nullopt;
        q->addBindValue(due ? QVariant(due->toString()) : QVariant(QMetaType(QMetaType::QString)));
        q->addBindValue(due ? QVariant(due->toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong)));
        q->addBindValue(task ? f.value(u"priority"_s).toInt() : 0);
        q->addBindValue(task ? nullableText(f.value(u"done_at"_s)) : QVariant(QMetaType(QMetaType::QString)));
        q->addBindValue(task ? nullableText(f.value(u"parent"_s)) : QVariant(QMetaType(QMetaType::QString)));
        q->addBindValue(task ? text(f.value(u"sort_key"_s)) : u""_s);
        q->addBindValue(task ? nullableText(f.value(u"recurrence"_s)) : QVariant(QMetaType(QMetaType::QString)));
    }
    q->addBindValue(toJsonText(extra));
    q->addBindValue(e.rev);
    q->addBindValue(e.createdAt);
    q->addBindValue(e.updatedAt);
    q->addBindValue(e.id);
    if (!q->exec())
        return std::unexpected(Error::database(q->lastError().text()));
    if (!isNew && q->numRowsAffected() != 1)
        return std::unexpected(Error::notFound(u"no entity %1"_s.arg(e.id)));
    m_changedInTransaction.append({e.kind, e.id});
    return {};
}

void Store::noteMembership(const std::optional<Entity> &before, const Entity &after)
{
    // A collection's counts change when an item enters, leaves, or is deleted or restored in it.
    if (after.kind == Kind::Collection)
        return;
    const QString oldCollection = before ? before->fields.value(u"collection"_s).toString() : QString();
    const QString newCollection = after.fields.value(u"collection"_s).toString();
    const bool deletedChanged = !before || before->isDeleted() != after.isDeleted();
    if (oldCollection == newCollection && !deletedChanged)
        return;
    for (const QString &collection : {oldCollection, newCollection}) {
        if (!collection.isEmpty() && !m_changedInTransaction.contains({Kind::Collection, collection}))
            m_changedInTransaction.append({Kind::Collection, collection});
    }
}

// ------------------------------------------------------------------------------------------------
// History and outbox

Result<void> Store::appendHistory(const Entity &e, const QStringList &changed, const QString &origin,
                                  const Hlc &hlc, qint64 at)
{
    QSqlQuery &q = prepared(u"INSERT INTO history (entity_id, kind, version, hlc, device, at, origin, changed, "
                              "snapshot) VALUES (?, ?, (SELECT COALESCE(MAX(version), 0) + 1 FROM history "
                              "WHERE entity_id = ?), ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(e.id);
    q.addBindValue(kindName(e.kind));
    q.addBindValue(e.id);
    q.addBindValue(hlc.toString());
    q.addBindValue(hlc.device);
    q.addBindValue(at > 0 ? at : e.updatedAt);
    q.addBindValue(origin);
    q.addBindValue(toJsonText(QJsonArray::fromStringList(changed)));
    // Long texts leave the snapshot for history_text, as a keyframe or a delta against one.
    QJsonObject snapshot = e.fields;
    QList<QPair<QString, QString>> longTexts;
    for (auto it = snapshot.begin(); it != snapshot.end();) {
        if (it->isString() && it->toString().size() >= HistoryText::kMinChars) {
            longTexts.append({it.key(), it->toString()});
            it = snapshot.erase(it);
        } else {
            ++it;
        }
    }
    q.addBindValue(toJsonText(snapshot));
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    const qint64 seq = q.lastInsertId().toLongLong();
    for (const auto &[field, value] : std::as_const(longTexts)) {
        if (auto r = appendHistoryText(e.id, seq, field, value.toUtf8()); !r)
            return r;
    }
    return {};
}

Result<void> Store::appendHistoryText(const QString &id, qint64 seq, const QString &field, const QByteArray &utf8)
{
    // Against the field's last keyframe, unless the run of deltas is long or this one is not small.
    qint64 base = 0;
    int depth = 0;
    QByteArray frame;
    QSqlQuery &last = prepared(u"SELECT seq, base, depth FROM history_text WHERE entity_id = ? AND field = ? "
                                 "ORDER BY seq DESC LIMIT 1"_s);
    last.addBindValue(id);
    last.addBindValue(field);
    if (!last.exec())
        return std::unexpected(Error::database(last.lastError().text()));
    if (last.next() && last.value(2).toInt() < HistoryText::kMaxDeltas) {
        const qint64 keyframe = last.value(1).toLongLong() ? last.value(1).toLongLong() : last.value(0).toLongLong();
        const int lastDepth = last.value(2).toInt();
        last.finish();
        qsizetype keyframeBytes = 0;
        if (auto keyText = keyframeText(keyframe, field, &keyframeBytes)) {
            QByteArray delta = HistoryText::packAgainst(utf8, *keyText);
            if (!delta.isEmpty() && HistoryText::deltaIsSmall(delta.size(), keyframeBytes)) {
                frame = std::move(delta);
                base = keyframe;
                depth = lastDepth + 1;
            }
        } else {
            // A damaged or missing keyframe is not built on: this version starts a new one.
            qCWarning(lcModel) << "history of" << id << field << ":" << keyText.error().message;
        }
    }
    last.finish();
    if (frame.isEmpty())
        frame = HistoryText::pack(utf8);
    if (frame.isEmpty())
        return std::unexpected(Error::database(u"cannot compress the text of %1 for its history"_s.arg(id)));
    QSqlQuery &q = prepared(u"INSERT INTO history_text (seq, field, entity_id, base, depth, data) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(seq);
    q.addBindValue(field);
    q.addBindValue(id);
    q.addBindValue(base);
    q.addBindValue(depth);
    q.addBindValue(frame);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    return {};
}

Result<void> Store::appendOperation(const Entity &e, const QJsonObject &fields, const Hlc &hlc)
{
    m_outboxChangedInTransaction = true;
    // A change the server refused (a note over its size limit) goes again with the item's next
    // edit, as the item now is: the person shortened the note, and it syncs whole. The new
    // operation keeps the refused one's base revision (what the person saw first) and takes its
    // place; if the server refuses it too, it is parked with the new reason.
    QSqlQuery &parked = prepared(u"SELECT seq, fields, base_rev FROM outbox WHERE entity_id = ? AND in_flight = 2"_s);
    parked.addBindValue(e.id);
    if (!parked.exec())
        return std::unexpected(Error::database(parked.lastError().text()));
    QJsonObject resent;
    qint64 resentBase = e.rev;
    QList<qint64> refused;
    while (parked.next()) {
        refused.append(parked.value(0).toLongLong());
        const QJsonObject old = objectFromText(parked.value(1).toString());
        for (auto it = old.begin(); it != old.end(); ++it)
            resent.insert(it.key(), e.fields.contains(it.key()) ? e.fields.value(it.key()) : it.value());
        resentBase = std::min(resentBase, parked.value(2).toLongLong());
    }
    parked.finish();
    if (!refused.isEmpty()) {
        for (const qint64 seq : std::as_const(refused)) {
            QSqlQuery &drop = prepared(u"DELETE FROM outbox WHERE seq = ?"_s);
            drop.addBindValue(seq);
            if (!drop.exec())
                return std::unexpected(Error::database(drop.lastError().text()));
        }
        for (auto it = fields.begin(); it != fields.end(); ++it)
            resent.insert(it.key(), it.value());
        return insertOperation(e, resent, resentBase, hlc);
    }
    // Consecutive unsent edits of one entity coalesce into one operation that keeps the first
    // edit's base revision: the server judges the combined change against what the user saw first.
    QSqlQuery &last = prepared(u"SELECT seq, entity_id, fields, base_rev, in_flight FROM outbox "
                                 "ORDER BY seq DESC LIMIT 1"_s);
    if (!last.exec())
        return std::unexpected(Error::database(last.lastError().text()));
    if (last.next() && last.value(1).toString() == e.id && !last.value(4).toBool()) {
        const qint64 seq = last.value(0).toLongLong();
        QJsonObject merged = objectFromText(last.value(2).toString());
        const qint64 baseRev = last.value(3).toLongLong();
        last.finish();
        bool sameFieldsOnly = true;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            sameFieldsOnly = sameFieldsOnly && merged.contains(it.key());
        if (sameFieldsOnly || baseRev == e.rev) {
            for (auto it = fields.begin(); it != fields.end(); ++it)
                merged.insert(it.key(), it.value());
            QSqlQuery &update = prepared(u"UPDATE outbox SET fields = ?, hlc = ? WHERE seq = ?"_s);
            update.addBindValue(toJsonText(merged));
            update.addBindValue(hlc.toString());
            update.addBindValue(seq);
            if (!update.exec())
                return std::unexpected(Error::database(update.lastError().text()));
            return {};
        }
    }
    last.finish();
    return insertOperation(e, fields, e.rev, hlc);
}

Result<void> Store::insertOperation(const Entity &e, const QJsonObject &fields, qint64 baseRev, const Hlc &hlc)
{
    QSqlQuery &insert = prepared(u"INSERT INTO outbox (op_id, device, kind, entity_id, fields, base_rev, hlc, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(newId());
    insert.addBindValue(hlc.device);
    insert.addBindValue(kindName(e.kind));
    insert.addBindValue(e.id);
    insert.addBindValue(toJsonText(fields));
    insert.addBindValue(baseRev);
    insert.addBindValue(hlc.toString());
    insert.addBindValue(e.updatedAt);
    if (!insert.exec())
        return std::unexpected(Error::database(insert.lastError().text()));
    return {};
}

// ------------------------------------------------------------------------------------------------
// Actions

Result<void> Store::checkReferences(const Entity &e) const
{
    const QString collection = e.fields.value(u"collection"_s).toString();
    if (e.kind != Kind::Collection && !collection.isEmpty()) {
        const auto target = loadEntity(collection);
        if (!target || target->kind != Kind::Collection)
            return std::unexpected(Error::notFound(u"no collection %1"_s.arg(collection)));
    }
    const QString parent = e.fields.value(u"parent"_s).toString();
    if (!parent.isEmpty()) {
        if (parent == e.id)
            return std::unexpected(Error::invalid(u"an entity cannot be its own parent"_s));
        const auto target = loadEntity(parent);
        if (!target || target->kind != e.kind || (e.kind != Kind::Task && e.kind != Kind::Collection))
            return std::unexpected(Error::notFound(u"no %1 %2 to be the parent"_s.arg(kindName(e.kind), parent)));
        // No cycles: walk up from the new parent.
        QString up = target->fields.value(u"parent"_s).toString();
        for (int depth = 0; !up.isEmpty() && depth < 1000; ++depth) {
            if (up == e.id)
                return std::unexpected(Error::invalid(u"that parent would make a cycle"_s));
            const auto next = loadEntity(up);
            up = next ? next->fields.value(u"parent"_s).toString() : QString();
        }
    }
    return {};
}

QString Store::lastSortKey(Kind kind, const QString &collectionId, const QString &parentId) const
{
    QSqlQuery &q = kind == Kind::Collection
        ? prepared(u"SELECT MAX(sort_key) FROM collections WHERE parent_id IS ?"_s)
        : prepared(u"SELECT MAX(sort_key) FROM items WHERE kind = 'task' AND collection_id IS ? "
                     "AND parent_id IS ?"_s);
    if (kind == Kind::Collection) {
        q.addBindValue(parentId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(parentId));
    } else {
        q.addBindValue(collectionId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(collectionId));
        q.addBindValue(parentId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(parentId));
    }
    QString key;
    if (q.exec() && q.next())
        key = q.value(0).toString();
    q.finish();
    return key;
}

Result<Entity> Store::insertEntity(Entity e)
{
    if (auto refs = checkReferences(e); !refs)
        return std::unexpected(refs.error());
    if ((e.kind == Kind::Task || e.kind == Kind::Collection) && e.fields.value(u"sort_key"_s).toString().isEmpty()) {
        const QString last = lastSortKey(e.kind, e.fields.value(u"collection"_s).toString(),
                                         e.fields.value(u"parent"_s).toString());
        e.fields[u"sort_key"_s] = SortKey::between(SortKey::isValid(last) ? last : QString(), QString());
    }
    auto hlc = nextHlc();
    if (!hlc)
        return std::unexpected(hlc.error());
    e.createdAt = e.updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (auto r = writeEntity(e, true); !r)
        return std::unexpected(r.error());
    noteMembership(std::nullopt, e);
    if (auto r = appendHistory(e, e.fields.keys(), u"local"_s, *hlc); !r)
        return std::unexpected(r.error());
    if (auto r = appendOperation(e, e.fields, *hlc); !r)
        return std::unexpected(r.error());
    if (m_journal)
        m_journal->append({e.kind, e.id, std::nullopt, e.fields});
    return e;
}

Result<Entity> Store::create(Kind kind, const QJsonObject &fields, const QString &id)
{
    if (!id.isEmpty() && (!isValidId(id) || loadEntity(id)))
        return std::unexpected(Error::invalid(u"cannot create with id '%1': not an id, or already used"_s.arg(id)));
    Entity e;
    e.kind = kind;
    e.id = id.isEmpty() ? newId() : id;
    e.fields = Fields::defaults(kind);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        auto value = Fields::validate(kind, it.key(), it.value());
        if (!value)
            return std::unexpected(value.error());
        e.fields[it.key()] = *value;
    }
    if (kind == Kind::Collection && e.fields.value(u"name"_s).toString().isEmpty())
        return std::unexpected(Error::invalid(u"a collection needs a name"_s));
    return transact([&] { return insertEntity(e); });
}

Result<Entity> Store::changeEntity(Entity e, const QJsonObject &changes, const QString &origin)
{
    QJsonObject changed;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (e.fields.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    if (changed.isEmpty())
        return e; // nothing to save, nothing to send
    const Entity before = e;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        e.fields[it.key()] = it.value();
    // Only references being set are checked: an item whose collection has not arrived from the
    // server yet can still be edited.
    if (changed.contains(u"collection"_s) || changed.contains(u"parent"_s)) {
        if (auto refs = checkReferences(e); !refs)
            return std::unexpected(refs.error());
    }
    auto hlc = nextHlc();
    if (!hlc)
        return std::unexpected(hlc.error());
    e.updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (auto r = writeEntity(e, false); !r)
        return std::unexpected(r.error());
    noteMembership(before, e);
    if (auto r = appendHistory(e, changed.keys(), origin, *hlc); !r)
        return std::unexpected(r.error());
    if (auto r = appendOperation(e, changed, *hlc); !r)
        return std::unexpected(r.error());
    if (m_journal)
        m_journal->append({e.kind, e.id, before.fields, e.fields});
    return e;
}

Result<Entity> Store::update(const QString &id, const QJsonObject &changes)
{
    return transact([&]() -> Result<Entity> {
        auto e = loadEntity(id);
        if (!e)
            return std::unexpected(Error::notFound(u"no note, task or collection with id %1"_s.arg(id)));
        QJsonObject valid;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            auto value = Fields::validate(e->kind, it.key(), it.value());
            if (!value)
                return std::unexpected(value.error());
            valid.insert(it.key(), *value);
        }
        return changeEntity(*e, valid, u"local"_s);
    });
}

Result<Entity> Store::setDeleted(const QString &id, bool deleted)
{
    return update(id, {{u"deleted"_s, deleted}});
}

Result<Entity> Store::move(const QString &id, const QString &collectionId)
{
    const auto e = entity(id);
    if (e && e->kind == Kind::Collection)
        return std::unexpected(Error::invalid(u"collections are nested with their parent, not moved into one"_s));
    return update(id, {{u"collection"_s, collectionId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(collectionId)}});
}

Result<Entity> Store::reorder(const QString &id, const QString &afterId, const QString &beforeId)
{
    const auto keyOf = [this](const QString &other) -> Result<QString> {
        if (other.isEmpty())
            return QString();
        const auto e = loadEntity(other);
        if (!e)
            return std::unexpected(Error::notFound(u"no entity %1"_s.arg(other)));
        return e->fields.value(u"sort_key"_s).toString();
    };
    const auto after = keyOf(afterId);
    const auto before = keyOf(beforeId);
    if (!after)
        return std::unexpected(after.error());
    if (!before)
        return std::unexpected(before.error());
    if (!after->isEmpty() && !before->isEmpty() && !(*after < *before))
        return std::unexpected(Error::invalid(u"the neighbours are not in order"_s));
    return update(id, {{u"sort_key"_s, SortKey::between(*after, *before)}});
}

Result<QList<Entity>> Store::setDone(const QString &id, bool done)
{
    return transact([&]() -> Result<QList<Entity>> {
        auto e = loadEntity(id);
        if (!e || e->kind != Kind::Task)
            return std::unexpected(Error::notFound(u"no task with id %1"_s.arg(id)));
        if (e->fields.value(u"done_at"_s).isString() == done)
            return QList<Entity>{*e};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject changes{{u"done_at"_s, done ? QJsonValue(now.toString(Qt::ISODateWithMs)) : QJsonValue::Null}};
        const auto rule = done && e->fields.value(u"recurrence"_s).isString()
            ? Recurrence::parse(e->fields.value(u"recurrence"_s).toString())
            : std::nullopt;
        if (rule)
            changes.insert(u"recurrence"_s, QJsonValue::Null); // the rule moves on to the next one
        auto completed = changeEntity(*e, changes, u"local"_s);
        if (!completed)
            return std::unexpected(completed.error());
        QList<Entity> result{*completed};
        if (done) {
            // A task is done with all its parts: its open subtasks, at every depth, are completed
            // with it (docs/desktop-app.md, "Subtasks"). Reopening it leaves them as they are.
            QStringList parents{id};
            for (int depth = 0; !parents.isEmpty() && depth < 100; ++depth) {
                QStringList next;
                for (const QString &parent : std::as_const(parents)) {
                    auto children = subtasks(parent);
                    if (!children)
                        return std::unexpected(children.error());
                    for (const Entity &child : *children) {
                        next.append(child.id);
                        if (child.fields.value(u"done_at"_s).isString())
                            continue;
                        if (auto r = changeEntity(child, {{u"done_at"_s, changes.value(u"done_at"_s)}}, u"local"_s); !r)
                            return std::unexpected(r.error());
                    }
                }
                parents = std::move(next);
            }
        }
        if (rule) {
            // The next occurrence: the same task, due one interval after this one was due (or after
            // today when it had no due date).
            const auto due = e->fields.value(u"due"_s).isString() ? Due::parse(e->fields.value(u"due"_s).toString())
                                                                   : std::nullopt;
            Due nextDue;
            if (due)
                nextDue = due->withDate(rule->next(due->date));
            else
                nextDue.date = rule->next(QDate::currentDate());
            Entity next;
            next.kind = Kind::Task;
            next.id = newId();
            next.fields = e->fields;
            next.fields[u"due"_s] = nextDue.toString();
            next.fields[u"done_at"_s] = QJsonValue::Null;
            next.fields[u"deleted"_s] = false;
            next.fields[u"sort_key"_s] = QString();
            auto created = insertEntity(next);
            if (!created)
                return std::unexpected(created.error());
            result.append(*created);
        }
        return result;
    });
}

Result<int> Store::emptyTrash()
{
    return transact([&]() -> Result<int> {
        QSqlQuery &trashed = prepared(u"SELECT id, kind FROM items WHERE deleted = 1"_s);
        if (!trashed.exec())
            return std::unexpected(Error::database(trashed.lastError().text()));
        QList<QPair<Kind, QString>> erased;
        while (trashed.next())
            erased.append({kindFromName(trashed.value(1).toString()).value_or(Kind::Note), trashed.value(0).toString()});
        trashed.finish();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const auto &[kind, id] : std::as_const(erased)) {
            if (auto deferred = deferTextIndex(id, false, true); !deferred)
                return std::unexpected(deferred.error());
            for (const char *sql : {"INSERT OR REPLACE INTO erased (id, erased_at) VALUES (?, ?)",
                                    "DELETE FROM history WHERE entity_id = ?", "DELETE FROM history_text WHERE entity_id = ?",
                                    "DELETE FROM conflicts WHERE entity_id = ?",
                                    "DELETE FROM items WHERE id = ?"}) {
                QSqlQuery &q = prepared(QString::fromUtf8(sql));
                q.addBindValue(id);
                if (QByteArrayView(sql).startsWith("INSERT"))
                    q.addBindValue(now);
                if (!q.exec())
                    return std::unexpected(Error::database(q.lastError().text()));
            }
            // Lists drop the row; a collection's count never included trashed items.
            m_changedInTransaction.append({kind, id});
        }
        return int(erased.size());
    });
}

Result<Entity> Store::restoreVersion(const QString &id, int version)
{
    return transact([&]() -> Result<Entity> {
        auto e = loadEntity(id);
        if (!e)
            return std::unexpected(Error::notFound(u"no note, task or collection with id %1"_s.arg(id)));
        QSqlQuery &q = prepared(u"SELECT seq, snapshot FROM history WHERE entity_id = ? AND version = ?"_s);
        q.addBindValue(id);
        q.addBindValue(version);
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        if (!q.next()) {
            q.finish();
            return std::unexpected(Error::notFound(u"%1 has no version %2"_s.arg(id).arg(version)));
        }
        const qint64 seq = q.value(0).toLongLong();
        QJsonObject snapshot = objectFromText(q.value(1).toString());
        q.finish();
        if (auto r = readHistoryTexts(id, seq, seq, [&](qint64, const QString &field, const QString &value) {
                snapshot.insert(field, value);
            });
            !r)
            return std::unexpected(r.error());
        QJsonObject changes;
        for (const QString &field : Fields::known(e->kind)) {
            if (snapshot.contains(field))
                changes.insert(field, snapshot.value(field));
        }
        return changeEntity(*e, changes, u"restore"_s);
    });
}

Result<Entity> Store::applyRemote(Kind kind, const QString &id, qint64 rev, const QJsonObject &fields,
                                  const Hlc &hlc)
{
    if (!isValidId(id))
        return std::unexpected(Error::invalid(u"not an id: %1"_s.arg(id)));
    return transact([&]() -> Result<Entity> {
        auto pending = pendingFields(id);
        if (!pending)
            return std::unexpected(pending.error());
        return applyRemoteChange(kind, id, rev, fields, hlc, *pending);
    });
}

Result<QSet<QString>> Store::pendingFields(const QString &id) const
{
    // Fields with a pending local operation keep the local value until the server has judged it.
    QSet<QString> pending;
    QSqlQuery &ops = prepared(u"SELECT fields FROM outbox WHERE entity_id = ?"_s);
    ops.addBindValue(id);
    if (!ops.exec())
        return std::unexpected(Error::database(ops.lastError().text()));
    while (ops.next()) {
        const QJsonObject opFields = objectFromText(ops.value(0).toString());
        for (auto it = opFields.begin(); it != opFields.end(); ++it)
            pending.insert(it.key());
    }
    ops.finish();
    return pending;
}

Result<QSet<QString>> Store::pendingFields(const QList<QString> &ids) const
{
    QSet<QString> pending;
    // An empty outbox (the usual case) answers at once.
    QSqlQuery &any = prepared(u"SELECT 1 FROM outbox LIMIT 1"_s);
    if (!any.exec())
        return std::unexpected(Error::database(any.lastError().text()));
    const bool empty = !any.next();
    any.finish();
    if (empty)
        return pending;
    QSqlQuery &ops = prepared(u"SELECT fields FROM outbox WHERE entity_id = ?"_s);
    QSet<QString> looked;
    for (const QString &id : ids) {
        if (looked.contains(id))
            continue;
        looked.insert(id);
        ops.addBindValue(id);
        if (!ops.exec())
            return std::unexpected(Error::database(ops.lastError().text()));
        while (ops.next()) {
            const QJsonObject opFields = objectFromText(ops.value(0).toString());
            for (auto it = opFields.begin(); it != opFields.end(); ++it)
                pending.insert(id + QLatin1Char('/') + it.key());
        }
        ops.finish();
    }
    return pending;
}

// The core of applying a remote change, inside the caller's transaction. `pending` names the
// fields with unsent local edits (bare, or "ID/field" when it covers a whole page).
Result<Entity> Store::applyRemoteChange(Kind kind, const QString &id, qint64 rev, const QJsonObject &fields,
                                        const Hlc &hlc, const QSet<QString> &pending, qint64 at, bool mayExist)
{
    {
        m_clock.observe(hlc);
        auto existing = mayExist ? loadEntity(id) : std::nullopt;
        if (!existing && mayExist) {
            QSqlQuery &erased = prepared(u"SELECT 1 FROM erased WHERE id = ?"_s);
            erased.addBindValue(id);
            if (!erased.exec())
                return std::unexpected(Error::database(erased.lastError().text()));
            const bool wasErased = erased.next();
            erased.finish();
            if (wasErased)
                return Entity{kind, id, rev, {}, 0, 0};
        }
        if (existing && existing->kind != kind)
            return std::unexpected(Error::invalid(u"%1 is a %2, not a %3"_s.arg(id, kindName(existing->kind), kindName(kind))));
        const auto isPending = [&](const QString &field) {
            return !pending.isEmpty() && (pending.contains(field) || pending.contains(id + QLatin1Char('/') + field));
        };
        const QJsonObject defaults = Fields::defaults(kind);
        Entity e = existing ? *existing : Entity{kind, id, 0, defaults, 0, 0};
        QStringList changed;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QJsonValue value = it.value();
            // null from the server: it has never had the field; a known one takes its default.
            if (value.isNull() && defaults.contains(it.key()))
                value = defaults.value(it.key());
            if (isPending(it.key()) || e.fields.value(it.key()) == value)
                continue;
            if (Fields::isKnown(kind, it.key())) {
                auto valid = Fields::validate(kind, it.key(), value);
                if (!valid)
                    return std::unexpected(Error::invalid(u"server sent a bad value: "_s + valid.error().message));
                value = *valid;
            }
            e.fields[it.key()] = value;
            changed << it.key();
        }
        e.rev = std::max(e.rev, rev);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!existing)
            e.createdAt = now;
        if (!changed.isEmpty())
            e.updatedAt = now;
        if (auto r = writeEntity(e, !existing); !r)
            return std::unexpected(r.error());
        noteMembership(existing, e);
        if (!changed.isEmpty()) {
            if (hlc.ms > 0) { // a clock seen: keep it across restarts
                const Hlc local = m_clock.last();
                QSqlQuery &write = prepared(u"INSERT INTO meta (key, value) VALUES ('hlc', ?) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
                write.addBindValue(local.toString());
                if (!write.exec())
                    return std::unexpected(Error::database(write.lastError().text()));
            }
            // Dated when the server took it from the device that made it, not when it arrived here.
            if (auto r = appendHistory(e, changed, u"remote"_s, hlc, at); !r)
                return std::unexpected(r.error());
        }
        return e;
    }
}

} // namespace tidemark::model
