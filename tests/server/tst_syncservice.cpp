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

using namespace Qt::StringLiterals;

using namespace tidemark;
using sync::OpResult;
using sync::Operation;

namespace {

/// Conflict events as the wire has them, to read by their documented member names.
QList<QJsonObject> wire(const QList<sync::ConflictEvent> &events)
{
    QList<QJsonObject> json;
    for (const sync::ConflictEvent &event : events)
        json.append(sync::encodeConflictEvent(event));
    return json;
}

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
QString hlc(qint64 ms, const char *device) { return u"%1-000000-%2"_s.arg(ms, 15, 10, QLatin1Char('0')).arg(QLatin1StringView(device)); }

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
    const QList<QJsonObject> all = wire(m_service->conflicts(m_account));
    for (const QJsonObject &event : all) {
        if (event.value(u"rule"_s).toString() == QLatin1String("resolution") || event.value(u"rule"_s).toString() == QLatin1String("undo"))
            continue; // a person's decision: one device, by its nature
        const QString incoming = event.value(u"device"_s).toString();
        const QString current = sync::deviceOfHlc(event.value(u"current_hlc"_s).toString());
        if (incoming == current)
            qWarning("event %s has both sides from %s", qPrintable(event.value(u"rule"_s).toString()), qPrintable(incoming));
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
        m_account, {op(id, u"task"_s, {{u"title"_s, u"Pack"_s}, {u"done_at"_s, QJsonValue::Null}}, 0, hlc(1000, "laptop")),
                    op(id, u"task"_s, {{u"done_at"_s, u"2026-12-01T10:00:00Z"_s}}, 0, hlc(2000, "laptop"))});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(u"done_at"_s).toString(), u"2026-12-01T10:00:00Z"_s);
    // Sent again (the answer was lost), and then once more on its own: still nothing to judge.
    const auto again = m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Pack bags"_s}}, 0, hlc(3000, "laptop"))});
    QCOMPARE(again.first().status, OpResult::Status::Applied);
    QVERIFY(events().isEmpty());
}

void TestSyncService::editsAfterAnAcceptedPushWithAnOldBaseDoNotConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Trip"_s}, {u"body"_s, u"a\nb\nc\n"_s}, {u"tags"_s, QJsonArray{}}}, 0, hlc(1000, "laptop"))});
    // Accepted at 2, 3, 4... but the device has not pulled: every edit is still based on 1.
    const QList<QJsonObject> edits{{{u"title"_s, u"Trip to Rome"_s}}, {{u"body"_s, u"a, the start\nb\nc\n"_s}},
                                   {{u"body"_s, u"a, the start of it\nb\nc\n"_s}}, {{u"tags"_s, QJsonArray{u"travel"_s}}},
                                   {{u"tags"_s, QJsonArray{}}}, {{u"deleted"_s, true}}, {{u"deleted"_s, false}},
                                   {{u"title"_s, u"Trip to Rome!"_s}}};
    qint64 clock = 2000;
    for (const QJsonObject &fields : edits) {
        const auto results = m_service->push(m_account, {op(id, u"note"_s, fields, 1, hlc(clock += 1000, "laptop"))});
        QCOMPARE(results.first().status, OpResult::Status::Applied);
    }
    const QJsonObject stored = *m_service->entity(m_account, id);
    QCOMPARE(stored.value(u"title"_s).toString(), u"Trip to Rome!"_s);
    QCOMPARE(stored.value(u"body"_s).toString(), u"a, the start of it\nb\nc\n"_s);
    QCOMPARE(stored.value(u"tags"_s).toArray(), QJsonArray{});
    QCOMPARE(stored.value(u"deleted"_s).toBool(), false);
    QVERIFY(events().isEmpty());
}

void TestSyncService::anOwnEditAfterAMergeKeepsTheOtherDevicesPart()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\nfour\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\nFOUR\n"_s}}, 1, hlc(2000, "desktop"), "desktop")});
    const auto merged = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"One\ntwo\nthree\nfour\n"_s}}, 1, hlc(3000, "laptop"))});
    QCOMPARE(merged.first().status, OpResult::Status::Merged);
    // The laptop types on in the same line before it pulls the merge: its text has no FOUR.
    const auto next = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"One more\ntwo\nthree\nfour\n"_s}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(next.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"One more\ntwo\nthree\nFOUR\n"_s);
    for (const QJsonObject &event : events())
        QCOMPARE(event.value(u"rule"_s).toString(), u"text-merged"_s);
}

