// The local store as a user of the app (or tidemarkctl) observes it: actions are saved, versioned
// and queued together, or not at all.
#include "model/checkpointer.h"
#include "model/database.h"
#include "model/store.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark::model;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
}

class TestStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createSavesVersionsAndQueuesTogether();
    void editsCoalesceWhileUnsent();
    void editsDoNotCoalesceOnceInFlight();
    void aPulledKindThisVersionDoesNotKnowIsKeptAndTakenInLater();
    void takingForSendingReadsOnlyWhatItSends();
    void sameValueChangesNothing();
    void failureMidActionLeavesNothing_data();
    void failureMidActionLeavesNothing();
    void batchIsAllOrNothing();
    void failedActionInsideBatchUndoesOnlyItself();
    void invalidInputWritesNothing_data();
    void invalidInputWritesNothing();
    void referencesMustExist();
    void clockSurvivesRestartAndBackwardJump();
    void deviceIdIsStable();
    void trashAndRestoreAreEdits();
    void emptyingTheTrashErasesOnlyTrashedItems();
    void viewCountsMatchTheLists();
    void moveAndReorder();
    void completingRecurringTaskCreatesNext();
    void uncompletingTaskClearsDone();
    void restoreVersionIsANewUndoableVersion();
    void longTextsKeepEveryVersionWithoutTheWholeTextEachTime();
    void aDamagedVersionOfALongTextIsSaidAndTheNoteStillSaves();
    void unknownFieldsFromANewerPeerAreKept();
    void remoteChangeKeepsPendingLocalFields();
    void filtersSelectTheRightItems();
    void tagsAreNormalisedAndCounted();
    void searchRanksHighlightsAndFollowsTyping();
    void searchIgnoresQuerySyntaxAndDeletedItems();
    void twoStoresOnOneFileSeeEachOther();
    void garbageFileIsRefusedCleanly();
    void checkpointerKeepsTheLogShort();

private:
    std::unique_ptr<Store> openStore(HybridClock::WallClock wall = {});
    QSqlDatabase db() const { return QSqlDatabase::database(m_store->connectionName()); }
    int count(const QString &table) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

std::unique_ptr<Store> TestStore::openStore(HybridClock::WallClock wall)
{
    auto store = Store::open(m_dir->filePath(QStringLiteral("store.db")), std::move(wall));
    if (!store)
        qFatal("cannot open store: %s", qPrintable(store.error().message));
    return std::move(*store);
}

int TestStore::count(const QString &table) const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore();
}

void TestStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestStore::createSavesVersionsAndQueuesTogether()
{
    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Groceries")}, {s("body"), s("- milk\n- bread")}});
    QVERIFY(note);
    QCOMPARE(changed.size(), 1);

    const auto loaded = m_store->entity(note->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->string(s("title")), s("Groceries"));
    QCOMPARE(loaded->string(s("body")), s("- milk\n- bread"));
    QCOMPARE(loaded->rev, 0);

    const auto history = m_store->history(note->id);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().version, 1);
    QCOMPARE(history->first().device, m_store->deviceId());
    QCOMPARE(history->first().snapshot.value(s("title")).toString(), s("Groceries"));

    const auto outbox = m_store->outbox();
    QVERIFY(outbox);
    QCOMPARE(outbox->size(), 1);
    const OutboxOp &op = outbox->first();
    QCOMPARE(op.entityId, note->id);
    QCOMPARE(op.kind, Kind::Note);
    QCOMPARE(op.baseRev, 0);
    QCOMPARE(op.device, m_store->deviceId());
    QCOMPARE(op.fields.value(s("title")).toString(), s("Groceries"));
    QVERIFY(Hlc::fromString(op.hlc));
    QCOMPARE(m_store->pendingCount(), 1);
}

void TestStore::editsCoalesceWhileUnsent()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Draft")}});
    QVERIFY(note);
    // Simulate that the create reached the server at revision 7.
    QSqlQuery(db()).exec(QStringLiteral("DELETE FROM outbox"));
    QSqlQuery(db()).exec(QStringLiteral("UPDATE items SET rev = 7"));

    for (const char *body : {"H", "He", "Hel", "Hello"})
        QVERIFY(m_store->update(note->id, {{s("body"), s(body)}}));
    QVERIFY(m_store->update(note->id, {{s("title"), s("Greeting")}}));

    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->size(), 1);
    QCOMPARE(outbox->first().baseRev, 7);
    QCOMPARE(outbox->first().fields.value(s("body")).toString(), s("Hello"));
    QCOMPARE(outbox->first().fields.value(s("title")).toString(), s("Greeting"));
    // Every keystroke-save is still its own version in the history.
    QCOMPARE(m_store->history(note->id)->size(), 6);

    // An edit of another entity in between ends the run.
    const auto other = m_store->create(Kind::Note, {{s("title"), s("Other")}});
    QVERIFY(m_store->update(note->id, {{s("body"), s("Hello!")}}));
    QCOMPARE(m_store->outbox()->size(), 3);
    Q_UNUSED(other);
}

void TestStore::editsDoNotCoalesceOnceInFlight()
{
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Call")}});
    QSqlQuery(db()).exec(QStringLiteral("UPDATE outbox SET in_flight = 1"));
    QVERIFY(m_store->update(task->id, {{s("title"), s("Call Anna")}}));
    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->size(), 2);
    QCOMPARE(outbox->at(0).fields.value(s("title")).toString(), s("Call"));
    QCOMPARE(outbox->at(1).fields.value(s("title")).toString(), s("Call Anna"));
}

void TestStore::sameValueChangesNothing()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Same")}});
    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    QVERIFY(m_store->update(note->id, {{s("title"), s("Same")}}));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->history(note->id)->size(), 1);
    QCOMPARE(m_store->outbox()->size(), 1);
}

void TestStore::failureMidActionLeavesNothing_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("history write fails") << s("history");
    QTest::newRow("outbox write fails") << s("outbox");
}

