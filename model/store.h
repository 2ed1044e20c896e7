#pragma once

#include "entity.h"
#include "error.h"
#include "hlc.h"
#include "records.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>
#include <optional>

namespace tidemark::model {

/// The local store of one device: collections, notes and tasks in SQLite, with their history and
/// the outbox of operations for the server.
///
/// Every user action is one transaction that changes the entity, appends a history version and
/// queues one operation in the outbox, so nothing is saved without being queued and nothing is
/// queued without being saved. A Store belongs to the thread that opened it and uses that
/// thread's own database connection; other threads open their own Store on the same file.
class Store final : public QObject
{
    Q_OBJECT

public:
    /// Opens or creates the store at `path` (":memory:" for a private one). `wallClock` replaces
    /// the system clock, for tests of clock jumps.
    static Result<std::unique_ptr<Store>> open(const QString &path, HybridClock::WallClock wallClock = {});
    ~Store() override;

    [[nodiscard]] QString deviceId() const { return m_clock.device(); }
    [[nodiscard]] QString connectionName() const { return m_connection; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] Hlc lastHlc() const { return m_clock.last(); }

    // --- Actions: each is one transaction and one outbox operation per entity it changes -------

    /// Creates an entity from the given fields (the rest take their defaults). `id` keeps a known
    /// identity (an import of exported files); by default a new id is made.
    Result<Entity> create(Kind kind, const QJsonObject &fields, const QString &id = {});
    /// Changes fields of an existing entity; values equal to the current ones change nothing.
    Result<Entity> update(const QString &id, const QJsonObject &changes);
    /// Marks a task done or not done. Completing a task completes its open subtasks (at every
    /// depth) with it; reopening it leaves them as they are. Completing a recurring task also
    /// creates its next occurrence, returned as the second entity.
    Result<QList<Entity>> setDone(const QString &id, bool done);
    /// Moves an entity to the Trash (a tombstone, mergeable and undoable like any edit).
    Result<Entity> trash(const QString &id) { return setDeleted(id, true); }
    Result<Entity> restore(const QString &id) { return setDeleted(id, false); }
    /// Puts a note or task into a collection (or none, with an empty id).
    Result<Entity> move(const QString &id, const QString &collectionId);
    /// Gives a task (or collection) a manual position between two siblings (either may be empty).
    Result<Entity> reorder(const QString &id, const QString &afterId, const QString &beforeId);
    /// Erases every item in the Trash from this device: rows, history and search entries, in one
    /// transaction. Their deletion still reaches the server through the outbox; a later remote
    /// change to an erased item is not applied here (docs/local-store.md). Returns how many.
    Result<int> emptyTrash();
    /// Makes the entity look as it did in `version` again: a new version, itself undoable.
    Result<Entity> restoreVersion(const QString &id, int version);
    /// Applies a change that came from the server (no outbox operation). Fields with pending local
    /// operations keep their local values; fields unknown to this version are kept as they are.
    Result<Entity> applyRemote(Kind kind, const QString &id, qint64 rev, const QJsonObject &fields,
                               const Hlc &hlc);

    /// Entities changed through another connection to the same file (the sync engine's): tells
    /// this store's listeners, as if the changes had been made here. Also announces the outbox.
    void announceChanges(const QStringList &ids);

    /// SQLite folds the write-ahead log back into the database every 1,000 pages, inside whichever
    /// commit crosses that line: a 10-15 ms pause in a keystroke's save. The app turns that off on
    /// its UI thread's store and lets a Checkpointer on a worker thread do it instead.
    Result<void> setAutoCheckpoint(bool enabled);
    /// Folds what it can of the log back without waiting for readers or writers (PASSIVE).
    Result<void> checkpoint();

    /// Runs several actions as one transaction: all of them or none. Each action inside is still
    /// versioned and queued on its own; listeners hear of the changes once the batch commits.
    Result<void> batch(const std::function<Result<void>()> &actions);

    /// What one entity looked like before and after a run of actions: `before` is empty for an
    /// entity the actions created.
    struct Touched
    {
        Kind kind = Kind::Note;
        QString id;
        std::optional<QJsonObject> before;
        QJsonObject after;
    };
    /// Runs `actions` as one batch, as batch() does, and says which entities they changed or
    /// created, in the order they were first touched, with their fields before and after (what an
    /// undo needs; model::ListActions). Not nested: refused inside another recorded().
    Result<QList<Touched>> recorded(const std::function<Result<void>()> &actions);

    // --- Reads -------------------------------------------------------------------------------

