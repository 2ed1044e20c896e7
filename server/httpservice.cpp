#include "httpservice.h"

#include <tidemark/version.h>

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>

namespace tidemark::server {

HttpService::HttpService(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<QHttpServer>())
{
    addRoutes();
}

HttpService::~HttpService() = default;

std::expected<quint16, QString> HttpService::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<QTcpServer>(this);
    if (!tcp->listen(address, port)) {
        return std::unexpected(QStringLiteral("cannot listen on %1 port %2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(tcp->errorString()));
    }
    if (!m_http->bind(tcp.get())) {
        return std::unexpected(QStringLiteral("cannot serve HTTP on %1 port %2")
                                   .arg(address.toString())
                                   .arg(port));
    }
    m_tcp = tcp.release();
    return m_tcp->serverPort();
}

quint16 HttpService::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void HttpService::addRoutes()
{
    m_http->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("version"), QLatin1StringView(kVersion)},
        });
    });
}

} // namespace tidemark::server