void TestStore::failureMidActionLeavesNothing()
{
    QFETCH(QString, table);
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Before")}});
    QVERIFY(note);
    const int items = count(s("items"));
    const int history = count(s("history"));
    const int outbox = count(s("outbox"));
    const QString outboxBefore = m_store->outbox()->first().fields.value(s("title")).toString();

    // Make the chosen write fail inside the action's transaction.
    QSqlQuery trigger(db());
    QVERIFY2(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.%1 "
                                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                              .arg(table)),
             qPrintable(trigger.lastError().text()));
    QVERIFY(QSqlQuery(db()).exec(QStringLiteral("CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON main.%1 "
                                                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                                     .arg(table)));
    QSignalSpy changed(m_store.get(), &Store::entityChanged);

    const auto edited = m_store->update(note->id, {{s("title"), s("After")}});
    QVERIFY(!edited);
    QCOMPARE(edited.error().code, Error::Code::Database);
    const auto created = m_store->create(Kind::Task, {{s("title"), s("Never")}});
    QVERIFY(!created);

    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->entity(note->id)->string(s("title")), s("Before"));
    QCOMPARE(count(s("items")), items);
    QCOMPARE(count(s("history")), history);
    QCOMPARE(count(s("outbox")), outbox);
    QCOMPARE(m_store->outbox()->first().fields.value(s("title")).toString(), outboxBefore);

    // Once the fault is gone, the store works as before.
    QVERIFY(QSqlQuery(db()).exec(QStringLiteral("DROP TRIGGER fail_insert")));
    QVERIFY(QSqlQuery(db()).exec(QStringLiteral("DROP TRIGGER fail_update")));
    QVERIFY(m_store->update(note->id, {{s("title"), s("After")}}));
    QCOMPARE(m_store->entity(note->id)->string(s("title")), s("After"));
}

void TestStore::batchIsAllOrNothing()
{
    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    qsizetype announcedInside = -1;
    const auto failed = m_store->batch([&]() -> Result<void> {
        if (auto a = m_store->create(Kind::Note, {{s("title"), s("one")}}); !a)
            return std::unexpected(a.error());
        announcedInside = changed.size();
        if (auto b = m_store->create(Kind::Task, {{s("priority"), 9}}); !b)
            return std::unexpected(b.error());
        return {};
    });
    QVERIFY(!failed);
    QCOMPARE(announcedInside, 0); // nothing is announced before the commit
    QCOMPARE(changed.size(), 0);
    QCOMPARE(count(s("items")), 0);
    QCOMPARE(count(s("outbox")), 0);

    const auto ok = m_store->batch([this]() -> Result<void> {
        for (int i = 0; i < 3; ++i) {
            if (auto a = m_store->create(Kind::Note, {{s("title"), s("n%1").arg(i)}}); !a)
                return std::unexpected(a.error());
        }
        return {};
    });
    QVERIFY(ok);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(count(s("items")), 3);
    QCOMPARE(count(s("history")), 3);
}

void TestStore::failedActionInsideBatchUndoesOnlyItself()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("keep")}});
    QVERIFY(QSqlQuery(db()).exec(s("CREATE TEMP TRIGGER no_edit BEFORE UPDATE ON main.outbox "
                                   "BEGIN SELECT RAISE(ABORT, 'injected'); END")));
    const auto result = m_store->batch([&]() -> Result<void> {
        const auto edit = m_store->update(note->id, {{s("title"), s("lost")}}); // coalesces: outbox UPDATE fails
        if (edit)
            return std::unexpected(Error::database(s("the injected failure did not happen")));
        return m_store->create(Kind::Task, {{s("title"), s("kept")}}).transform([](const Entity &) {});
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(m_store->entity(note->id)->string(s("title")), s("keep"));
    QCOMPARE(m_store->history(note->id)->size(), 1);
    QCOMPARE(count(s("items")), 2);
}

void TestStore::invalidInputWritesNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("priority 7") << int(Kind::Task) << s("priority") << QJsonValue(7);
    QTest::newRow("priority text") << int(Kind::Task) << s("priority") << QJsonValue(s("high"));
    QTest::newRow("priority 1.5") << int(Kind::Task) << s("priority") << QJsonValue(1.5);
    QTest::newRow("due nonsense") << int(Kind::Task) << s("due") << QJsonValue(s("next tuesday"));
    QTest::newRow("due bad zone") << int(Kind::Task) << s("due") << QJsonValue(s("2026-12-01T10:00[Nowhere/City]"));
    QTest::newRow("recurrence hourly") << int(Kind::Task) << s("recurrence") << QJsonValue(s("FREQ=HOURLY"));
    QTest::newRow("title number") << int(Kind::Note) << s("title") << QJsonValue(3);
    QTest::newRow("title too long") << int(Kind::Note) << s("title") << QJsonValue(QString(1001, QLatin1Char('x')));
    QTest::newRow("tags not list") << int(Kind::Note) << s("tags") << QJsonValue(s("a,b"));
    QTest::newRow("pinned text") << int(Kind::Note) << s("pinned") << QJsonValue(s("yes"));
    QTest::newRow("note has no due") << int(Kind::Note) << s("due") << QJsonValue(s("2026-12-01"));
    QTest::newRow("unknown field") << int(Kind::Task) << s("colour") << QJsonValue(s("red"));
    QTest::newRow("collection not id") << int(Kind::Note) << s("collection") << QJsonValue(s("inbox"));
    QTest::newRow("empty name") << int(Kind::Collection) << s("name") << QJsonValue(s("   "));
    QTest::newRow("bad colour") << int(Kind::Collection) << s("color") << QJsonValue(s("red"));
}

