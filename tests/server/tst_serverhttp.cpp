// tidemark-server as a client sees it: a real process on a free port, driven over HTTP.
#include "sync/compression.h"
#include "testdatabase.h"
#include "../serverprocess.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
} // namespace

class TestServerHttp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void registerLogInPushPull();
    void accountsAreIsolated();
    void tokensAreCheckedAndRevocable();
    void badRequestsGetClearErrorsAndChangeNothing_data();
    void badRequestsGetClearErrorsAndChangeNothing();
    void incompatibleClientIsToldSo();
    void closedRegistrationRefuses();
    void liveNotificationsReachOnlyTheAccountsDevices();
    void theLiveSocketRefusesBadTokensAtOnce();
    void killedMidBatchAppliesEveryOperationOnce();
    void stopsCleanlyOnSigterm();
    void administratorAddsUsersWhenRegistrationIsClosed();
    void passwordGuessingIsSlowedDown();
    void changingThePasswordSignsEveryDeviceOut();
    void metricsCountRequestsOperationsAndConflicts();
    void bodiesTravelCompressed();
    void hundredsOfHostileRequestsChangeNothing();
    void historyListsEveryVersion();
    void oversizedRequestsAreRefusedBeforeTheyArrive();
    void alwaysAskPolicyTurnsTitleCollisionsIntoConflicts();
    void serversSharingAPostgresDatabaseActAsOne();
    void servesHttpsWithACertificate();
    void aLostDeviceIsSignedOutFromAnother();
    void pagingWhileOthersPushSkipsAndRepeatsNothing();
    void signInsDoNotHoldUpOtherRequests();
    void runawayClientsAreToldToWait();

private:
    struct Reply
    {
        int status = 0;
        QByteArray contentType;
        QJsonObject json;
        QByteArray retryAfter;
        QByteArray protocol; ///< the Tidemark-Protocol header of the answer
    };
    bool startServer(const QStringList &extra = {});
    /// Starts a tidemark-server on m_database; its port, or 0.
    int launchServer(QProcess &process, const QStringList &extra = {});
    Reply request(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const QString &token = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QString signUp(const QString &name);
    QJsonObject pushOne(const QString &token, const QJsonObject &op);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database; ///< the server's --database: a SQLite path or a PostgreSQL URL
    std::unique_ptr<QProcess> m_server;
    QNetworkAccessManager m_network;
    int m_port = 0;
};

void TestServerHttp::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = tidemark::test::freshDatabase(*m_dir);
    QVERIFY(!m_database.isEmpty());
    QVERIFY(startServer());
}

void TestServerHttp::cleanup()
{
    if (m_server) {
        m_server->kill();
        m_server->waitForFinished();
    }
    m_server.reset();
    m_dir.reset();
}

bool TestServerHttp::startServer(const QStringList &extra)
{
    if (m_server) {
        m_server->kill();
        m_server->waitForFinished();
    }
    m_server = std::make_unique<QProcess>();
    m_port = launchServer(*m_server, extra);
    return m_port > 0;
}

int TestServerHttp::launchServer(QProcess &process, const QStringList &extra)
{
    return tidemark::test::startServer(process, m_database, 0, extra);
}

TestServerHttp::Reply TestServerHttp::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                                              const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url(s("http://127.0.0.1") + path);
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(req, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(20000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
            QJsonDocument::fromJson(reply->readAll()).object(), reply->rawHeader("Retry-After"), reply->rawHeader("Tidemark-Protocol")};
}

QString TestServerHttp::signUp(const QString &name)
{
    const QByteArray credentials = QJsonDocument(QJsonObject{{s("name"), name}, {s("password"), s("correct horse")}}).toJson();
    if (request("POST", s("/v1/accounts"), credentials).status != 201)
        return {};
    QJsonObject login = QJsonDocument::fromJson(credentials).object();
    login.insert(s("device"), s("laptop"));
    return request("POST", s("/v1/sessions"), QJsonDocument(login).toJson()).json.value(s("token")).toString();
}

QJsonObject TestServerHttp::pushOne(const QString &token, const QJsonObject &op)
{
    const Reply reply = request("POST", s("/v1/push"), QJsonDocument(QJsonObject{{s("ops"), QJsonArray{op}}}).toJson(), token);
    return reply.json.value(s("results")).toArray().first().toObject();
}

static QJsonObject makeOp(const QString &entity, const QJsonObject &fields, qint64 base = 0, const QString &kind = s("note"))
{
    return {{s("op_id"), uuid()}, {s("device"), s("laptop")}, {s("kind"), kind}, {s("entity"), entity},
            {s("fields"), fields}, {s("base_rev"), base}, {s("hlc"), s("000001700000000-000000-laptop")}};
}

void TestServerHttp::registerLogInPushPull()
{
    const QString token = signUp(s("anna"));
    QVERIFY(!token.isEmpty());
    const QString id = uuid();
    const QJsonObject result = pushOne(token, makeOp(id, {{s("title"), s("Hello")}}));
    QCOMPARE(result.value(s("status")).toString(), s("applied"));
    QCOMPARE(result.value(s("rev")).toInt(), 1);

    const Reply page = request("GET", s("/v1/changes?since=0&limit=100"), {}, token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json.value(s("cursor")).toInt(), 1);
    QCOMPARE(page.json.value(s("has_more")).toBool(), false);
    const QJsonObject change = page.json.value(s("changes")).toArray().first().toObject();
    QCOMPARE(change.value(s("id")).toString(), id);
    QCOMPARE(change.value(s("fields")).toObject().value(s("title")).toString(), s("Hello"));

    // The same batch again is answered from its record.
    const QJsonObject op = makeOp(uuid(), {{s("title"), s("Once")}});
    const QJsonObject first = pushOne(token, op);
    const QJsonObject again = pushOne(token, op);
    QCOMPARE(again, first);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json.value(s("cursor")).toInt(), 2);

    // Survives a restart.
    QVERIFY(startServer());
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json.value(s("changes")).toArray().size(), 2);
}

void TestServerHttp::accountsAreIsolated()
{
    const QString anna = signUp(s("anna"));
    const QString ben = signUp(s("ben"));
    const QString id = uuid();
    pushOne(anna, makeOp(id, {{s("title"), s("Anna's")}}));
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, ben).json.value(s("changes")).toArray().size(), 0);
    // Ben using Anna's id gets his own entity, as with any id he has never seen.
    QCOMPARE(pushOne(ben, makeOp(id, {{s("title"), s("Ben's")}}, 1)).value(s("status")).toString(), s("applied"));
    const QJsonObject annas = request("GET", s("/v1/changes?since=0"), {}, anna).json;
    QCOMPARE(annas.value(s("changes")).toArray().first().toObject().value(s("fields")).toObject().value(s("title")).toString(),
             s("Anna's"));
}

