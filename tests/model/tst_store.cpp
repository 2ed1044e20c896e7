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

using namespace Qt::StringLiterals;

using namespace tidemark::model;

namespace {
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
    void pulledPagesAreSearchableAsTheyAre();
    void aFailedPageLeavesTheIndexAsItWas();
    void anIndexLeftDeferredIsBuiltAgainOnOpen();

private:
    std::unique_ptr<Store> openStore(HybridClock::WallClock wall = {});
    QSqlDatabase db() const { return QSqlDatabase::database(m_store->connectionName()); }
    int count(const QString &table) const;
    /// FTS5's own check that its index holds exactly the rows' text.
    bool indexIsSound() const;
    int hits(const QString &query) const { return int(m_store->search(query, 1000)->size()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

std::unique_ptr<Store> TestStore::openStore(HybridClock::WallClock wall)
{
    auto store = Store::open(m_dir->filePath(u"store.db"_s), std::move(wall));
    if (!store)
        qFatal("cannot open store: %s", qPrintable(store.error().message));
    return std::move(*store);
}

int TestStore::count(const QString &table) const
{
    QSqlQuery q(db());
    if (!q.exec(u"SELECT COUNT(*) FROM "_s + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool TestStore::indexIsSound() const
{
    QSqlQuery q(db());
    if (q.exec(u"INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)"_s))
        return true;
    qWarning() << q.lastError().text();
    return false;
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
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Groceries"_s}, {u"body"_s, u"- milk\n- bread"_s}});
    QVERIFY(note);
    QCOMPARE(changed.size(), 1);

    const auto loaded = m_store->entity(note->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->string(u"title"_s), u"Groceries"_s);
    QCOMPARE(loaded->string(u"body"_s), u"- milk\n- bread"_s);
    QCOMPARE(loaded->rev, 0);

    const auto history = m_store->history(note->id);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().version, 1);
    QCOMPARE(history->first().device, m_store->deviceId());
    QCOMPARE(history->first().snapshot.value(u"title"_s).toString(), u"Groceries"_s);

    const auto outbox = m_store->outbox();
    QVERIFY(outbox);
    QCOMPARE(outbox->size(), 1);
    const OutboxOp &op = outbox->first();
    QCOMPARE(op.entityId, note->id);
    QCOMPARE(op.kind, Kind::Note);
    QCOMPARE(op.baseRev, 0);
    QCOMPARE(op.device, m_store->deviceId());
    QCOMPARE(op.fields.value(u"title"_s).toString(), u"Groceries"_s);
    QVERIFY(Hlc::fromString(op.hlc));
    QCOMPARE(m_store->pendingCount(), 1);
}

void TestStore::editsCoalesceWhileUnsent()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Draft"_s}});
    QVERIFY(note);
    // Simulate that the create reached the server at revision 7.
    QSqlQuery(db()).exec(u"DELETE FROM outbox"_s);
    QSqlQuery(db()).exec(u"UPDATE items SET rev = 7"_s);

    for (const char *body : {"H", "He", "Hel", "Hello"})
        QVERIFY(m_store->update(note->id, {{u"body"_s, QString::fromUtf8(body)}}));
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"Greeting"_s}}));

    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->size(), 1);
    QCOMPARE(outbox->first().baseRev, 7);
    QCOMPARE(outbox->first().fields.value(u"body"_s).toString(), u"Hello"_s);
    QCOMPARE(outbox->first().fields.value(u"title"_s).toString(), u"Greeting"_s);
    // Every keystroke-save is still its own version in the history.
    QCOMPARE(m_store->history(note->id)->size(), 6);

    // An edit of another entity in between ends the run.
    const auto other = m_store->create(Kind::Note, {{u"title"_s, u"Other"_s}});
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"Hello!"_s}}));
    QCOMPARE(m_store->outbox()->size(), 3);
    Q_UNUSED(other);
}

void TestStore::editsDoNotCoalesceOnceInFlight()
{
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Call"_s}});
    QSqlQuery(db()).exec(u"UPDATE outbox SET in_flight = 1"_s);
    QVERIFY(m_store->update(task->id, {{u"title"_s, u"Call Anna"_s}}));
    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->size(), 2);
    QCOMPARE(outbox->at(0).fields.value(u"title"_s).toString(), u"Call"_s);
    QCOMPARE(outbox->at(1).fields.value(u"title"_s).toString(), u"Call Anna"_s);
}

void TestStore::sameValueChangesNothing()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Same"_s}});
    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"Same"_s}}));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->history(note->id)->size(), 1);
    QCOMPARE(m_store->outbox()->size(), 1);
}

void TestStore::failureMidActionLeavesNothing_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("history write fails") << u"history"_s;
    QTest::newRow("outbox write fails") << u"outbox"_s;
}

void TestStore::failureMidActionLeavesNothing()
{
    QFETCH(QString, table);
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Before"_s}});
    QVERIFY(note);
    const int items = count(u"items"_s);
    const int history = count(u"history"_s);
    const int outbox = count(u"outbox"_s);
    const QString outboxBefore = m_store->outbox()->first().fields.value(u"title"_s).toString();

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

    const auto edited = m_store->update(note->id, {{u"title"_s, u"After"_s}});
    QVERIFY(!edited);
    QCOMPARE(edited.error().code, Error::Code::Database);
    const auto created = m_store->create(Kind::Task, {{u"title"_s, u"Never"_s}});
    QVERIFY(!created);

    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->entity(note->id)->string(u"title"_s), u"Before"_s);
    QCOMPARE(count(u"items"_s), items);
    QCOMPARE(count(u"history"_s), history);
    QCOMPARE(count(u"outbox"_s), outbox);
    QCOMPARE(m_store->outbox()->first().fields.value(u"title"_s).toString(), outboxBefore);

    // Once the fault is gone, the store works as before.
    QVERIFY(QSqlQuery(db()).exec(u"DROP TRIGGER fail_insert"_s));
    QVERIFY(QSqlQuery(db()).exec(u"DROP TRIGGER fail_update"_s));
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"After"_s}}));
    QCOMPARE(m_store->entity(note->id)->string(u"title"_s), u"After"_s);
}

