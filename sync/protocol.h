#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace tidemark::sync {

/// Versions of the sync protocol this build speaks, oldest to newest. A client names every
/// version it speaks in the header `Tidemark-Protocol` ("1" or "1, 2"); the server answers with
/// the newest one both speak, in the same header, or with 400 "Incompatible client" saying which
/// side to update (docs/protocol.md, "Versions").
inline constexpr int kOldestProtocolVersion = 1;
inline constexpr int kProtocolVersion = 1;

/// The outcome of negotiating with a peer that speaks `offered` (as sent in the header).
struct Negotiation
{
    int version = 0;    ///< the version both speak (0: none)
    QString problem;    ///< otherwise, for a person: what speaks what, and which side to update
};
/// The server's choice among the versions a client offers ("1", "1, 2", or empty: version 1).
Negotiation negotiate(const QByteArray &offered);
/// The client's check of the version a server answered with (empty: a server from before
/// negotiation, which speaks 1).
Negotiation checkServerVersion(const QByteArray &answered);

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
    /// Conflict events this edit decides. Naming a conflict (or a rule's decision) settles it:
    /// the fields carry the chosen values, the server marks it resolved and records the choice as
    /// a "resolution" event. Naming a resolution event undoes that choice: the fields carry what
    /// stood before it, the resolution is marked undone and the conflict it settled takes the
    /// status it had before (open again, for one that waited for a person), recorded as an "undo"
    /// event (docs/conflicts.md, "Deciding and undoing").
    QStringList resolves;
};

/// The id of the event the server records when operation `opId` decides event `decided` (a
/// "resolution" of a conflict, or an "undo" of a resolution): derived from both, so that the
/// device that sent the operation knows it before the server answers and can show, and undo, its
/// decision at once; its next pull brings the same event, not a second one.
QString decisionEventId(const QString &opId, const QString &decided);

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

/// The most a text field (a note's body, a task's notes) may hold, in UTF-8 bytes: what every
/// server takes and every device lets a person save (the device's store checks this same number
/// with utf8Length; tst_compatibility tries both sides at the boundary).
inline constexpr qsizetype kMaxTextBytes = 4 * 1024 * 1024;
/// A text's length in UTF-8 bytes, exactly as a JSON document carries it (Qt's encoder).
qsizetype utf8Length(QStringView text);
/// "3.2 MB", "4 MB" (1 MB = 1,048,576 bytes, as the limit is stated).
QString sizeForPeople(qsizetype bytes);

/// Limits on what one request may carry.
struct Limits
{
    int maxOpsPerPush = 500;
    qsizetype maxFieldsPerOp = 64;
    qsizetype maxStringBytes = kMaxTextBytes;
    qsizetype maxIdLength = 64;
};

/// What is wrong with `value` as field `field` of an entity of `kind`, if anything: a field this
/// version knows must have its JSON type; one it does not know passes untouched.
std::optional<QString> fieldTypeProblem(const QString &kind, const QString &field, const QJsonValue &value);

/// Reads one operation from its JSON form, checking every member's type and size. The message
/// of an error names the member and what was wrong, in words a person understands.
std::expected<Operation, QString> decodeOperation(const QJsonObject &json, const Limits &limits = {});
/// The op_id of an operation that decodeOperation refused, when it has a well-formed one: such
/// an operation is answered `rejected` on its own (with decodeOperation's message as the reason)
/// instead of refusing the whole request, so that what a newer peer sends never stalls the rest.
std::optional<QString> answerableOpId(const QJsonObject &json);
QJsonObject encodeOperation(const Operation &op);
QJsonObject encodeResult(const OpResult &result);
std::expected<OpResult, QString> decodeResult(const QJsonObject &json);

} // namespace tidemark::sync
