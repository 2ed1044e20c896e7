#include "ui/sync/syncconnector.h"

#include "client/accountfile.h"
#include "client/httptransport.h"
#include "model/store.h"

#include <QJsonObject>
#include <QScopedValueRollback>
#include <QNetworkInformation>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

SyncConnector::SyncConnector(model::Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_thread.setObjectName(u"sync"_s);
    qRegisterMetaType<client::SyncEngine::State>();
    qRegisterMetaType<client::SyncMetrics>();
    watchNetwork();
}

void SyncConnector::watchNetwork()
{
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend())
        return; // no backend (no session bus, say): reachability unknown, which is not offline
    auto *network = QNetworkInformation::instance();
    connect(network, &QNetworkInformation::reachabilityChanged, this, &SyncConnector::tellNetwork);
    connect(network, &QNetworkInformation::isMeteredChanged, this, &SyncConnector::tellNetwork);
}

void SyncConnector::tellNetwork()
{
    auto *network = QNetworkInformation::instance();
    if (!m_engine || !network)
        return;
    const bool reachable = network->reachability() != QNetworkInformation::Reachability::Disconnected;
    const bool metered = network->isMetered();
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, reachable, metered] { engine->setNetwork(reachable, metered); },
                              Qt::QueuedConnection);
}

SyncConnector::~SyncConnector() { stopEngine(); }

void SyncConnector::reload()
{
    stopEngine();
    if (!m_store)
        return;
    const QJsonObject account = client::AccountFile::read(m_store->path());
    const QString token = account.value(u"token"_s).toString();
    m_server = QUrl(account.value(u"server"_s).toString());
    if (token.isEmpty() || !client::account::isServerAddress(m_server)) {
        Q_EMIT localOnly();
        return;
    }
    client::SyncEngine::Options options = m_template;
    options.storePath = m_store->path();
    options.server = m_server;
    options.token = token;
    options.holdOnMetered = QSettings().value(u"sync/holdOnMetered"_s, false).toBool();
    m_engine = new client::SyncEngine(options);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Engine → window.
    connect(m_engine, &client::SyncEngine::stateChanged, this, &SyncConnector::stateChanged, Qt::QueuedConnection);
    connect(m_engine, &client::SyncEngine::progress, this, &SyncConnector::progress, Qt::QueuedConnection);
    connect(m_engine, &client::SyncEngine::metricsChanged, this, &SyncConnector::metricsChanged, Qt::QueuedConnection);
    connect(m_engine, &client::SyncEngine::synced, this, [this](int pushed, int pulled, int conflicts, int pending) {
        announce({}); // the outbox shrank
        Q_EMIT synced(pushed, pulled, conflicts, pending);
    }, Qt::QueuedConnection);
    connect(m_engine, &client::SyncEngine::remoteChanged, this, &SyncConnector::announce, Qt::QueuedConnection);
    // Window → engine: the outbox changed here. Not when the engine's own work is being announced,
    // or every sync would ask for the next one.
    connect(m_store, &model::Store::outboxChanged, this, [this] {
        if (!m_announcing && m_engine)
            QMetaObject::invokeMethod(m_engine, &client::SyncEngine::localChanged, Qt::QueuedConnection);
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &client::SyncEngine::start, Qt::QueuedConnection);
    if (m_offline)
        QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->setPaused(true); }, Qt::QueuedConnection);
    tellNetwork();
}

void SyncConnector::announce(const QStringList &ids)
{
    if (!m_store)
        return;
    const QScopedValueRollback guard(m_announcing, true);
    m_store->announceChanges(ids);
}

void SyncConnector::stopEngine()
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(m_engine, &client::SyncEngine::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_engine = nullptr; // deleted by the thread's finished signal
}

void SyncConnector::syncNow()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &client::SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncConnector::setWorkOffline(bool offline)
{
    m_offline = offline;
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, [engine = m_engine, offline] { engine->setPaused(offline); },
                                  Qt::QueuedConnection);
}

} // namespace tidemark::ui
