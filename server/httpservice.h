#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <expected>
#include <memory>

class QHttpServer;
class QTcpServer;

namespace tidemark::server {

/// The HTTP face of tidemark-server. It owns the QHttpServer and its listening socket and
/// registers the routes; everything a route decides lives in libraries without HTTP in them, so
/// that tests can drive the same logic in-process.
class HttpService final : public QObject
{
    Q_OBJECT

public:
    explicit HttpService(QObject *parent = nullptr);
    ~HttpService() override;

    /// Starts listening. Port 0 picks a free port; the bound port is returned.
    std::expected<quint16, QString> listen(const QHostAddress &address, quint16 port);

    [[nodiscard]] quint16 port() const;

private:
    void addRoutes();

    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_tcp = nullptr;
};

} // namespace tidemark::server
