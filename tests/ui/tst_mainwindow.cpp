// The main window as a person uses it: real widgets, offscreen, on a store in a temporary folder.
#include "model/itemlistmodel.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/shell/globalshortcut.h"
#include "ui/shell/itemdelegate.h"
#include "ui/shell/itemlistview.h"
#include "ui/shell/mainwindow.h"
#include "ui/markdownedit.h"
#include "ui/editors/noteeditor.h"
#include "ui/editors/quickentry.h"
#include "ui/shell/reminders.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/shell.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/sidebarmodel.h"
#include "ui/editors/taskeditor.h"
#include "tools/screenshottour/windowscreenshot.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QImage>
#include <QJsonArray>
#include <QMessageBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

using namespace tidemark;
using model::ItemFilter;
using model::Kind;
using model::Store;
using ui::MainWindow;

namespace {

// Runs `action` on the next modal dialog of type D once it is shown.
template<typename D>
void whenDialogShows(std::function<void(D *)> action)
{
    QTimer::singleShot(0, [action] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<D *>(QApplication::activeModalWidget()), 5000);
        action(qobject_cast<D *>(QApplication::activeModalWidget()));
    });
}

QPoint centreOf(QListView *view, int row)
{
    return view->visualRect(view->model()->index(row, 0)).center();
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsThePanesSideBySide();
    void sidebarCountsFollowTheStore();
    void aNoteTypedIsThereWhenReopened();
    void typingSurvivesClosingTheWindow();
    void aNoteNearTheSizeLimitSaysSoAndOneOverItKeepsItsText();
    void openingItemsWritesNothing();
    void searchFindsANoteAndEnterOpensIt();
    void aTaskWithADueDateMovesToDoneWhenCompleted();
    void draggingANoteToACollectionMovesIt();
    void draggingATaskReordersIt();
    void deleteAndRestore();
    void aNewItemIsTheOneSelectionSoCtrlDeleteTrashesOnlyIt();
    void ctrlZUndoesTheListsLastActionAndCtrlShiftZRedoesIt();
    void ctrlZInATextFieldUndoesTheTypingFirst();
    void ctrlZAfterAListStepInTheTitleUndoesTheStep();
    void enterAfterANotesTitleGoesOnToItsText();
    void deletingACollectionCanBeUndoneWithItsItems();
    void ctrlDOnAParentCompletesItsSubtasksAndUndoReopensThem();
    void ctrlEArchivesANoteIntoTheArchiveView();
    void emptyingTheTrashAsksFirst();
    void quickEntryAddsATaskToTheCurrentCollection();
    void windowRemembersItsViewAndItem();
    void remoteChangeKeepsTheUsersTyping();
    void statusBarCountsUnsentChanges();
    void remindersAnnounceTasksAsTheyFallDue();
    void shortcutsDialogListsTheActions();
    void theGlobalQuickEntrySaysWhereItWorksAndOpensQuickEntry();
    void keyboardMovesBetweenPanes();
    void switchingToGermanShowsGermanLabels();
    void darkPaletteReachesTheEditorTheme();
    void workOfflineShowsAClearCheckMark();
    void enterInAListStartsTheNextItem();
    void codeBlocksUseTheFixedWidthFont();
    void screenshotWritesAPictureOfTheWindow();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Store> m_store;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(u"TidemarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    ui::Appearance::applyLanguage(); // as the app does: English plural forms
}

void TestMainWindow::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(u"store.db"_s));
    QVERIFY(store);
    m_store = std::move(*store);
}

void TestMainWindow::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestMainWindow::showsThePanesSideBySide()
{
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QWidget *pane : {static_cast<QWidget *>(window.sidebar()), static_cast<QWidget *>(window.itemList()),
                          static_cast<QWidget *>(window.editorPane())}) {
        QVERIFY2(pane->isVisible(), qPrintable(pane->objectName()));
        QVERIFY2(pane->width() > 100, qPrintable(pane->objectName()));
    }
    QVERIFY(window.sidebar()->mapTo(&window, QPoint()).x() < window.itemList()->mapTo(&window, QPoint()).x());
    QVERIFY(window.itemList()->mapTo(&window, QPoint()).x() < window.editorPane()->mapTo(&window, QPoint()).x());
    QStringList menus;
    for (QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus, QStringList({u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Help"_s}));
}

void TestMainWindow::sidebarCountsFollowTheStore()
{
    MainWindow window(m_store.get());
    // An empty view says so, and how to fill it.
    QVERIFY(window.itemList()->placeholderText().startsWith(u"Nothing here yet."_s));
    window.selectView(u"view:trash"_s);
    QCOMPARE(window.itemList()->placeholderText(), u"The Trash is empty."_s);
    window.selectView(u"view:all"_s);
    auto *sidebar = window.sidebarModel();
    for (const char *key : {"view:all", "view:today", "view:upcoming", "view:done", "view:trash", "view:pending",
                            "view:conflicts"})
        QVERIFY2(sidebar->indexOfKey(QLatin1StringView(key)).isValid(), key);
    const auto groceries = m_store->create(Kind::Collection, {{u"name"_s, u"Groceries"_s}});
    QVERIFY(groceries);
    QVERIFY(m_store->create(Kind::Task, {{u"title"_s, u"Milk"_s}, {u"collection"_s, groceries->id},
                                         {u"due"_s, QDate::currentDate().addDays(-1).toString(Qt::ISODate)},
                                         {u"tags"_s, QJsonArray{u"shop"_s}}}));
    // Counts follow a moment later, all of them at once.
    const auto count = [&](const QString &key) { return sidebar->indexOfKey(key).data(ui::SidebarModel::CountRole).toInt(); };
    QTRY_COMPARE(count(u"collection:"_s + groceries->id), 1);
    QCOMPARE(sidebar->indexOfKey(u"collection:"_s + groceries->id).data().toString(), u"Groceries"_s);
    QCOMPARE(count(u"view:today"_s), 1);
    QCOMPARE(sidebar->indexOfKey(u"view:today"_s).data(ui::SidebarModel::AlertRole).toInt(), 1); // overdue
    QCOMPARE(count(u"tag:shop"_s), 1);
    QCOMPARE(count(u"view:all"_s), 1);
}

void TestMainWindow::aNoteTypedIsThereWhenReopened()
{
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Another note"_s}}));
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.action(u"newNote"_s)->trigger();
    auto *editor = window.noteEditor();
    QCOMPARE(window.editorPane()->currentWidget(), editor);
    QTest::keyClicks(editor->titleField(), u"Shopping list"_s);
    editor->bodyEditor()->setFocus();
    QTest::keyClicks(editor->bodyEditor(), u"- oat milk"_s);
    QTest::keyClick(editor->bodyEditor(), Qt::Key_Return); // the list goes on: "- " is there
    QTest::keyClicks(editor->bodyEditor(), u"bread"_s);
    const QString id = editor->noteId();

    // Switch away by clicking the other note in the list, then back.
    auto *list = window.itemList();
    const int other = 1 - window.itemModel()->rowOf(id);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, other));
    QVERIFY(editor->noteId() != id);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, window.itemModel()->rowOf(id)));
    QCOMPARE(editor->noteId(), id);
    QCOMPARE(editor->titleField()->text(), u"Shopping list"_s);
    QCOMPARE(editor->bodyEditor()->toPlainText(), u"- oat milk\n- bread"_s);
    QCOMPARE(m_store->entity(id)->string(u"body"_s), u"- oat milk\n- bread"_s);
    QCOMPARE(window.itemModel()->index(window.itemModel()->rowOf(id)).data().toString(), u"Shopping list"_s);
}

