#pragma once
// A small TCP proxy for network-fault tests: forwards 127.0.0.1:port() to a target port, and can
// delay every chunk, refuse connections (drop), cut a response after a few bytes (reset), or take
// requests and never answer (black hole). It runs on the test's thread: the HTTP transport's
// waiting loop drives it.

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace tidemark::test {

class FaultyProxy final : public QObject
{
public:
    enum class Mode { Pass, Delay, Drop, ResetMidResponse, BlackHole };

    explicit FaultyProxy(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                accept(client);
        });
    }

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    void setMode(Mode mode, int delayMs = 300)
    {
        m_mode = mode;
        m_delayMs = delayMs;
    }
    /// Connections taken so far (each HTTP request may reuse one).
    [[nodiscard]] int connections() const { return m_connections; }

private:
    void accept(QTcpSocket *client)
    {
        ++m_connections;
        client->setParent(this);
        if (m_mode == Mode::Drop) {
            client->abort();
            client->deleteLater();
            return;
        }
        if (m_mode == Mode::BlackHole) {
            // Read and forget; the socket stays open until the client gives up.
            connect(client, &QTcpSocket::readyRead, client, [client] { client->readAll(); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            return;
        }
        auto *upstream = new QTcpSocket(client);
        const Mode mode = m_mode;
        const int delay = m_delayMs;
        auto forwarded = std::make_shared<qint64>(0);
        const auto send = [mode, delay](QPointer<QTcpSocket> to, QByteArray bytes) {
            if (mode == Mode::Delay)
                QTimer::singleShot(delay, to, [to, bytes] {
                    if (to)
                        to->write(bytes);
                });
            else if (to)
                to->write(bytes);
        };
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, send] {
            send(upstream, client->readAll());
        });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, send, mode, forwarded] {
            QByteArray bytes = upstream->readAll();
            if (mode == Mode::ResetMidResponse) {
                // The request reached the server, which acted on it; the answer breaks off.
                client->write(bytes.left(std::max<qint64>(0, 40 - *forwarded)));
                client->flush();
                client->abort();
                upstream->abort();
                return;
            }
            *forwarded += bytes.size();
            send(client, bytes);
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->abort();
            client->deleteLater();
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
        // Bytes the client sent before the upstream connection was up wait in its buffer.
        connect(upstream, &QTcpSocket::connected, upstream, [client, upstream, send] {
            if (client->bytesAvailable() > 0)
                send(upstream, client->readAll());
        });
    }

    QTcpServer m_server;
    quint16 m_target;
    Mode m_mode = Mode::Pass;
    int m_delayMs = 300;
    int m_connections = 0;
};

} // namespace tidemark::test
