// Runs the built programs as a user would: --version, --help, bad arguments, and a server that
// answers /healthz on a free port.
#include <tidemark/version.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/types.h>
#include <unistd.h>

class TestPrograms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_data();
    void version();
    void help_data();
    void help();
    void tidemarkctlRejectsUnknownCommands();
    void serverRejectsBadArguments_data();
    void serverRejectsBadArguments();
    void serverAnswersHealthz();
    void serverReadsItsConfigFile();
    void serverRejectsABadConfigFile_data();
    void serverRejectsABadConfigFile();
    void serverAsRootRefusesAnotherUsersDatabase();
    void appStartsOnAStoreAndShowsItsViews();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Result run(const QString &program, const QStringList &args);
    static void addPrograms();
};

TestPrograms::Result TestPrograms::run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestPrograms::addPrograms()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("name");
    QTest::newRow("tidemark") << QStringLiteral(TIDEMARK_APP_PATH) << QStringLiteral("Tidemark");
    QTest::newRow("tidemarkctl") << QStringLiteral(TIDEMARKCTL_PATH) << QStringLiteral("tidemarkctl");
    QTest::newRow("tidemark-server") << QStringLiteral(TIDEMARK_SERVER_PATH)
                                     << QStringLiteral("tidemark-server");
}

void TestPrograms::version_data() { addPrograms(); }

void TestPrograms::version()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    const Result result = run(program, {QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), name + QLatin1Char(' ') + QLatin1StringView(tidemark::kVersion));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))
                .match(QLatin1StringView(tidemark::kVersion))
                .hasMatch());
}

void TestPrograms::help_data() { addPrograms(); }

void TestPrograms::help()
{
    QFETCH(QString, program);
    const Result result = run(program, {QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Usage:")), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("--version")));
}

void TestPrograms::tidemarkctlRejectsUnknownCommands()
{
    const Result result = run(QStringLiteral(TIDEMARKCTL_PATH), {QStringLiteral("frobnicate")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("unknown command 'frobnicate'")), qPrintable(result.err));
}

void TestPrograms::serverRejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("port not a number") << QStringList{QStringLiteral("--port"), QStringLiteral("http")}
                                       << QStringLiteral("not a port number");
    QTest::newRow("port too large") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")}
                                    << QStringLiteral("not a port number");
    QTest::newRow("address") << QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")}
                             << QStringLiteral("not an IP address");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("Unknown option");
    QTest::newRow("log level") << QStringList{QStringLiteral("--log-level"), QStringLiteral("chatty")}
                               << QStringLiteral("error, warning, info or debug");
}

void TestPrograms::serverRejectsBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result result = run(QStringLiteral(TIDEMARK_SERVER_PATH), args);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestPrograms::serverAnswersHealthz()
{
    QTemporaryDir dir;
    QProcess server;
    server.start(QStringLiteral(TIDEMARK_SERVER_PATH),
                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--database"), dir.filePath(QStringLiteral("server.db"))});
    QVERIFY(server.waitForStarted());
    const auto stop = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished();
    });
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const auto match = QRegularExpression(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$")).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0);

    QNetworkAccessManager network;
    QUrl url(QStringLiteral("http://127.0.0.1/healthz"));
    url.setPort(port);
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(body.value(QStringLiteral("version")).toString(), QLatin1StringView(tidemark::kVersion));

    // An unknown path is a clean 404 and the server keeps serving.
    url.setPath(QStringLiteral("/no-such-thing"));
    std::unique_ptr<QNetworkReply> missing(network.get(QNetworkRequest(url)));
    QSignalSpy missingFinished(missing.get(), &QNetworkReply::finished);
    QVERIFY(missingFinished.wait(10000));
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(server.state(), QProcess::Running);
}

void TestPrograms::serverReadsItsConfigFile()
{
    // The packaged service's way of starting: every setting from a file, as /etc/tidemark/server.conf.
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("data dir/server.db"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("data dir"))));
    QFile config(dir.filePath(QStringLiteral("server.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("# Tidemark sync server\n\n"
                 "TIDEMARK_LISTEN=127.0.0.1\n"
                 "TIDEMARK_PORT = 8765\n"
                 "; a later line wins, as in systemd's EnvironmentFile\n"
                 "TIDEMARK_PORT=0\n"
                 "TIDEMARK_DATABASE=\"" + database.toUtf8() + "\"\n"
                 "TIDEMARK_REGISTRATION=closed\n");
    config.close();

    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("TIDEMARK_")))
            env.remove(key);
    }
    server.setProcessEnvironment(env);
    server.start(QStringLiteral(TIDEMARK_SERVER_PATH), {QStringLiteral("--config"), config.fileName()});
    QVERIFY(server.waitForStarted());
    const auto stop = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished();
    });
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() != QProcess::Running, 10000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^listening on 127\\.0\\.0\\.1:\\d+$")).match(line).hasMatch(),
             qPrintable(line + QString::fromUtf8(server.readAllStandardError())));
    QVERIFY(!line.endsWith(QLatin1String(":8765")));
    QVERIFY(QFileInfo::exists(database));

    // The same file serves the administrator's commands; the command line still wins over it.
    QProcess add;
    add.setProcessEnvironment(env);
    add.start(QStringLiteral(TIDEMARK_SERVER_PATH),
              {QStringLiteral("--config"), config.fileName(), QStringLiteral("--database"),
               dir.filePath(QStringLiteral("other.db")), QStringLiteral("user"), QStringLiteral("add"),
               QStringLiteral("alice")});
    add.write("correct horse battery staple\n");
    add.closeWriteChannel();
    QVERIFY(add.waitForFinished(30000));
    QCOMPARE(add.exitCode(), 0);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("other.db"))));
}

