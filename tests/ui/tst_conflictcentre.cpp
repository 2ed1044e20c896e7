// The conflict centre, the compact form and the audit trail, on real conflicts made by two
// devices syncing through a real tidemark-server: what each device shows, and that a choice or
// an undo made in the window reaches the other device.
#include "../serverprocess.h"

#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/conflicts/auditdialog.h"
#include "ui/conflicts/conflictcentre.h"
#include "ui/shell/mainwindow.h"
#include "ui/conflicts/mergedialog.h"
#include "ui/shell/sidebarmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QSplitter>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

using namespace tidemark;
using model::Kind;
using model::Store;

namespace {

QString sentenceOf(QWidget *card) { return card->findChild<QLabel *>(u"sentence"_s)->text(); }

// The first card whose sentence contains `text`.
QWidget *cardSaying(ui::ConflictCentre &centre, const QString &text)
{
    for (QWidget *card : centre.cards()) {
        if (sentenceOf(card).contains(text))
            return card;
    }
    return nullptr;
}

// Runs `drive` on the merge dialog once it is open (it is modal); rejects it if still open.
void whenMergeDialogOpens(const std::function<void(ui::MergeDialog *)> &drive)
{
    QTimer::singleShot(0, [drive] {
        auto *dialog = qobject_cast<ui::MergeDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            whenMergeDialogOpens(drive);
            return;
        }
        const auto guard = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        drive(dialog);
    });
}

} // namespace

class TestConflictCentre final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aResolvedTextReachesTheSecondDeviceWithItsAuditEntry();
    void undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices();
    void fieldConflictsUseTheCompactForm();
    void theAuditTrailKeepsItsSizeAndRoomForDetails();
    void theAuditTrailFiltersAndExplains();
    void theSidebarShowsTheCentreWithALiveCount();

private:
    struct Device
    {
        std::unique_ptr<Store> store;
        QString token;
    };
    Device device(const QString &name, const QString &label);
    bool sync(Device &d);
    /// Laptop and phone rename one task apart; the phone's is later and wins.
    QString renameApart(Device &laptop, Device &phone);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    QUrl m_url;
    bool m_registered = false;
};

void TestConflictCentre::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.filePath(u"settings"_s));
    QCoreApplication::setOrganizationName(u"TidemarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_conflictcentre"_s);
    ui::Appearance::applyLanguage();
}

