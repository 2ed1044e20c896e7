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
    };

    Status status = Status::Applied;
    QJsonObject changes;       ///< fields to write, with their new values
    QList<Decision> decisions; ///< collisions worth recording (everything but Apply and Same)
};

/// Judges an operation field by field (judgeField) and then as a whole: an edit of a deleted
/// entity restores it ("edit-restores"), and a delete that meets edits made since its base does
/// not hide them ("edit-beats-delete").
OperationVerdict judgeOperation(const OperationCase &c);

} // namespace tidemark::sync
