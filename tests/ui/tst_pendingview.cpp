// The Pending changes view and the Conflicts page of the settings, with real widgets and a real
// store, offscreen: what a person reads about the changes that have not reached the server, and
// the conflict rules they choose.
#include "model/ids.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/sync/pendingview.h"
#include "ui/settings/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

using tidemark::model::Kind;
using tidemark::model::Store;
using tidemark::ui::PendingView;
using tidemark::ui::SettingsDialog;
using State = tidemark::client::SyncEngine::State;

namespace {

QListWidget *list(PendingView &view) { return view.findChild<QListWidget *>(u"pendingList"_s); }

QStringList sentences(PendingView &view)
{
    QStringList out;
    for (int row = 0; row < list(view)->count(); ++row)
        out << list(view)->item(row)->text();
    return out;
}

QString detail(PendingView &view, int row) { return list(view)->item(row)->data(PendingView::DetailRole).toString(); }
QString rules(PendingView &view, int row) { return list(view)->item(row)->data(PendingView::ConflictRole).toString(); }

/// A page of one change to a note, as the server sends it.
QList<Store::RemoteChange> remotePage(const QString &id, qint64 rev, const QJsonObject &fields)
{
    Store::RemoteChange change;
    change.kind = Kind::Note;
    change.id = id;
    change.rev = rev;
    change.fields = fields;
    return {change};
}

double luminance(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

} // namespace

class TestPendingView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyOutboxIsCalm();
    void createsAndEditsAreSentences();
    void aLongQueueIsCountedAndListedInPart();
    void refusedChangeSaysWhy();
    void retryCountdownFollowsTheClock();
    void workingOfflineIsCalmAndAnEmptyViewHasNoButton();
    void retryButtonAsks();
    void serverChangeAfterAnEditMayConflict();
    void activatingAnEntryOpensItsItem();
    void entriesStayInPlaceAsTheOutboxChanges();
    void bannerAndMarksFollowTheDarkPalette();

    void conflictRulesAreSavedWithTheAccount();
    void conflictsPageNeedsAStoreFile();

private:
    /// A note the server already has (revision `rev`), as a pull would bring it.
    QString remoteNote(const QString &title, qint64 rev);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestPendingView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    tidemark::ui::Appearance::applyLanguage(); // as the app does: English plural forms ("1 try")
}

void TestPendingView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(u"store.db"_s));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
}

