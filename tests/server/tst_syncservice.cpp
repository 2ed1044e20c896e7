// The server's core, driven in-process: push judgement, idempotency, paging and account scoping.
#include "server/syncservice.h"
#include "sync/judgement.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace tidemark;
using sync::OpResult;
using sync::Operation;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }
QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
QString hlc(qint64 ms, const char *device) { return s("%1-000000-%2").arg(ms, 15, 10, QLatin1Char('0')).arg(QLatin1StringView(device)); }

Operation op(const QString &entity, const QString &kind, const QJsonObject &fields, qint64 baseRev, const QString &clock,
             const char *device = "laptop")
{
    return {uuid(), QString::fromLatin1(device), kind, entity, fields, baseRev, clock, {}};
}

} // namespace

class TestSyncService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createThenEditApplies();
    void repeatedOperationIsAnsweredFromItsRecord();
    void concurrentTitleEditsLaterWinsAndIsRecorded();
    void concurrentBodyEditsMergeAgainstTheBaseVersion();
    void overlappingBodyEditsOpenAConflict();
    void pullPagesThroughEveryChangeOnce();
    void accountsNeverSeeEachOther();
    void kindMismatchIsRejected();
    void deleteMeetsEditOfAMinimalEntity();
    void resolvingAndUndoingAreOperations();
    void cursorOlderThanTheCompactedLogGetsASnapshot();
    void thinnedHistoryTurnsALostBaseIntoAConflict();
    void deletedItemsArePurgedOnlyWhenEveryDeviceHasSeenIt();
    void aDatabaseFromANewerServerIsRefusedUntouched();
    // docs/conflicts.md, "own-edits-in-order": a device's later operation has seen its earlier ones.
    void aCreateAndItsNextEditInOneBatchDoNotConflict();
    void editsAfterAnAcceptedPushWithAnOldBaseDoNotConflict();
    void anOwnEditAfterAMergeKeepsTheOtherDevicesPart();
    void anOwnTagEditAfterAMergeKeepsTheOtherDevicesTag();
    void anOwnEditAfterAnotherDeviceBuiltOnItMergesFromTheOwnText();
    void aTrashAfterAnOwnEditIsNotRefused();
    void anotherDevicesEditStillCollides();

private:
    /// Every conflict event so far, checked to have its two sides from two devices.
    QList<QJsonObject> events();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_spec; ///< the database: a SQLite path or a PostgreSQL URL
    std::unique_ptr<server::SyncService> m_service;
    QString m_account;
};

QList<QJsonObject> TestSyncService::events()
{
    const QList<QJsonObject> all = m_service->conflicts(m_account);
    for (const QJsonObject &event : all) {
        if (event.value(s("rule")).toString() == QLatin1String("resolution") || event.value(s("rule")).toString() == QLatin1String("undo"))
            continue; // a person's decision: one device, by its nature
        const QString incoming = event.value(s("device")).toString();
        const QString current = sync::deviceOfHlc(event.value(s("current_hlc")).toString());
        if (incoming == current)
            qWarning("event %s has both sides from %s", qPrintable(event.value(s("rule")).toString()), qPrintable(incoming));
        [&] { QVERIFY(incoming != current); }();
    }
    return all;
}

void TestSyncService::aCreateAndItsNextEditInOneBatchDoNotConflict()
{
    // The task was created offline; the first sync failed, so "done" could not join the create
    // (it was in flight) and became a second operation with the same base, 0.
    const QString id = uuid();
    const auto results = m_service->push(
        m_account, {op(id, s("task"), {{s("title"), s("Pack")}, {s("done_at"), QJsonValue::Null}}, 0, hlc(1000, "laptop")),
                    op(id, s("task"), {{s("done_at"), s("2026-12-01T10:00:00Z")}}, 0, hlc(2000, "laptop"))});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(s("done_at")).toString(), s("2026-12-01T10:00:00Z"));
    // Sent again (the answer was lost), and then once more on its own: still nothing to judge.
    const auto again = m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Pack bags")}}, 0, hlc(3000, "laptop"))});
    QCOMPARE(again.first().status, OpResult::Status::Applied);
    QVERIFY(events().isEmpty());
}

