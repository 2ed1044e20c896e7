// tidemark-server: the sync server.
#include "server/httpservice.h"
#include "server/syncservice.h"

#include <tidemark/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemark-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tidemark's sync server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1; env TIDEMARK_LISTEN)."),
        QStringLiteral("ADDR"), qEnvironmentVariable("TIDEMARK_LISTEN", QStringLiteral("127.0.0.1")));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("TCP port; 0 picks a free one (default 8765; env TIDEMARK_PORT)."),
        QStringLiteral("N"), qEnvironmentVariable("TIDEMARK_PORT", QStringLiteral("8765")));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("The database: a file path for SQLite (default: tidemark-server.db in the user's data "
                       "folder; env TIDEMARK_DATABASE)."),
        QStringLiteral("PATH"), qEnvironmentVariable("TIDEMARK_DATABASE"));
    const QCommandLineOption registration(
        QStringLiteral("registration"),
        QStringLiteral("Whether anyone may register: open or closed (default open; env TIDEMARK_REGISTRATION)."),
        QStringLiteral("open|closed"), qEnvironmentVariable("TIDEMARK_REGISTRATION", QStringLiteral("open")));
    parser.addOptions({listen, port, database, registration});
    parser.process(app);

    QTextStream err(stderr);
    const QHostAddress address(parser.value(listen));
    if (address.isNull()) {
        err << "tidemark-server: --listen: not an IP address: " << parser.value(listen) << '\n';
        return 2;
    }
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        err << "tidemark-server: --port: not a port number: " << parser.value(port) << '\n';
        return 2;
    }

    const QString reg = parser.value(registration);
    if (reg != QLatin1String("open") && reg != QLatin1String("closed")) {
        err << "tidemark-server: --registration: open or closed, not " << reg << '\n';
        return 2;
    }
    QString path = parser.value(database);
    if (path.startsWith(QLatin1String("postgresql:"))) {
        err << "tidemark-server: PostgreSQL is not supported by this version yet; give a file path\n";
        return 2;
    }
    if (path.isEmpty())
        path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("tidemark-server.db"));
    auto sync = tidemark::server::SyncService::open(path);
    if (!sync) {
        err << "tidemark-server: " << sync.error() << '\n';
        return 1;
    }
    tidemark::server::HttpService::Options options;
    options.registrationOpen = reg == QLatin1String("open");
    tidemark::server::HttpService service(sync->get(), options);
    const auto bound = service.listen(address, static_cast<quint16>(portNumber));
    if (!bound) {
        err << "tidemark-server: " << bound.error() << '\n';
        return 1;
    }
    // One line on stdout, so that scripts and tests that ask for port 0 learn the port.
    QTextStream(stdout) << "listening on " << address.toString() << ':' << *bound << Qt::endl;
    return QCoreApplication::exec();
}
