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

using namespace Qt::StringLiterals;

namespace {
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
    QUrl url(u"http://127.0.0.1"_s + path);
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
    const QByteArray credentials = QJsonDocument(QJsonObject{{u"name"_s, name}, {u"password"_s, u"correct horse"_s}}).toJson();
    if (request("POST", u"/v1/accounts"_s, credentials).status != 201)
        return {};
    QJsonObject login = QJsonDocument::fromJson(credentials).object();
    login.insert(u"device"_s, u"laptop"_s);
    return request("POST", u"/v1/sessions"_s, QJsonDocument(login).toJson()).json.value(u"token"_s).toString();
}

QJsonObject TestServerHttp::pushOne(const QString &token, const QJsonObject &op)
{
    const Reply reply = request("POST", u"/v1/push"_s, QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{op}}}).toJson(), token);
    return reply.json.value(u"results"_s).toArray().first().toObject();
}

static QJsonObject makeOp(const QString &entity, const QJsonObject &fields, qint64 base = 0, const QString &kind = u"note"_s)
{
    return {{u"op_id"_s, uuid()}, {u"device"_s, u"laptop"_s}, {u"kind"_s, kind}, {u"entity"_s, entity},
            {u"fields"_s, fields}, {u"base_rev"_s, base}, {u"hlc"_s, u"000001700000000-000000-laptop"_s}};
}

void TestServerHttp::registerLogInPushPull()
{
    const QString token = signUp(u"anna"_s);
    QVERIFY(!token.isEmpty());
    const QString id = uuid();
    const QJsonObject result = pushOne(token, makeOp(id, {{u"title"_s, u"Hello"_s}}));
    QCOMPARE(result.value(u"status"_s).toString(), u"applied"_s);
    QCOMPARE(result.value(u"rev"_s).toInt(), 1);

    const Reply page = request("GET", u"/v1/changes?since=0&limit=100"_s, {}, token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json.value(u"cursor"_s).toInt(), 1);
    QCOMPARE(page.json.value(u"has_more"_s).toBool(), false);
    const QJsonObject change = page.json.value(u"changes"_s).toArray().first().toObject();
    QCOMPARE(change.value(u"id"_s).toString(), id);
    QCOMPARE(change.value(u"fields"_s).toObject().value(u"title"_s).toString(), u"Hello"_s);

    // The same batch again is answered from its record.
    const QJsonObject op = makeOp(uuid(), {{u"title"_s, u"Once"_s}});
    const QJsonObject first = pushOne(token, op);
    const QJsonObject again = pushOne(token, op);
    QCOMPARE(again, first);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json.value(u"cursor"_s).toInt(), 2);

    // Survives a restart.
    QVERIFY(startServer());
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json.value(u"changes"_s).toArray().size(), 2);
}

void TestServerHttp::accountsAreIsolated()
{
    const QString anna = signUp(u"anna"_s);
    const QString ben = signUp(u"ben"_s);
    const QString id = uuid();
    pushOne(anna, makeOp(id, {{u"title"_s, u"Anna's"_s}}));
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, ben).json.value(u"changes"_s).toArray().size(), 0);
    // Ben using Anna's id gets his own entity, as with any id he has never seen.
    QCOMPARE(pushOne(ben, makeOp(id, {{u"title"_s, u"Ben's"_s}}, 1)).value(u"status"_s).toString(), u"applied"_s);
    const QJsonObject annas = request("GET", u"/v1/changes?since=0"_s, {}, anna).json;
    QCOMPARE(annas.value(u"changes"_s).toArray().first().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
             u"Anna's"_s);
}

void TestServerHttp::tokensAreCheckedAndRevocable()
{
    const QString token = signUp(u"anna"_s);
    QCOMPARE(request("GET", u"/v1/changes"_s, {}).status, 401);
    QCOMPARE(request("GET", u"/v1/changes"_s, {}, u"forged-token"_s).status, 401);
    const QByteArray wrong = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"wrong password"_s}}).toJson();
    const Reply refused = request("POST", u"/v1/sessions"_s, wrong);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.contentType, QByteArray("application/problem+json"));
    QCOMPARE(request("DELETE", u"/v1/sessions/current"_s, {}, token).status, 204);
    const Reply after = request("GET", u"/v1/changes"_s, {}, token);
    QCOMPARE(after.status, 401);
    QVERIFY(after.json.value(u"detail"_s).toString().contains(u"revoked"_s));
}

