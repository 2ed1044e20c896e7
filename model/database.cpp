#include "database.h"
#include "logging.h"

#include <QFileInfo>
#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tidemark::model::Database {

namespace {


// Forward-only migrations: step N takes a store from version N-1 to N. Never edit a step that has
// shipped; add one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        // 1: entities, history, outbox, device metadata.
        {
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            QStringLiteral(R"(CREATE TABLE collections (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                color TEXT NOT NULL DEFAULT '',
                parent_id TEXT,
                sort_key TEXT NOT NULL DEFAULT '',
                deleted INTEGER NOT NULL DEFAULT 0,
                extra TEXT NOT NULL DEFAULT '{}',
                rev INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE items (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('note', 'task')),
                collection_id TEXT,
                title TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '[]',
                pinned INTEGER NOT NULL DEFAULT 0,
                archived INTEGER NOT NULL DEFAULT 0,
                deleted INTEGER NOT NULL DEFAULT 0,
                due TEXT,
                due_at INTEGER,
                priority INTEGER NOT NULL DEFAULT 0,
                done_at TEXT,
                parent_id TEXT,
                sort_key TEXT NOT NULL DEFAULT '',
                recurrence TEXT,
                extra TEXT NOT NULL DEFAULT '{}',
                rev INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            u"CREATE INDEX items_collection ON items (collection_id, deleted)"_s,
            QStringLiteral(R"(CREATE TABLE history (
                seq INTEGER PRIMARY KEY,
                entity_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                version INTEGER NOT NULL,
                hlc TEXT NOT NULL,
                device TEXT NOT NULL,
                at INTEGER NOT NULL,
                origin TEXT NOT NULL,
                changed TEXT NOT NULL,
                snapshot TEXT NOT NULL,
                UNIQUE (entity_id, version)))"),
            QStringLiteral(R"(CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY,
                op_id TEXT NOT NULL UNIQUE,
                device TEXT NOT NULL,
                kind TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                fields TEXT NOT NULL,
                base_rev INTEGER NOT NULL,
                hlc TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                in_flight INTEGER NOT NULL DEFAULT 0,
                last_error TEXT))"),
            u"CREATE INDEX outbox_entity ON outbox (entity_id)"_s,
        },
        // 2: full-text search over titles, bodies, task notes and tags, kept in step by triggers.
        {
            QStringLiteral(R"(CREATE VIRTUAL TABLE items_fts USING fts5(
                title, body, tags, content='items', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3'))"),
            QStringLiteral(R"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
                INSERT INTO items_fts (rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
            END)"),
            QStringLiteral(R"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body, tags)
                    VALUES ('delete', old.rowid, old.title, old.body, old.tags);
            END)"),
            QStringLiteral(R"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body, tags ON items
                WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.tags IS NOT new.tags BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body, tags)
                    VALUES ('delete', old.rowid, old.title, old.body, old.tags);
                INSERT INTO items_fts (rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
            END)"),
            u"INSERT INTO items_fts (items_fts) VALUES ('rebuild')"_s,
        },
        // 3: conflict records (filled by sync) and indexes for the list views.
        {
            QStringLiteral(R"(CREATE TABLE conflicts (
                id TEXT PRIMARY KEY,
                entity_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                field TEXT NOT NULL,
                rule TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                mine TEXT,
                theirs TEXT,
                base TEXT,
                created_at INTEGER NOT NULL,
                resolved_at INTEGER))"),
            u"CREATE INDEX conflicts_open ON conflicts (entity_id) WHERE status = 'open'"_s,
            u"CREATE INDEX items_due ON items (due_at) WHERE deleted = 0 AND done_at IS NULL"_s,
            u"CREATE INDEX items_updated ON items (updated_at)"_s,
        },
        // 4: manual order of tasks within a collection and parent (a new task goes last).
        {
            QStringLiteral("CREATE INDEX items_task_order ON items (collection_id, parent_id, sort_key) "
                           "WHERE kind = 'task'"),
        },
        // 5: lists read from one covering index with a stored snippet, never touching the bodies.
        {
            u"ALTER TABLE items ADD COLUMN snippet TEXT NOT NULL DEFAULT ''"_s,
            // Close to what the app writes (it also drops Markdown marks); the next edit refines it.
            u"UPDATE items SET snippet = trim(substr(replace(replace(body, char(13), ''), char(10), ' '), 1, 140))"_s,
            QStringLiteral("CREATE INDEX items_list ON items (deleted, kind, id, collection_id, title, snippet, tags, "
                           "due, due_at, priority, done_at, sort_key, pinned, created_at, updated_at)"),
        },
        // 6: sync: the server revision and outcome of conflict records, and the conflicts an
        //    outbox operation settles.
        {
            u"ALTER TABLE conflicts ADD COLUMN rev INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE conflicts ADD COLUMN outcome TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE outbox ADD COLUMN resolves TEXT"_s,
        },
        // 7: items erased from this device by emptying the Trash (remote changes to them are not
        //    applied here any more); subtasks found by their parent.
        {
            u"CREATE TABLE erased (id TEXT PRIMARY KEY, erased_at INTEGER NOT NULL) WITHOUT ROWID"_s,
            u"CREATE INDEX items_parent ON items (parent_id) WHERE parent_id IS NOT NULL"_s,
        },
        // 8: the sidebar's counts, its tags and the All list from narrow covering indexes, not
        //    from the rows with their bodies (1 s, 140 ms and 500 ms at 120,000 items before);
        //    the All list comes out of its index already in its order.
        {
            u"CREATE INDEX items_state ON items (deleted, archived, kind, done_at)"_s,
            QStringLiteral("CREATE INDEX items_recent ON items (deleted, archived, pinned, updated_at, id, kind, "
                           "priority, due_at, done_at, sort_key)"),
            u"CREATE INDEX items_tagged ON items (deleted, tags) WHERE tags <> '[]'"_s,
        },
        // 9: where and when a conflict happened: the device whose change met this one's, and the
        //    server's time of the collision (the base was already kept).
        {
            u"ALTER TABLE conflicts ADD COLUMN device TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE conflicts ADD COLUMN at INTEGER NOT NULL DEFAULT 0"_s,
        },
        // 10: the account's devices by name (sentences say "on Laptop", not a device id), which
        //     event a resolution settled (the audit trail links a choice to the conflict it ended),
        //     and where and when each side of a conflict was edited.
        {
            u"CREATE TABLE devices (id TEXT PRIMARY KEY, name TEXT NOT NULL)"_s,
            u"ALTER TABLE conflicts ADD COLUMN settles TEXT NOT NULL DEFAULT ''"_s,
            // Each side's device and edit time, from its clock: "on Laptop at 10:02".
            u"ALTER TABLE conflicts ADD COLUMN mine_device TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE conflicts ADD COLUMN mine_at INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE conflicts ADD COLUMN theirs_device TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE conflicts ADD COLUMN theirs_at INTEGER NOT NULL DEFAULT 0"_s,
        },
        // 11: entities of a kind this version does not know (from a newer app on another device),
        //     kept untouched as pulled, and taken in by the first version that knows the kind.
        {
            QStringLiteral("CREATE TABLE unknown_entities (id TEXT PRIMARY KEY, kind TEXT NOT NULL, rev INTEGER NOT NULL, "
                           "fields TEXT NOT NULL)"),
        },
        // 12: long texts in history (twelve saves of a pasted 3 MB log were 38 MB of history) as
        //     zstd frames: a keyframe, then deltas made against it (HistoryText). The snapshot of
        //     such a version leaves the field out; versions written before keep their full text.
        {
            QStringLiteral(R"(CREATE TABLE history_text (
                seq INTEGER NOT NULL,
                field TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                base INTEGER NOT NULL DEFAULT 0,
                depth INTEGER NOT NULL DEFAULT 0,
                data BLOB NOT NULL,
                PRIMARY KEY (seq, field)))"),
            u"CREATE INDEX history_text_entity ON history_text (entity_id, field, seq)"_s,
        },
        // 13: the operation that made a conflict event, so that one choice settling several events
        //     is undone as one, and a choice made here is known before the server answers.
        {
            u"ALTER TABLE conflicts ADD COLUMN op_id TEXT NOT NULL DEFAULT ''"_s,
        },
        // 14: the full-text index filled in bulk (Store::bulk): inside a bulk transaction, marked
        //     by 'text_index_deferred' in meta, the triggers stand aside and the store indexes
        //     the whole transaction's rows in one statement at its end. (A trigger's every row is
        //     a statement of its own, after which FTS5 writes what it holds as a new segment: a
        //     first sync of 10,000 notes made 10,000 segments to merge.) The mark never outlives
        //     its transaction. The in-memory buffer may hold a page's text (32 MB) before it is
        //     written.
        {
            u"DROP TRIGGER items_fts_insert"_s,
            u"DROP TRIGGER items_fts_delete"_s,
            u"DROP TRIGGER items_fts_update"_s,
            QStringLiteral(R"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items
                WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'text_index_deferred') BEGIN
                INSERT INTO items_fts (rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
            END)"),
            QStringLiteral(R"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items
                WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'text_index_deferred') BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body, tags)
                    VALUES ('delete', old.rowid, old.title, old.body, old.tags);
            END)"),
            QStringLiteral(R"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body, tags ON items
                WHEN (old.title IS NOT new.title OR old.body IS NOT new.body OR old.tags IS NOT new.tags)
                    AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'text_index_deferred') BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body, tags)
                    VALUES ('delete', old.rowid, old.title, old.body, old.tags);
                INSERT INTO items_fts (rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
            END)"),
            u"INSERT INTO items_fts (items_fts, rank) VALUES ('hashsize', 33554432)"_s,
        },
    };
    return steps;
}