void TestSyncService::editsAfterAnAcceptedPushWithAnOldBaseDoNotConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Trip")}, {s("body"), s("a\nb\nc\n")}, {s("tags"), QJsonArray{}}}, 0, hlc(1000, "laptop"))});
    // Accepted at 2, 3, 4... but the device has not pulled: every edit is still based on 1.
    const QList<QJsonObject> edits{{{s("title"), s("Trip to Rome")}}, {{s("body"), s("a, the start\nb\nc\n")}},
                                   {{s("body"), s("a, the start of it\nb\nc\n")}}, {{s("tags"), QJsonArray{s("travel")}}},
                                   {{s("tags"), QJsonArray{}}}, {{s("deleted"), true}}, {{s("deleted"), false}},
                                   {{s("title"), s("Trip to Rome!")}}};
    qint64 clock = 2000;
    for (const QJsonObject &fields : edits) {
        const auto results = m_service->push(m_account, {op(id, s("note"), fields, 1, hlc(clock += 1000, "laptop"))});
        QCOMPARE(results.first().status, OpResult::Status::Applied);
    }
    const QJsonObject stored = *m_service->entity(m_account, id);
    QCOMPARE(stored.value(s("title")).toString(), s("Trip to Rome!"));
    QCOMPARE(stored.value(s("body")).toString(), s("a, the start of it\nb\nc\n"));
    QCOMPARE(stored.value(s("tags")).toArray(), QJsonArray{});
    QCOMPARE(stored.value(s("deleted")).toBool(), false);
    QVERIFY(events().isEmpty());
}

void TestSyncService::anOwnEditAfterAMergeKeepsTheOtherDevicesPart()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\nfour\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\nFOUR\n")}}, 1, hlc(2000, "desktop"), "desktop")});
    const auto merged = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("One\ntwo\nthree\nfour\n")}}, 1, hlc(3000, "laptop"))});
    QCOMPARE(merged.first().status, OpResult::Status::Merged);
    // The laptop types on in the same line before it pulls the merge: its text has no FOUR.
    const auto next = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("One more\ntwo\nthree\nfour\n")}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(next.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("One more\ntwo\nthree\nFOUR\n"));
    for (const QJsonObject &event : events())
        QCOMPARE(event.value(s("rule")).toString(), s("text-merged"));
}

void TestSyncService::anOwnTagEditAfterAMergeKeepsTheOtherDevicesTag()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("tags"), QJsonArray{s("home")}}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("tags"), QJsonArray{s("home"), s("work")}}}, 1, hlc(2000, "desktop"), "desktop")});
    m_service->push(m_account, {op(id, s("note"), {{s("tags"), QJsonArray{s("home"), s("later")}}}, 1, hlc(3000, "laptop"))});
    // The laptop takes its own "later" off again, not having seen "work".
    m_service->push(m_account, {op(id, s("note"), {{s("tags"), QJsonArray{s("home")}}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(m_service->entity(m_account, id)->value(s("tags")).toArray(), (QJsonArray{s("home"), s("work")}));
    events();
}

void TestSyncService::anOwnEditAfterAnotherDeviceBuiltOnItMergesFromTheOwnText()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\nfour\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("One\ntwo\nthree\nfour\n")}}, 1, hlc(2000, "laptop"))});
    // The desktop pulled revision 2 and edits the last line.
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("One\ntwo\nthree\nFOUR\n")}}, 2, hlc(3000, "desktop"), "desktop")});
    // The laptop, still on 1, changes its own first line again: judged from its own text.
    const auto next = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("One!\ntwo\nthree\nfour\n")}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(next.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("One!\ntwo\nthree\nFOUR\n"));
    for (const QJsonObject &event : events())
        QCOMPARE(event.value(s("rule")).toString(), s("text-merged"));
}

void TestSyncService::aTrashAfterAnOwnEditIsNotRefused()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Old")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Older")}}, 1, hlc(2000, "laptop"))});
    const auto trashed = m_service->push(m_account, {op(id, s("note"), {{s("deleted"), true}}, 1, hlc(3000, "laptop"))});
    QCOMPARE(trashed.first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(s("deleted")).toBool(), true);
    // An edit of the item it trashed itself does not bring it back either.
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Oldest")}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(m_service->entity(m_account, id)->value(s("deleted")).toBool(), true);
    QVERIFY(events().isEmpty());
}