void TestMainWindow::typingSurvivesClosingTheWindow()
{
    QString id;
    {
        MainWindow window(m_store.get());
        window.show();
        window.action(u"newNote"_s)->trigger();
        id = window.noteEditor()->noteId();
        window.noteEditor()->bodyEditor()->setFocus();
        QTest::keyClicks(window.noteEditor()->bodyEditor(), u"# Typed just before quitting"_s);
        window.close(); // well inside the pause after which typing is saved
    }
    QCOMPARE(m_store->entity(id)->string(u"body"_s), u"# Typed just before quitting"_s);
    // With no title typed, the note is titled by its first heading.
    QCOMPARE(m_store->entity(id)->string(u"title"_s), u"Typed just before quitting"_s);
}

void TestMainWindow::aNoteNearTheSizeLimitSaysSoAndOneOverItKeepsItsText()
{
    // 3.3 MB in UTF-8 of Japanese lines: 1.2 million characters, near the 4 MB limit in bytes.
    QString log;
    for (int line = 0; line < 112'000; ++line)
        log += u"日本語のログ行です。\n"_s;
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Server log"_s}, {u"body"_s, log}});
    QVERIFY2(note, note ? "" : qPrintable(note.error().message));
    const int pending = m_store->pendingCount();
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openItem(note->id);
    auto *editor = window.noteEditor();
    auto *info = editor->findChild<QLabel *>(u"noteInfo"_s);
    QVERIFY(info);
    QVERIFY2(info->text().contains(u"3.3 MB of at most 4 MB"_s), qPrintable(info->text()));
    QVERIFY2(info->text().contains(u"shown without highlighting"_s), qPrintable(info->text()));
    QVERIFY(info->isEnabled()); // the line stands out

    // Pasting 800 KB more at the end (Ctrl+End, Ctrl+V) makes it more than the server takes.
    QString pasted;
    while (pasted.size() < 800'000)
        pasted += u"2026-12-02 10:00:00 sync pushed 200 operations in 12 ms, pulled 1000 changes\n"_s;
    pasted += u"the end of the pasted part"_s;
    QGuiApplication::clipboard()->setText(pasted);
    editor->focusBody();
    QTest::keyClick(editor->bodyEditor(), Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(editor->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    QVERIFY(editor->bodyEditor()->toPlainText().endsWith(u"the end of the pasted part"_s));
    // After the pause in which the editor saves: refused, with the reason, and the text kept.
    QTRY_VERIFY_WITH_TIMEOUT(info->text().startsWith(u"Not saved"_s), 5000);
    QVERIFY2(info->text().contains(u"the note's text is 4.1 MB"_s) && info->text().contains(u"at most 4 MB (4194304 bytes)"_s),
             qPrintable(info->text()));
    QVERIFY(editor->bodyEditor()->toPlainText().endsWith(u"the end of the pasted part"_s));
    QVERIFY(editor->hasUnsavedChanges());
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), log);
    QCOMPARE(m_store->pendingCount(), pending);

    // Undo (Ctrl+Z) takes the paste back, and the note saves again with its size.
    QTest::keyClick(editor->bodyEditor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->bodyEditor()->toPlainText(), log);
    QTest::keyClicks(editor->bodyEditor(), u"the last line"_s);
    QTRY_VERIFY_WITH_TIMEOUT(info->text().startsWith(u"Saved"_s), 5000);
    QVERIFY2(info->text().contains(u"3.3 MB of at most 4 MB"_s), qPrintable(info->text()));
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), log + u"the last line"_s);

    // A minified file pasted as one line of 300,000 characters is laid out breaking anywhere
    // (at word boundaries it would take seconds), and saved.
    QCOMPARE(editor->bodyEditor()->wordWrapMode(), QTextOption::WrapAtWordBoundaryOrAnywhere);
    const QString minified = u"{\"data\":["_s + QString(300'000, u'7') + u"]}"_s;
    QGuiApplication::clipboard()->setText(minified);
    QTest::keyClick(editor->bodyEditor(), Qt::Key_Return);
    QTest::keyClick(editor->bodyEditor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(editor->bodyEditor()->wordWrapMode(), QTextOption::WrapAnywhere);
    editor->saveNow();
    QVERIFY(m_store->entity(note->id)->string(u"body"_s).endsWith(minified));
}

void TestMainWindow::openingItemsWritesNothing()
{
    // Highlighting recolours the text when an editor is shown; that must not count as an edit.
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Code"_s}, {u"body"_s, u"# Code\n```cpp\nint x;\n```\n"_s}});
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Task"_s}, {u"notes"_s, u"**bold** and `code`"_s},
                                                   {u"due"_s, u"2026-12-01T09:30[Europe/Berlin]"_s}});
    QVERIFY(note && task);
    const int pending = m_store->pendingCount();
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openItem(note->id);
    QTest::qWait(50);
    window.openItem(task->id);
    QTest::qWait(800); // past the pause after which typing is saved
    window.openItem(note->id);
    window.close();
    QCOMPARE(m_store->history(note->id)->size(), 1);
    QCOMPARE(m_store->history(task->id)->size(), 1);
    QCOMPARE(m_store->pendingCount(), pending);
    QCOMPARE(window.statusBar()->findChild<QLabel *>(u"savedLabel"_s)->text(), QString());
}

