// The list's actions as a person sees them: each is one step that undo takes back exactly and
// redo does again, as ordinary synced changes; what changed since (here or on another device) is
// left as it is.
#include "model/listactions.h"
#include "model/store.h"

#include <QJsonArray>
#include <QTest>

using namespace tidemark::model;
using namespace Qt::StringLiterals;
using Action = ListActions::Action;

class TestListActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void trashThenUndoBringsBackOnlyThoseItems();
    void redoDoesItAgainAndANewActionForgetsRedo();
    void undoIsAnOrdinarySyncedChange();
    void completingAParentCompletesItsOpenSubtasksInOneStep();
    void undoOfARecurringCompletionTakesBackItsNextOccurrence();
    void deletingACollectionKeepsItsItemsAndUndoBringsItBackWhole();
    void restoringIntoADeletedCollectionComesBackWithoutOne();
    void toggleCompletesAllWhenAnyIsOpen();
    void moveAndPinAreUndoable();
    void archivingTakesNotesOutOfAllAndUndoBringsThemBack();
    void aFieldChangedSinceKeepsItsNewerValue();
    void anActionThatChangesNothingLeavesNoStep();
    void nothingToUndoIsAnError();
    void onlyTheLastHundredStepsAreKept();

private:
    QString add(Kind kind, const QString &title, QJsonObject fields = {});
    [[nodiscard]] bool isDeleted(const QString &id) const { return m_store->entity(id)->isDeleted(); }
    [[nodiscard]] bool isDone(const QString &id) const
    {
        return m_store->entity(id)->fields.value(u"done_at"_s).isString();
    }
    /// Sends everything queued to a pretend server that takes it all.
    void syncEverything();

    std::unique_ptr<Store> m_store;
    std::unique_ptr<ListActions> m_actions;
};

void TestListActions::init()
{
    auto store = Store::open(u":memory:"_s);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    m_actions = std::make_unique<ListActions>(*m_store);
}

void TestListActions::cleanup()
{
    m_actions.reset();
    m_store.reset();
}

QString TestListActions::add(Kind kind, const QString &title, QJsonObject fields)
{
    fields.insert(kind == Kind::Collection ? u"name"_s : u"title"_s, title);
    const auto created = m_store->create(kind, fields);
    if (!created)
        qFatal("cannot create %s: %s", qPrintable(title), qPrintable(created.error().message));
    return created->id;
}

void TestListActions::syncEverything()
{
    const auto ops = m_store->takeForSending(1000);
    QVERIFY(ops);
    QList<Store::Answer> answers;
    for (const OutboxOp &op : *ops)
        answers.append({op.opId, false, {}});
    QVERIFY(m_store->settle(answers));
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestListActions::trashThenUndoBringsBackOnlyThoseItems()
{
    const QString a = add(Kind::Note, u"A"_s);
    const QString b = add(Kind::Note, u"B"_s);
    const QString c = add(Kind::Task, u"C"_s);
    const auto trashed = m_actions->trash({a, c});
    QVERIFY(trashed);
    QCOMPARE(trashed->items, 2);
    QVERIFY(isDeleted(a) && isDeleted(c) && !isDeleted(b));
    QCOMPARE(m_actions->undoable(), Action::Trash);

    m_store->trash(b); // done elsewhere (the task editor, tidemarkctl): not a list step
    const auto undone = m_actions->undo();
    QVERIFY(undone);
    QCOMPARE(undone->action, Action::Trash);
    QCOMPARE(undone->keptNewer, 0);
    QVERIFY(!isDeleted(a) && !isDeleted(c));
    QVERIFY(isDeleted(b)); // undo took back its own step only
    QCOMPARE(m_actions->undoable(), std::nullopt);
    QCOMPARE(m_actions->redoable(), Action::Trash);
}

void TestListActions::redoDoesItAgainAndANewActionForgetsRedo()
{
    const QString a = add(Kind::Note, u"A"_s);
    QVERIFY(m_actions->trash({a}));
    QVERIFY(m_actions->undo());
    QVERIFY(!isDeleted(a));
    const auto redone = m_actions->redo();
    QVERIFY(redone);
    QCOMPARE(redone->action, Action::Trash);
    QVERIFY(isDeleted(a));
    QVERIFY(m_actions->undo());
    QVERIFY(m_actions->setPinned({a}, true));
    QCOMPARE(m_actions->redoable(), std::nullopt); // a new step ends what could be redone
    QCOMPARE(m_actions->undoable(), Action::Pin);
}

void TestListActions::undoIsAnOrdinarySyncedChange()
{
    const QString a = add(Kind::Note, u"A"_s);
    syncEverything();
    QVERIFY(m_actions->trash({a}));
    syncEverything(); // the trashing reached the server
    const int versions = int(m_store->history(a)->size());
    QVERIFY(m_actions->undo());
    QCOMPARE(m_store->pendingCount(), 1); // the restoring goes to the server like any edit
    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->first().entityId, a);
    QCOMPARE(outbox->first().fields.value(u"deleted"_s), QJsonValue(false));
    QCOMPARE(int(m_store->history(a)->size()), versions + 1); // and is a version of its own
}