    [[nodiscard]] std::optional<Entity> entity(const QString &id) const;
    /// The full id for what a person typed: a whole id, or a unique start or end of one (at least
    /// six characters). Ambiguous and unknown text are errors that say so.
    [[nodiscard]] Result<QString> resolveId(const QString &text) const;
    [[nodiscard]] Result<QList<ItemRow>> items(const ItemFilter &filter) const;
    /// Just enough of every item of `filter` to sort the list: unsorted, or pinned first and
    /// then most recently changed first (ties by id, descending) when `byUpdated` is set.
    [[nodiscard]] Result<QList<ItemOrder>> itemOrder(const ItemFilter &filter, bool byUpdated = false) const;
    /// The rows of the given items (those that exist), in no particular order.
    [[nodiscard]] Result<QList<ItemRow>> itemRows(const QStringList &ids) const;
    /// The row of one item if it belongs to `filter`.
    [[nodiscard]] std::optional<ItemRow> itemRow(const QString &id, const ItemFilter &filter) const;
    [[nodiscard]] Result<QList<CollectionRow>> collections() const;
    /// The live subtasks of a task, in their manual order.
    [[nodiscard]] Result<QList<Entity>> subtasks(const QString &parentId) const;
    /// The number of items in each sidebar view, in one pass over the items.
    [[nodiscard]] Result<ViewCounts> viewCounts() const;
    [[nodiscard]] std::optional<CollectionRow> collectionRow(const QString &id) const;
    /// Every tag in use, with how many live items carry it.
    [[nodiscard]] Result<QList<QPair<QString, int>>> tags() const;
    [[nodiscard]] Result<QList<HistoryEntry>> history(const QString &id) const;
    [[nodiscard]] Result<QList<OutboxOp>> outbox() const;
    [[nodiscard]] int pendingCount() const;
    /// Full-text search over titles, bodies, task notes and tags, best first. The last word is
    /// matched as a prefix, so results follow typing (end the text with a space for whole words).
    /// A query that matches more than 2,000 items lists them newest first instead of ranking them
    /// all, so that a word found in most notes still answers at once.
    [[nodiscard]] Result<QList<SearchHit>> search(const QString &text, int limit = 50, int offset = 0) const;

    // --- Sync: used by the sync engine, on its own thread with its own Store ------------------

    /// A change the server sent: the fields it names, with their current values.
    struct RemoteChange
    {
        Kind kind = Kind::Note;
        QString id;
        qint64 rev = 0;
        QJsonObject fields;
        QString device; ///< the device whose change made this revision, when the server says
        qint64 at = 0;  ///< when the server accepted it (ms since the epoch), when it says
        /// The kind's name when this version does not know it (`kind` is then meaningless): the
        /// change is kept untouched, shown nowhere and never sent back (docs/local-store.md).
        QString unknownKind;
    };
    /// A conflict event the server recorded (docs/conflicts.md): sides as the server judged them,
    /// `incoming` the value of the operation from `device`, `current` the value the server had.
    struct RemoteConflict
    {
        QString id{};
        QString entityId{};
        Kind kind = Kind::Note;
        QString field{};
        QString rule{};
        QString status{}; ///< "open", "settled", "resolved" or "undone"
        QString outcome{};
        QJsonValue incoming{};
        QJsonValue current{};
        QJsonValue base = QJsonValue::Undefined; ///< the value both changed from, where the rule had one
        qint64 rev = 0;
        QString device{}; ///< the device whose operation made the event
        qint64 at = 0;  ///< when the server recorded it (ms since the epoch)
        QString settles{}; ///< a decision: the event it settled, or the decision it undid
        QString opId{};    ///< the operation that made it
        Hlc incomingClock{}; ///< where and when each side was edited (empty when not known)
        Hlc currentClock{};
    };
    /// The server's answer to one sent operation.
    struct Answer
    {
        QString opId;
        bool rejected = false;
        QString reason; ///< why it was rejected
    };
    /// Up to `max` operations to send, oldest first, marked in flight (later edits of the same
    /// entity then queue an operation of their own instead of merging into one on its way).
    /// Operations still in flight from an interrupted sync are sent again: the server answers a
    /// repeated one from its record. Parked (rejected) operations are not sent. With `afterSeq`,
    /// only operations queued after that one (the next batch while one is on its way).
    /// A batch also stops before its fields pass `maxBytes` (one operation is always taken), so
    /// that a few large notes never make a request larger than a server takes.
    Result<QList<OutboxOp>> takeForSending(int max, qint64 afterSeq = 0, qsizetype maxBytes = kMaxBatchBytes);
    static constexpr qsizetype kMaxBatchBytes = 8 * 1024 * 1024;
    /// Records the server's answers in one transaction: an accepted operation leaves the outbox;
    /// a rejected one stays, parked with its reason, for a person to see (never sent again as it
    /// is: the item's next edit takes its place, carrying its fields as the item then is).
    Result<void> settle(const QList<Answer> &answers);
    /// Like batch(), for many items at once (a pulled page, an import): the full-text index takes
    /// the transaction's rows in one statement at its end instead of one row at a time, which is
    /// several times faster (docs/performance.md). Inside another transaction it is that one's
    /// step. Searches see the rows once the transaction commits, as always.
    Result<void> bulk(const std::function<Result<void>()> &actions);
    /// Applies a page of remote changes and conflict records (as the server sends them, see
    /// docs/protocol.md) and moves the sync cursor to `cursor`, all in one transaction: after a
    /// crash either the whole page is in and the cursor past it, or neither. `devices` names the
    /// account's devices (id -> name) for sentences such as "changed on Laptop".
    Result<void> applyRemotePage(const QList<RemoteChange> &changes, const QList<RemoteConflict> &conflicts, qint64 cursor,
                                 const QHash<QString, QString> &devices = {});
    /// The conflict records this device knows of, newest first; only open ones if asked.
    [[nodiscard]] Result<QList<ConflictRecord>> conflictRecords(bool openOnly = false) const;
    // Deciding conflicts (a choice, keeping both, undoing a choice): model::Decisions.
    /// Operations not yet accepted by the server, oldest first, with what a person needs to read
    /// them: the item's title, and whether the server changed the item since the edit was made.
    /// At most `limit` of them (all with -1): a long offline queue is read a screenful at a time.
    [[nodiscard]] Result<QList<PendingChange>> pendingChanges(int limit = -1) const;
    /// How many operations wait for the server and how many it refused (parked), in one count.
    struct PendingCounts
    {
        int waiting = 0;
        int refused = 0;
    };
    [[nodiscard]] Result<PendingCounts> pendingCounts() const;

