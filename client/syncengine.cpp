#include "syncengine.h"
#include "logging.h"

#include "httptransport.h"
#include "model/store.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace tidemark::client {

SyncEngine::SyncEngine(Options options, TransportFactory transport)
    : m_options(std::move(options))
    , m_makeTransport(std::move(transport))
    , m_random(QRandomGenerator::securelySeeded())
{
    if (!m_makeTransport) {
        m_makeTransport = [](const Options &o) -> std::unique_ptr<Transport> {
            return std::make_unique<HttpTransport>(o.server, o.token);
        };
    }
}

SyncEngine::~SyncEngine() = default;

QString SyncEngine::stateName(State state)
{
    switch (state) {
    case State::SignedOut:
        return u"signed-out"_s;
    case State::Offline:
        return u"offline"_s;
    case State::Idle:
        return u"idle"_s;
    case State::Syncing:
        return u"syncing"_s;
    case State::Paused:
        return u"paused"_s;
    case State::Error:
        return u"error"_s;
    }
    return {};
}

void SyncEngine::start()
{
    auto store = model::Store::open(m_options.storePath);
    if (!store) {
        setState(State::Error, u"cannot open the local store: %1"_s.arg(store.error().message));
        return;
    }
    m_store = std::move(*store);
    connect(m_store.get(), &model::Store::entityChanged, this,
            [this](model::Kind, const QString &id) { m_changedIds.append(id); });
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(m_options.debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SyncEngine::runCycle);
    m_period = new QTimer(this);
    m_period->setInterval(m_options.periodMs);
    connect(m_period, &QTimer::timeout, this, &SyncEngine::runCycle);
    m_period->start();
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SyncEngine::runCycle);
    m_probe = new QTimer(this);
    m_probe->setSingleShot(true);
    connect(m_probe, &QTimer::timeout, this, &SyncEngine::probe);
    if (m_options.token.isEmpty()) {
        setState(State::SignedOut, u"not signed in"_s);
        return;
    }
    m_transport = m_makeTransport(m_options);
    connectLive();
    runCycle();
}

void SyncEngine::syncNow()
{
    if (m_stopped)
        return;
    m_failures = 0; // a person asked: try now, and back off from the start again
    m_incompatible.reset();
    runCycle();
}

void SyncEngine::localChanged()
{
    if (m_debounce && !m_paused && !m_stopped)
        m_debounce->start();
}

void SyncEngine::setPaused(bool paused)
{
    m_paused = paused;
    if (m_state == State::Syncing)
        return; // the cycle under way finishes (its request is awaited); then the pause shows
    if (paused) {
        if (m_retry)
            m_retry->stop();
        setState(State::Paused, u"working offline"_s);
    } else {
        runCycle();
    }
}

void SyncEngine::setNetwork(bool reachable, bool metered)
{
    const bool wasHeld = m_unreachable || (m_metered && m_options.holdOnMetered);
    m_unreachable = !reachable;
    m_metered = metered;
    const bool held = m_unreachable || (m_metered && m_options.holdOnMetered);
    if (held) {
        if (m_retry)
            m_retry->stop();
        if (m_state != State::Syncing && m_state != State::SignedOut)
            runCycle(); // says why it does nothing
    } else if (wasHeld) {
        m_failures = 0;
        runCycle();
    }
}

void SyncEngine::setToken(const QString &token)
{
    if (m_state == State::Syncing) {
        // The transport is in use (its reply is awaited in a nested event loop): after the cycle.
        m_tokenAfterCycle = token;
        return;
    }
    m_options.token = token;
    m_transport.reset();
    if (m_live) {
        m_live->deleteLater();
        m_live = nullptr; // a new connection, with the new token
    }
    if (token.isEmpty()) {
        setState(State::SignedOut, u"signed out"_s);
        return;
    }
    m_transport = m_makeTransport(m_options);
    m_failures = 0;
    m_incompatible.reset();
    connectLive();
    runCycle();
}