void TestMainWindow::searchFindsANoteAndEnterOpensIt()
{
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"Holiday"_s}, {u"body"_s, u"Pack the snorkel and sunscreen"_s}}));
    const auto target = m_store->create(Kind::Note, {{u"title"_s, u"Recipes"_s}, {u"body"_s, u"Pancakes with blueberries"_s}});
    QVERIFY(target);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.action(u"find"_s)->trigger();
    QTRY_VERIFY(window.searchField()->hasFocus());
    QTest::keyClicks(window.searchField(), u"blueber"_s);
    QTRY_VERIFY(window.searchResults()->isVisible());
    QTRY_COMPARE(window.searchResults()->model()->rowCount(), 1);
    QCOMPARE(window.searchResults()->model()->index(0, 0).data().toString(), u"Recipes"_s);
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    QCOMPARE(window.openItemId(), target->id);
    QCOMPARE(window.noteEditor()->bodyEditor()->toPlainText(), u"Pancakes with blueberries"_s);

    // Escape in the search field clears it and brings the list back.
    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    QTRY_VERIFY(window.itemList()->isVisible());
}

void TestMainWindow::aTaskWithADueDateMovesToDoneWhenCompleted()
{
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.action(u"newTask"_s)->trigger();
    QCOMPARE(window.editorPane()->currentWidget(), static_cast<QWidget *>(window.taskEditor()));
    auto *title = window.taskEditor()->findChild<QLineEdit *>(u"taskTitle"_s);
    auto *dueOn = window.taskEditor()->findChild<QCheckBox *>(u"taskDueEnabled"_s);
    auto *dueDate = window.taskEditor()->findChild<QDateEdit *>(u"taskDueDate"_s);
    QVERIFY(title && dueOn && dueDate);
    QTest::keyClicks(title, u"File the tax return"_s);
    dueOn->click();
    dueDate->setDate(QDate::currentDate().addDays(3));
    window.taskEditor()->saveNow();
    const QString id = window.openItemId();
    QCOMPARE(m_store->entity(id)->string(u"due"_s), QDate::currentDate().addDays(3).toString(Qt::ISODate));

    window.selectView(u"view:upcoming"_s);
    auto *list = window.itemList();
    const int row = window.itemModel()->rowOf(id);
    QVERIFY(row >= 0);
    // Click the round check box at the start of the row.
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = list->visualRect(window.itemModel()->index(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, ui::ItemDelegate::checkBoxRect(option).center());
    QTRY_COMPARE(window.itemModel()->rowOf(id), -1);
    window.selectView(u"view:done"_s);
    QVERIFY(window.itemModel()->rowOf(id) >= 0);
}

void TestMainWindow::draggingANoteToACollectionMovesIt()
{
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Minutes"_s}});
    QVERIFY(work && note);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // What a drag carries from the list, dropped on the collection's row in the sidebar.
    const QModelIndex row = window.itemModel()->index(window.itemModel()->rowOf(note->id));
    std::unique_ptr<QMimeData> data(window.itemModel()->mimeData({row}));
    auto *sidebar = window.sidebar();
    const QPoint target = sidebar->visualRect(window.sidebarModel()->indexOfKey(u"collection:"_s + work->id)).center();
    QDragEnterEvent enter(target, Qt::MoveAction, data.get(), Qt::LeftButton, {});
    QApplication::sendEvent(sidebar->viewport(), &enter);
    QDragMoveEvent move(target, Qt::MoveAction, data.get(), Qt::LeftButton, {});
    QApplication::sendEvent(sidebar->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(target, Qt::MoveAction, data.get(), Qt::LeftButton, {});
    QApplication::sendEvent(sidebar->viewport(), &drop);

    QCOMPARE(m_store->entity(note->id)->string(u"collection"_s), work->id);
    window.selectView(u"collection:"_s + work->id);
    QVERIFY(window.itemModel()->rowOf(note->id) >= 0);
    QTRY_COMPARE(window.sidebarModel()->indexOfKey(u"collection:"_s + work->id).data(ui::SidebarModel::CountRole).toInt(), 1);
}

void TestMainWindow::draggingATaskReordersIt()
{
    const auto list = m_store->create(Kind::Collection, {{u"name"_s, u"Errands"_s}});
    QVERIFY(list);
    QStringList ids;
    for (const char *title : {"first", "second", "third"})
        ids << m_store->create(Kind::Task, {{u"title"_s, QLatin1StringView(title)}, {u"collection"_s, list->id}})->id;
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectView(u"collection:"_s + list->id);
    auto *view = window.itemList();
    QCOMPARE(window.itemModel()->idAt(0), ids.at(0));

    // What the list does with a drag of one of its rows: enter, move, drop.
    QSignalSpy reordered(view, &tidemark::ui::ItemListView::reorderRequested);
    const auto drag = [&](int row, QPointF at) {
        std::unique_ptr<QMimeData> data(window.itemModel()->mimeData({window.itemModel()->index(row)}));
        QDragEnterEvent enter(at.toPoint(), Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at.toPoint(), Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &move);
        QDropEvent drop(at, Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &drop);
        return true;
    };
    const auto upperHalf = [&](int row) {
        const QRect r = view->visualRect(window.itemModel()->index(row));
        return QPointF(r.center().x(), r.top() + 3);
    };

    // "third" dropped on the upper half of "first" goes before it.
    QVERIFY(drag(2, upperHalf(0)));
    QCOMPARE(reordered.size(), 1);
    QCOMPARE(reordered.at(0), (QVariantList{ids.at(2), QString(), ids.at(0)}));
    QTRY_COMPARE(window.itemModel()->idAt(0), ids.at(2));
    QCOMPARE(window.itemModel()->idAt(1), ids.at(0));
    QCOMPARE(window.itemModel()->idAt(2), ids.at(1));

    // "second" dropped on the upper half of the top row goes first.
    QVERIFY(drag(2, upperHalf(0)));
    QTRY_COMPARE(window.itemModel()->idAt(0), ids.at(1));
    QCOMPARE(window.itemModel()->idAt(1), ids.at(2));

    // A row dropped onto its own place changes nothing.
    QVERIFY(drag(0, upperHalf(0)));
    QCOMPARE(reordered.size(), 2);

    // A drag of something that is not a row of this list (another view's item) is refused.
    const auto other = m_store->create(Kind::Note, {{u"title"_s, u"elsewhere"_s}});
    QVERIFY(other);
    QMimeData foreign;
    foreign.setData(QString(model::ItemListModel::kIdsMimeType), other->id.toUtf8());
    QDragEnterEvent enter(upperHalf(0).toPoint(), Qt::MoveAction, &foreign, Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void TestMainWindow::deleteAndRestore()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Old draft"_s}});
    QVERIFY(note);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(window.itemModel()->rowCount(), 0);
    QVERIFY(m_store->entity(note->id)->isDeleted());

    window.selectView(u"view:trash"_s);
    QCOMPARE(window.itemModel()->rowCount(), 1);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    QVERIFY(window.action(u"restore"_s)->isEnabled());
    window.action(u"restore"_s)->trigger();
    QCOMPARE(window.itemModel()->rowCount(), 0);
    window.selectView(u"view:all"_s);
    QCOMPARE(window.itemModel()->rowOf(note->id), 0);
}

void TestMainWindow::aNewItemIsTheOneSelectionSoCtrlDeleteTrashesOnlyIt()
{
    const auto old = m_store->create(Kind::Note, {{u"title"_s, u"Keep me"_s}});
    QVERIFY(old);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    QCOMPARE(window.selectedItemIds(), QStringList{old->id});
    // Ctrl+N with Ctrl held, as a person types it: the new note alone is selected…
    list->setFocus();
    QTest::keyPress(list, Qt::Key_Control);
    QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier);
    QTest::keyRelease(list, Qt::Key_Control);
    const QString fresh = window.openItemId();
    QVERIFY(fresh != old->id);
    QCOMPARE(window.selectedItemIds(), QStringList{fresh});
    QCOMPARE(list->selectionModel()->selectedIndexes().size(), 1);
    // …so Ctrl+Delete moves that one note to the Trash, and only it.
    window.action(u"trash"_s)->trigger();
    QVERIFY(m_store->entity(fresh)->isDeleted());
    QVERIFY(!m_store->entity(old->id)->isDeleted());
    // An item opened that the view does not list leaves nothing selected behind it.
    window.selectView(u"view:trash"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    QCOMPARE(window.selectedItemIds(), QStringList{fresh});
    window.openItem(old->id);
    QVERIFY(list->selectionModel()->selectedIndexes().isEmpty());
}

void TestMainWindow::ctrlZUndoesTheListsLastActionAndCtrlShiftZRedoesIt()
{
    const auto old = m_store->create(Kind::Note, {{u"title"_s, u"Keep me"_s}});
    QVERIFY(old);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier); // a new note; its title has the focus
    const QString fresh = window.openItemId();
    QVERIFY(fresh != old->id);
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete, Qt::ControlModifier);
    QVERIFY(m_store->entity(fresh)->isDeleted());
    QVERIFY(window.statusBar()->currentMessage().contains(u"1 item moved to the Trash"_s));
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo Move to Trash"_s);
    const int pending = m_store->pendingCount();

    // Ctrl+Z where the focus now is (the title field has nothing of its own to undo).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_store->entity(fresh)->isDeleted());
    QVERIFY(!m_store->entity(old->id)->isDeleted());
    QCOMPARE(window.itemModel()->rowCount(), 2);
    QVERIFY(window.statusBar()->currentMessage().contains(u"Undone: Move to Trash"_s));
    QCOMPARE(m_store->pendingCount(), pending); // the note's create and its restoring are one operation
    const auto outbox = m_store->outbox();
    QCOMPARE(outbox->last().entityId, fresh);
    QCOMPARE(outbox->last().fields.value(u"deleted"_s), QJsonValue(false));
    QCOMPARE(window.action(u"redo"_s)->text(), u"&Redo Move to Trash"_s);
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo"_s);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_store->entity(fresh)->isDeleted());
    QVERIFY(!m_store->entity(old->id)->isDeleted());
    QVERIFY(window.statusBar()->currentMessage().contains(u"Redone: Move to Trash"_s));

    // Nothing more to redo: the keys say so and change nothing.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(window.statusBar()->currentMessage().contains(u"Nothing to redo"_s));
    QVERIFY(m_store->entity(fresh)->isDeleted());
}

void TestMainWindow::ctrlZInATextFieldUndoesTheTypingFirst()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Pinned one"_s}});
    QVERIFY(note);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    QTest::keyClick(list, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_store->entity(note->id)->flag(u"pinned"_s));
    auto *body = window.noteEditor()->findChild<ui::MarkdownEdit *>();
    QVERIFY(body);
    body->setFocus();
    QTest::keyClicks(body, u"abc"_s);
    QMenu *edit = window.menuBar()->actions().at(1)->menu(); // the menu names the step as it opens
    Q_EMIT edit->aboutToShow();
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo Typing"_s);
    QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!body->toPlainText().contains(u"abc"_s));
    QVERIFY(m_store->entity(note->id)->flag(u"pinned"_s)); // the list's step is still there
    // With the typing undone, the same keys in the list take back the pin.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_store->entity(note->id)->flag(u"pinned"_s));
}

