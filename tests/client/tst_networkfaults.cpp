// Sync through a faulty network: a TCP proxy between the devices and a real tidemark-server
// delays, drops, cuts answers off after the server acted, or swallows requests. Each time the
// sync fails cleanly or succeeds, and once the network heals every device holds what the server
// holds: nothing lost, nothing applied twice.
#include "../serverprocess.h"
#include "faultyproxy.h"

#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/store.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark;
using test::FaultyProxy;

namespace {

// Every live item: id → "title|body", the whole visible state of a device.
QMap<QString, QString> contents(model::Store &store)
{
    QMap<QString, QString> all;
    const auto rows = store.items(model::ItemFilter::all());
    for (const model::ItemRow &row : *rows) {
        const auto entity = store.entity(row.id);
        all.insert(row.id, entity->string(u"title"_s) + QLatin1Char('|') + entity->string(u"body"_s));
    }
    return all;
}

} // namespace

class TestNetworkFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syncRecoversAndConverges_data();
    void syncRecoversAndConverges();

private:
    std::unique_ptr<model::Store> store(const QString &name);
    std::expected<client::SyncReport, client::TransportError> sync(model::Store &store, quint16 port, const QString &token);

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
};

void TestNetworkFaults::initTestCase()
{
    m_port = quint16(test::startServer(m_server, m_dir.filePath(u"server.db"_s)));
    QVERIFY(m_port > 0);
}

void TestNetworkFaults::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

std::unique_ptr<model::Store> TestNetworkFaults::store(const QString &name)
{
    return std::move(*model::Store::open(m_dir.filePath(name + u".db"_s)));
}

std::expected<client::SyncReport, client::TransportError> TestNetworkFaults::sync(model::Store &store, quint16 port,
                                                                                   const QString &token)
{
    // A short timeout, so that a black hole costs the test a second, not half a minute.
    client::HttpTransport transport(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), token, 1500);
    client::SyncCycle cycle(store, transport);
    cycle.setBatchSize(10); // several round trips, so faults land between batches too
    cycle.setPageSize(10);
    return cycle.run();
}

void TestNetworkFaults::syncRecoversAndConverges_data()
{
    QTest::addColumn<FaultyProxy::Mode>("mode");
    QTest::addColumn<bool>("faultySyncSucceeds");
    QTest::newRow("delay") << FaultyProxy::Mode::Delay << true;
    QTest::newRow("drop") << FaultyProxy::Mode::Drop << false;
    QTest::newRow("reset mid-response") << FaultyProxy::Mode::ResetMidResponse << false;
    QTest::newRow("black hole") << FaultyProxy::Mode::BlackHole << false;
}

void TestNetworkFaults::syncRecoversAndConverges()
{
    QFETCH(FaultyProxy::Mode, mode);
    QFETCH(bool, faultySyncSucceeds);
    const QString user = u"user-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const QUrl direct(u"http://127.0.0.1:%1"_s.arg(m_port));
    QVERIFY(client::account::registerAccount(direct, user, u"a long password"_s));
    const auto login = [&](const char *device) {
        return client::account::logIn(direct, user, u"a long password"_s, QLatin1StringView(device)).value_or(QString());
    };
    const QString tokenA = login("A"), tokenB = login("B"), tokenC = login("C");
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    auto a = store(tag + u"-a"_s);
    auto b = store(tag + u"-b"_s);
    FaultyProxy proxy(m_port);

    // B knows an early state of one note, so that later edits meet on the server.
    const auto shared = a->create(model::Kind::Note, {{u"title"_s, u"shared"_s}, {u"body"_s, u"one\ntwo\nthree\n"_s}});
    QVERIFY(shared);
    QVERIFY(sync(*a, proxy.port(), tokenA));
    QVERIFY(sync(*b, proxy.port(), tokenB));

    // Work on both devices, then sync through the fault.
    for (int i = 0; i < 25; ++i) {
        const auto note = a->create(model::Kind::Note, {{u"title"_s, u"A %1"_s.arg(i)}, {u"body"_s, u"body %1"_s.arg(i)}});
        QVERIFY(note);
        if (i % 3 == 0)
            QVERIFY(a->update(note->id, {{u"body"_s, u"body %1, edited"_s.arg(i)}}));
    }
    QVERIFY(a->update(shared->id, {{u"body"_s, u"ONE\ntwo\nthree\n"_s}}));
    for (int i = 0; i < 6; ++i)
        QVERIFY(b->create(model::Kind::Note, {{u"title"_s, u"B %1"_s.arg(i)}}));
    QVERIFY(b->update(shared->id, {{u"body"_s, u"one\ntwo\nTHREE\n"_s}}));

    proxy.setMode(mode);
    const auto faultyA = sync(*a, proxy.port(), tokenA);
    const auto faultyB = sync(*b, proxy.port(), tokenB);
    QCOMPARE(bool(faultyA), faultySyncSucceeds);
    QCOMPARE(bool(faultyB), faultySyncSucceeds);
    if (!faultySyncSucceeds) {
        QCOMPARE(faultyA.error().kind, client::TransportError::Kind::Offline);
        QVERIFY(a->pendingCount() > 0); // kept for later, never dropped
    }

    // The network heals: sync until quiet, then compare with a fresh device.
    proxy.setMode(FaultyProxy::Mode::Pass);
    for (int round = 0; round < 2; ++round) {
        QVERIFY(sync(*a, proxy.port(), tokenA));
        QVERIFY(sync(*b, proxy.port(), tokenB));
    }
    QCOMPARE(a->pendingCount(), 0);
    QCOMPARE(b->pendingCount(), 0);
    auto c = store(tag + u"-c"_s);
    QVERIFY(sync(*c, m_port, tokenC));

    const auto truth = contents(*c);
    QCOMPARE(truth.size(), 1 + 25 + 6); // nothing lost, nothing twice
    QCOMPARE(contents(*a), truth);
    QCOMPARE(contents(*b), truth);
    // Both edits of the shared note survived: different lines merge.
    QCOMPARE(c->entity(shared->id)->string(u"body"_s), u"ONE\ntwo\nTHREE\n"_s);
    QCOMPARE(c->entity(shared->id)->rev, a->entity(shared->id)->rev);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_networkfaults.moc"