void SyncEngine::stop()
{
    m_stopped = true;
    if (m_state == State::Syncing)
        return; // the cycle under way finishes its step, then closes everything (runCycle)
    close();
}

void SyncEngine::close()
{
    for (QTimer *timer : {m_debounce, m_period, m_retry, m_probe}) {
        if (timer)
            timer->stop();
    }
    if (m_live) {
        m_live->abort();
        delete m_live;
    }
    m_transport.reset();
    m_store.reset();
}

void SyncEngine::setState(State state, const QString &reason, const QDateTime &nextRetry)
{
    m_state = state;
    Q_EMIT stateChanged(state, reason, nextRetry);
}

void SyncEngine::runCycle()
{
    if (m_stopped || !m_store)
        return;
    if (m_state == State::Syncing || m_probing) {
        m_again = true; // asked for during a sync (or a probe): one more right after it
        return;
    }
    if (m_incompatible) {
        setState(State::Error, *m_incompatible); // retrying cannot help; Sync now tries again
        return;
    }
    if (m_paused) {
        setState(State::Paused, u"working offline"_s);
        return;
    }
    if (m_unreachable) {
        setState(State::Offline, u"no network"_s);
        return;
    }
    if (m_metered && m_options.holdOnMetered) {
        setState(State::Paused, u"held on a metered connection"_s);
        return;
    }
    if (!m_transport) {
        setState(State::SignedOut, u"not signed in"_s);
        return;
    }
    if (m_debounce)
        m_debounce->stop();
    if (m_probe)
        m_probe->stop();
    setState(State::Syncing);
    SyncCycle cycle(*m_store, *m_transport);
    cycle.onProgress([this](const SyncCycle::Progress &p) { Q_EMIT progress(p.done, p.total); });
    m_changedIds.clear();
    QElapsedTimer clock;
    clock.start();
    const auto report = cycle.run();
    const qint64 elapsedMs = clock.elapsed();
    if (m_stopped) {
        close();
        return;
    }
    // What was pulled is in the store whatever comes next: tell the window first.
    if (!m_changedIds.isEmpty()) {
        m_changedIds.removeDuplicates();
        Q_EMIT remoteChanged(std::exchange(m_changedIds, {}));
    }
    if (m_tokenAfterCycle) {
        setState(State::Idle);
        setToken(*std::exchange(m_tokenAfterCycle, std::nullopt));
        return;
    }
    if (!report) {
        m_again = false; // the retry covers it
        ++m_metrics.failures;
        m_metrics.lastError = report.error().message;
        scheduleRetry(report.error());
        m_metrics.countConflicts(*m_store);
        Q_EMIT metricsChanged(m_metrics);
        return;
    }
    m_failures = 0;
    m_probeTriggered = false;
    m_probeCap = m_options.maxProbeMs;
    ++m_metrics.syncs;
    m_metrics.pushed += report->pushed;
    m_metrics.pulled += report->pulled;
    m_metrics.addDuration(elapsedMs);
    m_metrics.lastSuccess = QDateTime::currentDateTimeUtc();
    m_metrics.lastError.clear();
    m_metrics.countConflicts(*m_store);
    Q_EMIT metricsChanged(m_metrics);
    if (m_options.live && !m_live)
        connectLive();
    // The window says "changes from your other devices": this device's own, echoed back, are not.
    Q_EMIT synced(report->pushed, report->fromOthers, report->conflicts, m_store->pendingCount());
    if (m_paused) { // "work offline" was asked for during the cycle
        m_again = false;
        setState(State::Paused, u"working offline"_s);
        return;
    }
    setState(State::Idle);
    if (std::exchange(m_again, false))
        QTimer::singleShot(0, this, &SyncEngine::runCycle);
}