void TestMainWindow::ctrlZAfterAListStepInTheTitleUndoesTheStep()
{
    // A person's sequence: Ctrl+T, type the title, Ctrl+D, and, as the status bar says, Ctrl+Z,
    // the focus still in the title. The last thing done was marking it done: that comes back,
    // the title stays; a second Ctrl+Z then takes back the typing.
    MainWindow window(m_store.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    auto *title = window.taskEditor()->findChild<QLineEdit *>(u"taskTitle"_s);
    QVERIFY(title);
    QTRY_VERIFY(title->hasFocus());
    QTest::keyClicks(title, u"Pay the rent"_s);
    QTest::keyClick(title, Qt::Key_D, Qt::ControlModifier);
    const QString id = window.taskEditor()->taskId();
    QTRY_VERIFY(m_store->entity(id)->fields.value(u"done_at"_s).isString());
    QCOMPARE(m_store->entity(id)->string(u"title"_s), u"Pay the rent"_s);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"Ctrl+Z undoes it"_s),
             qPrintable(window.statusBar()->currentMessage()));
    QMenu *edit = window.menuBar()->actions().at(1)->menu();
    Q_EMIT edit->aboutToShow();
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo Mark Done"_s);

    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!m_store->entity(id)->fields.value(u"done_at"_s).isString());
    QCOMPARE(title->text(), u"Pay the rent"_s);
    QCOMPARE(m_store->entity(id)->string(u"title"_s), u"Pay the rent"_s);

    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(title->text().isEmpty()); // now the typing
}

