#pragma once

#include "transport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <memory>

namespace tidemark::client {

/// The sync protocol over HTTP(S) (docs/protocol.md). Push bodies travel zstd-compressed; every
/// request carries the protocol version and a timeout. Lives on, and blocks, the thread it is
/// used on.
class HttpTransport final : public Transport
{
public:
    HttpTransport(QUrl server, QString token, int timeoutMs = 30000);
    ~HttpTransport() override;

    std::expected<PushAnswer, TransportError> push(const QList<sync::Operation> &ops) override;
    /// The request leaves at once (Qt sends it from its own network thread) and the answer is
    /// read in awaitPush.
    void sendPush(const QList<sync::Operation> &ops) override;
    std::expected<PushAnswer, TransportError> awaitPush() override;
    std::expected<PullAnswer, TransportError> pull(qint64 since, int limit,
                                                   const std::optional<SnapshotContinuation> &continuation) override;
    std::expected<QJsonObject, TransportError> policies(const std::optional<QJsonObject> &replace) override;
    /// GET /healthz with a short timeout.
    std::expected<void, TransportError> probe() override;

    struct Reply
    {
        int status = 0;
        QJsonObject json;
        QByteArray retryAfter;
    };
    /// One request; a reply without an HTTP status (no connection, a timeout) is an error.
    std::expected<Reply, TransportError> request(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    /// The error an unsuccessful reply stands for (its problem details' `detail` as message).
    static TransportError errorOf(const Reply &reply);

    /// Body bytes that crossed the wire so far (compressed as they came), both ways.
    [[nodiscard]] qint64 bytesReceived() const { return m_received; }
    [[nodiscard]] qint64 bytesSent() const { return m_sent; }

private:
    /// A request on its way; receive() waits for its answer and reads it.
    std::unique_ptr<QNetworkReply> send(const QByteArray &verb, const QString &path, const QJsonObject &body);
    std::expected<Reply, TransportError> receive(std::unique_ptr<QNetworkReply> reply);

    QUrl m_server;
    QString m_token;
    int m_timeoutMs;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QNetworkReply> m_push; ///< the push sent and not yet awaited
    qsizetype m_pushCount = 0;             ///< its operations
};

/// Account calls a person makes from Settings or tidemarkctl; each blocks until answered.
namespace account {
/// Whether a URL can be a sync server: http or https, with a host.
bool isServerAddress(const QUrl &url);
std::expected<void, TransportError> registerAccount(const QUrl &server, const QString &name, const QString &password);
/// A token for this device.
std::expected<QString, TransportError> logIn(const QUrl &server, const QString &name, const QString &password,
                                             const QString &device);
std::expected<void, TransportError> logOut(const QUrl &server, const QString &token);

/// A device signed in to the account (GET /v1/sessions).
struct Session
{
    QString id;
    QString device;      ///< the name it signed in with
    QDateTime signedIn;
    QDateTime lastPull;  ///< invalid: never pulled
    qint64 pulled = 0;   ///< changes it has pulled
    bool current = false; ///< the session of the token asking
};
/// The account's signed-in devices, oldest first.
std::expected<QList<Session>, TransportError> sessions(const QUrl &server, const QString &token);
/// Signs another device out (a lost laptop): its token stops working.
std::expected<void, TransportError> signOutSession(const QUrl &server, const QString &token, const QString &sessionId);
/// Changes the account's password, which signs every device out, this one included; then signs
/// this one in again with the new password and returns its new token.
std::expected<QString, TransportError> changePassword(const QUrl &server, const QString &token, const QString &user,
                                                      const QString &oldPassword, const QString &newPassword,
                                                      const QString &device);
} // namespace account

} // namespace tidemark::client