void TestServerHttp::tokensAreCheckedAndRevocable()
{
    const QString token = signUp(s("anna"));
    QCOMPARE(request("GET", s("/v1/changes"), {}).status, 401);
    QCOMPARE(request("GET", s("/v1/changes"), {}, s("forged-token")).status, 401);
    const QByteArray wrong = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("wrong password")}}).toJson();
    const Reply refused = request("POST", s("/v1/sessions"), wrong);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.contentType, QByteArray("application/problem+json"));
    QCOMPARE(request("DELETE", s("/v1/sessions/current"), {}, token).status, 204);
    const Reply after = request("GET", s("/v1/changes"), {}, token);
    QCOMPARE(after.status, 401);
    QVERIFY(after.json.value(s("detail")).toString().contains(s("revoked")));
}

void TestServerHttp::badRequestsGetClearErrorsAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const auto op = [](QJsonObject change, const QStringList &remove = {}) {
        QJsonObject base = makeOp(s("01930000-0000-7000-8000-000000000001"), {{s("title"), s("x")}});
        for (auto it = change.begin(); it != change.end(); ++it)
            base.insert(it.key(), it.value());
        for (const QString &key : remove)
            base.remove(key);
        return QJsonDocument(QJsonObject{{s("ops"), QJsonArray{base}}}).toJson();
    };
    // 400 refuses the request; 200 answers an operation with a well-formed op_id `rejected` on its
    // own, with the reason, so that one operation a server cannot take never stalls the rest.
    QTest::newRow("not json") << QByteArray("POST") << s("/v1/push") << QByteArray("{ops: [") << 400;
    QTest::newRow("truncated") << QByteArray("POST") << s("/v1/push") << op({}).chopped(5) << 400;
    QTest::newRow("array body") << QByteArray("POST") << s("/v1/push") << QByteArray("[]") << 400;
    QTest::newRow("ops not array") << QByteArray("POST") << s("/v1/push") << QByteArray("{\"ops\": 3}") << 400;
    QTest::newRow("op not object") << QByteArray("POST") << s("/v1/push") << QByteArray("{\"ops\": [1]}") << 400;
    QTest::newRow("no op_id") << QByteArray("POST") << s("/v1/push") << op({}, {s("op_id")}) << 400;
    QTest::newRow("op_id not uuid") << QByteArray("POST") << s("/v1/push") << op({{s("op_id"), s("../../etc")}}) << 400;
    QTest::newRow("entity number") << QByteArray("POST") << s("/v1/push") << op({{s("entity"), 5}}) << 200;
    QTest::newRow("kind unknown") << QByteArray("POST") << s("/v1/push") << op({{s("kind"), s("memo")}}) << 200;
    QTest::newRow("base negative") << QByteArray("POST") << s("/v1/push") << op({{s("base_rev"), -1}}) << 200;
    QTest::newRow("base fraction") << QByteArray("POST") << s("/v1/push") << op({{s("base_rev"), 1.5}}) << 200;
    QTest::newRow("base string") << QByteArray("POST") << s("/v1/push") << op({{s("base_rev"), s("1")}}) << 200;
    QTest::newRow("fields empty") << QByteArray("POST") << s("/v1/push") << op({{s("fields"), QJsonObject()}}) << 200;
    QTest::newRow("fields array") << QByteArray("POST") << s("/v1/push") << op({{s("fields"), QJsonArray()}}) << 200;
    QTest::newRow("huge field") << QByteArray("POST") << s("/v1/push")
                                << op({{s("fields"), QJsonObject{{s("body"), QString(5 * 1024 * 1024, QLatin1Char('x'))}}}}) << 200;
    QTest::newRow("hlc missing") << QByteArray("POST") << s("/v1/push") << op({}, {s("hlc")}) << 200;
    const auto named = [&op](const QJsonValue &name) {
        QJsonObject body = QJsonDocument::fromJson(op({})).object();
        body.insert(s("device_name"), name);
        return QJsonDocument(body).toJson();
    };
    QTest::newRow("device name number") << QByteArray("POST") << s("/v1/push") << named(7) << 400;
    QTest::newRow("device name huge") << QByteArray("POST") << s("/v1/push") << named(QString(201, QLatin1Char('x'))) << 400;
    QTest::newRow("too many ops") << QByteArray("POST") << s("/v1/push")
                                  << QJsonDocument(QJsonObject{{s("ops"), QJsonArray::fromVariantList(QVariantList(501, 1))}}).toJson() << 413;
    QTest::newRow("since text") << QByteArray("GET") << s("/v1/changes?since=abc") << QByteArray() << 400;
    QTest::newRow("since negative") << QByteArray("GET") << s("/v1/changes?since=-4") << QByteArray() << 400;
    QTest::newRow("limit zero") << QByteArray("GET") << s("/v1/changes?limit=0") << QByteArray() << 400;
    QTest::newRow("limit huge") << QByteArray("GET") << s("/v1/changes?limit=99999999999") << QByteArray() << 400;
    QTest::newRow("snapshot text") << QByteArray("GET") << s("/v1/changes?since=0&snapshot=x&after=a") << QByteArray() << 400;
    QTest::newRow("snapshot no after") << QByteArray("GET") << s("/v1/changes?since=0&snapshot=3") << QByteArray() << 400;
    QTest::newRow("snapshot negative") << QByteArray("GET") << s("/v1/changes?since=0&snapshot=-3&after=a") << QByteArray() << 400;
    QTest::newRow("unknown route") << QByteArray("GET") << s("/v1/nothing") << QByteArray() << 404;
    QTest::newRow("path trick") << QByteArray("GET") << s("/v1/../../etc/passwd") << QByteArray() << 404;
    QTest::newRow("register no password") << QByteArray("POST") << s("/v1/accounts") << QByteArray("{\"name\": \"x\"}") << 400;
    QTest::newRow("register short password") << QByteArray("POST") << s("/v1/accounts")
                                             << QByteArray("{\"name\": \"zed\", \"password\": \"short\"}") << 400;
    QTest::newRow("register bad name") << QByteArray("POST") << s("/v1/accounts")
                                       << QByteArray("{\"name\": \"a b/c\", \"password\": \"long enough\"}") << 400;
    QTest::newRow("register taken") << QByteArray("POST") << s("/v1/accounts")
                                    << QByteArray("{\"name\": \"anna\", \"password\": \"long enough\"}") << 409;
    QTest::newRow("login types") << QByteArray("POST") << s("/v1/sessions") << QByteArray("{\"name\": 1, \"password\": []}") << 400;
}