void TestMainWindow::enterAfterANotesTitleGoesOnToItsText()
{
    MainWindow window(m_store.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    auto *title = window.noteEditor()->findChild<QLineEdit *>(u"noteTitle"_s);
    auto *body = window.noteEditor()->findChild<ui::MarkdownEdit *>(u"noteBody"_s);
    QVERIFY(title && body);
    QTRY_VERIFY(title->hasFocus());
    QTest::keyClicks(title, u"Shopping list"_s);
    QTest::keyClick(title, Qt::Key_Return);
    QTRY_VERIFY(body->hasFocus());
    QTest::keyClicks(body, u"Buy milk"_s);
    QCOMPARE(title->text(), u"Shopping list"_s);
    QCOMPARE(body->toPlainText(), u"Buy milk"_s);
    window.saveAll();
    const auto saved = m_store->entity(window.openItemId());
    QCOMPARE(saved->string(u"title"_s), u"Shopping list"_s);
    QCOMPARE(saved->string(u"body"_s), u"Buy milk"_s);
}

void TestMainWindow::deletingACollectionCanBeUndoneWithItsItems()
{
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    QVERIFY(work);
    const auto plan = m_store->create(Kind::Note, {{u"title"_s, u"Plan"_s}, {u"collection"_s, work->id}});
    const auto call = m_store->create(Kind::Task, {{u"title"_s, u"Call"_s}, {u"collection"_s, work->id}});
    QVERIFY(plan && call);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString key = u"collection:"_s + work->id;
    window.selectView(key);
    QCOMPARE(window.itemModel()->rowCount(), 2);
    whenDialogShows<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    window.action(u"trashCollection"_s)->trigger();
    QTRY_VERIFY(!window.sidebarModel()->indexOfKey(key).isValid());
    QCOMPARE(window.currentViewKey(), u"view:all"_s);
    QVERIFY(window.itemModel()->rowOf(plan->id) >= 0 && window.itemModel()->rowOf(call->id) >= 0);
    QVERIFY(window.statusBar()->currentMessage().contains(u"“Work” deleted"_s));
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo Delete Collection"_s);

    window.activateWindow(); // back from the question, as the desktop does
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.itemList()->setFocus();
    QTest::keyClick(window.itemList(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY2(window.sidebarModel()->indexOfKey(key).isValid(), qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(m_store->items(ItemFilter::collection(work->id))->size(), 2);
    window.selectView(key);
    QCOMPARE(window.itemModel()->rowCount(), 2);
}

void TestMainWindow::ctrlDOnAParentCompletesItsSubtasksAndUndoReopensThem()
{
    const auto trip = m_store->create(Kind::Task, {{u"title"_s, u"Trip"_s}});
    QVERIFY(trip);
    const auto pack = m_store->create(Kind::Task, {{u"title"_s, u"Pack"_s}, {u"parent"_s, trip->id}});
    const auto book = m_store->create(Kind::Task, {{u"title"_s, u"Book"_s}, {u"parent"_s, trip->id}});
    QVERIFY(pack && book);
    const auto isDone = [this](const QString &id) { return m_store->entity(id)->fields.value(u"done_at"_s).isString(); };
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    const int row = window.itemModel()->rowOf(trip->id);
    QVERIFY(row >= 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, row));
    QCOMPARE(window.selectedItemIds(), QStringList{trip->id});
    QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(isDone(trip->id) && isDone(pack->id) && isDone(book->id));
    QVERIFY(window.statusBar()->currentMessage().contains(u"1 task marked done"_s));
    QCOMPARE(window.action(u"undo"_s)->text(), u"&Undo Mark Done"_s);
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!isDone(trip->id) && !isDone(pack->id) && !isDone(book->id));
}

void TestMainWindow::ctrlEArchivesANoteIntoTheArchiveView()
{
    const auto old = m_store->create(Kind::Note, {{u"title"_s, u"2025 taxes"_s}});
    const auto keep = m_store->create(Kind::Note, {{u"title"_s, u"This week"_s}});
    QVERIFY(old && keep);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.itemList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, window.itemModel()->rowOf(old->id)));
    QTest::keyClick(list, Qt::Key_E, Qt::ControlModifier);
    QVERIFY(m_store->entity(old->id)->flag(u"archived"_s));
    QCOMPARE(window.itemModel()->rowOf(old->id), -1); // out of All items
    QVERIFY(window.statusBar()->currentMessage().contains(u"1 note archived"_s));
    window.sidebarModel()->refresh();
    QCOMPARE(window.sidebarModel()->indexOfKey(u"view:archive"_s).data(ui::SidebarModel::CountRole).toInt(), 1);

    QTest::keyClick(list, Qt::Key_4, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(window.currentViewKey(), u"view:archive"_s);
    QCOMPARE(window.itemModel()->rowCount(), 1);
    QCOMPARE(window.action(u"archive"_s)->text(), u"Un&archive"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 0));
    auto *info = window.noteEditor()->findChild<QLabel *>(u"noteInfo"_s);
    QVERIFY(info && info->text().startsWith(u"Archived · Changed"_s)); // the editor says so, too
    QTest::keyClick(list, Qt::Key_E, Qt::ControlModifier);
    QVERIFY(!m_store->entity(old->id)->flag(u"archived"_s));
    QCOMPARE(window.itemModel()->rowCount(), 0);
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier); // and undo puts it back in the Archive
    QVERIFY(m_store->entity(old->id)->flag(u"archived"_s));
}