void TestServerHttp::badRequestsGetClearErrorsAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const auto op = [](QJsonObject change, const QStringList &remove = {}) {
        QJsonObject base = makeOp(u"01930000-0000-7000-8000-000000000001"_s, {{u"title"_s, u"x"_s}});
        for (auto it = change.begin(); it != change.end(); ++it)
            base.insert(it.key(), it.value());
        for (const QString &key : remove)
            base.remove(key);
        return QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{base}}}).toJson();
    };
    // 400 refuses the request; 200 answers an operation with a well-formed op_id `rejected` on its
    // own, with the reason, so that one operation a server cannot take never stalls the rest.
    QTest::newRow("not json") << QByteArray("POST") << u"/v1/push"_s << QByteArray("{ops: [") << 400;
    QTest::newRow("truncated") << QByteArray("POST") << u"/v1/push"_s << op({}).chopped(5) << 400;
    QTest::newRow("array body") << QByteArray("POST") << u"/v1/push"_s << QByteArray("[]") << 400;
    QTest::newRow("ops not array") << QByteArray("POST") << u"/v1/push"_s << QByteArray("{\"ops\": 3}") << 400;
    QTest::newRow("op not object") << QByteArray("POST") << u"/v1/push"_s << QByteArray("{\"ops\": [1]}") << 400;
    QTest::newRow("no op_id") << QByteArray("POST") << u"/v1/push"_s << op({}, {u"op_id"_s}) << 400;
    QTest::newRow("op_id not uuid") << QByteArray("POST") << u"/v1/push"_s << op({{u"op_id"_s, u"../../etc"_s}}) << 400;
    QTest::newRow("entity number") << QByteArray("POST") << u"/v1/push"_s << op({{u"entity"_s, 5}}) << 200;
    QTest::newRow("kind unknown") << QByteArray("POST") << u"/v1/push"_s << op({{u"kind"_s, u"memo"_s}}) << 200;
    QTest::newRow("base negative") << QByteArray("POST") << u"/v1/push"_s << op({{u"base_rev"_s, -1}}) << 200;
    QTest::newRow("base fraction") << QByteArray("POST") << u"/v1/push"_s << op({{u"base_rev"_s, 1.5}}) << 200;
    QTest::newRow("base string") << QByteArray("POST") << u"/v1/push"_s << op({{u"base_rev"_s, u"1"_s}}) << 200;
    QTest::newRow("fields empty") << QByteArray("POST") << u"/v1/push"_s << op({{u"fields"_s, QJsonObject()}}) << 200;
    QTest::newRow("fields array") << QByteArray("POST") << u"/v1/push"_s << op({{u"fields"_s, QJsonArray()}}) << 200;
    QTest::newRow("huge field") << QByteArray("POST") << u"/v1/push"_s
                                << op({{u"fields"_s, QJsonObject{{u"body"_s, QString(5 * 1024 * 1024, QLatin1Char('x'))}}}}) << 200;
    QTest::newRow("hlc missing") << QByteArray("POST") << u"/v1/push"_s << op({}, {u"hlc"_s}) << 200;
    const auto named = [&op](const QJsonValue &name) {
        QJsonObject body = QJsonDocument::fromJson(op({})).object();
        body.insert(u"device_name"_s, name);
        return QJsonDocument(body).toJson();
    };
    QTest::newRow("device name number") << QByteArray("POST") << u"/v1/push"_s << named(7) << 400;
    QTest::newRow("device name huge") << QByteArray("POST") << u"/v1/push"_s << named(QString(201, QLatin1Char('x'))) << 400;
    QTest::newRow("too many ops") << QByteArray("POST") << u"/v1/push"_s
                                  << QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray::fromVariantList(QVariantList(501, 1))}}).toJson() << 413;
    QTest::newRow("since text") << QByteArray("GET") << u"/v1/changes?since=abc"_s << QByteArray() << 400;
    QTest::newRow("since negative") << QByteArray("GET") << u"/v1/changes?since=-4"_s << QByteArray() << 400;
    QTest::newRow("limit zero") << QByteArray("GET") << u"/v1/changes?limit=0"_s << QByteArray() << 400;
    QTest::newRow("limit huge") << QByteArray("GET") << u"/v1/changes?limit=99999999999"_s << QByteArray() << 400;
    QTest::newRow("snapshot text") << QByteArray("GET") << u"/v1/changes?since=0&snapshot=x&after=a"_s << QByteArray() << 400;
    QTest::newRow("snapshot no after") << QByteArray("GET") << u"/v1/changes?since=0&snapshot=3"_s << QByteArray() << 400;
    QTest::newRow("snapshot negative") << QByteArray("GET") << u"/v1/changes?since=0&snapshot=-3&after=a"_s << QByteArray() << 400;
    QTest::newRow("unknown route") << QByteArray("GET") << u"/v1/nothing"_s << QByteArray() << 404;
    QTest::newRow("path trick") << QByteArray("GET") << u"/v1/../../etc/passwd"_s << QByteArray() << 404;
    QTest::newRow("register no password") << QByteArray("POST") << u"/v1/accounts"_s << QByteArray("{\"name\": \"x\"}") << 400;
    QTest::newRow("register short password") << QByteArray("POST") << u"/v1/accounts"_s
                                             << QByteArray("{\"name\": \"zed\", \"password\": \"short\"}") << 400;
    QTest::newRow("register bad name") << QByteArray("POST") << u"/v1/accounts"_s
                                       << QByteArray("{\"name\": \"a b/c\", \"password\": \"long enough\"}") << 400;
    QTest::newRow("register taken") << QByteArray("POST") << u"/v1/accounts"_s
                                    << QByteArray("{\"name\": \"anna\", \"password\": \"long enough\"}") << 409;
    QTest::newRow("login types") << QByteArray("POST") << u"/v1/sessions"_s << QByteArray("{\"name\": 1, \"password\": []}") << 400;
}

void TestServerHttp::badRequestsGetClearErrorsAndChangeNothing()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const QString token = signUp(u"anna"_s);
    pushOne(token, makeOp(uuid(), {{u"title"_s, u"Keep me"_s}}));
    const QJsonObject before = request("GET", u"/v1/changes?since=0"_s, {}, token).json;

    const Reply reply = request(verb, path, body, token);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        const QJsonArray results = reply.json.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toObject().value(u"status"_s).toString(), u"rejected"_s);
        QVERIFY2(!results.first().toObject().value(u"reason"_s).toString().isEmpty(), QJsonDocument(reply.json).toJson().constData());
    } else if (status != 404) {
        QCOMPARE(reply.contentType, QByteArray("application/problem+json"));
        QVERIFY2(!reply.json.value(u"detail"_s).toString().isEmpty(), QJsonDocument(reply.json).toJson().constData());
        QCOMPARE(reply.json.value(u"status"_s).toInt(), status);
    }
    // Still serving, nothing changed.
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json, before);
    QCOMPARE(m_server->state(), QProcess::Running);
}