void TestStore::batchIsAllOrNothing()
{
    QSignalSpy changed(m_store.get(), &Store::entityChanged);
    qsizetype announcedInside = -1;
    const auto failed = m_store->batch([&]() -> Result<void> {
        if (auto a = m_store->create(Kind::Note, {{u"title"_s, u"one"_s}}); !a)
            return std::unexpected(a.error());
        announcedInside = changed.size();
        if (auto b = m_store->create(Kind::Task, {{u"priority"_s, 9}}); !b)
            return std::unexpected(b.error());
        return {};
    });
    QVERIFY(!failed);
    QCOMPARE(announcedInside, 0); // nothing is announced before the commit
    QCOMPARE(changed.size(), 0);
    QCOMPARE(count(u"items"_s), 0);
    QCOMPARE(count(u"outbox"_s), 0);

    const auto ok = m_store->batch([this]() -> Result<void> {
        for (int i = 0; i < 3; ++i) {
            if (auto a = m_store->create(Kind::Note, {{u"title"_s, u"n%1"_s.arg(i)}}); !a)
                return std::unexpected(a.error());
        }
        return {};
    });
    QVERIFY(ok);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(count(u"items"_s), 3);
    QCOMPARE(count(u"history"_s), 3);
}

void TestStore::failedActionInsideBatchUndoesOnlyItself()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"keep"_s}});
    QVERIFY(QSqlQuery(db()).exec(u"CREATE TEMP TRIGGER no_edit BEFORE UPDATE ON main.outbox "
                                   "BEGIN SELECT RAISE(ABORT, 'injected'); END"_s));
    const auto result = m_store->batch([&]() -> Result<void> {
        const auto edit = m_store->update(note->id, {{u"title"_s, u"lost"_s}}); // coalesces: outbox UPDATE fails
        if (edit)
            return std::unexpected(Error::database(u"the injected failure did not happen"_s));
        return m_store->create(Kind::Task, {{u"title"_s, u"kept"_s}}).transform([](const Entity &) {});
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(m_store->entity(note->id)->string(u"title"_s), u"keep"_s);
    QCOMPARE(m_store->history(note->id)->size(), 1);
    QCOMPARE(count(u"items"_s), 2);
}

void TestStore::invalidInputWritesNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("priority 7") << int(Kind::Task) << u"priority"_s << QJsonValue(7);
    QTest::newRow("priority text") << int(Kind::Task) << u"priority"_s << QJsonValue(u"high"_s);
    QTest::newRow("priority 1.5") << int(Kind::Task) << u"priority"_s << QJsonValue(1.5);
    QTest::newRow("due nonsense") << int(Kind::Task) << u"due"_s << QJsonValue(u"next tuesday"_s);
    QTest::newRow("due bad zone") << int(Kind::Task) << u"due"_s << QJsonValue(u"2026-12-01T10:00[Nowhere/City]"_s);
    QTest::newRow("recurrence hourly") << int(Kind::Task) << u"recurrence"_s << QJsonValue(u"FREQ=HOURLY"_s);
    QTest::newRow("title number") << int(Kind::Note) << u"title"_s << QJsonValue(3);
    QTest::newRow("title too long") << int(Kind::Note) << u"title"_s << QJsonValue(QString(1001, QLatin1Char('x')));
    QTest::newRow("tags not list") << int(Kind::Note) << u"tags"_s << QJsonValue(u"a,b"_s);
    QTest::newRow("pinned text") << int(Kind::Note) << u"pinned"_s << QJsonValue(u"yes"_s);
    QTest::newRow("note has no due") << int(Kind::Note) << u"due"_s << QJsonValue(u"2026-12-01"_s);
    QTest::newRow("unknown field") << int(Kind::Task) << u"colour"_s << QJsonValue(u"red"_s);
    QTest::newRow("collection not id") << int(Kind::Note) << u"collection"_s << QJsonValue(u"inbox"_s);
    QTest::newRow("empty name") << int(Kind::Collection) << u"name"_s << QJsonValue(u"   "_s);
    QTest::newRow("bad colour") << int(Kind::Collection) << u"color"_s << QJsonValue(u"red"_s);
}