void TestListActions::completingAParentCompletesItsOpenSubtasksInOneStep()
{
    const QString parent = add(Kind::Task, u"Trip"_s);
    const QString pack = add(Kind::Task, u"Pack"_s, {{u"parent"_s, parent}});
    const QString tickets = add(Kind::Task, u"Tickets"_s, {{u"parent"_s, parent}});
    const QString passport = add(Kind::Task, u"Passport"_s, {{u"parent"_s, tickets}}); // two deep
    QVERIFY(m_store->setDone(pack, true)); // done before: stays done with its own time
    const QJsonValue packDoneAt = m_store->entity(pack)->fields.value(u"done_at"_s);
    const QString other = add(Kind::Task, u"Other"_s);

    const auto done = m_actions->setDone({parent}, true);
    QVERIFY(done);
    QCOMPARE(done->items, 1);
    QVERIFY(isDone(parent) && isDone(tickets) && isDone(passport));
    QCOMPARE(m_store->entity(pack)->fields.value(u"done_at"_s), packDoneAt);
    QVERIFY(!isDone(other));

    // Reopening the parent leaves its parts as they are; undoing the completion reopens them all.
    QVERIFY(m_actions->undo());
    QVERIFY(!isDone(parent) && !isDone(tickets) && !isDone(passport));
    QVERIFY(isDone(pack)); // it was done before the step
    QVERIFY(m_actions->redo());
    QVERIFY(m_actions->setDone({parent}, false));
    QVERIFY(!isDone(parent) && isDone(tickets) && isDone(passport));
}

void TestListActions::undoOfARecurringCompletionTakesBackItsNextOccurrence()
{
    const QString daily = add(Kind::Task, u"Water plants"_s, {{u"recurrence"_s, u"FREQ=DAILY"_s}, {u"due"_s, u"2026-12-04"_s}});
    QVERIFY(m_actions->setDone({daily}, true));
    auto open = m_store->items(ItemFilter::all());
    QCOMPARE(open->size(), 2); // this one done, the next one due tomorrow
    QString next;
    for (const ItemRow &row : *open)
        if (row.id != daily)
            next = row.id;
    QVERIFY(!next.isEmpty() && !isDeleted(next));

    QVERIFY(m_actions->undo());
    QVERIFY(!isDone(daily));
    QCOMPARE(m_store->entity(daily)->fields.value(u"recurrence"_s), QJsonValue(u"FREQ=DAILY"_s));
    QVERIFY(isDeleted(next)); // one task again, not two
    QCOMPARE(m_store->items(ItemFilter::all())->size(), 1);

    QVERIFY(m_actions->redo());
    QVERIFY(isDone(daily) && !isDeleted(next));
    QCOMPARE(m_store->items(ItemFilter::all())->size(), 2);
}