void TestServerHttp::incompatibleClientIsToldSo()
{
    const QString token = signUp(u"anna"_s);
    // A newer app that speaks only a newer version: the server is the side to update.
    const Reply newer = request("GET", u"/v1/changes"_s, {}, token, {{"Tidemark-Protocol", "2"}});
    QCOMPARE(newer.status, 400);
    QVERIFY2(newer.json.value(u"detail"_s).toString().contains(u"update the server"_s), qPrintable(newer.json.value(u"detail"_s).toString()));
    // An app older than anything the server speaks: the app is.
    const Reply older = request("GET", u"/v1/changes"_s, {}, token, {{"Tidemark-Protocol", "0"}});
    QCOMPARE(older.status, 400);
    QVERIFY2(older.json.value(u"detail"_s).toString().contains(u"update the app"_s), qPrintable(older.json.value(u"detail"_s).toString()));
    // A newer app that also speaks 1 is answered in 1, and says so in the header.
    const Reply both = request("GET", u"/v1/changes"_s, {}, token, {{"Tidemark-Protocol", "1, 2"}});
    QCOMPARE(both.status, 200);
    QCOMPARE(both.protocol, QByteArray("1"));
    QCOMPARE(request("GET", u"/v1/changes"_s, {}, token, {{"Tidemark-Protocol", "1"}}).protocol, QByteArray("1"));
}

void TestServerHttp::closedRegistrationRefuses()
{
    QVERIFY(startServer({u"--registration"_s, u"closed"_s}));
    const Reply reply = request("POST", u"/v1/accounts"_s, QByteArray("{\"name\": \"x\", \"password\": \"long enough\"}"));
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.json.value(u"detail"_s).toString().contains(u"administrator"_s));
}

void TestServerHttp::liveNotificationsReachOnlyTheAccountsDevices()
{
    const QString anna = signUp(u"anna"_s);
    const QString ben = signUp(u"ben"_s);
    const auto connectLive = [this](const QString &token) {
        auto socket = std::make_unique<QWebSocket>();
        QUrl url(u"ws://127.0.0.1/v1/live"_s);
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
    const QJsonObject live = makeOp(uuid(), {{u"title"_s, u"Live"_s}});
    pushOne(anna, live);
    QTRY_COMPARE_WITH_TIMEOUT(annaMessages.size(), 2, 5000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(QJsonDocument::fromJson(annaMessages.last().first().toString().toUtf8()).object().value(u"rev"_s).toInt(), 1);
    pushOne(anna, live); // a repeated operation moves nothing, so it is no news
    QTest::qWait(200);
    QCOMPARE(annaMessages.size(), 2);
    QCOMPARE(benMessages.size(), 1); // nothing about Anna's account

    // A bad token is refused at the handshake.
    auto stranger = connectLive(u"forged"_s);
    QSignalSpy closed(stranger.get(), &QWebSocket::disconnected);
    QVERIFY(closed.wait(5000));
}

void TestServerHttp::theLiveSocketRefusesBadTokensAtOnce()
{
    const QString anna = signUp(u"anna"_s);
    const QString revoked = [this] {
        QJsonObject login{{u"name"_s, u"anna"_s}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"old phone"_s}};
        const QString token = request("POST", u"/v1/sessions"_s, QJsonDocument(login).toJson()).json.value(u"token"_s).toString();
        request("DELETE", u"/v1/sessions/current"_s, {}, token);
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
        socket.connectToHost(u"127.0.0.1"_s, quint16(m_port));
        QVERIFY(socket.waitForConnected(2000));
        QElapsedTimer timer;
        timer.start();
        socket.write(bytes);
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && timer.elapsed() < 1000 && socket.waitForReadyRead(int(1000 - timer.elapsed())))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), qPrintable(u"%1: '%2' after %3 ms"_s.arg(QString::fromUtf8(name), QString::fromLatin1(answer.left(200))).arg(timer.elapsed())));
        // ...and the connection is closed.
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 1500)
            socket.waitForDisconnected(int(1500 - timer.elapsed()));
        QVERIFY2(socket.state() == QAbstractSocket::UnconnectedState, name);
        QVERIFY2(timer.elapsed() < 1500, qPrintable(u"%1: closed after %2 ms"_s.arg(QString::fromUtf8(name)).arg(timer.elapsed())));
    }
    // A good token in the header is taken, and the server still serves.
    QTcpSocket good;
    good.connectToHost(u"127.0.0.1"_s, quint16(m_port));
    QVERIFY(good.waitForConnected(2000));
    good.write(upgrade("/v1/live", "Authorization: Bearer " + anna.toUtf8() + "\r\n"));
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && good.waitForReadyRead(2000))
        answer += good.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.left(200).constData());
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, anna).status, 200);
}