void TestSyncService::anOwnTagEditAfterAMergeKeepsTheOtherDevicesTag()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"tags"_s, QJsonArray{u"home"_s}}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"tags"_s, QJsonArray{u"home"_s, u"work"_s}}}, 1, hlc(2000, "desktop"), "desktop")});
    m_service->push(m_account, {op(id, u"note"_s, {{u"tags"_s, QJsonArray{u"home"_s, u"later"_s}}}, 1, hlc(3000, "laptop"))});
    // The laptop takes its own "later" off again, not having seen "work".
    m_service->push(m_account, {op(id, u"note"_s, {{u"tags"_s, QJsonArray{u"home"_s}}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(m_service->entity(m_account, id)->value(u"tags"_s).toArray(), (QJsonArray{u"home"_s, u"work"_s}));
    events();
}

void TestSyncService::anOwnEditAfterAnotherDeviceBuiltOnItMergesFromTheOwnText()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\nfour\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"One\ntwo\nthree\nfour\n"_s}}, 1, hlc(2000, "laptop"))});
    // The desktop pulled revision 2 and edits the last line.
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"One\ntwo\nthree\nFOUR\n"_s}}, 2, hlc(3000, "desktop"), "desktop")});
    // The laptop, still on 1, changes its own first line again: judged from its own text.
    const auto next = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"One!\ntwo\nthree\nfour\n"_s}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(next.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"One!\ntwo\nthree\nFOUR\n"_s);
    for (const QJsonObject &event : events())
        QCOMPARE(event.value(u"rule"_s).toString(), u"text-merged"_s);
}

void TestSyncService::aTrashAfterAnOwnEditIsNotRefused()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Old"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Older"_s}}, 1, hlc(2000, "laptop"))});
    const auto trashed = m_service->push(m_account, {op(id, u"note"_s, {{u"deleted"_s, true}}, 1, hlc(3000, "laptop"))});
    QCOMPARE(trashed.first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(u"deleted"_s).toBool(), true);
    // An edit of the item it trashed itself does not bring it back either.
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Oldest"_s}}, 1, hlc(4000, "laptop"))});
    QCOMPARE(m_service->entity(m_account, id)->value(u"deleted"_s).toBool(), true);
    QVERIFY(events().isEmpty());
}

void TestSyncService::anotherDevicesEditStillCollides()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Plan"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Plan A"_s}}, 1, hlc(2000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Plan A2"_s}}, 1, hlc(2500, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Plan B"_s}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    const auto all = events();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().value(u"rule"_s).toString(), u"scalar-later-wins"_s);
    QCOMPARE(all.first().value(u"current"_s).toString(), u"Plan A2"_s);
    // The laptop, not having seen "Plan B", renames again: that meets the desktop's edit.
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Plan A3"_s}}, 1, hlc(3500, "laptop"))});
    QCOMPARE(events().size(), 2);
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"Plan A3"_s);
}

void TestSyncService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spec = test::freshDatabase(*m_dir);
    auto service = server::SyncService::open(m_spec);
    QVERIFY2(service, qPrintable(service ? QString() : service.error()));
    m_service = std::move(*service);
    m_account = *m_service->createAccount(u"anna"_s);
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
    const auto created = m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Hello"_s}, {u"body"_s, u"x"_s}}, 0, hlc(1000, "laptop"))});
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().status, OpResult::Status::Applied);
    QCOMPARE(created.first().rev, 1);
    const auto edited = m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Hello again"_s}}, 1, hlc(2000, "laptop"))});
    QCOMPARE(edited.first().status, OpResult::Status::Applied);
    QCOMPARE(edited.first().rev, 2);
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"Hello again"_s);
    QCOMPARE(m_service->revision(m_account), 2);
    QCOMPARE(moved.size(), 2);
}