void TestConflictCentre::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_registered = false;
    const int port = test::startServer(m_server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

void TestConflictCentre::cleanup()
{
    m_server.kill();
    m_server.waitForFinished();
    m_dir.reset();
}

TestConflictCentre::Device TestConflictCentre::device(const QString &name, const QString &label)
{
    Device d;
    auto store = Store::open(m_dir->filePath(name + u".db"_s));
    if (!store)
        return d;
    d.store = std::move(*store);
    (void)d.store->setDeviceName(label);
    if (!std::exchange(m_registered, true))
        (void)client::account::registerAccount(m_url, u"anna"_s, u"correct horse"_s);
    d.token = client::account::logIn(m_url, u"anna"_s, u"correct horse"_s, name).value_or(QString());
    return d;
}

bool TestConflictCentre::sync(Device &d)
{
    client::HttpTransport transport(m_url, d.token, 10000);
    client::SyncCycle cycle(*d.store, transport);
    const auto report = cycle.run();
    if (!report)
        qWarning("sync failed: %s", qPrintable(report.error().message));
    return report.has_value();
}

QString TestConflictCentre::renameApart(Device &laptop, Device &phone)
{
    const auto task = laptop.store->create(Kind::Task, {{u"title"_s, u"Groceries"_s}});
    if (!task || !sync(laptop) || !sync(phone) || !laptop.store->update(task->id, {{u"title"_s, u"Groceries for Saturday"_s}}))
        return {};
    QTest::qWait(5);
    if (!phone.store->update(task->id, {{u"title"_s, u"Shopping"_s}}) || !sync(laptop) || !sync(phone) || !sync(laptop))
        return {};
    return task->id;
}

void TestConflictCentre::aResolvedTextReachesTheSecondDeviceWithItsAuditEntry()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    Device phone = device(u"phone"_s, u"Phone"_s);
    const auto note = laptop.store->create(Kind::Note, {{u"title"_s, u"Weekend"_s}, {u"body"_s, u"Weekend\nmeet at 10\nbring cake\n"_s}});
    QVERIFY(note && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(note->id, {{u"body"_s, u"Weekend\nmeet at 11\nbring cake\n"_s}}));
    QVERIFY(phone.store->update(note->id, {{u"body"_s, u"Weekend\nmeet at 9\nbring cake\n"_s}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));

    // The phone's centre: one open conflict, in words, naming the laptop, with Resolve….
    ui::ConflictCentre centre(phone.store.get());
    centre.resize(700, 500);
    centre.show();
    QWidget *card = cardSaying(centre, u"Waiting for you"_s);
    QVERIFY(card);
    QVERIFY2(sentenceOf(card).contains(u"Laptop"_s) && sentenceOf(card).contains(u"“Weekend”"_s), qPrintable(sentenceOf(card)));
    QVERIFY(card->findChild<QLabel *>(u"rule"_s)->text().contains(u"edits of the same lines wait for you"_s));

    // Resolve… opens the merge dialog; the phone's owner edits the Result and resolves.
    bool drove = false;
    whenMergeDialogOpens([&drove](ui::MergeDialog *dialog) {
        dialog->findChild<QPushButton *>(u"takeTheirs"_s)->click();
        QCOMPARE(dialog->resultText(), u"Weekend\nmeet at 11\nbring cake\n"_s);
        dialog->findChild<QPushButton *>(u"resolve"_s)->click();
        drove = true;
    });
    card->findChild<QPushButton *>(u"resolveButton"_s)->click();
    QVERIFY(drove);
    QCOMPARE(phone.store->entity(note->id)->string(u"body"_s), u"Weekend\nmeet at 11\nbring cake\n"_s);
    QCOMPARE(phone.store->pendingCount(), 1); // one operation, syncing like any edit
    QTRY_VERIFY(!cardSaying(centre, u"Waiting for you"_s));

    // After syncing, the laptop shows the resolved text, and its audit trail the phone's choice.
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->entity(note->id)->string(u"body"_s), u"Weekend\nmeet at 11\nbring cake\n"_s);
    ui::AuditDialog audit(laptop.store.get());
    audit.show();
    QTreeWidget *table = audit.table();
    QTreeWidgetItem *choice = nullptr;
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (table->topLevelItem(i)->text(3) == u"a person's choice"_s)
            choice = table->topLevelItem(i);
    }
    QVERIFY(choice);
    QCOMPARE(choice->text(1), u"Weekend"_s);
    QVERIFY(choice->text(5).contains(u"Phone"_s));
    table->setCurrentItem(choice);
    const QString details = audit.findChild<QLabel *>(u"auditDetails"_s)->text();
    QVERIFY2(details.contains(u"Phone"_s) && details.contains(u"Weekend"_s), qPrintable(details));
    QVERIFY2(details.contains(u"It settled:"_s), qPrintable(details));
}

void TestConflictCentre::undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    Device phone = device(u"phone"_s, u"Phone"_s);
    const QString id = renameApart(laptop, phone);
    QVERIFY(!id.isEmpty());
    QCOMPARE(laptop.store->entity(id)->string(u"title"_s), u"Shopping"_s);

    // The laptop's centre explains the automatic decision and offers the other title back.
    ui::ConflictCentre centre(laptop.store.get());
    centre.resize(700, 500);
    centre.show();
    QWidget *card = cardSaying(centre, u"the later one was kept"_s);
    QVERIFY(card);
    const QString sentence = sentenceOf(card);
    QVERIFY2(sentence.contains(u"Title of “Shopping” changed on this device at"_s) && sentence.contains(u"and on Phone at"_s)
                 && sentence.endsWith(u"the later one was kept: “Shopping”."_s),
             qPrintable(sentence));
    QPushButton *useOther = card->findChild<QPushButton *>(u"useOtherButton"_s);
    QVERIFY(useOther);
    QVERIFY(useOther->toolTip().contains(u"“Groceries for Saturday”"_s));
    useOther->click();
    QCOMPARE(laptop.store->entity(id)->string(u"title"_s), u"Groceries for Saturday"_s);

    // Synced: the other title is back on both, and the phone's centre has the laptop's choice,
    // which it could undo in turn.
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(phone.store->entity(id)->string(u"title"_s), u"Groceries for Saturday"_s);
    ui::ConflictCentre onPhone(phone.store.get());
    QWidget *choice = cardSaying(onPhone, u"was decided on Laptop"_s);
    QVERIFY(choice);
    QVERIFY2(sentenceOf(choice).contains(u"“Groceries for Saturday” kept"_s), qPrintable(sentenceOf(choice)));
    QVERIFY(choice->findChild<QPushButton *>(u"undoButton"_s));

    // A dark scheme redraws the cards dark, so their light text stays readable.
    const QPalette dark = ui::Appearance::darkPalette();
    onPhone.setPalette(dark);
    QTRY_VERIFY(!onPhone.cards().isEmpty() && onPhone.cards().first()->palette().color(QPalette::Window).lightness() < 80);
    QWidget *first = onPhone.cards().first();
    QVERIFY(first->findChild<QLabel *>(u"sentence"_s)->palette().color(QPalette::WindowText).lightness()
            - first->palette().color(QPalette::Window).lightness() > 120);
}

