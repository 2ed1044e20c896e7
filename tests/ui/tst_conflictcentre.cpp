// The conflict centre, the compact form and the audit trail, on real conflicts made by two
// devices syncing through a real tidemark-server: what each device shows, and that a choice or
// an undo made in the window reaches the other device.
#include "../serverprocess.h"

#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/auditdialog.h"
#include "ui/conflictcentre.h"
#include "ui/mainwindow.h"
#include "ui/mergedialog.h"
#include "ui/sidebarmodel.h"

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

using namespace tidemark;
using model::Kind;
using model::Store;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString sentenceOf(QWidget *card) { return card->findChild<QLabel *>(s("sentence"))->text(); }

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
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.filePath(s("settings")));
    QCoreApplication::setOrganizationName(s("TidemarkTests"));
    QCoreApplication::setApplicationName(s("tst_conflictcentre"));
    ui::Appearance::applyLanguage();
}

void TestConflictCentre::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_registered = false;
    const int port = test::startServer(m_server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    m_url = QUrl(s("http://127.0.0.1:%1").arg(port));
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
    auto store = Store::open(m_dir->filePath(name + s(".db")));
    if (!store)
        return d;
    d.store = std::move(*store);
    (void)d.store->setDeviceName(label);
    if (!std::exchange(m_registered, true))
        (void)client::account::registerAccount(m_url, s("anna"), s("correct horse"));
    d.token = client::account::logIn(m_url, s("anna"), s("correct horse"), name).value_or(QString());
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
    const auto task = laptop.store->create(Kind::Task, {{s("title"), s("Groceries")}});
    if (!task || !sync(laptop) || !sync(phone) || !laptop.store->update(task->id, {{s("title"), s("Groceries for Saturday")}}))
        return {};
    QTest::qWait(5);
    if (!phone.store->update(task->id, {{s("title"), s("Shopping")}}) || !sync(laptop) || !sync(phone) || !sync(laptop))
        return {};
    return task->id;
}

void TestConflictCentre::aResolvedTextReachesTheSecondDeviceWithItsAuditEntry()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    Device phone = device(s("phone"), s("Phone"));
    const auto note = laptop.store->create(Kind::Note, {{s("title"), s("Weekend")}, {s("body"), s("Weekend\nmeet at 10\nbring cake\n")}});
    QVERIFY(note && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(note->id, {{s("body"), s("Weekend\nmeet at 11\nbring cake\n")}}));
    QVERIFY(phone.store->update(note->id, {{s("body"), s("Weekend\nmeet at 9\nbring cake\n")}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));

    // The phone's centre: one open conflict, in words, naming the laptop, with Resolve….
    ui::ConflictCentre centre(phone.store.get());
    centre.resize(700, 500);
    centre.show();
    QWidget *card = cardSaying(centre, s("Waiting for you"));
    QVERIFY(card);
    QVERIFY2(sentenceOf(card).contains(s("Laptop")) && sentenceOf(card).contains(s("“Weekend”")), qPrintable(sentenceOf(card)));
    QVERIFY(card->findChild<QLabel *>(s("rule"))->text().contains(s("edits of the same lines wait for you")));

    // Resolve… opens the merge dialog; the phone's owner edits the Result and resolves.
    bool drove = false;
    whenMergeDialogOpens([&drove](ui::MergeDialog *dialog) {
        dialog->findChild<QPushButton *>(s("takeTheirs"))->click();
        QCOMPARE(dialog->resultText(), s("Weekend\nmeet at 11\nbring cake\n"));
        dialog->findChild<QPushButton *>(s("resolve"))->click();
        drove = true;
    });
    card->findChild<QPushButton *>(s("resolveButton"))->click();
    QVERIFY(drove);
    QCOMPARE(phone.store->entity(note->id)->string(s("body")), s("Weekend\nmeet at 11\nbring cake\n"));
    QCOMPARE(phone.store->pendingCount(), 1); // one operation, syncing like any edit
    QTRY_VERIFY(!cardSaying(centre, s("Waiting for you")));

    // After syncing, the laptop shows the resolved text, and its audit trail the phone's choice.
    QVERIFY(sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->entity(note->id)->string(s("body")), s("Weekend\nmeet at 11\nbring cake\n"));
    ui::AuditDialog audit(laptop.store.get());
    audit.show();
    QTreeWidget *table = audit.table();
    QTreeWidgetItem *choice = nullptr;
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (table->topLevelItem(i)->text(3) == s("a person's choice"))
            choice = table->topLevelItem(i);
    }
    QVERIFY(choice);
    QCOMPARE(choice->text(1), s("Weekend"));
    QVERIFY(choice->text(5).contains(s("Phone")));
    table->setCurrentItem(choice);
    const QString details = audit.findChild<QLabel *>(s("auditDetails"))->text();
    QVERIFY2(details.contains(s("Phone")) && details.contains(s("Weekend")), qPrintable(details));
    QVERIFY2(details.contains(s("It settled:")), qPrintable(details));
}

