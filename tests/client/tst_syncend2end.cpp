// Devices syncing through a real tidemark-server process: two local stores, each with the HTTP
// transport and the sync cycle, as the app and tidemarkctl use them.
#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/decisions.h"
#include "model/store.h"
#include "../serverprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark;
using client::TransportError;

class TestSyncEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void twoDevicesConverge();
    void editsInDifferentPlacesMergeOnBothDevices();
    void overlappingEditsKeepBothSides();
    void aConflictIsResolvedOnOneDeviceAndUndoneOnAnother();
    void aChoiceOfTheValueAlreadyThereCanBeUndone();
    void undoingAMergedChoicePutsBackWhatStoodAndReopensTheConflict();
    void aChoiceUndoneBeforeItSyncsNeverLeavesTheDevice();
    void anEditBringsBackWhatTheOtherDeviceDeleted();
    void scalarsTagsAndOtherFieldsFollowTheRules();
    void undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices();
    void conflictPoliciesFollowTheAccount();
    void threeDevicesFollowTheRestOfTheRules();
    void anInterruptedPushIsSentAgainAndAppliedOnce();
    void aRevokedTokenAsksToSignInAndLosesNothing();

private:
    struct Device
    {
        std::unique_ptr<model::Store> store;
        QString token;
        client::SyncReport last;
    };
    bool startServer();
    Device device(const QString &name);
    /// One sync of `d`; fails the test on an error.
    bool sync(Device &d);
    std::expected<client::SyncReport, TransportError> trySync(Device &d);
    /// A note both devices edit on the same line while apart, then sync: an open conflict.
    std::optional<model::Entity> overlap(Device &laptop, Device &phone);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QUrl m_url;
    bool m_registered = false;
};

void TestSyncEndToEnd::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_registered = false;
    QVERIFY(startServer());
}

void TestSyncEndToEnd::cleanup()
{
    if (m_server) {
        m_server->kill();
        m_server->waitForFinished();
    }
    m_server.reset();
    m_dir.reset();
}

bool TestSyncEndToEnd::startServer()
{
    m_server = std::make_unique<QProcess>();
    const int port = test::startServer(*m_server, m_dir->filePath(u"server.db"_s));
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    return port > 0;
}

TestSyncEndToEnd::Device TestSyncEndToEnd::device(const QString &name)
{
    Device d;
    auto store = model::Store::open(m_dir->filePath(name + u".db"_s));
    if (!store)
        return d;
    d.store = std::move(*store);
    if (!std::exchange(m_registered, true))
        client::account::registerAccount(m_url, u"anna"_s, u"correct horse"_s);
    d.token = client::account::logIn(m_url, u"anna"_s, u"correct horse"_s, name).value_or(QString());
    return d;
}

std::expected<client::SyncReport, TransportError> TestSyncEndToEnd::trySync(Device &d)
{
    client::HttpTransport transport(m_url, d.token, 10000);
    client::SyncCycle cycle(*d.store, transport);
    cycle.setBatchSize(7); // several batches and pages even for small tests
    cycle.setPageSize(5);
    auto report = cycle.run();
    if (report)
        d.last = *report;
    return report;
}

bool TestSyncEndToEnd::sync(Device &d)
{
    const auto report = trySync(d);
    if (!report)
        qWarning("sync failed: %s", qPrintable(report.error().message));
    return report.has_value();
}

std::optional<model::Entity> TestSyncEndToEnd::overlap(Device &laptop, Device &phone)
{
    const auto note = laptop.store->create(model::Kind::Note, {{u"body"_s, u"meet at 10\n"_s}});
    if (!note || !sync(laptop) || !sync(phone) || !laptop.store->update(note->id, {{u"body"_s, u"meet at 11\n"_s}})
        || !phone.store->update(note->id, {{u"body"_s, u"meet at 9\n"_s}}) || !sync(laptop) || !sync(phone) || !sync(laptop))
        return std::nullopt;
    return *note;
}