    /// A device's name as the account knows it ("Laptop"); this device's own name for its own id;
    /// empty when not known.
    [[nodiscard]] QString deviceName(const QString &deviceId) const;
    /// This device's name, sent to the server with its changes so that other devices can name it.
    Result<void> setDeviceName(const QString &name);

    /// The account's conflict policy per field ("ask" or "later-wins"; fields not listed use
    /// later-wins), as last heard from the server or set here.
    [[nodiscard]] QJsonObject conflictPolicies() const;
    /// Sets the policies here; they reach the server with the next sync (policiesToSend).
    Result<void> setConflictPolicies(const QJsonObject &policies);
    /// Policies set here and not yet accepted by the server.
    [[nodiscard]] std::optional<QJsonObject> policiesToSend() const;
    /// What the server holds: replaces the local copy. `sent` is what this device sent (if any):
    /// a change set here meanwhile stays to be sent.
    Result<void> storeServerPolicies(const QJsonObject &policies, const std::optional<QJsonObject> &sent = std::nullopt);

    /// The server revision this device has pulled up to (0: nothing yet).
    [[nodiscard]] qint64 syncCursor() const;
    /// How the last sync of this store went, whoever ran it (the app or tidemarkctl): when one
    /// last succeeded, and why the last one failed if it did.
    struct SyncOutcome
    {
        QDateTime lastSuccess; ///< invalid: never
        QString lastError;     ///< empty: the last sync succeeded
    };
    [[nodiscard]] SyncOutcome syncOutcome() const;
    /// Records a sync's end: success with an empty `error`.
    Result<void> recordSyncOutcome(const QString &error);
    /// Operations the server refused, still in the outbox with their reasons.
    [[nodiscard]] int parkedCount() const;
    /// Pulled entities of kinds this version does not know, kept for a later version.
    [[nodiscard]] int unknownCount() const;

Q_SIGNALS:
    /// An entity was created or changed (by any action, including remote ones); after commit.
    /// It also fires for a collection whose items changed (one entered, left, was deleted or
    /// restored), so that counts can follow.
    void entityChanged(tidemark::model::Kind kind, const QString &id);
    /// The outbox gained, merged or lost operations.
    void outboxChanged();

private:
    friend class Decisions; // the one place conflicts are decided writes through the store's own steps

    Store(QString path, QString connection, HybridClock::WallClock wallClock);

    Result<void> loadDevice();
    /// The connection's table for bulk(), and a repair of an index left deferred.
    Result<void> prepareTextIndex();
    /// Takes in entities kept by an older version for a kind it did not know, now known.
    Result<void> adoptKnownKinds();
    QSqlQuery &prepared(const QString &sql) const;
    Result<void> begin();
    Result<void> commit();
    void rollback();
    template<typename F>
    auto transact(F &&action) -> decltype(action());