void TestStore::invalidInputWritesNothing()
{
    QFETCH(int, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const Kind k = Kind(kind);
    const QJsonObject base = k == Kind::Collection ? QJsonObject{{s("name"), s("Inbox")}} : QJsonObject{{s("title"), s("ok")}};
    const auto existing = m_store->create(k, base);
    QVERIFY(existing);
    const int history = count(s("history"));
    const int outbox = count(s("outbox"));

    QJsonObject bad = base;
    bad.insert(field, value);
    const auto created = m_store->create(k, bad);
    QVERIFY(!created);
    QCOMPARE(created.error().code, Error::Code::InvalidInput);
    QVERIFY(!created.error().message.isEmpty());

    const auto updated = m_store->update(existing->id, {{field, value}});
    QVERIFY(!updated);
    QCOMPARE(updated.error().code, Error::Code::InvalidInput);

    QCOMPARE(count(s("history")), history);
    QCOMPARE(count(s("outbox")), outbox);
    QCOMPARE(m_store->entity(existing->id)->fields, existing->fields);
}

void TestStore::referencesMustExist()
{
    const QString ghost = s("01900000-0000-7000-8000-000000000000");
    const auto note = m_store->create(Kind::Note, {{s("collection"), ghost}});
    QVERIFY(!note);
    QCOMPARE(note.error().code, Error::Code::NotFound);

    const auto list = m_store->create(Kind::Collection, {{s("name"), s("Work")}});
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Parent")}, {s("collection"), list->id}});
    QVERIFY(task);
    // A note is no task's parent; a task cannot parent itself or its ancestor.
    const auto noteParent = m_store->create(Kind::Note, {{s("title"), s("n")}});
    QVERIFY(!m_store->create(Kind::Task, {{s("parent"), noteParent->id}}));
    QVERIFY(!m_store->update(task->id, {{s("parent"), task->id}}));
    const auto child = m_store->create(Kind::Task, {{s("title"), s("Child")}, {s("parent"), task->id}});
    QVERIFY(child);
    const auto cycle = m_store->update(task->id, {{s("parent"), child->id}});
    QVERIFY(!cycle);
    QCOMPARE(cycle.error().code, Error::Code::InvalidInput);
    // Asking for a missing id is "not found", also for actions.
    QCOMPARE(m_store->update(ghost, {{s("title"), s("x")}}).error().code, Error::Code::NotFound);
    QCOMPARE(m_store->setDone(ghost, true).error().code, Error::Code::NotFound);
    QVERIFY(!m_store->entity(ghost));
}

void TestStore::clockSurvivesRestartAndBackwardJump()
{
    qint64 wall = QDateTime::currentMSecsSinceEpoch();
    m_store.reset();
    m_store = openStore([&wall] { return wall; });
    const auto note = m_store->create(Kind::Note, {{s("title"), s("t0")}});
    QVERIFY(m_store->update(note->id, {{s("title"), s("t1")}}));
    const auto before = Hlc::fromString(m_store->history(note->id)->last().hlc);
    QVERIFY(before);

    // Restart with the wall clock an hour behind (a bad NTP step, a dead RTC battery).
    m_store.reset();
    wall -= 3'600'000;
    m_store = openStore([&wall] { return wall; });
    QVERIFY(m_store->update(note->id, {{s("title"), s("t2")}}));
    QVERIFY(m_store->update(note->id, {{s("title"), s("t3")}}));
    const auto history = m_store->history(note->id);
    QCOMPARE(history->size(), 4);
    for (int i = 1; i < history->size(); ++i)
        QVERIFY2(*Hlc::fromString(history->at(i - 1).hlc) < *Hlc::fromString(history->at(i).hlc),
                 qPrintable(history->at(i).hlc));
    QVERIFY(*before < *Hlc::fromString(history->last().hlc));
}

void TestStore::deviceIdIsStable()
{
    const QString device = m_store->deviceId();
    QVERIFY(!device.isEmpty());
    m_store.reset();
    m_store = openStore();
    QCOMPARE(m_store->deviceId(), device);
}

void TestStore::trashAndRestoreAreEdits()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Old idea")}});
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->entity(note->id)->isDeleted());
    QVERIFY(!m_store->itemRow(note->id, ItemFilter::all()));
    QVERIFY(m_store->itemRow(note->id, ItemFilter::of(ItemFilter::Type::Trash)));
    QVERIFY(m_store->restore(note->id));
    QVERIFY(!m_store->entity(note->id)->isDeleted());
    QVERIFY(m_store->itemRow(note->id, ItemFilter::all()));
    const auto history = m_store->history(note->id);
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(1).changed, QStringList{s("deleted")});
}

void TestStore::emptyingTheTrashErasesOnlyTrashedItems()
{
    auto kept = m_store->create(Kind::Note, {{s("title"), s("keep me")}, {s("body"), s("lighthouse")}});
    auto gone = m_store->create(Kind::Note, {{s("title"), s("erase me")}, {s("body"), s("lighthouse")}});
    QVERIFY(kept && gone);
    QVERIFY(m_store->trash(gone->id));
    QCOMPARE(m_store->search(s("lighthouse"))->size(), 1);

    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    const auto erased = m_store->emptyTrash();
    QVERIFY2(erased, qPrintable(erased ? QString() : erased.error().message));
    QCOMPARE(*erased, 1);
    QVERIFY(!m_store->entity(gone->id));
    QVERIFY(m_store->entity(kept->id));
    QVERIFY(m_store->history(gone->id)->isEmpty());
    QCOMPARE(m_store->items(ItemFilter::of(ItemFilter::Type::Trash))->size(), 0);
    QCOMPARE(changed.size(), 1);
    // The deletion is still on its way to the server.
    bool queued = false;
    const auto outbox = m_store->outbox();
    QVERIFY(outbox);
    for (const auto &op : *outbox)
        queued |= op.entityId == gone->id && op.fields.value(s("deleted")).toBool();
    QVERIFY(queued);

    // A later change from the server does not bring a fragment of it back.
    const auto page = m_store->applyRemotePage({{Kind::Note, gone->id, 7, {{s("title"), s("edited elsewhere")}}, {}, 0, {}}}, {}, 7);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
    QVERIFY(!m_store->entity(gone->id));
    QCOMPARE(m_store->syncCursor(), 7);
}