void TestServerHttp::badRequestsGetClearErrorsAndChangeNothing()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const QString token = signUp(s("anna"));
    pushOne(token, makeOp(uuid(), {{s("title"), s("Keep me")}}));
    const QJsonObject before = request("GET", s("/v1/changes?since=0"), {}, token).json;

    const Reply reply = request(verb, path, body, token);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        const QJsonArray results = reply.json.value(s("results")).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toObject().value(s("status")).toString(), s("rejected"));
        QVERIFY2(!results.first().toObject().value(s("reason")).toString().isEmpty(), QJsonDocument(reply.json).toJson().constData());
    } else if (status != 404) {
        QCOMPARE(reply.contentType, QByteArray("application/problem+json"));
        QVERIFY2(!reply.json.value(s("detail")).toString().isEmpty(), QJsonDocument(reply.json).toJson().constData());
        QCOMPARE(reply.json.value(s("status")).toInt(), status);
    }
    // Still serving, nothing changed.
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json, before);
    QCOMPARE(m_server->state(), QProcess::Running);
}

void TestServerHttp::incompatibleClientIsToldSo()
{
    const QString token = signUp(s("anna"));
    // A newer app that speaks only a newer version: the server is the side to update.
    const Reply newer = request("GET", s("/v1/changes"), {}, token, {{"Tidemark-Protocol", "2"}});
    QCOMPARE(newer.status, 400);
    QVERIFY2(newer.json.value(s("detail")).toString().contains(s("update the server")), qPrintable(newer.json.value(s("detail")).toString()));
    // An app older than anything the server speaks: the app is.
    const Reply older = request("GET", s("/v1/changes"), {}, token, {{"Tidemark-Protocol", "0"}});
    QCOMPARE(older.status, 400);
    QVERIFY2(older.json.value(s("detail")).toString().contains(s("update the app")), qPrintable(older.json.value(s("detail")).toString()));
    // A newer app that also speaks 1 is answered in 1, and says so in the header.
    const Reply both = request("GET", s("/v1/changes"), {}, token, {{"Tidemark-Protocol", "1, 2"}});
    QCOMPARE(both.status, 200);
    QCOMPARE(both.protocol, QByteArray("1"));
    QCOMPARE(request("GET", s("/v1/changes"), {}, token, {{"Tidemark-Protocol", "1"}}).protocol, QByteArray("1"));
}

void TestServerHttp::closedRegistrationRefuses()
{
    QVERIFY(startServer({s("--registration"), s("closed")}));
    const Reply reply = request("POST", s("/v1/accounts"), QByteArray("{\"name\": \"x\", \"password\": \"long enough\"}"));
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.json.value(s("detail")).toString().contains(s("administrator")));
}

void TestServerHttp::liveNotificationsReachOnlyTheAccountsDevices()
{
    const QString anna = signUp(s("anna"));
    const QString ben = signUp(s("ben"));
    const auto connectLive = [this](const QString &token) {
        auto socket = std::make_unique<QWebSocket>();
        QUrl url(s("ws://127.0.0.1/v1/live"));
        url.setPort(m_port);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8()); // not in the URL: it ends up in logs
        socket->open(request);
        return socket;
    };
    auto annas = connectLive(anna);
    auto bens = connectLive(ben);
    QSignalSpy annaMessages(annas.get(), &QWebSocket::textMessageReceived);
    QSignalSpy benMessages(bens.get(), &QWebSocket::textMessageReceived);
    QTRY_COMPARE_WITH_TIMEOUT(annaMessages.size(), 1, 5000); // where the account stands on connecting
    QTRY_COMPARE_WITH_TIMEOUT(benMessages.size(), 1, 5000);

    QElapsedTimer timer;
    timer.start();
    const QJsonObject live = makeOp(uuid(), {{s("title"), s("Live")}});
    pushOne(anna, live);
    QTRY_COMPARE_WITH_TIMEOUT(annaMessages.size(), 2, 5000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(QJsonDocument::fromJson(annaMessages.last().first().toString().toUtf8()).object().value(s("rev")).toInt(), 1);
    pushOne(anna, live); // a repeated operation moves nothing, so it is no news
    QTest::qWait(200);
    QCOMPARE(annaMessages.size(), 2);
    QCOMPARE(benMessages.size(), 1); // nothing about Anna's account

    // A bad token is refused at the handshake.
    auto stranger = connectLive(s("forged"));
    QSignalSpy closed(stranger.get(), &QWebSocket::disconnected);
    QVERIFY(closed.wait(5000));
}

void TestServerHttp::theLiveSocketRefusesBadTokensAtOnce()
{
    const QString anna = signUp(s("anna"));
    const QString revoked = [this] {
        QJsonObject login{{s("name"), s("anna")}, {s("password"), s("correct horse")}, {s("device"), s("old phone")}};
        const QString token = request("POST", s("/v1/sessions"), QJsonDocument(login).toJson()).json.value(s("token")).toString();
        request("DELETE", s("/v1/sessions/current"), {}, token);
        return token;
    }();
    QVERIFY(!revoked.isEmpty());
    // A WebSocket upgrade of /v1/live as it crosses the wire, with the given extra header lines.
    const auto upgrade = [this](const QByteArray &target, const QByteArray &extra) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) +
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n" + extra + "\r\n";
    };
    const QList<QPair<const char *, QByteArray>> cases{
        {"no token", upgrade("/v1/live", {})},
        {"forged token", upgrade("/v1/live", "Authorization: Bearer forged\r\n")},
        {"revoked token", upgrade("/v1/live", "Authorization: Bearer " + revoked.toUtf8() + "\r\n")},
        {"not a bearer token", upgrade("/v1/live", "Authorization: Basic YW5uYTpwdw==\r\n")},
        {"forged token in the query", upgrade("/v1/live?token=forged", {})},
    };
    for (const auto &[name, bytes] : cases) {
        QTcpSocket socket;
        socket.connectToHost(s("127.0.0.1"), quint16(m_port));
        QVERIFY(socket.waitForConnected(2000));
        QElapsedTimer timer;
        timer.start();
        socket.write(bytes);
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && timer.elapsed() < 1000 && socket.waitForReadyRead(int(1000 - timer.elapsed())))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), qPrintable(s("%1: '%2' after %3 ms").arg(s(name), QString::fromLatin1(answer.left(200))).arg(timer.elapsed())));
        // ...and the connection is closed.
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 1500)
            socket.waitForDisconnected(int(1500 - timer.elapsed()));
        QVERIFY2(socket.state() == QAbstractSocket::UnconnectedState, name);
        QVERIFY2(timer.elapsed() < 1500, qPrintable(s("%1: closed after %2 ms").arg(s(name)).arg(timer.elapsed())));
    }
    // A good token in the header is taken, and the server still serves.
    QTcpSocket good;
    good.connectToHost(s("127.0.0.1"), quint16(m_port));
    QVERIFY(good.waitForConnected(2000));
    good.write(upgrade("/v1/live", "Authorization: Bearer " + anna.toUtf8() + "\r\n"));
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && good.waitForReadyRead(2000))
        answer += good.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.left(200).constData());
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, anna).status, 200);
}