void TestSyncService::anotherDevicesEditStillCollides()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Plan")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Plan A")}}, 1, hlc(2000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Plan A2")}}, 1, hlc(2500, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Plan B")}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    const auto all = events();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().value(s("rule")).toString(), s("scalar-later-wins"));
    QCOMPARE(all.first().value(s("current")).toString(), s("Plan A2"));
    // The laptop, not having seen "Plan B", renames again: that meets the desktop's edit.
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Plan A3")}}, 1, hlc(3500, "laptop"))});
    QCOMPARE(events().size(), 2);
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("Plan A3"));
}

void TestSyncService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spec = test::freshDatabase(*m_dir);
    auto service = server::SyncService::open(m_spec);
    QVERIFY2(service, qPrintable(service ? QString() : service.error()));
    m_service = std::move(*service);
    m_account = *m_service->createAccount(s("anna"));
}

void TestSyncService::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

void TestSyncService::createThenEditApplies()
{
    QSignalSpy moved(m_service.get(), &server::SyncService::revisionMoved);
    const QString id = uuid();
    const auto created = m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Hello")}, {s("body"), s("x")}}, 0, hlc(1000, "laptop"))});
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().status, OpResult::Status::Applied);
    QCOMPARE(created.first().rev, 1);
    const auto edited = m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Hello again")}}, 1, hlc(2000, "laptop"))});
    QCOMPARE(edited.first().status, OpResult::Status::Applied);
    QCOMPARE(edited.first().rev, 2);
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("Hello again"));
    QCOMPARE(m_service->revision(m_account), 2);
    QCOMPARE(moved.size(), 2);
}

void TestSyncService::repeatedOperationIsAnsweredFromItsRecord()
{
    const QString id = uuid();
    const Operation create = op(id, s("task"), {{s("title"), s("Once")}}, 0, hlc(1000, "laptop"));
    const auto first = m_service->push(m_account, {create});
    const auto again = m_service->push(m_account, {create, create});
    QCOMPARE(again.size(), 2);
    for (const OpResult &result : again) {
        QCOMPARE(result.status, first.first().status);
        QCOMPARE(result.rev, first.first().rev);
    }
    QCOMPARE(m_service->revision(m_account), 1);
    const auto page = m_service->pull(m_account, 0, 100);
    QCOMPARE(page->changes.size(), 1);
}

void TestSyncService::concurrentTitleEditsLaterWinsAndIsRecorded()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Call")}}, 0, hlc(1000, "laptop"))});
    // Both devices edit from revision 1; the desktop's edit is later by the clock.
    const auto laptop = m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Call Anna")}}, 1, hlc(3000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Call Ben")}}, 1, hlc(5000, "desktop"), "desktop")});
    QCOMPARE(laptop.first().status, OpResult::Status::Applied);
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    QCOMPARE(desktop.first().conflicts.size(), 1);
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("Call Ben"));
    const auto records = m_service->conflicts(m_account);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().value(s("rule")).toString(), s("scalar-later-wins"));
    QCOMPARE(records.first().value(s("status")).toString(), s("settled"));

    // A late edit based on revision 1 with an older clock loses and is recorded too.
    const auto late = m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Call Cleo")}}, 1, hlc(2000, "phone"), "phone")});
    QCOMPARE(late.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("Call Ben"));
}

void TestSyncService::concurrentBodyEditsMergeAgainstTheBaseVersion()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("ONE\ntwo\nthree\n")}}, 1, hlc(2000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nTHREE\n")}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("ONE\ntwo\nTHREE\n"));
}

void TestSyncService::overlappingBodyEditsOpenAConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("milk\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("oat milk\n")}}, 1, hlc(2000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("soy milk\n")}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Conflict);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("oat milk\n"));
    const auto page = m_service->pull(m_account, 2, 100);
    QCOMPARE(page->conflicts.size(), 1);
    const QJsonObject record = page->conflicts.first();
    QCOMPARE(record.value(s("status")).toString(), s("open"));
    QCOMPARE(record.value(s("incoming")).toString(), s("soy milk\n"));
    QCOMPARE(record.value(s("current")).toString(), s("oat milk\n"));
}