void TestStore::invalidInputWritesNothing()
{
    QFETCH(int, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const Kind k = Kind(kind);
    const QJsonObject base = k == Kind::Collection ? QJsonObject{{u"name"_s, u"Inbox"_s}} : QJsonObject{{u"title"_s, u"ok"_s}};
    const auto existing = m_store->create(k, base);
    QVERIFY(existing);
    const int history = count(u"history"_s);
    const int outbox = count(u"outbox"_s);

    QJsonObject bad = base;
    bad.insert(field, value);
    const auto created = m_store->create(k, bad);
    QVERIFY(!created);
    QCOMPARE(created.error().code, Error::Code::InvalidInput);
    QVERIFY(!created.error().message.isEmpty());

    const auto updated = m_store->update(existing->id, {{field, value}});
    QVERIFY(!updated);
    QCOMPARE(updated.error().code, Error::Code::InvalidInput);

    QCOMPARE(count(u"history"_s), history);
    QCOMPARE(count(u"outbox"_s), outbox);
    QCOMPARE(m_store->entity(existing->id)->fields, existing->fields);
}

void TestStore::referencesMustExist()
{
    const QString ghost = u"01900000-0000-7000-8000-000000000000"_s;
    const auto note = m_store->create(Kind::Note, {{u"collection"_s, ghost}});
    QVERIFY(!note);
    QCOMPARE(note.error().code, Error::Code::NotFound);

    const auto list = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Parent"_s}, {u"collection"_s, list->id}});
    QVERIFY(task);
    // A note is no task's parent; a task cannot parent itself or its ancestor.
    const auto noteParent = m_store->create(Kind::Note, {{u"title"_s, u"n"_s}});
    QVERIFY(!m_store->create(Kind::Task, {{u"parent"_s, noteParent->id}}));
    QVERIFY(!m_store->update(task->id, {{u"parent"_s, task->id}}));
    const auto child = m_store->create(Kind::Task, {{u"title"_s, u"Child"_s}, {u"parent"_s, task->id}});
    QVERIFY(child);
    const auto cycle = m_store->update(task->id, {{u"parent"_s, child->id}});
    QVERIFY(!cycle);
    QCOMPARE(cycle.error().code, Error::Code::InvalidInput);
    // Asking for a missing id is "not found", also for actions.
    QCOMPARE(m_store->update(ghost, {{u"title"_s, u"x"_s}}).error().code, Error::Code::NotFound);
    QCOMPARE(m_store->setDone(ghost, true).error().code, Error::Code::NotFound);
    QVERIFY(!m_store->entity(ghost));
}

void TestStore::clockSurvivesRestartAndBackwardJump()
{
    qint64 wall = QDateTime::currentMSecsSinceEpoch();
    m_store.reset();
    m_store = openStore([&wall] { return wall; });
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"t0"_s}});
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"t1"_s}}));
    const auto before = Hlc::fromString(m_store->history(note->id)->last().hlc);
    QVERIFY(before);

    // Restart with the wall clock an hour behind (a bad NTP step, a dead RTC battery).
    m_store.reset();
    wall -= 3'600'000;
    m_store = openStore([&wall] { return wall; });
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"t2"_s}}));
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"t3"_s}}));
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
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Old idea"_s}});
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->entity(note->id)->isDeleted());
    QVERIFY(!m_store->itemRow(note->id, ItemFilter::all()));
    QVERIFY(m_store->itemRow(note->id, ItemFilter::of(ItemFilter::Type::Trash)));
    QVERIFY(m_store->restore(note->id));
    QVERIFY(!m_store->entity(note->id)->isDeleted());
    QVERIFY(m_store->itemRow(note->id, ItemFilter::all()));
    const auto history = m_store->history(note->id);
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(1).changed, QStringList{u"deleted"_s});
}

void TestStore::emptyingTheTrashErasesOnlyTrashedItems()
{
    auto kept = m_store->create(Kind::Note, {{u"title"_s, u"keep me"_s}, {u"body"_s, u"lighthouse"_s}});
    auto gone = m_store->create(Kind::Note, {{u"title"_s, u"erase me"_s}, {u"body"_s, u"lighthouse"_s}});
    QVERIFY(kept && gone);
    QVERIFY(m_store->trash(gone->id));
    QCOMPARE(m_store->search(u"lighthouse"_s)->size(), 1);

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
        queued |= op.entityId == gone->id && op.fields.value(u"deleted"_s).toBool();
    QVERIFY(queued);

    // A later change from the server does not bring a fragment of it back.
    const auto page = m_store->applyRemotePage({{Kind::Note, gone->id, 7, {{u"title"_s, u"edited elsewhere"_s}}, {}, 0, {}}}, {}, 7);
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
    QVERIFY(!m_store->entity(gone->id));
    QCOMPARE(m_store->syncCursor(), 7);
}

void TestStore::viewCountsMatchTheLists()
{
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    const QString nextWeek = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"a note"_s}}));
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"archived"_s}, {u"archived"_s, true}}));
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"late"_s}, {u"due"_s, yesterday}}));
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"later"_s}, {u"due"_s, nextWeek}}));
    // Due today, no time: in Today, not late.
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"today"_s}, {u"due"_s, QDate::currentDate().toString(Qt::ISODate)}}));
    // A collection has unsent operations too, but the Pending list shows notes and tasks.
    QVERIFY(m_store->create(Kind::Collection, {{u"name"_s, u"Errands"_s}}));
    auto done = m_store->create(Kind::Task, {{u"title"_s, u"done"_s}});
    auto trashed = m_store->create(Kind::Note, {{u"title"_s, u"trashed"_s}});
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
    const auto home = m_store->create(Kind::Collection, {{u"name"_s, u"Home"_s}});
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    const auto a = m_store->create(Kind::Task, {{u"title"_s, u"A"_s}, {u"collection"_s, home->id}});
    const auto b = m_store->create(Kind::Task, {{u"title"_s, u"B"_s}, {u"collection"_s, home->id}});
    const auto c = m_store->create(Kind::Task, {{u"title"_s, u"C"_s}, {u"collection"_s, home->id}});
    QVERIFY(a && b && c);
    const auto keyOf = [this](const QString &id) { return m_store->entity(id)->string(u"sort_key"_s); };
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
    QCOMPARE(m_store->entity(c->id)->string(u"collection"_s), work->id);
    QCOMPARE(m_store->collectionRow(home->id)->itemCount, 2);
    QCOMPARE(m_store->collectionRow(work->id)->itemCount, 1);
    QVERIFY(m_store->move(c->id, QString()));
    QVERIFY(m_store->entity(c->id)->fields.value(u"collection"_s).isNull());
}