void TestServerHttp::killedMidBatchAppliesEveryOperationOnce()
{
    // A device pushes 400 operations as eight batches of 50, one after the other, and the server
    // is killed while a batch is in flight.
    const QString token = signUp(s("anna"));
    QList<QByteArray> batches;
    QJsonArray all;
    for (int b = 0; b < 8; ++b) {
        QJsonArray ops;
        for (int i = 0; i < 50; ++i)
            ops.append(makeOp(uuid(), {{s("title"), s("n%1-%2").arg(b).arg(i)}, {s("body"), QString(8000, QLatin1Char('x'))}}));
        for (const QJsonValue &op : std::as_const(ops))
            all.append(op);
        batches.append(QJsonDocument(QJsonObject{{s("ops"), ops}}).toJson());
    }
    QUrl url(s("http://127.0.0.1/v1/push"));
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    int answered = 0;
    std::unique_ptr<QNetworkReply> reply;
    while (answered < 3) {
        reply.reset(m_network.post(req, batches.at(answered)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        ++answered;
    }
    reply.reset(m_network.post(req, batches.at(answered)));
    QTest::qWait(QRandomGenerator::global()->bounded(30));
    m_server->kill(); // SIGKILL, with the fourth batch sent or being judged
    m_server->waitForFinished();
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(10000));

    QVERIFY(startServer());
    const qint64 applied = request("GET", s("/v1/changes?since=0&limit=5000"), {}, token).json.value(s("changes")).toArray().size();
    // A batch is durable as a whole, before its answer: the three answered ones are there, and
    // the one cut off is there completely or not at all.
    QVERIFY2(applied == 150 || applied == 200, qPrintable(s("%1 of 400 applied before the kill").arg(applied)));

    // The device replays everything it has no answer for (here: all of it, in one go): what was
    // applied is answered from its record.
    const Reply replay = request("POST", s("/v1/push"), QJsonDocument(QJsonObject{{s("ops"), all}}).toJson(), token);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.json.value(s("results")).toArray().size(), 400);
    const QJsonObject page = request("GET", s("/v1/changes?since=0&limit=5000"), {}, token).json;
    QCOMPARE(page.value(s("changes")).toArray().size(), 400);
    QCOMPARE(page.value(s("cursor")).toInt(), 400); // one revision per operation: none applied twice
}

void TestServerHttp::stopsCleanlyOnSigterm()
{
    const QString token = signUp(s("anna"));
    pushOne(token, makeOp(uuid(), {{s("title"), s("Before stopping")}}));
    m_server->terminate(); // SIGTERM
    QVERIFY(m_server->waitForFinished(10000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
    QVERIFY(startServer());
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json.value(s("changes")).toArray().size(), 1);
}

void TestServerHttp::administratorAddsUsersWhenRegistrationIsClosed()
{
    QProcess admin;
    admin.start(s(TIDEMARK_SERVER_PATH), {s("--database"), m_database, s("user"), s("add"), s("carla")});
    admin.write("a long password\n");
    admin.closeWriteChannel();
    QVERIFY(admin.waitForFinished(20000));
    QCOMPARE(admin.exitCode(), 0);
    QVERIFY(admin.readAllStandardOutput().contains("created account carla"));
    QVERIFY(startServer({s("--registration"), s("closed")}));
    const QByteArray login = QJsonDocument(QJsonObject{{s("name"), s("carla")}, {s("password"), s("a long password")}}).toJson();
    const Reply session = request("POST", s("/v1/sessions"), login);
    QVERIFY2(session.status == 201, QJsonDocument(session.json).toJson().constData());
}

void TestServerHttp::passwordGuessingIsSlowedDown()
{
    signUp(s("anna"));
    const QByteArray wrong = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("guess guess")}}).toJson();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(request("POST", s("/v1/sessions"), wrong).status, 401);
    QUrl url(s("http://127.0.0.1/v1/sessions"));
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.post(req, wrong));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
    const int retryAfter = reply->rawHeader("Retry-After").toInt();
    QVERIFY(retryAfter > 0 && retryAfter <= 60);
    // Even the right password waits now.
    const QByteArray right = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("correct horse")}}).toJson();
    QCOMPARE(request("POST", s("/v1/sessions"), right).status, 429);
}

void TestServerHttp::changingThePasswordSignsEveryDeviceOut()
{
    const QString token = signUp(s("anna"));
    const QByteArray wrongOld = QJsonDocument(QJsonObject{{s("old_password"), s("not it at all")}, {s("new_password"), s("battery staple")}}).toJson();
    QCOMPARE(request("PUT", s("/v1/password"), wrongOld, token).status, 403);
    const QByteArray weak = QJsonDocument(QJsonObject{{s("old_password"), s("correct horse")}, {s("new_password"), s("short")}}).toJson();
    const Reply refused = request("PUT", s("/v1/password"), weak, token);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.json.value(s("detail")).toString().contains(s("8 characters")));
    QCOMPARE(request("GET", s("/v1/changes"), {}, token).status, 200); // refused changes sign nobody out
    const QByteArray change = QJsonDocument(QJsonObject{{s("old_password"), s("correct horse")}, {s("new_password"), s("battery staple")}}).toJson();
    QCOMPARE(request("PUT", s("/v1/password"), change, token).status, 204);
    QCOMPARE(request("GET", s("/v1/changes"), {}, token).status, 401);
    const QByteArray login = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("battery staple")}}).toJson();
    QCOMPARE(request("POST", s("/v1/sessions"), login).status, 201);
}