void TestSyncService::pullPagesThroughEveryChangeOnce()
{
    QStringList ids;
    for (int i = 0; i < 25; ++i) {
        ids << uuid();
        m_service->push(m_account, {op(ids.last(), s("task"), {{s("title"), s("t%1").arg(i)}}, 0, hlc(1000 + i, "laptop"))});
    }
    QStringList seen;
    qint64 cursor = 0;
    int pages = 0;
    for (;;) {
        const auto page = m_service->pull(m_account, cursor, 10);
        QVERIFY(page);
        ++pages;
        for (const auto &change : page->changes)
            seen << change.id;
        QVERIFY(page->cursor >= cursor);
        cursor = page->cursor;
        if (pages == 1) // a push between pages is neither skipped nor repeated
            m_service->push(m_account, {op(ids.first(), s("task"), {{s("title"), s("edited")}}, 1, hlc(5000, "laptop"))});
        if (!page->hasMore)
            break;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(m_service->pull(m_account, 0, 1)->changes.first().fields.value(s("title")).toString(), s("edited"));
    QCOMPARE(seen.size(), 26);
    QCOMPARE(seen.count(ids.first()), 2);
    QCOMPARE(cursor, m_service->revision(m_account));
    QVERIFY(m_service->pull(m_account, cursor, 10)->changes.isEmpty());
}

void TestSyncService::accountsNeverSeeEachOther()
{
    const QString other = *m_service->createAccount(s("ben"));
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Anna's secret")}}, 0, hlc(1000, "laptop"))});
    QVERIFY(!m_service->entity(other, id));
    QVERIFY(m_service->pull(other, 0, 100)->changes.isEmpty());
    // Ben using Anna's id makes his own note; Anna's is untouched.
    const auto result = m_service->push(other, {op(id, s("note"), {{s("title"), s("Ben's note")}}, 5, hlc(2000, "bens-phone"))});
    QCOMPARE(result.first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("Anna's secret"));
    QCOMPARE(m_service->entity(other, id)->value(s("title")).toString(), s("Ben's note"));
    QCOMPARE(m_service->revision(m_account), 1);
}

void TestSyncService::kindMismatchIsRejected()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("A note")}}, 0, hlc(1000, "laptop"))});
    const auto result = m_service->push(m_account, {op(id, s("task"), {{s("title"), s("Now a task?")}}, 1, hlc(2000, "laptop"))});
    QCOMPARE(result.first().status, OpResult::Status::Rejected);
    QVERIFY(result.first().reason.contains(s("is a note")));
    QCOMPARE(m_service->entity(m_account, id)->value(s("title")).toString(), s("A note"));
}