void TestStore::viewCountsMatchTheLists()
{
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    const QString nextWeek = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    QVERIFY(m_store->create(Kind::Note, {{s("title"), s("a note")}}));
    QVERIFY(m_store->create(Kind::Note, {{s("title"), s("archived")}, {s("archived"), true}}));
    QVERIFY(m_store->create(Kind::Task, {{s("title"), s("late")}, {s("due"), yesterday}}));
    QVERIFY(m_store->create(Kind::Task, {{s("title"), s("later")}, {s("due"), nextWeek}}));
    // Due today, no time: in Today, not late.
    QVERIFY(m_store->create(Kind::Task, {{s("title"), s("today")}, {s("due"), QDate::currentDate().toString(Qt::ISODate)}}));
    // A collection has unsent operations too, but the Pending list shows notes and tasks.
    QVERIFY(m_store->create(Kind::Collection, {{s("name"), s("Errands")}}));
    auto done = m_store->create(Kind::Task, {{s("title"), s("done")}});
    auto trashed = m_store->create(Kind::Note, {{s("title"), s("trashed")}});
    QVERIFY(done && trashed);
    QVERIFY(m_store->setDone(done->id, true));
    QVERIFY(m_store->trash(trashed->id));

    const auto counts = m_store->viewCounts();
    QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().message));
    using T = ItemFilter::Type;
    QCOMPARE(counts->all, int(m_store->items(ItemFilter::all())->size()));
    QCOMPARE(counts->all, 5); // archived and trashed items are not in All
    QCOMPARE(counts->today, int(m_store->items(ItemFilter::of(T::Today))->size()));
    QCOMPARE(counts->today, 2);
    QCOMPARE(counts->overdue, 1);
    QCOMPARE(counts->upcoming, int(m_store->items(ItemFilter::of(T::Upcoming))->size()));
    QCOMPARE(counts->upcoming, 1);
    QCOMPARE(counts->done, 1);
    QCOMPARE(counts->trash, 1);
    QCOMPARE(counts->pending, int(m_store->items(ItemFilter::of(T::Pending))->size()));
    QCOMPARE(counts->pending, 7);
    QCOMPARE(counts->conflicts, 0);
}

void TestStore::moveAndReorder()
{
    const auto home = m_store->create(Kind::Collection, {{s("name"), s("Home")}});
    const auto work = m_store->create(Kind::Collection, {{s("name"), s("Work")}});
    const auto a = m_store->create(Kind::Task, {{s("title"), s("A")}, {s("collection"), home->id}});
    const auto b = m_store->create(Kind::Task, {{s("title"), s("B")}, {s("collection"), home->id}});
    const auto c = m_store->create(Kind::Task, {{s("title"), s("C")}, {s("collection"), home->id}});
    QVERIFY(a && b && c);
    const auto keyOf = [this](const QString &id) { return m_store->entity(id)->string(s("sort_key")); };
    QVERIFY(keyOf(a->id) < keyOf(b->id));
    QVERIFY(keyOf(b->id) < keyOf(c->id));

    // Drag C between A and B: only C's key changes.
    const QString keyA = keyOf(a->id);
    const QString keyB = keyOf(b->id);
    QVERIFY(m_store->reorder(c->id, a->id, b->id));
    QCOMPARE(keyOf(a->id), keyA);
    QCOMPARE(keyOf(b->id), keyB);
    QVERIFY(keyA < keyOf(c->id) && keyOf(c->id) < keyB);
    QVERIFY(!m_store->reorder(c->id, b->id, a->id)); // neighbours out of order

    QVERIFY(m_store->move(c->id, work->id));
    QCOMPARE(m_store->entity(c->id)->string(s("collection")), work->id);
    QCOMPARE(m_store->collectionRow(home->id)->itemCount, 2);
    QCOMPARE(m_store->collectionRow(work->id)->itemCount, 1);
    QVERIFY(m_store->move(c->id, QString()));
    QVERIFY(m_store->entity(c->id)->fields.value(s("collection")).isNull());
}

void TestStore::completingRecurringTaskCreatesNext()
{
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Water plants")},
                                                   {s("due"), s("2026-11-27T18:00[Europe/Berlin]")},
                                                   {s("recurrence"), s("FREQ=WEEKLY;INTERVAL=2")},
                                                   {s("priority"), 2},
                                                   {s("tags"), QJsonArray{s("home")}}});
    QVERIFY(task);
    const int outboxBefore = count(s("outbox"));
    const auto done = m_store->setDone(task->id, true);
    QVERIFY(done);
    QCOMPARE(done->size(), 2);
    const Entity &completed = done->at(0);
    const Entity &next = done->at(1);
    QVERIFY(completed.fields.value(s("done_at")).isString());
    QVERIFY(completed.fields.value(s("recurrence")).isNull());
    QCOMPARE(next.string(s("title")), s("Water plants"));
    QCOMPARE(next.string(s("due")), s("2026-12-11T18:00[Europe/Berlin]"));
    QCOMPARE(next.string(s("recurrence")), s("FREQ=WEEKLY;INTERVAL=2"));
    QVERIFY(next.fields.value(s("done_at")).isNull());
    QCOMPARE(next.fields.value(s("priority")).toInt(), 2);
    QCOMPARE(next.fields.value(s("tags")).toArray(), QJsonArray{s("home")});
    QVERIFY(next.id != task->id);
    // The completion and the new task are each queued.
    QCOMPARE(count(s("outbox")), outboxBefore + 1);
    QVERIFY(m_store->itemRow(next.id, ItemFilter::of(ItemFilter::Type::Upcoming))
            || m_store->itemRow(next.id, ItemFilter::of(ItemFilter::Type::Today)));
    QVERIFY(m_store->itemRow(task->id, ItemFilter::of(ItemFilter::Type::Done)));
}

