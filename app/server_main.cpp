// tidemark-server: the sync server.
#include "server/httpservice.h"

#include <tidemark/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
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
    parser.addOptions({listen, port});
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

    tidemark::server::HttpService service;
    const auto bound = service.listen(address, static_cast<quint16>(portNumber));
    if (!bound) {
        err << "tidemark-server: " << bound.error() << '\n';
        return 1;
    }
    // One line on stdout, so that scripts and tests that ask for port 0 learn the port.
    QTextStream(stdout) << "listening on " << address.toString() << ':' << *bound << Qt::endl;
    return QCoreApplication::exec();
}