void TestSyncService::deleteMeetsEditOfAMinimalEntity()
{
    // Created with a title only: the server has never seen a 'deleted' field for it.
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Minimal")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Edited")}}, 1, hlc(2000, "laptop"))});
    const auto result = m_service->push(m_account, {op(id, s("note"), {{s("deleted"), true}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(result.first().status, OpResult::Status::Merged);
    QVERIFY(!m_service->entity(m_account, id)->value(s("deleted")).toBool());
    QCOMPARE(m_service->conflicts(m_account).last().value(s("rule")).toString(), s("edit-beats-delete"));
    // The deleting device hears that its delete did not take: the next pull carries 'deleted'
    // (null: the server has never had the field, which a device reads as its default, false).
    const auto page = m_service->pull(m_account, 2, 100);
    QCOMPARE(page->changes.size(), 1);
    QVERIFY(page->changes.first().fields.contains(s("deleted")));
    QVERIFY(!page->changes.first().fields.value(s("deleted")).toBool());
}

void TestSyncService::resolvingAndUndoingAreOperations()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("milk\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("oat milk\n")}}, 1, hlc(2000, "laptop"))});
    const auto clash = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("soy milk\n")}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(clash.first().status, OpResult::Status::Conflict);
    const QString conflict = clash.first().conflicts.first();

    // The person merges by hand on the desktop: an ordinary edit that names the conflict it settles.
    Operation resolve = op(id, s("note"), {{s("body"), s("oat and soy milk\n")}}, 3, hlc(4000, "desktop"), "desktop");
    resolve.resolves = {conflict};
    const auto resolved = m_service->push(m_account, {resolve});
    QCOMPARE(resolved.first().status, OpResult::Status::Applied);
    QVERIFY(resolved.first().conflicts.contains(conflict));
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("oat and soy milk\n"));
    auto records = m_service->conflicts(m_account);
    const auto find = [&records](const QString &conflictId) {
        for (const QJsonObject &r : std::as_const(records))
            if (r.value(s("id")).toString() == conflictId)
                return r;
        return QJsonObject();
    };
    QCOMPARE(find(conflict).value(s("status")).toString(), s("resolved"));
    QCOMPARE(records.last().value(s("rule")).toString(), s("resolution"));
    QCOMPARE(records.last().value(s("settles")).toString(), conflict);

    // The next pull tells other devices that it is settled.
    const auto page = m_service->pull(m_account, 3, 100);
    bool told = false;
    for (const QJsonObject &record : page->conflicts)
        told = told || (record.value(s("id")).toString() == conflict && record.value(s("status")).toString() == s("resolved"));
    QVERIFY(told);

    // The choice's event has the id its sender derived from the operation and the conflict.
    const QString choice = sync::decisionEventId(resolve.opId, conflict);
    QCOMPARE(records.last().value(s("id")).toString(), choice);

    // Undo of the choice: an edit naming the choice, with what stood before it. The choice is
    // undone, and the conflict it settled is open again with both sides as they were.
    Operation undo = op(id, s("note"), {{s("body"), s("oat milk\n")}}, 4, hlc(5000, "desktop"), "desktop");
    undo.resolves = {choice};
    QCOMPARE(m_service->push(m_account, {undo}).first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("oat milk\n"));
    records = m_service->conflicts(m_account);
    QCOMPARE(find(conflict).value(s("status")).toString(), s("open"));
    QCOMPARE(find(conflict).value(s("incoming")).toString(), s("soy milk\n"));
    QCOMPARE(find(conflict).value(s("current")).toString(), s("oat milk\n"));
    QCOMPARE(find(choice).value(s("status")).toString(), s("undone"));
    const QString undoEvent = sync::decisionEventId(undo.opId, choice);
    QCOMPARE(find(undoEvent).value(s("rule")).toString(), s("undo"));
    QCOMPARE(find(undoEvent).value(s("settles")).toString(), choice);
    // Every device hears it with its next pull: the conflict open, the choice undone.
    const auto after = m_service->pull(m_account, 4, 100);
    QStringList heard;
    for (const QJsonObject &record : after->conflicts)
        heard << record.value(s("id")).toString() + QLatin1Char('=') + record.value(s("status")).toString();
    QVERIFY(heard.contains(conflict + s("=open")));
    QVERIFY(heard.contains(choice + s("=undone")));
    // Not twice, and an undo is not undone: the conflict is decided again instead.
    Operation twice = op(id, s("note"), {{s("body"), s("oat milk\n")}}, 5, hlc(5500, "desktop"), "desktop");
    twice.resolves = {choice};
    QCOMPARE(m_service->push(m_account, {twice}).first().status, OpResult::Status::Rejected);
    Operation undoTheUndo = op(id, s("note"), {{s("body"), s("oat and soy milk\n")}}, 5, hlc(5600, "desktop"), "desktop");
    undoTheUndo.resolves = {undoEvent};
    QCOMPARE(m_service->push(m_account, {undoTheUndo}).first().status, OpResult::Status::Rejected);

    // Decided again: choose the server's old value; recorded as a second resolution.
    Operation again = op(id, s("note"), {{s("body"), s("oat milk\n")}}, 5, hlc(6000, "laptop"));
    again.resolves = {conflict};
    QCOMPARE(m_service->push(m_account, {again}).first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("oat milk\n"));
    records = m_service->conflicts(m_account);
    QCOMPARE(find(conflict).value(s("status")).toString(), s("resolved"));
    int resolutions = 0;
    for (const QJsonObject &r : std::as_const(records))
        resolutions += r.value(s("rule")).toString() == s("resolution");
    QCOMPARE(resolutions, 2);

    // Someone else's conflict, or one of another entity, cannot be settled here.
    const QString other = *m_service->createAccount(s("ben"));
    Operation foreign = op(id, s("note"), {{s("body"), s("x")}}, 0, hlc(6000, "bens-phone"), "bens-phone");
    foreign.resolves = {conflict};
    QCOMPARE(m_service->push(other, {foreign}).first().status, OpResult::Status::Rejected);
    Operation wrongEntity = op(uuid(), s("note"), {{s("body"), s("x")}}, 0, hlc(7000, "laptop"));
    wrongEntity.resolves = {conflict};
    QCOMPARE(m_service->push(m_account, {wrongEntity}).first().status, OpResult::Status::Rejected);
}

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"

namespace {
constexpr qint64 kDay = 24LL * 3600 * 1000;
qint64 inDays(int days) { return QDateTime::currentMSecsSinceEpoch() + days * kDay; }
} // namespace

void TestSyncService::cursorOlderThanTheCompactedLogGetsASnapshot()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << uuid();
        m_service->push(m_account, {op(ids.last(), s("note"), {{s("title"), s("Note %1").arg(i)}, {s("body"), s("text %1\n").arg(i)}}, 0,
                                       hlc(1000 + i, "laptop"))});
    }
    m_service->push(m_account, {op(ids.first(), s("note"), {{s("title"), s("Renamed")}}, 1, hlc(2000, "laptop"))});
    QCOMPARE(m_service->revision(m_account), 6);

    // Within the retention window nothing is compacted.
    QCOMPARE(m_service->maintain(inDays(29))->changesCompacted, 0);
    QVERIFY(!m_service->pull(m_account, 2, 100)->snapshot);
    // Past it, the log is gone; a device at revision 2 gets every entity whole, page by page.
    QCOMPARE(m_service->maintain(inDays(31))->changesCompacted, 6);
    auto first = m_service->pull(m_account, 2, 2);
    QVERIFY(first);
    QVERIFY(first->snapshot);
    QCOMPARE(first->changes.size(), 2);
    QCOMPARE(first->cursor, 2); // not advanced until the snapshot is complete
    QVERIFY(first->next);

    // Other devices keep pushing meanwhile: a new note and another rename.
    const QString late = uuid();
    m_service->push(m_account, {op(late, s("note"), {{s("title"), s("Late")}}, 0, hlc(3000, "desktop"), "desktop")});
    m_service->push(m_account, {op(ids.at(1), s("note"), {{s("title"), s("Renamed again")}}, 6, hlc(3001, "desktop"), "desktop")});

    QStringList seen;
    std::optional<server::SnapshotPosition> next;
    qint64 cursor = 2;
    QJsonObject firstNote;
    for (auto page = first; page; page = m_service->pull(m_account, 2, 2, next)) {
        QVERIFY(page->snapshot);
        for (const auto &change : page->changes) {
            seen << change.id;
            if (change.id == ids.first())
                firstNote = change.fields;
        }
        next = page->next;
        cursor = page->cursor;
        if (!next) {
            QCOMPARE(page->cursor, 6); // the snapshot shows revision 6; what came after follows from the log
            QVERIFY(page->hasMore);
            break;
        }
    }
    for (const QString &id : std::as_const(ids))
        QCOMPARE(seen.count(id), 1); // every entity once
    QVERIFY(seen.count(late) <= 1);
    QCOMPARE(firstNote.value(s("title")).toString(), s("Renamed"));
    QCOMPARE(firstNote.value(s("body")).toString(), s("text 0\n")); // whole: every field, not just the changed ones

    const auto rest = m_service->pull(m_account, cursor, 100);
    QVERIFY(!rest->snapshot);
    QCOMPARE(rest->changes.size(), 2);
    QCOMPARE(rest->cursor, 8);
    QVERIFY(!rest->hasMore);
}