void TestStore::uncompletingTaskClearsDone()
{
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Once")}});
    QCOMPARE(m_store->setDone(task->id, true)->size(), 1);
    QVERIFY(m_store->entity(task->id)->fields.value(s("done_at")).isString());
    QVERIFY(m_store->setDone(task->id, false));
    QVERIFY(m_store->entity(task->id)->fields.value(s("done_at")).isNull());
    QVERIFY(!m_store->setDone(m_store->create(Kind::Note, {})->id, true)); // notes are not done
}

void TestStore::restoreVersionIsANewUndoableVersion()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("v1")}, {s("body"), s("first")}});
    QVERIFY(m_store->update(note->id, {{s("title"), s("v2")}, {s("body"), s("second")}}));
    QVERIFY(m_store->update(note->id, {{s("body"), s("third")}}));

    const auto restored = m_store->restoreVersion(note->id, 1);
    QVERIFY(restored);
    QCOMPARE(restored->string(s("title")), s("v1"));
    QCOMPARE(restored->string(s("body")), s("first"));
    auto history = m_store->history(note->id);
    QCOMPARE(history->size(), 4);
    QCOMPARE(history->last().origin, s("restore"));
    QCOMPARE(history->last().changed, (QStringList{s("body"), s("title")}));

    // Undo the restore by restoring the version before it.
    QVERIFY(m_store->restoreVersion(note->id, 3));
    QCOMPARE(m_store->entity(note->id)->string(s("body")), s("third"));
    QCOMPARE(m_store->entity(note->id)->string(s("title")), s("v2"));
    QCOMPARE(m_store->history(note->id)->size(), 5);
    QCOMPARE(m_store->restoreVersion(note->id, 99).error().code, Error::Code::NotFound);
}

namespace {

// A pasted log: lines of words, numbers, Japanese and an emoji now and then, none alike.
QString logText(QRandomGenerator &random, qsizetype chars)
{
    static const QStringList words{s("sync"), s("push"), s("pulled"), s("note"), s("会議"), s("議事録"), s("error"),
                                   s("café"), s("🌊"), s("retry"), s("batch"), s("検索"), s("ok"), s("timeout")};
    QString text;
    while (text.size() < chars) {
        text += QString::number(random.bounded(100000, 999999)) + u' ';
        for (int w = 0, n = int(random.bounded(3, 12)); w < n; ++w)
            text += words.at(random.bounded(words.size())) + u' ';
        text += u'\n';
    }
    return text;
}

qsizetype utf8Bytes(const QString &text) { return text.toUtf8().size(); }

} // namespace

void TestStore::longTextsKeepEveryVersionWithoutTheWholeTextEachTime()
{
    QRandomGenerator random(2112);
    QString body = logText(random, 1'000'000);
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Server log")}, {s("body"), body}});
    QVERIFY(note);
    QList<QString> bodies{body};
    qsizetype everyText = utf8Bytes(body);
    // Edits as a person makes them, saved one by one: more than one run of deltas (64) long.
    for (int i = 1; i < 90; ++i) {
        QJsonObject change;
        if (i % 17 == 0) {
            change.insert(s("pinned"), (i / 17) % 2 == 1); // the body is the same as before
        } else if (i == 40) {
            change.insert(s("body"), s("cut down to one line"));
        } else if (i == 41) {
            change.insert(s("body"), bodies.at(38)); // pasted back
        } else {
            QString next = bodies.last();
            const auto at = random.bounded(next.size());
            next.insert(at, logText(random, random.bounded(10, 400)));
            const auto from = random.bounded(next.size() - 200);
            next.remove(from, random.bounded(0, 150));
            if (i % 10 == 0)
                next = s("Top line ") + QString::number(i) + u'\n' + next + s("bottom line\n");
            if (next.at(next.size() - 1).isHighSurrogate() || next.at(0).isLowSurrogate())
                next += u'.';
            // An edit never splits a character in two: the store keeps valid text only.
            next = QString::fromUtf8(next.toUtf8());
            change.insert(s("body"), next);
        }
        const auto saved = m_store->update(note->id, change);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        bodies.append(saved->string(s("body")));
        everyText += utf8Bytes(bodies.last());
    }

    const auto history = m_store->history(note->id);
    QVERIFY2(history, qPrintable(history ? QString() : history.error().message));
    QCOMPARE(history->size(), bodies.size());
    for (qsizetype v = 0; v < bodies.size(); ++v) {
        QVERIFY2(history->at(v).snapshot.value(s("body")).toString() == bodies.at(v), qPrintable(s("version %1").arg(v + 1)));
        QCOMPARE(history->at(v).snapshot.value(s("title")).toString(), s("Server log"));
    }
    // Every version is kept, in far less room than the texts themselves (90 of about 1 MB).
    QSqlQuery q(db());
    QVERIFY(q.exec(s("SELECT (SELECT SUM(LENGTH(data)) FROM history_text) + (SELECT SUM(LENGTH(CAST(snapshot AS BLOB))) FROM history)")));
    QVERIFY(q.next());
    const qint64 stored = q.value(0).toLongLong();
    qInfo("%lld versions: %lld bytes of text, %lld bytes of history", qlonglong(bodies.size()), qlonglong(everyText), stored);
    QVERIFY2(stored < 2 * utf8Bytes(bodies.first()), qPrintable(s("%1 bytes").arg(stored)));
    QVERIFY(q.exec(s("SELECT COUNT(*) FROM history_text WHERE base = 0")) && q.next());
    QVERIFY2(q.value(0).toInt() <= 4, qPrintable(s("%1 keyframes").arg(q.value(0).toInt())));

    // Any version comes back whole, itself a new version.
    for (const int version : {1, 2, 41, 42, 66, 67, 89}) {
        const auto restored = m_store->restoreVersion(note->id, version);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
        QVERIFY2(restored->string(s("body")) == bodies.at(version - 1), qPrintable(s("version %1").arg(version)));
    }
    QCOMPARE(m_store->history(note->id)->last().snapshot.value(s("body")).toString(), bodies.at(88));

    // Erasing the note erases its versions' texts too.
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->emptyTrash());
    QCOMPARE(count(s("history_text")), 0);
}