void TestListActions::deletingACollectionKeepsItsItemsAndUndoBringsItBackWhole()
{
    const QString work = add(Kind::Collection, u"Work"_s);
    const QString sub = add(Kind::Collection, u"Meetings"_s, {{u"parent"_s, work}});
    const QString note = add(Kind::Note, u"Plan"_s, {{u"collection"_s, work}});
    const QString task = add(Kind::Task, u"Call"_s, {{u"collection"_s, work}});
    const QString elsewhere = add(Kind::Note, u"Home"_s);

    const auto deleted = m_actions->trash({work});
    QVERIFY(deleted);
    QCOMPARE(deleted->action, Action::DeleteCollection);
    QVERIFY(isDeleted(work));
    QVERIFY(!isDeleted(note) && !isDeleted(task)); // the items stay, without a collection
    QCOMPARE(m_store->entity(note)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_store->entity(task)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_store->entity(sub)->fields.value(u"parent"_s), QJsonValue(QJsonValue::Null)); // one level up
    QVERIFY(!isDeleted(sub));
    QCOMPARE(m_store->collections()->size(), 1);

    QVERIFY(m_actions->undo());
    QVERIFY(!isDeleted(work));
    QCOMPARE(m_store->items(ItemFilter::collection(work))->size(), 2);
    QCOMPARE(m_store->entity(sub)->fields.value(u"parent"_s), QJsonValue(work));
    QCOMPARE(m_store->entity(elsewhere)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));

    QVERIFY(m_actions->redo());
    QVERIFY(isDeleted(work));
    QCOMPARE(m_store->items(ItemFilter::collection(work))->size(), 0);
}

void TestListActions::restoringIntoADeletedCollectionComesBackWithoutOne()
{
    const QString work = add(Kind::Collection, u"Work"_s);
    const QString note = add(Kind::Note, u"Plan"_s, {{u"collection"_s, work}});
    QVERIFY(m_actions->trash({note}));
    QVERIFY(m_actions->trash({work}));
    QVERIFY(m_actions->restore({note}));
    QVERIFY(!isDeleted(note));
    QCOMPARE(m_store->entity(note)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_store->items(ItemFilter::all())->size(), 1);
}

void TestListActions::toggleCompletesAllWhenAnyIsOpen()
{
    const QString a = add(Kind::Task, u"A"_s);
    const QString b = add(Kind::Task, u"B"_s);
    const QString note = add(Kind::Note, u"N"_s);
    QVERIFY(m_store->setDone(a, true));
    auto toggled = m_actions->toggleDone({a, b, note});
    QVERIFY(toggled);
    QCOMPARE(toggled->action, Action::Complete);
    QCOMPARE(toggled->items, 2); // the note is passed over
    QVERIFY(isDone(a) && isDone(b));
    toggled = m_actions->toggleDone({a, b});
    QCOMPARE(toggled->action, Action::Reopen);
    QVERIFY(!isDone(a) && !isDone(b));
}

void TestListActions::moveAndPinAreUndoable()
{
    const QString home = add(Kind::Collection, u"Home"_s);
    const QString work = add(Kind::Collection, u"Work"_s);
    const QString a = add(Kind::Note, u"A"_s, {{u"collection"_s, home}});
    const QString b = add(Kind::Task, u"B"_s);
    QVERIFY(m_actions->move({a, b}, work));
    QCOMPARE(m_store->items(ItemFilter::collection(work))->size(), 2);
    QVERIFY(m_actions->undo());
    QCOMPARE(m_store->entity(a)->fields.value(u"collection"_s), QJsonValue(home));
    QCOMPARE(m_store->entity(b)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));

    auto pinned = m_actions->togglePinned({a, b});
    QCOMPARE(pinned->action, Action::Pin);
    QCOMPARE(pinned->items, 1); // tasks are not pinned
    QVERIFY(m_store->entity(a)->flag(u"pinned"_s));
    QVERIFY(m_actions->undo());
    QVERIFY(!m_store->entity(a)->flag(u"pinned"_s));
}

