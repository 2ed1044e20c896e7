// The window syncing through a real tidemark-server: sign in from Settings, edits reach another
// device's window, and the status bar says where sync stands.
#include "../serverprocess.h"

#include "client/accountfile.h"
#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/itemlistmodel.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/markdownedit.h"
#include "ui/itemlistview.h"
#include "ui/mainwindow.h"
#include "ui/pendingview.h"
#include "ui/noteeditor.h"
#include "ui/settingsdialog.h"
#include "ui/shell.h"
#include "ui/syncdiagnosticsdialog.h"
#include "ui/syncconnector.h"

#include <QAction>
#include <QClipboard>
#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QScopeGuard>
#include <QTextCursor>

using namespace tidemark;
using model::Kind;
using model::Store;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QLabel *label(ui::MainWindow *window, const char *name)
{
    return window->statusBar()->findChild<QLabel *>(QLatin1StringView(name));
}

} // namespace

class TestAppSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInFromSettingsThenEditsReachTheOtherWindow();
    void aStoppedServerShowsOfflineWithRetry();
    void settingsListsTheDevicesSignsOneOutAndChangesThePassword();
    void offlineWorkInTheWindowMeetsNoConflictOfItsOwn();
    void aNoteTheServerRefusesIsNamedAndTheRestSyncs();

private:
    std::unique_ptr<Store> openStore(const QString &name);

    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_url;
};

void TestAppSync::initTestCase()
{
    qputenv("TIDEMARK_NO_KEYCHAIN", "1");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(s("settings")));
    QCoreApplication::setOrganizationName(s("TidemarkTests"));
    QCoreApplication::setApplicationName(s("tst_appsync"));
    ui::Appearance::applyLanguage(); // English plural forms, as the app has them
    const int port = test::startServer(m_server, m_dir.filePath(s("server.db")));
    QVERIFY(port > 0);
    m_url = QUrl(s("http://127.0.0.1:%1").arg(port));
}

void TestAppSync::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

std::unique_ptr<Store> TestAppSync::openStore(const QString &name)
{
    auto store = Store::open(m_dir.filePath(name));
    if (!store)
        qFatal("cannot open a store");
    return std::move(*store);
}