void TestStore::aDamagedVersionOfALongTextIsSaidAndTheNoteStillSaves()
{
    QRandomGenerator random(7);
    const QString body = logText(random, 100'000);
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Log")}, {s("body"), body}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("body"), body + s("one more line\n")}}));
    QVERIFY(QSqlQuery(db()).exec(s("UPDATE history_text SET data = x'28b52ffd00' WHERE base = 0")));

    const auto history = m_store->history(note->id);
    QVERIFY(!history);
    QVERIFY2(history.error().message.contains(s("history of")) && history.error().message.contains(note->id),
             qPrintable(history.error().message));
    QVERIFY(!m_store->restoreVersion(note->id, 1));
    // The note itself is untouched, and the next save starts its history's texts afresh.
    QCOMPARE(m_store->entity(note->id)->string(s("body")), body + s("one more line\n"));
    QVERIFY(m_store->update(note->id, {{s("body"), body + s("two more lines\n")}}));
    QVERIFY(QSqlQuery(db()).exec(s("DELETE FROM history WHERE version < 3")));
    QVERIFY(QSqlQuery(db()).exec(s("DELETE FROM history_text WHERE seq NOT IN (SELECT seq FROM history)")));
    const auto later = m_store->history(note->id);
    QVERIFY2(later, qPrintable(later ? QString() : later.error().message));
    QCOMPARE(later->first().snapshot.value(s("body")).toString(), body + s("two more lines\n"));
}

void TestStore::unknownFieldsFromANewerPeerAreKept()
{
    const QString id = s("01930000-0000-7000-8000-00000000abcd");
    const QJsonObject fromServer{{s("title"), s("From the future")},
                                 {s("body"), s("text")},
                                 {s("mood"), s("cheerful")},
                                 {s("layout"), QJsonObject{{s("columns"), 2}}}};
    const auto applied = m_store->applyRemote(Kind::Note, id, 12, fromServer, Hlc{1, 0, s("peer")});
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QCOMPARE(m_store->outbox()->size(), 0); // a remote change is not sent back

    QVERIFY(m_store->update(id, {{s("title"), s("Edited here")}}));
    const auto e = m_store->entity(id);
    QCOMPARE(e->rev, 12);
    QCOMPARE(e->string(s("mood")), s("cheerful"));
    QCOMPARE(e->fields.value(s("layout")).toObject().value(s("columns")).toInt(), 2);
    // The edit's operation carries only what changed, on the right base revision.
    const auto op = m_store->outbox()->first();
    QCOMPARE(op.baseRev, 12);
    QCOMPARE(op.fields.keys(), QStringList{s("title")});
    // Restarting keeps them too.
    m_store.reset();
    m_store = openStore();
    QCOMPARE(m_store->entity(id)->string(s("mood")), s("cheerful"));
}

void TestStore::remoteChangeKeepsPendingLocalFields()
{
    const QString id = s("01930000-0000-7000-8000-00000000beef");
    QVERIFY(m_store->applyRemote(Kind::Task, id, 3, {{s("title"), s("Server title")}, {s("priority"), 1}},
                                 Hlc{1, 0, s("peer")}));
    QVERIFY(m_store->update(id, {{s("title"), s("My title")}}));
    QVERIFY(m_store->applyRemote(Kind::Task, id, 4, {{s("title"), s("Their title")}, {s("priority"), 3}},
                                 Hlc{2, 0, s("peer")}));
    const auto e = m_store->entity(id);
    QCOMPARE(e->string(s("title")), s("My title")); // still pending here
    QCOMPARE(e->fields.value(s("priority")).toInt(), 3);
    QCOMPARE(e->rev, 4);
    QVERIFY(!m_store->applyRemote(Kind::Note, id, 5, {}, Hlc{3, 0, s("peer")})); // wrong kind
    QVERIFY(!m_store->applyRemote(Kind::Task, s("bad id"), 5, {}, Hlc{3, 0, s("peer")}));
}

void TestStore::filtersSelectTheRightItems()
{
    const auto inbox = m_store->create(Kind::Collection, {{s("name"), s("Inbox")}});
    const QDate today = QDate::currentDate();
    const auto overdue = m_store->create(Kind::Task, {{s("title"), s("Overdue")}, {s("due"), today.addDays(-2).toString(Qt::ISODate)}});
    const auto dueToday = m_store->create(Kind::Task, {{s("title"), s("Today")}, {s("due"), today.toString(Qt::ISODate)}, {s("collection"), inbox->id}});
    const auto later = m_store->create(Kind::Task, {{s("title"), s("Later")}, {s("due"), today.addDays(3).toString(Qt::ISODate)}});
    const auto finished = m_store->create(Kind::Task, {{s("title"), s("Finished")}, {s("due"), today.toString(Qt::ISODate)}});
    QVERIFY(m_store->setDone(finished->id, true));
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Note")}, {s("collection"), inbox->id}, {s("tags"), QJsonArray{s("idea")}}});
    const auto gone = m_store->create(Kind::Note, {{s("title"), s("Gone")}, {s("collection"), inbox->id}});
    QVERIFY(m_store->trash(gone->id));

    const auto ids = [this](const ItemFilter &filter) {
        QStringList titles;
        const auto rows = m_store->items(filter);
        for (const ItemRow &row : *rows)
            titles << row.title;
        titles.sort();
        return titles;
    };
    QCOMPARE(ids(ItemFilter::all()), (QStringList{s("Finished"), s("Later"), s("Note"), s("Overdue"), s("Today")}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Today)), (QStringList{s("Overdue"), s("Today")}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Upcoming)), QStringList{s("Later")});
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Done)), QStringList{s("Finished")});
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Trash)), QStringList{s("Gone")});
    QCOMPARE(ids(ItemFilter::collection(inbox->id)), (QStringList{s("Note"), s("Today")}));
    QCOMPARE(ids(ItemFilter::tag(s("idea"))), QStringList{s("Note")});

    // Pending: everything unsent. Once "sent", only what changed after.
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Pending)).size(), 6);
    QSqlQuery(db()).exec(s("DELETE FROM outbox"));
    QVERIFY(m_store->update(later->id, {{s("priority"), 3}}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Pending)), QStringList{s("Later")});
    QVERIFY(m_store->itemRow(later->id, ItemFilter::all())->pending);
    QVERIFY(!m_store->itemRow(overdue->id, ItemFilter::all())->pending);

    // Conflicts: items with an open conflict record.
    QSqlQuery conflict(db());
    conflict.prepare(s("INSERT INTO conflicts (id, entity_id, kind, field, rule, created_at) VALUES ('c1', ?, 'task', 'title', 'scalar', 0)"));
    conflict.addBindValue(dueToday->id);
    QVERIFY(conflict.exec());
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Conflicts)), QStringList{s("Today")});
    QVERIFY(m_store->itemRow(dueToday->id, ItemFilter::all())->conflict);
    Q_UNUSED(note);
}

