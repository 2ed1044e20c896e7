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

using namespace tidemark;
using client::TransportError;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
} // namespace

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
    const int port = test::startServer(*m_server, m_dir->filePath(s("server.db")));
    m_url = QUrl(s("http://127.0.0.1:%1").arg(port));
    return port > 0;
}

TestSyncEndToEnd::Device TestSyncEndToEnd::device(const QString &name)
{
    Device d;
    auto store = model::Store::open(m_dir->filePath(name + s(".db")));
    if (!store)
        return d;
    d.store = std::move(*store);
    if (!std::exchange(m_registered, true))
        client::account::registerAccount(m_url, s("anna"), s("correct horse"));
    d.token = client::account::logIn(m_url, s("anna"), s("correct horse"), name).value_or(QString());
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
    const auto note = laptop.store->create(model::Kind::Note, {{s("body"), s("meet at 10\n")}});
    if (!note || !sync(laptop) || !sync(phone) || !laptop.store->update(note->id, {{s("body"), s("meet at 11\n")}})
        || !phone.store->update(note->id, {{s("body"), s("meet at 9\n")}}) || !sync(laptop) || !sync(phone) || !sync(laptop))
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
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    QVERIFY(laptop.store && !laptop.token.isEmpty() && phone.store && !phone.token.isEmpty());

    QStringList ids;
    const auto inbox = laptop.store->create(model::Kind::Collection, {{s("name"), s("Inbox")}});
    QVERIFY(inbox);
    ids << inbox->id;
    for (int i = 0; i < 12; ++i) {
        const auto note = laptop.store->create(model::Kind::Note, {{s("title"), s("Note %1").arg(i)},
                                                                   {s("body"), s("line %1\n").arg(i)},
                                                                   {s("collection"), inbox->id}});
        QVERIFY(note);
        ids << note->id;
    }
    const auto task = phone.store->create(model::Kind::Task, {{s("title"), s("Call mum")}, {s("priority"), 2},
                                                              {s("tags"), QJsonArray{s("family")}}});
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
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = laptop.store->create(model::Kind::Note, {{s("title"), s("Groceries")}, {s("body"), s("milk\neggs\n")}});
    QVERIFY(sync(laptop) && sync(phone));
    // Both offline: each changes its own line.
    QVERIFY(laptop.store->update(note->id, {{s("body"), s("milk\neggs\nbread\n")}}));
    QVERIFY(phone.store->update(note->id, {{s("body"), s("oat milk\neggs\n")}, {s("title"), s("Shopping")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(phone.last.merged, 1);
    QCOMPARE(visible(*laptop.store, note->id).value(s("body")).toString(), s("oat milk\neggs\nbread\n"));
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    QCOMPARE(visible(*laptop.store, note->id).value(s("title")).toString(), s("Shopping"));
}

void TestSyncEndToEnd::overlappingEditsKeepBothSides()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    QCOMPARE(phone.last.conflicts, 1);
    // The server's text stays on both devices; the other side is in the conflict record.
    QCOMPARE(visible(*phone.store, note->id).value(s("body")).toString(), s("meet at 11\n"));
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    const auto records = laptop.last.conflictRecords + phone.last.conflictRecords;
    QVERIFY(std::ranges::any_of(records, [](const QJsonObject &r) {
        return r.value(s("status")).toString() == s("open") && r.value(s("incoming")).toString() == s("meet at 9\n");
    }));
}

void TestSyncEndToEnd::aChoiceOfTheValueAlreadyThereCanBeUndone()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    // The phone keeps the text the server kept (the laptop's): the choice changes no value…
    const auto open = phone.store->conflictRecords(true);
    QCOMPARE(open->first().theirs.toString(), s("meet at 11\n"));
    QVERIFY(model::Decisions(*phone.store).decide(open->first().id, model::Decisions::Take::Theirs));
    QVERIFY(sync(phone) && sync(laptop));
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    // …and yet it can be undone, from either device: the text stays what it was before the
    // choice, and the conflict waits again on both devices, with both sides as they were.
    const auto records = laptop.store->conflictRecords();
    const auto choice = std::ranges::find_if(*records, [](const model::ConflictRecord &r) { return r.isResolution(); });
    QVERIFY(choice != records->end());
    model::Decisions onLaptop(*laptop.store);
    QCOMPARE(onLaptop.undoPreview(*choice).value_or(QJsonValue()), QJsonValue(s("meet at 11\n")));
    QVERIFY(onLaptop.undo(choice->id));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(s("body")).toString(), s("meet at 11\n"));
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    const auto reopened = phone.store->conflictRecords(true);
    QCOMPARE(reopened->size(), 1);
    QCOMPARE(reopened->first().id, open->first().id);
    QCOMPARE(reopened->first().mine.toString(), s("meet at 9\n"));
    QCOMPARE(reopened->first().theirs.toString(), s("meet at 11\n"));
    QCOMPARE(laptop.store->conflictRecords(true)->size(), 1);
}

void TestSyncEndToEnd::undoingAMergedChoicePutsBackWhatStoodAndReopensTheConflict()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    const auto open = phone.store->conflictRecords(true);
    QCOMPARE(open->size(), 1);
    const model::ConflictRecord conflict = open->first();

    // Decided on the phone with a text merged by hand, synced to the laptop.
    model::Decisions onPhone(*phone.store);
    QVERIFY(onPhone.decide({{conflict.id, s("meet at 9 or 11\n")}}));
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
    QCOMPARE(visible(*laptop.store, note->id).value(s("body")).toString(), s("meet at 9 or 11\n"));
    QCOMPARE(std::ranges::count_if(*phone.store->conflictRecords(), [](const model::ConflictRecord &r) { return r.isResolution(); }), 1);
    QCOMPARE(mark(*laptop.store, choiceId).rule, s("resolution"));

    // Undone on the phone: exactly what stood before the choice (the server's text, which the
    // note showed while the conflict was open), and the conflict open again with both sides.
    QCOMPARE(onPhone.undoPreview(mark(*phone.store, choiceId)).value_or(QJsonValue()), QJsonValue(s("meet at 11\n")));
    const auto undone = onPhone.undo(choiceId);
    QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
    QCOMPARE(undone->fields.value(s("body")).toString(), s("meet at 11\n"));
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    QCOMPARE(mark(*phone.store, choiceId).status, s("undone"));
    // No second undo of it, here or on the laptop.
    QVERIFY(!onPhone.undoPreview(mark(*phone.store, choiceId)));
    QCOMPARE(onPhone.actionFor(mark(*phone.store, choiceId)), model::Decisions::Action::None);
    QVERIFY(!onPhone.undo(choiceId));
    QVERIFY(sync(phone) && sync(laptop) && sync(phone));
    for (Device *d : {&laptop, &phone}) {
        QCOMPARE(visible(*d->store, note->id).value(s("body")).toString(), s("meet at 11\n"));
        const auto reopened = d->store->conflictRecords(true);
        QCOMPARE(reopened->size(), 1);
        QCOMPARE(reopened->first().id, conflict.id);
        QCOMPARE(mark(*d->store, choiceId).status, s("undone"));
        const auto all = d->store->conflictRecords();
        QCOMPARE(std::ranges::count_if(*all, [&](const model::ConflictRecord &r) { return r.isUndo() && r.settles == choiceId; }), 1);
        QVERIFY(!model::Decisions(*d->store).undoPreview(mark(*d->store, choiceId)));
    }
    // The reopened conflict is decided again like any other.
    QCOMPARE(mark(*phone.store, conflict.id).mine.toString(), s("meet at 9\n"));
    QVERIFY(onPhone.decide(conflict.id, model::Decisions::Take::Mine));
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, note->id).value(s("body")).toString(), s("meet at 9\n"));
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
}