void TestPendingView::cleanup()
{
    m_store.reset();
    m_dir.reset();
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QString TestPendingView::remoteNote(const QString &title, qint64 rev)
{
    const QString id = tidemark::model::newId();
    const auto applied = m_store->applyRemotePage(remotePage(id, rev, {{u"title"_s, title}}), {}, rev);
    if (!applied)
        qWarning("remote note not applied: %s", qPrintable(applied.error().message));
    return id;
}

void TestPendingView::emptyOutboxIsCalm()
{
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *empty = view.findChild<QLabel *>(u"pendingEmptyState"_s);
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(empty->text(), u"Everything is sent. Changes made while offline wait here until the server has them."_s);
    QVERIFY(!list(view)->isVisible());
    QVERIFY(!view.findChild<QPushButton *>(u"retryButton"_s)->isVisible()); // no button that does nothing
    QVERIFY(!view.findChild<QLabel *>(u"syncErrorBanner"_s)->isVisible());
}

void TestPendingView::aLongQueueIsCountedAndListedInPart()
{
    // A long offline stretch: 1,200 new notes and one the server refused. The view counts them
    // all and lists the first 1,000 in the order they will be sent, without reading the rest.
    QVERIFY(m_store->batch([&]() -> tidemark::model::Result<void> {
        for (int i = 0; i < 1200; ++i) {
            if (auto created = m_store->create(Kind::Note, {{u"title"_s, u"Note %1"_s.arg(i)}}); !created)
                return std::unexpected(created.error());
        }
        return {};
    }));
    const auto sent = m_store->takeForSending(1);
    QVERIFY(sent && sent->size() == 1);
    QVERIFY(m_store->settle({{sent->constFirst().opId, true, u"too large"_s}}));
    const auto counts = m_store->pendingCounts();
    QVERIFY(counts);
    QCOMPARE(counts->waiting, 1199);
    QCOMPARE(counts->refused, 1);

    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(list(view)->count(), 1000);
    QCOMPARE(list(view)->item(1)->text(), u"“Note 1” created here"_s);
    const QString summary = view.findChild<QLabel *>(u"pendingSummary"_s)->text();
    QVERIFY2(summary.contains(u"1,199 changes waiting for the server"_s) || summary.contains(u"1199 changes waiting"_s),
             qPrintable(summary));
    QVERIFY2(summary.contains(u"1 refused"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"the first 1,000 listed"_s) || summary.contains(u"the first 1000 listed"_s),
             qPrintable(summary));
}

void TestPendingView::createsAndEditsAreSentences()
{
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const auto groceries = m_store->create(Kind::Note, {{u"title"_s, u"Groceries"_s}});
    QVERIFY(groceries);
    QTRY_COMPARE(sentences(view), QStringList{u"“Groceries” created here"_s});
    QVERIFY2(detail(view, 0).startsWith(u"made at "_s), qPrintable(detail(view, 0)));
    QVERIFY2(detail(view, 0).contains(u"not sent yet"_s), qPrintable(detail(view, 0)));
    QVERIFY(list(view)->isVisible());
    QVERIFY(view.findChild<QPushButton *>(u"retryButton"_s)->isEnabled());

    // Once the server has the note, an edit is an edit of its fields.
    const auto sent = m_store->takeForSending(10);
    QVERIFY(sent && sent->size() == 1);
    QVERIFY(m_store->settle({{sent->constFirst().opId, false, {}}}));
    QTRY_VERIFY(sentences(view).isEmpty());
    QVERIFY(m_store->update(groceries->id, {{u"title"_s, u"Market"_s}}));
    QTRY_COMPARE(sentences(view), QStringList{u"Title of “Market” changed here"_s});

    const QString trip = remoteNote(u"Trip"_s, 4);
    QVERIFY(m_store->update(trip, {{u"body"_s, u"Pack the tent"_s}, {u"tags"_s, QJsonArray{u"summer"_s}}}));
    const auto untitled = m_store->create(Kind::Note, {});
    QVERIFY(untitled);
    const QString old = remoteNote(u"Old list"_s, 5);
    QVERIFY(m_store->trash(old));
    QTRY_COMPARE(sentences(view), (QStringList{u"Title of “Market” changed here"_s, u"Text and tags of “Trip” changed here"_s,
                                               u"“Untitled” created here"_s, u"“Old list” moved to the Trash here"_s}));
    // Nothing collided: no entry speaks of rules.
    for (int row = 0; row < list(view)->count(); ++row)
        QVERIFY(rules(view, row).isEmpty());
}

void TestPendingView::refusedChangeSaysWhy()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Secrets"_s}});
    QVERIFY(note);
    const auto sent = m_store->takeForSending(10);
    QVERIFY(sent && sent->size() == 1);

    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSyncState(State::Syncing, {}, {});
    QVERIFY2(detail(view, 0).contains(u"sending…"_s), qPrintable(detail(view, 0)));
    // The sync broke off with the change on its way: it waits for the next try, and says so.
    view.setSyncState(State::Offline, u"cannot reach the server"_s, QDateTime::currentDateTimeUtc().addSecs(30));
    QVERIFY2(detail(view, 0).contains(u"not sent yet · 1 try · next try in 30 s"_s), qPrintable(detail(view, 0)));
    QCOMPARE(list(view)->item(0)->data(PendingView::StateRole).toInt(), int(PendingView::EntryState::Waiting));

    QVERIFY(m_store->settle({{sent->constFirst().opId, true, u"the title is longer than the server allows"_s}}));
    QTRY_VERIFY2(detail(view, 0).contains(u"refused by the server: the title is longer than the server allows — it "
                                            "goes again, as the item then is, with your next edit of it"_s),
                 qPrintable(detail(view, 0)));
    QCOMPARE(list(view)->item(0)->data(PendingView::StateRole).toInt(), int(PendingView::EntryState::Refused));
    // A refused change is never sent again: nothing to retry.
    QVERIFY(!view.findChild<QPushButton *>(u"retryButton"_s)->isVisible());
}