void SyncEngine::scheduleRetry(const TransportError &error)
{
    using Kind = TransportError::Kind;
    if (error.kind == Kind::SignInAgain) {
        m_transport.reset(); // nothing more goes out until the person signs in again
        setState(State::SignedOut, u"sign in again: %1"_s.arg(error.message));
        return;
    }
    if (error.kind == Kind::Incompatible) {
        m_incompatible = error.message; // retrying cannot help: the app (or server) needs an update
        setState(State::Error, error.message);
        return;
    }
    // Exponential backoff with full jitter: a random wait up to min(cap, first * 2^failures).
    const qint64 ceiling = std::min<qint64>(m_options.maxRetryMs, qint64(m_options.firstRetryMs) << std::min(m_failures, 20));
    ++m_failures;
    qint64 wait = qint64(m_random.bounded(quint64(ceiling) + 1));
    wait = std::max<qint64>(wait, qint64(error.retryAfterSeconds) * 1000);
    m_retry->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    ++m_metrics.retries;
    const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(wait);
    qCInfo(lcClient) << "sync failed:" << error.message << "; next try in" << wait << "ms";
    setState(error.kind == Kind::Offline ? State::Offline : State::Error, error.message, next);
    if (error.kind == Kind::Offline) {
        // A server that answers its probe but not the sync (a push that times out, say) is not
        // asked again at once each time: the probes' ceiling doubles, up to the backoff's.
        m_probeCap = std::exchange(m_probeTriggered, false) ? std::min(m_options.maxRetryMs, std::max(m_probeCap, m_options.maxProbeMs) * 2)
                                                            : std::max(m_probeCap, m_options.maxProbeMs);
        m_probeMs = std::min(m_options.probeMs, m_probeCap);
        startProbing();
    }
}

void SyncEngine::startProbing()
{
    if (m_probe && m_probeMs > 0 && !m_stopped && !m_paused && !m_incompatible && m_transport)
        m_probe->start(m_probeMs);
}

void SyncEngine::probe()
{
    if (m_stopped || m_paused || m_unreachable || !m_transport || m_state == State::Syncing || m_probing)
        return; // a sync (or the pause, or the network's absence) says where things stand
    m_probing = true;
    const auto answered = m_transport->probe();
    m_probing = false;
    if (m_stopped) {
        close();
        return;
    }
    if (answered || std::exchange(m_again, false)) {
        qCInfo(lcClient) << "the server answers again: syncing now";
        m_retry->stop();
        m_failures = 0;
        m_probeTriggered = true;
        runCycle();
        return;
    }
    m_probeMs = std::min(m_probeCap, m_probeMs + m_probeMs / 2);
    startProbing();
}

void SyncEngine::connectLive()
{
    if (!m_options.live || m_options.token.isEmpty() || !m_options.server.isValid() || m_live)
        return;
    QUrl url = m_options.server;
    url.setScheme(url.scheme() == QLatin1String("https") ? u"wss"_s : u"ws"_s);
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + u"/v1/live"_s);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8()); // a header: URLs end up in logs
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_live = socket;
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const qint64 rev = QJsonDocument::fromJson(message.toUtf8()).object().value(u"rev"_s).toInteger(-1);
        // The server moved past what this device has: fetch it now. Notices that arrive during
        // that sync make one more sync after it, not one each.
        if (m_store && rev > m_store->syncCursor() && !m_paused && !m_stopped)
            QTimer::singleShot(0, this, &SyncEngine::runCycle);
    });
    auto connectedAt = std::make_shared<QElapsedTimer>();
    connect(socket, &QWebSocket::connected, this, [this, connectedAt] {
        connectedAt->start();
        // Connected while the last sync failed: the server is back, so sync now.
        if (m_state == State::Offline || (m_state == State::Error && !m_incompatible)) {
            m_failures = 0;
            runCycle();
        }
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket, connectedAt] {
        socket->deleteLater(); // reconnected after the next successful sync
        // The server went away (or restarts): ask cheaply until it is back, and sync then. (Not
        // for a connection something drops at once each time, which would make a sync loop.)
        if (!m_stopped && m_state != State::Syncing && connectedAt->isValid() && connectedAt->elapsed() > 30000) {
            m_probeCap = std::max(m_probeCap, m_options.maxProbeMs);
            m_probeMs = m_options.probeMs;
            startProbing();
        }
    });
    socket->open(request);
}

} // namespace tidemark::client