Result<void> exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qCWarning(lcModel) << "SQL failed:" << query.lastError().text();
        return std::unexpected(Error::database(query.lastError().text()));
    }
    return {};
}

} // namespace

int latestVersion() { return static_cast<int>(migrations().size()); }

Result<int> version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return std::unexpected(Error::database(query.lastError().text()));
    return query.value(0).toInt();
}

Result<void> migrate(const QSqlDatabase &db, int targetVersion)
{
    auto current = version(db);
    if (!current)
        return std::unexpected(current.error());
    if (*current > latestVersion())
        return std::unexpected(Error::database(
            u"the store has schema version %1, newer than this version of Tidemark (%2)"_s
                .arg(*current)
                .arg(latestVersion())));
    for (int step = *current + 1; step <= targetVersion && step <= latestVersion(); ++step) {
        if (auto r = exec(db, u"BEGIN IMMEDIATE"_s); !r)
            return r;
        // Another process (the app and tidemarkctl starting together) may have taken this step
        // while we waited for the lock.
        const auto now = version(db);
        if (!now) {
            (void)exec(db, u"ROLLBACK"_s);
            return std::unexpected(now.error());
        }
        if (*now >= step) {
            if (auto r = exec(db, u"COMMIT"_s); !r)
                return r;
            continue;
        }
        for (const QString &sql : migrations().at(step - 1)) {
            if (auto r = exec(db, sql); !r) {
                (void)exec(db, u"ROLLBACK"_s);
                return std::unexpected(Error::database(
                    u"migration to version %1 failed: %2"_s.arg(step).arg(r.error().message)));
            }
        }
        if (auto r = exec(db, u"PRAGMA user_version = %1"_s.arg(step)); !r) {
            (void)exec(db, u"ROLLBACK"_s);
            return r;
        }
        if (auto r = exec(db, u"COMMIT"_s); !r)
            return r;
    }
    return {};
}

Result<void> open(const QString &path, const QString &connectionName)
{
    Q_ASSERT(!QSqlDatabase::contains(connectionName));
    if (path != QLatin1String(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return std::unexpected(Error::io(u"cannot create folder %1"_s.arg(info.absolutePath())));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(Error::io(u"cannot open %1: %2"_s.arg(path, message)));
    }
    // synchronous=NORMAL in WAL mode keeps every commit atomic and durable across an app crash;
    // only a power cut can lose the last commits, never corrupt the file.
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                               "PRAGMA cache_size = -32768"}) {
        if (auto r = exec(db, QString::fromLatin1(pragma)); !r) {
            db.close();
            return std::unexpected(Error::io(
                u"%1 is not a Tidemark store or is damaged: %2"_s.arg(path, r.error().message)));
        }
    }
    // A file that is not SQLite shows up at the first real read.
    if (auto v = version(db); !v) {
        db.close();
        return std::unexpected(Error::io(
            u"%1 is not a Tidemark store or is damaged: %2"_s.arg(path, v.error().message)));
    }
    return migrate(db, latestVersion());
}

void close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace tidemark::model::Database