void TestServerHttp::killedMidBatchAppliesEveryOperationOnce()
{
    // A device pushes 400 operations as eight batches of 50, one after the other, and the server
    // is killed while a batch is in flight.
    const QString token = signUp(u"anna"_s);
    QList<QByteArray> batches;
    QJsonArray all;
    for (int b = 0; b < 8; ++b) {
        QJsonArray ops;
        for (int i = 0; i < 50; ++i)
            ops.append(makeOp(uuid(), {{u"title"_s, u"n%1-%2"_s.arg(b).arg(i)}, {u"body"_s, QString(8000, QLatin1Char('x'))}}));
        for (const QJsonValue &op : std::as_const(ops))
            all.append(op);
        batches.append(QJsonDocument(QJsonObject{{u"ops"_s, ops}}).toJson());
    }
    QUrl url(u"http://127.0.0.1/v1/push"_s);
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
    const qint64 applied = request("GET", u"/v1/changes?since=0&limit=5000"_s, {}, token).json.value(u"changes"_s).toArray().size();
    // A batch is durable as a whole, before its answer: the three answered ones are there, and
    // the one cut off is there completely or not at all.
    QVERIFY2(applied == 150 || applied == 200, qPrintable(u"%1 of 400 applied before the kill"_s.arg(applied)));

    // The device replays everything it has no answer for (here: all of it, in one go): what was
    // applied is answered from its record.
    const Reply replay = request("POST", u"/v1/push"_s, QJsonDocument(QJsonObject{{u"ops"_s, all}}).toJson(), token);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.json.value(u"results"_s).toArray().size(), 400);
    const QJsonObject page = request("GET", u"/v1/changes?since=0&limit=5000"_s, {}, token).json;
    QCOMPARE(page.value(u"changes"_s).toArray().size(), 400);
    QCOMPARE(page.value(u"cursor"_s).toInt(), 400); // one revision per operation: none applied twice
}

void TestServerHttp::stopsCleanlyOnSigterm()
{
    const QString token = signUp(u"anna"_s);
    pushOne(token, makeOp(uuid(), {{u"title"_s, u"Before stopping"_s}}));
    m_server->terminate(); // SIGTERM
    QVERIFY(m_server->waitForFinished(10000));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
    QVERIFY(startServer());
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json.value(u"changes"_s).toArray().size(), 1);
}

void TestServerHttp::administratorAddsUsersWhenRegistrationIsClosed()
{
    QProcess admin;
    admin.start(QString::fromUtf8(TIDEMARK_SERVER_PATH), {u"--database"_s, m_database, u"user"_s, u"add"_s, u"carla"_s});
    admin.write("a long password\n");
    admin.closeWriteChannel();
    QVERIFY(admin.waitForFinished(20000));
    QCOMPARE(admin.exitCode(), 0);
    QVERIFY(admin.readAllStandardOutput().contains("created account carla"));
    QVERIFY(startServer({u"--registration"_s, u"closed"_s}));
    const QByteArray login = QJsonDocument(QJsonObject{{u"name"_s, u"carla"_s}, {u"password"_s, u"a long password"_s}}).toJson();
    const Reply session = request("POST", u"/v1/sessions"_s, login);
    QVERIFY2(session.status == 201, QJsonDocument(session.json).toJson().constData());
}

void TestServerHttp::passwordGuessingIsSlowedDown()
{
    signUp(u"anna"_s);
    const QByteArray wrong = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"guess guess"_s}}).toJson();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(request("POST", u"/v1/sessions"_s, wrong).status, 401);
    QUrl url(u"http://127.0.0.1/v1/sessions"_s);
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
    const QByteArray right = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"correct horse"_s}}).toJson();
    QCOMPARE(request("POST", u"/v1/sessions"_s, right).status, 429);
}

void TestServerHttp::changingThePasswordSignsEveryDeviceOut()
{
    const QString token = signUp(u"anna"_s);
    const QByteArray wrongOld = QJsonDocument(QJsonObject{{u"old_password"_s, u"not it at all"_s}, {u"new_password"_s, u"battery staple"_s}}).toJson();
    QCOMPARE(request("PUT", u"/v1/password"_s, wrongOld, token).status, 403);
    const QByteArray weak = QJsonDocument(QJsonObject{{u"old_password"_s, u"correct horse"_s}, {u"new_password"_s, u"short"_s}}).toJson();
    const Reply refused = request("PUT", u"/v1/password"_s, weak, token);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.json.value(u"detail"_s).toString().contains(u"8 characters"_s));
    QCOMPARE(request("GET", u"/v1/changes"_s, {}, token).status, 200); // refused changes sign nobody out
    const QByteArray change = QJsonDocument(QJsonObject{{u"old_password"_s, u"correct horse"_s}, {u"new_password"_s, u"battery staple"_s}}).toJson();
    QCOMPARE(request("PUT", u"/v1/password"_s, change, token).status, 204);
    QCOMPARE(request("GET", u"/v1/changes"_s, {}, token).status, 401);
    const QByteArray login = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"battery staple"_s}}).toJson();
    QCOMPARE(request("POST", u"/v1/sessions"_s, login).status, 201);
}

void TestServerHttp::metricsCountRequestsOperationsAndConflicts()
{
    const QString token = signUp(u"anna"_s);
    const QString id = uuid();
    pushOne(token, makeOp(id, {{u"title"_s, u"One"_s}}));
    pushOne(token, makeOp(id, {{u"title"_s, u"Two"_s}}, 1));
    QJsonObject late = makeOp(id, {{u"title"_s, u"Three"_s}}, 1);
    late.insert(u"hlc"_s, u"000001800000000-000000-desktop"_s);
    late.insert(u"device"_s, u"desktop"_s);
    QCOMPARE(pushOne(token, late).value(u"status"_s).toString(), u"merged"_s);
    request("POST", u"/v1/push"_s, "{broken", token);

    QUrl url(u"http://127.0.0.1/metrics"_s);
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
    const Reply missing = request("GET", u"/nowhere"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.contentType, QByteArray("application/problem+json"));
}