// What a person sees of an entity, without the local bookkeeping.
static QJsonObject visible(const model::Store &store, const QString &id)
{
    const auto e = store.entity(id);
    return e ? e->fields : QJsonObject{};
}

void TestSyncEndToEnd::twoDevicesConverge()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    QVERIFY(laptop.store && !laptop.token.isEmpty() && phone.store && !phone.token.isEmpty());

    QStringList ids;
    const auto inbox = laptop.store->create(model::Kind::Collection, {{u"name"_s, u"Inbox"_s}});
    QVERIFY(inbox);
    ids << inbox->id;
    for (int i = 0; i < 12; ++i) {
        const auto note = laptop.store->create(model::Kind::Note, {{u"title"_s, u"Note %1"_s.arg(i)},
                                                                   {u"body"_s, u"line %1\n"_s.arg(i)},
                                                                   {u"collection"_s, inbox->id}});
        QVERIFY(note);
        ids << note->id;
    }
    const auto task = phone.store->create(model::Kind::Task, {{u"title"_s, u"Call mum"_s}, {u"priority"_s, 2},
                                                              {u"tags"_s, QJsonArray{u"family"_s}}});
    QVERIFY(task);
    ids << task->id;

    QVERIFY(sync(laptop));
    QCOMPARE(laptop.last.pushed, 13);
    QVERIFY(sync(phone));
    QVERIFY(sync(laptop));
    QCOMPARE(laptop.store->pendingCount(), 0);
    QCOMPARE(phone.store->pendingCount(), 0);
    QCOMPARE(laptop.store->syncCursor(), phone.store->syncCursor());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(visible(*phone.store, id), visible(*laptop.store, id));
    QCOMPARE(phone.store->collections()->first().itemCount, 12);
}

