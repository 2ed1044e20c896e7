// The threaded sync engine against a real tidemark-server: it syncs by itself after local
// changes and on other devices' live notices, backs off while the server is away, pauses, and
// stops on a revoked token.
#include "client/httptransport.h"
#include "client/syncengine.h"
#include "model/store.h"
#include "../serverprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

using namespace tidemark;
using client::SyncEngine;

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anEditReachesTheOtherDeviceByItself();
    void aServerOutageIsRetriedUntilItEnds();
    void theWayBackAfterAnOutageTakesSecondsNotTheBackoff();
    void anIncompatibleServerIsNotAskedAgainUntilThePersonDoes();
    void workingOfflineSendsNothingUntilResumed();
    void aRevokedTokenStopsItWithAReason();
    void noNetworkTriesNothingAndAMeteredOneCanHold();

private:
    struct Device
    {
        std::unique_ptr<model::Store> store; ///< the UI's store, on this thread
        /// The context of the engine's queued signals, on this thread: deleted with the device,
        /// it takes along any signal still queued, which would otherwise reach a device gone.
        std::unique_ptr<QObject> receiver = std::make_unique<QObject>();
        SyncEngine *engine = nullptr;
        QThread *thread = nullptr;
        QString token;
        QList<SyncEngine::State> states;
        QString reason;
        QDateTime nextRetry;
        QStringList remote;
        client::SyncMetrics metrics;
    };
    bool startServer(int port = 0);
    Device &device(const QString &name, bool holdOnMetered = false, int retryMs = 200,
                   SyncEngine::TransportFactory transport = {});
    void changed(Device &d) { QMetaObject::invokeMethod(d.engine, &SyncEngine::localChanged, Qt::QueuedConnection); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    int m_port = 0;
    std::list<Device> m_devices;
};

void TestSyncEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(startServer());
    QVERIFY(client::account::registerAccount(QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)), u"anna"_s, u"correct horse"_s));
}

void TestSyncEngine::cleanup()
{
    for (Device &d : m_devices) {
        QMetaObject::invokeMethod(d.engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
        d.thread->quit();
        d.thread->wait();
        delete d.engine;
        delete d.thread;
    }
    m_devices.clear();
    if (m_server) {
        m_server->kill();
        m_server->waitForFinished();
    }
    m_dir.reset();
}

bool TestSyncEngine::startServer(int port)
{
    m_server = std::make_unique<QProcess>();
    m_port = test::startServer(*m_server, m_dir->filePath(u"server.db"_s), port);
    return m_port > 0;
}

TestSyncEngine::Device &TestSyncEngine::device(const QString &name, bool holdOnMetered, int retryMs,
                                               SyncEngine::TransportFactory transport)
{
    Device &d = m_devices.emplace_back();
    const QString path = m_dir->filePath(name + u".db"_s);
    d.store = std::move(*model::Store::open(path));
    const QUrl server(u"http://127.0.0.1:%1"_s.arg(m_port));
    d.token = client::account::logIn(server, u"anna"_s, u"correct horse"_s, name).value_or(QString());
    SyncEngine::Options options;
    options.storePath = path;
    options.server = server;
    options.token = d.token;
    options.debounceMs = 100;
    options.firstRetryMs = retryMs;
    options.maxRetryMs = retryMs * 4;
    options.holdOnMetered = holdOnMetered;
    d.engine = new SyncEngine(options, std::move(transport));
    d.thread = new QThread;
    d.engine->moveToThread(d.thread);
    connect(d.thread, &QThread::started, d.engine, &SyncEngine::start);
    connect(d.engine, &SyncEngine::stateChanged, d.receiver.get(),
            [&d](SyncEngine::State state, const QString &reason, const QDateTime &next) {
                d.states.append(state);
                d.reason = reason;
                d.nextRetry = next;
            },
            Qt::QueuedConnection);
    connect(d.engine, &SyncEngine::remoteChanged, d.receiver.get(), [&d](const QStringList &ids) { d.remote += ids; }, Qt::QueuedConnection);
    connect(d.engine, &SyncEngine::metricsChanged, d.receiver.get(), [&d](const client::SyncMetrics &m) { d.metrics = m; },
            Qt::QueuedConnection);
    d.thread->start();
    return d;
}

void TestSyncEngine::anEditReachesTheOtherDeviceByItself()
{
    Device &laptop = device(u"laptop"_s);
    Device &phone = device(u"phone"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!phone.states.isEmpty() && phone.states.last() == SyncEngine::State::Idle, 10000);

    // The laptop saves; nobody presses anything: its engine pushes, the server tells the phone's
    // engine over the live connection, and the phone pulls.
    const auto note = laptop.store->create(model::Kind::Note, {{u"title"_s, u"From the laptop"_s}});
    QVERIFY(note);
    changed(laptop);
    QTRY_VERIFY_WITH_TIMEOUT(phone.remote.contains(note->id), 10000);
    QCOMPARE(phone.store->entity(note->id)->fields.value(u"title"_s).toString(), u"From the laptop"_s);
    QTRY_COMPARE_WITH_TIMEOUT(laptop.store->pendingCount(), 0, 5000);
}

void TestSyncEngine::aServerOutageIsRetriedUntilItEnds()
{
    Device &laptop = device(u"laptop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    m_server->kill();
    m_server->waitForFinished();

    QVERIFY(laptop.store->create(model::Kind::Task, {{u"title"_s, u"Written offline"_s}}));
    changed(laptop);
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.last() == SyncEngine::State::Offline, 10000);
    QVERIFY(laptop.nextRetry.isValid());
    QVERIFY(!laptop.reason.isEmpty());
    QCOMPARE(laptop.store->pendingCount(), 1);
    const qsizetype offlineStates = laptop.states.count(SyncEngine::State::Offline);
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.count(SyncEngine::State::Offline) > offlineStates, 5000); // it keeps trying

    QVERIFY(startServer(m_port)); // back, on the same address
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.last() == SyncEngine::State::Idle, 10000);
    QCOMPARE(laptop.store->pendingCount(), 0);
}