void TestStore::tagsAreNormalisedAndCounted()
{
    const auto a = m_store->create(Kind::Note, {{s("tags"), QJsonArray{s(" #work "), s("ideas"), s("work"), s("")}}});
    QVERIFY(a);
    QCOMPARE(a->fields.value(s("tags")).toArray(), (QJsonArray{s("ideas"), s("work")}));
    QVERIFY(m_store->create(Kind::Task, {{s("tags"), QJsonArray{s("work")}}}));
    const auto tags = m_store->tags();
    QVERIFY(tags);
    QCOMPARE(tags->size(), 2);
    QCOMPARE(tags->at(0), (QPair<QString, int>{s("ideas"), 1}));
    QCOMPARE(tags->at(1), (QPair<QString, int>{s("work"), 2}));
}

void TestStore::searchRanksHighlightsAndFollowsTyping()
{
    const auto titleHit = m_store->create(Kind::Note, {{s("title"), s("Sourdough starter")}, {s("body"), s("Feed it daily.")}});
    const auto bodyHit = m_store->create(Kind::Note, {{s("title"), s("Weekend")}, {s("body"), s("Bake bread with the sourdough on Sunday morning.")}});
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Buy flour")}, {s("notes"), s("for the sourdough")}});
    const auto tagged = m_store->create(Kind::Note, {{s("title"), s("Misc")}, {s("tags"), QJsonArray{s("baking")}}});
    m_store->create(Kind::Note, {{s("title"), s("Unrelated")}, {s("body"), s("Nothing here.")}});

    const auto hits = m_store->search(s("sourdough"));
    QVERIFY(hits);
    QCOMPARE(hits->size(), 3);
    QCOMPARE(hits->first().id, titleHit->id); // a title match ranks first
    QStringList found;
    for (const SearchHit &hit : *hits)
        found << hit.id;
    QVERIFY(found.contains(bodyHit->id) && found.contains(task->id));
    for (const SearchHit &hit : *hits) {
        QVERIFY(!hit.highlights.isEmpty());
        const auto [start, length] = hit.highlights.first();
        QCOMPARE(hit.snippet.mid(start, length).toLower(), s("sourdough"));
    }
    // A snippet cut from a longer text says so with an ellipsis, as a person reads it (not
    // its UTF-8 bytes read as Latin-1, "â€¦").
    QString longer;
    for (int i = 0; i < 40; ++i)
        longer += s("filler words before it ");
    m_store->create(Kind::Note, {{s("title"), s("Long")}, {s("body"), longer + s("marmalade") + longer}});
    const auto cut = m_store->search(s("marmalade"));
    QCOMPARE(cut->size(), 1);
    QVERIFY2(cut->first().snippet.startsWith(QChar(0x2026)) && cut->first().snippet.endsWith(QChar(0x2026)),
             qPrintable(cut->first().snippet));
    QVERIFY(!cut->first().snippet.contains(QChar(0x00E2)));
    // As-you-type: a prefix of the last word matches.
    QCOMPARE(m_store->search(s("sourd"))->size(), 3);
    QCOMPARE(m_store->search(s("bake"))->size(), 1);
    QCOMPARE(m_store->search(s("bak"))->size(), 2); // "Bake" and the tag "baking"
    QCOMPARE(m_store->search(s("bak "))->size(), 0); // a finished word is not a prefix
    QCOMPARE(m_store->search(s("baking"))->first().id, tagged->id);
    QCOMPARE(m_store->search(s("sunday sourdough"))->size(), 1);
    // Edits reach the index.
    QVERIFY(m_store->update(bodyHit->id, {{s("body"), s("Rye instead.")}}));
    QCOMPARE(m_store->search(s("sourdough"))->size(), 2);
    QCOMPARE(m_store->search(s("rye"))->size(), 1);
}

void TestStore::searchIgnoresQuerySyntaxAndDeletedItems()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("C++ NEAR tips")}, {s("body"), s("Use \"quotes\" AND stars*")}});
    for (const char *text : {"\"", "c++", "NEAR(", "AND", "*", "title:x", "(", "-", "stars*", "quotes\" OR"}) {
        const auto hits = m_store->search(s(text));
        QVERIFY2(hits, text);
    }
    QCOMPARE(m_store->search(s("near"))->size(), 1);
    QCOMPARE(m_store->search(s(""))->size(), 0);
    QCOMPARE(m_store->search(s("   "))->size(), 0);
    QVERIFY(m_store->trash(note->id));
    QCOMPARE(m_store->search(s("tips"))->size(), 0);
}

