#include "guardedtcpserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QJsonObject>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tidemark::server {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

void refuse(QTcpSocket *socket, int status, const char *reason, const QString &detail)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"type"_s, u"about:blank"_s},
                                                      {u"title"_s, QString::fromLatin1(reason)},
                                                      {u"status"_s, status},
                                                      {u"detail"_s, detail}})
                                .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->flush();
    socket->disconnectFromHost();
}

bool startsWithMethod(const QByteArray &head)
{
    for (const char *method : {"POST ", "PUT ", "PATCH ", "GET ", "DELETE ", "HEAD ", "OPTIONS "}) {
        if (head.startsWith(method))
            return true;
    }
    return false;
}

} // namespace

QByteArray GuardedTcpServer::headerValue(const QByteArray &headers, const char *name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

std::expected<QSslConfiguration, QString> loadTls(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return std::unexpected(u"this system has no TLS library for Qt"_s);
    if (certificateFile.isEmpty() || keyFile.isEmpty())
        return std::unexpected(u"TLS needs both --tls-cert and --tls-key"_s);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return std::unexpected(u"no PEM certificate in %1"_s.arg(certificateFile));
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read %1: %2"_s.arg(keyFile, keyIn.errorString()));
    const QByteArray pem = keyIn.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return std::unexpected(u"no unencrypted RSA or EC private key in %1"_s.arg(keyFile));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

GuardedTcpServer::GuardedTcpServer(qsizetype maxBodyBytes, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
    , m_tls(std::move(tls))
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        guard(socket);
        addPendingConnection(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(*m_tls);
    QPointer<QSslSocket> pending(socket);
    connect(socket, &QSslSocket::encrypted, this, [this, pending] {
        if (!pending)
            return;
        guard(pending);
        addPendingConnection(pending); // tells Qt HttpServer (pendingConnectionAvailable)
    });
    // A client that does not finish its handshake (plain HTTP, a port scan, a stalled peer) is
    // dropped, and never reaches the HTTP server.
    const auto drop = [pending] {
        if (pending && !pending->isEncrypted()) {
            pending->abort();
            pending->deleteLater();
        }
    };
    connect(socket, &QSslSocket::errorOccurred, this, drop);
    connect(socket, &QSslSocket::sslErrors, this, drop);
    QTimer::singleShot(10000, this, drop);
    socket->startServerEncryption();
}

void GuardedTcpServer::guard(QTcpSocket *socket)
{
    // Answers go out at once rather than waiting on Nagle's algorithm for more to send.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before Qt HttpServer's own handler, so this look comes first.
    const qsizetype maxBody = m_maxBody;
    QPointer<QTcpSocket> guarded(socket);
    connect(socket, &QTcpSocket::readyRead, this, [this, guarded, maxBody] {
        if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 pending = guarded->bytesAvailable();
        if (pending > maxBody + kMaxHeaderBytes) {
            refuse(guarded, 413, "Payload Too Large",
                   u"The request is larger than %1 bytes."_s.arg(maxBody));
            return;
        }
        const QByteArray head = guarded->peek(kMaxHeaderBytes);
        if (!startsWithMethod(head))
            return; // the middle of a body
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (head.size() >= kMaxHeaderBytes)
                refuse(guarded, 431, "Request Header Fields Too Large",
                       u"The request headers are longer than %1 bytes."_s.arg(kMaxHeaderBytes));
            return;
        }
        const QByteArray headers = head.left(end);
        if (m_upgradeCheck && head.startsWith("GET ") && headerValue(headers, "upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
            const QByteArray requestLine = headers.left(headers.indexOf('\n')).trimmed();
            const QByteArray target = requestLine.mid(4, requestLine.lastIndexOf(' ') - 4);
            if (const auto reason = m_upgradeCheck(target, headers)) {
                refuse(guarded, 401, "Unauthorized", *reason);
                return;
            }
        }
        // A body of unknown length could only be limited after it is buffered: ask for a length.
        const QByteArray encoding = headerValue(headers, "transfer-encoding");
        if (!encoding.isNull() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
            refuse(guarded, 411, "Length Required", u"Send the body with a Content-Length."_s);
            return;
        }
        const QByteArray length = headerValue(headers, "content-length");
        bool ok = true;
        if (!length.isNull() && (length.toLongLong(&ok) > maxBody || !ok))
            refuse(guarded, 413, "Payload Too Large", u"The request body is larger than %1 bytes."_s.arg(maxBody));
    });
}

} // namespace tidemark::server
