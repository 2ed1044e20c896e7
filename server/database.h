#pragma once

#include <QString>

#include <expected>

namespace tidemark::server {

/// Which engine holds the server's data. The SQL is shared; the differences (how a writer takes
/// its lock, cross-process notification) are asked of the backend.
enum class Backend { SQLite, PostgreSQL };

/// Where the server keeps its data: a file path for SQLite, or a PostgreSQL URL
/// `postgresql://[USER[:PASSWORD]@][HOST][:PORT]/DBNAME[?host=SOCKETDIR&sslmode=…]`.
struct DatabaseTarget
{
    Backend backend = Backend::SQLite;
    QString path; ///< SQLite file (or ":memory:")
    QString host, user, password, name, options;
    int port = -1;

    static std::expected<DatabaseTarget, QString> parse(const QString &spec);
    /// For messages and logs: the target without its password.
    [[nodiscard]] QString describe() const;
};

/// Opens `target` as the named QSqlDatabase `connection` and sets its session options.
std::expected<void, QString> openConnection(const DatabaseTarget &target, const QString &connection);

} // namespace tidemark::server