void TestServerHttp::bodiesTravelCompressed()
{
    namespace C = tidemark::sync::Compression;
    const QString token = signUp(u"anna"_s);
    QJsonArray ops;
    for (int i = 0; i < 20; ++i)
        ops.append(makeOp(uuid(), {{u"title"_s, u"Compressed %1"_s.arg(i)}, {u"body"_s, QString(500, QLatin1Char('z'))}}));
    const QByteArray batch = QJsonDocument(QJsonObject{{u"ops"_s, ops}}).toJson();

    for (const auto encoding : {C::Encoding::Zstd, C::Encoding::Gzip}) {
        QJsonArray again;
        for (const QJsonValue &op : ops) {
            QJsonObject fresh = op.toObject();
            fresh.insert(u"op_id"_s, uuid());
            fresh.insert(u"entity"_s, uuid());
            again.append(fresh);
        }
        const QByteArray body = C::compress(QJsonDocument(QJsonObject{{u"ops"_s, again}}).toJson(), encoding);
        QVERIFY(body.size() < batch.size() / 3);
        const Reply pushed = request("POST", u"/v1/push"_s, body, token, {{"Content-Encoding", C::headerValue(encoding)}});
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.json.value(u"results"_s).toArray().size(), 20);
    }

    // The answer comes compressed in the encoding asked for.
    QUrl url(u"http://127.0.0.1/v1/changes?since=0"_s);
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
    QCOMPARE(QJsonDocument::fromJson(*plain).object().value(u"changes"_s).toArray().size(), 40);

    // A bomb, a corrupt body and an unknown encoding are refused, and change nothing.
    const QByteArray bomb = C::compress(QByteArray(64 * 1024 * 1024, ' '), C::Encoding::Zstd);
    QCOMPARE(request("POST", u"/v1/push"_s, bomb, token, {{"Content-Encoding", "zstd"}}).status, 413);
    QCOMPARE(request("POST", u"/v1/push"_s, QByteArray("not zstd at all"), token, {{"Content-Encoding", "zstd"}}).status, 400);
    QCOMPARE(request("POST", u"/v1/push"_s, batch, token, {{"Content-Encoding", "br"}}).status, 415);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json.value(u"cursor"_s).toInt(), 40);
}