void TestStore::completingRecurringTaskCreatesNext()
{
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Water plants"_s},
                                                   {u"due"_s, u"2026-11-27T18:00[Europe/Berlin]"_s},
                                                   {u"recurrence"_s, u"FREQ=WEEKLY;INTERVAL=2"_s},
                                                   {u"priority"_s, 2},
                                                   {u"tags"_s, QJsonArray{u"home"_s}}});
    QVERIFY(task);
    const int outboxBefore = count(u"outbox"_s);
    const auto done = m_store->setDone(task->id, true);
    QVERIFY(done);
    QCOMPARE(done->size(), 2);
    const Entity &completed = done->at(0);
    const Entity &next = done->at(1);
    QVERIFY(completed.fields.value(u"done_at"_s).isString());
    QVERIFY(completed.fields.value(u"recurrence"_s).isNull());
    QCOMPARE(next.string(u"title"_s), u"Water plants"_s);
    QCOMPARE(next.string(u"due"_s), u"2026-12-11T18:00[Europe/Berlin]"_s);
    QCOMPARE(next.string(u"recurrence"_s), u"FREQ=WEEKLY;INTERVAL=2"_s);
    QVERIFY(next.fields.value(u"done_at"_s).isNull());
    QCOMPARE(next.fields.value(u"priority"_s).toInt(), 2);
    QCOMPARE(next.fields.value(u"tags"_s).toArray(), QJsonArray{u"home"_s});
    QVERIFY(next.id != task->id);
    // The completion and the new task are each queued.
    QCOMPARE(count(u"outbox"_s), outboxBefore + 1);
    QVERIFY(m_store->itemRow(next.id, ItemFilter::of(ItemFilter::Type::Upcoming))
            || m_store->itemRow(next.id, ItemFilter::of(ItemFilter::Type::Today)));
    QVERIFY(m_store->itemRow(task->id, ItemFilter::of(ItemFilter::Type::Done)));
}

void TestStore::uncompletingTaskClearsDone()
{
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Once"_s}});
    QCOMPARE(m_store->setDone(task->id, true)->size(), 1);
    QVERIFY(m_store->entity(task->id)->fields.value(u"done_at"_s).isString());
    QVERIFY(m_store->setDone(task->id, false));
    QVERIFY(m_store->entity(task->id)->fields.value(u"done_at"_s).isNull());
    QVERIFY(!m_store->setDone(m_store->create(Kind::Note, {})->id, true)); // notes are not done
}

void TestStore::restoreVersionIsANewUndoableVersion()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"v1"_s}, {u"body"_s, u"first"_s}});
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"v2"_s}, {u"body"_s, u"second"_s}}));
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"third"_s}}));

    const auto restored = m_store->restoreVersion(note->id, 1);
    QVERIFY(restored);
    QCOMPARE(restored->string(u"title"_s), u"v1"_s);
    QCOMPARE(restored->string(u"body"_s), u"first"_s);
    auto history = m_store->history(note->id);
    QCOMPARE(history->size(), 4);
    QCOMPARE(history->last().origin, u"restore"_s);
    QCOMPARE(history->last().changed, (QStringList{u"body"_s, u"title"_s}));

    // Undo the restore by restoring the version before it.
    QVERIFY(m_store->restoreVersion(note->id, 3));
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), u"third"_s);
    QCOMPARE(m_store->entity(note->id)->string(u"title"_s), u"v2"_s);
    QCOMPARE(m_store->history(note->id)->size(), 5);
    QCOMPARE(m_store->restoreVersion(note->id, 99).error().code, Error::Code::NotFound);
}

namespace {

// A pasted log: lines of words, numbers, Japanese and an emoji now and then, none alike.
QString logText(QRandomGenerator &random, qsizetype chars)
{
    static const QStringList words{u"sync"_s, u"push"_s, u"pulled"_s, u"note"_s, u"会議"_s, u"議事録"_s, u"error"_s,
                                   u"café"_s, u"🌊"_s, u"retry"_s, u"batch"_s, u"検索"_s, u"ok"_s, u"timeout"_s};
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
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Server log"_s}, {u"body"_s, body}});
    QVERIFY(note);
    QList<QString> bodies{body};
    qsizetype everyText = utf8Bytes(body);
    // Edits as a person makes them, saved one by one: more than one run of deltas (64) long.
    for (int i = 1; i < 90; ++i) {
        QJsonObject change;
        if (i % 17 == 0) {
            change.insert(u"pinned"_s, (i / 17) % 2 == 1); // the body is the same as before
        } else if (i == 40) {
            change.insert(u"body"_s, u"cut down to one line"_s);
        } else if (i == 41) {
            change.insert(u"body"_s, bodies.at(38)); // pasted back
        } else {
            QString next = bodies.last();
            const auto at = random.bounded(next.size());
            next.insert(at, logText(random, random.bounded(10, 400)));
            const auto from = random.bounded(next.size() - 200);
            next.remove(from, random.bounded(0, 150));
            if (i % 10 == 0)
                next = u"Top line "_s + QString::number(i) + u'\n' + next + u"bottom line\n"_s;
            if (next.at(next.size() - 1).isHighSurrogate() || next.at(0).isLowSurrogate())
                next += u'.';
            // An edit never splits a character in two: the store keeps valid text only.
            next = QString::fromUtf8(next.toUtf8());
            change.insert(u"body"_s, next);
        }
        const auto saved = m_store->update(note->id, change);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        bodies.append(saved->string(u"body"_s));
        everyText += utf8Bytes(bodies.last());
    }

    const auto history = m_store->history(note->id);
    QVERIFY2(history, qPrintable(history ? QString() : history.error().message));
    QCOMPARE(history->size(), bodies.size());
    for (qsizetype v = 0; v < bodies.size(); ++v) {
        QVERIFY2(history->at(v).snapshot.value(u"body"_s).toString() == bodies.at(v), qPrintable(u"version %1"_s.arg(v + 1)));
        QCOMPARE(history->at(v).snapshot.value(u"title"_s).toString(), u"Server log"_s);
    }
    // Every version is kept, in far less room than the texts themselves (90 of about 1 MB).
    QSqlQuery q(db());
    QVERIFY(q.exec(u"SELECT (SELECT SUM(LENGTH(data)) FROM history_text) + (SELECT SUM(LENGTH(CAST(snapshot AS BLOB))) FROM history)"_s));
    QVERIFY(q.next());
    const qint64 stored = q.value(0).toLongLong();
    qInfo("%lld versions: %lld bytes of text, %lld bytes of history", qlonglong(bodies.size()), qlonglong(everyText), stored);
    QVERIFY2(stored < 2 * utf8Bytes(bodies.first()), qPrintable(u"%1 bytes"_s.arg(stored)));
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM history_text WHERE base = 0"_s) && q.next());
    QVERIFY2(q.value(0).toInt() <= 4, qPrintable(u"%1 keyframes"_s.arg(q.value(0).toInt())));

    // Any version comes back whole, itself a new version.
    for (const int version : {1, 2, 41, 42, 66, 67, 89}) {
        const auto restored = m_store->restoreVersion(note->id, version);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
        QVERIFY2(restored->string(u"body"_s) == bodies.at(version - 1), qPrintable(u"version %1"_s.arg(version)));
    }
    QCOMPARE(m_store->history(note->id)->last().snapshot.value(u"body"_s).toString(), bodies.at(88));

    // Erasing the note erases its versions' texts too.
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->emptyTrash());
    QCOMPARE(count(u"history_text"_s), 0);
}