void TestSyncEngine::theWayBackAfterAnOutageTakesSecondsNotTheBackoff()
{
    // Retries minutes apart, as after a long outage: the server's return is noticed by the
    // cheap probe, within a few seconds.
    Device &laptop = device(u"laptop"_s, false, 10 * 60 * 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    m_server->kill();
    m_server->waitForFinished();
    QVERIFY(laptop.store->create(model::Kind::Task, {{u"title"_s, u"Written in the outage"_s}}));
    changed(laptop);
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.last() == SyncEngine::State::Offline, 10000);
    QTest::qWait(3000); // a few probes find nobody
    QCOMPARE(laptop.store->pendingCount(), 1);
    QCOMPARE(laptop.states.last(), SyncEngine::State::Offline);

    QVERIFY(startServer(m_port));
    QElapsedTimer back;
    back.start();
    QTRY_VERIFY_WITH_TIMEOUT(laptop.store->pendingCount() == 0 && laptop.states.last() == SyncEngine::State::Idle, 8000);
    QVERIFY2(back.elapsed() < 6500, qPrintable(QString::number(back.elapsed())));
    qInfo("synced %lld ms after the server came back", qint64(back.elapsed()));
}

namespace {
// A server that speaks only a newer protocol, as HttpTransport reports it; counts what it is asked.
class NewerServer final : public client::Transport
{
public:
    explicit NewerServer(std::shared_ptr<std::atomic_int> asked)
        : m_asked(std::move(asked))
    {
    }
    std::expected<client::PushAnswer, client::TransportError> push(const QList<sync::Operation> &) override { return refuse(); }
    std::expected<client::PullAnswer, client::TransportError> pull(qint64, int, const std::optional<client::SnapshotContinuation> &) override
    {
        return refuse();
    }
    std::expected<void, client::TransportError> probe() override { return {}; }

private:
    std::unexpected<client::TransportError> refuse()
    {
        ++*m_asked;
        return std::unexpected(client::TransportError{client::TransportError::Kind::Incompatible,
                                                      u"The server speaks sync protocol 2 and this app speaks 1: update the app."_s, 0});
    }
    std::shared_ptr<std::atomic_int> m_asked;
};
} // namespace

void TestSyncEngine::anIncompatibleServerIsNotAskedAgainUntilThePersonDoes()
{
    auto asked = std::make_shared<std::atomic_int>(0);
    Device &laptop = device(u"laptop"_s, false, 200, [asked](const SyncEngine::Options &) {
        return std::make_unique<NewerServer>(asked);
    });
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Error, 10000);
    QVERIFY2(laptop.reason.contains(u"update the app"_s), qPrintable(laptop.reason));
    QVERIFY(!laptop.nextRetry.isValid());
    const int first = *asked;
    QCOMPARE(first, 1);
    // Edits, the period and the probe ask nothing more; the sentence stays.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(laptop.store->create(model::Kind::Note, {{u"title"_s, u"Kept %1"_s.arg(i)}}));
        changed(laptop);
        QTest::qWait(250);
    }
    QTest::qWait(1500);
    QCOMPARE(int(*asked), first);
    QCOMPARE(laptop.states.last(), SyncEngine::State::Error);
    QVERIFY2(laptop.reason.contains(u"update the app"_s), qPrintable(laptop.reason));
    QCOMPARE(laptop.store->pendingCount(), 5);
    // "Sync now" is the person asking: one more try.
    QMetaObject::invokeMethod(laptop.engine, &SyncEngine::syncNow, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(int(*asked), first + 1, 5000);
    QTest::qWait(1000);
    QCOMPARE(int(*asked), first + 1);
}