void TestSyncService::thinnedHistoryTurnsALostBaseIntoAConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\n")}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("ONE\ntwo\nthree\n")}}, 1, hlc(2000, "laptop"))});
    m_service->push(m_account, {op(id, s("note"), {{s("body"), s("ONE\nTWO\nthree\n")}}, 2, hlc(3000, "laptop"))});
    QCOMPARE(m_service->history(m_account, id).size(), 3);

    // All three versions are of one day: past the window, that day's newest one stays.
    QCOMPARE(m_service->maintain(inDays(40))->versionsThinned, 2);
    const auto history = m_service->history(m_account, id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().value(s("rev")).toInt(), 3);

    // A device that edited revision 1 long ago: its base is gone, so nothing is merged blindly;
    // both values are kept as an open conflict.
    const auto stale = m_service->push(m_account, {op(id, s("note"), {{s("body"), s("one\ntwo\nthree\nfour\n")}}, 1, hlc(4000, "tablet"), "tablet")});
    QCOMPARE(stale.first().status, OpResult::Status::Conflict);
    QCOMPARE(m_service->conflicts(m_account).last().value(s("rule")).toString(), s("text-no-base"));
    QCOMPARE(m_service->entity(m_account, id)->value(s("body")).toString(), s("ONE\nTWO\nthree\n"));
    // An edit of the version that is still there merges as usual.
    const auto fresh = m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Numbers")}}, 3, hlc(5000, "laptop"))});
    QCOMPARE(fresh.first().status, OpResult::Status::Applied);
}

