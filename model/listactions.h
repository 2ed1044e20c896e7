#pragma once

#include "model/error.h"
#include "model/store.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tidemark::model {

/// What a person does to items from a list (move to the Trash, restore, complete, move, pin,
/// archive, delete a collection), each as one step that can be undone and redone (Edit → Undo). The
/// window and tidemarkctl act through these, so that an action means one thing wherever it is
/// made (docs/desktop-app.md, "Undo"):
///
/// - Moving a collection to the Trash deletes it: its notes and tasks stay, without a collection,
///   and the collections inside it move up to its parent, in the same step.
/// - Completing a task completes its open subtasks with it (Store::setDone).
/// - "Toggle" actions on a selection complete (pin, archive) all of it when any of it is open
///   (unpinned, not archived), and otherwise reopen (unpin, unarchive) all of it.
///
/// An undo writes back what stood before through the store's ordinary actions, so it is itself a
/// versioned, synced change. A field that changed since the step (here or on another device)
/// keeps its newer value and the outcome counts the item; a redo does the same the other way.
class ListActions final
{
public:
    explicit ListActions(Store &store);

    enum class Action {
        Trash,
        Restore,
        Complete,
        Reopen,
        Move,
        Pin,
        Unpin,
        Archive,
        Unarchive,
        DeleteCollection,
    };

    /// What an action, an undo or a redo did: to how many items (the ones named, not the
    /// subtasks or contents that followed them), and how many it left alone because they had
    /// changed since.
    struct Outcome
    {
        Action action = Action::Trash;
        int items = 0;
        int keptNewer = 0;
    };

    /// Moves the items to the Trash; a collection among them is deleted as above.
    Result<Outcome> trash(const QStringList &ids);
    Result<Outcome> restore(const QStringList &ids);
    /// Completes (or reopens) the tasks among `ids`; notes are passed over.
    Result<Outcome> setDone(const QStringList &ids, bool done);
    Result<Outcome> toggleDone(const QStringList &ids);
    /// Puts the notes and tasks into a collection (none: an empty id).
    Result<Outcome> move(const QStringList &ids, const QString &collectionId);
    Result<Outcome> setPinned(const QStringList &ids, bool pinned);
    Result<Outcome> togglePinned(const QStringList &ids);
    /// Takes notes out of All items into the Archive (or back); tasks are passed over.
    Result<Outcome> setArchived(const QStringList &ids, bool archived);
    Result<Outcome> toggleArchived(const QStringList &ids);

    /// The action the next undo (redo) would take back (do again), if any.
    [[nodiscard]] std::optional<Action> undoable() const;
    [[nodiscard]] std::optional<Action> redoable() const;
    /// When the step the next undo takes back was done (or last redone), on steadyNow()'s clock:
    /// a front end that keeps typing history of its own undoes whichever came last.
    [[nodiscard]] std::optional<qint64> undoableDoneAt() const;
    /// A monotonic clock in nanoseconds, for comparing with undoableDoneAt().
    [[nodiscard]] static qint64 steadyNow();
    Result<Outcome> undo();
    Result<Outcome> redo();
    /// Forgets every step (another store, a signed-out account).
    void clear();

    /// How many steps are kept; older ones are forgotten.
    static constexpr int kMaxSteps = 100;

private:
    struct Change
    {
        QString id;
        QJsonObject before; ///< the fields the step changed, as they were (created: deleted = true)
        QJsonObject after;  ///< and as the step left them
    };
    struct Step
    {
        Action action = Action::Trash;
        int items = 0;
        QList<Change> changes;
        qint64 doneAt = 0; ///< steadyNow() when done or last redone
    };

    /// Sets a note's flag (pinned, archived) on the notes among `ids`.
    Result<Outcome> setNoteFlag(Action action, const QString &field, const QStringList &ids, bool on);
    [[nodiscard]] bool anyNoteWithout(const QStringList &ids, const QString &field) const;
    /// Runs `actions` as one recorded batch and keeps it as a step (nothing changed: no step).
    Result<Outcome> act(Action action, int items, const std::function<Result<void>()> &actions);
    /// Writes one side of a step back: `forward` the after values over the before ones (redo),
    /// otherwise the before values over the after ones (undo).
    Result<int> replay(const Step &step, bool forward);

    Store &m_store;
    QList<Step> m_undo;
    QList<Step> m_redo;
};

} // namespace tidemark::model