void TestPendingView::workingOfflineIsCalmAndAnEmptyViewHasNoButton()
{
    PendingView view(*m_store);
    view.resize(460, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *banner = view.findChild<QLabel *>(u"syncErrorBanner"_s);
    auto *retry = view.findChild<QPushButton *>(u"retryButton"_s);
    // Nothing waits: the empty state, and no button that could do nothing.
    QVERIFY(view.findChild<QLabel *>(u"pendingEmptyState"_s)->isVisible());
    QVERIFY(!retry->isVisible());

    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"On the train"_s}}));
    QTRY_VERIFY(retry->isVisible());
    const QColor failed = [&] {
        view.setSyncState(State::Offline, u"cannot reach the server"_s, {});
        return banner->palette().color(QPalette::Window);
    }();
    // Work Offline is a choice, not a failure: said calmly, in the window's own shade.
    view.setSyncState(State::Paused, u"working offline"_s, {});
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"Working offline"_s), qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(u"failed"_s));
    QVERIFY(banner->palette().color(QPalette::Window) != failed);
    QVERIFY(!retry->isVisible());
    QVERIFY2(!detail(view, 0).contains(u"next try"_s), qPrintable(detail(view, 0)));
    view.setSyncState(State::Idle, {}, {});
    QVERIFY(!banner->isVisible());
    QVERIFY(retry->isVisible());
}

void TestPendingView::retryCountdownFollowsTheClock()
{
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Offline thoughts"_s}}));
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *banner = view.findChild<QLabel *>(u"syncErrorBanner"_s);
    auto *countdown = view.findChild<QTimer *>(u"retryCountdown"_s);
    QVERIFY(banner && countdown);
    QVERIFY(!countdown->isActive());

    view.setSyncState(State::Offline, u"server unreachable"_s, QDateTime::currentDateTimeUtc().addSecs(20));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"Last attempt failed: server unreachable"_s);
    QVERIFY2(detail(view, 0).contains(u"not sent yet · next try in 20 s"_s), qPrintable(detail(view, 0)));
    QVERIFY(countdown->isActive());
    QTRY_VERIFY2(detail(view, 0).contains(u"next try in 19 s"_s) || detail(view, 0).contains(u"next try in 18 s"_s),
                 qPrintable(detail(view, 0)));

    // Hidden, the clock stops; shown again, it goes on.
    view.hide();
    QVERIFY(!countdown->isActive());
    view.show();
    QVERIFY(countdown->isActive());

    // All well again: no banner, no countdown.
    view.setSyncState(State::Idle, {}, {});
    QVERIFY(!banner->isVisible());
    QVERIFY(!countdown->isActive());
    QVERIFY(!detail(view, 0).contains(u"next try"_s));
}

void TestPendingView::retryButtonAsks()
{
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Call the bank"_s}}));
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy retry(&view, &PendingView::retryRequested);
    auto *button = view.findChild<QPushButton *>(u"retryButton"_s);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(retry.size(), 1);
}