void TestSyncEngine::workingOfflineSendsNothingUntilResumed()
{
    Device &laptop = device(u"laptop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    QMetaObject::invokeMethod(laptop.engine, [&laptop] { laptop.engine->setPaused(true); }, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.last() == SyncEngine::State::Paused, 5000);
    QVERIFY(laptop.store->create(model::Kind::Note, {{u"title"_s, u"Private for now"_s}}));
    changed(laptop);
    QTest::qWait(600);
    QCOMPARE(laptop.store->pendingCount(), 1);
    QCOMPARE(laptop.states.last(), SyncEngine::State::Paused);
    QMetaObject::invokeMethod(laptop.engine, [&laptop] { laptop.engine->setPaused(false); }, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(laptop.store->pendingCount(), 0, 10000);
}

void TestSyncEngine::aRevokedTokenStopsItWithAReason()
{
    Device &laptop = device(u"laptop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    QVERIFY(client::account::logOut(QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)), laptop.token));
    QVERIFY(laptop.store->create(model::Kind::Note, {{u"title"_s, u"Kept"_s}}));
    changed(laptop);
    QTRY_VERIFY_WITH_TIMEOUT(laptop.states.last() == SyncEngine::State::SignedOut, 10000);
    QVERIFY(laptop.reason.contains(u"sign in again"_s));
    QVERIFY(!laptop.nextRetry.isValid()); // no retrying a dead token
    QCOMPARE(laptop.store->pendingCount(), 1);

    // Signing in again picks up where it stopped.
    const auto signedIn = client::account::logIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_port)), u"anna"_s, u"correct horse"_s, u"laptop"_s);
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message));
    const QString fresh = *signedIn;
    QMetaObject::invokeMethod(laptop.engine, [&laptop, fresh] { laptop.engine->setToken(fresh); }, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(laptop.store->pendingCount(), 0, 10000);
}

void TestSyncEngine::noNetworkTriesNothingAndAMeteredOneCanHold()
{
    Device &laptop = device(u"laptop"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop.states.isEmpty() && laptop.states.last() == SyncEngine::State::Idle, 10000);
    QTRY_COMPARE(laptop.metrics.syncs, 1);
    const auto network = [&laptop](bool reachable, bool metered) {
        QMetaObject::invokeMethod(laptop.engine, [&laptop, reachable, metered] { laptop.engine->setNetwork(reachable, metered); },
                                  Qt::QueuedConnection);
    };

    // The system says the network is gone: nothing is tried, nothing fails, nothing is retried.
    network(false, false);
    QTRY_COMPARE(laptop.states.last(), SyncEngine::State::Offline);
    QCOMPARE(laptop.reason, u"no network"_s);
    QVERIFY(laptop.store->create(model::Kind::Note, {{u"title"_s, u"On the train"_s}}));
    changed(laptop);
    QTest::qWait(600);
    QCOMPARE(laptop.store->pendingCount(), 1);
    QCOMPARE(laptop.metrics.failures, 0);
    QCOMPARE(laptop.metrics.retries, 0);

    // It returns, but metered, and this device holds sync on metered connections.
    network(true, true);
    QTRY_COMPARE(laptop.states.last(), SyncEngine::State::Paused);
    QCOMPARE(laptop.reason, u"held on a metered connection"_s);
    QTest::qWait(400);
    QCOMPARE(laptop.store->pendingCount(), 1);

    // Unmetered again: it syncs at once, and the metrics count it.
    network(true, false);
    QTRY_COMPARE_WITH_TIMEOUT(laptop.store->pendingCount(), 0, 10000);
    QTRY_VERIFY(laptop.metrics.syncs >= 2); // its own push, announced live, may add one more
    QTRY_COMPARE(laptop.metrics.pushed, 1);
    QCOMPARE(laptop.metrics.durationsMs.size(), laptop.metrics.syncs);
    QCOMPARE(laptop.metrics.failures, 0);
    QVERIFY(laptop.metrics.durationPercentile(50) >= 0);
    QCOMPARE(laptop.metrics.toJson().value(u"syncs"_s).toInt(), laptop.metrics.syncs);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