void TestStore::aDamagedVersionOfALongTextIsSaidAndTheNoteStillSaves()
{
    QRandomGenerator random(7);
    const QString body = logText(random, 100'000);
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Log"_s}, {u"body"_s, body}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"body"_s, body + u"one more line\n"_s}}));
    QVERIFY(QSqlQuery(db()).exec(u"UPDATE history_text SET data = x'28b52ffd00' WHERE base = 0"_s));

    const auto history = m_store->history(note->id);
    QVERIFY(!history);
    QVERIFY2(history.error().message.contains(u"history of"_s) && history.error().message.contains(note->id),
             qPrintable(history.error().message));
    QVERIFY(!m_store->restoreVersion(note->id, 1));
    // The note itself is untouched, and the next save starts its history's texts afresh.
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), body + u"one more line\n"_s);
    QVERIFY(m_store->update(note->id, {{u"body"_s, body + u"two more lines\n"_s}}));
    QVERIFY(QSqlQuery(db()).exec(u"DELETE FROM history WHERE version < 3"_s));
    QVERIFY(QSqlQuery(db()).exec(u"DELETE FROM history_text WHERE seq NOT IN (SELECT seq FROM history)"_s));
    const auto later = m_store->history(note->id);
    QVERIFY2(later, qPrintable(later ? QString() : later.error().message));
    QCOMPARE(later->first().snapshot.value(u"body"_s).toString(), body + u"two more lines\n"_s);
}

void TestStore::unknownFieldsFromANewerPeerAreKept()
{
    const QString id = u"01930000-0000-7000-8000-00000000abcd"_s;
    const QJsonObject fromServer{{u"title"_s, u"From the future"_s},
                                 {u"body"_s, u"text"_s},
                                 {u"mood"_s, u"cheerful"_s},
                                 {u"layout"_s, QJsonObject{{u"columns"_s, 2}}}};
    const auto applied = m_store->applyRemote(Kind::Note, id, 12, fromServer, Hlc{1, 0, u"peer"_s});
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QCOMPARE(m_store->outbox()->size(), 0); // a remote change is not sent back

    QVERIFY(m_store->update(id, {{u"title"_s, u"Edited here"_s}}));
    const auto e = m_store->entity(id);
    QCOMPARE(e->rev, 12);
    QCOMPARE(e->string(u"mood"_s), u"cheerful"_s);
    QCOMPARE(e->fields.value(u"layout"_s).toObject().value(u"columns"_s).toInt(), 2);
    // The edit's operation carries only what changed, on the right base revision.
    const auto op = m_store->outbox()->first();
    QCOMPARE(op.baseRev, 12);
    QCOMPARE(op.fields.keys(), QStringList{u"title"_s});
    // Restarting keeps them too.
    m_store.reset();
    m_store = openStore();
    QCOMPARE(m_store->entity(id)->string(u"mood"_s), u"cheerful"_s);
}

void TestStore::remoteChangeKeepsPendingLocalFields()
{
    const QString id = u"01930000-0000-7000-8000-00000000beef"_s;
    QVERIFY(m_store->applyRemote(Kind::Task, id, 3, {{u"title"_s, u"Server title"_s}, {u"priority"_s, 1}},
                                 Hlc{1, 0, u"peer"_s}));
    QVERIFY(m_store->update(id, {{u"title"_s, u"My title"_s}}));
    QVERIFY(m_store->applyRemote(Kind::Task, id, 4, {{u"title"_s, u"Their title"_s}, {u"priority"_s, 3}},
                                 Hlc{2, 0, u"peer"_s}));
    const auto e = m_store->entity(id);
    QCOMPARE(e->string(u"title"_s), u"My title"_s); // still pending here
    QCOMPARE(e->fields.value(u"priority"_s).toInt(), 3);
    QCOMPARE(e->rev, 4);
    QVERIFY(!m_store->applyRemote(Kind::Note, id, 5, {}, Hlc{3, 0, u"peer"_s})); // wrong kind
    QVERIFY(!m_store->applyRemote(Kind::Task, u"bad id"_s, 5, {}, Hlc{3, 0, u"peer"_s}));
}