void TestSyncService::repeatedOperationIsAnsweredFromItsRecord()
{
    const QString id = uuid();
    const Operation create = op(id, u"task"_s, {{u"title"_s, u"Once"_s}}, 0, hlc(1000, "laptop"));
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
    m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Call"_s}}, 0, hlc(1000, "laptop"))});
    // Both devices edit from revision 1; the desktop's edit is later by the clock.
    const auto laptop = m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Call Anna"_s}}, 1, hlc(3000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Call Ben"_s}}, 1, hlc(5000, "desktop"), "desktop")});
    QCOMPARE(laptop.first().status, OpResult::Status::Applied);
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    QCOMPARE(desktop.first().conflicts.size(), 1);
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"Call Ben"_s);
    const auto records = wire(m_service->conflicts(m_account));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().value(u"rule"_s).toString(), u"scalar-later-wins"_s);
    QCOMPARE(records.first().value(u"status"_s).toString(), u"settled"_s);

    // A late edit based on revision 1 with an older clock loses and is recorded too.
    const auto late = m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Call Cleo"_s}}, 1, hlc(2000, "phone"), "phone")});
    QCOMPARE(late.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"Call Ben"_s);
}

void TestSyncService::concurrentBodyEditsMergeAgainstTheBaseVersion()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"ONE\ntwo\nthree\n"_s}}, 1, hlc(2000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nTHREE\n"_s}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Merged);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"ONE\ntwo\nTHREE\n"_s);
}

void TestSyncService::overlappingBodyEditsOpenAConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"milk\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"oat milk\n"_s}}, 1, hlc(2000, "laptop"))});
    const auto desktop = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"soy milk\n"_s}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(desktop.first().status, OpResult::Status::Conflict);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"oat milk\n"_s);
    const auto page = m_service->pull(m_account, 2, 100);
    QCOMPARE(page->conflicts.size(), 1);
    const QJsonObject record = sync::encodeConflictEvent(page->conflicts.first());
    QCOMPARE(record.value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(record.value(u"incoming"_s).toString(), u"soy milk\n"_s);
    QCOMPARE(record.value(u"current"_s).toString(), u"oat milk\n"_s);
}

void TestSyncService::pullPagesThroughEveryChangeOnce()
{
    QStringList ids;
    for (int i = 0; i < 25; ++i) {
        ids << uuid();
        m_service->push(m_account, {op(ids.last(), u"task"_s, {{u"title"_s, u"t%1"_s.arg(i)}}, 0, hlc(1000 + i, "laptop"))});
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
            m_service->push(m_account, {op(ids.first(), u"task"_s, {{u"title"_s, u"edited"_s}}, 1, hlc(5000, "laptop"))});
        if (!page->hasMore)
            break;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(m_service->pull(m_account, 0, 1)->changes.first().fields.value(u"title"_s).toString(), u"edited"_s);
    QCOMPARE(seen.size(), 26);
    QCOMPARE(seen.count(ids.first()), 2);
    QCOMPARE(cursor, m_service->revision(m_account));
    QVERIFY(m_service->pull(m_account, cursor, 10)->changes.isEmpty());
}

void TestSyncService::accountsNeverSeeEachOther()
{
    const QString other = *m_service->createAccount(u"ben"_s);
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Anna's secret"_s}}, 0, hlc(1000, "laptop"))});
    QVERIFY(!m_service->entity(other, id));
    QVERIFY(m_service->pull(other, 0, 100)->changes.isEmpty());
    // Ben using Anna's id makes his own note; Anna's is untouched.
    const auto result = m_service->push(other, {op(id, u"note"_s, {{u"title"_s, u"Ben's note"_s}}, 5, hlc(2000, "bens-phone"))});
    QCOMPARE(result.first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"Anna's secret"_s);
    QCOMPARE(m_service->entity(other, id)->value(u"title"_s).toString(), u"Ben's note"_s);
    QCOMPARE(m_service->revision(m_account), 1);
}

void TestSyncService::kindMismatchIsRejected()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"A note"_s}}, 0, hlc(1000, "laptop"))});
    const auto result = m_service->push(m_account, {op(id, u"task"_s, {{u"title"_s, u"Now a task?"_s}}, 1, hlc(2000, "laptop"))});
    QCOMPARE(result.first().status, OpResult::Status::Rejected);
    QVERIFY(result.first().reason.contains(u"is a note"_s));
    QCOMPARE(m_service->entity(m_account, id)->value(u"title"_s).toString(), u"A note"_s);
}

