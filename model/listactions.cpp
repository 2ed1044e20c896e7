#include "listactions.h"

#include <QJsonValue>

#include <algorithm>
#include <chrono>
#include <ranges>

namespace tidemark::model {
namespace {

using namespace Qt::StringLiterals;

bool isOpenTask(const std::optional<Entity> &e)
{
    return e && e->kind == Kind::Task && !e->fields.value(u"done_at"_s).isString();
}

} // namespace

ListActions::ListActions(Store &store)
    : m_store(store)
{
}

Result<ListActions::Outcome> ListActions::act(Action action, int items, const std::function<Result<void>()> &actions)
{
    auto touched = m_store.recorded(actions);
    if (!touched)
        return std::unexpected(touched.error());
    Step step{action, items, {}};
    for (const Store::Touched &t : *touched) {
        Change change{t.id, {}, {}};
        if (!t.before) {
            // Made by the step (a recurring task's next occurrence): undone by the Trash.
            change.before.insert(u"deleted"_s, true);
            change.after.insert(u"deleted"_s, false);
        } else {
            for (auto it = t.after.begin(); it != t.after.end(); ++it) {
                if (t.before->value(it.key()) != it.value()) {
                    change.before.insert(it.key(), t.before->value(it.key()));
                    change.after.insert(it.key(), it.value());
                }
            }
        }
        if (!change.after.isEmpty())
            step.changes.append(std::move(change));
    }
    if (!step.changes.isEmpty()) {
        step.doneAt = steadyNow();
        m_undo.append(std::move(step));
        if (m_undo.size() > kMaxSteps)
            m_undo.removeFirst();
        m_redo.clear();
    }
    return Outcome{action, items, 0};
}

Result<ListActions::Outcome> ListActions::trash(const QStringList &ids)
{
    bool onlyCollections = !ids.isEmpty();
    for (const QString &id : ids) {
        const auto e = m_store.entity(id);
        if (!e)
            return std::unexpected(Error::notFound(u"no note, task or collection with id %1"_s.arg(id)));
        onlyCollections = onlyCollections && e->kind == Kind::Collection;
    }
    return act(onlyCollections ? Action::DeleteCollection : Action::Trash, int(ids.size()), [&]() -> Result<void> {
        for (const QString &id : ids) {
            const auto e = m_store.entity(id);
            if (e && e->kind == Kind::Collection && !e->isDeleted()) {
                // What the collection held stays: its items without a collection, the collections
                // inside it one level up.
                const auto items = m_store.items(ItemFilter::collection(id));
                if (!items)
                    return std::unexpected(items.error());
                for (const ItemRow &row : *items)
                    if (auto r = m_store.move(row.id, {}); !r)
                        return std::unexpected(r.error());
                const auto collections = m_store.collections();
                if (!collections)
                    return std::unexpected(collections.error());
                const QJsonValue up = e->fields.value(u"parent"_s);
                for (const CollectionRow &row : *collections)
                    if (row.parentId == id)
                        if (auto r = m_store.update(row.id, {{u"parent"_s, up}}); !r)
                            return std::unexpected(r.error());
            }
            if (auto r = m_store.trash(id); !r)
                return std::unexpected(r.error());
        }
        return {};
    });
}

Result<ListActions::Outcome> ListActions::restore(const QStringList &ids)
{
    return act(Action::Restore, int(ids.size()), [&]() -> Result<void> {
        for (const QString &id : ids) {
            if (auto r = m_store.restore(id); !r)
                return std::unexpected(r.error());
            // Back from the Trash into a collection deleted meanwhile: without a collection, as
            // the collection's other items are.
            const auto e = m_store.entity(id);
            const QString collection = e ? e->fields.value(u"collection"_s).toString() : QString();
            if (collection.isEmpty())
                continue;
            const auto home = m_store.entity(collection);
            if (!home || home->isDeleted())
                if (auto r = m_store.move(id, {}); !r)
                    return std::unexpected(r.error());
        }
        return {};
    });
}

Result<ListActions::Outcome> ListActions::setDone(const QStringList &ids, bool done)
{
    QStringList tasks;
    for (const QString &id : ids)
        if (const auto e = m_store.entity(id); e && e->kind == Kind::Task)
            tasks << id;
    return act(done ? Action::Complete : Action::Reopen, int(tasks.size()), [&]() -> Result<void> {
        for (const QString &id : std::as_const(tasks))
            if (auto r = m_store.setDone(id, done); !r)
                return std::unexpected(r.error());
        return {};
    });
}

Result<ListActions::Outcome> ListActions::toggleDone(const QStringList &ids)
{
    const bool anyOpen = std::ranges::any_of(ids, [this](const QString &id) { return isOpenTask(m_store.entity(id)); });
    return setDone(ids, anyOpen);
}

Result<ListActions::Outcome> ListActions::move(const QStringList &ids, const QString &collectionId)
{
    QStringList items;
    for (const QString &id : ids)
        if (const auto e = m_store.entity(id); e && e->kind != Kind::Collection)
            items << id;
    return act(Action::Move, int(items.size()), [&]() -> Result<void> {
        for (const QString &id : std::as_const(items))
            if (auto r = m_store.move(id, collectionId); !r)
                return std::unexpected(r.error());
        return {};
    });
}

Result<ListActions::Outcome> ListActions::setNoteFlag(Action action, const QString &field, const QStringList &ids,
                                                      bool on)
{
    QStringList notes;
    for (const QString &id : ids)
        if (const auto e = m_store.entity(id); e && e->kind == Kind::Note)
            notes << id;
    return act(action, int(notes.size()), [&]() -> Result<void> {
        for (const QString &id : std::as_const(notes))
            if (auto r = m_store.update(id, {{field, on}}); !r)
                return std::unexpected(r.error());
        return {};
    });
}

bool ListActions::anyNoteWithout(const QStringList &ids, const QString &field) const
{
    return std::ranges::any_of(ids, [&](const QString &id) {
        const auto e = m_store.entity(id);
        return e && e->kind == Kind::Note && !e->flag(field);
    });
}

Result<ListActions::Outcome> ListActions::setPinned(const QStringList &ids, bool pinned)
{
    return setNoteFlag(pinned ? Action::Pin : Action::Unpin, u"pinned"_s, ids, pinned);
}

Result<ListActions::Outcome> ListActions::togglePinned(const QStringList &ids)
{
    return setPinned(ids, anyNoteWithout(ids, u"pinned"_s));
}

Result<ListActions::Outcome> ListActions::setArchived(const QStringList &ids, bool archived)
{
    return setNoteFlag(archived ? Action::Archive : Action::Unarchive, u"archived"_s, ids, archived);
}

Result<ListActions::Outcome> ListActions::toggleArchived(const QStringList &ids)
{
    return setArchived(ids, anyNoteWithout(ids, u"archived"_s));
}

std::optional<ListActions::Action> ListActions::undoable() const
{
    return m_undo.isEmpty() ? std::nullopt : std::optional(m_undo.last().action);
}

std::optional<ListActions::Action> ListActions::redoable() const
{
    return m_redo.isEmpty() ? std::nullopt : std::optional(m_redo.last().action);
}

std::optional<qint64> ListActions::undoableDoneAt() const
{
    return m_undo.isEmpty() ? std::nullopt : std::optional(m_undo.last().doneAt);
}

qint64 ListActions::steadyNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Result<int> ListActions::replay(const Step &step, bool forward)
{
    int keptNewer = 0;
    const auto done = m_store.batch([&]() -> Result<void> {
        const auto write = [&](const Change &change) -> Result<void> {
            const auto current = m_store.entity(change.id);
            if (!current) { // erased from this device since (Empty Trash)
                ++keptNewer;
                return {};
            }
            const QJsonObject &from = forward ? change.before : change.after;
            const QJsonObject &to = forward ? change.after : change.before;
            QJsonObject fields;
            bool newer = false;
            for (auto it = to.begin(); it != to.end(); ++it) {
                const QJsonValue now = current->fields.value(it.key());
                if (now == from.value(it.key()))
                    fields.insert(it.key(), it.value());
                else if (now != it.value())
                    newer = true;
            }
            if (newer)
                ++keptNewer;
            if (fields.isEmpty())
                return {};
            auto r = m_store.update(change.id, fields);
            return r ? Result<void>() : std::unexpected(r.error());
        };
        // Undo walks back in reverse: a deleted collection is restored before its items return.
        if (forward) {
            for (const Change &change : step.changes)
                if (auto r = write(change); !r)
                    return r;
        } else {
            for (const Change &change : step.changes | std::views::reverse)
                if (auto r = write(change); !r)
                    return r;
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return keptNewer;
}

Result<ListActions::Outcome> ListActions::undo()
{
    if (m_undo.isEmpty())
        return std::unexpected(Error::invalid(u"nothing to undo"_s));
    const auto kept = replay(m_undo.last(), false);
    if (!kept)
        return std::unexpected(kept.error());
    Step step = m_undo.takeLast();
    const Outcome outcome{step.action, step.items, *kept};
    m_redo.append(std::move(step));
    return outcome;
}

Result<ListActions::Outcome> ListActions::redo()
{
    if (m_redo.isEmpty())
        return std::unexpected(Error::invalid(u"nothing to redo"_s));
    const auto kept = replay(m_redo.last(), true);
    if (!kept)
        return std::unexpected(kept.error());
    Step step = m_redo.takeLast();
    step.doneAt = steadyNow();
    const Outcome outcome{step.action, step.items, *kept};
    m_undo.append(std::move(step));
    return outcome;
}

void ListActions::clear()
{
    m_undo.clear();
    m_redo.clear();
}

} // namespace tidemark::model