void TestStore::filtersSelectTheRightItems()
{
    const auto inbox = m_store->create(Kind::Collection, {{u"name"_s, u"Inbox"_s}});
    const QDate today = QDate::currentDate();
    const auto overdue = m_store->create(Kind::Task, {{u"title"_s, u"Overdue"_s}, {u"due"_s, today.addDays(-2).toString(Qt::ISODate)}});
    const auto dueToday = m_store->create(Kind::Task, {{u"title"_s, u"Today"_s}, {u"due"_s, today.toString(Qt::ISODate)}, {u"collection"_s, inbox->id}});
    const auto later = m_store->create(Kind::Task, {{u"title"_s, u"Later"_s}, {u"due"_s, today.addDays(3).toString(Qt::ISODate)}});
    const auto finished = m_store->create(Kind::Task, {{u"title"_s, u"Finished"_s}, {u"due"_s, today.toString(Qt::ISODate)}});
    QVERIFY(m_store->setDone(finished->id, true));
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Note"_s}, {u"collection"_s, inbox->id}, {u"tags"_s, QJsonArray{u"idea"_s}}});
    const auto gone = m_store->create(Kind::Note, {{u"title"_s, u"Gone"_s}, {u"collection"_s, inbox->id}});
    QVERIFY(m_store->trash(gone->id));

    const auto ids = [this](const ItemFilter &filter) {
        QStringList titles;
        const auto rows = m_store->items(filter);
        for (const ItemRow &row : *rows)
            titles << row.title;
        titles.sort();
        return titles;
    };
    QCOMPARE(ids(ItemFilter::all()), (QStringList{u"Finished"_s, u"Later"_s, u"Note"_s, u"Overdue"_s, u"Today"_s}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Today)), (QStringList{u"Overdue"_s, u"Today"_s}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Upcoming)), QStringList{u"Later"_s});
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Done)), QStringList{u"Finished"_s});
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Trash)), QStringList{u"Gone"_s});
    QCOMPARE(ids(ItemFilter::collection(inbox->id)), (QStringList{u"Note"_s, u"Today"_s}));
    QCOMPARE(ids(ItemFilter::tag(u"idea"_s)), QStringList{u"Note"_s});

    // Pending: everything unsent. Once "sent", only what changed after.
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Pending)).size(), 6);
    QSqlQuery(db()).exec(u"DELETE FROM outbox"_s);
    QVERIFY(m_store->update(later->id, {{u"priority"_s, 3}}));
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Pending)), QStringList{u"Later"_s});
    QVERIFY(m_store->itemRow(later->id, ItemFilter::all())->pending);
    QVERIFY(!m_store->itemRow(overdue->id, ItemFilter::all())->pending);

    // Conflicts: items with an open conflict record.
    QSqlQuery conflict(db());
    conflict.prepare(u"INSERT INTO conflicts (id, entity_id, kind, field, rule, created_at) VALUES ('c1', ?, 'task', 'title', 'scalar', 0)"_s);
    conflict.addBindValue(dueToday->id);
    QVERIFY(conflict.exec());
    QCOMPARE(ids(ItemFilter::of(ItemFilter::Type::Conflicts)), QStringList{u"Today"_s});
    QVERIFY(m_store->itemRow(dueToday->id, ItemFilter::all())->conflict);
    Q_UNUSED(note);
}

void TestStore::tagsAreNormalisedAndCounted()
{
    const auto a = m_store->create(Kind::Note, {{u"tags"_s, QJsonArray{u" #work "_s, u"ideas"_s, u"work"_s, u""_s}}});
    QVERIFY(a);
    QCOMPARE(a->fields.value(u"tags"_s).toArray(), (QJsonArray{u"ideas"_s, u"work"_s}));
    QVERIFY(m_store->create(Kind::Task, {{u"tags"_s, QJsonArray{u"work"_s}}}));
    const auto tags = m_store->tags();
    QVERIFY(tags);
    QCOMPARE(tags->size(), 2);
    QCOMPARE(tags->at(0), (QPair<QString, int>{u"ideas"_s, 1}));
    QCOMPARE(tags->at(1), (QPair<QString, int>{u"work"_s, 2}));
}

void TestStore::searchRanksHighlightsAndFollowsTyping()
{
    const auto titleHit = m_store->create(Kind::Note, {{u"title"_s, u"Sourdough starter"_s}, {u"body"_s, u"Feed it daily."_s}});
    const auto bodyHit = m_store->create(Kind::Note, {{u"title"_s, u"Weekend"_s}, {u"body"_s, u"Bake bread with the sourdough on Sunday morning."_s}});
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Buy flour"_s}, {u"notes"_s, u"for the sourdough"_s}});
    const auto tagged = m_store->create(Kind::Note, {{u"title"_s, u"Misc"_s}, {u"tags"_s, QJsonArray{u"baking"_s}}});
    m_store->create(Kind::Note, {{u"title"_s, u"Unrelated"_s}, {u"body"_s, u"Nothing here."_s}});

    const auto hits = m_store->search(u"sourdough"_s);
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
        QCOMPARE(hit.snippet.mid(start, length).toLower(), u"sourdough"_s);
    }
    // A snippet cut from a longer text says so with an ellipsis, as a person reads it (not
    // its UTF-8 bytes read as Latin-1, "â€¦").
    QString longer;
    for (int i = 0; i < 40; ++i)
        longer += u"filler words before it "_s;
    m_store->create(Kind::Note, {{u"title"_s, u"Long"_s}, {u"body"_s, longer + u"marmalade"_s + longer}});
    const auto cut = m_store->search(u"marmalade"_s);
    QCOMPARE(cut->size(), 1);
    QVERIFY2(cut->first().snippet.startsWith(QChar(0x2026)) && cut->first().snippet.endsWith(QChar(0x2026)),
             qPrintable(cut->first().snippet));
    QVERIFY(!cut->first().snippet.contains(QChar(0x00E2)));
    // As-you-type: a prefix of the last word matches.
    QCOMPARE(m_store->search(u"sourd"_s)->size(), 3);
    QCOMPARE(m_store->search(u"bake"_s)->size(), 1);
    QCOMPARE(m_store->search(u"bak"_s)->size(), 2); // "Bake" and the tag "baking"
    QCOMPARE(m_store->search(u"bak "_s)->size(), 0); // a finished word is not a prefix
    QCOMPARE(m_store->search(u"baking"_s)->first().id, tagged->id);
    QCOMPARE(m_store->search(u"sunday sourdough"_s)->size(), 1);
    // Edits reach the index.
    QVERIFY(m_store->update(bodyHit->id, {{u"body"_s, u"Rye instead."_s}}));
    QCOMPARE(m_store->search(u"sourdough"_s)->size(), 2);
    QCOMPARE(m_store->search(u"rye"_s)->size(), 1);
}