void TestSyncService::deleteMeetsEditOfAMinimalEntity()
{
    // Created with a title only: the server has never seen a 'deleted' field for it.
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Minimal"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Edited"_s}}, 1, hlc(2000, "laptop"))});
    const auto result = m_service->push(m_account, {op(id, u"note"_s, {{u"deleted"_s, true}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(result.first().status, OpResult::Status::Merged);
    QVERIFY(!m_service->entity(m_account, id)->value(u"deleted"_s).toBool());
    QCOMPARE(wire(m_service->conflicts(m_account)).last().value(u"rule"_s).toString(), u"edit-beats-delete"_s);
    // The deleting device hears that its delete did not take: the next pull carries 'deleted'
    // (null: the server has never had the field, which a device reads as its default, false).
    const auto page = m_service->pull(m_account, 2, 100);
    QCOMPARE(page->changes.size(), 1);
    QVERIFY(page->changes.first().fields.contains(u"deleted"_s));
    QVERIFY(!page->changes.first().fields.value(u"deleted"_s).toBool());
}

void TestSyncService::resolvingAndUndoingAreOperations()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"milk\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"oat milk\n"_s}}, 1, hlc(2000, "laptop"))});
    const auto clash = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"soy milk\n"_s}}, 1, hlc(3000, "desktop"), "desktop")});
    QCOMPARE(clash.first().status, OpResult::Status::Conflict);
    const QString conflict = clash.first().conflicts.first();

    // The person merges by hand on the desktop: an ordinary edit that names the conflict it settles.
    Operation resolve = op(id, u"note"_s, {{u"body"_s, u"oat and soy milk\n"_s}}, 3, hlc(4000, "desktop"), "desktop");
    resolve.resolves = {conflict};
    const auto resolved = m_service->push(m_account, {resolve});
    QCOMPARE(resolved.first().status, OpResult::Status::Applied);
    QVERIFY(resolved.first().conflicts.contains(conflict));
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"oat and soy milk\n"_s);
    auto records = wire(m_service->conflicts(m_account));
    const auto find = [&records](const QString &conflictId) {
        for (const QJsonObject &r : std::as_const(records))
            if (r.value(u"id"_s).toString() == conflictId)
                return r;
        return QJsonObject();
    };
    QCOMPARE(find(conflict).value(u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(records.last().value(u"rule"_s).toString(), u"resolution"_s);
    QCOMPARE(records.last().value(u"settles"_s).toString(), conflict);

    // The next pull tells other devices that it is settled.
    const auto page = m_service->pull(m_account, 3, 100);
    bool told = false;
    for (const QJsonObject &record : wire(page->conflicts))
        told = told || (record.value(u"id"_s).toString() == conflict && record.value(u"status"_s).toString() == u"resolved"_s);
    QVERIFY(told);

    // The choice's event has the id its sender derived from the operation and the conflict.
    const QString choice = sync::decisionEventId(resolve.opId, conflict);
    QCOMPARE(records.last().value(u"id"_s).toString(), choice);

    // Undo of the choice: an edit naming the choice, with what stood before it. The choice is
    // undone, and the conflict it settled is open again with both sides as they were.
    Operation undo = op(id, u"note"_s, {{u"body"_s, u"oat milk\n"_s}}, 4, hlc(5000, "desktop"), "desktop");
    undo.resolves = {choice};
    QCOMPARE(m_service->push(m_account, {undo}).first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"oat milk\n"_s);
    records = wire(m_service->conflicts(m_account));
    QCOMPARE(find(conflict).value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(find(conflict).value(u"incoming"_s).toString(), u"soy milk\n"_s);
    QCOMPARE(find(conflict).value(u"current"_s).toString(), u"oat milk\n"_s);
    QCOMPARE(find(choice).value(u"status"_s).toString(), u"undone"_s);
    const QString undoEvent = sync::decisionEventId(undo.opId, choice);
    QCOMPARE(find(undoEvent).value(u"rule"_s).toString(), u"undo"_s);
    QCOMPARE(find(undoEvent).value(u"settles"_s).toString(), choice);
    // Every device hears it with its next pull: the conflict open, the choice undone.
    const auto after = m_service->pull(m_account, 4, 100);
    QStringList heard;
    for (const QJsonObject &record : wire(after->conflicts))
        heard << record.value(u"id"_s).toString() + QLatin1Char('=') + record.value(u"status"_s).toString();
    QVERIFY(heard.contains(conflict + u"=open"_s));
    QVERIFY(heard.contains(choice + u"=undone"_s));
    // Not twice, and an undo is not undone: the conflict is decided again instead.
    Operation twice = op(id, u"note"_s, {{u"body"_s, u"oat milk\n"_s}}, 5, hlc(5500, "desktop"), "desktop");
    twice.resolves = {choice};
    QCOMPARE(m_service->push(m_account, {twice}).first().status, OpResult::Status::Rejected);
    Operation undoTheUndo = op(id, u"note"_s, {{u"body"_s, u"oat and soy milk\n"_s}}, 5, hlc(5600, "desktop"), "desktop");
    undoTheUndo.resolves = {undoEvent};
    QCOMPARE(m_service->push(m_account, {undoTheUndo}).first().status, OpResult::Status::Rejected);

    // Decided again: choose the server's old value; recorded as a second resolution.
    Operation again = op(id, u"note"_s, {{u"body"_s, u"oat milk\n"_s}}, 5, hlc(6000, "laptop"));
    again.resolves = {conflict};
    QCOMPARE(m_service->push(m_account, {again}).first().status, OpResult::Status::Applied);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"oat milk\n"_s);
    records = wire(m_service->conflicts(m_account));
    QCOMPARE(find(conflict).value(u"status"_s).toString(), u"resolved"_s);
    int resolutions = 0;
    for (const QJsonObject &r : std::as_const(records))
        resolutions += r.value(u"rule"_s).toString() == u"resolution"_s;
    QCOMPARE(resolutions, 2);

    // Someone else's conflict, or one of another entity, cannot be settled here.
    const QString other = *m_service->createAccount(u"ben"_s);
    Operation foreign = op(id, u"note"_s, {{u"body"_s, u"x"_s}}, 0, hlc(6000, "bens-phone"), "bens-phone");
    foreign.resolves = {conflict};
    QCOMPARE(m_service->push(other, {foreign}).first().status, OpResult::Status::Rejected);
    Operation wrongEntity = op(uuid(), u"note"_s, {{u"body"_s, u"x"_s}}, 0, hlc(7000, "laptop"));
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
        m_service->push(m_account, {op(ids.last(), u"note"_s, {{u"title"_s, u"Note %1"_s.arg(i)}, {u"body"_s, u"text %1\n"_s.arg(i)}}, 0,
                                       hlc(1000 + i, "laptop"))});
    }
    m_service->push(m_account, {op(ids.first(), u"note"_s, {{u"title"_s, u"Renamed"_s}}, 1, hlc(2000, "laptop"))});
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
    m_service->push(m_account, {op(late, u"note"_s, {{u"title"_s, u"Late"_s}}, 0, hlc(3000, "desktop"), "desktop")});
    m_service->push(m_account, {op(ids.at(1), u"note"_s, {{u"title"_s, u"Renamed again"_s}}, 6, hlc(3001, "desktop"), "desktop")});

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
    QCOMPARE(firstNote.value(u"title"_s).toString(), u"Renamed"_s);
    QCOMPARE(firstNote.value(u"body"_s).toString(), u"text 0\n"_s); // whole: every field, not just the changed ones

    const auto rest = m_service->pull(m_account, cursor, 100);
    QVERIFY(!rest->snapshot);
    QCOMPARE(rest->changes.size(), 2);
    QCOMPARE(rest->cursor, 8);
    QVERIFY(!rest->hasMore);
}

