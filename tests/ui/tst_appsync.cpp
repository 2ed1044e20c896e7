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
#include "ui/shell/itemlistview.h"
#include "ui/shell/mainwindow.h"
#include "ui/sync/pendingview.h"
#include "ui/editors/noteeditor.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/shell.h"
#include "ui/sync/syncdiagnosticsdialog.h"
#include "ui/sync/syncconnector.h"

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

using namespace Qt::StringLiterals;

using namespace tidemark;
using model::Kind;
using model::Store;

namespace {

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
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    QCoreApplication::setOrganizationName(u"TidemarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_appsync"_s);
    ui::Appearance::applyLanguage(); // English plural forms, as the app has them
    const int port = test::startServer(m_server, m_dir.filePath(u"server.db"_s));
    QVERIFY(port > 0);
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
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
    auto storeA = openStore(u"a.db"_s);
    ui::Shell shellA(storeA.get());
    ui::MainWindow *a = shellA.window();
    a->show();
    QCOMPARE(label(a, "syncStateLabel")->text(), u"Local only"_s);

    // Settings → Sync: make an account from the window.
    QTimer::singleShot(0, [this] {
        QTRY_VERIFY(qobject_cast<ui::SettingsDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ui::SettingsDialog *>(QApplication::activeModalWidget());
        dialog->pages()->setCurrentIndex(2);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"syncServer"_s), m_url.toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"syncUser"_s), u"anna"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"syncPassword"_s), u"correct horse battery"_s);
        // Signing in to an account that does not exist yet says why, and changes nothing.
        dialog->findChild<QPushButton *>(u"signIn"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(u"accountState"_s)->text().startsWith(u"Could not sign in"_s), 20000);
        QVERIFY(dialog->findChild<QPushButton *>(u"createAccount"_s)->isEnabled());
        dialog->findChild<QPushButton *>(u"createAccount"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(u"accountState"_s)->text().startsWith(u"Signed in"_s), 20000);
        // No keychain in the test: the dialog says where the sign-in is kept instead.
        QVERIFY(dialog->findChild<QLabel *>(u"accountState"_s)->text().contains(u"readable by you only"_s));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    a->action(u"settings"_s)->trigger();
    QVERIFY(shellA.sync()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(label(a, "syncStateLabel")->text().startsWith(u"Synced"_s), true, 10000);

    // A note written in window A is sent on its own.
    a->action(u"newNote"_s)->trigger();
    QTest::keyClicks(a->noteEditor()->titleField(), u"Packing list"_s);
    a->noteEditor()->saveNow();
    const QString id = a->noteEditor()->noteId();
    QTRY_COMPARE_WITH_TIMEOUT(label(a, "pendingLabel")->text(), u"All changes sent"_s, 15000);

    // Device B signs in (as tidemarkctl would) and its window shows the note.
    auto storeB = openStore(u"b.db"_s);
    const auto token = client::account::logIn(m_url, u"anna"_s, u"correct horse battery"_s, u"B"_s);
    QVERIFY(token);
    QVERIFY(client::AccountFile::write(storeB->path(), {{u"server"_s, m_url.toString()}, {u"user"_s, u"anna"_s},
                                                        {u"token"_s, *token}}));
    ui::Shell shellB(storeB.get());
    ui::MainWindow *b = shellB.window();
    b->show();
    QTRY_VERIFY_WITH_TIMEOUT(b->itemModel()->rowOf(id) >= 0, 15000);
    QCOMPARE(b->itemModel()->index(b->itemModel()->rowOf(id)).data().toString(), u"Packing list"_s);

    // B has the note open and is typing its title when A's body edit arrives (live): the body
    // changes on B's screen, B's typing stays.
    b->openItem(id);
    QTest::keyClicks(b->noteEditor()->titleField(), u" for Lisbon"_s);
    a->noteEditor()->bodyEditor()->setPlainText(u"- passport\n- charger"_s);
    a->noteEditor()->saveNow();
    QTRY_COMPARE_WITH_TIMEOUT(b->noteEditor()->bodyEditor()->toPlainText(), u"- passport\n- charger"_s, 15000);
    QCOMPARE(b->noteEditor()->titleField()->text(), u"Packing list for Lisbon"_s);
    b->noteEditor()->saveNow();
    QTRY_COMPARE_WITH_TIMEOUT(a->noteEditor()->titleField()->text(), u"Packing list for Lisbon"_s, 15000);

    // File → Sync Diagnostics says how it went.
    QTimer::singleShot(0, [] {
        QTRY_VERIFY(qobject_cast<ui::SyncDiagnosticsDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ui::SyncDiagnosticsDialog *>(QApplication::activeModalWidget());
        QVERIFY2(dialog->value(u"diagRuns"_s).contains(u"completed, 0 failed"_s), qPrintable(dialog->value(u"diagRuns"_s)));
        QVERIFY(dialog->value(u"diagSyncTimes"_s).contains(u" ms"_s));
        QVERIFY(dialog->value(u"diagServer"_s).startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(dialog->value(u"diagTraffic"_s).contains(u"sent"_s));
        QCOMPARE(dialog->value(u"diagConflicts"_s), u"none"_s);
        dialog->reject();
    });
    a->action(u"syncDiagnostics"_s)->trigger();
}

void TestAppSync::settingsListsTheDevicesSignsOneOutAndChangesThePassword()
{
    QVERIFY(client::account::registerAccount(m_url, u"bert"_s, u"first password"_s));
    const auto desk = client::account::logIn(m_url, u"bert"_s, u"first password"_s, u"Desk"_s);
    const auto lost = client::account::logIn(m_url, u"bert"_s, u"first password"_s, u"Lost laptop"_s);
    QVERIFY(desk && lost);
    auto store = openStore(u"bert.db"_s);
    QVERIFY(client::AccountFile::write(store->path(), {{u"server"_s, m_url.toString()}, {u"user"_s, u"bert"_s},
                                                       {u"token"_s, *desk}}));
    ui::SettingsDialog dialog(store->path(), nullptr, store.get());
    QSignalSpy changed(&dialog, &ui::SettingsDialog::accountChanged);
    dialog.pages()->setCurrentIndex(2);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *devices = dialog.findChild<QTreeWidget *>(u"accountDevices"_s);
    QVERIFY(devices);
    QTRY_COMPARE_WITH_TIMEOUT(devices->topLevelItemCount(), 2, 15000);
    QCOMPARE(devices->topLevelItem(0)->text(0), u"Desk (this device)"_s);
    QCOMPARE(devices->topLevelItem(1)->text(0), u"Lost laptop"_s);
    auto *signOut = dialog.findChild<QPushButton *>(u"signOutDevice"_s);
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
                    && QApplication::activeModalWidget()->findChild<QLineEdit *>(u"newPassword"_s));
        QWidget *ask = QApplication::activeModalWidget();
        QTest::keyClicks(ask->findChild<QLineEdit *>(u"oldPassword"_s), u"first password"_s);
        QTest::keyClicks(ask->findChild<QLineEdit *>(u"newPassword"_s), u"second password"_s);
        QTest::keyClicks(ask->findChild<QLineEdit *>(u"repeatPassword"_s), u"second passwor"_s);
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(ask->isVisible()); // they differ: said, and asked again
        QVERIFY(!ask->findChild<QLabel *>(u"passwordProblem"_s)->text().isEmpty());
        QTest::keyClicks(ask->findChild<QLineEdit *>(u"repeatPassword"_s), u"d"_s);
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"changePassword"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(u"accountState"_s)->text().contains(u"Password changed"_s), 15000);
    QCOMPARE(changed.size(), 1); // the engine starts again with the new token
    const QString token = client::AccountFile::read(store->path()).value(u"token"_s).toString();
    QVERIFY(!token.isEmpty() && token != *desk);
    QVERIFY(client::account::sessions(m_url, token));
    QVERIFY(!client::account::sessions(m_url, *desk));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QPushButton *>(u"changePassword"_s)->isEnabled(), 15000); // not busy
    QTRY_COMPARE_WITH_TIMEOUT(devices->topLevelItemCount(), 1, 15000); // the list read again: this device only
    QVERIFY(!client::account::logIn(m_url, u"bert"_s, u"first password"_s, u"Desk"_s));
    QVERIFY(client::account::logIn(m_url, u"bert"_s, u"second password"_s, u"Phone"_s));
}