void TestServerHttp::metricsCountRequestsOperationsAndConflicts()
{
    const QString token = signUp(s("anna"));
    const QString id = uuid();
    pushOne(token, makeOp(id, {{s("title"), s("One")}}));
    pushOne(token, makeOp(id, {{s("title"), s("Two")}}, 1));
    QJsonObject late = makeOp(id, {{s("title"), s("Three")}}, 1);
    late.insert(s("hlc"), s("000001800000000-000000-desktop"));
    late.insert(s("device"), s("desktop"));
    QCOMPARE(pushOne(token, late).value(s("status")).toString(), s("merged"));
    request("POST", s("/v1/push"), "{broken", token);

    QUrl url(s("http://127.0.0.1/metrics"));
    url.setPort(m_port);
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    const QByteArray text = reply->readAll();
    QVERIFY2(text.contains("tidemark_operations_total{status=\"applied\"} 2"), text.constData());
    QVERIFY(text.contains("tidemark_operations_total{status=\"merged\"} 1"));
    QVERIFY(text.contains("tidemark_conflicts_total{rule=\"scalar-later-wins\"} 1"));
    QVERIFY(text.contains("tidemark_rejected_inputs_total{route=\"/v1/push\"} 1"));
    QVERIFY(text.contains("tidemark_http_requests_total{route=\"/v1/push\",status=\"200\"} 3"));
    QVERIFY(text.contains("tidemark_push_seconds_count 3"));
    const Reply missing = request("GET", s("/nowhere"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.contentType, QByteArray("application/problem+json"));
}

void TestServerHttp::bodiesTravelCompressed()
{
    namespace C = tidemark::sync::Compression;
    const QString token = signUp(s("anna"));
    QJsonArray ops;
    for (int i = 0; i < 20; ++i)
        ops.append(makeOp(uuid(), {{s("title"), s("Compressed %1").arg(i)}, {s("body"), QString(500, QLatin1Char('z'))}}));
    const QByteArray batch = QJsonDocument(QJsonObject{{s("ops"), ops}}).toJson();

    for (const auto encoding : {C::Encoding::Zstd, C::Encoding::Gzip}) {
        QJsonArray again;
        for (const QJsonValue &op : ops) {
            QJsonObject fresh = op.toObject();
            fresh.insert(s("op_id"), uuid());
            fresh.insert(s("entity"), uuid());
            again.append(fresh);
        }
        const QByteArray body = C::compress(QJsonDocument(QJsonObject{{s("ops"), again}}).toJson(), encoding);
        QVERIFY(body.size() < batch.size() / 3);
        const Reply pushed = request("POST", s("/v1/push"), body, token, {{"Content-Encoding", C::headerValue(encoding)}});
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.json.value(s("results")).toArray().size(), 20);
    }

    // The answer comes compressed in the encoding asked for.
    QUrl url(s("http://127.0.0.1/v1/changes?since=0"));
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    req.setRawHeader("Accept-Encoding", "gzip;q=0.5, zstd");
    std::unique_ptr<QNetworkReply> reply(m_network.get(req));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->rawHeader("Content-Encoding"), QByteArray("zstd"));
    const auto plain = C::decompress(reply->readAll(), C::Encoding::Zstd, 64 * 1024 * 1024);
    QVERIFY(plain);
    QCOMPARE(QJsonDocument::fromJson(*plain).object().value(s("changes")).toArray().size(), 40);

    // A bomb, a corrupt body and an unknown encoding are refused, and change nothing.
    const QByteArray bomb = C::compress(QByteArray(64 * 1024 * 1024, ' '), C::Encoding::Zstd);
    QCOMPARE(request("POST", s("/v1/push"), bomb, token, {{"Content-Encoding", "zstd"}}).status, 413);
    QCOMPARE(request("POST", s("/v1/push"), QByteArray("not zstd at all"), token, {{"Content-Encoding", "zstd"}}).status, 400);
    QCOMPARE(request("POST", s("/v1/push"), batch, token, {{"Content-Encoding", "br"}}).status, 415);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json.value(s("cursor")).toInt(), 40);
}