void TestServerHttp::hundredsOfHostileRequestsChangeNothing()
{
    const QString token = signUp(u"anna"_s);
    const QString other = signUp(u"ben"_s);
    const QString entity = uuid();
    pushOne(token, makeOp(entity, {{u"title"_s, u"Keep me"_s}, {u"body"_s, u"Intact"_s}}));
    const QJsonObject before = request("GET", u"/v1/changes?since=0"_s, {}, token).json;

    struct Case
    {
        QByteArray verb;
        QString path;
        QByteArray body;
        QString token;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    QList<Case> cases;
    const QJsonObject valid = makeOp(uuid(), {{u"title"_s, u"x"_s}});
    const QList<QJsonValue> badValues{QJsonValue::Null, 0, -1, 1.5, true, QJsonArray{1}, QJsonObject{{u"a"_s, 1}},
                                      QString(), QString(100, QLatin1Char('a')), u"../../../etc/passwd"_s,
                                      u"0193A2B4-0000-7000-8000-000000000000"_s, u"' OR 1=1 --"_s, u"\u0000"_s};
    // Every member of an operation, with every wrong value.
    for (const QString &member : {u"op_id"_s, u"device"_s, u"kind"_s, u"entity"_s, u"fields"_s, u"base_rev"_s, u"hlc"_s}) {
        for (const QJsonValue &value : badValues) {
            QJsonObject op = valid;
            op.insert(member, value);
            if (member == u"fields"_s && value.isObject() && !value.toObject().contains(u"title"_s))
                continue; // any field name is allowed: newer clients send fields this server does not know
            if (member == u"base_rev"_s && value.isDouble() && value.toDouble() >= 0 && value.toDouble() == double(value.toInt()))
                continue; // a valid revision
            if (member == u"device"_s || member == u"hlc"_s) {
                // Strings of any content are fine here; only wrong types and sizes are not.
                if (value.isString() && !value.toString().isEmpty() && value.toString().size() <= 64)
                    continue;
            }
            cases.append({"POST", u"/v1/push"_s, QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{op}}}).toJson(), token, {}});
        }
        QJsonObject missing = valid;
        missing.remove(member);
        cases.append({"POST", u"/v1/push"_s, QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{missing}}}).toJson(), token, {}});
    }
    // A valid body cut at many places, and with bytes that are not UTF-8.
    const QByteArray whole = QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{valid}}}).toJson(QJsonDocument::Compact);
    for (qsizetype cut = 1; cut < whole.size(); cut += qMax<qsizetype>(1, whole.size() / 60))
        cases.append({"POST", u"/v1/push"_s, whole.left(cut), token, {}});
    for (const QByteArray &junk : {QByteArray("\xff\xfe\xfd"), QByteArray("{\"ops\": [\"\xc3\x28\"]}"), QByteArray(1, '\0'),
                                   QByteArray("null"), QByteArray("\"ops\""), QByteArray("{\"ops\": null}"),
                                   QByteArray("{\"ops\": {}}"), QByteArray(100000, '['), QByteArray("{}")})
        cases.append({"POST", u"/v1/push"_s, junk, token, {}});
    // Missing, malformed and forged credentials on every protected route.
    for (const QString &path : {u"/v1/push"_s, u"/v1/changes"_s, u"/v1/conflicts"_s, u"/v1/sessions/current"_s, u"/v1/password"_s}) {
        const QByteArray verb = path == u"/v1/push"_s ? "POST" : path == u"/v1/sessions/current"_s ? "DELETE"
                              : path == u"/v1/password"_s ? "PUT" : "GET";
        for (const QString &bad : {QString(), u"x"_s, QString(5000, QLatin1Char('t')), token + u"x"_s, u"Bearer"_s})
            cases.append({verb, path, whole, bad, {}});
        cases.append({verb, path, whole, {}, {{"Authorization", "Basic YW5uYTpwdw=="}}});
        cases.append({verb, path, whole, {}, {{"Authorization", "Bearer"}}});
    }
    // Query strings.
    for (const QString &query : {u"since=x"_s, u"since=-1"_s, u"since=1e9999"_s, u"limit=-5"_s, u"limit=abc"_s,
                                 u"limit=0"_s, u"limit=5001"_s, u"since=9223372036854775808"_s, u"since=%00"_s})
        cases.append({"GET", u"/v1/changes?"_s + query, {}, token, {}});
    // Account and session bodies.
    for (const QByteArray &body : {QByteArray("{}"), QByteArray("{\"name\": null}"), QByteArray("{\"name\": \"a\"}"),
                                   QByteArray("{\"name\": [], \"password\": \"long enough\"}"),
                                   QByteArray("{\"name\": \"\", \"password\": \"long enough\"}"),
                                   QByteArray("{\"name\": \"x\", \"password\": 12345678}"),
                                   QByteArray("{\"name\": \"ben\", \"password\": \"long enough\"}"), QByteArray("[")}) {
        cases.append({"POST", u"/v1/accounts"_s, body, {}, {}});
        cases.append({"POST", u"/v1/sessions"_s, body, {}, {}});
        cases.append({"PUT", u"/v1/password"_s, body, token, {}});
    }
    // Unknown places and methods.
    for (const QString &path : {u"/"_s, u"/v1"_s, u"/v1/"_s, u"/v2/push"_s, u"/%2e%2e/%2e%2e/etc/passwd"_s,
                                u"/v1/changes/extra"_s, u"/v1/accounts/1"_s, u"/v1/entities/"_s + entity,
                                u"/v1/entities/"_s + uuid() + u"/history"_s, u"/v1/entities/%27%3B/history"_s})
        cases.append({"GET", path, {}, token, {}});
    for (const QByteArray &verb : {QByteArray("PATCH"), QByteArray("DELETE"), QByteArray("PUT")})
        cases.append({verb, u"/v1/push"_s, whole, token, {}});
    cases.append({"POST", u"/v1/push"_s, whole, token, {{"Content-Encoding", "deflate"}}});
    cases.append({"POST", u"/v1/push"_s, whole, token, {{"Tidemark-Protocol", "0"}}});
    // Known fields with values of the wrong type.
    for (const auto &[field, value] : {std::pair{u"title"_s, QJsonValue(3)}, std::pair{u"body"_s, QJsonValue(QJsonArray{})},
                                       std::pair{u"tags"_s, QJsonValue(u"a,b"_s)}, std::pair{u"pinned"_s, QJsonValue(u"yes"_s)},
                                       std::pair{u"deleted"_s, QJsonValue(1)}}) {
        QJsonObject op = valid;
        op.insert(u"fields"_s, QJsonObject{{field, value}});
        cases.append({"POST", u"/v1/push"_s, QJsonDocument(QJsonObject{{u"ops"_s, QJsonArray{op}}}).toJson(), token, {}});
    }
    // Another account's entity: Ben's edit based on Anna's revision makes his own entity, never hers.
    cases.append({"GET", u"/v1/changes?since=0"_s, {}, other, {}});

    QVERIFY2(cases.size() >= 200, qPrintable(QString::number(cases.size())));
    int index = 0;
    for (const Case &c : std::as_const(cases)) {
        const Reply reply = request(c.verb, c.path, c.body, c.token, c.headers);
        const bool harmlessRead = c.token == other; // Ben reading his own (empty) account
        // An operation with a well-formed op_id is answered on its own: 200, every result rejected.
        bool allRejected = reply.status == 200 && c.path == u"/v1/push"_s && !reply.json.value(u"results"_s).toArray().isEmpty();
        for (const QJsonValue &result : reply.json.value(u"results"_s).toArray())
            allRejected = allRejected && result.toObject().value(u"status"_s).toString() == u"rejected"_s;
        QVERIFY2(harmlessRead ? reply.status == 200 : allRejected || (reply.status >= 400 && reply.status < 500),
                 qPrintable(u"case %1: %2 %3 -> %4 %5"_s.arg(index).arg(QString::fromLatin1(c.verb), c.path).arg(reply.status).arg(QString::fromUtf8(c.body.left(300)))));
        ++index;
    }
    QCOMPARE(m_server->state(), QProcess::Running);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).json, before);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, other).json.value(u"changes"_s).toArray().size(), 0);
}

void TestServerHttp::historyListsEveryVersion()
{
    const QString anna = signUp(u"anna"_s);
    const QString ben = signUp(u"ben"_s);
    const QString id = uuid();
    pushOne(anna, makeOp(id, {{u"title"_s, u"v1"_s}}));
    pushOne(anna, makeOp(id, {{u"title"_s, u"v2"_s}}, 1));
    const Reply history = request("GET", u"/v1/entities/%1/history"_s.arg(id), {}, anna);
    QCOMPARE(history.status, 200);
    const QJsonArray versions = history.json.value(u"versions"_s).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(), u"v1"_s);
    QCOMPARE(versions.at(1).toObject().value(u"rev"_s).toInt(), 2);
    QCOMPARE(versions.at(1).toObject().value(u"device"_s).toString(), u"laptop"_s);
    // Another account's entity looks like one that does not exist.
    QCOMPARE(request("GET", u"/v1/entities/%1/history"_s.arg(id), {}, ben).status, 404);
    QCOMPARE(request("GET", u"/v1/entities/%1/history"_s.arg(uuid()), {}, anna).status, 404);
}

