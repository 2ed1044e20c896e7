#pragma once

#include <QTcpServer>

namespace tidemark::server {

/// A QTcpServer that refuses oversized requests before Qt HttpServer buffers them (it has no
/// limit of its own: a 512 MB POST is read whole). Each connection's incoming bytes are looked at
/// first: a request whose Content-Length exceeds the limit, whose headers run past 64 KB, or whose
/// unread bytes pile up past the limit gets a 413/431 problem answer and the connection is closed.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(qsizetype maxBodyBytes, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qsizetype m_maxBody;
};

} // namespace tidemark::server
