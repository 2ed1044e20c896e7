#include "syncservice.h"
#include "logging.h"

#include "sync/judgement.h"

#include <QSqlDriver>
#include <atomic>

#include <QDateTime>
#include <QFileInfo>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSet>
#include <QUuid>

#include <limits>

using namespace Qt::StringLiterals;

namespace tidemark::server {

namespace {

// The most a pull page carries of entities' fields (UTF-16 units of their JSON, about bytes): a page
// of large notes ends early rather than holding hundreds of megabytes in memory.
constexpr qsizetype kMaxPageBytes = 8 * 1024 * 1024;

QString json(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }
QString json(const QJsonArray &array) { return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QString valueText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

const QString kRevisionChannel = u"tidemark_revision"_s;

QString newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

// Forward-only migration steps; the same SQL runs on SQLite and PostgreSQL. Step N takes a
// database from version N-1 to N; `schema_version` holds the version reached.
const QList<QStringList> kMigrations{
    {
        u"CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
          "rev BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS passwords (account_id TEXT PRIMARY KEY, hash TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, "
          "device TEXT NOT NULL, created_at BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE IF NOT EXISTS entities (account_id TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, "
          "fields TEXT NOT NULL, states TEXT NOT NULL, rev BIGINT NOT NULL, PRIMARY KEY (account_id, id))"_s,
        u"CREATE TABLE IF NOT EXISTS versions (account_id TEXT NOT NULL, entity_id TEXT NOT NULL, rev BIGINT NOT NULL, "
          "fields TEXT NOT NULL, hlc TEXT NOT NULL, device TEXT NOT NULL, at BIGINT NOT NULL, "
          "PRIMARY KEY (account_id, entity_id, rev))"_s,
        u"CREATE TABLE IF NOT EXISTS changes (account_id TEXT NOT NULL, rev BIGINT NOT NULL, entity_id TEXT NOT NULL, "
          "kind TEXT NOT NULL, fields TEXT NOT NULL, PRIMARY KEY (account_id, rev))"_s,
        u"CREATE TABLE IF NOT EXISTS ops (account_id TEXT NOT NULL, op_id TEXT NOT NULL, result TEXT NOT NULL, "
          "PRIMARY KEY (account_id, op_id))"_s,
        u"CREATE TABLE IF NOT EXISTS conflicts (account_id TEXT NOT NULL, id TEXT NOT NULL, entity_id TEXT NOT NULL, "
          "kind TEXT NOT NULL, field TEXT NOT NULL, rule TEXT NOT NULL, status TEXT NOT NULL, outcome TEXT NOT NULL, "
          "incoming TEXT NOT NULL, current TEXT NOT NULL, base TEXT, incoming_device TEXT NOT NULL, "
          "current_hlc TEXT NOT NULL, op_id TEXT NOT NULL, rev BIGINT NOT NULL, at BIGINT NOT NULL, "
          "settles TEXT, PRIMARY KEY (account_id, id))"_s,
        u"CREATE INDEX IF NOT EXISTS conflicts_rev ON conflicts (account_id, rev)"_s,
        u"CREATE TABLE IF NOT EXISTS policies (account_id TEXT NOT NULL, field TEXT NOT NULL, policy TEXT NOT NULL, "
          "PRIMARY KEY (account_id, field))"_s,
    },
    {
        // Retention: when each change was made (the log is compacted by age), where the log
        // starts, how far each device has pulled, which versions were thinned away, and which
        // deleted entities were purged for good.
        u"ALTER TABLE changes ADD COLUMN at BIGINT NOT NULL DEFAULT 0"_s,
        u"CREATE INDEX changes_at ON changes (account_id, at)"_s,
        u"ALTER TABLE accounts ADD COLUMN log_floor BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE entities ADD COLUMN thinned_rev BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE tokens ADD COLUMN pulled BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE tokens ADD COLUMN last_seen BIGINT NOT NULL DEFAULT 0"_s,
        u"CREATE INDEX tokens_account ON tokens (account_id)"_s,
        u"CREATE TABLE purged (account_id TEXT NOT NULL, entity_id TEXT NOT NULL, rev BIGINT NOT NULL, "
          "at BIGINT NOT NULL, PRIMARY KEY (account_id, entity_id))"_s,
    },
    {
        // The names devices give themselves when they push, so that other devices can say "changed
        // on Laptop" instead of showing an id.
        u"CREATE TABLE device_names (account_id TEXT NOT NULL, device_id TEXT NOT NULL, name TEXT NOT NULL, "
          "PRIMARY KEY (account_id, device_id))"_s,
        // When and where the incoming side was edited (its clock), as the current side's already is.
        u"ALTER TABLE conflicts ADD COLUMN incoming_hlc TEXT NOT NULL DEFAULT ''"_s,
    },
    {
        // What each device last put into each field of an entity (sync::OwnWrite), so that a
        // device's later operation is never judged against its own earlier one.
        u"ALTER TABLE entities ADD COLUMN heads TEXT NOT NULL DEFAULT '{}'"_s,
    },
};

// entities.heads: {device: {field: [rev] or [rev, other_hlc, sent]}}.
QHash<QString, sync::OwnWrite> ownWrites(const QJsonObject &heads, const QString &device, qint64 after)
{
    QHash<QString, sync::OwnWrite> own;
    const QJsonObject fields = heads.value(device).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonArray entry = it.value().toArray();
        sync::OwnWrite write{qint64(entry.at(0).toDouble()), std::nullopt, entry.at(1).toString()};
        if (entry.size() > 2)
            write.sent = entry.at(2);
        if (write.rev > after)
            own.insert(it.key(), write);
    }
    return own;
}

QJsonObject withOwnWrites(QJsonObject heads, const QString &device, const QHash<QString, sync::OwnWrite> &kept,
                          const QHash<QString, sync::OwnWrite> &written, qint64 rev)
{
    // Entries at or before the operation's base are dropped: the device's later operations are
    // based on that revision or a newer one.
    QHash<QString, sync::OwnWrite> all = kept;
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        sync::OwnWrite write = it.value();
        if (write.rev == 0)
            write.rev = rev;
        all.insert(it.key(), write);
    }
    QJsonObject fields;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        QJsonArray entry{it->rev};
        if (it->sent)
            entry << it->otherHlc << *it->sent;
        fields.insert(it.key(), entry);
    }
    if (fields.isEmpty())
        heads.remove(device);
    else
        heads.insert(device, fields);
    return heads;
}