void TestConflictCentre::undoingAnAutomaticTitleResolutionPutsTheOtherTitleBackOnBothDevices()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    Device phone = device(s("phone"), s("Phone"));
    const QString id = renameApart(laptop, phone);
    QVERIFY(!id.isEmpty());
    QCOMPARE(laptop.store->entity(id)->string(s("title")), s("Shopping"));

    // The laptop's centre explains the automatic decision and offers the other title back.
    ui::ConflictCentre centre(laptop.store.get());
    centre.resize(700, 500);
    centre.show();
    QWidget *card = cardSaying(centre, s("the later one was kept"));
    QVERIFY(card);
    const QString sentence = sentenceOf(card);
    QVERIFY2(sentence.contains(s("Title of “Shopping” changed on this device at")) && sentence.contains(s("and on Phone at"))
                 && sentence.endsWith(s("the later one was kept: “Shopping”.")),
             qPrintable(sentence));
    QPushButton *useOther = card->findChild<QPushButton *>(s("useOtherButton"));
    QVERIFY(useOther);
    QVERIFY(useOther->toolTip().contains(s("“Groceries for Saturday”")));
    useOther->click();
    QCOMPARE(laptop.store->entity(id)->string(s("title")), s("Groceries for Saturday"));

    // Synced: the other title is back on both, and the phone's centre has the laptop's choice,
    // which it could undo in turn.
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(phone.store->entity(id)->string(s("title")), s("Groceries for Saturday"));
    ui::ConflictCentre onPhone(phone.store.get());
    QWidget *choice = cardSaying(onPhone, s("was decided on Laptop"));
    QVERIFY(choice);
    QVERIFY2(sentenceOf(choice).contains(s("“Groceries for Saturday” kept")), qPrintable(sentenceOf(choice)));
    QVERIFY(choice->findChild<QPushButton *>(s("undoButton")));

    // A dark scheme redraws the cards dark, so their light text stays readable.
    const QPalette dark = ui::Appearance::darkPalette();
    onPhone.setPalette(dark);
    QTRY_VERIFY(!onPhone.cards().isEmpty() && onPhone.cards().first()->palette().color(QPalette::Window).lightness() < 80);
    QWidget *first = onPhone.cards().first();
    QVERIFY(first->findChild<QLabel *>(s("sentence"))->palette().color(QPalette::WindowText).lightness()
            - first->palette().color(QPalette::Window).lightness() > 120);
}

void TestConflictCentre::fieldConflictsUseTheCompactForm()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    Device phone = device(s("phone"), s("Phone"));
    QVERIFY(laptop.store->setConflictPolicies({{s("title"), s("ask")}, {s("priority"), s("ask")}}));
    QVERIFY(sync(laptop));
    const auto task = laptop.store->create(Kind::Task, {{s("title"), s("Plan")}});
    QVERIFY(task && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(task->id, {{s("title"), s("Plan A")}, {s("priority"), 3}}));
    QVERIFY(phone.store->update(task->id, {{s("title"), s("Plan B")}, {s("priority"), 1}}));
    QVERIFY(sync(laptop) && sync(phone) && sync(laptop));
    QCOMPARE(laptop.store->conflictRecords(true)->size(), 2);

    ui::ConflictCentre centre(laptop.store.get());
    QWidget *card = cardSaying(centre, s("Title of"));
    QVERIFY(card);
    QVERIFY2(sentenceOf(card).contains(s("(“Plan A”)")) && sentenceOf(card).contains(s("(“Plan B”)")), qPrintable(sentenceOf(card)));
    bool drove = false;
    bool titleFirst = false;
    whenMergeDialogOpens([&drove, &titleFirst](ui::MergeDialog *dialog) {
        titleFirst = dialog->findChild<QRadioButton *>(s("scalarMine0"))->text().contains(s("Plan A"));
        // No text panes: one choice per field, and Resolve waits for both.
        QVERIFY(!dialog->findChild<QWidget *>(s("resultPane"))->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(s("keepBoth"))->isVisible());
        QPushButton *resolve = dialog->findChild<QPushButton *>(s("resolve"));
        QVERIFY(!resolve->isEnabled());
        QRadioButton *first = dialog->findChild<QRadioButton *>(s("scalarTheirs0"));
        QRadioButton *second = dialog->findChild<QRadioButton *>(s("scalarMine1"));
        QVERIFY(first && second);
        first->click();
        QVERIFY(!resolve->isEnabled());
        second->click();
        QVERIFY(resolve->isEnabled());
        resolve->click();
        drove = true;
    });
    card->findChild<QPushButton *>(s("resolveButton"))->click();
    QVERIFY(drove);
    // The first field took theirs (the phone's), the second mine (the laptop's).
    const auto e = laptop.store->entity(task->id);
    QVERIFY(laptop.store->conflictRecords(true)->isEmpty());
    QCOMPARE(e->string(s("title")), titleFirst ? s("Plan B") : s("Plan A"));
    QCOMPARE(e->fields.value(s("priority")).toInt(), titleFirst ? 3 : 1);
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(phone.store->entity(task->id)->fields, laptop.store->entity(task->id)->fields);
}

