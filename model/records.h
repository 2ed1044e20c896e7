#pragma once

#include "entity.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tidemark::model {

/// What the item list shows of a note or task: enough to draw a row, without the whole body.
struct ItemRow
{
    QString id;
    Kind kind = Kind::Note;
    QString collectionId;
    QString title;
    QString snippet; ///< the start of the body, Markdown marks and line breaks flattened
    QStringList tags;
    QString due;     ///< Due text form, empty when none
    qint64 dueAt = 0; ///< ms since epoch, 0 when no due
    int priority = 0;
    qint64 doneAt = 0; ///< ms since epoch, 0 while not done
    QString sortKey;
    bool pinned = false;
    bool deleted = false;
    bool pending = false;  ///< has operations not yet accepted by the server
    bool conflict = false; ///< has an open conflict
    QString parentId;       ///< a subtask's parent; rows read one by one only
    bool isSubtask = false; ///< under a parent task that is here
    QString parentTitle;   ///< then its parent's title
    int subtasks = 0;      ///< a task's live subtasks; rows read one by one only
    int subtasksDone = 0;  ///< of those, the done ones
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    [[nodiscard]] bool isDone() const { return doneAt != 0; }
};

/// What a list needs to put an item in its place: a fraction of an ItemRow, so that 100,000 of
/// them load in a blink. The rest of a row is read when it is shown.
struct ItemOrder
{
    QString id;
    Kind kind = Kind::Note;
    bool pinned = false;
    int priority = 0;
    qint64 updatedAt = 0;
    qint64 dueAt = 0;
    qint64 doneAt = 0;
    QString sortKey;

    [[nodiscard]] bool isDone() const { return doneAt != 0; }
    static ItemOrder of(const ItemRow &row)
    {
        return {row.id, row.kind, row.pinned, row.priority, row.updatedAt, row.dueAt, row.doneAt, row.sortKey};
    }
};

/// Which items a list shows.
struct ItemFilter
{
    enum class Type { All, Collection, Tag, Today, Upcoming, Done, Trash, Pending, Conflicts, Archive };
    Type type = Type::All;
    QString value; ///< the collection id or the tag

    static ItemFilter all() { return {}; }
    static ItemFilter collection(const QString &id) { return {Type::Collection, id}; }
    static ItemFilter tag(const QString &tag) { return {Type::Tag, tag}; }
    static ItemFilter of(Type type) { return {type, {}}; }

    friend bool operator==(const ItemFilter &, const ItemFilter &) = default;
};

/// How many items each of the sidebar's views holds.
struct ViewCounts
{
    int all = 0;
    int today = 0;    ///< open tasks due today or earlier
    int overdue = 0;  ///< open tasks whose due moment has passed
    int upcoming = 0;
    int done = 0;
    int trash = 0;
    int archive = 0;   ///< archived notes (out of All, not in the Trash)
    int pending = 0;   ///< items with operations not yet accepted by the server
    int conflicts = 0; ///< items with an open conflict
    int unsent = 0;    ///< operations not yet accepted by the server (pendingCount(): the Pending view's rows)

    friend bool operator==(const ViewCounts &, const ViewCounts &) = default;
};

/// A collection as the sidebar shows it.
struct CollectionRow
{
    QString id;
    QString name;
    QString color;
    QString parentId;
    QString sortKey;
    int itemCount = 0; ///< notes and tasks in it, not counting deleted ones
};

/// One version of an entity.
struct HistoryEntry
{
    qint64 seq = 0;
    QString entityId;
    Kind kind = Kind::Note;
    int version = 0;
    QString hlc;
    QString device;
    qint64 at = 0;      ///< ms since epoch
    QString origin;     ///< "local", "remote" or "restore"
    QStringList changed; ///< the fields this version changed
    QJsonObject snapshot; ///< every field after the change
};

/// One operation waiting in the outbox for the server.
struct OutboxOp
{
    qint64 seq = 0;
    QString opId;
    QString device;
    Kind kind = Kind::Note;
    QString entityId;
    QJsonObject fields; ///< the changed fields and their new values
    qint64 baseRev = 0; ///< the server revision the edit was made on; 0 for a create
    QString hlc;
    qint64 createdAt = 0;
    int attempts = 0;
    bool inFlight = false; ///< sent, no answer yet
    bool parked = false;   ///< refused by the server (lastError says why); not sent again as it is, but with the item's next edit
    QString lastError;
    QStringList resolves; ///< conflicts this operation settles (a person's choice)
};

/// A conflict event the server recorded for one field of an entity (docs/conflicts.md).
struct ConflictRecord
{
    QString id;
    QString entityId;
    Kind kind = Kind::Note;
    QString field;
    QString rule;    ///< e.g. "text-overlap", "scalar-later-wins"; "resolution" (a person's choice), "undo"
    /// "open" (waiting for a person), "settled" (a rule decided, or a choice that stands),
    /// "resolved" (a person's choice replaced it), "undone" (a choice that was undone)
    QString status;
    QString outcome; ///< what the rule did, e.g. "merged", "incoming-kept", "open"
    QJsonValue mine;   ///< this device's side
    QJsonValue theirs; ///< the other side
    qint64 rev = 0;    ///< the server revision of its last change
    QJsonValue base;   ///< the value both sides changed from; undefined where the rule had none
    QString device;    ///< the other side's device, when it was another device's change that arrived
    qint64 at = 0;     ///< when the server met the collision (ms since the epoch); 0 if not known
    QString settles;   ///< for a "resolution" event: the event whose decision it replaced
    QString mineDevice;   ///< the device that edited this side (this device's id for its own edit); empty if not known
    qint64 mineAt = 0;    ///< when this side was edited (ms since the epoch); 0 if not known
    QString theirsDevice; ///< the device that edited the other side (for a resolution: the one that chose)
    qint64 theirsAt = 0;
    QString opId; ///< the operation that made the event (one choice may settle several events)

    [[nodiscard]] bool isOpen() const { return status == QLatin1String("open"); }
    [[nodiscard]] bool isResolution() const { return rule == QLatin1String("resolution"); }
    [[nodiscard]] bool isUndo() const { return rule == QLatin1String("undo"); }
    [[nodiscard]] bool isUndone() const { return status == QLatin1String("undone"); }
    /// A person's decision (a choice or an undo): its sides are what it wrote and what stood
    /// before. `device` is empty for one made on this device, which is then "mine".
    [[nodiscard]] QJsonValue written() const { return device.isEmpty() ? mine : theirs; }
    [[nodiscard]] QJsonValue before() const { return device.isEmpty() ? theirs : mine; }
};

/// An operation of the outbox as the pending-changes view tells it.
struct PendingChange
{
    OutboxOp op;
    QString title;          ///< the item's title (a collection's name); empty when it has none
    bool mayConflict = false; ///< the server changed the item after this edit was made
    qint64 serverRev = 0;   ///< the item's newest revision known here
};

/// One full-text search result.
struct SearchHit
{
    QString id;
    Kind kind = Kind::Note;
    QString title;
    QString snippet;           ///< text around the best match
    QList<QPair<int, int>> highlights; ///< (start, length) of matched words within `snippet`
    double rank = 0;           ///< lower is better (bm25)
};

} // namespace tidemark::model

// Only Qt values and integers: lists of rows can grow by moving bytes.
Q_DECLARE_TYPEINFO(tidemark::model::ItemRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tidemark::model::ItemOrder, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(tidemark::model::ItemRow)
