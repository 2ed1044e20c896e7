// tidemark-server: the sync server.
#include "platform/platform.h"
#include "server/configfile.h"
#include "server/httpservice.h"
#include "server/guardedtcpserver.h"
#include "server/syncservice.h"

#include <tidemark/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QDateTime>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tidemark-server"_s);
    QCoreApplication::setOrganizationName(u"Tidemark"_s);
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));

    QTextStream err(stderr);
    // --config is read before the options below take their defaults from the environment.
    const QStringList arguments = QCoreApplication::arguments();
    QString configFile;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        QString file;
        if (arg == QLatin1String("--config") && i + 1 < arguments.size())
            file = arguments.at(++i);
        else if (arg.startsWith(QLatin1String("--config=")))
            file = arg.sliced(9);
        else
            continue;
        if (!configFile.isNull()) {
            err << "tidemark-server: --config given twice\n";
            return 2;
        }
        configFile = file;
    }
    if (!configFile.isNull()) {
        if (auto applied = tidemark::server::applyConfigFile(configFile); !applied) {
            err << "tidemark-server: --config: " << applied.error() << '\n';
            return 2;
        }
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Tidemark's sync server."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(
        u"listen"_s,
        u"Address to listen on (default 127.0.0.1; env TIDEMARK_LISTEN)."_s,
        u"ADDR"_s, qEnvironmentVariable("TIDEMARK_LISTEN", u"127.0.0.1"_s));
    const QCommandLineOption port(
        u"port"_s,
        u"TCP port; 0 picks a free one (default 8765; env TIDEMARK_PORT)."_s,
        u"N"_s, qEnvironmentVariable("TIDEMARK_PORT", u"8765"_s));
    const QCommandLineOption database(
        u"database"_s,
        QStringLiteral("The database: a file path for SQLite (default: tidemark-server.db in the user's data "
                       "folder), or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?host=SOCKETDIR] for "
                       "PostgreSQL, which several servers may share (env TIDEMARK_DATABASE)."),
        u"PATH|URL"_s, qEnvironmentVariable("TIDEMARK_DATABASE"));
    const QCommandLineOption registration(
        u"registration"_s,
        u"Whether anyone may register: open or closed (default open; env TIDEMARK_REGISTRATION)."_s,
        u"open|closed"_s, qEnvironmentVariable("TIDEMARK_REGISTRATION", u"open"_s));
    const QCommandLineOption logLevel(
        u"log-level"_s,
        QStringLiteral("What to log on standard error: error, warning, info or debug (default warning; env "
                       "TIDEMARK_LOG_LEVEL). Tokens, passwords and note contents are never logged."),
        u"LEVEL"_s, qEnvironmentVariable("TIDEMARK_LOG_LEVEL", u"warning"_s));
    const QCommandLineOption tlsCert(
        u"tls-cert"_s,
        u"Serve HTTPS with this PEM certificate (chain), with --tls-key (env TIDEMARK_TLS_CERT)."_s,
        u"FILE"_s, qEnvironmentVariable("TIDEMARK_TLS_CERT"));
    const QCommandLineOption tlsKey(
        u"tls-key"_s,
        u"The PEM private key of --tls-cert (env TIDEMARK_TLS_KEY)."_s,
        u"FILE"_s, qEnvironmentVariable("TIDEMARK_TLS_KEY"));
    const QCommandLineOption maxBody(
        u"max-body-mb"_s,
        QStringLiteral("Largest request body accepted, in MiB, after decompression too (default 32, so that one "
                       "operation with a text at the limit fits however it is escaped; env TIDEMARK_MAX_BODY_MB)."),
        u"N"_s, qEnvironmentVariable("TIDEMARK_MAX_BODY_MB", u"32"_s));
    const QCommandLineOption maxText(
        u"max-text-mb"_s,
        QStringLiteral("Largest text field accepted, in MiB of UTF-8 (default and most 4, what every device allows; "
                       "a lower limit refuses larger texts one operation at a time; env TIDEMARK_MAX_TEXT_MB)."),
        u"N"_s, qEnvironmentVariable("TIDEMARK_MAX_TEXT_MB", u"4"_s));
    const QCommandLineOption requestRate(
        u"max-requests-per-minute"_s,
        QStringLiteral("Requests one account (or, before sign-in, one address) may make per minute; beyond it "
                       "the answer is 429 with Retry-After (default 1200; 0 for no limit; env "
                       "TIDEMARK_MAX_REQUESTS_PER_MINUTE)."),
        u"N"_s, qEnvironmentVariable("TIDEMARK_MAX_REQUESTS_PER_MINUTE", u"1200"_s));
    const QCommandLineOption retention(
        u"retention-days"_s,
        QStringLiteral("Every version and change is kept this many days; older history is thinned to one "
                       "version a day (to 180 days) then one a week, and deleted items are purged once every "
                       "signed-in device has seen the deletion (default 30; env TIDEMARK_RETENTION_DAYS)."),
        u"N"_s, qEnvironmentVariable("TIDEMARK_RETENTION_DAYS", u"30"_s));
    const QCommandLineOption config(
        u"config"_s,
        QStringLiteral("Read settings from FILE: KEY=VALUE lines, each KEY the environment variable of an option "
                       "(the packaged service uses /etc/tidemark/server.conf). Options and the environment "
                       "take precedence over the file."),
        u"FILE"_s);
    parser.addOptions({config, listen, port, database, registration, logLevel, tlsCert, tlsKey, maxBody, maxText, requestRate,
                       retention});
    parser.addPositionalArgument(u"user add NAME"_s,
                                 QStringLiteral("Create an account (password on standard input) and exit; for "
                                                "servers with --registration closed."));
    parser.process(app);

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

    static const QStringList levels{u"error"_s, u"warning"_s, u"info"_s,
                                    u"debug"_s};
    const qsizetype level = levels.indexOf(parser.value(logLevel));
    if (level < 0) {
        err << "tidemark-server: --log-level: error, warning, info or debug, not " << parser.value(logLevel) << '\n';
        return 2;
    }
    // Everything at or above the chosen level, for the server's own categories.
    QString rules;
    for (qsizetype i = 1; i < levels.size(); ++i) {
        const char *type = i == 1 ? "warning" : i == 2 ? "info" : "debug";
        rules += u"tidemark.*.%1=%2\n"_s.arg(QLatin1StringView(type), i <= level ? u"true"_s : u"false"_s);
    }
    QLoggingCategory::setFilterRules(rules);

    const QString reg = parser.value(registration);
    if (reg != QLatin1String("open") && reg != QLatin1String("closed")) {
        err << "tidemark-server: --registration: open or closed, not " << reg << '\n';
        return 2;
    }
    bool numbersOk = true;
    const auto number = [&](const QCommandLineOption &option, int min, int max) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max) {
            err << "tidemark-server: --" << option.names().constFirst() << ": a whole number from " << min << " to "
                << max << ", not " << parser.value(option) << '\n';
            numbersOk = false;
        }
        return value;
    };
    const int maxBodyMb = number(maxBody, 1, 1024);
    const int maxTextMb = number(maxText, 1, int(tidemark::sync::kMaxTextBytes / (1024 * 1024)));
    const int requestsPerMinute = number(requestRate, 0, 1000000);
    const int retentionDays = number(retention, 1, 3650);
    if (!numbersOk)
        return 2;
    std::optional<QSslConfiguration> tls;
    if (parser.isSet(tlsCert) || parser.isSet(tlsKey) || !parser.value(tlsCert).isEmpty()) {
        auto loaded = tidemark::server::loadTls(parser.value(tlsCert), parser.value(tlsKey));
        if (!loaded) {
            err << "tidemark-server: " << loaded.error() << '\n';
            return 2;
        }
        tls = *loaded;
    }

    QString path = parser.value(database);
    if (path.isEmpty())
        path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"tidemark-server.db"_s);