void TestSyncEndToEnd::editsInDifferentPlacesMergeOnBothDevices()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = laptop.store->create(model::Kind::Note, {{u"title"_s, u"Groceries"_s}, {u"body"_s, u"milk\neggs\n"_s}});
    QVERIFY(sync(laptop) && sync(phone));
    // Both offline: each changes its own line.
    QVERIFY(laptop.store->update(note->id, {{u"body"_s, u"milk\neggs\nbread\n"_s}}));
    QVERIFY(phone.store->update(note->id, {{u"body"_s, u"oat milk\neggs\n"_s}, {u"title"_s, u"Shopping"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(phone.last.merged, 1);
    QCOMPARE(visible(*laptop.store, note->id).value(u"body"_s).toString(), u"oat milk\neggs\nbread\n"_s);
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    QCOMPARE(visible(*laptop.store, note->id).value(u"title"_s).toString(), u"Shopping"_s);
}

void TestSyncEndToEnd::overlappingEditsKeepBothSides()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    QCOMPARE(phone.last.conflicts, 1);
    // The server's text stays on both devices; the other side is in the conflict record.
    QCOMPARE(visible(*phone.store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    const auto records = laptop.last.conflictRecords + phone.last.conflictRecords;
    QVERIFY(std::ranges::any_of(records, [](const sync::ConflictEvent &r) {
        return r.status == u"open"_s && r.incoming.toString() == u"meet at 9\n"_s;
    }));
}

void TestSyncEndToEnd::aChoiceOfTheValueAlreadyThereCanBeUndone()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    // The phone keeps the text the server kept (the laptop's): the choice changes no value…
    const auto open = phone.store->conflictRecords(true);
    QCOMPARE(open->first().theirs.toString(), u"meet at 11\n"_s);
    QVERIFY(model::Decisions(*phone.store).decide(open->first().id, model::Decisions::Take::Theirs));
    QVERIFY(sync(phone) && sync(laptop));
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    // …and yet it can be undone, from either device: the text stays what it was before the
    // choice, and the conflict waits again on both devices, with both sides as they were.
    const auto records = laptop.store->conflictRecords();
    const auto choice = std::ranges::find_if(*records, [](const model::ConflictRecord &r) { return r.isResolution(); });
    QVERIFY(choice != records->end());
    model::Decisions onLaptop(*laptop.store);
    QCOMPARE(onLaptop.undoPreview(*choice).value_or(QJsonValue()), QJsonValue(u"meet at 11\n"_s));
    QVERIFY(onLaptop.undo(choice->id));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    const auto reopened = phone.store->conflictRecords(true);
    QCOMPARE(reopened->size(), 1);
    QCOMPARE(reopened->first().id, open->first().id);
    QCOMPARE(reopened->first().mine.toString(), u"meet at 9\n"_s);
    QCOMPARE(reopened->first().theirs.toString(), u"meet at 11\n"_s);
    QCOMPARE(laptop.store->conflictRecords(true)->size(), 1);
}

void TestSyncEndToEnd::undoingAMergedChoicePutsBackWhatStoodAndReopensTheConflict()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    const auto open = phone.store->conflictRecords(true);
    QCOMPARE(open->size(), 1);
    const model::ConflictRecord conflict = open->first();

    // Decided on the phone with a text merged by hand, synced to the laptop.
    model::Decisions onPhone(*phone.store);
    QVERIFY(onPhone.decide({{conflict.id, u"meet at 9 or 11\n"_s}}));
    // The trail shows the choice at once, before any sync, under the id the server will give it.
    const auto mark = [](const model::Store &store, const QString &id) {
        const auto all = store.conflictRecords();
        const auto r = std::ranges::find(*all, id, &model::ConflictRecord::id);
        return r == all->end() ? model::ConflictRecord{} : *r;
    };
    auto local = phone.store->conflictRecords();
    const auto choice = std::ranges::find_if(*local, [](const model::ConflictRecord &r) { return r.isResolution(); });
    QVERIFY(choice != local->end());
    const QString choiceId = choice->id;
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, note->id).value(u"body"_s).toString(), u"meet at 9 or 11\n"_s);
    QCOMPARE(std::ranges::count_if(*phone.store->conflictRecords(), [](const model::ConflictRecord &r) { return r.isResolution(); }), 1);
    QCOMPARE(mark(*laptop.store, choiceId).rule, u"resolution"_s);

    // Undone on the phone: exactly what stood before the choice (the server's text, which the
    // note showed while the conflict was open), and the conflict open again with both sides.
    QCOMPARE(onPhone.undoPreview(mark(*phone.store, choiceId)).value_or(QJsonValue()), QJsonValue(u"meet at 11\n"_s));
    const auto undone = onPhone.undo(choiceId);
    QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
    QCOMPARE(undone->fields.value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    QCOMPARE(mark(*phone.store, choiceId).status, u"undone"_s);
    // No second undo of it, here or on the laptop.
    QVERIFY(!onPhone.undoPreview(mark(*phone.store, choiceId)));
    QCOMPARE(onPhone.actionFor(mark(*phone.store, choiceId)), model::Decisions::Action::None);
    QVERIFY(!onPhone.undo(choiceId));
    QVERIFY(sync(phone) && sync(laptop) && sync(phone));
    for (Device *d : {&laptop, &phone}) {
        QCOMPARE(visible(*d->store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
        const auto reopened = d->store->conflictRecords(true);
        QCOMPARE(reopened->size(), 1);
        QCOMPARE(reopened->first().id, conflict.id);
        QCOMPARE(mark(*d->store, choiceId).status, u"undone"_s);
        const auto all = d->store->conflictRecords();
        QCOMPARE(std::ranges::count_if(*all, [&](const model::ConflictRecord &r) { return r.isUndo() && r.settles == choiceId; }), 1);
        QVERIFY(!model::Decisions(*d->store).undoPreview(mark(*d->store, choiceId)));
    }
    // The reopened conflict is decided again like any other.
    QCOMPARE(mark(*phone.store, conflict.id).mine.toString(), u"meet at 9\n"_s);
    QVERIFY(onPhone.decide(conflict.id, model::Decisions::Take::Mine));
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, note->id).value(u"body"_s).toString(), u"meet at 9\n"_s);
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
}

void TestSyncEndToEnd::aChoiceUndoneBeforeItSyncsNeverLeavesTheDevice()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    const auto open = phone.store->conflictRecords(true);
    model::Decisions onPhone(*phone.store);
    QVERIFY(onPhone.decide({{open->first().id, u"meet at 9 or 11\n"_s}}));
    const auto all = phone.store->conflictRecords();
    const auto choice = std::ranges::find_if(*all, [](const model::ConflictRecord &r) { return r.isResolution(); });
    QVERIFY(choice != all->end());
    QVERIFY(onPhone.undo(choice->id));
    QCOMPARE(visible(*phone.store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    QVERIFY(sync(phone) && sync(laptop));
    // The server heard no choice: the conflict is open on both devices, the text as it stood.
    QCOMPARE(phone.last.rejected, 0);
    QCOMPARE(laptop.store->conflictRecords(true)->size(), 1);
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    const auto onLaptop = laptop.store->conflictRecords();
    QVERIFY(std::ranges::none_of(*onLaptop, [](const model::ConflictRecord &r) { return r.isResolution() || r.isUndo(); }));
}

void TestSyncEndToEnd::anEditBringsBackWhatTheOtherDeviceDeleted()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto task = laptop.store->create(model::Kind::Task, {{u"title"_s, u"Renew passport"_s}});
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->trash(task->id));
    QVERIFY(phone.store->update(task->id, {{u"title"_s, u"Renew passport before March"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    for (const Device *d : {&laptop, &phone}) {
        QVERIFY(!visible(*d->store, task->id).value(u"deleted"_s).toBool());
        QCOMPARE(visible(*d->store, task->id).value(u"title"_s).toString(), u"Renew passport before March"_s);
    }
}

void TestSyncEndToEnd::anInterruptedPushIsSentAgainAndAppliedOnce()
{
    Device laptop = device(u"laptop"_s);
    QStringList ids;
    for (int i = 0; i < 20; ++i)
        ids << laptop.store->create(model::Kind::Note, {{u"title"_s, u"n%1"_s.arg(i)}})->id;
    // The operations are handed out and sent, but the answer never comes back (the server dies).
    auto taken = laptop.store->takeForSending(20);
    QCOMPARE(taken->size(), 20);
    QList<sync::Operation> ops;
    for (const model::OutboxOp &op : std::as_const(*taken))
        ops.append({op.opId, op.device, model::kindName(op.kind), op.entityId, op.fields, op.baseRev, op.hlc, {}});
    {
        client::HttpTransport transport(m_url, laptop.token);
        QVERIFY(transport.push(ops)); // stored by the server; the device crashes before recording it
    }
    m_server->kill();
    m_server->waitForFinished();
    const auto offline = trySync(laptop);
    QVERIFY(!offline);
    QCOMPARE(offline.error().kind, TransportError::Kind::Offline);
    QCOMPARE(laptop.store->pendingCount(), 20); // nothing lost

    QVERIFY(startServer());
    QVERIFY(sync(laptop));
    QCOMPARE(laptop.store->pendingCount(), 0);
    QCOMPARE(laptop.last.pushed, 20);
    QCOMPARE(laptop.store->syncCursor(), 20); // twenty revisions: none applied twice
    Device phone = device(u"phone"_s);
    QVERIFY(sync(phone));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(visible(*phone.store, id), visible(*laptop.store, id));
}

void TestSyncEndToEnd::aRevokedTokenAsksToSignInAndLosesNothing()
{
    Device laptop = device(u"laptop"_s);
    QVERIFY(laptop.store->create(model::Kind::Note, {{u"title"_s, u"Draft"_s}}));
    QVERIFY(client::account::logOut(m_url, laptop.token));
    const auto refused = trySync(laptop);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, TransportError::Kind::SignInAgain);
    QCOMPARE(laptop.store->pendingCount(), 1);
    const auto again = client::account::logIn(m_url, u"anna"_s, u"correct horse"_s, u"laptop"_s);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    laptop.token = *again;
    QVERIFY(sync(laptop));
    QCOMPARE(laptop.store->pendingCount(), 0);
}

void TestSyncEndToEnd::aConflictIsResolvedOnOneDeviceAndUndoneOnAnother()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto note = overlap(laptop, phone);
    QVERIFY(note);

    // Both devices list the open conflict, each with its own side as "mine".
    const auto onPhone = phone.store->conflictRecords(true);
    const auto onLaptop = laptop.store->conflictRecords(true);
    QCOMPARE(onPhone->size(), 1);
    QCOMPARE(onLaptop->size(), 1);
    QCOMPARE(onPhone->first().id, onLaptop->first().id);
    QCOMPARE(onPhone->first().mine.toString(), u"meet at 9\n"_s);
    QCOMPARE(onPhone->first().theirs.toString(), u"meet at 11\n"_s);
    QCOMPARE(onLaptop->first().mine.toString(), u"meet at 11\n"_s);
    // Each knows what both sides changed from, when the server met them and, where the other
    // side's change arrived from another device, which one.
    QCOMPARE(onPhone->first().base.toString(), u"meet at 10\n"_s);
    QCOMPARE(onLaptop->first().base.toString(), u"meet at 10\n"_s);
    QVERIFY(!onLaptop->first().device.isEmpty());
    QVERIFY(onPhone->first().device.isEmpty()); // the phone's own change was the one that arrived
    QVERIFY(qAbs(onLaptop->first().at - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QCOMPARE(phone.store->items({model::ItemFilter::Type::Conflicts, {}})->size(), 1); // the Conflicts view lists the note

    // The phone keeps its own side; after syncing, both show it and nothing is open.
    QVERIFY(model::Decisions(*phone.store).decide(onPhone->first().id, model::Decisions::Take::Mine));
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, note->id).value(u"body"_s).toString(), u"meet at 9\n"_s);
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    const auto all = laptop.store->conflictRecords();
    QCOMPARE(all->first().rule, u"resolution"_s); // the choice is an event of its own
    QVERIFY(std::ranges::any_of(*all, [](const model::ConflictRecord &r) { return r.rule == u"text-overlap"_s && r.status == u"resolved"_s; }));

    // The laptop's owner undoes that choice: what stood before it comes back everywhere, and
    // the conflict waits again.
    model::Decisions laptopDecides(*laptop.store);
    QCOMPARE(laptopDecides.undoPreview(all->first()).value_or(QJsonValue()), QJsonValue(u"meet at 11\n"_s));
    QVERIFY(laptopDecides.undo(all->first().id));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    // Then decides for its own side: nothing open anywhere.
    QVERIFY(laptopDecides.decide(laptopDecides.openConflicts(note->id)->shown.first().id, model::Decisions::Take::Mine)); // "meet at 11"
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(u"body"_s).toString(), u"meet at 11\n"_s);
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
}

void TestSyncEndToEnd::scalarsTagsAndOtherFieldsFollowTheRules()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    const auto task = laptop.store->create(model::Kind::Task, {{u"title"_s, u"Tax return"_s}, {u"tags"_s, QJsonArray{u"admin"_s}}});
    QVERIFY(sync(laptop) && sync(phone));
    // Apart: both rename (the phone later), each adds a tag, the laptop removes "admin", and
    // they change different fields (priority here, due there).
    QVERIFY(laptop.store->update(task->id, {{u"title"_s, u"Tax return 2026"_s}, {u"tags"_s, QJsonArray{u"money"_s}},
                                            {u"priority"_s, 3}}));
    QTest::qWait(5); // the phone's edit is the later one by the clock
    QVERIFY(phone.store->update(task->id, {{u"title"_s, u"Taxes"_s}, {u"tags"_s, QJsonArray{u"admin"_s, u"urgent"_s}},
                                           {u"due"_s, u"2026-12-31"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    const QJsonObject result = visible(*laptop.store, task->id);
    QCOMPARE(result, visible(*phone.store, task->id));
    QCOMPARE(result.value(u"title"_s).toString(), u"Taxes"_s);        // scalar: the later edit wins
    QCOMPARE(result.value(u"priority"_s).toInt(), 3);                 // different fields: both apply
    QCOMPARE(result.value(u"due"_s).toString(), u"2026-12-31"_s);
    QStringList tags;
    for (const QJsonValue &tag : result.value(u"tags"_s).toArray())
        tags << tag.toString();
    tags.sort();
    // Tags: what either side added stays ("money", "urgent"); what one side removed goes unless
    // the other added it again ("admin" was only kept, never re-added, by the phone).
    QCOMPARE(tags, (QStringList{u"money"_s, u"urgent"_s}));
    // The losing title is in the log, decided, with "use this instead" possible.
    const auto records = laptop.store->conflictRecords();
    QVERIFY(std::ranges::any_of(*records, [](const model::ConflictRecord &r) {
        return r.rule == u"scalar-later-wins"_s && r.status == u"settled"_s && r.field == u"title"_s;
    }));
}

void TestSyncEndToEnd::undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    QVERIFY(laptop.store->setDeviceName(u"Laptop"_s));
    QVERIFY(phone.store->setDeviceName(u"Phone"_s));
    const auto task = laptop.store->create(model::Kind::Task, {{u"title"_s, u"Groceries"_s}});
    QVERIFY(task);
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{u"title"_s, u"Groceries for Saturday"_s}}));
    QTest::qWait(5); // the phone's rename is the later one
    QVERIFY(phone.store->update(task->id, {{u"title"_s, u"Shopping"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, task->id).value(u"title"_s).toString(), u"Shopping"_s);

    // The laptop names the phone in the event and in the item's history, and knows which title
    // an undo brings back.
    const auto records = laptop.store->conflictRecords();
    const auto decided = std::ranges::find_if(*records, [](const model::ConflictRecord &r) {
        return r.rule == u"scalar-later-wins"_s && r.field == u"title"_s;
    });
    QVERIFY(decided != records->end());
    QCOMPARE(laptop.store->deviceName(decided->device), u"Phone"_s);
    // Each side with its device and edit time: "on Laptop at 10:02 and on Phone at 10:05".
    QCOMPARE(decided->mineDevice, laptop.store->deviceId());
    QCOMPARE(decided->theirsDevice, phone.store->deviceId());
    QVERIFY(decided->mineAt > 0 && decided->mineAt < decided->theirsAt);
    model::Decisions onLaptop(*laptop.store);
    QCOMPARE(onLaptop.otherValue(*decided).value_or(QJsonValue()), QJsonValue(u"Groceries for Saturday"_s));
    QCOMPARE(onLaptop.actionFor(*decided), model::Decisions::Action::UseOtherValue);
    const auto history = laptop.store->history(task->id);
    QCOMPARE(history->last().device, phone.store->deviceId());
    QCOMPARE(history->last().snapshot.value(u"title"_s).toString(), u"Shopping"_s);
    QVERIFY(qAbs(history->last().at - QDateTime::currentMSecsSinceEpoch()) < 60000);

    // Undo on the laptop: the other title comes back on both devices, and both audit trails
    // show the undo as an event of its own, linked to the decision it replaced, made on the laptop.
    const auto undone = onLaptop.decide({{decided->id, *onLaptop.otherValue(*decided)}});
    QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
    QCOMPARE(undone->fields.value(u"title"_s).toString(), u"Groceries for Saturday"_s);
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(visible(*phone.store, task->id).value(u"title"_s).toString(), u"Groceries for Saturday"_s);
    QCOMPARE(visible(*laptop.store, task->id), visible(*phone.store, task->id));
    for (Device *d : {&laptop, &phone}) {
        const auto events = d->store->conflictRecords();
        const auto undo = std::ranges::find_if(*events, [&](const model::ConflictRecord &r) {
            return r.isResolution() && r.settles == decided->id;
        });
        QVERIFY(undo != events->end());
        QCOMPARE(d->store->deviceName(undo->device.isEmpty() ? d->store->deviceId() : undo->device), u"Laptop"_s);
    }
    // That choice can itself be undone: "Shopping" comes back, and the rule's decision stands
    // again, as it did, on both devices.
    const auto again = laptop.store->conflictRecords();
    const auto choice = std::ranges::find_if(*again, [&](const model::ConflictRecord &r) { return r.isResolution(); });
    QCOMPARE(onLaptop.undoPreview(*choice).value_or(QJsonValue()), QJsonValue(u"Shopping"_s));
    QVERIFY(onLaptop.undo(choice->id));
    QVERIFY(sync(laptop) && sync(phone));
    for (Device *d : {&laptop, &phone}) {
        QCOMPARE(visible(*d->store, task->id).value(u"title"_s).toString(), u"Shopping"_s);
        const auto events = d->store->conflictRecords();
        QCOMPARE(std::ranges::find(*events, decided->id, &model::ConflictRecord::id)->status, u"settled"_s);
        QVERIFY(d->store->conflictRecords(true)->isEmpty());
    }
}

void TestSyncEndToEnd::conflictPoliciesFollowTheAccount()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    QVERIFY(laptop.store->setConflictPolicies({{u"title"_s, u"ask"_s}, {u"due"_s, u"later-wins"_s}}));
    QVERIFY(!laptop.store->setConflictPolicies({{u"title"_s, u"sometimes"_s}})); // refused, nothing changed
    QCOMPARE(laptop.store->conflictPolicies(), (QJsonObject{{u"title"_s, u"ask"_s}}));
    QVERIFY(laptop.store->policiesToSend());
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(!laptop.store->policiesToSend());
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{u"title"_s, u"ask"_s}}));

    // With "always ask me" for titles, two renames wait for a person instead of the later winning.
    const auto task = laptop.store->create(model::Kind::Task, {{u"title"_s, u"Plan"_s}});
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{u"title"_s, u"Plan A"_s}}));
    QTest::qWait(5);
    QVERIFY(phone.store->update(task->id, {{u"title"_s, u"Plan B"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    const auto open = laptop.store->conflictRecords(true);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().field, u"title"_s);

    // Back to the default for titles, from the phone this time, and then, before any sync, due
    // dates ask: both changes reach the laptop.
    QVERIFY(phone.store->setConflictPolicies({}));
    QCOMPARE(phone.store->conflictPolicies(), QJsonObject{});
    QVERIFY(phone.store->setConflictPolicies({{u"due"_s, u"ask"_s}}));
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{u"due"_s, u"ask"_s}}));
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->conflictPolicies(), (QJsonObject{{u"due"_s, u"ask"_s}}));
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{u"due"_s, u"ask"_s}}));
}