void TestConflictCentre::fieldConflictsUseTheCompactForm()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    Device phone = device(u"phone"_s, u"Phone"_s);
    QVERIFY(laptop.store->setConflictPolicies({{u"title"_s, u"ask"_s}, {u"priority"_s, u"ask"_s}}));
    QVERIFY(sync(laptop));
    const auto task = laptop.store->create(Kind::Task, {{u"title"_s, u"Plan"_s}});
    QVERIFY(task && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{u"title"_s, u"Plan A"_s}, {u"priority"_s, 3}}));
    QVERIFY(phone.store->update(task->id, {{u"title"_s, u"Plan B"_s}, {u"priority"_s, 1}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->conflictRecords(true)->size(), 2);

    ui::ConflictCentre centre(laptop.store.get());
    QWidget *card = cardSaying(centre, u"Title of"_s);
    QVERIFY(card);
    QVERIFY2(sentenceOf(card).contains(u"(“Plan A”)"_s) && sentenceOf(card).contains(u"(“Plan B”)"_s), qPrintable(sentenceOf(card)));
    bool drove = false;
    bool titleFirst = false;
    whenMergeDialogOpens([&drove, &titleFirst](ui::MergeDialog *dialog) {
        titleFirst = dialog->findChild<QRadioButton *>(u"scalarMine0"_s)->text().contains(u"Plan A"_s);
        // No text panes: one choice per field, and Resolve waits for both.
        QVERIFY(!dialog->findChild<QWidget *>(u"resultPane"_s)->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(u"keepBoth"_s)->isVisible());
        QPushButton *resolve = dialog->findChild<QPushButton *>(u"resolve"_s);
        QVERIFY(!resolve->isEnabled());
        QRadioButton *first = dialog->findChild<QRadioButton *>(u"scalarTheirs0"_s);
        QRadioButton *second = dialog->findChild<QRadioButton *>(u"scalarMine1"_s);
        QVERIFY(first && second);
        first->click();
        QVERIFY(!resolve->isEnabled());
        second->click();
        QVERIFY(resolve->isEnabled());
        resolve->click();
        drove = true;
    });
    card->findChild<QPushButton *>(u"resolveButton"_s)->click();
    QVERIFY(drove);
    // The first field took theirs (the phone's), the second mine (the laptop's).
    const auto e = laptop.store->entity(task->id);
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    QCOMPARE(e->string(u"title"_s), titleFirst ? u"Plan B"_s : u"Plan A"_s);
    QCOMPARE(e->fields.value(u"priority"_s).toInt(), titleFirst ? 3 : 1);
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(phone.store->entity(task->id)->fields, laptop.store->entity(task->id)->fields);
}

void TestConflictCentre::theAuditTrailKeepsItsSizeAndRoomForDetails()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    QList<int> sizes;
    {
        ui::AuditDialog audit(laptop.store.get());
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        auto *split = audit.findChild<QSplitter *>(u"auditSplit"_s);
        QVERIFY(split);
        QVERIFY2(split->sizes().at(1) >= 120, qPrintable(QString::number(split->sizes().at(1))));
        audit.resize(720, 540); // within the test screen, which a restored geometry is kept inside
        split->setSizes({250, 330});
        QApplication::processEvents();
        sizes = split->sizes();
        audit.close();
    }
    ui::AuditDialog again(laptop.store.get());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(720, 540));
    QCOMPARE(again.findChild<QSplitter *>(u"auditSplit"_s)->sizes(), sizes);
}

