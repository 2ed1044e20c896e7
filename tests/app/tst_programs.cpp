// Runs the built programs as a user would: --version, --help, bad arguments, and a server that
// answers /healthz on a free port.
#include <tidemark/version.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