void TestMainWindow::emptyingTheTrashAsksFirst()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Scrap"_s}});
    QVERIFY(note && m_store->trash(note->id));
    MainWindow window(m_store.get());
    window.show();
    window.selectView(u"view:trash"_s);
    QVERIFY(window.action(u"emptyTrash"_s)->isEnabled());

    whenDialogShows<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); });
    window.action(u"emptyTrash"_s)->trigger();
    QVERIFY(m_store->entity(note->id));

    whenDialogShows<QMessageBox>([](QMessageBox *box) {
        QVERIFY(box->text().contains(u"1 item"_s));
        box->button(QMessageBox::Discard)->click();
    });
    window.action(u"emptyTrash"_s)->trigger();
    QVERIFY(!m_store->entity(note->id));
    QCOMPARE(window.itemModel()->rowCount(), 0);
}

void TestMainWindow::quickEntryAddsATaskToTheCurrentCollection()
{
    const auto home = m_store->create(Kind::Collection, {{u"name"_s, u"Home"_s}});
    QVERIFY(home);
    MainWindow window(m_store.get());
    window.show();
    window.selectView(u"collection:"_s + home->id);
    whenDialogShows<ui::QuickEntryDialog>([](ui::QuickEntryDialog *dialog) {
        QTest::keyClicks(dialog->field(), u"Fix the porch light"_s);
        QTest::keyClick(dialog->field(), Qt::Key_Return);
    });
    window.action(u"quickEntry"_s)->trigger();
    QCOMPARE(window.itemModel()->rowCount(), 1);
    const auto task = m_store->entity(window.itemModel()->idAt(0));
    QCOMPARE(task->kind, Kind::Task);
    QCOMPARE(task->string(u"title"_s), u"Fix the porch light"_s);
    QCOMPARE(task->string(u"collection"_s), home->id);
}

void TestMainWindow::windowRemembersItsViewAndItem()
{
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Plan"_s}, {u"collection"_s, work->id}});
    QVERIFY(work && note);
    QList<int> sizes;
    {
        MainWindow window(m_store.get());
        window.show();
        window.resize(700, 500);
        window.selectView(u"collection:"_s + work->id);
        window.openItem(note->id);
        auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
        splitter->setSizes({200, 220, 280});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow again(m_store.get());
    again.show();
    QCOMPARE(again.size(), QSize(700, 500));
    QCOMPARE(again.currentViewKey(), u"collection:"_s + work->id);
    QTRY_COMPARE(again.openItemId(), note->id); // once the list has been drawn
    QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
}

void TestMainWindow::remoteChangeKeepsTheUsersTyping()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Draft"_s}, {u"body"_s, u"line one\n"_s}});
    QVERIFY(note);
    MainWindow window(m_store.get());
    window.show();
    window.openItem(note->id);
    auto *body = window.noteEditor()->bodyEditor();
    body->setFocus();
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, u"my unsaved words"_s);
    const int caret = body->textCursor().position();

    // Another writer (the sync, another window) changes the title meanwhile.
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"Final"_s}}));
    QCOMPARE(window.noteEditor()->titleField()->text(), u"Final"_s);
    QCOMPARE(body->toPlainText(), u"line one\nmy unsaved words"_s);
    QCOMPARE(body->textCursor().position(), caret);

    // And a change to the body the user is not editing lands without moving the caret.
    window.noteEditor()->saveNow();
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"line zero\nline one\nmy unsaved words"_s}}));
    QCOMPARE(body->toPlainText(), u"line zero\nline one\nmy unsaved words"_s);
    QCOMPARE(body->textCursor().position(), caret + 10);
}