QString outcomeName(sync::FieldVerdict::Outcome outcome)
{
    using O = sync::FieldVerdict::Outcome;
    switch (outcome) {
    case O::Apply:
        return u"applied"_s;
    case O::Same:
        return u"same"_s;
    case O::Merge:
        return u"merged"_s;
    case O::IncomingWins:
        return u"incoming-kept"_s;
    case O::CurrentWins:
        return u"current-kept"_s;
    case O::Conflict:
        return u"open"_s;
    }
    return {};
}

} // namespace

SyncService::SyncService(QString connection, Backend backend)
    : m_connection(connection)
    , m_backend(backend)
    , m_accounts(std::make_unique<Accounts>(connection))
{
}

SyncService::~SyncService()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::expected<std::unique_ptr<SyncService>, QString> SyncService::open(const QString &spec)
{
    auto target = DatabaseTarget::parse(spec);
    if (!target)
        return std::unexpected(target.error());
    static std::atomic_int counter = 0;
    const QString connection = u"tidemark-server-%1"_s.arg(++counter);
    std::unique_ptr<SyncService> service(new SyncService(connection, target->backend));
    if (auto opened = openConnection(*target, connection); !opened)
        return std::unexpected(opened.error());
    if (auto migrated = service->migrate(); !migrated)
        return std::unexpected(u"cannot prepare %1: %2"_s.arg(target->describe(), migrated.error()));
    if (!service->m_accounts->prepare())
        return std::unexpected(u"cannot prepare the password hashing library"_s);
    if (target->backend == Backend::PostgreSQL) {
        // Other server processes on this database announce their changes through NOTIFY.
        QSqlDriver *driver = QSqlDatabase::database(connection, false).driver();
        if (!driver->subscribeToNotification(kRevisionChannel))
            return std::unexpected(u"cannot listen for other servers' changes on %1"_s.arg(target->describe()));
        connect(driver, &QSqlDriver::notification, service.get(),
                [self = service.get()](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    qCDebug(lcServer) << "notification" << name << payload << "from" << (source == QSqlDriver::SelfSource ? "this server" : "another server");
                    if (name != kRevisionChannel || source == QSqlDriver::SelfSource)
                        return;
                    const QStringList parts = payload.toString().split(QLatin1Char(' '));
                    bool ok = false;
                    const qint64 rev = parts.size() == 2 ? parts.at(1).toLongLong(&ok) : 0;
                    if (ok)
                        self->announce(parts.at(0), rev);
                });
    }
    return service;
}