void TestConflictCentre::theAuditTrailFiltersAndExplains()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    Device phone = device(u"phone"_s, u"Phone"_s);
    const QString first = renameApart(laptop, phone);
    const QString second = renameApart(laptop, phone);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    ui::AuditDialog audit(laptop.store.get());
    audit.show();
    QTreeWidget *table = audit.table();
    const auto shown = [table] {
        int rows = 0;
        for (int i = 0; i < table->topLevelItemCount(); ++i)
            rows += !table->topLevelItem(i)->isHidden();
        return rows;
    };
    QCOMPARE(shown(), 2);
    audit.setItemFilter(first);
    QCOMPARE(shown(), 1);
    auto *outcome = audit.findChild<QComboBox *>(u"outcomeFilter"_s);
    outcome->setCurrentIndex(outcome->findData(u"open"_s));
    QCOMPARE(outcome->currentData().toString(), QString()); // nothing open: not offered
    auto *device = audit.findChild<QComboBox *>(u"deviceFilter"_s);
    QVERIFY(device->findText(u"Phone"_s) > 0 && device->findText(u"this device"_s) > 0);
    // Details: both values, the base, the rule and who decided.
    table->setCurrentItem(nullptr);
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (!table->topLevelItem(i)->isHidden())
            table->setCurrentItem(table->topLevelItem(i));
    }
    const QString details = audit.findChild<QLabel *>(u"auditDetails"_s)->text();
    for (const QString &part : {u"Groceries for Saturday"_s, u"Shopping"_s, u"Base:"_s, u"“Groceries”"_s, u"the later edit wins"_s,
                                u"the rule, when the server met both sides"_s})
        QVERIFY2(details.contains(part.toHtmlEscaped()), qPrintable(part + u" not in "_s + details));
    // From the trail, the rule's decision takes its other value: the title back, and the choice
    // an event of its own at once (the next sync brings the same event, not a second one).
    QPushButton *undo = audit.findChild<QPushButton *>(u"undoResolution"_s);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"Use the Other Value"_s);
    undo->click();
    QCOMPARE(laptop.store->entity(first)->string(u"title"_s), u"Groceries for Saturday"_s);
    audit.setItemFilter(first);
    QCOMPARE(shown(), 2);
    QVERIFY(sync(laptop));
    audit.reload();
    audit.setItemFilter(first);
    QCOMPARE(shown(), 2);
    // The choice, selected, is undone: "Shopping" back, the rule's decision standing again; the
    // choice says "undone" and offers no second undo.
    const auto select = [&](const QString &rule) {
        for (int i = 0; i < table->topLevelItemCount(); ++i) {
            QTreeWidgetItem *row = table->topLevelItem(i);
            if (!row->isHidden() && row->text(3).contains(rule))
                table->setCurrentItem(row);
        }
    };
    select(u"a person's choice"_s);
    QCOMPARE(undo->text(), u"Undo This Choice"_s);
    QVERIFY(undo->isEnabled());
    undo->click();
    QCOMPARE(laptop.store->entity(first)->string(u"title"_s), u"Shopping"_s);
    audit.setItemFilter(first);
    QCOMPARE(shown(), 3); // the rule's decision, the choice and its undo
    select(u"a person's choice"_s);
    QVERIFY(!undo->isEnabled());
    QVERIFY(audit.findChild<QLabel *>(u"auditDetails"_s)->text().contains(u"Undone since."_s));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(phone.store->entity(first)->string(u"title"_s), u"Shopping"_s);
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
}

void TestConflictCentre::theSidebarShowsTheCentreWithALiveCount()
{
    Device laptop = device(u"laptop"_s, u"Laptop"_s);
    Device phone = device(u"phone"_s, u"Phone"_s);
    ui::MainWindow window(laptop.store.get());
    window.resize(1100, 700);
    window.show();
    window.selectView(u"view:conflicts"_s);
    QVERIFY(window.conflictCentre()->isVisible());
    QVERIFY(!window.editorPane()->isVisible());
    const auto badge = [&window] {
        return window.sidebarModel()->index(window.sidebarModel()->indexOfKey(u"view:conflicts"_s).row(), 0,
                                            window.sidebarModel()->indexOfKey(u"view:conflicts"_s).parent())
            .data(ui::SidebarModel::CountRole)
            .toInt();
    };
    QCOMPARE(badge(), 0);

    const auto note = laptop.store->create(Kind::Note, {{u"body"_s, u"a\nb\n"_s}});
    QVERIFY(note && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(note->id, {{u"body"_s, u"a\nB1\n"_s}}));
    QVERIFY(phone.store->update(note->id, {{u"body"_s, u"a\nB2\n"_s}}));
    QVERIFY(sync(phone) && sync(laptop));
    QTRY_COMPARE(badge(), 1);
    QTRY_VERIFY(cardSaying(*window.conflictCentre(), u"Waiting for you"_s));

    // Open takes the person to the note, in the list and editor again.
    cardSaying(*window.conflictCentre(), u"Waiting for you"_s)->findChild<QPushButton *>(u"openButton"_s)->click();
    QTRY_COMPARE(window.openItemId(), note->id);
    QVERIFY(window.editorPane()->isVisible());
    QVERIFY(!window.conflictCentre()->isVisible());
}

QTEST_MAIN(TestConflictCentre)
#include "tst_conflictcentre.moc"
