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

using namespace Qt::StringLiterals;

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
    QTest::newRow("tidemark") << QStringLiteral(TIDEMARK_APP_PATH) << u"Tidemark"_s;
    QTest::newRow("tidemarkctl") << QStringLiteral(TIDEMARKCTL_PATH) << u"tidemarkctl"_s;
    QTest::newRow("tidemark-server") << QStringLiteral(TIDEMARK_SERVER_PATH)
                                     << u"tidemark-server"_s;
}

void TestPrograms::version_data() { addPrograms(); }

void TestPrograms::version()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    const Result result = run(program, {u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), name + QLatin1Char(' ') + QLatin1StringView(tidemark::kVersion));
    QVERIFY(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s)
                .match(QLatin1StringView(tidemark::kVersion))
                .hasMatch());
}

void TestPrograms::help_data() { addPrograms(); }

void TestPrograms::help()
{
    QFETCH(QString, program);
    const Result result = run(program, {u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(u"Usage:"_s), qPrintable(result.out));
    QVERIFY(result.out.contains(u"--version"_s));
}

void TestPrograms::tidemarkctlRejectsUnknownCommands()
{
    const Result result = run(QStringLiteral(TIDEMARKCTL_PATH), {u"frobnicate"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"unknown command 'frobnicate'"_s), qPrintable(result.err));
}

void TestPrograms::serverRejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s}
                                       << u"not a port number"_s;
    QTest::newRow("port too large") << QStringList{u"--port"_s, u"70000"_s}
                                    << u"not a port number"_s;
    QTest::newRow("address") << QStringList{u"--listen"_s, u"nowhere"_s}
                             << u"not an IP address"_s;
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s}
                                    << u"Unknown option"_s;
    QTest::newRow("log level") << QStringList{u"--log-level"_s, u"chatty"_s}
                               << u"error, warning, info or debug"_s;
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
                 {u"--listen"_s, u"127.0.0.1"_s, u"--port"_s,
                  u"0"_s, u"--database"_s, dir.filePath(u"server.db"_s)});
    QVERIFY(server.waitForStarted());
    const auto stop = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished();
    });
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const auto match = QRegularExpression(u"^listening on 127\\.0\\.0\\.1:(\\d+)$"_s).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0);

    QNetworkAccessManager network;
    QUrl url(u"http://127.0.0.1/healthz"_s);
    url.setPort(port);
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(body.value(u"version"_s).toString(), QLatin1StringView(tidemark::kVersion));

    // An unknown path is a clean 404 and the server keeps serving.
    url.setPath(u"/no-such-thing"_s);
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
    const QString database = dir.filePath(u"data dir/server.db"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"data dir"_s)));
    QFile config(dir.filePath(u"server.conf"_s));
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
    server.start(QStringLiteral(TIDEMARK_SERVER_PATH), {u"--config"_s, config.fileName()});
    QVERIFY(server.waitForStarted());
    const auto stop = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished();
    });
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() != QProcess::Running, 10000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    QVERIFY2(QRegularExpression(u"^listening on 127\\.0\\.0\\.1:\\d+$"_s).match(line).hasMatch(),
             qPrintable(line + QString::fromUtf8(server.readAllStandardError())));
    QVERIFY(!line.endsWith(QLatin1String(":8765")));
    QVERIFY(QFileInfo::exists(database));

    // The same file serves the administrator's commands; the command line still wins over it.
    QProcess add;
    add.setProcessEnvironment(env);
    add.start(QStringLiteral(TIDEMARK_SERVER_PATH),
              {u"--config"_s, config.fileName(), u"--database"_s,
               dir.filePath(u"other.db"_s), u"user"_s, u"add"_s,
               u"alice"_s});
    add.write("correct horse battery staple\n");
    add.closeWriteChannel();
    QVERIFY(add.waitForFinished(30000));
    QCOMPARE(add.exitCode(), 0);
    QVERIFY(QFileInfo::exists(dir.filePath(u"other.db"_s)));
}

void TestPrograms::serverRejectsABadConfigFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QByteArray("TIDEMARK_PORT=0\n\nTIDEMARK_PROT=1\n")
                                 << u"server.conf:3: unknown setting 'TIDEMARK_PROT'"_s;
    QTest::newRow("no equals sign") << QByteArray("# comment\nport 8765\n")
                                    << u"server.conf:2: expected KEY=VALUE"_s;
    QTest::newRow("open quote") << QByteArray("TIDEMARK_DATABASE=\"/var/lib/x.db\n")
                                << u"server.conf:1: unterminated quote"_s;
    QTest::newRow("bad value") << QByteArray("TIDEMARK_PORT=http\n") << u"not a port number"_s;
}

void TestPrograms::serverRejectsABadConfigFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile config(dir.filePath(u"server.conf"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(contents);
    config.close();
    const Result result = run(QStringLiteral(TIDEMARK_SERVER_PATH), {u"--config"_s, config.fileName()});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));

    const Result missing = run(QStringLiteral(TIDEMARK_SERVER_PATH),
                               {u"--config"_s, dir.filePath(u"missing.conf"_s)});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(u"missing.conf"_s), qPrintable(missing.err));
}

void TestPrograms::serverAsRootRefusesAnotherUsersDatabase()
{
    // An administrator who forgets "sudo -u tidemark" before "user add" is stopped before the
    // server makes root-owned files in the service's folder.
    if (::geteuid() != 0)
        QSKIP("needs root");
    QTemporaryDir dir;
    const QString data = dir.filePath(u"data"_s);
    QVERIFY(QDir().mkpath(data));
    QVERIFY(::chown(QFile::encodeName(data).constData(), 65534, 65534) == 0);
    const QString database = data + u"/server.db"_s;

    QProcess add;
    add.start(QStringLiteral(TIDEMARK_SERVER_PATH), {u"--database"_s, database, u"user"_s,
                                                     u"add"_s, u"alice"_s});
    add.write("correct horse battery staple\n");
    add.closeWriteChannel();
    QVERIFY(add.waitForFinished(30000));
    QCOMPARE(add.exitCode(), 2);
    const QString err = QString::fromUtf8(add.readAllStandardError());
    QVERIFY2(err.contains(u"run as that user"_s), qPrintable(err));
    QVERIFY(!QFileInfo::exists(database));

    const Result twice = run(QStringLiteral(TIDEMARK_SERVER_PATH),
                             {u"--config"_s, u"a.conf"_s, u"--config=b.conf"_s});
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains(u"--config given twice"_s), qPrintable(twice.err));
}

void TestPrograms::appStartsOnAStoreAndShowsItsViews()
{
    // The real program, offscreen, on a store of its own: it opens it, shows the window, walks its
    // views (writing a picture of each) and quits by itself.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess add;
    add.start(QStringLiteral(TIDEMARKCTL_PATH), {u"--db"_s, dir.filePath(u"store.db"_s),
                                                  u"add"_s, u"note"_s, u"Hello"_s});
    QVERIFY(add.waitForFinished(20000));
    QCOMPARE(add.exitCode(), 0);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(TIDEMARK_APP_PATH), {u"--db"_s, dir.filePath(u"store.db"_s),
                                                  u"--screenshot-tour"_s, dir.filePath(u"shots"_s)});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    for (const char *view : {"note", "task", "search", "settings", "note-dark"}) {
        const QImage shot(dir.filePath(u"shots/%1.png"_s.arg(QLatin1StringView(view))));
        QVERIFY2(!shot.isNull() && shot.width() > 300, view);
    }
}

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