std::expected<void, QString> SyncService::migrate()
{
    const auto error = [this] { return QSqlDatabase::database(m_connection, false).lastError().text(); };
    // One process migrates at a time: SQLite's write lock, or a PostgreSQL advisory lock held to
    // the end of the transaction (PostgreSQL's DDL is transactional too).
    if (!exec(m_backend == Backend::SQLite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return std::unexpected(error());
    if ((m_backend == Backend::PostgreSQL && !exec(u"SELECT pg_advisory_xact_lock(7461646)"_s))
        || !exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s)) {
        const QString message = error();
        exec(u"ROLLBACK"_s);
        return std::unexpected(message);
    }
    int version = 0;
    {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (q.exec(u"SELECT version FROM schema_version"_s) && q.next())
            version = q.value(0).toInt();
    }
    if (version > kMigrations.size()) {
        exec(u"ROLLBACK"_s);
        return std::unexpected(u"the database was made by a newer tidemark-server (schema %1; this one knows %2)"_s
                                   .arg(version)
                                   .arg(kMigrations.size()));
    }
    for (qsizetype step = version; step < kMigrations.size(); ++step) {
        for (const QString &sql : kMigrations.at(step)) {
            if (!exec(sql)) {
                const QString message = error();
                exec(u"ROLLBACK"_s);
                return std::unexpected(u"migration %1: %2"_s.arg(step + 1).arg(message));
            }
        }
    }
    const bool stored = version == kMigrations.size()
                     || exec(version == 0 ? u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(kMigrations.size())
                                          : u"UPDATE schema_version SET version = %1"_s.arg(kMigrations.size()));
    if (!stored || !exec(u"COMMIT"_s)) {
        const QString message = error();
        exec(u"ROLLBACK"_s);
        return std::unexpected(message);
    }
    return {};
}

std::expected<qint64, QString> SyncService::beginWrite(const QString &account)
{
    if (!exec(m_backend == Backend::SQLite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return std::unexpected(u"the server is busy; try again"_s);
    // SQLite's write lock covers the database; PostgreSQL's row lock covers the account, so that
    // servers sharing a database judge one account's operations one at a time, in revision order.
    QSqlQuery &q = prepared(m_backend == Backend::SQLite ? u"SELECT rev FROM accounts WHERE id = ?"_s
                                                         : u"SELECT rev FROM accounts WHERE id = ? FOR UPDATE"_s);
    q.addBindValue(account);
    const bool found = q.exec() && q.next();
    const qint64 rev = found ? q.value(0).toLongLong() : -1;
    q.finish();
    if (!found) {
        exec(u"ROLLBACK"_s);
        return std::unexpected(u"no such account"_s);
    }
    return rev;
}

void SyncService::announce(const QString &account, qint64 rev)
{
    // Servers sharing a database hear of each other's changes in no particular order: a device
    // is told of a revision only when it is newer than what it was last told.
    qint64 &known = m_announced[account];
    if (rev <= known)
        return;
    known = rev;
    Q_EMIT revisionMoved(account, rev);
}

bool SyncService::commit()
{
    for (auto &[sql, statement] : m_statements)
        statement->finish();
    if (exec(u"COMMIT"_s))
        return true;
    exec(u"ROLLBACK"_s);
    return false;
}

void SyncService::rollback()
{
    for (auto &[sql, statement] : m_statements)
        statement->finish();
    exec(u"ROLLBACK"_s);
}

bool SyncService::exec(const QString &sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        qCWarning(lcServer) << "SQL failed:" << q.lastError().text();
        return false;
    }
    return true;
}

QSqlQuery &SyncService::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        // Forward-only results on PostgreSQL are read in libpq's single-row mode; a statement not
        // read to its end then holds back notifications from other servers (NOTIFY) queued
        // behind it. Its results are small, so it reads them whole.
        query->setForwardOnly(m_backend == Backend::SQLite);
        if (!query->prepare(sql))
            qCWarning(lcServer) << "prepare failed:" << query->lastError().text() << sql;
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

std::expected<QString, QString> SyncService::createAccount(const QString &name)
{
    const QString id = newUuid();
    QSqlQuery &q = prepared(u"INSERT INTO accounts (id, name, rev, created_at) VALUES (?, ?, 0, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return std::unexpected(u"cannot create account '%1': %2"_s.arg(name, q.lastError().text()));
    return id;
}

qint64 SyncService::revision(const QString &account) const
{
    QSqlQuery &q = prepared(u"SELECT rev FROM accounts WHERE id = ?"_s);
    q.addBindValue(account);
    qint64 rev = -1;
    if (q.exec() && q.next())
        rev = q.value(0).toLongLong();
    q.finish();
    return rev;
}

std::optional<QJsonObject> SyncService::entity(const QString &account, const QString &id) const
{
    QSqlQuery &q = prepared(u"SELECT fields FROM entities WHERE account_id = ? AND id = ?"_s);
    q.addBindValue(account);
    q.addBindValue(id);
    std::optional<QJsonObject> fields;
    if (q.exec() && q.next())
        fields = object(q.value(0).toString());
    q.finish();
    return fields;
}

QList<sync::OpResult> SyncService::push(const QString &account, const QList<sync::Operation> &ops)
{
    QList<sync::OpResult> results;
    const auto rejectAll = [&](const QString &reason) {
        results.clear();
        for (const sync::Operation &op : ops)
            results.append({op.opId, sync::OpResult::Status::Rejected, 0, {}, reason});
        return results;
    };
    if (ops.isEmpty())
        return results;
    const auto before = beginWrite(account);
    if (!before)
        return rejectAll(before.error());
    // Each operation is judged and stored atomically in a savepoint of its own; one that fails
    // leaves no trace and does not stop the rest. The batch is made durable by one commit (one
    // fsync for the batch, not one per operation) before any answer leaves or any device is told.
    // The account's revision is counted here and written to its row once, at the end.
    qint64 after = *before;
    QStringList rules;
    for (const sync::Operation &op : ops) {
        if (!exec(u"SAVEPOINT op"_s))
            return rollback(), rejectAll(u"the server could not store this change"_s);
        const qint64 revBefore = after;
        auto result = judgeAndStore(account, op, after);
        for (auto &[sql, statement] : m_statements)
            statement->finish();
        if (!result) {
            qCWarning(lcServer) << "operation failed:" << result.error();
            exec(u"ROLLBACK TO SAVEPOINT op"_s);
            after = revBefore;
            m_rulesInTransaction.clear();
            results.append({op.opId, sync::OpResult::Status::Rejected, 0, {}, u"the server could not store this change"_s});
        } else {
            rules += std::exchange(m_rulesInTransaction, {});
            results.append(*result);
        }
        exec(u"RELEASE SAVEPOINT op"_s);
    }
    if (after != *before) {
        QSqlQuery &bump = prepared(u"UPDATE accounts SET rev = ? WHERE id = ?"_s);
        bump.addBindValue(after);
        bump.addBindValue(account);
        if (!bump.exec())
            return rollback(), rejectAll(u"the server could not store this change"_s);
    }
    if (after != *before && m_backend == Backend::PostgreSQL) {
        // Delivered to the other servers' LISTEN when (and only if) the transaction commits.
        QSqlQuery &notify = prepared(u"SELECT pg_notify(?, ?)"_s);
        notify.addBindValue(kRevisionChannel);
        notify.addBindValue(u"%1 %2"_s.arg(account).arg(after));
        if (!notify.exec())
            return rollback(), rejectAll(u"the server could not store this change"_s);
    }
    if (!commit())
        return rejectAll(u"the server could not store this change"_s);
    for (const QString &rule : std::as_const(rules))
        Q_EMIT conflictRecorded(rule);
    // Only a change that moved the revision is news (a repeated or no-op operation is not).
    if (after != *before)
        announce(account, after);
    return results;
}

std::expected<sync::OpResult, QString> SyncService::judgeAndStore(const QString &account, const sync::Operation &op,
                                                                  qint64 &accountRev)
{
    const auto failed = [](const QSqlQuery &q) { return std::unexpected(q.lastError().text()); };

    // Idempotency: a repeated operation gets the stored answer.
    QSqlQuery &seen = prepared(u"SELECT result FROM ops WHERE account_id = ? AND op_id = ?"_s);
    seen.addBindValue(account);
    seen.addBindValue(op.opId);
    if (!seen.exec())
        return failed(seen);
    if (seen.next()) {
        auto stored = sync::decodeResult(object(seen.value(0).toString()));
        seen.finish();
        if (stored)
            return *stored;
        return std::unexpected(stored.error());
    }
    seen.finish();

    QSqlQuery &load = prepared(u"SELECT kind, fields, states, rev, thinned_rev, heads FROM entities WHERE account_id = ? AND id = ?"_s);
    load.addBindValue(account);
    load.addBindValue(op.entityId);
    if (!load.exec())
        return failed(load);
    sync::OperationCase c;
    c.kind = op.kind;
    c.incoming = op.fields;
    c.baseRev = op.baseRev;
    c.hlc = op.hlc;
    c.device = op.device;
    QJsonObject heads;
    QString storedKind;
    qint64 entityRev = 0;
    qint64 thinnedRev = 0;
    if (load.next()) {
        c.exists = true;
        storedKind = load.value(0).toString();
        entityRev = load.value(3).toLongLong();
        thinnedRev = load.value(4).toLongLong();
        c.current = object(load.value(1).toString());
        const QJsonObject states = object(load.value(2).toString());
        for (auto it = states.begin(); it != states.end(); ++it) {
            const QJsonArray state = it.value().toArray();
            c.states.insert(it.key(), {qint64(state.at(0).toDouble()), state.at(1).toString()});
        }
        heads = object(load.value(5).toString());
        c.own = ownWrites(heads, op.device, op.baseRev);
    }
    load.finish();

    sync::OpResult result{op.opId, sync::OpResult::Status::Applied, 0, {}, {}};
    const auto storeResult = [&]() -> std::expected<void, QString> {
        QSqlQuery &q = prepared(u"INSERT INTO ops (account_id, op_id, result) VALUES (?, ?, ?)"_s);
        q.addBindValue(account);
        q.addBindValue(op.opId);
        q.addBindValue(json(sync::encodeResult(result)));
        if (!q.exec())
            return std::unexpected(q.lastError().text());
        return {};
    };
    if (c.exists && storedKind != op.kind) {
        result.status = sync::OpResult::Status::Rejected;
        result.reason = u"entity %1 is a %2, not a %3"_s.arg(op.entityId, storedKind, op.kind);
        if (auto stored = storeResult(); !stored)
            return std::unexpected(stored.error());
        return result;
    }
    if (!c.exists && op.baseRev > 0) {
        // An edit of something deleted and since purged for good: storing the few fields it
        // carries would make a fragment. The device sends the whole item again as a new one.
        QSqlQuery &purged = prepared(u"SELECT 1 FROM purged WHERE account_id = ? AND entity_id = ?"_s);
        purged.addBindValue(account);
        purged.addBindValue(op.entityId);
        if (!purged.exec())
            return failed(purged);
        const bool wasPurged = purged.next();
        purged.finish();
        if (wasPurged) {
            result.status = sync::OpResult::Status::Rejected;
            result.reason = u"entity %1 was deleted and then purged from the server; send it whole as a new item (base_rev 0)"_s
                                .arg(op.entityId);
            if (auto stored = storeResult(); !stored)
                return std::unexpected(stored.error());
            return result;
        }
    }

    // Events this operation decides must be this entity's, in this account. A conflict or a
    // rule's decision is settled by it; a resolution event is undone by it; an undo is final.
    struct Decided
    {
        QString field;
        bool undoes = false;  ///< a resolution event: this operation undoes it
        QString settled;      ///< for an undo: the event the resolution had settled
    };
    QMap<QString, Decided> decided; // event id -> what this operation does to it
    for (const QString &conflict : op.resolves) {
        QSqlQuery &find = prepared(u"SELECT field, rule, settles, status FROM conflicts WHERE account_id = ? AND id = ? AND entity_id = ?"_s);
        find.addBindValue(account);
        find.addBindValue(conflict);
        find.addBindValue(op.entityId);
        if (!find.exec())
            return failed(find);
        const bool found = find.next();
        const QString rule = found ? find.value(1).toString() : QString();
        const bool undoneAlready = found && find.value(3).toString() == QLatin1String("undone");
        if (found)
            decided.insert(conflict, {find.value(0).toString(), rule == QLatin1String("resolution"), find.value(2).toString()});
        find.finish();
        if (!found || rule == QLatin1String("undo") || undoneAlready) {
            result.status = sync::OpResult::Status::Rejected;
            result.reason = !found ? u"conflict %1 is not one of this entity's"_s.arg(conflict)
                          : undoneAlready ? u"the choice %1 was undone already"_s.arg(conflict)
                                          : u"event %1 is an undo, which cannot itself be undone: decide the conflict again"_s.arg(conflict);
            if (auto stored = storeResult(); !stored)
                return std::unexpected(stored.error());
            return result;
        }
    }

    // The value of a field at the base revision: the newest stored version at or before it. If
    // history thinning removed versions after that one (thinned_rev is the newest removed), the
    // base is no longer known exactly, and the judgement treats it as missing.
    std::optional<QJsonObject> baseSnapshot;
    bool baseLoaded = false;
    c.baseValue = [&](const QString &field) -> std::optional<QJsonValue> {
        if (!baseLoaded) {
            baseLoaded = true;
            QSqlQuery &q = prepared(u"SELECT fields, rev FROM versions WHERE account_id = ? AND entity_id = ? AND rev <= ? "
                                      "ORDER BY rev DESC LIMIT 1"_s);
            q.addBindValue(account);
            q.addBindValue(op.entityId);
            q.addBindValue(op.baseRev);
            if (q.exec() && q.next() && (q.value(1).toLongLong() >= thinnedRev || q.value(1).toLongLong() == op.baseRev))
                baseSnapshot = object(q.value(0).toString());
            q.finish();
        }
        if (!baseSnapshot || op.baseRev == 0)
            return std::nullopt;
        return baseSnapshot->value(field);
    };
    // The value at the revision of one of this device's own writes (the base of its next edit).
    c.valueAt = [&](const QString &field, qint64 rev) -> std::optional<QJsonValue> {
        QSqlQuery &q = prepared(u"SELECT fields FROM versions WHERE account_id = ? AND entity_id = ? AND rev = ?"_s);
        q.addBindValue(account);
        q.addBindValue(op.entityId);
        q.addBindValue(rev);
        std::optional<QJsonValue> value;
        if (q.exec() && q.next())
            value = object(q.value(0).toString()).value(field);
        q.finish();
        return value;
    };
    QSqlQuery &policies = prepared(u"SELECT field, policy FROM policies WHERE account_id = ?"_s);
    policies.addBindValue(account);
    if (policies.exec()) {
        while (policies.next()) {
            if (policies.value(1).toString() == QLatin1String("ask"))
                c.policies.insert(policies.value(0).toString(), sync::FieldPolicy::AlwaysAsk);
        }
    }
    policies.finish();

    const sync::OperationVerdict verdict = sync::judgeOperation(c);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 rev = accountRev;
    const bool writes = !verdict.changes.isEmpty() || !verdict.decisions.isEmpty() || !decided.isEmpty();
    if (writes) {
        ++rev; // written to the account row once per batch (push())

        QJsonObject fields = c.current;
        QJsonObject states;
        for (auto it = c.states.begin(); it != c.states.end(); ++it)
            states.insert(it.key(), QJsonArray{it.value().rev, it.value().hlc});
        for (auto it = verdict.changes.begin(); it != verdict.changes.end(); ++it) {
            fields.insert(it.key(), it.value());
            states.insert(it.key(), QJsonArray{rev, op.hlc});
        }
        QSqlQuery &write = prepared(c.exists ? u"UPDATE entities SET fields = ?, states = ?, heads = ?, rev = ? WHERE account_id = ? AND id = ? AND kind = ?"_s
                                             : u"INSERT INTO entities (fields, states, heads, rev, account_id, id, kind) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        write.addBindValue(json(fields));
        write.addBindValue(json(states));
        write.addBindValue(json(withOwnWrites(heads, op.device, c.own, verdict.own, rev)));
        write.addBindValue(rev);
        write.addBindValue(account);
        write.addBindValue(op.entityId);
        write.addBindValue(op.kind);
        if (!write.exec())
            return failed(write);

        QSqlQuery &version = prepared(u"INSERT INTO versions (account_id, entity_id, rev, fields, hlc, device, at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        version.addBindValue(account);
        version.addBindValue(op.entityId);
        version.addBindValue(rev);
        version.addBindValue(json(fields));
        version.addBindValue(op.hlc);
        version.addBindValue(op.device);
        version.addBindValue(now);
        if (!version.exec())
            return failed(version);

        QSqlQuery &change = prepared(u"INSERT INTO changes (account_id, rev, entity_id, kind, fields, at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        change.addBindValue(account);
        change.addBindValue(rev);
        change.addBindValue(op.entityId);
        change.addBindValue(op.kind);
        // Every field the operation touched is listed, not only those that took its value: the
        // device that sent it must hear the server's value where a rule kept that (a delete that
        // lost to an edit, a text left in conflict), or it would keep its own for ever.
        QStringList touched = verdict.changes.keys();
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
            if (!touched.contains(it.key()))
                touched.append(it.key());
        }
        change.addBindValue(json(QJsonArray::fromStringList(touched)));
        change.addBindValue(now);
        if (!change.exec())
            return failed(change);

        // QtSql binds a null QString as NULL; a field the server never had has no HLC yet.
        const auto currentHlcOf = [&c](const QString &field) {
            const QString hlc = c.states.value(field).hlc;
            return hlc.isNull() ? u""_s : hlc;
        };
        for (const auto &decision : verdict.decisions) {
            const QString id = newUuid();
            const bool open = decision.verdict.outcome == sync::FieldVerdict::Outcome::Conflict;
            QSqlQuery &record = prepared(u"INSERT INTO conflicts (account_id, id, entity_id, kind, field, rule, status, outcome, "
                                           "incoming, current, base, incoming_device, current_hlc, op_id, rev, at, incoming_hlc) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
            for (const QVariant &value : QVariantList{account, id, op.entityId, op.kind, decision.field, decision.verdict.rule,
                                                      open ? u"open"_s : u"settled"_s, outcomeName(decision.verdict.outcome),
                                                      valueText(decision.incoming), valueText(decision.current),
                                                      decision.base ? QVariant(valueText(*decision.base)) : QVariant(QMetaType(QMetaType::QString)),
                                                      op.device,
                                                      decision.currentHlc.isEmpty() ? currentHlcOf(decision.field) : decision.currentHlc,
                                                      op.opId, rev, now, op.hlc})
                record.addBindValue(value);
            if (!record.exec())
                return failed(record);
            result.conflicts << id;
            m_rulesInTransaction << decision.verdict.rule;
        }

        // Decided events, marked at this revision (so the next pull carries the new status), and
        // the decision itself recorded as an event of its own, with an id the sender can derive:
        // a choice ("resolution") can be seen and undone; an undo puts the settled event back to
        // the status it had (open again, for a conflict that waited for a person).
        const auto mark = [&](const QString &event, const QString &status) -> std::expected<void, QString> {
            QSqlQuery &q = prepared(u"UPDATE conflicts SET status = ?, rev = ? WHERE account_id = ? AND id = ?"_s);
            for (const QVariant &value : QVariantList{status, rev, account, event})
                q.addBindValue(value);
            if (!q.exec())
                return failed(q);
            return {};
        };
        for (auto it = decided.cbegin(); it != decided.cend(); ++it) {
            const QString &field = it->field;
            if (!it->undoes) {
                if (auto marked = mark(it.key(), u"resolved"_s); !marked)
                    return std::unexpected(marked.error());
            } else {
                if (auto marked = mark(it.key(), u"undone"_s); !marked)
                    return std::unexpected(marked.error());
                QSqlQuery &before = prepared(u"UPDATE conflicts SET status = CASE WHEN outcome = 'open' THEN 'open' ELSE 'settled' END, "
                                               "rev = ? WHERE account_id = ? AND id = ?"_s);
                for (const QVariant &value : QVariantList{rev, account, it->settled})
                    before.addBindValue(value);
                if (!before.exec())
                    return failed(before);
            }
            QSqlQuery &record = prepared(u"INSERT INTO conflicts (account_id, id, entity_id, kind, field, rule, status, outcome, "
                                           "incoming, current, settles, incoming_device, current_hlc, op_id, rev, at, incoming_hlc) "
                                           "VALUES (?, ?, ?, ?, ?, ?, 'settled', ?, ?, ?, ?, ?, '', ?, ?, ?, ?)"_s);
            for (const QVariant &value : QVariantList{account, sync::decisionEventId(op.opId, it.key()), op.entityId, op.kind, field,
                                                      it->undoes ? u"undo"_s : u"resolution"_s, it->undoes ? u"undone"_s : u"resolved"_s,
                                                      valueText(fields.value(field)), valueText(c.current.value(field)),
                                                      it.key(), op.device, op.opId, rev, now, op.hlc})
                record.addBindValue(value);
            if (!record.exec())
                return failed(record);
            result.conflicts << it.key();
        }
    }
    switch (verdict.status) {
    case sync::OperationVerdict::Status::Applied:
        result.status = sync::OpResult::Status::Applied;
        break;
    case sync::OperationVerdict::Status::Merged:
        result.status = sync::OpResult::Status::Merged;
        break;
    case sync::OperationVerdict::Status::Conflict:
        result.status = sync::OpResult::Status::Conflict;
        break;
    }
    result.rev = writes ? rev : entityRev;
    if (auto stored = storeResult(); !stored)
        return std::unexpected(stored.error());
    accountRev = rev;
    return result;
}

std::expected<ChangesPage, QString> SyncService::pull(const QString &account, qint64 since, int limit,
                                                     std::optional<SnapshotPosition> snapshot)
{
    limit = std::clamp(limit, 1, 5000);
    // One read transaction: the page, its entities and its conflict records agree.
    if (!exec(m_backend == Backend::SQLite ? u"BEGIN"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s))
        return std::unexpected(u"the server is busy; try again"_s);
    auto page = readPage(account, since, limit, snapshot);
    commit();
    return page;
}

std::expected<ChangesPage, QString> SyncService::readPage(const QString &account, qint64 since, int limit,
                                                          std::optional<SnapshotPosition> snapshot)
{
    ChangesPage page;
    page.cursor = since;
    QSqlQuery &names = prepared(u"SELECT device_id, name FROM device_names WHERE account_id = ?"_s);
    names.addBindValue(account);
    if (!names.exec())
        return std::unexpected(names.lastError().text());
    while (names.next())
        page.devices.insert(names.value(0).toString(), names.value(1).toString());
    names.finish();
    QSqlQuery &state = prepared(u"SELECT rev, log_floor FROM accounts WHERE id = ?"_s);
    state.addBindValue(account);
    if (!state.exec() || !state.next())
        return std::unexpected(u"no such account"_s);
    const qint64 accountRev = state.value(0).toLongLong();
    const qint64 floor = state.value(1).toLongLong();
    state.finish();

    // A cursor older than the compacted log gets the whole account instead, in pages of entities
    // ordered by id, as of revision R (later changes come after it from the log). A snapshot that
    // the compaction overtook meanwhile, or a position from nowhere, starts over.
    if (snapshot && (snapshot->rev < floor || snapshot->rev > accountRev || snapshot->rev < since))
        snapshot.reset();
    if (since < floor || snapshot) {
        const SnapshotPosition from = snapshot.value_or(SnapshotPosition{accountRev, u""_s});
        const qint64 until = from.rev;
        QSqlQuery &q = prepared(u"SELECT e.id, e.kind, e.rev, e.fields, v.device, v.at FROM entities e LEFT JOIN versions v "
                                  "ON v.account_id = e.account_id AND v.entity_id = e.id AND v.rev = e.rev "
                                  "WHERE e.account_id = ? AND e.id > ? ORDER BY e.id LIMIT ?"_s);
        q.addBindValue(account);
        q.addBindValue(from.after);
        q.addBindValue(limit + 1);
        if (!q.exec())
            return std::unexpected(q.lastError().text());
        page.snapshot = true;
        int rows = 0;
        qsizetype bytes = 0;
        while (q.next()) {
            const QString fields = q.value(3).toString();
            bytes += fields.size();
            if (++rows > limit || (bytes > kMaxPageBytes && !page.changes.isEmpty())) {
                page.next = SnapshotPosition{until, page.changes.last().id};
                page.hasMore = true;
                break;
            }
            page.changes.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), object(fields),
                                 q.value(4).toString(), q.value(5).toLongLong(), {}});
        }
        q.finish();
        if (page.next)
            return page; // the cursor stays where it was until the snapshot is complete
        page.cursor = until;
        page.hasMore = until < accountRev;
        if (auto conflicts = readConflicts(account, since, until); conflicts)
            page.conflicts = *conflicts;
        else
            return std::unexpected(conflicts.error());
        return page;
    }

    // Each change with its entity's current fields, in one query.
    // The version a change made names its device and time (gone when history was thinned).
    QSqlQuery &q = prepared(u"SELECT c.rev, c.entity_id, c.kind, c.fields, e.fields, v.device, v.at FROM changes c "
                              "LEFT JOIN entities e ON e.account_id = c.account_id AND e.id = c.entity_id "
                              "LEFT JOIN versions v ON v.account_id = c.account_id AND v.entity_id = c.entity_id AND v.rev = c.rev "
                              "WHERE c.account_id = ? AND c.rev > ? ORDER BY c.rev LIMIT ?"_s);
    q.addBindValue(account);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    if (!q.exec())
        return std::unexpected(q.lastError().text());
    QHash<QString, qsizetype> indexOf;
    QList<QStringList> changedFields;
    QList<QJsonObject> currentFields;
    int rows = 0;
    qsizetype bytes = 0;
    while (q.next()) {
        const qint64 rev = q.value(0).toLongLong();
        const QString id = q.value(1).toString();
        qsizetype at = indexOf.value(id, -1);
        if (at < 0)
            bytes += q.value(4).toString().size();
        // A page ends at its size in changes or, for large notes, in bytes (never before one change).
        if (++rows > limit || (at < 0 && bytes > kMaxPageBytes && !page.changes.isEmpty())) {
            page.hasMore = true;
            break;
        }
        page.cursor = rev;
        if (at < 0) {
            at = page.changes.size();
            indexOf.insert(id, at);
            page.changes.append({id, q.value(2).toString(), rev, {}, {}, 0, {}});
            changedFields.append(QStringList());
            currentFields.append(object(q.value(4).toString()));
        }
        page.changes[at].rev = rev;
        page.changes[at].device = q.value(5).toString();
        page.changes[at].at = q.value(6).toLongLong();
        for (const QJsonValue &field : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array()) {
            if (!changedFields[at].contains(field.toString()))
                changedFields[at].append(field.toString());
        }
    }
    q.finish();
    // Values as of now: a field changed again later will come again with that later change.
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        for (const QString &name : std::as_const(changedFields[i])) {
            const QJsonValue value = currentFields[i].value(name);
            page.changes[i].fields.insert(name, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
        }
    }
    if (!page.hasMore)
        page.cursor = std::max(page.cursor, accountRev); // past revisions whose changes were purged
    if (auto conflicts = readConflicts(account, since, page.cursor); conflicts)
        page.conflicts = *conflicts;
    else
        return std::unexpected(conflicts.error());
    return page;
}

std::expected<QList<sync::ConflictEvent>, QString> SyncService::readConflicts(const QString &account, qint64 after,
                                                                              qint64 until) const
{
    QSqlQuery &c = prepared(until < 0 ? u"SELECT id, entity_id, kind, field, rule, status, outcome, incoming, current, base, rev, "
                                          "incoming_device, at, settles, incoming_hlc, current_hlc, op_id FROM conflicts "
                                          "WHERE account_id = ? AND rev > ? ORDER BY rev, at"_s
                                      : u"SELECT id, entity_id, kind, field, rule, status, outcome, incoming, current, base, rev, "
                                          "incoming_device, at, settles, incoming_hlc, current_hlc, op_id FROM conflicts "
                                          "WHERE account_id = ? AND rev > ? AND rev <= ? ORDER BY rev, at"_s);
    c.addBindValue(account);
    c.addBindValue(after);
    if (until >= 0)
        c.addBindValue(until);
    if (!c.exec())
        return std::unexpected(c.lastError().text());
    // A side's value is stored as a one-element array (a JSON document cannot be a bare value).
    const auto value = [&c](int column) { return QJsonDocument::fromJson(c.value(column).toString().toUtf8()).array().first(); };
    QList<sync::ConflictEvent> events;
    while (c.next()) {
        sync::ConflictEvent &event = events.emplace_back();
        event.id = c.value(0).toString();
        event.entity = c.value(1).toString();
        event.kind = c.value(2).toString();
        event.field = c.value(3).toString();
        event.rule = c.value(4).toString();
        event.status = c.value(5).toString();
        event.outcome = c.value(6).toString();
        event.incoming = value(7);
        event.current = value(8);
        // The common ancestor, where the rule had one: the merge dialog shows it and aligns by it.
        if (!c.value(9).isNull())
            event.base = value(9);
        event.rev = c.value(10).toLongLong();
        event.device = c.value(11).toString();
        event.at = c.value(12).toLongLong();
        // A person's choice names the event it settled, so that the audit trail can link the two.
        event.settles = c.value(13).toString();
        // The two sides' clocks: when and on which device each was edited.
        event.incomingHlc = c.value(14).toString();
        event.currentHlc = c.value(15).toString();
        // The operation that made it: one decision of several events (a field's older conflicts
        // settled with it) is undone as one.
        event.opId = c.value(16).toString();
    }
    c.finish();
    return events;
}

std::expected<MaintenanceReport, QString> SyncService::maintain(qint64 now, const RetentionPolicy &policy)
{
    QStringList accounts;
    {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (!q.exec(u"SELECT id FROM accounts ORDER BY id"_s))
            return std::unexpected(q.lastError().text());
        while (q.next())
            accounts << q.value(0).toString();
    }
    MaintenanceReport report;
    for (const QString &account : std::as_const(accounts)) {
        if (!beginWrite(account))
            continue; // gone meanwhile, or busy: the next run takes it
        if (auto done = maintainAccount(account, now, policy, report); !done) {
            rollback();
            return std::unexpected(done.error());
        }
        if (!commit())
            return std::unexpected(u"cannot store the maintenance of account %1"_s.arg(account));
    }
    qCInfo(lcServer) << "maintenance:" << report.changesCompacted << "changes compacted," << report.versionsThinned
                      << "versions thinned," << report.tombstonesPurged << "deleted items purged";
    return report;
}

std::expected<void, QString> SyncService::maintainAccount(const QString &account, qint64 now, const RetentionPolicy &policy,
                                                          MaintenanceReport &report)
{
    const auto failed = [](const QSqlQuery &q) { return std::unexpected(q.lastError().text()); };
    const qint64 cutoff = now - policy.windowMs;

    // The change log: what is older than the window goes; a device behind it gets a snapshot.
    QSqlQuery &oldest = prepared(u"SELECT MAX(rev) FROM changes WHERE account_id = ? AND at < ?"_s);
    oldest.addBindValue(account);
    oldest.addBindValue(cutoff);
    if (!oldest.exec())
        return failed(oldest);
    const qint64 floor = oldest.next() && !oldest.value(0).isNull() ? oldest.value(0).toLongLong() : 0;
    oldest.finish();
    if (floor > 0) {
        QSqlQuery &drop = prepared(u"DELETE FROM changes WHERE account_id = ? AND rev <= ?"_s);
        drop.addBindValue(account);
        drop.addBindValue(floor);
        if (!drop.exec())
            return failed(drop);
        report.changesCompacted += drop.numRowsAffected();
        QSqlQuery &raise = prepared(u"UPDATE accounts SET log_floor = ? WHERE id = ? AND log_floor < ?"_s);
        raise.addBindValue(floor);
        raise.addBindValue(account);
        raise.addBindValue(floor);
        if (!raise.exec())
            return failed(raise);
    }

    // Tombstones: purged once older than the window and pulled by every signed-in device.
    QSqlQuery &devices = prepared(u"SELECT MIN(pulled) FROM tokens WHERE account_id = ? AND revoked = 0"_s);
    devices.addBindValue(account);
    if (!devices.exec())
        return failed(devices);
    const bool anyDevice = devices.next() && !devices.value(0).isNull();
    const qint64 pulledByAll = anyDevice ? devices.value(0).toLongLong() : std::numeric_limits<qint64>::max();
    devices.finish();
    QSqlQuery &dead = prepared(u"SELECT e.id, e.rev, e.fields FROM entities e JOIN versions v ON v.account_id = e.account_id "
                                 "AND v.entity_id = e.id AND v.rev = e.rev WHERE e.account_id = ? AND e.rev <= ? AND v.at < ? "
                                 "AND e.fields LIKE '%\"deleted\":true%'"_s);
    dead.addBindValue(account);
    dead.addBindValue(pulledByAll);
    dead.addBindValue(cutoff);
    if (!dead.exec())
        return failed(dead);
    QList<std::pair<QString, qint64>> tombstones;
    while (dead.next()) {
        if (object(dead.value(2).toString()).value(u"deleted"_s).toBool())
            tombstones.append({dead.value(0).toString(), dead.value(1).toLongLong()});
    }
    dead.finish();
    for (const auto &[id, rev] : std::as_const(tombstones)) {
        for (const QString &sql : {u"DELETE FROM entities WHERE account_id = ? AND id = ?"_s,
                                   u"DELETE FROM versions WHERE account_id = ? AND entity_id = ?"_s,
                                   u"DELETE FROM changes WHERE account_id = ? AND entity_id = ?"_s}) {
            QSqlQuery &q = prepared(sql);
            q.addBindValue(account);
            q.addBindValue(id);
            if (!q.exec())
                return failed(q);
        }
        QSqlQuery &mark = prepared(u"INSERT INTO purged (account_id, entity_id, rev, at) VALUES (?, ?, ?, ?)"_s);
        for (const QVariant &value : QVariantList{account, id, rev, now})
            mark.addBindValue(value);
        if (!mark.exec())
            return failed(mark);
        ++report.tombstonesPurged;
    }

    // History: past the window, the newest version of each day, and past dailyUntil of each
    // week; never an entity's newest version. thinned_rev remembers the newest version removed,
    // so that an operation based on a removed version is known to have lost its base.
    QSqlQuery &old = prepared(u"SELECT v.entity_id, v.rev, v.at, e.rev FROM versions v JOIN entities e ON e.account_id = v.account_id "
                                "AND e.id = v.entity_id WHERE v.account_id = ? AND v.at < ? ORDER BY v.entity_id, v.rev DESC"_s);
    old.addBindValue(account);
    old.addBindValue(cutoff);
    if (!old.exec())
        return failed(old);
    constexpr qint64 day = 24LL * 3600 * 1000;
    QHash<QString, QList<qint64>> doomed; // entity -> revisions to remove
    QString entity;
    QSet<qint64> bucketsSeen;
    while (old.next()) {
        const QString id = old.value(0).toString();
        const qint64 rev = old.value(1).toLongLong();
        const qint64 at = old.value(2).toLongLong();
        if (id != entity) {
            entity = id;
            bucketsSeen.clear();
        }
        // Newest first: the first version met in a bucket is the one kept.
        const qint64 bucket = now - at < policy.dailyUntilMs ? at / day : -(at / (7 * day)) - 1;
        const bool keep = rev == old.value(3).toLongLong() || !bucketsSeen.contains(bucket);
        bucketsSeen.insert(bucket);
        if (!keep)
            doomed[id].append(rev);
    }
    old.finish();
    for (auto it = doomed.cbegin(); it != doomed.cend(); ++it) {
        for (const qint64 rev : it.value()) {
            QSqlQuery &drop = prepared(u"DELETE FROM versions WHERE account_id = ? AND entity_id = ? AND rev = ?"_s);
            drop.addBindValue(account);
            drop.addBindValue(it.key());
            drop.addBindValue(rev);
            if (!drop.exec())
                return failed(drop);
        }
        QSqlQuery &mark = prepared(u"UPDATE entities SET thinned_rev = ? WHERE account_id = ? AND id = ? AND thinned_rev < ?"_s);
        const qint64 newest = *std::ranges::max_element(it.value());
        for (const QVariant &value : QVariantList{newest, account, it.key(), newest})
            mark.addBindValue(value);
        if (!mark.exec())
            return failed(mark);
        report.versionsThinned += it.value().size();
    }
    return {};
}

QJsonObject SyncService::policies(const QString &account) const
{
    QJsonObject result;
    QSqlQuery &q = prepared(u"SELECT field, policy FROM policies WHERE account_id = ? ORDER BY field"_s);
    q.addBindValue(account);
    if (q.exec()) {
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toString());
    }
    q.finish();
    return result;
}

std::expected<void, QString> SyncService::setPolicies(const QString &account, const QJsonObject &policies)
{
    if (policies.size() > 64)
        return std::unexpected(u"at most 64 fields at once"_s);
    for (auto it = policies.begin(); it != policies.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > 64)
            return std::unexpected(u"a field name is 1 to 64 characters"_s);
        if (it.value() != QJsonValue(u"ask"_s) && it.value() != QJsonValue(u"later-wins"_s))
            return std::unexpected(u"the policy for '%1' must be \"ask\" or \"later-wins\""_s.arg(it.key()));
    }
    if (auto begun = beginWrite(account); !begun)
        return std::unexpected(begun.error());
    for (auto it = policies.begin(); it != policies.end(); ++it) {
        QSqlQuery &clear = prepared(u"DELETE FROM policies WHERE account_id = ? AND field = ?"_s);
        clear.addBindValue(account);
        clear.addBindValue(it.key());
        bool ok = clear.exec();
        if (ok && it.value().toString() == QLatin1String("ask")) {
            QSqlQuery &set = prepared(u"INSERT INTO policies (account_id, field, policy) VALUES (?, ?, 'ask')"_s);
            set.addBindValue(account);
            set.addBindValue(it.key());
            ok = set.exec();
        }
        if (!ok) {
            rollback();
            return std::unexpected(u"cannot store the policies"_s);
        }
    }
    if (!commit())
        return std::unexpected(u"cannot store the policies"_s);
    return {};
}

QList<QJsonObject> SyncService::history(const QString &account, const QString &id) const
{
    QList<QJsonObject> versions;
    QSqlQuery &q = prepared(u"SELECT rev, fields, hlc, device, at FROM versions WHERE account_id = ? AND entity_id = ? ORDER BY rev"_s);
    q.addBindValue(account);
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            versions.append({{u"rev"_s, q.value(0).toLongLong()}, {u"fields"_s, object(q.value(1).toString())},
                             {u"hlc"_s, q.value(2).toString()}, {u"device"_s, q.value(3).toString()},
                             {u"at"_s, QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::UTC).toString(Qt::ISODateWithMs)}});
        }
    }
    q.finish();
    return versions;
}

std::expected<void, QString> SyncService::nameDevice(const QString &account, const QString &device, const QString &name)
{
    QSqlQuery &q = prepared(u"INSERT INTO device_names (account_id, device_id, name) VALUES (?, ?, ?) "
                              "ON CONFLICT (account_id, device_id) DO UPDATE SET name = excluded.name"_s);
    q.addBindValue(account);
    q.addBindValue(device);
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(q.lastError().text());
    q.finish();
    return {};
}

QList<sync::ConflictEvent> SyncService::conflicts(const QString &account) const
{
    auto events = readConflicts(account, -1, -1);
    if (!events)
        qCWarning(lcServer) << "cannot read conflict events:" << events.error();
    return events.value_or(QList<sync::ConflictEvent>());
}

} // namespace tidemark::server