void TestSyncService::deletedItemsArePurgedOnlyWhenEveryDeviceHasSeenIt()
{
    auto &accounts = m_service->accounts();
    const QString ben = *accounts.registerAccount(s("ben"), s("correct horse"));
    const auto laptop = accounts.logIn(s("ben"), s("correct horse"), s("laptop"));
    const auto phone = accounts.logIn(s("ben"), s("correct horse"), s("phone"));
    QVERIFY(laptop && phone);
    const QString id = uuid();
    const QString kept = uuid();
    m_service->push(ben, {op(id, s("note"), {{s("title"), s("Old")}}, 0, hlc(1000, "laptop"))});
    m_service->push(ben, {op(kept, s("note"), {{s("title"), s("Kept")}}, 0, hlc(1001, "laptop"))});
    m_service->push(ben, {op(id, s("note"), {{s("deleted"), true}}, 1, hlc(2000, "laptop"))});
    accounts.recordPull(laptop->token, 3);
    accounts.recordPull(phone->token, 1); // the phone has not seen the deletion

    QCOMPARE(m_service->maintain(inDays(40))->tombstonesPurged, 0);
    QVERIFY(m_service->entity(ben, id));
    accounts.recordPull(phone->token, 3);
    QCOMPARE(m_service->maintain(inDays(10))->tombstonesPurged, 0); // seen by all, but not old enough
    QCOMPARE(m_service->maintain(inDays(40))->tombstonesPurged, 1);
    QVERIFY(!m_service->entity(ben, id));
    QVERIFY(m_service->history(ben, id).isEmpty());
    QVERIFY(m_service->entity(ben, kept));

    // A new device gets a snapshot without it.
    const auto page = m_service->pull(ben, 0, 100);
    QVERIFY(page->snapshot);
    QCOMPARE(page->changes.size(), 1);
    QCOMPARE(page->changes.first().id, kept);
    // An edit of the purged item is refused with the reason, not stored as a fragment.
    const auto edit = m_service->push(ben, {op(id, s("note"), {{s("title"), s("Back?")}}, 3, hlc(3000, "tablet"), "tablet")});
    QCOMPARE(edit.first().status, OpResult::Status::Rejected);
    QVERIFY(edit.first().reason.contains(s("purged")));
    QVERIFY(!m_service->entity(ben, id));
    // A revoked device does not hold deletions back.
    m_service->push(ben, {op(kept, s("note"), {{s("deleted"), true}}, 3, hlc(4000, "laptop"))});
    accounts.recordPull(laptop->token, 5);
    QVERIFY(accounts.logOut(phone->token));
    QCOMPARE(m_service->maintain(inDays(40))->tombstonesPurged, 1);
}

void TestSyncService::aDatabaseFromANewerServerIsRefusedUntouched()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, s("note"), {{s("title"), s("Keep me")}}, 0, hlc(1000, "laptop"))});
    const QString spec = m_spec;
    m_service.reset();
    int version = 0;
    {
        auto direct = server::DatabaseTarget::parse(spec);
        QVERIFY(direct);
        QVERIFY(server::openConnection(*direct, s("newer")));
        QSqlQuery q(QSqlDatabase::database(s("newer")));
        QVERIFY(q.exec(s("SELECT version FROM schema_version")) && q.next());
        version = q.value(0).toInt();
        QVERIFY(q.exec(s("UPDATE schema_version SET version = 99")));
    }
    QSqlDatabase::removeDatabase(s("newer"));
    const auto refused = server::SyncService::open(spec);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(s("newer tidemark-server")), qPrintable(refused.error()));

    // Put back, the same database opens with its data.
    {
        auto direct = server::DatabaseTarget::parse(spec);
        QVERIFY(server::openConnection(*direct, s("older")));
        QSqlQuery q(QSqlDatabase::database(s("older")));
        QVERIFY(q.exec(s("UPDATE schema_version SET version = %1").arg(version)));
    }
    QSqlDatabase::removeDatabase(s("older"));
    auto reopened = server::SyncService::open(spec);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->entity(m_account, id)->value(s("title")).toString(), s("Keep me"));
}
