#pragma once

#include "accounts.h"
#include "database.h"
#include "sync/changes.h"
#include "sync/protocol.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSqlQuery>
#include <QString>

#include <expected>
#include <memory>
#include <unordered_map>
#include <optional>

namespace tidemark::server {

using sync::ChangesPage;
using sync::SnapshotPosition;

/// How long the server keeps what (DESIGN.md, "Long offline, growth and retention").
struct RetentionPolicy
{
    qint64 windowMs = 30LL * 24 * 3600 * 1000;      ///< every version and change is kept this long
    qint64 dailyUntilMs = 180LL * 24 * 3600 * 1000; ///< then one version a day up to this age, then one a week
};

/// What one maintenance run did.
struct MaintenanceReport
{
    qint64 changesCompacted = 0;
    qint64 versionsThinned = 0;
    qint64 tombstonesPurged = 0;
};

/// The server's core: it stores every account's entities, judges each incoming operation by the
/// conflict rules (sync/judgement.h) in its own transaction, and hands out changes by revision.
/// No HTTP in here: tests and the deterministic simulation drive it directly.
///
/// Every account has a revision that each accepted change moves by one; a pull pages through the
/// change log by that revision. Operations are idempotent by op id: a repeated one gets the stored
/// answer and changes nothing. Every query is scoped by account.
class SyncService final : public QObject
{
    Q_OBJECT

public:
    /// Opens the server database, creating and migrating it as needed: a file path (SQLite) or a
    /// postgresql:// URL (see DatabaseTarget). Servers sharing a PostgreSQL database hear each
    /// other's revision moves (LISTEN/NOTIFY) through revisionMoved().
    static std::expected<std::unique_ptr<SyncService>, QString> open(const QString &spec);
    ~SyncService() override;

    /// An account without a password (administration and tests); people register through Accounts.
    std::expected<QString, QString> createAccount(const QString &name);
    [[nodiscard]] Accounts &accounts() { return *m_accounts; }

    /// Judges and stores each operation in order, each in its own transaction.
    QList<sync::OpResult> push(const QString &account, const QList<sync::Operation> &ops);
    /// A page of changes after `since`; a cursor older than the compacted log gets a snapshot
    /// (continued with `snapshot`, the previous page's `next`).
    std::expected<ChangesPage, QString> pull(const QString &account, qint64 since, int limit,
                                             std::optional<SnapshotPosition> snapshot = std::nullopt);

    /// Compacts the change log, thins history and purges tombstones as of `now` (ms since the
    /// epoch): the log keeps the changes of the retention window; versions older than it are
    /// thinned to one a day, then one a week (an entity's newest version always stays); a deleted
    /// entity is purged once it is older than the window and every signed-in device of its
    /// account has pulled past its deletion. Each account in a transaction of its own.
    std::expected<MaintenanceReport, QString> maintain(qint64 now, const RetentionPolicy &policy = {});

    [[nodiscard]] std::optional<QJsonObject> entity(const QString &account, const QString &id) const;
    [[nodiscard]] qint64 revision(const QString &account) const;
    /// Every conflict event of the account, in the order they were recorded.
    [[nodiscard]] QList<sync::ConflictEvent> conflicts(const QString &account) const;
    /// Remembers the name a device of the account gives itself (sent with its pushes).
    std::expected<void, QString> nameDevice(const QString &account, const QString &device, const QString &name);
    /// The account's conflict policy per field ("ask" or "later-wins"); fields not listed use later-wins.
    [[nodiscard]] QJsonObject policies(const QString &account) const;
    /// Sets policies; a field given "later-wins" returns to the default. Values are checked first.
    std::expected<void, QString> setPolicies(const QString &account, const QJsonObject &policies);
    /// Every stored version of an entity, oldest first; empty when the account has no such entity.
    [[nodiscard]] QList<QJsonObject> history(const QString &account, const QString &id) const;

Q_SIGNALS:
    /// An account's revision moved; emitted after the change is durable.
    void revisionMoved(const QString &account, qint64 rev);
    /// A conflict event was recorded under `rule` (for metrics); after commit.
    void conflictRecorded(const QString &rule);

private:
    SyncService(QString connection, Backend backend);
    std::expected<void, QString> migrate();
    /// Starts a write transaction holding the account's lock; returns the account's revision.
    std::expected<qint64, QString> beginWrite(const QString &account);
    bool commit();
    void rollback();
    void announce(const QString &account, qint64 rev);
    std::expected<ChangesPage, QString> readPage(const QString &account, qint64 since, int limit,
                                                 std::optional<SnapshotPosition> snapshot);
    /// The conflict events recorded after revision `after` up to `until` (all of them: `until` < 0).
    std::expected<QList<sync::ConflictEvent>, QString> readConflicts(const QString &account, qint64 after, qint64 until) const;
    std::expected<void, QString> maintainAccount(const QString &account, qint64 now, const RetentionPolicy &policy,
                                                 MaintenanceReport &report);
    QSqlQuery &prepared(const QString &sql) const;
    /// Judges and stores one operation inside the batch's transaction; `accountRev` is the
    /// account's revision so far and moves on by one when the operation writes.
    std::expected<sync::OpResult, QString> judgeAndStore(const QString &account, const sync::Operation &op, qint64 &accountRev);
    bool exec(const QString &sql) const;

    QString m_connection;
    Backend m_backend;
    // Statements by SQL text. Held through unique_ptr so that a reference from prepared() stays
    // valid while other statements are added.
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::unique_ptr<Accounts> m_accounts;
    QStringList m_rulesInTransaction;
    QHash<QString, qint64> m_announced; ///< the newest revision announced, by account
};

} // namespace tidemark::server
