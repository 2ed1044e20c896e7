// A newer peer never stalls an older one: an operation the server cannot take is refused on its
// own, parked on the device with the server's reason, and the rest of the queue and the pull go on,
// with a real tidemark-server (and with a stand-in for an older one that refuses whole batches).
#include "../serverprocess.h"

#include "client/accountfile.h"
#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/entity.h"
#include "model/store.h"
#include "sync/changes.h"
#include "sync/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

using namespace tidemark;

namespace {

// An older server: one operation it cannot take refuses the whole request (400).
class WholeBatchRefusal final : public client::Transport
{
public:
    WholeBatchRefusal(client::Transport &inner, QString refusedEntity)
        : m_inner(inner)
        , m_refused(std::move(refusedEntity))
    {
    }
    int requests = 0;

    std::expected<client::PushAnswer, client::TransportError> push(const QList<sync::Operation> &ops) override
    {
        ++requests;
        for (const sync::Operation &op : ops) {
            if (op.entityId == m_refused)
                return std::unexpected(client::TransportError{client::TransportError::Kind::Refused,
                                                              u"Operation 0: field 'body' is too large"_s, 0});
        }
        return m_inner.push(ops);
    }
    std::expected<client::PullAnswer, client::TransportError> pull(qint64 since, int limit,
                                                                   const std::optional<client::SnapshotContinuation> &c) override
    {
        return m_inner.pull(since, limit, c);
    }

private:
    client::Transport &m_inner;
    QString m_refused;
};

// A newer server: its pages carry a kind this version does not know, a conflict event about an
// entity of that kind, and members this version has never heard of. Its pages go through the one
// codec both ways, as they would over HTTP.
class NewerServer final : public client::Transport
{
public:
    std::expected<client::PushAnswer, client::TransportError> push(const QList<sync::Operation> &) override
    {
        return client::PushAnswer{};
    }
    std::expected<client::PullAnswer, client::TransportError> pull(qint64, int, const std::optional<client::SnapshotContinuation> &) override
    {
        QJsonObject json{{u"cursor"_s, 2},
                         {u"has_more"_s, false},
                         {u"devices"_s, QJsonObject{{u"watch"_s, u"Watch"_s}}},
                         {u"scope"_s, u"all"_s},
                         {u"changes"_s, QJsonArray{QJsonObject{{u"id"_s, u"01930000-0000-7000-8000-00000000a001"_s}, {u"kind"_s, u"memo"_s}, {u"rev"_s, 1},
                                                               {u"device"_s, u"watch"_s}, {u"at"_s, qint64(1700000000000)},
                                                               {u"fields"_s, QJsonObject{{u"audio"_s, QJsonArray{1, 2, 3}}}}},
                                                   QJsonObject{{u"id"_s, u"01930000-0000-7000-8000-00000000a002"_s}, {u"kind"_s, u"note"_s}, {u"rev"_s, 2},
                                                               {u"device"_s, u"watch"_s}, {u"at"_s, qint64(1700000000001)},
                                                               {u"stream"_s, u"s1"_s},
                                                               {u"fields"_s, QJsonObject{{u"title"_s, u"From the watch"_s}}}}}},
                         {u"conflicts"_s, QJsonArray{QJsonObject{
                                              {u"id"_s, u"01930000-0000-7000-8000-00000000a003"_s}, {u"entity"_s, u"01930000-0000-7000-8000-00000000a001"_s}, {u"kind"_s, u"memo"_s},
                                              {u"field"_s, u"audio"_s}, {u"rule"_s, u"newest-recording"_s},
                                              {u"status"_s, u"settled"_s}, {u"incoming"_s, 1}, {u"current"_s, 2},
                                              {u"device"_s, u"watch"_s}, {u"at"_s, qint64(1700000000000)}, {u"rev"_s, 1}}}}};
        auto page = sync::decodePage(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        if (!page)
            return std::unexpected(client::TransportError{client::TransportError::Kind::Server, page.error(), 0});
        return *page;
    }
};

} // namespace

class TestCompatibility final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void anOperationTheServerCannotTakeIsParkedAndTheRestGoOn();
    void theDeviceAndTheServerMeasureTextAlike_data();
    void theDeviceAndTheServerMeasureTextAlike();
    void largeNotesTravelInBatchesAServerTakes();
    void anOperationOfAnUnknownKindIsRejectedOnItsOwn();
    void anOlderServerThatRefusesWholeBatchesStillTakesTheRest();
    void aServerThatSpeaksOnlyANewerVersionIsToldApart_data();
    void aServerThatSpeaksOnlyANewerVersionIsToldApart();
    void aNewerServersKindIsKeptAndItsConflictsStayOut();
    void aPageThisVersionCannotReadIsNamedAndAppliesNothing();

private:
    std::unique_ptr<model::Store> signedInStore(const QString &name, QString *token);

    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_url;
    int m_accounts = 0;
};

