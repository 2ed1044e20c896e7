// Every decision about a conflict: a choice, keeping both texts as items, putting back a rule's
// other value, undoing a choice. The window and tidemarkctl call only these (decisions.h).
#include "decisions.h"

#include "entity.h"
#include "store.h"

#include "sync/fieldrules.h"
#include "sync/mergedocument.h"
#include "sync/protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::model {

namespace {

// Compared as stored: 1 and 1.0, or a missing and a null value, are the same here.
bool same(const QJsonValue &a, const QJsonValue &b)
{
    return a == b || (a.isUndefined() && b.isNull()) || (a.isNull() && b.isUndefined());
}

// How far apart two texts are, in changed lines.
qsizetype distance(const QString &a, const QString &b)
{
    qsizetype lines = 0;
    const sync::MergeDocument diff = sync::MergeDocument::makeTwoWay(a, b);
    for (const auto &hunk : diff.hunks())
        lines += hunk.mine.size() + hunk.theirs.size();
    return lines;
}

// The status an event had before a person's choice settled it.
QString statusBeforeChoice(const ConflictRecord &r)
{
    return r.outcome == QLatin1String("open") ? u"open"_s : u"settled"_s;
}

QStringList idsFromText(const QString &text)
{
    QStringList ids;
    for (const QJsonValue &id : QJsonDocument::fromJson(text.toUtf8()).array())
        ids << id.toString();
    return ids;
}

QString idsText(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}
} // namespace

Decisions::Decisions(Store &store)
    : m_store(store)
{
}

bool Decisions::isText(const ConflictRecord &r)
{
    return sync::fieldKind(kindName(r.kind), r.field) == sync::FieldKind::Text && r.mine.isString() && r.theirs.isString();
}

Result<Decisions::ItemConflicts> Decisions::openConflicts(const QString &entityId) const
{
    const auto records = m_store.conflictRecords(true);
    if (!records)
        return std::unexpected(records.error());
    ItemConflicts item;
    for (const ConflictRecord &r : std::as_const(*records)) { // newest first
        if (r.entityId != entityId)
            continue;
        if (std::ranges::none_of(item.shown, [&r](const ConflictRecord &o) { return o.field == r.field; }))
            item.shown.append(r);
        else
            item.older.append(r);
    }
    return item;
}

Decisions::TextSides Decisions::textSides(const ConflictRecord &r) const
{
    TextSides sides{r.mine.toString(), r.theirs.toString(), r.base.toString(), r.base.isString() || r.base.isNull()};
    if (const auto e = m_store.entity(r.entityId)) {
        const QString now = e->string(r.field);
        if (now != sides.mine && now != sides.theirs) {
            if (distance(now, sides.mine) <= distance(now, sides.theirs))
                sides.mine = now;
            else
                sides.theirs = now;
        }
    }
    return sides;
}

Result<QJsonValue> Decisions::valueFor(const ConflictRecord &r, Take take) const
{
    if (take != Take::Both)
        return take == Take::Mine ? r.mine : r.theirs;
    if (!isText(r))
        return std::unexpected(Error::invalid(u"both sides can be kept only in a text; the %1 holds one value: take mine or theirs"_s.arg(r.field)));
    const TextSides sides = textSides(r);
    auto doc = sides.hasBase ? sync::MergeDocument::make(sides.base, sides.mine, sides.theirs)
                             : sync::MergeDocument::makeTwoWay(sides.mine, sides.theirs);
    for (qsizetype h = 0; h < doc.hunks().size(); ++h) {
        if (doc.choice(h) == sync::MergeChoice::Undecided)
            doc.choose(h, sync::MergeChoice::MineThenTheirs);
    }
    return QJsonValue(doc.result());
}

Result<ConflictRecord> Decisions::find(const QString &eventId) const
{
    QSqlQuery &q = m_store.prepared(u"SELECT id, entity_id, kind, field, rule, status, outcome, mine, theirs, rev, base, device, at, settles, "
                                      "mine_device, mine_at, theirs_device, theirs_at, op_id FROM conflicts WHERE id = ?"_s);
    q.addBindValue(eventId);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    if (!q.next())
        return std::unexpected(Error::notFound(u"no conflict event %1"_s.arg(eventId)));
    ConflictRecord r{q.value(0).toString(), q.value(1).toString(), kindFromName(q.value(2).toString()).value_or(Kind::Note),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                     valueFromText(q.value(7).toString()), valueFromText(q.value(8).toString()), q.value(9).toLongLong(),
                     q.value(10).isNull() ? QJsonValue(QJsonValue::Undefined) : valueFromText(q.value(10).toString()),
                     q.value(11).toString(), q.value(12).toLongLong(), q.value(13).toString(), q.value(14).toString(),
                     q.value(15).toLongLong(), q.value(16).toString(), q.value(17).toLongLong(), q.value(18).toString()};
    q.finish();
    return r;
}