void TestServerHttp::hundredsOfHostileRequestsChangeNothing()
{
    const QString token = signUp(s("anna"));
    const QString other = signUp(s("ben"));
    const QString entity = uuid();
    pushOne(token, makeOp(entity, {{s("title"), s("Keep me")}, {s("body"), s("Intact")}}));
    const QJsonObject before = request("GET", s("/v1/changes?since=0"), {}, token).json;

    struct Case
    {
        QByteArray verb;
        QString path;
        QByteArray body;
        QString token;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    QList<Case> cases;
    const QJsonObject valid = makeOp(uuid(), {{s("title"), s("x")}});
    const QList<QJsonValue> badValues{QJsonValue::Null, 0, -1, 1.5, true, QJsonArray{1}, QJsonObject{{s("a"), 1}},
                                      QString(), QString(100, QLatin1Char('a')), s("../../../etc/passwd"),
                                      s("0193A2B4-0000-7000-8000-000000000000"), s("' OR 1=1 --"), s("\u0000")};
    // Every member of an operation, with every wrong value.
    for (const QString &member : {s("op_id"), s("device"), s("kind"), s("entity"), s("fields"), s("base_rev"), s("hlc")}) {
        for (const QJsonValue &value : badValues) {
            QJsonObject op = valid;
            op.insert(member, value);
            if (member == s("fields") && value.isObject() && !value.toObject().contains(s("title")))
                continue; // any field name is allowed: newer clients send fields this server does not know
            if (member == s("base_rev") && value.isDouble() && value.toDouble() >= 0 && value.toDouble() == double(value.toInt()))
                continue; // a valid revision
            if (member == s("device") || member == s("hlc")) {
                // Strings of any content are fine here; only wrong types and sizes are not.
                if (value.isString() && !value.toString().isEmpty() && value.toString().size() <= 64)
                    continue;
            }
            cases.append({"POST", s("/v1/push"), QJsonDocument(QJsonObject{{s("ops"), QJsonArray{op}}}).toJson(), token, {}});
        }
        QJsonObject missing = valid;
        missing.remove(member);
        cases.append({"POST", s("/v1/push"), QJsonDocument(QJsonObject{{s("ops"), QJsonArray{missing}}}).toJson(), token, {}});
    }
    // A valid body cut at many places, and with bytes that are not UTF-8.
    const QByteArray whole = QJsonDocument(QJsonObject{{s("ops"), QJsonArray{valid}}}).toJson(QJsonDocument::Compact);
    for (qsizetype cut = 1; cut < whole.size(); cut += qMax<qsizetype>(1, whole.size() / 60))
        cases.append({"POST", s("/v1/push"), whole.left(cut), token, {}});
    for (const QByteArray &junk : {QByteArray("\xff\xfe\xfd"), QByteArray("{\"ops\": [\"\xc3\x28\"]}"), QByteArray(1, '\0'),
                                   QByteArray("null"), QByteArray("\"ops\""), QByteArray("{\"ops\": null}"),
                                   QByteArray("{\"ops\": {}}"), QByteArray(100000, '['), QByteArray("{}")})
        cases.append({"POST", s("/v1/push"), junk, token, {}});
    // Missing, malformed and forged credentials on every protected route.
    for (const QString &path : {s("/v1/push"), s("/v1/changes"), s("/v1/conflicts"), s("/v1/sessions/current"), s("/v1/password")}) {
        const QByteArray verb = path == s("/v1/push") ? "POST" : path == s("/v1/sessions/current") ? "DELETE"
                              : path == s("/v1/password") ? "PUT" : "GET";
        for (const QString &bad : {QString(), s("x"), QString(5000, QLatin1Char('t')), token + s("x"), s("Bearer")})
            cases.append({verb, path, whole, bad, {}});
        cases.append({verb, path, whole, {}, {{"Authorization", "Basic YW5uYTpwdw=="}}});
        cases.append({verb, path, whole, {}, {{"Authorization", "Bearer"}}});
    }
    // Query strings.
    for (const QString &query : {s("since=x"), s("since=-1"), s("since=1e9999"), s("limit=-5"), s("limit=abc"),
                                 s("limit=0"), s("limit=5001"), s("since=9223372036854775808"), s("since=%00")})
        cases.append({"GET", s("/v1/changes?") + query, {}, token, {}});
    // Account and session bodies.
    for (const QByteArray &body : {QByteArray("{}"), QByteArray("{\"name\": null}"), QByteArray("{\"name\": \"a\"}"),
                                   QByteArray("{\"name\": [], \"password\": \"long enough\"}"),
                                   QByteArray("{\"name\": \"\", \"password\": \"long enough\"}"),
                                   QByteArray("{\"name\": \"x\", \"password\": 12345678}"),
                                   QByteArray("{\"name\": \"ben\", \"password\": \"long enough\"}"), QByteArray("[")}) {
        cases.append({"POST", s("/v1/accounts"), body, {}, {}});
        cases.append({"POST", s("/v1/sessions"), body, {}, {}});
        cases.append({"PUT", s("/v1/password"), body, token, {}});
    }
    // Unknown places and methods.
    for (const QString &path : {s("/"), s("/v1"), s("/v1/"), s("/v2/push"), s("/%2e%2e/%2e%2e/etc/passwd"),
                                s("/v1/changes/extra"), s("/v1/accounts/1"), s("/v1/entities/") + entity,
                                s("/v1/entities/") + uuid() + s("/history"), s("/v1/entities/%27%3B/history")})
        cases.append({"GET", path, {}, token, {}});
    for (const QByteArray &verb : {QByteArray("PATCH"), QByteArray("DELETE"), QByteArray("PUT")})
        cases.append({verb, s("/v1/push"), whole, token, {}});
    cases.append({"POST", s("/v1/push"), whole, token, {{"Content-Encoding", "deflate"}}});
    cases.append({"POST", s("/v1/push"), whole, token, {{"Tidemark-Protocol", "0"}}});
    // Known fields with values of the wrong type.
    for (const auto &[field, value] : {std::pair{s("title"), QJsonValue(3)}, std::pair{s("body"), QJsonValue(QJsonArray{})},
                                       std::pair{s("tags"), QJsonValue(s("a,b"))}, std::pair{s("pinned"), QJsonValue(s("yes"))},
                                       std::pair{s("deleted"), QJsonValue(1)}}) {
        QJsonObject op = valid;
        op.insert(s("fields"), QJsonObject{{field, value}});
        cases.append({"POST", s("/v1/push"), QJsonDocument(QJsonObject{{s("ops"), QJsonArray{op}}}).toJson(), token, {}});
    }
    // Another account's entity: Ben's edit based on Anna's revision makes his own entity, never hers.
    cases.append({"GET", s("/v1/changes?since=0"), {}, other, {}});

    QVERIFY2(cases.size() >= 200, qPrintable(QString::number(cases.size())));
    int index = 0;
    for (const Case &c : std::as_const(cases)) {
        const Reply reply = request(c.verb, c.path, c.body, c.token, c.headers);
        const bool harmlessRead = c.token == other; // Ben reading his own (empty) account
        // An operation with a well-formed op_id is answered on its own: 200, every result rejected.
        bool allRejected = reply.status == 200 && c.path == s("/v1/push") && !reply.json.value(s("results")).toArray().isEmpty();
        for (const QJsonValue &result : reply.json.value(s("results")).toArray())
            allRejected = allRejected && result.toObject().value(s("status")).toString() == s("rejected");
        QVERIFY2(harmlessRead ? reply.status == 200 : allRejected || (reply.status >= 400 && reply.status < 500),
                 qPrintable(s("case %1: %2 %3 -> %4 %5").arg(index).arg(QString::fromLatin1(c.verb), c.path).arg(reply.status).arg(QString::fromUtf8(c.body.left(300)))));
        ++index;
    }
    QCOMPARE(m_server->state(), QProcess::Running);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).json, before);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, other).json.value(s("changes")).toArray().size(), 0);
}

void TestServerHttp::historyListsEveryVersion()
{
    const QString anna = signUp(s("anna"));
    const QString ben = signUp(s("ben"));
    const QString id = uuid();
    pushOne(anna, makeOp(id, {{s("title"), s("v1")}}));
    pushOne(anna, makeOp(id, {{s("title"), s("v2")}}, 1));
    const Reply history = request("GET", s("/v1/entities/%1/history").arg(id), {}, anna);
    QCOMPARE(history.status, 200);
    const QJsonArray versions = history.json.value(s("versions")).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value(s("fields")).toObject().value(s("title")).toString(), s("v1"));
    QCOMPARE(versions.at(1).toObject().value(s("rev")).toInt(), 2);
    QCOMPARE(versions.at(1).toObject().value(s("device")).toString(), s("laptop"));
    // Another account's entity looks like one that does not exist.
    QCOMPARE(request("GET", s("/v1/entities/%1/history").arg(id), {}, ben).status, 404);
    QCOMPARE(request("GET", s("/v1/entities/%1/history").arg(uuid()), {}, anna).status, 404);
}