void TestAppSync::aStoppedServerShowsOfflineWithRetry()
{
    // A second server, stopped under a signed-in window, then started again.
    QProcess server;
    const QString database = m_dir.filePath(u"server2.db"_s);
    const int port = test::startServer(server, database);
    QVERIFY(port > 0);
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    QVERIFY(client::account::registerAccount(url, u"ben"_s, u"a long password"_s));
    const auto token = client::account::logIn(url, u"ben"_s, u"a long password"_s, u"C"_s);
    QVERIFY(token);
    auto store = openStore(u"c.db"_s);
    QVERIFY(client::AccountFile::write(store->path(), {{u"server"_s, url.toString()}, {u"user"_s, u"ben"_s},
                                                       {u"token"_s, *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(u"Synced"_s), true, 10000);

    // Idle means idle: a finished sync does not ask for another (the window hearing of the
    // engine's own changes is not a local change).
    QTest::qWait(1500);
    QSignalSpy syncs(shell.sync(), &ui::SyncConnector::synced);
    QTest::qWait(3000);
    QCOMPARE(syncs.size(), 0);

    server.kill();
    server.waitForFinished();
    window->createItem(Kind::Task, u"Written while the server is down"_s);
    auto *retry = window->statusBar()->findChild<QPushButton *>(u"retryButton"_s);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text(), u"Offline"_s, 15000);
    QVERIFY(retry->isVisible());
    QCOMPARE(label(window, "pendingLabel")->text(), u"1 change not sent"_s);

    QCOMPARE(test::startServer(server, database, port), port);
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), u"All changes sent"_s, 15000);
    QTRY_VERIFY(label(window, "syncStateLabel")->text().startsWith(u"Synced"_s));
    QVERIFY(!retry->isVisible());

    // Work Offline holds everything back until it is turned off.
    window->action(u"workOffline"_s)->setChecked(true);
    QTRY_COMPARE(label(window, "syncStateLabel")->text(), u"Working offline"_s);
    window->createItem(Kind::Note, u"Kept here for now"_s);
    QTest::qWait(1500);
    QCOMPARE(label(window, "pendingLabel")->text(), u"1 change not sent"_s);
    window->action(u"workOffline"_s)->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), u"All changes sent"_s, 15000);
    server.kill();
    server.waitForFinished();
}

