#include "database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tidemark::server {

std::expected<DatabaseTarget, QString> DatabaseTarget::parse(const QString &spec)
{
    DatabaseTarget target;
    if (!spec.startsWith(QLatin1String("postgresql://")) && !spec.startsWith(QLatin1String("postgres://"))) {
        if (spec.isEmpty())
            return std::unexpected(u"no database given"_s);
        target.path = spec;
        return target;
    }
    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid())
        return std::unexpected(u"not a valid PostgreSQL URL: %1"_s.arg(url.errorString()));
    target.backend = Backend::PostgreSQL;
    target.host = url.host();
    target.port = url.port(-1);
    target.user = url.userName();
    target.password = url.password();
    target.name = url.path().mid(1);
    if (target.name.isEmpty() || target.name.contains(QLatin1Char('/')))
        return std::unexpected(u"the PostgreSQL URL names no database (postgresql://USER@HOST/DBNAME)"_s);
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            target.host = value; // a socket directory, as libpq reads it
        else if (key.contains(QLatin1Char(';')) || value.contains(QLatin1Char(';')))
            return std::unexpected(u"the PostgreSQL URL option '%1' contains a ';'"_s.arg(key));
        else
            options << key + QLatin1Char('=') + value;
    }
    target.options = options.join(QLatin1Char(';'));
    return target;
}

QString DatabaseTarget::describe() const
{
    if (backend == Backend::SQLite)
        return path;
    QString text = u"postgresql://%1@%2"_s.arg(user, host.startsWith(QLatin1Char('/')) ? QString() : host);
    if (port >= 0)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + name;
    if (host.startsWith(QLatin1Char('/')))
        text += u"?host="_s + host;
    return text;
}

std::expected<void, QString> openConnection(const DatabaseTarget &target, const QString &connection)
{
    if (target.backend == Backend::SQLite) {
        if (target.path != QLatin1String(":memory:"))
            QDir().mkpath(QFileInfo(target.path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(target.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            return std::unexpected(u"cannot open %1: %2"_s.arg(target.path, db.lastError().text()));
        QSqlQuery q(db);
        // FULL: a change is on disk before its answer leaves (and before it is announced).
        if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.exec(u"PRAGMA synchronous = FULL"_s))
            return std::unexpected(u"cannot set up %1: %2"_s.arg(target.path, q.lastError().text()));
        return {};
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return std::unexpected(u"this build has no PostgreSQL driver (the Qt SQL plugin QPSQL)"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    db.setHostName(target.host);
    if (target.port >= 0)
        db.setPort(target.port);
    db.setUserName(target.user);
    db.setPassword(target.password);
    db.setDatabaseName(target.name);
    QString options = target.options;
    if (!options.contains(u"connect_timeout="_s))
        options += QString(options.isEmpty() ? QString() : u";"_s) + u"connect_timeout=10"_s;
    db.setConnectOptions(options);
    if (!db.open())
        return std::unexpected(u"cannot connect to %1: %2"_s.arg(target.describe(), db.lastError().text().trimmed()));
    QSqlQuery q(db);
    // Quiet notices (CREATE … IF NOT EXISTS of an existing table), and a bound on any one statement.
    if (!q.exec(u"SET client_min_messages = warning"_s) || !q.exec(u"SET statement_timeout = '60s'"_s))
        return std::unexpected(u"cannot set up %1: %2"_s.arg(target.describe(), q.lastError().text()));
    return {};
}

} // namespace tidemark::server
