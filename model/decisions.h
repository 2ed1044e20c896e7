#pragma once

#include "model/error.h"
#include "model/records.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace tidemark::model {

class Store;

/// The one place where conflicts are decided. The window (merge dialog, conflict centre, audit
/// trail) and tidemarkctl call these and nothing else, so that each decision means one thing
/// wherever it is made (docs/conflicts.md, "Deciding and undoing"):
///
/// - **decide**: an open conflict, or a rule's decision ("Use the Other Value"), takes a value;
///   the older open conflicts of the same field of the item are settled with it. The choice is
///   recorded at once as a "resolution" event, with the id the server will give it.
/// - **keep both as separate items**: this device's text stays; the other becomes a new item.
/// - **undo** a person's choice: the field gets back exactly what it held before the choice and
///   every event the choice settled takes the status it had (an open conflict is open again,
///   with both sides as they were); the choice shows "undone" and cannot be undone twice.
///
/// Every decision is an ordinary, synced operation that names the events it decides.
class Decisions final
{
public:
    explicit Decisions(Store &store);

    enum class Take {
        Mine,   ///< this device's side
        Theirs, ///< the other side
        Both,   ///< texts only: where the sides changed the same lines, mine then theirs; the rest merged
    };

    /// An item's open conflicts: the newest of each field (the one a person sees) and, behind
    /// them, older open ones of the same field, settled by the same choice.
    struct ItemConflicts
    {
        QList<ConflictRecord> shown;
        QList<ConflictRecord> older;
    };
    [[nodiscard]] Result<ItemConflicts> openConflicts(const QString &entityId) const;

    /// A text conflict's sides as a person decides them. The item holds the side the server
    /// kept; text written in it after the conflict arrived stands in for the side it is nearer
    /// to, so that nothing written since is lost.
    struct TextSides
    {
        QString mine;
        QString theirs;
        QString base;
        bool hasBase = false; ///< without one (the rule had none), the sides are compared with each other
    };
    [[nodiscard]] TextSides textSides(const ConflictRecord &record) const;
    /// Whether the record is over a text field with text on both sides (the side-by-side merge).
    [[nodiscard]] static bool isText(const ConflictRecord &record);

    /// The value `take` means for `record` (Both: texts only, as textSides shows them).
    [[nodiscard]] Result<QJsonValue> valueFor(const ConflictRecord &record, Take take) const;

    struct Choice
    {
        QString eventId;
        QJsonValue value;
    };
    /// Decides each event with its value (and the older open events of its field with it), in one
    /// transaction. Refused, with nothing written, when an event is no longer open (a sync
    /// settled it meanwhile) or was decided already. Returns the item as it then is.
    Result<Entity> decide(const QList<Choice> &choices);
    Result<Entity> decide(const QString &eventId, Take take);
    /// Keeps both texts of a text conflict: this device's stays in the item, the other becomes a
    /// new item titled `copyTitle` in the same collection. `others` (the item's other fields) are
    /// decided in the same transaction. Returns the new item's id.
    Result<QString> keepBothAsItems(const QString &eventId, const QString &copyTitle, const QList<Choice> &others = {});

    /// For a rule's decision (later edit wins, edit beats delete…): the side it did not keep,
    /// when the field still holds the kept one; "Use the Other Value" decides it with that.
    [[nodiscard]] std::optional<QJsonValue> otherValue(const ConflictRecord &record) const;

    /// What undoing the choice `record` would put back, or why it cannot be undone (not a
    /// person's choice, undone already, or the field changed since: the history brings back any
    /// version).
    [[nodiscard]] std::expected<QJsonValue, QString> undoPreview(const ConflictRecord &record) const;
    /// Undoes a person's choice (see the class comment). Returns the item as it then is.
    Result<Entity> undo(const QString &choiceId);

    /// What a front end offers for a record of the trail.
    enum class Action {
        None,
        Resolve,       ///< an open conflict: the merge dialog (or resolve --take)
        UseOtherValue, ///< a rule's decision whose other side can be put back
        Undo,          ///< a person's choice that can be undone
    };
    [[nodiscard]] Action actionFor(const ConflictRecord &record) const;

private:
    Result<ConflictRecord> find(const QString &eventId) const;
    /// Writes one decision of `record` as `value`, carried by the item's last outbox operation.
    Result<void> record(const ConflictRecord &record, const QJsonValue &value);
    /// Sets an event's status (an open one has no time of decision).
    Result<void> setStatus(const QString &eventId, const QString &status, qint64 now);
    /// A choice undone: it says so, and the event it settled has the status it had before.
    Result<void> markUndone(const ConflictRecord &choice, qint64 now);
    /// Keeps a decision of `decided` here as an event of its own (a choice, or an undo).
    Result<void> keepEvent(const QString &id, const ConflictRecord &decided, bool isUndo, const QJsonValue &written,
                           const QJsonValue &before, const QString &opId, qint64 now);

    Store &m_store;
};

} // namespace tidemark::model
