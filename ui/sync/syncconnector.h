#pragma once

#include "client/syncengine.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Runs the sync engine for the window's store on a thread of its own, while the store's account
/// (STORE.account, see client/accountfile.h) has a token, and connects the two sides with queued
/// signals only: local changes and "Sync now" / "Work offline" go to the engine; its state,
/// progress and the ids it changed come back, and the window's store announces those changes so
/// that lists and open editors follow. It also passes on what QNetworkInformation says of the
/// network (where the system has a backend for it; without one, the network counts as there).
class SyncConnector final : public QObject
{
    Q_OBJECT

public:
    explicit SyncConnector(model::Store *store, QObject *parent = nullptr);
    ~SyncConnector() override;

    /// Reads the account again and starts, restarts or stops the engine to match it.
    void reload();
    [[nodiscard]] bool isRunning() const { return m_engine != nullptr; }
    [[nodiscard]] QUrl server() const { return m_server; }
    /// Engine options for tests (shorter delays); applied at the next reload().
    void setOptions(const client::SyncEngine::Options &options) { m_template = options; }

public Q_SLOTS:
    void syncNow();
    void setWorkOffline(bool offline);

Q_SIGNALS:
    void stateChanged(tidemark::client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry);
    void progress(int done, int total);
    void synced(int pushed, int pulled, int conflicts, int pending);
    void metricsChanged(const tidemark::client::SyncMetrics &metrics);
    /// No account (or signed out): the window shows "Local only".
    void localOnly();

private:
    void stopEngine();
    void announce(const QStringList &ids);
    void watchNetwork();
    void tellNetwork();

    QPointer<model::Store> m_store;
    QThread m_thread;
    client::SyncEngine *m_engine = nullptr;
    client::SyncEngine::Options m_template;
    QUrl m_server;
    bool m_offline = false;
    bool m_announcing = false; ///< the store is telling of the engine's changes, not of new local ones
};

} // namespace tidemark::ui