void TestStore::searchIgnoresQuerySyntaxAndDeletedItems()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"C++ NEAR tips"_s}, {u"body"_s, u"Use \"quotes\" AND stars*"_s}});
    for (const char *text : {"\"", "c++", "NEAR(", "AND", "*", "title:x", "(", "-", "stars*", "quotes\" OR"}) {
        const auto hits = m_store->search(QString::fromUtf8(text));
        QVERIFY2(hits, text);
    }
    QCOMPARE(m_store->search(u"near"_s)->size(), 1);
    QCOMPARE(m_store->search(u""_s)->size(), 0);
    QCOMPARE(m_store->search(u"   "_s)->size(), 0);
    QVERIFY(m_store->trash(note->id));
    QCOMPARE(m_store->search(u"tips"_s)->size(), 0);
}

void TestStore::twoStoresOnOneFileSeeEachOther()
{
    auto second = openStore();
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Shared"_s}});
    QCOMPARE(second->entity(note->id)->string(u"title"_s), u"Shared"_s);
    QVERIFY(second->update(note->id, {{u"title"_s, u"Changed by the other"_s}}));
    QCOMPARE(m_store->entity(note->id)->string(u"title"_s), u"Changed by the other"_s);
    QCOMPARE(second->deviceId(), m_store->deviceId());
    const auto history = m_store->history(note->id);
    QVERIFY(*Hlc::fromString(history->at(0).hlc) < *Hlc::fromString(history->at(1).hlc));
}

void TestStore::garbageFileIsRefusedCleanly()
{
    const QString path = m_dir->filePath(u"garbage.db"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const auto store = Store::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().code, Error::Code::Io);
    QVERIFY2(store.error().message.contains(u"not a Tidemark store"_s), qPrintable(store.error().message));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(8192, 'x')); // untouched
}