void TestAppSync::offlineWorkInTheWindowMeetsNoConflictOfItsOwn()
{
    // The window alone in its account, over a server that is stopped and started: whatever the
    // person does between failed syncs, nothing comes back as a conflict or undoes their "done".
    QProcess server;
    const QString database = m_dir.filePath(u"server3.db"_s);
    const int port = test::startServer(server, database);
    QVERIFY(port > 0);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    QVERIFY(client::account::registerAccount(url, u"dana"_s, u"a long password"_s));
    const auto token = client::account::logIn(url, u"dana"_s, u"a long password"_s, u"D"_s);
    QVERIFY(token);
    auto store = openStore(u"d.db"_s);
    QVERIFY(client::AccountFile::write(store->path(), {{u"server"_s, url.toString()}, {u"user"_s, u"dana"_s},
                                                       {u"token"_s, *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(u"Synced"_s), true, 10000);
    auto *retry = window->statusBar()->findChild<QPushButton *>(u"retryButton"_s);
    const auto failedSync = [&] {
        QSignalSpy failed(shell.sync(), &ui::SyncConnector::stateChanged);
        window->action(u"syncNow"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty()
                                     && failed.last().at(0).value<client::SyncEngine::State>() == client::SyncEngine::State::Offline,
                                 15000);
        QCOMPARE(label(window, "syncStateLabel")->text(), u"Offline"_s);
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
    window->selectView(u"view:all"_s);
    window->action(u"newTask"_s)->trigger();
    const QString task = window->openItemId();
    QVERIFY(!task.isEmpty());
    QTest::keyClicks(QApplication::focusWidget(), u"Pack"_s);
    window->saveAll();
    failedSync();
    clickRow(task);
    window->action(u"toggleDone"_s)->trigger(); // Edit → Mark Done
    QVERIFY(!store->entity(task)->fields.value(u"done_at"_s).isNull());

    window->action(u"newNote"_s)->trigger();
    const QString note = window->openItemId();
    QTest::keyClicks(window->noteEditor()->titleField(), u"Trip"_s);
    window->noteEditor()->bodyEditor()->setFocus();
    QTest::keyClicks(window->noteEditor()->bodyEditor(), u"day one"_s);
    window->noteEditor()->saveNow();
    failedSync();
    QTest::keyClicks(window->noteEditor()->bodyEditor(), u": Rome"_s);
    window->noteEditor()->saveNow();
    clickRow(note);
    window->action(u"trash"_s)->trigger();
    failedSync();
    window->selectView(u"view:trash"_s);
    QTRY_VERIFY(window->itemModel()->rowOf(note) >= 0);
    clickRow(note);
    window->action(u"restore"_s)->trigger();
    window->selectView(u"view:all"_s);
    QTRY_VERIFY(window->itemModel()->rowOf(note) >= 0);
    clickRow(note);
    window->noteEditor()->bodyEditor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window->noteEditor()->bodyEditor(), u", the Forum"_s);
    window->noteEditor()->saveNow();
    QVERIFY(store->pendingCount() > 1);

    QCOMPARE(test::startServer(server, database, port), port);
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), u"All changes sent"_s, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(u"Synced"_s), 10000);
    // Let a second round (the live socket's, or the engine's own) come and go.
    QTest::qWait(1500);
    QVERIFY(store->conflictRecords()->isEmpty());
    QVERIFY(!store->entity(task)->fields.value(u"done_at"_s).isNull());
    const model::Entity trip = *store->entity(note);
    QCOMPARE(trip.fields.value(u"deleted"_s).toBool(), false);
    QCOMPARE(trip.fields.value(u"body"_s).toString(), u"day one: Rome, the Forum"_s);
    QCOMPARE(trip.fields.value(u"title"_s).toString(), u"Trip"_s);
}

void TestAppSync::aNoteTheServerRefusesIsNamedAndTheRestSyncs()
{
    // An older server that takes at most 1 MB in a field, and a 1.5 MB log pasted into a note.
    QProcess server;
    const int port = test::startServer(server, m_dir.filePath(u"server4.db"_s), 0, {u"--max-text-mb"_s, u"1"_s});
    QVERIFY(port > 0);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    QVERIFY(client::account::registerAccount(url, u"emil"_s, u"a long password"_s));
    const auto token = client::account::logIn(url, u"emil"_s, u"a long password"_s, u"E"_s);
    QVERIFY(token);
    auto store = openStore(u"e.db"_s);
    QVERIFY(client::AccountFile::write(store->path(), {{u"server"_s, url.toString()}, {u"user"_s, u"emil"_s},
                                                       {u"token"_s, *token}}));
    ui::Shell shell(store.get());
    ui::MainWindow *window = shell.window();
    window->show();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "syncStateLabel")->text().startsWith(u"Synced"_s), true, 10000);
    // The app's sync is kept in the store, where `tidemarkctl status` reads it ("last sync").
    QVERIFY(store->syncOutcome().lastSuccess.isValid());
    QVERIFY(store->syncOutcome().lastError.isEmpty());

    QString log;
    while (log.size() < 1'500'000)
        log += u"2026-12-02 10:00:00 pushed 200 operations, pulled 1000 changes\n"_s;
    window->action(u"newNote"_s)->trigger();
    const QString big = window->openItemId();
    QTest::keyClicks(window->noteEditor()->titleField(), u"Server log"_s);
    QGuiApplication::clipboard()->setText(log);
    window->noteEditor()->focusBody();
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    window->noteEditor()->saveNow();
    window->action(u"newNote"_s)->trigger();
    QTest::keyClicks(window->noteEditor()->titleField(), u"Packing list"_s);
    window->noteEditor()->saveNow();
    const QString small = window->openItemId();
    window->action(u"syncNow"_s)->trigger();

    // The rest is sent; the status bar and Pending say which note was refused, and why.
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), u"1 change not sent"_s, 15000);
    QCOMPARE(store->parkedCount(), 1);
    // Alone in its account, the device hears of no changes "from your other devices".
    QVERIFY2(!window->statusBar()->currentMessage().contains(u"other devices"_s),
             qPrintable(window->statusBar()->currentMessage()));
    window->action(u"showPending"_s)->trigger();
    auto *entries = window->pendingView()->findChild<QListWidget *>(u"pendingList"_s);
    QTRY_COMPARE(entries->count(), 1);
    QVERIFY2(entries->item(0)->text().contains(u"“Server log”"_s), qPrintable(entries->item(0)->text()));
    const QString why = entries->item(0)->data(ui::PendingView::DetailRole).toString();
    QVERIFY2(why.contains(u"refused by the server: "_s) && why.contains(u"'body'"_s) && why.contains(u"1 MB"_s),
             qPrintable(why));
    auto phone = openStore(u"e-phone.db"_s);
    const auto phoneToken = client::account::logIn(url, u"emil"_s, u"a long password"_s, u"phone"_s);
    QVERIFY(phoneToken);
    client::HttpTransport phoneTransport(url, *phoneToken);
    QVERIFY(client::SyncCycle(*phone, phoneTransport).run());
    QVERIFY(phone->entity(small));
    // The refused text never arrives (the note itself may have, when a sync ran between its
    // creation and the paste).
    QVERIFY(!phone->entity(big) || phone->entity(big)->string(u"body"_s).isEmpty());

    // The person keeps the last lines only (select all, paste the tail): the note syncs whole.
    window->openItem(big);
    const QString tail = log.right(50'000);
    QGuiApplication::clipboard()->setText(tail);
    window->noteEditor()->focusBody();
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(window->noteEditor()->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    window->noteEditor()->saveNow();
    window->action(u"syncNow"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(label(window, "pendingLabel")->text(), u"All changes sent"_s, 15000);
    QCOMPARE(store->parkedCount(), 0);
    QTRY_COMPARE(entries->count(), 0);
    QVERIFY(client::SyncCycle(*phone, phoneTransport).run());
    QVERIFY(phone->entity(big));
    QCOMPARE(phone->entity(big)->string(u"title"_s), u"Server log"_s);
    QCOMPARE(phone->entity(big)->string(u"body"_s), tail);
}

QTEST_MAIN(TestAppSync)
#include "tst_appsync.moc"