void TestSyncEndToEnd::aChoiceUndoneBeforeItSyncsNeverLeavesTheDevice()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = overlap(laptop, phone);
    QVERIFY(note);
    const auto open = phone.store->conflictRecords(true);
    model::Decisions onPhone(*phone.store);
    QVERIFY(onPhone.decide({{open->first().id, s("meet at 9 or 11\n")}}));
    const auto all = phone.store->conflictRecords();
    const auto choice = std::ranges::find_if(*all, [](const model::ConflictRecord &r) { return r.isResolution(); });
    QVERIFY(choice != all->end());
    QVERIFY(onPhone.undo(choice->id));
    QCOMPARE(visible(*phone.store, note->id).value(s("body")).toString(), s("meet at 11\n"));
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
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto task = laptop.store->create(model::Kind::Task, {{s("title"), s("Renew passport")}});
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->trash(task->id));
    QVERIFY(phone.store->update(task->id, {{s("title"), s("Renew passport before March")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    for (const Device *d : {&laptop, &phone}) {
        QVERIFY(!visible(*d->store, task->id).value(s("deleted")).toBool());
        QCOMPARE(visible(*d->store, task->id).value(s("title")).toString(), s("Renew passport before March"));
    }
}

void TestSyncEndToEnd::anInterruptedPushIsSentAgainAndAppliedOnce()
{
    Device laptop = device(s("laptop"));
    QStringList ids;
    for (int i = 0; i < 20; ++i)
        ids << laptop.store->create(model::Kind::Note, {{s("title"), s("n%1").arg(i)}})->id;
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
    Device phone = device(s("phone"));
    QVERIFY(sync(phone));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(visible(*phone.store, id), visible(*laptop.store, id));
}

void TestSyncEndToEnd::aRevokedTokenAsksToSignInAndLosesNothing()
{
    Device laptop = device(s("laptop"));
    QVERIFY(laptop.store->create(model::Kind::Note, {{s("title"), s("Draft")}}));
    QVERIFY(client::account::logOut(m_url, laptop.token));
    const auto refused = trySync(laptop);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, TransportError::Kind::SignInAgain);
    QCOMPARE(laptop.store->pendingCount(), 1);
    const auto again = client::account::logIn(m_url, s("anna"), s("correct horse"), s("laptop"));
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    laptop.token = *again;
    QVERIFY(sync(laptop));
    QCOMPARE(laptop.store->pendingCount(), 0);
}

void TestSyncEndToEnd::aConflictIsResolvedOnOneDeviceAndUndoneOnAnother()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto note = overlap(laptop, phone);
    QVERIFY(note);

    // Both devices list the open conflict, each with its own side as "mine".
    const auto onPhone = phone.store->conflictRecords(true);
    const auto onLaptop = laptop.store->conflictRecords(true);
    QCOMPARE(onPhone->size(), 1);
    QCOMPARE(onLaptop->size(), 1);
    QCOMPARE(onPhone->first().id, onLaptop->first().id);
    QCOMPARE(onPhone->first().mine.toString(), s("meet at 9\n"));
    QCOMPARE(onPhone->first().theirs.toString(), s("meet at 11\n"));
    QCOMPARE(onLaptop->first().mine.toString(), s("meet at 11\n"));
    // Each knows what both sides changed from, when the server met them and, where the other
    // side's change arrived from another device, which one.
    QCOMPARE(onPhone->first().base.toString(), s("meet at 10\n"));
    QCOMPARE(onLaptop->first().base.toString(), s("meet at 10\n"));
    QVERIFY(!onLaptop->first().device.isEmpty());
    QVERIFY(onPhone->first().device.isEmpty()); // the phone's own change was the one that arrived
    QVERIFY(qAbs(onLaptop->first().at - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QCOMPARE(phone.store->items({model::ItemFilter::Type::Conflicts, {}})->size(), 1); // the Conflicts view lists the note

    // The phone keeps its own side; after syncing, both show it and nothing is open.
    QVERIFY(model::Decisions(*phone.store).decide(onPhone->first().id, model::Decisions::Take::Mine));
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, note->id).value(s("body")).toString(), s("meet at 9\n"));
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    const auto all = laptop.store->conflictRecords();
    QCOMPARE(all->first().rule, s("resolution")); // the choice is an event of its own
    QVERIFY(std::ranges::any_of(*all, [](const model::ConflictRecord &r) { return r.rule == s("text-overlap") && r.status == s("resolved"); }));

    // The laptop's owner undoes that choice: what stood before it comes back everywhere, and
    // the conflict waits again.
    model::Decisions laptopDecides(*laptop.store);
    QCOMPARE(laptopDecides.undoPreview(all->first()).value_or(QJsonValue()), QJsonValue(s("meet at 11\n")));
    QVERIFY(laptopDecides.undo(all->first().id));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(s("body")).toString(), s("meet at 11\n"));
    QCOMPARE(phone.store->conflictRecords(true)->size(), 1);
    // Then decides for its own side: nothing open anywhere.
    QVERIFY(laptopDecides.decide(laptopDecides.openConflicts(note->id)->shown.first().id, model::Decisions::Take::Mine)); // "meet at 11"
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(visible(*phone.store, note->id).value(s("body")).toString(), s("meet at 11\n"));
    QCOMPARE(visible(*laptop.store, note->id), visible(*phone.store, note->id));
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
}

