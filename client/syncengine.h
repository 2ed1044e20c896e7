#pragma once

#include "synccycle.h"
#include "syncmetrics.h"
#include "transport.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace tidemark::model {
class Store;
}

namespace tidemark::client {

/// Keeps one device in sync with its server, on a thread of its own: create it, move it to a
/// QThread, then talk to it only through queued calls and its signals (the UI never blocks on
/// it). It opens its own Store (its own database connection) on the device's store file.
///
/// It syncs when asked (syncNow), a moment after local changes (localChanged, debounced), when
/// the server announces a new revision over the live WebSocket, and periodically. Failures are
/// retried with exponential backoff and full jitter (capped, reset on success, at least the
/// server's Retry-After); a revoked token or an incompatible server stop it with the reason
/// instead of retrying for ever. Nothing is ever dropped: unsent work stays in the outbox.
///
/// A request is awaited in a nested event loop, so calls can arrive while a sync is under way:
/// a sync asked for meanwhile runs right after it, a new token and stop() take effect once it
/// has.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut, ///< no token, or the server refused it: sign in again
        Offline,   ///< the server cannot be reached; retrying
        Idle,      ///< in step with the server (as of the last sync)
        Syncing,
        Paused,    ///< "work offline": nothing is sent or fetched
        Error,     ///< the last sync failed for another reason; retrying, or stopped (incompatible)
    };
    Q_ENUM(State)

    struct Options
    {
        QString storePath;
        QUrl server;
        QString token;
        int debounceMs = 1000;
        int periodMs = 5 * 60 * 1000;
        int firstRetryMs = 1000;
        int maxRetryMs = 5 * 60 * 1000;
        /// While the server cannot be reached, it is asked cheaply whether it is back (GET
        /// /healthz) first after probeMs, then at growing intervals up to maxProbeMs; when it
        /// answers, the sync runs at once instead of waiting out the backoff.
        int probeMs = 1000;
        int maxProbeMs = 5000;
        bool live = true; ///< listen on /v1/live for other devices' changes
        bool holdOnMetered = false; ///< send and fetch nothing on a metered connection
    };
    /// Makes the transport (on the engine's thread); by default HTTP to options.server.
    using TransportFactory = std::function<std::unique_ptr<Transport>(const Options &)>;

    explicit SyncEngine(Options options, TransportFactory transport = {});
    ~SyncEngine() override;

    [[nodiscard]] static QString stateName(State state);

public Q_SLOTS:
    /// Opens the store and syncs for the first time; call once the engine is on its thread.
    void start();
    void syncNow();
    /// Something changed locally: sync after a short quiet moment.
    void localChanged();
    /// "Work offline" on or off.
    void setPaused(bool paused);
    /// What the system says of the network (QNetworkInformation, read by the app): with no
    /// network nothing is tried (and nothing counts as a failure); when it returns, a sync runs
    /// at once. A metered one holds sync when the options say so.
    void setNetwork(bool reachable, bool metered);
    /// A new token (after signing in again), or an empty one (signed out).
    void setToken(const QString &token);
    /// Closes the store and the live connection; call before the thread ends.
    void stop();

Q_SIGNALS:
    /// The state moved; `reason` says why for a person, `nextRetry` is when it tries again (if it will).
    void stateChanged(tidemark::client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry);
    /// Progress of the sync under way: operations pushed, then changes pulled.
    void progress(int done, int total);
    /// A sync finished: what it did, and how many operations wait (none, when all went well).
    void synced(int pushed, int pulled, int conflicts, int pending); ///< pulled: from other devices
    /// Entities changed by what was pulled, for the UI's store and models to reload.
    void remoteChanged(const QStringList &ids);
    /// After every cycle, completed or failed.
    void metricsChanged(const tidemark::client::SyncMetrics &metrics);

private:
    void runCycle();
    void scheduleRetry(const TransportError &error);
    void setState(State state, const QString &reason = {}, const QDateTime &nextRetry = {});
    void connectLive();
    /// Asks the server whether it is back, after the current probe interval (see Options).
    void startProbing();
    void probe();
    void close();

    Options m_options;
    TransportFactory m_makeTransport;
    std::unique_ptr<model::Store> m_store;
    std::unique_ptr<Transport> m_transport;
    QTimer *m_debounce = nullptr;
    QTimer *m_period = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_probe = nullptr;
    int m_probeMs = 0;       ///< the next probe's interval
    int m_probeCap = 0;      ///< its ceiling: doubled each time a sync a probe let through fails
    bool m_probeTriggered = false; ///< the cycle under way was started by a probe's answer
    bool m_probing = false;  ///< a probe's request is awaited (in a nested event loop)
    /// The server and this app speak no common protocol version: nothing is tried again until
    /// the person asks (Sync now) or signs in anew; the sentence says which side to update.
    std::optional<QString> m_incompatible;
    QPointer<QWebSocket> m_live;
    State m_state = State::SignedOut;
    int m_failures = 0;
    bool m_paused = false;
    bool m_unreachable = false;
    bool m_metered = false;
    SyncMetrics m_metrics;
    bool m_stopped = false;
    bool m_again = false;
    std::optional<QString> m_tokenAfterCycle; ///< a new token given during a sync

    QStringList m_changedIds;
    QRandomGenerator m_random;
};

} // namespace tidemark::client