void TestMainWindow::statusBarCountsUnsentChanges()
{
    MainWindow window(m_store.get());
    auto *pending = window.statusBar()->findChild<QLabel *>(u"pendingLabel"_s);
    auto *state = window.statusBar()->findChild<QLabel *>(u"syncStateLabel"_s);
    QVERIFY(pending && state);
    // Local only: changes are kept for a sync that may come.
    QCOMPARE(state->text(), u"Local only"_s);
    QCOMPARE(pending->text(), QString());
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"one"_s}}));
    QCOMPARE(pending->text(), u"1 change kept for sync"_s);
    QVERIFY(m_store->create(Kind::Note, {{u"title"_s, u"two"_s}}));
    QCOMPARE(pending->text(), u"2 changes kept for sync"_s);
    // The sidebar's Pending says the same number, a collection's change included.
    QVERIFY(m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}}));
    QCOMPARE(pending->text(), u"3 changes kept for sync"_s);
    window.sidebarModel()->refresh();
    QCOMPARE(window.sidebarModel()->indexOfKey(u"view:pending"_s).data(ui::SidebarModel::CountRole).toInt(), 3);

    // With a server, the engine's state shows, with Retry when it failed.
    auto *retry = window.statusBar()->findChild<QPushButton *>(u"retryButton"_s);
    window.showSyncState(tidemark::client::SyncEngine::State::Offline, u"cannot reach the server"_s,
                         QDateTime::currentDateTime().addSecs(30));
    QCOMPARE(state->text(), u"Offline"_s);
    QVERIFY(state->toolTip().contains(u"Next try at"_s));
    QVERIFY(!retry->isHidden());
    QCOMPARE(pending->text(), u"3 changes not sent"_s);
    QSignalSpy again(&window, &MainWindow::syncNowRequested);
    retry->click();
    QCOMPARE(again.size(), 1);
    window.showSyncState(tidemark::client::SyncEngine::State::Syncing, {}, {});
    window.showSyncProgress(40, 400);
    QVERIFY(!window.statusBar()->findChild<QProgressBar *>(u"syncProgress"_s)->isHidden());
    QCOMPARE(state->text(), u"Syncing…"_s);
    window.showSynced(2, 400, 0, 0);
    window.showSyncState(tidemark::client::SyncEngine::State::Idle, {}, {});
    QVERIFY(state->text().startsWith(u"Synced "_s));
    QVERIFY(retry->isHidden());
    QVERIFY(window.statusBar()->findChild<QProgressBar *>(u"syncProgress"_s)->isHidden());
    // A server that speaks only a newer protocol: the sentence stays, and no next try is named.
    const QString update = u"The server speaks sync protocol 2 and this app speaks 1: update the app."_s;
    window.showSyncState(tidemark::client::SyncEngine::State::Error, update, {});
    QCOMPARE(state->text(), u"Sync stopped"_s);
    QCOMPARE(state->toolTip(), update);
    QVERIFY(!retry->isHidden());
    QTest::qWait(50);
    QVERIFY2(window.statusBar()->currentMessage().contains(update), qPrintable(window.statusBar()->currentMessage()));
    window.showSyncState(tidemark::client::SyncEngine::State::SignedOut, {}, {});
    QCOMPARE(state->text(), u"Sign in again"_s);
    QVERIFY(!window.action(u"syncNow"_s)->isEnabled());
}

void TestMainWindow::remindersAnnounceTasksAsTheyFallDue()
{
    // A clock the test moves: now is 08:00 today (local time).
    QDateTime now(QDate::currentDate(), QTime(8, 0));
    const auto dueAt = [](int hour) {
        return QDate::currentDate().toString(Qt::ISODate) + u"T%1:00"_s.arg(hour, 2, 10, QLatin1Char('0'));
    };
    const auto soon = m_store->create(Kind::Task, {{u"title"_s, u"Call the bank"_s}, {u"due"_s, dueAt(9)}});
    const auto later = m_store->create(Kind::Task, {{u"title"_s, u"Pick up the kids"_s}, {u"due"_s, dueAt(15)}});
    const auto dateOnly = m_store->create(Kind::Task, {{u"title"_s, u"Sometime today"_s}, {u"due"_s, QDate::currentDate().toString(Qt::ISODate)}});
    const auto early = m_store->create(Kind::Task, {{u"title"_s, u"Already late"_s}, {u"due"_s, dueAt(7)}});
    QVERIFY(soon && later && dateOnly && early);
    ui::Reminders reminders(m_store.get(), nullptr, [&now] { return now; });
    reminders.setNotifyDesktop(false);
    QSignalSpy due(&reminders, &ui::Reminders::fellDue);

    reminders.check(); // 08:00: nothing falls due; one already late before the app started is not announced
    QCOMPARE(due.size(), 0);
    now = now.addSecs(3600 + 60); // 09:01
    reminders.check();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).at(0).toString(), soon->id);
    QCOMPARE(due.at(0).at(1).toString(), u"Call the bank"_s);
    reminders.check(); // announced once only
    QCOMPARE(due.size(), 1);
    QVERIFY(m_store->setDone(later->id, true)); // done before its time: no reminder
    now = now.addSecs(7 * 3600);
    reminders.check();
    QCOMPARE(due.size(), 1);
}

void TestMainWindow::shortcutsDialogListsTheActions()
{
    MainWindow window(m_store.get());
    ui::ShortcutsDialog dialog(window.shortcutActions(), &window);
    QStringList rows;
    for (int row = 0; row < dialog.table()->rowCount(); ++row)
        rows << dialog.table()->item(row, 0)->text() + u" = "_s + dialog.table()->item(row, 1)->text();
    QVERIFY2(rows.contains(u"New Note = "_s + QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
             qPrintable(rows.join(u"; "_s)));
    for (const char *name : {"New Task", "Find", "Quick Entry", "Move to Trash", "Go to Sidebar", "Keyboard Shortcuts"}) {
        bool found = false;
        for (const QString &row : std::as_const(rows))
            found |= row.startsWith(QLatin1StringView(name));
        QVERIFY2(found, name);
    }
}

void TestMainWindow::theGlobalQuickEntrySaysWhereItWorksAndOpensQuickEntry()
{
    ui::Shell shell(m_store.get());
    ui::GlobalShortcut *global = shell.globalShortcut();
    QVERIFY(global);
    // No desktop shortcut service here (offscreen, no session bus): it says so, and what works.
    if (!global->isActive()) {
        QVERIFY2(global->description().contains(u"not available"_s), qPrintable(global->description()));
        QVERIFY(global->description().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A).toString(QKeySequence::NativeText)));
    } else {
        QVERIFY(global->description().contains(u"from anywhere on the desktop"_s));
    }
    whenDialogShows<ui::ShortcutsDialog>([&](ui::ShortcutsDialog *dialog) {
        QVERIFY(dialog->note()->isVisible());
        QCOMPARE(dialog->note()->text(), global->description());
        dialog->reject();
    });
    shell.window()->show();
    shell.window()->action(u"shortcuts"_s)->trigger();

    // The desktop calls it from another program: the window comes forward with Quick Entry.
    shell.window()->hide();
    bool opened = false;
    whenDialogShows<ui::QuickEntryDialog>([&](ui::QuickEntryDialog *dialog) {
        opened = true;
        dialog->reject();
    });
    Q_EMIT global->triggered();
    QVERIFY(opened);
    QVERIFY(shell.window()->isVisible());
}