void TestSyncEndToEnd::scalarsTagsAndOtherFieldsFollowTheRules()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    const auto task = laptop.store->create(model::Kind::Task, {{s("title"), s("Tax return")}, {s("tags"), QJsonArray{s("admin")}}});
    QVERIFY(sync(laptop) && sync(phone));
    // Apart: both rename (the phone later), each adds a tag, the laptop removes "admin", and
    // they change different fields (priority here, due there).
    QVERIFY(laptop.store->update(task->id, {{s("title"), s("Tax return 2026")}, {s("tags"), QJsonArray{s("money")}},
                                            {s("priority"), 3}}));
    QTest::qWait(5); // the phone's edit is the later one by the clock
    QVERIFY(phone.store->update(task->id, {{s("title"), s("Taxes")}, {s("tags"), QJsonArray{s("admin"), s("urgent")}},
                                           {s("due"), s("2026-12-31")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    const QJsonObject result = visible(*laptop.store, task->id);
    QCOMPARE(result, visible(*phone.store, task->id));
    QCOMPARE(result.value(s("title")).toString(), s("Taxes"));        // scalar: the later edit wins
    QCOMPARE(result.value(s("priority")).toInt(), 3);                 // different fields: both apply
    QCOMPARE(result.value(s("due")).toString(), s("2026-12-31"));
    QStringList tags;
    for (const QJsonValue &tag : result.value(s("tags")).toArray())
        tags << tag.toString();
    tags.sort();
    // Tags: what either side added stays ("money", "urgent"); what one side removed goes unless
    // the other added it again ("admin" was only kept, never re-added, by the phone).
    QCOMPARE(tags, (QStringList{s("money"), s("urgent")}));
    // The losing title is in the log, decided, with "use this instead" possible.
    const auto records = laptop.store->conflictRecords();
    QVERIFY(std::ranges::any_of(*records, [](const model::ConflictRecord &r) {
        return r.rule == s("scalar-later-wins") && r.status == s("settled") && r.field == s("title");
    }));
}

void TestSyncEndToEnd::undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    QVERIFY(laptop.store->setDeviceName(s("Laptop")));
    QVERIFY(phone.store->setDeviceName(s("Phone")));
    const auto task = laptop.store->create(model::Kind::Task, {{s("title"), s("Groceries")}});
    QVERIFY(task);
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{s("title"), s("Groceries for Saturday")}}));
    QTest::qWait(5); // the phone's rename is the later one
    QVERIFY(phone.store->update(task->id, {{s("title"), s("Shopping")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(visible(*laptop.store, task->id).value(s("title")).toString(), s("Shopping"));

    // The laptop names the phone in the event and in the item's history, and knows which title
    // an undo brings back.
    const auto records = laptop.store->conflictRecords();
    const auto decided = std::ranges::find_if(*records, [](const model::ConflictRecord &r) {
        return r.rule == s("scalar-later-wins") && r.field == s("title");
    });
    QVERIFY(decided != records->end());
    QCOMPARE(laptop.store->deviceName(decided->device), s("Phone"));
    // Each side with its device and edit time: "on Laptop at 10:02 and on Phone at 10:05".
    QCOMPARE(decided->mineDevice, laptop.store->deviceId());
    QCOMPARE(decided->theirsDevice, phone.store->deviceId());
    QVERIFY(decided->mineAt > 0 && decided->mineAt < decided->theirsAt);
    model::Decisions onLaptop(*laptop.store);
    QCOMPARE(onLaptop.otherValue(*decided).value_or(QJsonValue()), QJsonValue(s("Groceries for Saturday")));
    QCOMPARE(onLaptop.actionFor(*decided), model::Decisions::Action::UseOtherValue);
    const auto history = laptop.store->history(task->id);
    QCOMPARE(history->last().device, phone.store->deviceId());
    QCOMPARE(history->last().snapshot.value(s("title")).toString(), s("Shopping"));
    QVERIFY(qAbs(history->last().at - QDateTime::currentMSecsSinceEpoch()) < 60000);

    // Undo on the laptop: the other title comes back on both devices, and both audit trails
    // show the undo as an event of its own, linked to the decision it replaced, made on the laptop.
    const auto undone = onLaptop.decide({{decided->id, *onLaptop.otherValue(*decided)}});
    QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
    QCOMPARE(undone->fields.value(s("title")).toString(), s("Groceries for Saturday"));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(visible(*phone.store, task->id).value(s("title")).toString(), s("Groceries for Saturday"));
    QCOMPARE(visible(*laptop.store, task->id), visible(*phone.store, task->id));
    for (Device *d : {&laptop, &phone}) {
        const auto events = d->store->conflictRecords();
        const auto undo = std::ranges::find_if(*events, [&](const model::ConflictRecord &r) {
            return r.isResolution() && r.settles == decided->id;
        });
        QVERIFY(undo != events->end());
        QCOMPARE(d->store->deviceName(undo->device.isEmpty() ? d->store->deviceId() : undo->device), s("Laptop"));
    }
    // That choice can itself be undone: "Shopping" comes back, and the rule's decision stands
    // again, as it did, on both devices.
    const auto again = laptop.store->conflictRecords();
    const auto choice = std::ranges::find_if(*again, [&](const model::ConflictRecord &r) { return r.isResolution(); });
    QCOMPARE(onLaptop.undoPreview(*choice).value_or(QJsonValue()), QJsonValue(s("Shopping")));
    QVERIFY(onLaptop.undo(choice->id));
    QVERIFY(sync(laptop) && sync(phone));
    for (Device *d : {&laptop, &phone}) {
        QCOMPARE(visible(*d->store, task->id).value(s("title")).toString(), s("Shopping"));
        const auto events = d->store->conflictRecords();
        QCOMPARE(std::ranges::find(*events, decided->id, &model::ConflictRecord::id)->status, s("settled"));
        QVERIFY(d->store->conflictRecords(true)->isEmpty());
    }
}

void TestSyncEndToEnd::conflictPoliciesFollowTheAccount()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    QVERIFY(laptop.store->setConflictPolicies({{s("title"), s("ask")}, {s("due"), s("later-wins")}}));
    QVERIFY(!laptop.store->setConflictPolicies({{s("title"), s("sometimes")}})); // refused, nothing changed
    QCOMPARE(laptop.store->conflictPolicies(), (QJsonObject{{s("title"), s("ask")}}));
    QVERIFY(laptop.store->policiesToSend());
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(!laptop.store->policiesToSend());
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{s("title"), s("ask")}}));

    // With "always ask me" for titles, two renames wait for a person instead of the later winning.
    const auto task = laptop.store->create(model::Kind::Task, {{s("title"), s("Plan")}});
    QVERIFY(sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{s("title"), s("Plan A")}}));
    QTest::qWait(5);
    QVERIFY(phone.store->update(task->id, {{s("title"), s("Plan B")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    const auto open = laptop.store->conflictRecords(true);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().field, s("title"));

    // Back to the default for titles, from the phone this time, and then, before any sync, due
    // dates ask: both changes reach the laptop.
    QVERIFY(phone.store->setConflictPolicies({}));
    QCOMPARE(phone.store->conflictPolicies(), QJsonObject{});
    QVERIFY(phone.store->setConflictPolicies({{s("due"), s("ask")}}));
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{s("due"), s("ask")}}));
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->conflictPolicies(), (QJsonObject{{s("due"), s("ask")}}));
    QCOMPARE(phone.store->conflictPolicies(), (QJsonObject{{s("due"), s("ask")}}));
}