void TestPrograms::serverRejectsABadConfigFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QByteArray("TIDEMARK_PORT=0\n\nTIDEMARK_PROT=1\n")
                                 << QStringLiteral("server.conf:3: unknown setting 'TIDEMARK_PROT'");
    QTest::newRow("no equals sign") << QByteArray("# comment\nport 8765\n")
                                    << QStringLiteral("server.conf:2: expected KEY=VALUE");
    QTest::newRow("open quote") << QByteArray("TIDEMARK_DATABASE=\"/var/lib/x.db\n")
                                << QStringLiteral("server.conf:1: unterminated quote");
    QTest::newRow("bad value") << QByteArray("TIDEMARK_PORT=http\n") << QStringLiteral("not a port number");
}

void TestPrograms::serverRejectsABadConfigFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("server.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(contents);
    config.close();
    const Result result = run(QStringLiteral(TIDEMARK_SERVER_PATH), {QStringLiteral("--config"), config.fileName()});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));

    const Result missing = run(QStringLiteral(TIDEMARK_SERVER_PATH),
                               {QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.conf"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("missing.conf")), qPrintable(missing.err));
}

void TestPrograms::serverAsRootRefusesAnotherUsersDatabase()
{
    // An administrator who forgets "sudo -u tidemark" before "user add" is stopped before the
    // server makes root-owned files in the service's folder.
    if (::geteuid() != 0)
        QSKIP("needs root");
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(::chown(QFile::encodeName(data).constData(), 65534, 65534) == 0);
    const QString database = data + QStringLiteral("/server.db");

    QProcess add;
    add.start(QStringLiteral(TIDEMARK_SERVER_PATH), {QStringLiteral("--database"), database, QStringLiteral("user"),
                                                     QStringLiteral("add"), QStringLiteral("alice")});
    add.write("correct horse battery staple\n");
    add.closeWriteChannel();
    QVERIFY(add.waitForFinished(30000));
    QCOMPARE(add.exitCode(), 2);
    const QString err = QString::fromUtf8(add.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("run as that user")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(database));

    const Result twice = run(QStringLiteral(TIDEMARK_SERVER_PATH),
                             {QStringLiteral("--config"), QStringLiteral("a.conf"), QStringLiteral("--config=b.conf")});
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains(QStringLiteral("--config given twice")), qPrintable(twice.err));
}

void TestPrograms::appStartsOnAStoreAndShowsItsViews()
{
    // The real program, offscreen, on a store of its own: it opens it, shows the window, walks its
    // views (writing a picture of each) and quits by itself.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess add;
    add.start(QStringLiteral(TIDEMARKCTL_PATH), {QStringLiteral("--db"), dir.filePath(QStringLiteral("store.db")),
                                                  QStringLiteral("add"), QStringLiteral("note"), QStringLiteral("Hello")});
    QVERIFY(add.waitForFinished(20000));
    QCOMPARE(add.exitCode(), 0);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(TIDEMARK_APP_PATH), {QStringLiteral("--db"), dir.filePath(QStringLiteral("store.db")),
                                                  QStringLiteral("--screenshot-tour"), dir.filePath(QStringLiteral("shots"))});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    for (const char *view : {"note", "task", "search", "settings", "note-dark"}) {
        const QImage shot(dir.filePath(QStringLiteral("shots/%1.png").arg(QLatin1StringView(view))));
        QVERIFY2(!shot.isNull() && shot.width() > 300, view);
    }
}

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