Result<void> Decisions::record(const ConflictRecord &r, const QJsonValue &value)
{
    auto e = m_store.loadEntity(r.entityId);
    if (!e)
        return std::unexpected(Error::notFound(u"the item of conflict %1 is not here"_s.arg(r.id)));
    QJsonValue chosen = value;
    if (Fields::isKnown(e->kind, r.field)) {
        auto valid = Fields::validate(e->kind, r.field, value);
        if (!valid)
            return std::unexpected(valid.error());
        chosen = *valid;
    }
    const QJsonValue before = e->fields.value(r.field);
    auto changed = m_store.changeEntity(*e, {{r.field, chosen}}, u"resolution"_s);
    if (!changed)
        return std::unexpected(changed.error());
    if (same(before, chosen)) {
        // The choice is the value already here: nothing changes here, but the server must still
        // hear the choice (and so settle the conflict on every device).
        auto hlc = m_store.nextHlc();
        if (!hlc)
            return std::unexpected(hlc.error());
        if (auto queued = m_store.appendOperation(*changed, {{r.field, chosen}}, *hlc); !queued)
            return std::unexpected(queued.error());
    }
    // The operation now last in the outbox for this item carries the choice.
    QSqlQuery &carrier = m_store.prepared(u"SELECT seq, op_id, resolves FROM outbox WHERE seq = (SELECT MAX(seq) FROM outbox WHERE entity_id = ?)"_s);
    carrier.addBindValue(r.entityId);
    if (!carrier.exec())
        return std::unexpected(Error::database(carrier.lastError().text()));
    if (!carrier.next())
        return std::unexpected(Error::database(u"the choice for %1 found no operation to carry it"_s.arg(r.id)));
    const qint64 seq = carrier.value(0).toLongLong();
    const QString opId = carrier.value(1).toString();
    QStringList resolves = idsFromText(carrier.value(2).toString());
    carrier.finish();
    if (!resolves.contains(r.id))
        resolves.append(r.id);
    QSqlQuery &mark = m_store.prepared(u"UPDATE outbox SET resolves = ? WHERE seq = ?"_s);
    mark.addBindValue(idsText(resolves));
    mark.addBindValue(seq);
    if (!mark.exec())
        return std::unexpected(Error::database(mark.lastError().text()));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The event decided: a conflict (or a rule's decision) is resolved; a choice is undone, and
    // the events it settled are back as they were.
    const bool isUndo = r.isResolution();
    if (auto marked = isUndo ? markUndone(r, now) : setStatus(r.id, u"resolved"_s, now); !marked)
        return marked;
    // The decision as an event of its own, under the id the server gives it (sync::decisionEventId),
    // so that the trail shows it, and it can be undone, before the next sync; that sync's pull
    // brings the same event.
    if (auto kept = keepEvent(sync::decisionEventId(opId, r.id), r, isUndo, chosen, before, opId, now); !kept)
        return kept;
    m_store.m_changedInTransaction.append({e->kind, r.entityId});
    return {};
}

Result<void> Decisions::setStatus(const QString &eventId, const QString &status, qint64 now)
{
    QSqlQuery &q = m_store.prepared(u"UPDATE conflicts SET status = ?, resolved_at = ? WHERE id = ?"_s);
    q.addBindValue(status);
    q.addBindValue(status == QLatin1String("open") ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(now));
    q.addBindValue(eventId);
    if (!q.exec())
        return std::unexpected(Error::database(q.lastError().text()));
    return {};
}

Result<void> Decisions::markUndone(const ConflictRecord &choice, qint64 now)
{
    if (auto marked = setStatus(choice.id, u"undone"_s, now); !marked)
        return marked;
    const auto settled = find(choice.settles);
    return settled ? setStatus(settled->id, statusBeforeChoice(*settled), now) : Result<void>{};
}

Result<void> Decisions::keepEvent(const QString &id, const ConflictRecord &decided, bool isUndo, const QJsonValue &written,
                                  const QJsonValue &before, const QString &opId, qint64 now)
{
    QSqlQuery &event = m_store.prepared(
        u"INSERT INTO conflicts (id, entity_id, kind, field, rule, status, mine, theirs, created_at, resolved_at, rev, outcome, "
          "device, at, settles, mine_device, mine_at, op_id) "
          "VALUES (?, ?, ?, ?, ?, 'settled', ?, ?, ?, ?, (SELECT COALESCE(MAX(rev), 0) FROM conflicts), ?, '', ?, ?, ?, ?, ?) "
          "ON CONFLICT (id) DO UPDATE SET status = 'settled', mine = excluded.mine, theirs = excluded.theirs, "
          "resolved_at = excluded.resolved_at"_s);
    for (const QVariant &v : QVariantList{id, decided.entityId, kindName(decided.kind), decided.field, isUndo ? u"undo"_s : u"resolution"_s,
                                          valueText(written), valueText(before), now, now, isUndo ? u"undone"_s : u"resolved"_s, now,
                                          decided.id, m_store.deviceId(), now, opId})
        event.addBindValue(v);
    if (!event.exec())
        return std::unexpected(Error::database(event.lastError().text()));
    return {};
}

Result<Entity> Decisions::decide(const QList<Choice> &choices)
{
    if (choices.isEmpty())
        return std::unexpected(Error::invalid(u"nothing to decide"_s));
    std::optional<Entity> item;
    auto done = m_store.batch([&]() -> Result<void> {
        const auto open = m_store.conflictRecords(true);
        if (!open)
            return std::unexpected(open.error());
        for (const Choice &choice : choices) {
            auto r = find(choice.eventId);
            if (!r)
                return std::unexpected(r.error());
            if (r->isResolution() || r->isUndo())
                return std::unexpected(Error::invalid(u"event %1 is a person's decision: undo it, or decide the conflict it settled"_s.arg(r->id)));
            if (r->status == QLatin1String("resolved"))
                return std::unexpected(Error::invalid(u"event %1 was decided already (tidemarkctl audit shows the choice)"_s.arg(r->id)));
            if (r->isUndone())
                return std::unexpected(Error::invalid(u"event %1 was undone"_s.arg(r->id)));
            if (auto written = record(*r, choice.value); !written)
                return written;
            // One choice settles the field's older open conflicts of the item too.
            for (const ConflictRecord &o : std::as_const(*open)) {
                if (o.entityId == r->entityId && o.field == r->field && o.id != r->id && o.rev <= r->rev
                    && std::ranges::none_of(choices, [&o](const Choice &c) { return c.eventId == o.id; })) {
                    if (auto written = record(o, choice.value); !written)
                        return written;
                }
            }
            item = m_store.loadEntity(r->entityId);
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return *item;
}

Result<Entity> Decisions::decide(const QString &eventId, Take take)
{
    auto r = find(eventId);
    if (!r)
        return std::unexpected(r.error());
    auto value = valueFor(*r, take);
    if (!value)
        return std::unexpected(value.error());
    return decide({{eventId, *value}});
}

Result<QString> Decisions::keepBothAsItems(const QString &eventId, const QString &copyTitle, const QList<Choice> &others)
{
    auto r = find(eventId);
    if (!r)
        return std::unexpected(r.error());
    if (!isText(*r) || !r->isOpen())
        return std::unexpected(Error::invalid(u"only an open text conflict can be kept as two items"_s));
    auto e = m_store.entity(r->entityId);
    if (!e)
        return std::unexpected(Error::notFound(u"the item of conflict %1 is not here"_s.arg(r->id)));
    const TextSides sides = textSides(*r);
    QString copyId;
    auto done = m_store.batch([&]() -> Result<void> {
        QJsonObject other{{r->field, sides.theirs}, {e->kind == Kind::Collection ? u"name"_s : u"title"_s, copyTitle}};
        if (e->fields.value(u"collection"_s).isString())
            other.insert(u"collection"_s, e->fields.value(u"collection"_s));
        auto copy = m_store.create(e->kind, other);
        if (!copy)
            return std::unexpected(copy.error());
        copyId = copy->id;
        QList<Choice> all = others;
        all.append({eventId, sides.mine});
        if (auto decided = decide(all); !decided)
            return std::unexpected(decided.error());
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return copyId;
}

std::optional<QJsonValue> Decisions::otherValue(const ConflictRecord &r) const
{
    if (r.isOpen() || r.isResolution() || r.isUndo() || r.status != QLatin1String("settled") || same(r.mine, r.theirs))
        return std::nullopt;
    const auto e = m_store.entity(r.entityId);
    if (!e)
        return std::nullopt;
    const QJsonValue now = e->fields.value(r.field);
    if (same(now, r.mine))
        return r.theirs;
    if (same(now, r.theirs))
        return r.mine;
    return std::nullopt;
}

std::expected<QJsonValue, QString> Decisions::undoPreview(const ConflictRecord &r) const
{
    if (!r.isResolution())
        return std::unexpected(r.isUndo() ? u"an undo is final: decide the conflict again instead"_s : u"not a person's choice"_s);
    if (r.isUndone())
        return std::unexpected(u"undone already"_s);
    if (r.status != QLatin1String("settled"))
        return std::unexpected(u"a later choice replaced it"_s);
    const auto e = m_store.entity(r.entityId);
    if (!e)
        return std::unexpected(u"the item is not here"_s);
    if (!same(e->fields.value(r.field), r.written()))
        return std::unexpected(u"the %1 changed after this choice; the history brings back any version"_s.arg(r.field));
    return r.before();
}

Result<Entity> Decisions::undo(const QString &choiceId)
{
    auto r = find(choiceId);
    if (!r)
        return std::unexpected(r.error());
    auto before = undoPreview(*r);
    if (!before)
        return std::unexpected(Error::invalid(u"cannot undo %1: %2"_s.arg(choiceId, before.error())));
    // One choice may have settled several events of the field (its older conflicts): all of
    // them are undone together, so that the item is as it was before the choice.
    QList<ConflictRecord> choice{*r};
    if (!r->opId.isEmpty()) {
        const auto all = m_store.conflictRecords();
        if (!all)
            return std::unexpected(all.error());
        for (const ConflictRecord &o : std::as_const(*all)) {
            if (o.id != r->id && o.opId == r->opId && o.entityId == r->entityId && o.field == r->field && o.isResolution()
                && o.status == QLatin1String("settled"))
                choice.append(o);
        }
    }
    std::optional<Entity> item;
    auto done = m_store.batch([&]() -> Result<void> {
        // A choice that has not left this device yet is taken back from its operation: the
        // server never hears of it, and the item's next operation carries its old value.
        QSqlQuery &unsent = m_store.prepared(u"SELECT seq, resolves FROM outbox WHERE op_id = ? AND in_flight = 0"_s);
        unsent.addBindValue(r->opId);
        if (!unsent.exec())
            return std::unexpected(Error::database(unsent.lastError().text()));
        const bool local = !r->opId.isEmpty() && unsent.next();
        const qint64 seq = local ? unsent.value(0).toLongLong() : 0;
        QStringList resolves = local ? idsFromText(unsent.value(1).toString()) : QStringList();
        unsent.finish();
        if (!local) {
            for (const ConflictRecord &c : std::as_const(choice)) {
                if (auto written = record(c, *before); !written)
                    return written;
            }
            item = m_store.loadEntity(r->entityId);
            return {};
        }
        for (const ConflictRecord &c : std::as_const(choice))
            resolves.removeAll(c.settles);
        QSqlQuery &mark = m_store.prepared(u"UPDATE outbox SET resolves = ? WHERE seq = ?"_s);
        mark.addBindValue(resolves.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(idsText(resolves)));
        mark.addBindValue(seq);
        if (!mark.exec())
            return std::unexpected(Error::database(mark.lastError().text()));
        auto e = m_store.loadEntity(r->entityId);
        if (!e)
            return std::unexpected(Error::notFound(u"the item of %1 is not here"_s.arg(r->id)));
        auto changed = m_store.changeEntity(*e, {{r->field, *before}}, u"resolution"_s);
        if (!changed)
            return std::unexpected(changed.error());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // The trail keeps the choice and its undo, here only, as the choice never left this device.
        for (const ConflictRecord &c : std::as_const(choice)) {
            if (auto marked = markUndone(c, now); !marked)
                return marked;
            if (auto kept = keepEvent(sync::decisionEventId(r->opId, c.id), c, true, *before, c.written(), r->opId, now); !kept)
                return kept;
        }
        m_store.m_changedInTransaction.append({e->kind, r->entityId});
        item = *changed;
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return *item;
}

Decisions::Action Decisions::actionFor(const ConflictRecord &r) const
{
    if (r.isOpen())
        return Action::Resolve;
    if (r.isResolution())
        return undoPreview(r) ? Action::Undo : Action::None;
    return otherValue(r) ? Action::UseOtherValue : Action::None;
}

} // namespace tidemark::model