void TestCompatibility::initTestCase()
{
    // A server that takes texts of at most 1 MB, as an older or a smaller one might: what a
    // device allows (4 MB) can still be refused, one operation at a time.
    const int port = test::startServer(m_server, m_dir.filePath(u"server.db"_s), 0, {u"--max-text-mb"_s, u"1"_s});
    QVERIFY(port > 0);
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

void TestCompatibility::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

void TestCompatibility::theDeviceAndTheServerMeasureTextAlike_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("fits");
    const qsizetype limit = sync::kMaxTextBytes;
    const QString wave = QString::fromUcs4(U"\U0001F30A", 1);
    QTest::newRow("ASCII at the limit") << QString(limit, QLatin1Char('x')) << true;
    QTest::newRow("ASCII one over") << QString(limit + 1, QLatin1Char('x')) << false;
    QTest::newRow("Japanese just under") << QString(limit / 3, QChar(0x65E5)) << true;
    QTest::newRow("Japanese just over") << QString(limit / 3 + 1, QChar(0x65E5)) << false;
    QTest::newRow("accents at the limit") << QString(limit / 2, QChar(0x00E9)) << true;
    QTest::newRow("accents one over") << QString(limit / 2, QChar(0x00E9)) + QLatin1Char('x') << false;
    QTest::newRow("emoji at the limit") << wave.repeated(limit / 4) << true;
    QTest::newRow("emoji one over") << wave.repeated(limit / 4) + QLatin1Char('x') << false;
    QTest::newRow("lone halves") << QString(limit / 3, QChar(0xD800)) << true; // measured alike, whatever Qt writes
}

