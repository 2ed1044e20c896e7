#pragma once

#include "model/store.h"
#include "sync/changes.h"
#include "sync/protocol.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>
#include <optional>
#include <utility>

namespace tidemark::client {

/// Why a call to the server did not get its answer, in the terms the sync engine acts on.
struct TransportError
{
    enum class Kind {
        Offline,      ///< no connection, a timeout, a reset: try again later
        SignInAgain,  ///< the token is unknown or revoked (401): stop until the person signs in
        Incompatible, ///< the server speaks another protocol version: stop, tell the person
        RateLimited,  ///< 429 or 503: wait retryAfterSeconds, then try again
        Refused,      ///< another 4xx: this request will never succeed as it is
        Server,       ///< 5xx or an answer that makes no sense: try again later
    };
    Kind kind = Kind::Offline;
    QString message; ///< for a person
    int retryAfterSeconds = 0;
};

/// What a push was answered with.
struct PushAnswer
{
    QList<sync::OpResult> results;
    qint64 rev = 0;
};

/// Where a snapshot continues (see docs/protocol.md, "Snapshots").
using SnapshotContinuation = sync::SnapshotPosition;
/// One page of a pull, as the wire has it (client/storerecords.h makes store records of it).
using PullAnswer = sync::ChangesPage;

/// How the sync engine reaches a server: over HTTP (HttpTransport), or by direct calls into the
/// server library in the simulation tests. Calls block the calling thread (the engine's own).
class Transport
{
public:
    virtual ~Transport() = default;
    virtual std::expected<PushAnswer, TransportError> push(const QList<sync::Operation> &ops) = 0;
    /// A push in two steps, so that the caller can go on with its own work while the request
    /// travels and the server works on it: sendPush starts it, awaitPush gives its answer. One
    /// push at a time. A transport that cannot do it in two steps does it all in awaitPush.
    virtual void sendPush(const QList<sync::Operation> &ops) { m_unsentPush = ops; }
    virtual std::expected<PushAnswer, TransportError> awaitPush() { return push(std::exchange(m_unsentPush, {})); }
    virtual std::expected<PullAnswer, TransportError> pull(qint64 since, int limit,
                                                           const std::optional<SnapshotContinuation> &continuation) = 0;
    /// The account's conflict policies, after setting them to `replace` if given. A transport
    /// without policies answers with none.
    virtual std::expected<QJsonObject, TransportError> policies(const std::optional<QJsonObject> &replace)
    {
        Q_UNUSED(replace);
        return QJsonObject{};
    }

    /// Whether the server answers now, as cheaply as it can be asked (the way back after an
    /// outage). A transport without such a question says no, leaving it to the retries.
    virtual std::expected<void, TransportError> probe()
    {
        return std::unexpected(TransportError{TransportError::Kind::Offline, QStringLiteral("no probe"), 0});
    }

    /// The name this device gives itself, sent with its pushes for other devices' sentences.
    void setDeviceName(const QString &name) { m_deviceName = name; }

protected:
    QString m_deviceName;

private:
    QList<sync::Operation> m_unsentPush;
};

} // namespace tidemark::client