void TestPendingView::serverChangeAfterAnEditMayConflict()
{
    const QString trip = remoteNote(u"Trip"_s, 3);
    QVERIFY(m_store->update(trip, {{u"title"_s, u"Trip to the coast"_s}, {u"body"_s, u"Tent\nStove\n"_s}}));
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(sentences(view), QStringList{u"Title and text of “Trip to the coast” changed here"_s});
    QVERIFY(rules(view, 0).isEmpty());

    // Another device changed the note after this edit was made.
    QVERIFY(m_store->applyRemotePage(remotePage(trip, 4, {{u"title"_s, u"Trip!"_s}}), {}, 4));
    QTRY_VERIFY(!rules(view, 0).isEmpty());
    QCOMPARE(rules(view, 0), u"Title: the later edit wins\n"
                               "Text: the text is merged line by line; changes to the same lines will wait for you"_s);
    const QString spoken = list(view)->item(0)->data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.contains(u"may conflict"_s), qPrintable(spoken));

    // The account asks for titles: the entry says so.
    QVERIFY(m_store->setConflictPolicies({{u"title"_s, u"ask"_s}}));
    QTRY_VERIFY2(rules(view, 0).startsWith(u"Title: you will be asked to choose\n"_s), qPrintable(rules(view, 0)));
}

void TestPendingView::activatingAnEntryOpensItsItem()
{
    const auto first = m_store->create(Kind::Note, {{u"title"_s, u"First"_s}});
    const auto second = m_store->create(Kind::Task, {{u"title"_s, u"Second"_s}});
    QVERIFY(first && second);
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy opened(&view, &PendingView::openItem);
    QListWidget *entries = list(view);
    QCOMPARE(entries->count(), 2);

    entries->setCurrentRow(1);
    QTest::keyClick(entries, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), second->id);

    const QPoint centre = entries->visualItemRect(entries->item(0)).center();
    // A double-click follows a click: the view opens what the click pressed.
    QTest::mouseClick(entries->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(entries->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(0).toString(), first->id);
}

void TestPendingView::entriesStayInPlaceAsTheOutboxChanges()
{
    const QString trip = remoteNote(u"Trip"_s, 2);
    const auto groceries = m_store->create(Kind::Note, {{u"title"_s, u"Groceries"_s}});
    QVERIFY(groceries);
    QVERIFY(m_store->update(trip, {{u"title"_s, u"Coast"_s}}));
    PendingView view(*m_store);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QListWidget *entries = list(view);
    entries->setCurrentRow(1);
    QListWidgetItem *current = entries->currentItem();

    // More edits of the same note join its entry; a new note gets one of its own at the end.
    QVERIFY(m_store->update(trip, {{u"body"_s, u"Tent"_s}, {u"tags"_s, QJsonArray{u"summer"_s}}}));
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Book the ferry"_s}}));
    QTRY_COMPARE(sentences(view), (QStringList{u"“Groceries” created here"_s, u"Title, text and tags of “Coast” changed here"_s,
                                               u"“Book the ferry” created here"_s}));
    QCOMPARE(entries->currentItem(), current);

    // The server took the first one: it leaves, the others stay as they were.
    const auto sent = m_store->takeForSending(1);
    QVERIFY(sent && sent->size() == 1);
    QVERIFY(m_store->settle({{sent->constFirst().opId, false, {}}}));
    QTRY_COMPARE(entries->count(), 2);
    QCOMPARE(entries->currentItem(), current);
    QCOMPARE(current->text(), u"Title, text and tags of “Coast” changed here"_s);
}