void TestSyncEndToEnd::threeDevicesFollowTheRestOfTheRules()
{
    Device laptop = device(u"laptop"_s);
    Device phone = device(u"phone"_s);
    Device tablet = device(u"tablet"_s);
    const auto list = laptop.store->create(model::Kind::Collection, {{u"name"_s, u"Errands"_s}});
    QVERIFY(list);
    const auto note = laptop.store->create(model::Kind::Note, {{u"title"_s, u"Plan"_s}, {u"body"_s, u"a\nb\nc\n"_s}});
    QStringList tasks;
    for (const char *title : {"one", "two", "three"})
        tasks << laptop.store->create(model::Kind::Task, {{u"title"_s, QLatin1StringView(title)}, {u"collection"_s, list->id}})->id;
    QVERIFY(note && sync(laptop) && sync(phone) && sync(tablet));

    // Apart, all three:
    // - same value: the laptop and the phone both fix the title the same way;
    QVERIFY(laptop.store->update(note->id, {{u"title"_s, u"Plan v2"_s}}));
    QVERIFY(phone.store->update(note->id, {{u"title"_s, u"Plan v2"_s}}));
    // - different fields: the tablet pins it;
    QVERIFY(tablet.store->update(note->id, {{u"pinned"_s, true}}));
    // - manual order: the laptop moves "three" first, the phone (later) moves it between one and two;
    QVERIFY(laptop.store->reorder(tasks.at(2), {}, tasks.at(0)));
    QTest::qWait(5);
    QVERIFY(phone.store->reorder(tasks.at(2), tasks.at(0), tasks.at(1)));
    // - delete against edit: the tablet deletes "two", which the laptop renames.
    QVERIFY(tablet.store->trash(tasks.at(1)));
    QVERIFY(laptop.store->update(tasks.at(1), {{u"title"_s, u"two, but later"_s}}));
    // - a new entity: the tablet adds one.
    const auto added = tablet.store->create(model::Kind::Task, {{u"title"_s, u"four"_s}, {u"collection"_s, list->id}});
    QVERIFY(added);

    // The laptop reaches the server first, then the phone, then the tablet; then all catch up.
    QVERIFY(sync(laptop) && sync(phone) && sync(tablet) && sync(laptop) && sync(phone));
    for (Device *d : {&laptop, &phone, &tablet})
        QCOMPARE(d->store->pendingCount(), 0);

    for (const QString &id : {note->id, tasks.at(0), tasks.at(1), tasks.at(2), added->id}) {
        QCOMPARE(visible(*phone.store, id), visible(*laptop.store, id));
        QCOMPARE(visible(*tablet.store, id), visible(*laptop.store, id));
    }
    const QJsonObject plan = visible(*tablet.store, note->id);
    QCOMPARE(plan.value(u"title"_s).toString(), u"Plan v2"_s);      // same value: no conflict
    QCOMPARE(plan.value(u"pinned"_s).toBool(), true);               // different fields: both
    QVERIFY(!visible(*tablet.store, tasks.at(1)).value(u"deleted"_s).toBool()); // the edit beat the delete
    QCOMPARE(visible(*tablet.store, tasks.at(1)).value(u"title"_s).toString(), u"two, but later"_s);
    QCOMPARE(visible(*laptop.store, added->id).value(u"title"_s).toString(), u"four"_s); // new: applies

    // Order: the phone's move, the later one, holds everywhere: one, three, two, four.
    for (Device *d : {&laptop, &phone, &tablet}) {
        QStringList order;
        const auto rows = d->store->items(model::ItemFilter::collection(list->id));
        QList<model::ItemRow> sorted = *rows;
        std::ranges::sort(sorted, [](const model::ItemRow &x, const model::ItemRow &y) { return x.sortKey < y.sortKey; });
        for (const model::ItemRow &row : sorted)
            order << row.title;
        QCOMPARE(order, (QStringList{u"one"_s, u"three"_s, u"two, but later"_s, u"four"_s}));
    }

    // What each device can read of it: nothing about the title (the same value is no conflict);
    // the delete that lost is in the log, settled.
    for (Device *d : {&laptop, &phone, &tablet}) {
        const auto records = d->store->conflictRecords();
        QVERIFY(records);
        QVERIFY(std::ranges::none_of(*records, [&](const model::ConflictRecord &r) {
            return r.entityId == note->id && r.field == u"title"_s;
        }));
        QVERIFY(std::ranges::none_of(*records, [](const model::ConflictRecord &r) { return r.status == u"open"_s; }));
    }
    const auto tabletRecords = tablet.store->conflictRecords();
    QVERIFY(std::ranges::any_of(*tabletRecords, [&](const model::ConflictRecord &r) {
        return r.entityId == tasks.at(1) && r.rule == u"edit-beats-delete"_s && r.status == u"settled"_s;
    }));
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "tst_syncend2end.moc"
