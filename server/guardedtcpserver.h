#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <expected>
#include <functional>
#include <optional>

namespace tidemark::server {

/// The TLS configuration for serving with a PEM certificate (chain) and its private key.
std::expected<QSslConfiguration, QString> loadTls(const QString &certificateFile, const QString &keyFile);

/// A QTcpServer that refuses oversized requests before Qt HttpServer buffers them (it has no
/// limit of its own: a 512 MB POST is read whole). Each connection's incoming bytes are looked at
/// first: a request whose Content-Length exceeds the limit, whose headers run past 64 KB, or whose
/// unread bytes pile up past the limit gets a 413/431 problem answer and the connection is closed.
/// With a TLS configuration, connections are TLS (the look is at the decrypted bytes), and a
/// connection joins the HTTP server only once its handshake is done.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(qsizetype maxBodyBytes, std::optional<QSslConfiguration> tls = std::nullopt,
                     QObject *parent = nullptr);

    /// Looks at a WebSocket upgrade request (its target, such as "/v1/live", and its header
    /// block) before Qt HttpServer takes it: a reason to refuse it is answered 401 with that
    /// reason, and the connection closed (Qt HttpServer's own denial leaves it open).
    using UpgradeCheck = std::function<std::optional<QString>(const QByteArray &target, const QByteArray &headers)>;
    void setUpgradeCheck(UpgradeCheck check) { m_upgradeCheck = std::move(check); }

    /// The value of header `name` in a block of request headers, or a null array.
    static QByteArray headerValue(const QByteArray &headers, const char *name);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void guard(QTcpSocket *socket);

    qsizetype m_maxBody;
    std::optional<QSslConfiguration> m_tls;
    UpgradeCheck m_upgradeCheck;
};

} // namespace tidemark::server