#ifdef Q_OS_UNIX
    // Run as root on a database that belongs to someone else (sudo forgotten before "user add"),
    // the server would leave root-owned files that the service's own user can no longer write.
    if (tidemark::platform::isSuperUser() && !path.startsWith(QLatin1String("postgres"))) {
        const QFileInfo dir(QFileInfo(path).absolutePath());
        if (dir.exists() && dir.ownerId() != 0) {
            err << "tidemark-server: " << dir.filePath() << " belongs to user " << dir.owner()
                << "; run as that user (sudo -u " << dir.owner() << " tidemark-server ...), not as root\n";
            return 2;
        }
    }
#endif
    auto sync = tidemark::server::SyncService::open(path);
    if (!sync) {
        err << "tidemark-server: " << sync.error() << '\n';
        return 1;
    }
    const QStringList command = parser.positionalArguments();
    if (!command.isEmpty()) {
        if (command.size() != 3 || command.at(0) != QLatin1String("user") || command.at(1) != QLatin1String("add")) {
            err << "tidemark-server: unknown command '" << command.join(QLatin1Char(' ')) << "' (see --help)\n";
            return 2;
        }
        QTextStream in(stdin);
        const QString password = in.readLine();
        auto account = (*sync)->accounts().registerAccount(command.at(2), password);
        if (!account) {
            err << "tidemark-server: " << account.error().message << '\n';
            return 1;
        }
        QTextStream(stdout) << "created account " << command.at(2) << " (" << *account << ")\n";
        return 0;
    }

    tidemark::server::HttpService::Options options;
    options.registrationOpen = reg == QLatin1String("open");
    options.maxBodyBytes = qsizetype(maxBodyMb) * 1024 * 1024;
    options.maxTextBytes = qsizetype(maxTextMb) * 1024 * 1024;
    options.requestsPerMinute = requestsPerMinute;
    options.tls = tls;
    tidemark::server::HttpService service(sync->get(), options);
    const auto bound = service.listen(address, static_cast<quint16>(portNumber));
    if (!bound) {
        err << "tidemark-server: " << bound.error() << '\n';
        return 1;
    }
    tidemark::platform::StopRequests stop;
    QObject::connect(&stop, &tidemark::platform::StopRequests::stopRequested, &app, [](int) {
        QTextStream(stderr) << "tidemark-server: stopping\n";
        QCoreApplication::quit(); // after the request being handled; its transaction is committed
    });
    // Retention work: a minute after start, then hourly.
    tidemark::server::RetentionPolicy policy;
    policy.windowMs = qint64(retentionDays) * 24 * 3600 * 1000;
    QTimer maintenance;
    maintenance.setInterval(std::chrono::hours(1));
    QObject::connect(&maintenance, &QTimer::timeout, &app, [&] {
        maintenance.setInterval(std::chrono::hours(1));
        if (auto done = (*sync)->maintain(QDateTime::currentMSecsSinceEpoch(), policy); !done)
            QTextStream(stderr) << "tidemark-server: maintenance failed: " << done.error() << '\n';
    });
    maintenance.start(std::chrono::minutes(1));
    // One line on stdout, so that scripts and tests that ask for port 0 learn the port.
    QTextStream(stdout) << "listening on " << (tls ? "https://" : "") << address.toString() << ':' << *bound << Qt::endl;
    return QCoreApplication::exec();
}