void TestServerHttp::oversizedRequestsAreRefusedBeforeTheyArrive()
{
    const QString token = signUp(u"anna"_s);
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
    QCOMPARE(request("GET", u"/v1/changes"_s, {}, token).status, 200);
}

void TestServerHttp::alwaysAskPolicyTurnsTitleCollisionsIntoConflicts()
{
    const QString token = signUp(u"anna"_s);
    QCOMPARE(request("PUT", u"/v1/policies"_s, QByteArray("{\"policies\": {\"title\": \"sometimes\"}}"), token).status, 400);
    const Reply set = request("PUT", u"/v1/policies"_s, QByteArray("{\"policies\": {\"title\": \"ask\"}}"), token);
    QCOMPARE(set.status, 200);
    QCOMPARE(request("GET", u"/v1/policies"_s, {}, token).json.value(u"policies"_s).toObject().value(u"title"_s).toString(), u"ask"_s);

    const QString id = uuid();
    pushOne(token, makeOp(id, {{u"title"_s, u"Plan"_s}}));
    pushOne(token, makeOp(id, {{u"title"_s, u"Plan A"_s}}, 1));
    QJsonObject other = makeOp(id, {{u"title"_s, u"Plan B"_s}}, 1);
    other.insert(u"hlc"_s, u"000001900000000-000000-desktop"_s);
    other.insert(u"device"_s, u"desktop"_s);
    QCOMPARE(pushOne(token, other).value(u"status"_s).toString(), u"conflict"_s);

    // Back to the default: the later edit wins again.
    QCOMPARE(request("PUT", u"/v1/policies"_s, QByteArray("{\"policies\": {\"title\": \"later-wins\"}}"), token).status, 200);
    QCOMPARE(request("GET", u"/v1/policies"_s, {}, token).json.value(u"policies"_s).toObject().size(), 0);
    QJsonObject third = makeOp(id, {{u"title"_s, u"Plan C"_s}}, 1);
    third.insert(u"hlc"_s, u"000001950000000-000000-phone"_s);
    third.insert(u"device"_s, u"phone"_s);
    QCOMPARE(pushOne(token, third).value(u"status"_s).toString(), u"merged"_s);
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
    const QString token = signUp(u"anna"_s); // through the first server

    // A device listening on the first server hears of a change pushed through the second.
    QWebSocket live;
    QUrl url(u"ws://127.0.0.1/v1/live"_s);
    url.setPort(firstPort);
    url.setQuery(u"token="_s + token);
    live.open(url);
    QSignalSpy messages(&live, &QWebSocket::textMessageReceived);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);
    m_port = secondPort;
    QCOMPARE(pushOne(token, makeOp(uuid(), {{u"title"_s, u"From the other server"_s}})).value(u"status"_s).toString(), u"applied"_s);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
    QCOMPARE(QJsonDocument::fromJson(messages.last().first().toString().toUtf8()).object().value(u"rev"_s).toInt(), 1);

    // Both servers take batches for the same account at once: one revision per change, none
    // lost, none twice, and both servers hand out the same log.
    QList<std::shared_ptr<QNetworkReply>> replies;
    for (int batch = 0; batch < 10; ++batch) {
        QJsonArray ops;
        for (int i = 0; i < 20; ++i)
            ops.append(makeOp(uuid(), {{u"title"_s, u"b%1-%2"_s.arg(batch).arg(i)}}));
        QUrl push(u"http://127.0.0.1/v1/push"_s);
        push.setPort(batch % 2 ? firstPort : secondPort);
        QNetworkRequest req(push);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies.append(std::shared_ptr<QNetworkReply>(m_network.post(req, QJsonDocument(QJsonObject{{u"ops"_s, ops}}).toJson())));
    }
    for (const auto &reply : std::as_const(replies)) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }
    for (const int port : {firstPort, secondPort}) {
        m_port = port;
        const QJsonObject page = request("GET", u"/v1/changes?since=0&limit=5000"_s, {}, token).json;
        QCOMPARE(page.value(u"changes"_s).toArray().size(), 201);
        QCOMPARE(page.value(u"cursor"_s).toInt(), 201);
    }
    m_port = firstPort;
}

void TestServerHttp::servesHttpsWithACertificate()
{
    const QString cert = QFINDTESTDATA("../data/localhost.crt");
    const QString key = QFINDTESTDATA("../data/localhost.key");
    QVERIFY(!cert.isEmpty() && !key.isEmpty());
    QVERIFY(startServer({u"--tls-cert"_s, cert, u"--tls-key"_s, key}));

    // A client that trusts the certificate gets its answer over TLS.
    QUrl url(u"https://127.0.0.1/healthz"_s);
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
    const Reply plain = request("GET", u"/healthz"_s);
    QCOMPARE(plain.status, 0);
    std::unique_ptr<QNetworkReply> again(m_network.get(req));
    QSignalSpy finishedAgain(again.get(), &QNetworkReply::finished);
    QVERIFY(finishedAgain.wait(10000));
    QCOMPARE(again->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    // A key without its certificate is refused at start, with the reason.
    QProcess broken;
    broken.start(QString::fromUtf8(TIDEMARK_SERVER_PATH), {u"--port"_s, u"0"_s, u"--database"_s, m_database, u"--tls-key"_s, key});
    QVERIFY(broken.waitForFinished(10000));
    QCOMPARE(broken.exitCode(), 2);
    QVERIFY(broken.readAllStandardError().contains("--tls-cert"));
}

void TestServerHttp::runawayClientsAreToldToWait()
{
    QVERIFY(startServer({u"--max-requests-per-minute"_s, u"20"_s}));
    const QString anna = signUp(u"anna"_s);
    const QString ben = signUp(u"ben"_s);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, anna).status, 200);
    const Reply refused = request("GET", u"/v1/changes?since=0"_s, {}, anna);
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.retryAfter.toInt() >= 1);
    QVERIFY(refused.json.value(u"detail"_s).toString().contains(u"try again in"_s));
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, ben).status, 200); // others are not held up
    QCOMPARE(request("GET", u"/healthz"_s).status, 200);
}