void TestCompatibility::theDeviceAndTheServerMeasureTextAlike()
{
    // One number and one measure on both sides: what the store saves, the server takes.
    QFETCH(QString, text);
    QFETCH(bool, fits);
    const bool stored = model::Fields::validate(model::Kind::Note, u"body"_s, text).has_value();
    QJsonObject op{{u"op_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)}, {u"device"_s, u"d"_s},
                   {u"kind"_s, u"note"_s}, {u"entity"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                   {u"fields"_s, QJsonObject{{u"body"_s, text}}}, {u"base_rev"_s, 0}, {u"hlc"_s, u"000001800000000-000000-d"_s}};
    const auto decoded = sync::decodeOperation(op);
    QCOMPARE(stored, fits);
    QCOMPARE(decoded.has_value(), fits);
    if (!fits) {
        const auto refused = model::Fields::validate(model::Kind::Note, u"body"_s, text);
        QVERIFY2(refused.error().message.contains(u"at most 4 MB"_s), qPrintable(refused.error().message));
        QVERIFY2(decoded.error().contains(u"4 MB"_s), qPrintable(decoded.error()));
    }
}

void TestCompatibility::largeNotesTravelInBatchesAServerTakes()
{
    // Twelve notes of 0.9 MB (under this server's 1 MB): all in one request would be 11 MB;
    // batches stop at 8 MB, and pages too, so every request is one the server takes.
    QString token;
    auto store = signedInStore(u"large"_s, &token);
    QVERIFY(store);
    QString line = QString(89, QLatin1Char('l')) + QLatin1Char('\n');
    const QString body = line.repeated(9 * 1024 * 1024 / 10 / 90);
    for (int i = 0; i < 12; ++i)
        QVERIFY(store->create(model::Kind::Note, {{u"title"_s, u"Log %1"_s.arg(i)}, {u"body"_s, body}}));
    const auto first = store->takeForSending(500);
    QVERIFY(first && first->size() < 12 && first->size() >= 8);
    // (Taken and not answered: the sync below sends them again, as after an interrupted one.)
    client::HttpTransport transport(m_url, token);
    const auto report = client::SyncCycle(*store, transport).run();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->pushed, 12);
    QCOMPARE(report->rejected, 0);
    QCOMPARE(store->pendingCount(), 0);
    auto other = model::Store::open(m_dir.filePath(u"large-other.db"_s));
    QVERIFY(other);
    const QString user = u"user%1"_s.arg(m_accounts);
    const QString otherToken = client::account::logIn(m_url, user, u"correct horse"_s, u"other"_s).value_or(QString());
    client::HttpTransport otherTransport(m_url, otherToken);
    const auto pulled = client::SyncCycle(**other, otherTransport).run();
    QVERIFY2(pulled, pulled ? "" : qPrintable(pulled.error().message));
    QCOMPARE(pulled->pulled, 12);
    QCOMPARE((*other)->items({})->size(), 12);
}

std::unique_ptr<model::Store> TestCompatibility::signedInStore(const QString &name, QString *token)
{
    const QString user = u"user%1"_s.arg(++m_accounts);
    if (!client::account::registerAccount(m_url, user, u"correct horse"_s))
        return {};
    *token = client::account::logIn(m_url, user, u"correct horse"_s, name).value_or(QString());
    auto store = model::Store::open(m_dir.filePath(name + u".db"_s));
    return store ? std::move(*store) : nullptr;
}

void TestCompatibility::anOperationTheServerCannotTakeIsParkedAndTheRestGoOn()
{
    QString token;
    auto store = signedInStore(u"a"_s, &token);
    QVERIFY(store);
    const QString before = store->create(model::Kind::Note, {{u"title"_s, u"Before"_s}})->id;
    // Over this server's limit for one field (1.5 MB of Japanese text in UTF-8), under the device's.
    const auto made = store->create(model::Kind::Note, {{u"title"_s, u"Log"_s}, {u"body"_s, QString(500'000, QChar(0x65E5))}});
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    const QString big = made->id;
    const QString after = store->create(model::Kind::Note, {{u"title"_s, u"After"_s}})->id;

    client::HttpTransport transport(m_url, token);
    client::SyncCycle cycle(*store, transport);
    const auto report = cycle.run();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QVERIFY2(report->rejected == 1 && report->pushed == 3,
             qPrintable(u"pushed %1, rejected %2, outbox %3"_s.arg(report->pushed).arg(report->rejected).arg(store->pendingCount())));
    // Parked with the server's reason; the others are in and the pull went through.
    const auto outbox = store->outbox();
    QCOMPARE(outbox->size(), 1);
    QCOMPARE(outbox->first().entityId, big);
    QVERIFY(outbox->first().parked);
    QVERIFY2(outbox->first().lastError.contains(u"body"_s), qPrintable(outbox->first().lastError));
    QVERIFY(store->syncCursor() >= 2);
    // tidemarkctl outbox shows it refused, with the reason.
    QProcess ctl;
    ctl.start(QString::fromUtf8(TIDEMARKCTL_PATH), {u"--db"_s, m_dir.filePath(u"a.db"_s), u"outbox"_s});
    QVERIFY(ctl.waitForFinished(20000));
    QCOMPARE(ctl.exitCode(), 0);
    const QString listed = QString::fromUtf8(ctl.readAllStandardOutput());
    QVERIFY2(listed.contains(big) && listed.contains(u"refused: "_s) && listed.contains(u"'body'"_s), qPrintable(listed.left(500)));
    // Another device has the other two, and later syncs go on as usual.
    QString other;
    auto phone = model::Store::open(m_dir.filePath(u"a-phone.db"_s));
    QVERIFY(phone);
    const QString user = u"user%1"_s.arg(m_accounts);
    other = client::account::logIn(m_url, user, u"correct horse"_s, u"phone"_s).value_or(QString());
    client::HttpTransport phoneTransport(m_url, other);
    QVERIFY(client::SyncCycle(**phone, phoneTransport).run());
    QVERIFY((*phone)->entity(before) && (*phone)->entity(after));
    QVERIFY(!(*phone)->entity(big));
    QVERIFY(store->update(before, {{u"title"_s, u"Before, renamed"_s}}));
    QVERIFY(client::SyncCycle(*store, transport).run());
    QCOMPARE(store->pendingCount(), 1);
    QVERIFY(client::SyncCycle(**phone, phoneTransport).run());
    QCOMPARE((*phone)->entity(before)->string(u"title"_s), u"Before, renamed"_s);

    // The person shortens the note: the refused change goes again with that edit, as the note now
    // is, and the whole note (its title too) reaches the other device; nothing stays parked.
    const QString shortened = QString(1000, QChar(0x65E5));
    QVERIFY(store->update(big, {{u"body"_s, shortened}}));
    QCOMPARE(store->pendingCount(), 1);
    QCOMPARE(store->parkedCount(), 0);
    const auto again = client::SyncCycle(*store, transport).run();
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->rejected, 0);
    QCOMPARE(store->pendingCount(), 0);
    QVERIFY(client::SyncCycle(**phone, phoneTransport).run());
    QVERIFY((*phone)->entity(big));
    QCOMPARE((*phone)->entity(big)->string(u"title"_s), u"Log"_s);
    QCOMPARE((*phone)->entity(big)->string(u"body"_s), shortened);
    // A later edit on the phone reaches the device: the field is no longer held by a refused change.
    QVERIFY((*phone)->update(big, {{u"body"_s, u"edited on the phone"_s}}));
    QVERIFY(client::SyncCycle(**phone, phoneTransport).run());
    QVERIFY(client::SyncCycle(*store, transport).run());
    QCOMPARE(store->entity(big)->string(u"body"_s), u"edited on the phone"_s);
}

void TestCompatibility::anOperationOfAnUnknownKindIsRejectedOnItsOwn()
{
    // What a newer app would send: a kind this server does not know, between two it does.
    QString token;
    auto store = signedInStore(u"b"_s, &token);
    QVERIFY(store);
    const auto op = [](const QString &kind, const QString &title) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return sync::Operation{QUuid::createUuid().toString(QUuid::WithoutBraces), u"newer"_s, kind, id,
                               {{u"title"_s, title}}, 0, u"000001800000000-000000-newer"_s, {}};
    };
    client::HttpTransport transport(m_url, token);
    const auto answer = transport.push({op(u"note"_s, u"One"_s), op(u"checklist"_s, u"Two"_s), op(u"task"_s, u"Three"_s)});
    QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
    QCOMPARE(answer->results.size(), 3);
    QCOMPARE(answer->results.at(0).status, sync::OpResult::Status::Applied);
    QCOMPARE(answer->results.at(1).status, sync::OpResult::Status::Rejected);
    QVERIFY2(answer->results.at(1).reason.contains(u"update the server"_s), qPrintable(answer->results.at(1).reason));
    QCOMPARE(answer->results.at(2).status, sync::OpResult::Status::Applied);
    QVERIFY(client::SyncCycle(*store, transport).run());
    QCOMPARE(store->items({})->size(), 2);
}

void TestCompatibility::anOlderServerThatRefusesWholeBatchesStillTakesTheRest()
{
    QString token;
    auto store = signedInStore(u"c"_s, &token);
    QVERIFY(store);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << store->create(model::Kind::Note, {{u"title"_s, u"Note %1"_s.arg(i)}})->id;
    client::HttpTransport http(m_url, token);
    WholeBatchRefusal older(http, ids.at(2));
    client::SyncCycle cycle(*store, older);
    const auto report = cycle.run();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->rejected, 1);
    QCOMPARE(store->pendingCount(), 1);
    QCOMPARE(store->parkedCount(), 1);
    QCOMPARE(store->outbox()->first().entityId, ids.at(2));
    QVERIFY(store->outbox()->first().lastError.contains(u"too large"_s));
    QVERIFY(store->syncCursor() >= 4);
    // The next sync sends nothing again and does not ask the server one by one.
    older.requests = 0;
    QVERIFY(client::SyncCycle(*store, older).run());
    QCOMPARE(older.requests, 0);
}

void TestCompatibility::aServerThatSpeaksOnlyANewerVersionIsToldApart_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("sentence");
    const QByteArray ok = "{\"changes\": [], \"conflicts\": [], \"cursor\": 0, \"has_more\": false}";
    const auto http = [](const QByteArray &status, const QByteArray &headers, const QByteArray &body) {
        return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    };
    // A newer server that answers in a version this app does not speak.
    QTest::newRow("answers in 2") << http("200 OK", "Content-Type: application/json\r\nTidemark-Protocol: 2\r\n", ok)
                                  << u"update the app"_s;
    // A server that refuses every version this app offers, saying so.
    QTest::newRow("refuses 1") << http("400 Bad Request", "Content-Type: application/problem+json\r\n",
                                       "{\"title\": \"Incompatible client\", \"status\": 400, \"detail\": "
                                       "\"This server speaks sync protocol 2 and the app speaks 1: update the app.\"}")
                               << u"update the app"_s;
    // A server from before negotiation (no header) speaks 1: fine.
    QTest::newRow("no header") << http("200 OK", "Content-Type: application/json\r\n", ok) << QString();
}

void TestCompatibility::aServerThatSpeaksOnlyANewerVersionIsToldApart()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, sentence);
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost));
    QByteArray offered;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = peer.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            const QByteArray head = socket->readAll();
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("tidemark-protocol:"))
                    offered = line.mid(18).trimmed();
            }
            socket->write(answer);
            socket->disconnectFromHost();
        });
    });
    client::HttpTransport transport(QUrl(u"http://127.0.0.1:%1"_s.arg(peer.serverPort())), u"token"_s, 5000);
    const auto page = transport.pull(0, 100, std::nullopt);
    QCOMPARE(offered, QByteArray("1")); // every version this build speaks
    if (sentence.isEmpty()) {
        QVERIFY2(page, page ? "" : qPrintable(page.error().message));
        return;
    }
    QVERIFY(!page);
    QCOMPARE(page.error().kind, client::TransportError::Kind::Incompatible);
    QVERIFY2(page.error().message.contains(sentence), qPrintable(page.error().message));
}

