#pragma once

#include "sync/protocol.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <expected>
#include <QList>

#include <memory>
#include <optional>

class QHttpServer;
class QTcpServer;
class QWebSocket;

namespace tidemark::server {

class SyncService;
class LoginThrottle;
class RateLimiter;
class Metrics;

/// The HTTP face of tidemark-server (see docs/protocol.md). It owns the QHttpServer and its
/// listening socket and maps routes to the SyncService; everything a route decides lives there,
/// so that tests and the simulation can drive the same logic in-process.
class HttpService final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool registrationOpen = true;
        qsizetype maxBodyBytes = 32 * 1024 * 1024;
        qsizetype maxTextBytes = sync::kMaxTextBytes; ///< the most a text field may hold, in UTF-8
        int requestsPerMinute = 1200; ///< per account; 0: no limit
        std::optional<QSslConfiguration> tls; ///< serve HTTPS (and wss://) with this certificate
    };

    HttpService(SyncService *sync, Options options, QObject *parent = nullptr);
    ~HttpService() override;

    /// Starts listening. Port 0 picks a free port; the bound port is returned.
    std::expected<quint16, QString> listen(const QHostAddress &address, quint16 port);

    [[nodiscard]] quint16 port() const;

    /// Devices listening on /v1/live right now.
    [[nodiscard]] int liveConnections() const { return int(m_live.size()); }

private:
    void addRoutes();
    void acceptLiveConnections();
    void announce(const QString &account, qint64 rev);

    SyncService *m_sync;
    Options m_options;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<Metrics> m_metrics;
    QTcpServer *m_tcp = nullptr;
    struct Listener
    {
        QString account;
        QWebSocket *socket;
    };
    QList<Listener> m_live;
};

} // namespace tidemark::server