void TestServerHttp::oversizedRequestsAreRefusedBeforeTheyArrive()
{
    const QString token = signUp(s("anna"));
    // Declares 600 MB and sends only the start: the answer comes at once, without the rest.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toUtf8()
                 + "\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n{\"ops\": [");
    QElapsedTimer timer;
    timer.start();
    QByteArray answer;
    while (timer.elapsed() < 5000 && !answer.contains("\r\n\r\n") && socket.waitForReadyRead(200))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("application/problem+json"));

    // A body of unknown length (chunked) is refused before any of it is read.
    QTcpSocket streaming;
    streaming.connectToHost(QHostAddress::LocalHost, quint16(m_port));
    QVERIFY(streaming.waitForConnected(5000));
    streaming.write("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n");
    QByteArray refused;
    timer.restart();
    while (timer.elapsed() < 5000 && !refused.contains("\r\n\r\n") && streaming.waitForReadyRead(200))
        refused += streaming.readAll();
    QVERIFY2(refused.startsWith("HTTP/1.1 411"), refused.constData());

    // The server is still serving.
    QCOMPARE(request("GET", s("/v1/changes"), {}, token).status, 200);
}

void TestServerHttp::alwaysAskPolicyTurnsTitleCollisionsIntoConflicts()
{
    const QString token = signUp(s("anna"));
    QCOMPARE(request("PUT", s("/v1/policies"), QByteArray("{\"policies\": {\"title\": \"sometimes\"}}"), token).status, 400);
    const Reply set = request("PUT", s("/v1/policies"), QByteArray("{\"policies\": {\"title\": \"ask\"}}"), token);
    QCOMPARE(set.status, 200);
    QCOMPARE(request("GET", s("/v1/policies"), {}, token).json.value(s("policies")).toObject().value(s("title")).toString(), s("ask"));

    const QString id = uuid();
    pushOne(token, makeOp(id, {{s("title"), s("Plan")}}));
    pushOne(token, makeOp(id, {{s("title"), s("Plan A")}}, 1));
    QJsonObject other = makeOp(id, {{s("title"), s("Plan B")}}, 1);
    other.insert(s("hlc"), s("000001900000000-000000-desktop"));
    other.insert(s("device"), s("desktop"));
    QCOMPARE(pushOne(token, other).value(s("status")).toString(), s("conflict"));

    // Back to the default: the later edit wins again.
    QCOMPARE(request("PUT", s("/v1/policies"), QByteArray("{\"policies\": {\"title\": \"later-wins\"}}"), token).status, 200);
    QCOMPARE(request("GET", s("/v1/policies"), {}, token).json.value(s("policies")).toObject().size(), 0);
    QJsonObject third = makeOp(id, {{s("title"), s("Plan C")}}, 1);
    third.insert(s("hlc"), s("000001950000000-000000-phone"));
    third.insert(s("device"), s("phone"));
    QCOMPARE(pushOne(token, third).value(s("status")).toString(), s("merged"));
}


void TestServerHttp::serversSharingAPostgresDatabaseActAsOne()
{
    if (!tidemark::test::usesPostgres())
        QSKIP("several servers share a PostgreSQL database only (tst_serverhttp_postgres runs this)");
    QProcess second;
    const int firstPort = m_port;
    const int secondPort = launchServer(second);
    QVERIFY(secondPort > 0);
    const auto cleanup = qScopeGuard([&] { second.kill(); second.waitForFinished(); });
    const QString token = signUp(s("anna")); // through the first server

    // A device listening on the first server hears of a change pushed through the second.
    QWebSocket live;
    QUrl url(s("ws://127.0.0.1/v1/live"));
    url.setPort(firstPort);
    url.setQuery(s("token=") + token);
    live.open(url);
    QSignalSpy messages(&live, &QWebSocket::textMessageReceived);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);
    m_port = secondPort;
    QCOMPARE(pushOne(token, makeOp(uuid(), {{s("title"), s("From the other server")}})).value(s("status")).toString(), s("applied"));
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
    QCOMPARE(QJsonDocument::fromJson(messages.last().first().toString().toUtf8()).object().value(s("rev")).toInt(), 1);

    // Both servers take batches for the same account at once: one revision per change, none
    // lost, none twice, and both servers hand out the same log.
    QList<std::shared_ptr<QNetworkReply>> replies;
    for (int batch = 0; batch < 10; ++batch) {
        QJsonArray ops;
        for (int i = 0; i < 20; ++i)
            ops.append(makeOp(uuid(), {{s("title"), s("b%1-%2").arg(batch).arg(i)}}));
        QUrl push(s("http://127.0.0.1/v1/push"));
        push.setPort(batch % 2 ? firstPort : secondPort);
        QNetworkRequest req(push);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies.append(std::shared_ptr<QNetworkReply>(m_network.post(req, QJsonDocument(QJsonObject{{s("ops"), ops}}).toJson())));
    }
    for (const auto &reply : std::as_const(replies)) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }
    for (const int port : {firstPort, secondPort}) {
        m_port = port;
        const QJsonObject page = request("GET", s("/v1/changes?since=0&limit=5000"), {}, token).json;
        QCOMPARE(page.value(s("changes")).toArray().size(), 201);
        QCOMPARE(page.value(s("cursor")).toInt(), 201);
    }
    m_port = firstPort;
}

