#include "guardedtcpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

namespace tidemark::server {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

void refuse(QTcpSocket *socket, int status, const char *reason, const QString &detail)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")},
                                                      {QStringLiteral("title"), QString::fromLatin1(reason)},
                                                      {QStringLiteral("status"), status},
                                                      {QStringLiteral("detail"), detail}})
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

// The value of a header in a block of request headers, or a null array.
QByteArray headerValue(const QByteArray &headers, const char *name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

GuardedTcpServer::GuardedTcpServer(qsizetype maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBody(maxBodyBytes)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before Qt HttpServer's own handler, so this look comes first.
    const qsizetype maxBody = m_maxBody;
    QPointer<QTcpSocket> guarded(socket);
    connect(socket, &QTcpSocket::readyRead, this, [guarded, maxBody] {
        if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 pending = guarded->bytesAvailable();
        if (pending > maxBody + kMaxHeaderBytes) {
            refuse(guarded, 413, "Payload Too Large",
                   QStringLiteral("The request is larger than %1 bytes.").arg(maxBody));
            return;
        }
        const QByteArray head = guarded->peek(kMaxHeaderBytes);
        if (!startsWithMethod(head))
            return; // the middle of a body
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (head.size() >= kMaxHeaderBytes)
                refuse(guarded, 431, "Request Header Fields Too Large",
                       QStringLiteral("The request headers are longer than %1 bytes.").arg(kMaxHeaderBytes));
            return;
        }
        const QByteArray headers = head.left(end);
        // A body of unknown length could only be limited after it is buffered: ask for a length.
        const QByteArray encoding = headerValue(headers, "transfer-encoding");
        if (!encoding.isNull() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
            refuse(guarded, 411, "Length Required", QStringLiteral("Send the body with a Content-Length."));
            return;
        }
        const QByteArray length = headerValue(headers, "content-length");
        bool ok = true;
        if (!length.isNull() && (length.toLongLong(&ok) > maxBody || !ok))
            refuse(guarded, 413, "Payload Too Large", QStringLiteral("The request body is larger than %1 bytes.").arg(maxBody));
    });
    addPendingConnection(socket);
}

} // namespace tidemark::server
