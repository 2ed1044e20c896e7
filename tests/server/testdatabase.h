#pragma once
// Where a server test keeps its data. By default a SQLite file in the test's temporary folder;
// when TIDEMARK_TEST_POSTGRES names a PostgreSQL cluster (the CTest fixture started by
// tools/test-postgres does), a fresh database of its own in that cluster, so that the same
// suite runs against both back ends.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace tidemark::test {

inline bool usesPostgres() { return !qEnvironmentVariableIsEmpty("TIDEMARK_TEST_POSTGRES"); }

/// A database no other test has touched: a path or a postgresql:// URL; empty on failure.
inline QString freshDatabase(const QTemporaryDir &dir)
{
    if (!usesPostgres())
        return dir.filePath(QStringLiteral("server.db"));
    QUrl url(qEnvironmentVariable("TIDEMARK_TEST_POSTGRES"));
    const QString name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("test-admin"));
        admin.setHostName(QUrlQuery(url).queryItemValue(QStringLiteral("host")));
        admin.setUserName(url.userName());
        admin.setDatabaseName(url.path().mid(1));
        QSqlQuery create(admin);
        if (!admin.open() || !create.exec(QStringLiteral("CREATE DATABASE ") + name)) {
            qWarning("cannot create a test database: %s %s", qPrintable(admin.lastError().text()),
                     qPrintable(create.lastError().text()));
            url.clear();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    if (url.isEmpty())
        return {};
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

} // namespace tidemark::test
