#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>

namespace tidemark::sync {

/// Version of the sync protocol this build speaks (header `Tidemark-Protocol`).
inline constexpr int kProtocolVersion = 1;

/// One outbox operation as it travels to the server.
struct Operation
{
    QString opId;     ///< UUID, the idempotency key
    QString device;   ///< the device's id
    QString kind;     ///< "collection", "note" or "task"
    QString entityId;
    QJsonObject fields; ///< changed fields and their new values
    qint64 baseRev = 0; ///< the revision the edit was made on; 0 for a create
    QString hlc;        ///< the device's hybrid logical clock at the edit
    /// Conflicts this edit settles (a person chose in the merge dialog, or undid a choice). The
    /// fields carry the chosen values; the server marks the conflicts resolved and records it.
    QStringList resolves;
};

/// The server's answer to one operation.
struct OpResult
{
    enum class Status { Applied, Merged, Conflict, Rejected };
    QString opId;
    Status status = Status::Applied;
    qint64 rev = 0;        ///< the entity's revision after the operation (0 when rejected)
    QStringList conflicts; ///< ids of conflict records this operation opened or settled
    QString reason;        ///< why it was rejected, for a person
};

QString statusName(OpResult::Status status);

/// Limits on what one request may carry.
struct Limits
{
    int maxOpsPerPush = 500;
    qsizetype maxFieldsPerOp = 64;
    qsizetype maxStringBytes = 4 * 1024 * 1024;
    qsizetype maxIdLength = 64;
};

/// Reads one operation from its JSON form, checking every member's type and size. The message
/// of an error names the member and what was wrong, in words a person understands.
std::expected<Operation, QString> decodeOperation(const QJsonObject &json, const Limits &limits = {});
QJsonObject encodeOperation(const Operation &op);
QJsonObject encodeResult(const OpResult &result);
std::expected<OpResult, QString> decodeResult(const QJsonObject &json);

} // namespace tidemark::sync
