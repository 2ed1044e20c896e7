#pragma once

#include "fieldrules.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tidemark::sync {

/// The server's side of one field: its value's last change.
struct FieldState
{
    qint64 rev = 0; ///< the account revision that last changed the field
    QString hlc;    ///< the HLC of that change
};

/// What one device last put into a field of an entity: its own earlier operation, which every
/// later operation of that device has seen (a device's operations are causally ordered).
struct OwnWrite
{
    qint64 rev = 0; ///< the account revision at which the device's value went in (0: this operation's)
    /// What the device sent, when the server stored something else (a merge with another
    /// device's change): the base of the device's next edit of the field.
    std::optional<QJsonValue> sent;
    QString otherHlc; ///< with `sent`: the HLC of the other device's change it was merged with
};

/// The device that made a change, from its HLC text ("ms-counter-device").
QString deviceOfHlc(const QString &hlc);

/// One incoming operation and what the server holds for its entity.
struct OperationCase
{
    QString kind;
    QJsonObject incoming;       ///< the operation's changed fields
    qint64 baseRev = 0;         ///< the revision the edit was made on (0: a create)
    QString hlc;                ///< the operation's HLC
    bool exists = false;        ///< the server has the entity
    QJsonObject current;        ///< the server's fields now
    QHash<QString, FieldState> states; ///< per field, the server's last change
    /// The value of a field at the base revision; nullopt when the server no longer has that
    /// version (history thinned) or never had it.
    std::function<std::optional<QJsonValue>(const QString &field)> baseValue;
    QHash<QString, FieldPolicy> policies; ///< per field; absent means later wins
    /// The device that sent the operation (empty: taken from its HLC).
    QString device;
    /// Per field, the sending device's own last write (see OwnWrite), when newer than baseRev.
    QHash<QString, OwnWrite> own;
    /// The value of a field at a revision (for an own write without `sent`); nullopt when unknown.
    std::function<std::optional<QJsonValue>(const QString &field, qint64 rev)> valueAt;
};

/// The judgement of a whole operation: what to write, and what to record and tell.
struct OperationVerdict
{
    enum class Status { Applied, Merged, Conflict };
    struct Decision
    {
        QString field;
        FieldVerdict verdict;
        QJsonValue incoming; ///< what the operation wanted
        QJsonValue current;  ///< what the server had
        std::optional<QJsonValue> base;
        QString currentHlc; ///< the HLC of the change the operation met (the other side's clock)
    };

    Status status = Status::Applied;
    QJsonObject changes;       ///< fields to write, with their new values
    QList<Decision> decisions; ///< collisions worth recording (everything but Apply and Same)
    /// What the sending device now knows of each field it sent (its next operation's base), for
    /// fields where its value went in or already stood; rev 0 stands for this operation's revision.
    QHash<QString, OwnWrite> own;
};

/// Judges an operation field by field (judgeField) and then as a whole: an edit of a deleted
/// entity restores it ("edit-restores"), and a delete that meets edits made since its base does
/// not hide them ("edit-beats-delete").
///
/// A field counts as changed since the operation's base only when a change the sending device
/// has not seen touched it: its own earlier operations, accepted or still on their way, never
/// count ("own-edits-in-order" in docs/conflicts.md), so no decision has both sides from one device.
OperationVerdict judgeOperation(const OperationCase &c);

} // namespace tidemark::sync