void TestStore::checkpointerKeepsTheLogShort()
{
    const QString wal = m_dir->filePath(u"store.db-wal"_s);
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"log"_s}});
    QVERIFY(m_store->setAutoCheckpoint(false));
    const auto edit = [&](int count) {
        for (int i = 0; i < count; ++i) {
            if (!m_store->update(note->id, {{u"body"_s, QString(2000, QLatin1Char('a' + i % 26))}}))
                return false;
        }
        return true;
    };
    // Without checkpoints the log only grows.
    QVERIFY(edit(300));
    const qint64 unbounded = QFileInfo(wal).size();
    QVERIFY(unbounded > 300 * 4096);

    QThread thread;
    auto *checkpointer = new Checkpointer(m_dir->filePath(u"store.db"_s), 20);
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
    QVERIFY(probe.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && probe.next());
    const qint64 frames = probe.value(1).toLongLong();
    probe.finish();
    const qint64 unboundedFrames = unbounded / (4096 + 24);
    QVERIFY2(frames < unboundedFrames, qPrintable(u"%1 frames in the log, %2 after 300 edits"_s.arg(frames).arg(unboundedFrames)));
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
    // queues nothing for it, and moves its cursor on (its conflict records are left out before
    // they reach the store: client::toStoreRecords).
    const QString id = u"0193a2b4-0000-7000-8000-000000000001"_s;
    Store::RemoteChange change{Kind::Note, id, 5, {{u"title"_s, u"Packing"_s}, {u"items"_s, QJsonArray{u"socks"_s}}}, u"newer"_s, 0, u"checklist"_s};
    QVERIFY(m_store->applyRemotePage({change}, {}, 5));
    Store::RemoteChange later = change;
    later.rev = 6;
    later.fields = {{u"title"_s, u"Packing list"_s}};
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
        QVERIFY(q.exec(u"UPDATE unknown_entities SET kind = 'note'"_s));
    }
    m_store.reset();
    m_store = openStore();
    const auto adopted = m_store->entity(id);
    QVERIFY(adopted);
    QCOMPARE(adopted->rev, 6);
    QCOMPARE(adopted->string(u"title"_s), u"Packing list"_s);
    QCOMPARE(adopted->fields.value(u"items"_s).toArray(), QJsonArray{u"socks"_s});
    QCOMPARE(m_store->unknownCount(), 0);
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestStore::takingForSendingReadsOnlyWhatItSends()
{
    // Batches come by the outbox's order; parked operations are stepped over.
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids << m_store->create(Kind::Note, {{u"title"_s, u"n%1"_s.arg(i)}})->id;
    auto first = m_store->takeForSending(3);
    QCOMPARE(first->size(), 3);
    QVERIFY(m_store->settle({{first->at(0).opId, true, u"refused"_s}, {first->at(1).opId, false, {}}}));
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

namespace {
QString pulledId(int i)
{
    return u"0193a2b4-0000-7000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
}

Store::RemoteChange pulled(Kind kind, const QString &id, qint64 rev, const QJsonObject &fields)
{
    Store::RemoteChange change;
    change.kind = kind;
    change.id = id;
    change.rev = rev;
    change.fields = fields;
    change.device = u"peer"_s;
    return change;
}
} // namespace

void TestStore::pulledPagesAreSearchableAsTheyAre()
{
    // A page of changes is indexed at its end, in one go: what a person searches for afterwards
    // is what the items say, old words gone, and searches never see a page half in.
    QList<Store::RemoteChange> first;
    for (int i = 0; i < 50; ++i)
        first.append(pulled(Kind::Note, pulledId(i), 1, {{u"title"_s, u"Harbour %1"_s.arg(i)}, {u"body"_s, u"tide table"_s}}));
    first.append(pulled(Kind::Task, pulledId(50), 1, {{u"title"_s, u"Caulk the hull"_s}, {u"notes"_s, u"before the spring tide"_s}}));
    QVERIFY(m_store->applyRemotePage(first, {}, 51));
    QCOMPARE(hits(u"harbour"_s), 50);
    QCOMPARE(hits(u"tide"_s), 51);
    QCOMPARE(hits(u"caulk"_s), 1);
    QVERIFY(indexIsSound());

    // The next page renames one, rewrites another's text twice, trashes a third, retags a
    // fourth, changes only the priority of the task, and brings a new one.
    const QList<Store::RemoteChange> second{
        pulled(Kind::Note, pulledId(0), 2, {{u"title"_s, u"Lighthouse"_s}, {u"body"_s, u"tide table"_s}}),
        pulled(Kind::Note, pulledId(1), 2, {{u"title"_s, u"Harbour 1"_s}, {u"body"_s, u"anchor chain"_s}}),
        pulled(Kind::Note, pulledId(1), 3, {{u"title"_s, u"Harbour 1"_s}, {u"body"_s, u"mooring rope"_s}}),
        pulled(Kind::Note, pulledId(2), 2, {{u"title"_s, u"Harbour 2"_s}, {u"body"_s, u"tide table"_s}, {u"deleted"_s, true}}),
        pulled(Kind::Note, pulledId(3), 2, {{u"title"_s, u"Harbour 3"_s}, {u"body"_s, u"tide table"_s}, {u"tags"_s, QJsonArray{u"pilotage"_s}}}),
        pulled(Kind::Task, pulledId(50), 2, {{u"title"_s, u"Caulk the hull"_s}, {u"notes"_s, u"before the spring tide"_s}, {u"priority"_s, 3}}),
        pulled(Kind::Note, pulledId(60), 1, {{u"title"_s, u"Breakwater"_s}}),
    };
    QVERIFY(m_store->applyRemotePage(second, {}, 58));
    QCOMPARE(hits(u"lighthouse"_s), 1);
    QCOMPARE(hits(u"harbour"_s), 48); // renamed and trashed ones no longer
    QCOMPARE(hits(u"anchor"_s), 0);   // text it had only inside the page
    QCOMPARE(hits(u"mooring"_s), 1);
    QCOMPARE(hits(u"pilotage"_s), 1);
    QCOMPARE(hits(u"caulk"_s), 1);
    QCOMPARE(hits(u"breakwater"_s), 1);
    QVERIFY(indexIsSound());
    // The mark that sets the triggers aside never outlives its transaction.
    QSqlQuery mark(db());
    QVERIFY(mark.exec(u"SELECT COUNT(*) FROM meta WHERE key = 'text_index_deferred'"_s) && mark.next());
    QCOMPARE(mark.value(0).toInt(), 0);

    // Edits made here afterwards are indexed as they are made, as before.
    QVERIFY(m_store->update(pulledId(60), {{u"title"_s, u"Groyne"_s}}));
    QCOMPARE(hits(u"breakwater"_s), 0);
    QCOMPARE(hits(u"groyne"_s), 1);
    // And emptying the Trash takes the trashed one out of the index too.
    QCOMPARE(*m_store->emptyTrash(), 1);
    QVERIFY(indexIsSound());
}

void TestStore::aFailedPageLeavesTheIndexAsItWas()
{
    QVERIFY(m_store->applyRemotePage({pulled(Kind::Note, pulledId(1), 1, {{u"title"_s, u"Estuary"_s}})}, {}, 1));
    // The page's second change is not valid: none of it goes in, the index included.
    const QList<Store::RemoteChange> page{
        pulled(Kind::Note, pulledId(1), 2, {{u"title"_s, u"Delta"_s}}),
        pulled(Kind::Note, pulledId(2), 1, {{u"title"_s, u"Fjord"_s}}),
        pulled(Kind::Note, u"not an id"_s, 1, {{u"title"_s, u"Sound"_s}}),
    };
    QVERIFY(!m_store->applyRemotePage(page, {}, 3));
    QCOMPARE(m_store->syncCursor(), 1);
    QCOMPARE(hits(u"estuary"_s), 1);
    QCOMPARE(hits(u"delta"_s), 0);
    QCOMPARE(hits(u"fjord"_s), 0);
    QVERIFY(indexIsSound());
    // The store goes on as usual: the page sent again goes in, and local edits are indexed.
    QVERIFY(m_store->applyRemotePage(page.first(2), {}, 3));
    QCOMPARE(hits(u"delta"_s), 1);
    QCOMPARE(hits(u"fjord"_s), 1);
    const auto local = m_store->create(Kind::Note, {{u"title"_s, u"Lagoon"_s}});
    QVERIFY(local);
    QCOMPARE(hits(u"lagoon"_s), 1);
    QVERIFY(indexIsSound());
}

void TestStore::anIndexLeftDeferredIsBuiltAgainOnOpen()
{
    // The mark is never committed by this version; a store that has one all the same (written
    // by hand, or by a damaged build) may lack entries, and is indexed again when it opens.
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(u"INSERT INTO meta (key, value) VALUES ('text_index_deferred', '1')"_s));
    }
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Unindexed cove"_s}})); // the triggers stand aside
    QCOMPARE(hits(u"cove"_s), 0);
    m_store.reset();
    m_store = openStore();
    QCOMPARE(hits(u"cove"_s), 1);
    QVERIFY(indexIsSound());
    QVERIFY(m_store->update(m_store->items({})->first().id, {{u"title"_s, u"Indexed bay"_s}}));
    QCOMPARE(hits(u"cove"_s), 0);
    QCOMPARE(hits(u"bay"_s), 1);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