void TestStore::twoStoresOnOneFileSeeEachOther()
{
    auto second = openStore();
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Shared")}});
    QCOMPARE(second->entity(note->id)->string(s("title")), s("Shared"));
    QVERIFY(second->update(note->id, {{s("title"), s("Changed by the other")}}));
    QCOMPARE(m_store->entity(note->id)->string(s("title")), s("Changed by the other"));
    QCOMPARE(second->deviceId(), m_store->deviceId());
    const auto history = m_store->history(note->id);
    QVERIFY(*Hlc::fromString(history->at(0).hlc) < *Hlc::fromString(history->at(1).hlc));
}

void TestStore::garbageFileIsRefusedCleanly()
{
    const QString path = m_dir->filePath(s("garbage.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const auto store = Store::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().code, Error::Code::Io);
    QVERIFY2(store.error().message.contains(s("not a Tidemark store")), qPrintable(store.error().message));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(8192, 'x')); // untouched
}

void TestStore::checkpointerKeepsTheLogShort()
{
    const QString wal = m_dir->filePath(s("store.db-wal"));
    const auto note = m_store->create(Kind::Note, {{s("title"), s("log")}});
    QVERIFY(m_store->setAutoCheckpoint(false));
    const auto edit = [&](int count) {
        for (int i = 0; i < count; ++i) {
            if (!m_store->update(note->id, {{s("body"), QString(2000, QLatin1Char('a' + i % 26))}}))
                return false;
        }
        return true;
    };
    // Without checkpoints the log only grows.
    QVERIFY(edit(300));
    const qint64 unbounded = QFileInfo(wal).size();
    QVERIFY(unbounded > 300 * 4096);

    QThread thread;
    auto *checkpointer = new Checkpointer(m_dir->filePath(s("store.db")), 20);
    checkpointer->moveToThread(&thread);
    connect(&thread, &QThread::finished, checkpointer, &QObject::deleteLater);
    QSignalSpy failed(checkpointer, &Checkpointer::failed);
    thread.start();
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::start, Qt::BlockingQueuedConnection);
    // With them, writers start the log over again and again: it stops growing.
    for (int round = 0; round < 20; ++round) {
        QVERIFY(edit(30));
        QTest::qWait(25);
    }
    // The log holds only what was written since the last restart: far less than 300 edits' worth
    // (the file itself never shrinks; SQLite reuses it from the start).
    QSqlQuery probe(db());
    QVERIFY(probe.exec(s("PRAGMA wal_checkpoint(PASSIVE)")) && probe.next());
    const qint64 frames = probe.value(1).toLongLong();
    probe.finish();
    const qint64 unboundedFrames = unbounded / (4096 + 24);
    QVERIFY2(frames < unboundedFrames, qPrintable(s("%1 frames in the log, %2 after 300 edits").arg(frames).arg(unboundedFrames)));
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::stop, Qt::BlockingQueuedConnection);
    QVERIFY(checkpointer->runs() > 5);
    thread.quit();
    thread.wait();
    QCOMPARE(failed.size(), 0);
    QVERIFY(edit(1));
    QCOMPARE(m_store->history(note->id)->size(), 302 + 600);
}

void TestStore::aPulledKindThisVersionDoesNotKnowIsKeptAndTakenInLater()
{
    // A newer device made a "checklist"; this version keeps it untouched, shows it nowhere,
    // queues nothing for it, and moves its cursor on. Its conflict records are left out too.
    const QString id = s("0193a2b4-0000-7000-8000-000000000001");
    Store::RemoteChange change{Kind::Note, id, 5, {{s("title"), s("Packing")}, {s("items"), QJsonArray{s("socks")}}}, s("newer"), 0, s("checklist")};
    const QJsonObject record{{s("id"), s("0193a2b4-0000-7000-8000-0000000000c1")}, {s("entity"), id}, {s("kind"), s("checklist")},
                             {s("field"), s("title")}, {s("rule"), s("scalar-later-wins")}, {s("status"), s("settled")}};
    QVERIFY(m_store->applyRemotePage({change}, {record}, 5));
    Store::RemoteChange later = change;
    later.rev = 6;
    later.fields = {{s("title"), s("Packing list")}};
    QVERIFY(m_store->applyRemotePage({later}, {}, 6));
    QCOMPARE(m_store->syncCursor(), 6);
    QVERIFY(!m_store->entity(id));
    QCOMPARE(m_store->items({})->size(), 0);
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(m_store->conflictRecords()->size(), 0);
    QCOMPARE(m_store->unknownCount(), 1);

    // A later version knows the kind: here, as if "checklist" had become a note. At the next
    // start the item is there with every field it was sent.
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(s("UPDATE unknown_entities SET kind = 'note'")));
    }
    m_store.reset();
    m_store = openStore();
    const auto adopted = m_store->entity(id);
    QVERIFY(adopted);
    QCOMPARE(adopted->rev, 6);
    QCOMPARE(adopted->string(s("title")), s("Packing list"));
    QCOMPARE(adopted->fields.value(s("items")).toArray(), QJsonArray{s("socks")});
    QCOMPARE(m_store->unknownCount(), 0);
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestStore::takingForSendingReadsOnlyWhatItSends()
{
    // Batches come by the outbox's order; parked operations are stepped over.
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids << m_store->create(Kind::Note, {{s("title"), s("n%1").arg(i)}})->id;
    auto first = m_store->takeForSending(3);
    QCOMPARE(first->size(), 3);
    QVERIFY(m_store->settle({{first->at(0).opId, true, s("refused")}, {first->at(1).opId, false, {}}}));
    auto next = m_store->takeForSending(3);
    // The one still in flight is sent again, first; the parked one never.
    QCOMPARE(next->size(), 3);
    QCOMPARE(next->at(0).entityId, ids.at(2));
    QCOMPARE(next->at(1).entityId, ids.at(3));
    QCOMPARE(m_store->parkedCount(), 1);
    // While a batch is on its way, the next one starts after it.
    auto after = m_store->takeForSending(3, next->last().seq);
    QCOMPARE(after->size(), 2);
    QCOMPARE(after->at(0).entityId, ids.at(5));
    QCOMPARE(after->at(1).entityId, ids.at(6));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