void TestServerHttp::servesHttpsWithACertificate()
{
    const QString cert = QFINDTESTDATA("../data/localhost.crt");
    const QString key = QFINDTESTDATA("../data/localhost.key");
    QVERIFY(!cert.isEmpty() && !key.isEmpty());
    QVERIFY(startServer({s("--tls-cert"), cert, s("--tls-key"), key}));

    // A client that trusts the certificate gets its answer over TLS.
    QUrl url(s("https://127.0.0.1/healthz"));
    url.setPort(m_port);
    QNetworkRequest req(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(cert));
    req.setSslConfiguration(tls);
    std::unique_ptr<QNetworkReply> reply(m_network.get(req));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->sslConfiguration().sessionCipher().isNull() == false);

    // Plain HTTP on the TLS port gets no answer, and the server goes on serving.
    const Reply plain = request("GET", s("/healthz"));
    QCOMPARE(plain.status, 0);
    std::unique_ptr<QNetworkReply> again(m_network.get(req));
    QSignalSpy finishedAgain(again.get(), &QNetworkReply::finished);
    QVERIFY(finishedAgain.wait(10000));
    QCOMPARE(again->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    // A key without its certificate is refused at start, with the reason.
    QProcess broken;
    broken.start(s(TIDEMARK_SERVER_PATH), {s("--port"), s("0"), s("--database"), m_database, s("--tls-key"), key});
    QVERIFY(broken.waitForFinished(10000));
    QCOMPARE(broken.exitCode(), 2);
    QVERIFY(broken.readAllStandardError().contains("--tls-cert"));
}

void TestServerHttp::runawayClientsAreToldToWait()
{
    QVERIFY(startServer({s("--max-requests-per-minute"), s("20")}));
    const QString anna = signUp(s("anna"));
    const QString ben = signUp(s("ben"));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, anna).status, 200);
    const Reply refused = request("GET", s("/v1/changes?since=0"), {}, anna);
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.retryAfter.toInt() >= 1);
    QVERIFY(refused.json.value(s("detail")).toString().contains(s("try again in")));
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, ben).status, 200); // others are not held up
    QCOMPARE(request("GET", s("/healthz")).status, 200);
}

void TestServerHttp::aLostDeviceIsSignedOutFromAnother()
{
    const QString phone = signUp(s("anna"));
    const QByteArray login = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("correct horse")},
                                                       {s("device"), s("old laptop")}}).toJson();
    const QString laptop = request("POST", s("/v1/sessions"), login).json.value(s("token")).toString();
    const QString ben = signUp(s("ben"));
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, laptop).status, 200);

    const Reply listed = request("GET", s("/v1/sessions"), {}, phone);
    QCOMPARE(listed.status, 200);
    const QJsonArray sessions = listed.json.value(s("sessions")).toArray();
    QCOMPARE(sessions.size(), 2);
    QString laptopId;
    for (const QJsonValue &session : sessions) {
        const QJsonObject entry = session.toObject();
        QVERIFY(!entry.value(s("id")).toString().isEmpty());
        QVERIFY(!QJsonDocument(entry).toJson().contains(laptop.toUtf8())); // no token in sight
        if (entry.value(s("device")).toString() == s("old laptop")) {
            laptopId = entry.value(s("id")).toString();
            QVERIFY(!entry.value(s("current")).toBool());
            QVERIFY(entry.value(s("last_pull")).isString());
        } else {
            QVERIFY(entry.value(s("current")).toBool());
        }
    }
    QVERIFY(!laptopId.isEmpty());

    // Another account cannot sign Anna's laptop out, nor learn that the id exists.
    QCOMPARE(request("DELETE", s("/v1/sessions/") + laptopId, {}, ben).status, 404);
    QCOMPARE(request("DELETE", s("/v1/sessions/0123456789abcdef"), {}, phone).status, 404);
    QCOMPARE(request("DELETE", s("/v1/sessions/not-an-id"), {}, phone).status, 404);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, laptop).status, 200);

    QCOMPARE(request("DELETE", s("/v1/sessions/") + laptopId, {}, phone).status, 204);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, laptop).status, 401);
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, phone).status, 200);
    QCOMPARE(request("GET", s("/v1/sessions"), {}, phone).json.value(s("sessions")).toArray().size(), 1);
}

void TestServerHttp::pagingWhileOthersPushSkipsAndRepeatsNothing()
{
    const QString token = signUp(s("anna"));
    // Another device pushes 10 batches of 20 new notes, all in flight at once...
    QNetworkAccessManager other; // outlives its replies
    QSet<QString> pushed;
    QList<std::shared_ptr<QNetworkReply>> replies;
    for (int batch = 0; batch < 10; ++batch) {
        QJsonArray ops;
        for (int i = 0; i < 20; ++i) {
            const QString id = uuid();
            pushed.insert(id);
            ops.append(makeOp(id, {{s("title"), s("b%1-%2").arg(batch).arg(i)}}));
        }
        QUrl push(s("http://127.0.0.1/v1/push"));
        push.setPort(m_port);
        QNetworkRequest req(push);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies.append(std::shared_ptr<QNetworkReply>(other.post(req, QJsonDocument(QJsonObject{{s("ops"), ops}}).toJson())));
    }
    // ...while this one pages through the log in small pages until it has caught up.
    QStringList seen;
    qint64 cursor = 0;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const QJsonObject page = request("GET", s("/v1/changes?since=%1&limit=7").arg(cursor), {}, token).json;
        for (const QJsonValue &change : page.value(s("changes")).toArray())
            seen << change.toObject().value(s("id")).toString();
        QVERIFY(page.value(s("cursor")).toInteger() >= cursor);
        cursor = page.value(s("cursor")).toInteger();
        const bool done = std::ranges::all_of(replies, [](const auto &reply) { return reply->isFinished(); });
        if (done && !page.value(s("has_more")).toBool() && cursor == 200)
            break;
        QVERIFY(timer.elapsed() < 60000);
    }
    QCOMPARE(seen.size(), 200);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), pushed);
}

void TestServerHttp::signInsDoNotHoldUpOtherRequests()
{
    const QString token = signUp(s("anna"));
    // Six sign-ins at once: each hashes a password for a fifth of a second or so, on workers.
    QNetworkAccessManager others;
    QList<std::shared_ptr<QNetworkReply>> logins;
    const QByteArray login = QJsonDocument(QJsonObject{{s("name"), s("anna")}, {s("password"), s("correct horse")},
                                                       {s("device"), s("tablet")}}).toJson();
    QUrl url(s("http://127.0.0.1/v1/sessions"));
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (int i = 0; i < 6; ++i)
        logins.append(std::shared_ptr<QNetworkReply>(others.post(req, login)));
    QTest::qWait(20); // the sign-ins have reached the server
    // A device's pull is answered while they are still being hashed.
    QCOMPARE(request("GET", s("/v1/changes?since=0"), {}, token).status, 200);
    QVERIFY(std::ranges::any_of(logins, [](const auto &reply) { return !reply->isFinished(); }));
    for (const auto &reply : std::as_const(logins)) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    }
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