void TestSyncService::thinnedHistoryTurnsALostBaseIntoAConflict()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\n"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"ONE\ntwo\nthree\n"_s}}, 1, hlc(2000, "laptop"))});
    m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"ONE\nTWO\nthree\n"_s}}, 2, hlc(3000, "laptop"))});
    QCOMPARE(m_service->history(m_account, id).size(), 3);

    // All three versions are of one day: past the window, that day's newest one stays.
    QCOMPARE(m_service->maintain(inDays(40))->versionsThinned, 2);
    const auto history = m_service->history(m_account, id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().value(u"rev"_s).toInt(), 3);

    // A device that edited revision 1 long ago: its base is gone, so nothing is merged blindly;
    // both values are kept as an open conflict.
    const auto stale = m_service->push(m_account, {op(id, u"note"_s, {{u"body"_s, u"one\ntwo\nthree\nfour\n"_s}}, 1, hlc(4000, "tablet"), "tablet")});
    QCOMPARE(stale.first().status, OpResult::Status::Conflict);
    QCOMPARE(wire(m_service->conflicts(m_account)).last().value(u"rule"_s).toString(), u"text-no-base"_s);
    QCOMPARE(m_service->entity(m_account, id)->value(u"body"_s).toString(), u"ONE\nTWO\nthree\n"_s);
    // An edit of the version that is still there merges as usual.
    const auto fresh = m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Numbers"_s}}, 3, hlc(5000, "laptop"))});
    QCOMPARE(fresh.first().status, OpResult::Status::Applied);
}