void TestConflictCentre::theAuditTrailKeepsItsSizeAndRoomForDetails()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    QList<int> sizes;
    {
        ui::AuditDialog audit(laptop.store.get());
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        auto *split = audit.findChild<QSplitter *>(s("auditSplit"));
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
    QCOMPARE(again.findChild<QSplitter *>(s("auditSplit"))->sizes(), sizes);
}

void TestConflictCentre::theAuditTrailFiltersAndExplains()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    Device phone = device(s("phone"), s("Phone"));
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
    auto *outcome = audit.findChild<QComboBox *>(s("outcomeFilter"));
    outcome->setCurrentIndex(outcome->findData(s("open")));
    QCOMPARE(outcome->currentData().toString(), QString()); // nothing open: not offered
    auto *device = audit.findChild<QComboBox *>(s("deviceFilter"));
    QVERIFY(device->findText(s("Phone")) > 0 && device->findText(s("this device")) > 0);
    // Details: both values, the base, the rule and who decided.
    table->setCurrentItem(nullptr);
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (!table->topLevelItem(i)->isHidden())
            table->setCurrentItem(table->topLevelItem(i));
    }
    const QString details = audit.findChild<QLabel *>(s("auditDetails"))->text();
    for (const QString &part : {s("Groceries for Saturday"), s("Shopping"), s("Base:"), s("“Groceries”"), s("the later edit wins"),
                                s("the rule, when the server met both sides")})
        QVERIFY2(details.contains(part.toHtmlEscaped()), qPrintable(part + s(" not in ") + details));
    // From the trail, the rule's decision takes its other value: the title back, and the choice
    // an event of its own at once (the next sync brings the same event, not a second one).
    QPushButton *undo = audit.findChild<QPushButton *>(s("undoResolution"));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), s("Use the Other Value"));
    undo->click();
    QCOMPARE(laptop.store->entity(first)->string(s("title")), s("Groceries for Saturday"));
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
    select(s("a person's choice"));
    QCOMPARE(undo->text(), s("Undo This Choice"));
    QVERIFY(undo->isEnabled());
    undo->click();
    QCOMPARE(laptop.store->entity(first)->string(s("title")), s("Shopping"));
    audit.setItemFilter(first);
    QCOMPARE(shown(), 3); // the rule's decision, the choice and its undo
    select(s("a person's choice"));
    QVERIFY(!undo->isEnabled());
    QVERIFY(audit.findChild<QLabel *>(s("auditDetails"))->text().contains(s("Undone since.")));
    QVERIFY(sync(laptop) && sync(phone));
    QCOMPARE(phone.store->entity(first)->string(s("title")), s("Shopping"));
    QVERIFY(phone.store->conflictRecords(true)->isEmpty());
}

void TestConflictCentre::theSidebarShowsTheCentreWithALiveCount()
{
    Device laptop = device(s("laptop"), s("Laptop"));
    Device phone = device(s("phone"), s("Phone"));
    ui::MainWindow window(laptop.store.get());
    window.resize(1100, 700);
    window.show();
    window.selectView(s("view:conflicts"));
    QVERIFY(window.conflictCentre()->isVisible());
    QVERIFY(!window.editorPane()->isVisible());
    const auto badge = [&window] {
        return window.sidebarModel()->index(window.sidebarModel()->indexOfKey(s("view:conflicts")).row(), 0,
                                            window.sidebarModel()->indexOfKey(s("view:conflicts")).parent())
            .data(ui::SidebarModel::CountRole)
            .toInt();
    };
    QCOMPARE(badge(), 0);

    const auto note = laptop.store->create(Kind::Note, {{s("body"), s("a\nb\n")}});
    QVERIFY(note && sync(laptop) && sync(phone));
    QVERIFY(laptop.store->update(note->id, {{s("body"), s("a\nB1\n")}}));
    QVERIFY(phone.store->update(note->id, {{s("body"), s("a\nB2\n")}}));
    QVERIFY(sync(phone) && sync(laptop));
    QTRY_COMPARE(badge(), 1);
    QTRY_VERIFY(cardSaying(*window.conflictCentre(), s("Waiting for you")));

    // Open takes the person to the note, in the list and editor again.
    cardSaying(*window.conflictCentre(), s("Waiting for you"))->findChild<QPushButton *>(s("openButton"))->click();
    QTRY_COMPARE(window.openItemId(), note->id);
    QVERIFY(window.editorPane()->isVisible());
    QVERIFY(!window.conflictCentre()->isVisible());
}

QTEST_MAIN(TestConflictCentre)
#include "tst_conflictcentre.moc"