void TestServerHttp::aLostDeviceIsSignedOutFromAnother()
{
    const QString phone = signUp(u"anna"_s);
    const QByteArray login = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"correct horse"_s},
                                                       {u"device"_s, u"old laptop"_s}}).toJson();
    const QString laptop = request("POST", u"/v1/sessions"_s, login).json.value(u"token"_s).toString();
    const QString ben = signUp(u"ben"_s);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, laptop).status, 200);

    const Reply listed = request("GET", u"/v1/sessions"_s, {}, phone);
    QCOMPARE(listed.status, 200);
    const QJsonArray sessions = listed.json.value(u"sessions"_s).toArray();
    QCOMPARE(sessions.size(), 2);
    QString laptopId;
    for (const QJsonValue &session : sessions) {
        const QJsonObject entry = session.toObject();
        QVERIFY(!entry.value(u"id"_s).toString().isEmpty());
        QVERIFY(!QJsonDocument(entry).toJson().contains(laptop.toUtf8())); // no token in sight
        if (entry.value(u"device"_s).toString() == u"old laptop"_s) {
            laptopId = entry.value(u"id"_s).toString();
            QVERIFY(!entry.value(u"current"_s).toBool());
            QVERIFY(entry.value(u"last_pull"_s).isString());
        } else {
            QVERIFY(entry.value(u"current"_s).toBool());
        }
    }
    QVERIFY(!laptopId.isEmpty());

    // Another account cannot sign Anna's laptop out, nor learn that the id exists.
    QCOMPARE(request("DELETE", u"/v1/sessions/"_s + laptopId, {}, ben).status, 404);
    QCOMPARE(request("DELETE", u"/v1/sessions/0123456789abcdef"_s, {}, phone).status, 404);
    QCOMPARE(request("DELETE", u"/v1/sessions/not-an-id"_s, {}, phone).status, 404);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, laptop).status, 200);

    QCOMPARE(request("DELETE", u"/v1/sessions/"_s + laptopId, {}, phone).status, 204);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, laptop).status, 401);
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, phone).status, 200);
    QCOMPARE(request("GET", u"/v1/sessions"_s, {}, phone).json.value(u"sessions"_s).toArray().size(), 1);
}

void TestServerHttp::pagingWhileOthersPushSkipsAndRepeatsNothing()
{
    const QString token = signUp(u"anna"_s);
    // Another device pushes 10 batches of 20 new notes, all in flight at once...
    QNetworkAccessManager other; // outlives its replies
    QSet<QString> pushed;
    QList<std::shared_ptr<QNetworkReply>> replies;
    for (int batch = 0; batch < 10; ++batch) {
        QJsonArray ops;
        for (int i = 0; i < 20; ++i) {
            const QString id = uuid();
            pushed.insert(id);
            ops.append(makeOp(id, {{u"title"_s, u"b%1-%2"_s.arg(batch).arg(i)}}));
        }
        QUrl push(u"http://127.0.0.1/v1/push"_s);
        push.setPort(m_port);
        QNetworkRequest req(push);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies.append(std::shared_ptr<QNetworkReply>(other.post(req, QJsonDocument(QJsonObject{{u"ops"_s, ops}}).toJson())));
    }
    // ...while this one pages through the log in small pages until it has caught up.
    QStringList seen;
    qint64 cursor = 0;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const QJsonObject page = request("GET", u"/v1/changes?since=%1&limit=7"_s.arg(cursor), {}, token).json;
        for (const QJsonValue &change : page.value(u"changes"_s).toArray())
            seen << change.toObject().value(u"id"_s).toString();
        QVERIFY(page.value(u"cursor"_s).toInteger() >= cursor);
        cursor = page.value(u"cursor"_s).toInteger();
        const bool done = std::ranges::all_of(replies, [](const auto &reply) { return reply->isFinished(); });
        if (done && !page.value(u"has_more"_s).toBool() && cursor == 200)
            break;
        QVERIFY(timer.elapsed() < 60000);
    }
    QCOMPARE(seen.size(), 200);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), pushed);
}

void TestServerHttp::signInsDoNotHoldUpOtherRequests()
{
    const QString token = signUp(u"anna"_s);
    // Six sign-ins at once: each hashes a password for a fifth of a second or so, on workers.
    QNetworkAccessManager others;
    QList<std::shared_ptr<QNetworkReply>> logins;
    const QByteArray login = QJsonDocument(QJsonObject{{u"name"_s, u"anna"_s}, {u"password"_s, u"correct horse"_s},
                                                       {u"device"_s, u"tablet"_s}}).toJson();
    QUrl url(u"http://127.0.0.1/v1/sessions"_s);
    url.setPort(m_port);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (int i = 0; i < 6; ++i)
        logins.append(std::shared_ptr<QNetworkReply>(others.post(req, login)));
    QTest::qWait(20); // the sign-ins have reached the server
    // A device's pull is answered while they are still being hashed.
    QCOMPARE(request("GET", u"/v1/changes?since=0"_s, {}, token).status, 200);
    QVERIFY(std::ranges::any_of(logins, [](const auto &reply) { return !reply->isFinished(); }));
    for (const auto &reply : std::as_const(logins)) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    }
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