void TestAppSync::signInFromSettingsThenEditsReachTheOtherWindow()
{
    auto storeA = openStore(s("a.db"));
    ui::Shell shellA(storeA.get());
    ui::MainWindow *a = shellA.window();
    a->show();
    QCOMPARE(label(a, "syncStateLabel")->text(), s("Local only"));

    // Settings → Sync: make an account from the window.
    QTimer::singleShot(0, [this] {
        QTRY_VERIFY(qobject_cast<ui::SettingsDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ui::SettingsDialog *>(QApplication::activeModalWidget());
        dialog->pages()->setCurrentIndex(2);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(s("syncServer")), m_url.toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(s("syncUser")), s("anna"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(s("syncPassword")), s("correct horse battery"));
        // Signing in to an account that does not exist yet says why, and changes nothing.
        dialog->findChild<QPushButton *>(s("signIn"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(s("accountState"))->text().startsWith(s("Could not sign in")), 20000);
        QVERIFY(dialog->findChild<QPushButton *>(s("createAccount"))->isEnabled());
        dialog->findChild<QPushButton *>(s("createAccount"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(s("accountState"))->text().startsWith(s("Signed in")), 20000);
        // No keychain in the test: the dialog says where the sign-in is kept instead.
        QVERIFY(dialog->findChild<QLabel *>(s("accountState"))->text().contains(s("readable by you only")));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    a->action(s("settings"))->trigger();
    QVERIFY(shellA.sync()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(label(a, "syncStateLabel")->text().startsWith(s("Synced")), true, 10000);

    // A note written in window A is sent on its own.
    a->action(s("newNote"))->trigger();
    QTest::keyClicks(a->noteEditor()->titleField(), s("Packing list"));
    a->noteEditor()->saveNow();
    const QString id = a->noteEditor()->noteId();
    QTRY_COMPARE_WITH_TIMEOUT(label(a, "pendingLabel")->text(), s("All changes sent"), 15000);

    // Device B signs in (as tidemarkctl would) and its window shows the note.
    auto storeB = openStore(s("b.db"));
    const auto token = client::account::logIn(m_url, s("anna"), s("correct horse battery"), s("B"));
    QVERIFY(token);
    QVERIFY(client::AccountFile::write(storeB->path(), {{s("server"), m_url.toString()}, {s("user"), s("anna")},
                                                        {s("token"), *token}}));
    ui::Shell shellB(storeB.get());
    ui::MainWindow *b = shellB.window();
    b->show();
    QTRY_VERIFY_WITH_TIMEOUT(b->itemModel()->rowOf(id) >= 0, 15000);
    QCOMPARE(b->itemModel()->index(b->itemModel()->rowOf(id)).data().toString(), s("Packing list"));

    // B has the note open and is typing its title when A's body edit arrives (live): the body
    // changes on B's screen, B's typing stays.
    b->openItem(id);
    QTest::keyClicks(b->noteEditor()->titleField(), s(" for Lisbon"));
    a->noteEditor()->bodyEditor()->setPlainText(s("- passport\n- charger"));
    a->noteEditor()->saveNow();
    QTRY_COMPARE_WITH_TIMEOUT(b->noteEditor()->bodyEditor()->toPlainText(), s("- passport\n- charger"), 15000);
    QCOMPARE(b->noteEditor()->titleField()->text(), s("Packing list for Lisbon"));
    b->noteEditor()->saveNow();
    QTRY_COMPARE_WITH_TIMEOUT(a->noteEditor()->titleField()->text(), s("Packing list for Lisbon"), 15000);

    // File → Sync Diagnostics says how it went.
    QTimer::singleShot(0, [] {
        QTRY_VERIFY(qobject_cast<ui::SyncDiagnosticsDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ui::SyncDiagnosticsDialog *>(QApplication::activeModalWidget());
        QVERIFY2(dialog->value(s("diagRuns")).contains(s("completed, 0 failed")), qPrintable(dialog->value(s("diagRuns"))));
        QVERIFY(dialog->value(s("diagSyncTimes")).contains(s(" ms")));
        QVERIFY(dialog->value(s("diagServer")).startsWith(s("http://127.0.0.1:")));
        QVERIFY(dialog->value(s("diagTraffic")).contains(s("sent")));
        QCOMPARE(dialog->value(s("diagConflicts")), s("none"));
        dialog->reject();
    });
    a->action(s("syncDiagnostics"))->trigger();
}

void TestAppSync::settingsListsTheDevicesSignsOneOutAndChangesThePassword()
{
    QVERIFY(client::account::registerAccount(m_url, s("bert"), s("first password")));
    const auto desk = client::account::logIn(m_url, s("bert"), s("first password"), s("Desk"));
    const auto lost = client::account::logIn(m_url, s("bert"), s("first password"), s("Lost laptop"));
    QVERIFY(desk && lost);
    auto store = openStore(s("bert.db"));
    QVERIFY(client::AccountFile::write(store->path(), {{s("server"), m_url.toString()}, {s("user"), s("bert")},
                                                       {s("token"), *desk}}));
    ui::SettingsDialog dialog(store->path(), nullptr, store.get());
    QSignalSpy changed(&dialog, &ui::SettingsDialog::accountChanged);
    dialog.pages()->setCurrentIndex(2);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *devices = dialog.findChild<QTreeWidget *>(s("accountDevices"));
    QVERIFY(devices);
    QTRY_COMPARE_WITH_TIMEOUT(devices->topLevelItemCount(), 2, 15000);
    QCOMPARE(devices->topLevelItem(0)->text(0), s("Desk (this device)"));
    QCOMPARE(devices->topLevelItem(1)->text(0), s("Lost laptop"));
    auto *signOut = dialog.findChild<QPushButton *>(s("signOutDevice"));
    devices->setCurrentItem(devices->topLevelItem(0));
    QVERIFY(!signOut->isEnabled()); // this device signs out with Sign Out above

    // The lost laptop is signed out: it is gone from the list and its token stops working.
    devices->setCurrentItem(devices->topLevelItem(1));
    QVERIFY(signOut->isEnabled());
    QTest::mouseClick(signOut, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(devices->topLevelItemCount(), 1, 15000);
    QVERIFY(!client::account::sessions(m_url, *lost));
    QCOMPARE(changed.size(), 0); // this device's sign-in is as it was

    // A new password: asked twice, this device signed in again with it, the old one refused.
    QTimer::singleShot(0, this, [] {
        QTRY_VERIFY(QApplication::activeModalWidget()
                    && QApplication::activeModalWidget()->findChild<QLineEdit *>(s("newPassword")));
        QWidget *ask = QApplication::activeModalWidget();
        QTest::keyClicks(ask->findChild<QLineEdit *>(s("oldPassword")), s("first password"));
        QTest::keyClicks(ask->findChild<QLineEdit *>(s("newPassword")), s("second password"));
        QTest::keyClicks(ask->findChild<QLineEdit *>(s("repeatPassword")), s("second passwor"));
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(ask->isVisible()); // they differ: said, and asked again
        QVERIFY(!ask->findChild<QLabel *>(s("passwordProblem"))->text().isEmpty());
        QTest::keyClicks(ask->findChild<QLineEdit *>(s("repeatPassword")), s("d"));
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(dialog.findChild<QPushButton *>(s("changePassword")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(s("accountState"))->text().contains(s("Password changed")), 15000);
    QCOMPARE(changed.size(), 1); // the engine starts again with the new token
    const QString token = client::AccountFile::read(store->path()).value(s("token")).toString();
    QVERIFY(!token.isEmpty() && token != *desk);
    QVERIFY(client::account::sessions(m_url, token));
    QVERIFY(!client::account::sessions(m_url, *desk));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QPushButton *>(s("changePassword"))->isEnabled(), 15000); // not busy
    QTRY_COMPARE_WITH_TIMEOUT(devices->topLevelItemCount(), 1, 15000); // the list read again: this device only
    QVERIFY(!client::account::logIn(m_url, s("bert"), s("first password"), s("Desk")));
    QVERIFY(client::account::logIn(m_url, s("bert"), s("second password"), s("Phone")));
}

void TestAppSync::aStoppedServerShowsOfflineWithRetry()
{
    // A second server, stopped under a signed-in window, then started again.
    QProcess server;
    const QString database = m_dir.filePath(s("server2.db"));
    const int port = test::startServer(server, database);
    QVERIFY(port > 0);
    const QUrl url(s("http://127.0.0.1:%1").arg(port));
    QVERIFY(client::account::registerAccount(url, s("ben"), s("a long password")));
    const auto token = client::account::logIn(url, s("ben"), s("a long password"), s("C"));
    QVERIFY(token);
    auto store = openStore(s("c.db"));
    QVERIFY(client::AccountFile::write(store->path(), {{s("server"), url.toString()}, {s("user"), s("ben")},
                                                       {s("token"), *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(s("Synced")), true, 10000);

    // Idle means idle: a finished sync does not ask for another (the window hearing of the
    // engine's own changes is not a local change).
    QTest::qWait(1500);
    QSignalSpy syncs(shell.sync(), &ui::SyncConnector::synced);
    QTest::qWait(3000);
    QCOMPARE(syncs.size(), 0);

    server.kill();
    server.waitForFinished();
    window->createItem(Kind::Task, s("Written while the server is down"));
    auto *retry = window->statusBar()->findChild<QPushButton *>(s("retryButton"));
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text(), s("Offline"), 15000);
    QVERIFY(retry->isVisible());
    QCOMPARE(label(window, "pendingLabel")->text(), s("1 change not sent"));

    QCOMPARE(test::startServer(server, database, port), port);
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), s("All changes sent"), 15000);
    QTRY_VERIFY(label(window, "syncStateLabel")->text().startsWith(s("Synced")));
    QVERIFY(!retry->isVisible());

    // Work Offline holds everything back until it is turned off.
    window->action(s("workOffline"))->setChecked(true);
    QTRY_COMPARE(label(window, "syncStateLabel")->text(), s("Working offline"));
    window->createItem(Kind::Note, s("Kept here for now"));
    QTest::qWait(1500);
    QCOMPARE(label(window, "pendingLabel")->text(), s("1 change not sent"));
    window->action(s("workOffline"))->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), s("All changes sent"), 15000);
    server.kill();
    server.waitForFinished();
}

void TestAppSync::offlineWorkInTheWindowMeetsNoConflictOfItsOwn()
{
    // The window alone in its account, over a server that is stopped and started: whatever the
    // person does between failed syncs, nothing comes back as a conflict or undoes their "done".
    QProcess server;
    const QString database = m_dir.filePath(s("server3.db"));
    const int port = test::startServer(server, database);
    QVERIFY(port > 0);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QUrl url(s("http://127.0.0.1:%1").arg(port));
    QVERIFY(client::account::registerAccount(url, s("dana"), s("a long password")));
    const auto token = client::account::logIn(url, s("dana"), s("a long password"), s("D"));
    QVERIFY(token);
    auto store = openStore(s("d.db"));
    QVERIFY(client::AccountFile::write(store->path(), {{s("server"), url.toString()}, {s("user"), s("dana")},
                                                       {s("token"), *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(s("Synced")), true, 10000);
    auto *retry = window->statusBar()->findChild<QPushButton *>(s("retryButton"));
    const auto failedSync = [&] {
        QSignalSpy failed(shell.sync(), &ui::SyncConnector::stateChanged);
        window->action(s("syncNow"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty()
                                     && failed.last().at(0).value<client::SyncEngine::State>() == client::SyncEngine::State::Offline,
                                 15000);
        QCOMPARE(label(window, "syncStateLabel")->text(), s("Offline"));
    };
    const auto clickRow = [&](const QString &id) {
        const int row = window->itemModel()->rowOf(id);
        QVERIFY(row >= 0);
        const QRect rect = window->itemList()->visualRect(window->itemModel()->index(row));
        QTest::mouseClick(window->itemList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window->openItemId(), id);
    };

    server.kill();
    server.waitForFinished();
    window->selectView(s("view:all"));
    window->action(s("newTask"))->trigger();
    const QString task = window->openItemId();
    QVERIFY(!task.isEmpty());
    QTest::keyClicks(QApplication::focusWidget(), s("Pack"));
    window->saveAll();
    failedSync();
    clickRow(task);
    window->action(s("toggleDone"))->trigger(); // Edit → Mark Done
    QVERIFY(!store->entity(task)->fields.value(s("done_at")).isNull());

    window->action(s("newNote"))->trigger();
    const QString note = window->openItemId();
    QTest::keyClicks(window->noteEditor()->titleField(), s("Trip"));
    window->noteEditor()->bodyEditor()->setFocus();
    QTest::keyClicks(window->noteEditor()->bodyEditor(), s("day one"));
    window->noteEditor()->saveNow();
    failedSync();
    QTest::keyClicks(window->noteEditor()->bodyEditor(), s(": Rome"));
    window->noteEditor()->saveNow();
    clickRow(note);
    window->action(s("trash"))->trigger();
    failedSync();
    window->selectView(s("view:trash"));
    QTRY_VERIFY(window->itemModel()->rowOf(note) >= 0);
    clickRow(note);
    window->action(s("restore"))->trigger();
    window->selectView(s("view:all"));
    QTRY_VERIFY(window->itemModel()->rowOf(note) >= 0);
    clickRow(note);
    window->noteEditor()->bodyEditor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window->noteEditor()->bodyEditor(), s(", the Forum"));
    window->noteEditor()->saveNow();
    QVERIFY(store->pendingCount() > 1);

    QCOMPARE(test::startServer(server, database, port), port);
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), s("All changes sent"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(s("Synced")), 10000);
    // Let a second round (the live socket's, or the engine's own) come and go.
    QTest::qWait(1500);
    QVERIFY(store->conflictRecords()->isEmpty());
    QVERIFY(!store->entity(task)->fields.value(s("done_at")).isNull());
    const model::Entity trip = *store->entity(note);
    QCOMPARE(trip.fields.value(s("deleted")).toBool(), false);
    QCOMPARE(trip.fields.value(s("body")).toString(), s("day one: Rome, the Forum"));
    QCOMPARE(trip.fields.value(s("title")).toString(), s("Trip"));
}

void TestAppSync::aNoteTheServerRefusesIsNamedAndTheRestSyncs()
{
    // An older server that takes at most 1 MB in a field, and a 1.5 MB log pasted into a note.
    QProcess server;
    const int port = test::startServer(server, m_dir.filePath(s("server4.db")), 0, {s("--max-text-mb"), s("1")});
    QVERIFY(port > 0);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QUrl url(s("http://127.0.0.1:%1").arg(port));
    QVERIFY(client::account::registerAccount(url, s("emil"), s("a long password")));
    const auto token = client::account::logIn(url, s("emil"), s("a long password"), s("E"));
    QVERIFY(token);
    auto store = openStore(s("e.db"));
    QVERIFY(client::AccountFile::write(store->path(), {{s("server"), url.toString()}, {s("user"), s("emil")},
                                                       {s("token"), *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(s("Synced")), true, 10000);
    // The app's sync is kept in the store, where `tidemarkctl status` reads it ("last sync").
    QVERIFY(store->syncOutcome().lastSuccess.isValid());
    QVERIFY(store->syncOutcome().lastError.isEmpty());

    QString log;
    while (log.size() < 1'500'000)
        log += s("2026-12-02 10:00:00 pushed 200 operations, pulled 1000 changes\n");
    window->action(s("newNote"))->trigger();
    const QString big = window->openItemId();
    QTest::keyClicks(window->noteEditor()->titleField(), s("Server log"));
    QGuiApplication::clipboard()->setText(log);
    window->noteEditor()->focusBody();
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    window->noteEditor()->saveNow();
    window->action(s("newNote"))->trigger();
    QTest::keyClicks(window->noteEditor()->titleField(), s("Packing list"));
    window->noteEditor()->saveNow();
    const QString small = window->openItemId();
    window->action(s("syncNow"))->trigger();

    // The rest is sent; the status bar and Pending say which note was refused, and why.
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), s("1 change not sent"), 15000);
    QCOMPARE(store->parkedCount(), 1);
    // Alone in its account, the device hears of no changes "from your other devices".
    QVERIFY2(!window->statusBar()->currentMessage().contains(s("other devices")),
             qPrintable(window->statusBar()->currentMessage()));
    window->action(s("showPending"))->trigger();
    auto *entries = window->pendingView()->findChild<QListWidget *>(s("pendingList"));
    QTRY_COMPARE(entries->count(), 1);
    QVERIFY2(entries->item(0)->text().contains(s("“Server log”")), qPrintable(entries->item(0)->text()));
    const QString why = entries->item(0)->data(ui::PendingView::DetailRole).toString();
    QVERIFY2(why.contains(s("refused by the server: ")) && why.contains(s("'body'")) && why.contains(s("1 MB")),
             qPrintable(why));
    auto phone = openStore(s("e-phone.db"));
    const auto phoneToken = client::account::logIn(url, s("emil"), s("a long password"), s("phone"));
    QVERIFY(phoneToken);
    client::HttpTransport phoneTransport(url, *phoneToken);
    QVERIFY(client::SyncCycle(*phone, phoneTransport).run());
    QVERIFY(phone->entity(small));
    // The refused text never arrives (the note itself may have, when a sync ran between its
    // creation and the paste).
    QVERIFY(!phone->entity(big) || phone->entity(big)->string(s("body")).isEmpty());

    // The person keeps the last lines only (select all, paste the tail): the note syncs whole.
    window->openItem(big);
    const QString tail = log.right(50'000);
    QGuiApplication::clipboard()->setText(tail);
    window->noteEditor()->focusBody();
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    window->noteEditor()->saveNow();
    window->action(s("syncNow"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), s("All changes sent"), 15000);
    QCOMPARE(store->parkedCount(), 0);
    QTRY_COMPARE(entries->count(), 0);
    QVERIFY(client::SyncCycle(*phone, phoneTransport).run());
    QVERIFY(phone->entity(big));
    QCOMPARE(phone->entity(big)->string(s("title")), s("Server log"));
    QCOMPARE(phone->entity(big)->string(s("body")), tail);
}

QTEST_MAIN(TestAppSync)
#include "tst_appsync.moc"