void TestSyncService::deletedItemsArePurgedOnlyWhenEveryDeviceHasSeenIt()
{
    auto &accounts = m_service->accounts();
    const QString ben = *accounts.registerAccount(u"ben"_s, u"correct horse"_s);
    const auto laptop = accounts.logIn(u"ben"_s, u"correct horse"_s, u"laptop"_s);
    const auto phone = accounts.logIn(u"ben"_s, u"correct horse"_s, u"phone"_s);
    QVERIFY(laptop && phone);
    const QString id = uuid();
    const QString kept = uuid();
    m_service->push(ben, {op(id, u"note"_s, {{u"title"_s, u"Old"_s}}, 0, hlc(1000, "laptop"))});
    m_service->push(ben, {op(kept, u"note"_s, {{u"title"_s, u"Kept"_s}}, 0, hlc(1001, "laptop"))});
    m_service->push(ben, {op(id, u"note"_s, {{u"deleted"_s, true}}, 1, hlc(2000, "laptop"))});
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
    const auto edit = m_service->push(ben, {op(id, u"note"_s, {{u"title"_s, u"Back?"_s}}, 3, hlc(3000, "tablet"), "tablet")});
    QCOMPARE(edit.first().status, OpResult::Status::Rejected);
    QVERIFY(edit.first().reason.contains(u"purged"_s));
    QVERIFY(!m_service->entity(ben, id));
    // A revoked device does not hold deletions back.
    m_service->push(ben, {op(kept, u"note"_s, {{u"deleted"_s, true}}, 3, hlc(4000, "laptop"))});
    accounts.recordPull(laptop->token, 5);
    QVERIFY(accounts.logOut(phone->token));
    QCOMPARE(m_service->maintain(inDays(40))->tombstonesPurged, 1);
}

void TestSyncService::aDatabaseFromANewerServerIsRefusedUntouched()
{
    const QString id = uuid();
    m_service->push(m_account, {op(id, u"note"_s, {{u"title"_s, u"Keep me"_s}}, 0, hlc(1000, "laptop"))});
    const QString spec = m_spec;
    m_service.reset();
    int version = 0;
    {
        auto direct = server::DatabaseTarget::parse(spec);
        QVERIFY(direct);
        QVERIFY(server::openConnection(*direct, u"newer"_s));
        QSqlQuery q(QSqlDatabase::database(u"newer"_s));
        QVERIFY(q.exec(u"SELECT version FROM schema_version"_s) && q.next());
        version = q.value(0).toInt();
        QVERIFY(q.exec(u"UPDATE schema_version SET version = 99"_s));
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const auto refused = server::SyncService::open(spec);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"newer tidemark-server"_s), qPrintable(refused.error()));

    // Put back, the same database opens with its data.
    {
        auto direct = server::DatabaseTarget::parse(spec);
        QVERIFY(server::openConnection(*direct, u"older"_s));
        QSqlQuery q(QSqlDatabase::database(u"older"_s));
        QVERIFY(q.exec(u"UPDATE schema_version SET version = %1"_s.arg(version)));
    }
    QSqlDatabase::removeDatabase(u"older"_s);
    auto reopened = server::SyncService::open(spec);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->entity(m_account, id)->value(u"title"_s).toString(), u"Keep me"_s);
}