void TestCompatibility::aNewerServersKindIsKeptAndItsConflictsStayOut()
{
    auto store = model::Store::open(m_dir.filePath(u"newer-kind.db"_s));
    QVERIFY(store);
    NewerServer server;
    const auto report = client::SyncCycle(**store, server).run();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    // The note arrived; the memo is kept for a later version; its conflict is not this version's to show.
    const auto note = (*store)->entity(u"01930000-0000-7000-8000-00000000a002"_s);
    QVERIFY(note);
    QCOMPARE(note->fields.value(u"title"_s), QJsonValue(u"From the watch"_s));
    QVERIFY(!(*store)->entity(u"01930000-0000-7000-8000-00000000a001"_s));
    QCOMPARE((*store)->unknownCount(), 1);
    const auto conflicts = (*store)->conflictRecords();
    QVERIFY(conflicts);
    QVERIFY(conflicts->isEmpty());
    QVERIFY(report->conflictRecords.size() == 1); // received, and left out of the store
}

void TestCompatibility::aPageThisVersionCannotReadIsNamedAndAppliesNothing()
{
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost));
    const QByteArray body = "{\"cursor\": 5, \"has_more\": false, \"changes\": [{\"id\": \"n1\", \"kind\": \"note\", "
                            "\"rev\": 4, \"fields\": {\"title\": \"fine\"}}, {\"id\": \"n2\", \"kind\": \"note\", "
                            "\"rev\": \"five\", \"fields\": {}}]}";
    const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = peer.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
            socket->readAll();
            socket->write(answer);
            socket->disconnectFromHost();
        });
    });
    auto store = model::Store::open(m_dir.filePath(u"unreadable-page.db"_s));
    QVERIFY(store);
    client::HttpTransport transport(QUrl(u"http://127.0.0.1:%1"_s.arg(peer.serverPort())), u"token"_s, 5000);
    const auto report = client::SyncCycle(**store, transport).run();
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(u"change 2: 'rev' must be a whole number"_s), qPrintable(report.error().message));
    // Not even the readable first change was taken, and the cursor did not move.
    QVERIFY(!(*store)->entity(u"n1"_s));
    QCOMPARE((*store)->syncCursor(), 0);
}

QTEST_GUILESS_MAIN(TestCompatibility)
#include "tst_compatibility.moc"