void TestMainWindow::keyboardMovesBetweenPanes()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Keys"_s}});
    QVERIFY(note);
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(window.sidebar()->hasFocus());
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(window.itemList()->hasFocus());
    QTest::keyClick(window.itemList(), Qt::Key_Down);
    QTest::keyClick(window.itemList(), Qt::Key_Return);
    QCOMPARE(window.openItemId(), note->id);
    QTRY_VERIFY(window.noteEditor()->bodyEditor()->hasFocus());
}

void TestMainWindow::switchingToGermanShowsGermanLabels()
{
    ui::Shell shell(m_store.get());
    shell.window()->show();
    QSignalSpy rebuilt(&shell, &ui::Shell::windowRebuilt);
    whenDialogShows<ui::SettingsDialog>([](ui::SettingsDialog *dialog) {
        auto *language = dialog->findChild<QComboBox *>(u"languageChoice"_s);
        QVERIFY(language);
        language->setCurrentIndex(language->findData(u"de"_s));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    shell.window()->action(u"settings"_s)->trigger();
    QVERIFY(rebuilt.wait(5000));
    QStringList menus;
    for (QAction *menu : shell.window()->menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus, QStringList({u"&Datei"_s, u"&Bearbeiten"_s, u"&Ansicht"_s, u"&Hilfe"_s}));
    QCOMPARE(shell.window()->action(u"newNote"_s)->text(), u"Neue &Notiz"_s);
    QCOMPARE(shell.window()->sidebarModel()->indexOfKey(u"view:today"_s).data().toString(), u"Heute"_s);

    // Back to English for the tests after this one.
    ui::Appearance::setLanguage(u"en"_s);
    ui::Appearance::applyLanguage();
    QVERIFY(rebuilt.wait(5000));
    QCOMPARE(shell.window()->menuBar()->actions().constFirst()->text(), u"&File"_s);
}

void TestMainWindow::darkPaletteReachesTheEditorTheme()
{
    const auto note = m_store->create(Kind::Note, {{u"body"_s, u"# Colours\n```cpp\nint x = 1;\n```\n"_s}});
    QVERIFY(note);
    MainWindow window(m_store.get());
    window.show();
    window.openItem(note->id);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::Appearance::setScheme(ui::Appearance::Scheme::Light);
    ui::Appearance::apply();
    auto *body = window.noteEditor()->bodyEditor();
    const QString light = body->themeName();
    QVERIFY(!light.isEmpty());
    ui::Appearance::setScheme(ui::Appearance::Scheme::Dark);
    ui::Appearance::apply();
    QVERIFY(ui::Appearance::isDark());
    QTRY_VERIFY(body->themeName() != light);
    ui::Appearance::setScheme(ui::Appearance::Scheme::Light);
    ui::Appearance::apply();
    QTRY_COMPARE(body->themeName(), light);
}

void TestMainWindow::workOfflineShowsAClearCheckMark()
{
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *offline = window.action(u"workOffline"_s);
    QMenu *file = window.menuBar()->actions().at(0)->menu();
    QVERIFY(!offline->isIconVisibleInMenu()); // the style's own check box, not a sunken icon
    const auto picture = [&] {
        file->popup(window.mapToGlobal(QPoint(0, 0)));
        QTest::qWait(50);
        const QImage image = file->grab(file->actionGeometry(offline)).toImage();
        file->hide();
        return image;
    };
    offline->setChecked(false);
    const QImage off = picture();
    offline->setChecked(true);
    const QImage on = picture();
    offline->setChecked(false);
    QCOMPARE(on.size(), off.size());
    int differ = 0;
    for (int y = 0; y < on.height(); ++y)
        for (int x = 0; x < on.width(); ++x)
            differ += qGray(on.pixel(x, y)) / 32 != qGray(off.pixel(x, y)) / 32 ? 1 : 0;
    QVERIFY2(differ > 20, qPrintable(QString::number(differ))); // a mark one can see
}

void TestMainWindow::enterInAListStartsTheNextItem()
{
    ui::MarkdownEdit edit;
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    edit.setFocus();
    QTest::keyClicks(&edit, u"Shopping"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"- milk"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"bread"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClick(&edit, Qt::Key_Return); // an empty item ends the list
    QTest::keyClicks(&edit, u"Steps"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"  9. preheat"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"bake"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"- [x] packed"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"tickets"_s);
    // Enter on an empty item takes its marker away and leaves the line for what comes next.
    QCOMPARE(edit.toPlainText(), u"Shopping\n- milk\n- bread\nSteps\n  9. preheat\n  10. bake\n- [x] packed\n- [ ] tickets"_s);
    // In a code block, Enter is only a new line.
    edit.selectAll();
    QTest::keyClick(&edit, Qt::Key_Delete);
    QTest::keyClicks(&edit, u"```"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QTest::keyClicks(&edit, u"- not a list in code"_s);
    QTest::keyClick(&edit, Qt::Key_Return);
    QCOMPARE(edit.toPlainText(), u"```\n- not a list in code\n"_s);
}

void TestMainWindow::codeBlocksUseTheFixedWidthFont()
{
    ui::MarkdownEdit edit;
    edit.setMarkdown(u"Some prose\n\n```cpp\nint answer = 42;\n```\n\n```\nplain code\n```\n"_s);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    const auto fixedAt = [&](int blockNumber) {
        const QTextBlock block = edit.document()->findBlockByNumber(blockNumber);
        bool fixed = false;
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            fixed = fixed || range.format.fontFixedPitch();
        return fixed;
    };
    QTRY_VERIFY(fixedAt(3)); // int answer = 42; (C++ inside the fence)
    QVERIFY(fixedAt(7));     // plain code
    QVERIFY(!fixedAt(0));    // the prose keeps the editor's font
}

void TestMainWindow::screenshotWritesAPictureOfTheWindow()
{
    const QString path = m_dir->filePath(u"shots/window.png"_s);
    MainWindow window(m_store.get());
    tools::WindowScreenshot shot(&window, path);
    QSignalSpy saved(&shot, &tools::WindowScreenshot::saved);
    window.show();
    QVERIFY(saved.wait(5000));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 3, qPrintable(QString::number(colours.size())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