    std::optional<Entity> loadEntity(const QString &id) const;
    Result<void> writeEntity(const Entity &entity, bool isNew);
    void noteMembership(const std::optional<Entity> &before, const Entity &after);
    Result<Entity> changeEntity(Entity entity, const QJsonObject &changes, const QString &origin);
    Result<Entity> insertEntity(Entity entity);
    Result<void> appendHistory(const Entity &entity, const QStringList &changed, const QString &origin,
                               const Hlc &hlc, qint64 at = 0);
    /// Keeps a long text of version `seq` in history_text (HistoryText): a keyframe or a delta.
    Result<void> appendHistoryText(const QString &id, qint64 seq, const QString &field, const QByteArray &utf8);
    /// The UTF-8 of the keyframe of `field` kept with version `seq` (and its packed size), or why
    /// it cannot be read.
    Result<QByteArray> keyframeText(qint64 seq, const QString &field, qsizetype *packedBytes = nullptr) const;
    /// The long texts of the entity's versions `fromSeq`..`toSeq`, in order: (seq, field, text).
    Result<void> readHistoryTexts(const QString &id, qint64 fromSeq, qint64 toSeq,
                                  const std::function<void(qint64, const QString &, const QString &)> &take) const;
    Result<void> appendOperation(const Entity &entity, const QJsonObject &fields, const Hlc &hlc);
    Result<void> insertOperation(const Entity &entity, const QJsonObject &fields, qint64 baseRev, const Hlc &hlc);
    Result<Hlc> nextHlc();
    Result<void> checkReferences(const Entity &entity) const;
    Result<Entity> setDeleted(const QString &id, bool deleted);
    /// Outbox rows in their order, filtered by an SQL clause ("WHERE …", or empty); -1: all.
    /// Up to `limit` rows and, with `maxBytes`, no more than that many bytes of fields (but at least one).
    Result<QList<OutboxOp>> outboxRows(const QString &where, int limit, qsizetype maxBytes = -1) const;
    /// Fields with unsent local edits of one entity (bare names).
    Result<QSet<QString>> pendingFields(const QString &id) const;
    /// Fields with unsent local edits of the given entities ("ID/field"), by the outbox's entity
    /// index: the cost follows the page, not the length of the outbox.
    Result<QSet<QString>> pendingFields(const QList<QString> &ids) const;
    /// `at`: when the server took the change (ms since the epoch), the time its history shows;
    /// 0: now.
    /// `mayExist` false: the caller knows the store has never had `id` (saves its reads).
    Result<Entity> applyRemoteChange(Kind kind, const QString &id, qint64 rev, const QJsonObject &fields, const Hlc &hlc,
                                     const QSet<QString> &pending, qint64 at = 0, bool mayExist = true);
    /// Of `ids`, those the store has or had (an item, a collection, or one erased here).
    Result<QSet<QString>> knownIds(const QList<QString> &ids) const;
    /// In a bulk transaction: notes that the item `id`'s indexed text is about to change (a new
    /// row, an update to `title`, `body` and `tags`, or the row's removal when `removed`), keeping
    /// the text the index has for it so that flushTextIndex() can take it out.
    Result<void> deferTextIndex(const QString &id, bool isNew, bool removed, const QString &title = {},
                                const QString &body = {}, const QString &tags = {});
    /// Brings the full-text index up to date with the rows deferTextIndex() noted: two statements.
    Result<void> flushTextIndex();
    QString lastSortKey(Kind kind, const QString &collectionId, const QString &parentId) const;
    QString filterClause(const ItemFilter &filter, QVariantList &bindings) const;

    QString m_path;
    QString m_connection;
    HybridClock::WallClock m_wall;
    HybridClock m_clock;
    // Statements by SQL text. Held through unique_ptr so that a reference from prepared() stays
    // valid while other statements are added.
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QList<QPair<Kind, QString>> m_changedInTransaction;
    /// Per open savepoint: how long m_changedInTransaction, the journal and the list of rows to
    /// index were when it began.
    struct SavepointMark
    {
        qsizetype changed = 0;
        qsizetype journaled = 0;
        qsizetype textIndexPending = 0;
    };
    QList<SavepointMark> m_savepointMarks;
    /// In bulk(): the items whose full-text entries flushTextIndex() writes, in the order noted.
    bool m_textIndexDeferred = false;
    QList<QString> m_textIndexPending;
    QSet<QString> m_textIndexPendingSet;
    /// While recorded() runs: each local change's entity before (empty: created) and after.
    QList<Touched> *m_journal = nullptr;
    int m_depth = 0; ///< 0: no transaction; 1: an action or batch; more: actions inside a batch
    bool m_batchBroken = false; ///< a savepoint could not be rolled back: the batch must not commit
    bool m_outboxChangedInTransaction = false;
};

} // namespace tidemark::model
