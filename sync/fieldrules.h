#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace tidemark::sync {

/// How a field of an entity is merged when two devices changed it concurrently.
enum class FieldKind {
    Scalar,    ///< title, due, priority, collection, pinned, done_at, ...: one value wins
    Text,      ///< body, task notes: three-way line merge
    Set,       ///< tags: add-wins set merge
    Tombstone, ///< deleted: an edit beats a delete
    Order,     ///< sort_key: the later move wins, silently
};

FieldKind fieldKind(const QString &kind, const QString &field);

/// What an account wants when the same scalar field was changed on two devices.
enum class FieldPolicy { LaterWins, AlwaysAsk };

/// Everything the server knows when it judges one field of one incoming operation.
struct FieldCase
{
    QString kind;  ///< "note", "task", "collection"
    QString field;
    QJsonValue incoming;         ///< the operation's new value
    QJsonValue current;          ///< the server's value now (undefined: the entity is new)
    std::optional<QJsonValue> base; ///< the value at the operation's base revision, if still known
    bool changedSinceBase = false;  ///< the server changed this field after the operation's base revision
    QString incomingHlc;         ///< the operation's HLC text (sorts like the clock)
    QString currentHlc;          ///< the HLC of the server's last change to this field
    FieldPolicy policy = FieldPolicy::LaterWins;
};

/// The judgement of one field, with the rule that decided it (named as in docs/conflicts.md).
struct FieldVerdict
{
    enum class Outcome {
        Apply,       ///< no collision: the incoming value is stored
        Same,        ///< both sides set the same value: nothing to do, nothing to show
        Merge,       ///< both changes combined into `value`
        IncomingWins, ///< a collision decided for the incoming value (logged, can be undone)
        CurrentWins,  ///< a collision decided for the server's value (logged, can be undone)
        Conflict,    ///< a collision left for a person: the server's value stays, both are kept
    };
    Outcome outcome = Outcome::Apply;
    QJsonValue value; ///< the value the field has after the judgement
    QString rule;     ///< e.g. "scalar-later-wins", "text-merged", "text-overlap", "tags-add-wins"
};

/// Judges one field. Pure: the same case always gives the same verdict, on every server.
FieldVerdict judgeField(const FieldCase &c);

} // namespace tidemark::sync