void TestListActions::archivingTakesNotesOutOfAllAndUndoBringsThemBack()
{
    const QString a = add(Kind::Note, u"Old plans"_s);
    const QString b = add(Kind::Note, u"Current"_s);
    const QString task = add(Kind::Task, u"A task"_s);
    auto archived = m_actions->toggleArchived({a, task});
    QVERIFY(archived);
    QCOMPARE(archived->action, Action::Archive);
    QCOMPARE(archived->items, 1); // tasks are not archived
    QCOMPARE(m_store->items(ItemFilter::all())->size(), 2);
    QCOMPARE(m_store->items(ItemFilter::of(ItemFilter::Type::Archive))->size(), 1);
    QCOMPARE(m_store->viewCounts()->archive, 1);
    QCOMPARE(m_store->viewCounts()->all, 2);
    QVERIFY(m_actions->undo());
    QCOMPARE(m_store->items(ItemFilter::of(ItemFilter::Type::Archive))->size(), 0);
    QVERIFY(m_actions->redo());
    archived = m_actions->toggleArchived({a});
    QCOMPARE(archived->action, Action::Unarchive);
    QCOMPARE(m_store->viewCounts()->archive, 0);
    QVERIFY(!b.isEmpty());
}

void TestListActions::aFieldChangedSinceKeepsItsNewerValue()
{
    const QString home = add(Kind::Collection, u"Home"_s);
    const QString work = add(Kind::Collection, u"Work"_s);
    const QString a = add(Kind::Note, u"A"_s);
    const QString b = add(Kind::Note, u"B"_s);
    QVERIFY(m_actions->move({a, b}, work));
    syncEverything();
    // Another device moves A on; the server's change arrives here.
    const auto pulled = m_store->applyRemote(Kind::Note, a, 10, {{u"collection"_s, home}},
                                             Hlc{m_store->lastHlc().ms + 1000, 0, u"peerdevice"_s});
    QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
    const auto undone = m_actions->undo();
    QVERIFY(undone);
    QCOMPARE(undone->keptNewer, 1);
    QCOMPARE(m_store->entity(a)->fields.value(u"collection"_s), QJsonValue(home)); // the newer move stands
    QCOMPARE(m_store->entity(b)->fields.value(u"collection"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_store->pendingCount(), 1); // only B's undo is sent
}

void TestListActions::anActionThatChangesNothingLeavesNoStep()
{
    const QString a = add(Kind::Note, u"A"_s);
    QVERIFY(m_store->trash(a));
    const auto again = m_actions->trash({a});
    QVERIFY(again);
    QCOMPARE(m_actions->undoable(), std::nullopt);
    QVERIFY(m_actions->setDone({a}, true)); // a note: nothing to complete
    QCOMPARE(m_actions->undoable(), std::nullopt);
}

void TestListActions::nothingToUndoIsAnError()
{
    QVERIFY(!m_actions->undo());
    QVERIFY(!m_actions->redo());
    QVERIFY(!m_actions->trash({u"0123456789abcdef0123456789abcdef"_s})); // unknown id: refused, no step
    QCOMPARE(m_actions->undoable(), std::nullopt);
}

void TestListActions::onlyTheLastHundredStepsAreKept()
{
    const QString a = add(Kind::Note, u"A"_s);
    for (int i = 0; i < ListActions::kMaxSteps + 5; ++i)
        QVERIFY(m_actions->togglePinned({a}));
    int undone = 0;
    while (m_actions->undoable()) {
        QVERIFY(m_actions->undo());
        ++undone;
    }
    QCOMPARE(undone, ListActions::kMaxSteps);
    QVERIFY(m_store->entity(a)->flag(u"pinned"_s)); // 105 toggles, 100 taken back: pinned
}

QTEST_GUILESS_MAIN(TestListActions)
#include "tst_listactions.moc"
