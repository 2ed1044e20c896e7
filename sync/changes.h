#pragma once

// The pull side of the sync protocol: the page a device gets from GET /v1/changes, its changes and
// its conflict events, as types, with the one encoder (the server's) and the one decoder (the
// device's) of their JSON form (docs/protocol.md, "Pull"). The push side is sync/protocol.h.

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace tidemark::sync {

/// One entity as a pull brings it: the fields that changed after the device's cursor, with their
/// current values (all of them in a snapshot).
struct Change
{
    QString id{};
    QString kind{};       ///< "collection", "note", "task", or a newer version's kind, passed on as it is
    qint64 rev = 0;     ///< the revision of the entity's latest change
    QJsonObject fields{}; ///< a field the server never had comes as null (the device reads its default)
    QString device{};     ///< the device whose change made `rev`; empty once that version is thinned
    qint64 at = 0;      ///< when the server accepted it (ms since the epoch); 0 once thinned
    QJsonObject unknown{}; ///< members a newer server sent that this version does not know, kept as they came

    friend bool operator==(const Change &, const Change &) = default;
};

/// One event of the conflict trail (docs/conflicts.md): a collision the server judged, a person's
/// decision of one, or the undoing of a decision.
struct ConflictEvent
{
    QString id{};
    QString entity{};     ///< the entity it is about
    QString kind{};       ///< that entity's kind
    QString field{};
    QString rule{};       ///< the rule that decided it, "resolution" for a person's choice, "undo" for its undoing
    QString status{};     ///< "open", "settled", "resolved" or "undone"
    QString outcome{};
    QJsonValue incoming{}; ///< the value the operation from `device` carried
    QJsonValue current{};  ///< the value the server had, and kept or replaced
    std::optional<QJsonValue> base{}; ///< the value both sides changed from, where the rule had one
    QString device{};     ///< the device that sent the operation
    qint64 at = 0;      ///< the server's time of the event (ms since the epoch)
    qint64 rev = 0;     ///< the account's revision when it was recorded
    QString settles{};    ///< a decision: the event it settled (or the decision it undid)
    QString opId{};       ///< the operation that made it
    QString incomingHlc{}; ///< the incoming side's clock: its device and the moment of the edit
    QString currentHlc{};  ///< the current side's clock (empty for a decision)
    QJsonObject unknown{}; ///< members this version does not know, kept as they came

    friend bool operator==(const ConflictEvent &, const ConflictEvent &) = default;
};

/// Where a snapshot continues: the revision it shows and the last entity id sent.
struct SnapshotPosition
{
    qint64 rev = 0;
    QString after{};

    friend bool operator==(const SnapshotPosition &, const SnapshotPosition &) = default;
};

/// One page of a pull.
struct ChangesPage
{
    QList<Change> changes{};
    QList<ConflictEvent> conflicts{};   ///< events recorded in the page's range of revisions
    QHash<QString, QString> devices{};  ///< the account's device names (device id -> name)
    qint64 cursor = 0;                ///< pass as `since` for the next page
    bool hasMore = false;             ///< more pages follow (a snapshot's continuation included)
    /// The page is part of a full snapshot (the cursor was older than the compacted log): its
    /// entities carry all their fields, and once it is complete, an entity the device has that is
    /// in none of its pages was purged from the server.
    bool snapshot = false;
    std::optional<SnapshotPosition> next{}; ///< the snapshot's next page: ask again with the same `since` and this
    QJsonObject unknown{};

    friend bool operator==(const ChangesPage &, const ChangesPage &) = default;
};

/// What a decoder takes at most from one page: what a server may send, with room to spare.
struct PageLimits
{
    qsizetype maxIdLength = 64;
    qsizetype maxNameLength = 200;   ///< a device's name, a rule's, a status's
    qsizetype maxDevices = 10000;
};

QJsonObject encodeChange(const Change &change);
QJsonObject encodeConflictEvent(const ConflictEvent &event);
QJsonObject encodePage(const ChangesPage &page);

/// Each decoder checks every member's type and size; an error names the member and what was wrong.
std::expected<Change, QString> decodeChange(const QJsonObject &json, const PageLimits &limits = {});
std::expected<ConflictEvent, QString> decodeConflictEvent(const QJsonObject &json, const PageLimits &limits = {});
std::expected<ChangesPage, QString> decodePage(const QJsonObject &json, const PageLimits &limits = {});

} // namespace tidemark::sync