void TestPendingView::bannerAndMarksFollowTheDarkPalette()
{
    const QString trip = remoteNote(u"Trip"_s, 3);
    QVERIFY(m_store->update(trip, {{u"title"_s, u"Trip to the coast"_s}}));
    QVERIFY(m_store->applyRemotePage(remotePage(trip, 4, {{u"title"_s, u"Trip!"_s}}), {}, 4));
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Groceries"_s}}));
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"A title the server will not take"_s}}));
    const auto sent = m_store->takeForSending(10);
    QVERIFY(sent && sent->size() == 3);
    QVERIFY(m_store->settle({{sent->constLast().opId, true, u"the title is too long"_s}}));
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Last"_s}}));

    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? tidemark::ui::Appearance::darkPalette() : QApplication::style()->standardPalette());
        PendingView view(*m_store);
        view.resize(460, 420);
        view.setSyncState(State::Offline, u"server unreachable"_s, QDateTime::currentDateTimeUtc().addSecs(20));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        list(view)->setCurrentRow(3);
        const QPalette banner = view.findChild<QLabel *>(u"syncErrorBanner"_s)->palette();
        const double back = luminance(banner.color(QPalette::Window));
        const double text = luminance(banner.color(QPalette::WindowText));
        QCOMPARE(back < 0.5, dark); // a tint of the window, not a fixed light colour
        QVERIFY2(std::abs(back - text) > 0.5, qPrintable(QString::number(std::abs(back - text))));
    }
}

void TestPendingView::conflictRulesAreSavedWithTheAccount()
{
    const QString path = m_store->path();
    {
        SettingsDialog dialog(path, nullptr, m_store.get());
        QSignalSpy accountChanged(&dialog, &SettingsDialog::accountChanged);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTabWidget *pages = dialog.pages();
        QWidget *page = dialog.findChild<QWidget *>(u"conflictsPage"_s);
        QVERIFY(page);
        QCOMPARE(pages->tabText(pages->indexOf(page)), u"Conflicts"_s);
        pages->setCurrentWidget(page);
        auto *title = page->findChild<QComboBox *>(u"policy_title"_s);
        QVERIFY(title);
        QCOMPARE(title->currentText(), u"Later edit wins"_s);
        // Only fields where one value wins are offered; text, tags and the Trash merge by rule.
        QVERIFY(page->findChild<QComboBox *>(u"policy_due"_s));
        QVERIFY(page->findChild<QComboBox *>(u"policy_priority"_s));
        QVERIFY(!page->findChild<QComboBox *>(u"policy_body"_s));
        QVERIFY(!page->findChild<QComboBox *>(u"policy_tags"_s));
        QVERIFY(!page->findChild<QComboBox *>(u"policy_deleted"_s));

        auto *name = page->findChild<QLineEdit *>(u"deviceName"_s);
        QVERIFY(name);
        QCOMPARE(name->text(), m_store->deviceName(m_store->deviceId())); // the host name until named
        name->setText(u"  Desktop "_s);
        title->setCurrentIndex(title->findText(u"Always ask me"_s));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(accountChanged.size(), 1); // the engine starts again and sends the rules
    }
    const QJsonObject ask{{u"title"_s, u"ask"_s}};
    QCOMPARE(m_store->deviceName(m_store->deviceId()), u"Desktop"_s);
    QCOMPARE(m_store->conflictPolicies(), ask);
    QCOMPARE(m_store->policiesToSend(), std::optional<QJsonObject>(ask));

    SettingsDialog again(path, nullptr, m_store.get());
    auto *title = again.findChild<QComboBox *>(u"policy_title"_s);
    QVERIFY(title);
    QCOMPARE(title->currentText(), u"Always ask me"_s);
    QCOMPARE(again.findChild<QComboBox *>(u"policy_due"_s)->currentText(), u"Later edit wins"_s);
}

void TestPendingView::conflictsPageNeedsAStoreFile()
{
    // Without the window's store there is nowhere to keep the rules: no page, and no store is
    // opened or made for it.
    for (const QString &path : {QString(), u":memory:"_s, m_dir->filePath(u"missing.db"_s), m_store->path()}) {
        SettingsDialog dialog(path);
        QVERIFY2(!dialog.findChild<QWidget *>(u"conflictsPage"_s), qPrintable(path));
    }
    QVERIFY(!QFile::exists(m_dir->filePath(u"missing.db"_s)));
}

QTEST_MAIN(TestPendingView)
#include "tst_pendingview.moc"
