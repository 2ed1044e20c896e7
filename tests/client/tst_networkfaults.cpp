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

using namespace tidemark;
using test::FaultyProxy;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

// Every live item: id → "title|body", the whole visible state of a device.
QMap<QString, QString> contents(model::Store &store)
{
    QMap<QString, QString> all;
    const auto rows = store.items(model::ItemFilter::all());
    for (const model::ItemRow &row : *rows) {
        const auto entity = store.entity(row.id);
        all.insert(row.id, entity->string(s("title")) + QLatin1Char('|') + entity->string(s("body")));
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
    m_port = quint16(test::startServer(m_server, m_dir.filePath(s("server.db"))));
    QVERIFY(m_port > 0);
}

void TestNetworkFaults::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

std::unique_ptr<model::Store> TestNetworkFaults::store(const QString &name)
{
    return std::move(*model::Store::open(m_dir.filePath(name + s(".db"))));
}

std::expected<client::SyncReport, client::TransportError> TestNetworkFaults::sync(model::Store &store, quint16 port,
                                                                                   const QString &token)
{
    // A short timeout, so that a black hole costs the test a second, not half a minute.
    client::HttpTransport transport(QUrl(s("http://127.0.0.1:%1").arg(port)), token, 1500);
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
    const QString user = s("user-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const QUrl direct(s("http://127.0.0.1:%1").arg(m_port));
    QVERIFY(client::account::registerAccount(direct, user, s("a long password")));
    const auto login = [&](const char *device) {
        return client::account::logIn(direct, user, s("a long password"), QLatin1StringView(device)).value_or(QString());
    };
    const QString tokenA = login("A"), tokenB = login("B"), tokenC = login("C");
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    auto a = store(tag + s("-a"));
    auto b = store(tag + s("-b"));
    FaultyProxy proxy(m_port);

    // B knows an early state of one note, so that later edits meet on the server.
    const auto shared = a->create(model::Kind::Note, {{s("title"), s("shared")}, {s("body"), s("one\ntwo\nthree\n")}});
    QVERIFY(shared);
    QVERIFY(sync(*a, proxy.port(), tokenA));
    QVERIFY(sync(*b, proxy.port(), tokenB));

    // Work on both devices, then sync through the fault.
    for (int i = 0; i < 25; ++i) {
        const auto note = a->create(model::Kind::Note, {{s("title"), s("A %1").arg(i)}, {s("body"), s("body %1").arg(i)}});
        QVERIFY(note);
        if (i % 3 == 0)
            QVERIFY(a->update(note->id, {{s("body"), s("body %1, edited").arg(i)}}));
    }
    QVERIFY(a->update(shared->id, {{s("body"), s("ONE\ntwo\nthree\n")}}));
    for (int i = 0; i < 6; ++i)
        QVERIFY(b->create(model::Kind::Note, {{s("title"), s("B %1").arg(i)}}));
    QVERIFY(b->update(shared->id, {{s("body"), s("one\ntwo\nTHREE\n")}}));

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
    auto c = store(tag + s("-c"));
    QVERIFY(sync(*c, m_port, tokenC));

    const auto truth = contents(*c);
    QCOMPARE(truth.size(), 1 + 25 + 6); // nothing lost, nothing twice
    QCOMPARE(contents(*a), truth);
    QCOMPARE(contents(*b), truth);
    // Both edits of the shared note survived: different lines merge.
    QCOMPARE(c->entity(shared->id)->string(s("body")), s("ONE\ntwo\nTHREE\n"));
    QCOMPARE(c->entity(shared->id)->rev, a->entity(shared->id)->rev);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_networkfaults.moc"