void TestSyncEndToEnd::threeDevicesFollowTheRestOfTheRules()
{
    Device laptop = device(s("laptop"));
    Device phone = device(s("phone"));
    Device tablet = device(s("tablet"));
    const auto list = laptop.store->create(model::Kind::Collection, {{s("name"), s("Errands")}});
    QVERIFY(list);
    const auto note = laptop.store->create(model::Kind::Note, {{s("title"), s("Plan")}, {s("body"), s("a\nb\nc\n")}});
    QStringList tasks;
    for (const char *title : {"one", "two", "three"})
        tasks << laptop.store->create(model::Kind::Task, {{s("title"), QLatin1StringView(title)}, {s("collection"), list->id}})->id;
    QVERIFY(note && sync(laptop) && sync(phone) && sync(tablet));

    // Apart, all three:
    // - same value: the laptop and the phone both fix the title the same way;
    QVERIFY(laptop.store->update(note->id, {{s("title"), s("Plan v2")}}));
    QVERIFY(phone.store->update(note->id, {{s("title"), s("Plan v2")}}));
    // - different fields: the tablet pins it;
    QVERIFY(tablet.store->update(note->id, {{s("pinned"), true}}));
    // - manual order: the laptop moves "three" first, the phone (later) moves it between one and two;
    QVERIFY(laptop.store->reorder(tasks.at(2), {}, tasks.at(0)));
    QTest::qWait(5);
    QVERIFY(phone.store->reorder(tasks.at(2), tasks.at(0), tasks.at(1)));
    // - delete against edit: the tablet deletes "two", which the laptop renames.
    QVERIFY(tablet.store->trash(tasks.at(1)));
    QVERIFY(laptop.store->update(tasks.at(1), {{s("title"), s("two, but later")}}));
    // - a new entity: the tablet adds one.
    const auto added = tablet.store->create(model::Kind::Task, {{s("title"), s("four")}, {s("collection"), list->id}});
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
    QCOMPARE(plan.value(s("title")).toString(), s("Plan v2"));      // same value: no conflict
    QCOMPARE(plan.value(s("pinned")).toBool(), true);               // different fields: both
    QVERIFY(!visible(*tablet.store, tasks.at(1)).value(s("deleted")).toBool()); // the edit beat the delete
    QCOMPARE(visible(*tablet.store, tasks.at(1)).value(s("title")).toString(), s("two, but later"));
    QCOMPARE(visible(*laptop.store, added->id).value(s("title")).toString(), s("four")); // new: applies

    // Order: the phone's move, the later one, holds everywhere: one, three, two, four.
    for (Device *d : {&laptop, &phone, &tablet}) {
        QStringList order;
        const auto rows = d->store->items(model::ItemFilter::collection(list->id));
        QList<model::ItemRow> sorted = *rows;
        std::ranges::sort(sorted, [](const model::ItemRow &x, const model::ItemRow &y) { return x.sortKey < y.sortKey; });
        for (const model::ItemRow &row : sorted)
            order << row.title;
        QCOMPARE(order, (QStringList{s("one"), s("three"), s("two, but later"), s("four")}));
    }

    // What each device can read of it: nothing about the title (the same value is no conflict);
    // the delete that lost is in the log, settled.
    for (Device *d : {&laptop, &phone, &tablet}) {
        const auto records = d->store->conflictRecords();
        QVERIFY(records);
        QVERIFY(std::ranges::none_of(*records, [&](const model::ConflictRecord &r) {
            return r.entityId == note->id && r.field == s("title");
        }));
        QVERIFY(std::ranges::none_of(*records, [](const model::ConflictRecord &r) { return r.status == s("open"); }));
    }
    const auto tabletRecords = tablet.store->conflictRecords();
    QVERIFY(std::ranges::any_of(*tabletRecords, [&](const model::ConflictRecord &r) {
        return r.entityId == tasks.at(1) && r.rule == s("edit-beats-delete") && r.status == s("settled");
    }));
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "tst_syncend2end.moc"
