// The main window's actions, menus and what they do.
#include "ui/shell/mainwindow.h"

#include "ui/appearance.h"
#include "ui/conflicts/historydialog.h"
#include "ui/icons.h"
#include "ui/shell/itemlistview.h"
#include "ui/editors/noteeditor.h"
#include "ui/editors/quickentry.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/sidebarmodel.h"
#include "ui/editors/taskeditor.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <tidemark/version.h>

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
bool textHasHistory(const QWidget *widget, bool redo)
{
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(widget))
        return !edit->isReadOnly() && (redo ? edit->document()->isRedoAvailable() : edit->document()->isUndoAvailable());
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly() && (redo ? line->isRedoAvailable() : line->isUndoAvailable());
    return false;
}

void MainWindow::createActions()
{
    const auto add = [this](const char *name, const QString &text, const char *icon, const QKeySequence &shortcut,
                            auto slot) {
        auto *action = new QAction(themedIcon(QLatin1StringView(icon)), text, this);
        action->setObjectName(QLatin1StringView(name));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(QLatin1StringView(name), action);
        return action;
    };
    add("newNote", tr("New &Note"), "note-new", QKeySequence::New, [this] { createItem(model::Kind::Note); });
    add("newTask", tr("New &Task"), "task-new", QKeySequence(Qt::CTRL | Qt::Key_T), [this] { createItem(model::Kind::Task); });
    add("newCollection", tr("New &Collection…"), "collection-new", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        &MainWindow::newCollection);
    add("quickEntry", tr("&Quick Entry…"), "quick-entry", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        &MainWindow::showQuickEntry);
    add("find", tr("&Find"), "search", QKeySequence::Find, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    add("rename", tr("&Rename Collection…"), "rename", QKeySequence(Qt::Key_F2), &MainWindow::renameCollection);
    add("trashCollection", tr("Delete Co&llection"), "trash", {}, &MainWindow::trashCollection);
    add("move", tr("&Move To…"), "move", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &MainWindow::moveSelected);
    add("trash", tr("Move to &Trash"), "trash", QKeySequence(Qt::CTRL | Qt::Key_Delete), &MainWindow::trashSelected);
    add("restore", tr("R&estore"), "restore", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &MainWindow::restoreSelected);
    add("emptyTrash", tr("&Empty Trash…"), "empty-trash", {}, &MainWindow::emptyTrash);
    add("toggleDone", tr("Mark &Done"), "done", QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::toggleDoneSelected);
    add("togglePin", tr("&Pin"), "pin", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &MainWindow::togglePinSelected);
    add("archive", tr("&Archive"), "archive", QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::toggleArchiveSelected);
    add("showHistory", tr("Show &History…"), "history", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), &MainWindow::showHistory);
    add("undo", tr("&Undo"), "undo", QKeySequence::Undo, [this] { undoOrRedo(false); });
    add("redo", tr("&Redo"), "redo", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { undoOrRedo(true); });
    // Ctrl+Y too, where the platform's Redo is that (Windows) or has it as a second key.
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(key))
            redoKeys << key;
    m_actions.value(u"redo"_s)->setShortcuts(redoKeys);
    add("focusSidebar", tr("Go to &Sidebar"), "collection", QKeySequence(Qt::CTRL | Qt::Key_1),
        [this] { m_sidebar->setFocus(Qt::ShortcutFocusReason); });
    add("focusList", tr("Go to &List"), "all-items", QKeySequence(Qt::CTRL | Qt::Key_2), [this] {
        QWidget *list = m_listStack->currentWidget();
        list->setFocus(Qt::ShortcutFocusReason);
    });
    add("focusEditor", tr("Go to &Editor"), "rename", QKeySequence(Qt::CTRL | Qt::Key_3), &MainWindow::focusEditor);
    const QList<std::pair<const char *, QString>> views{
        {"view:all", tr("All Items")}, {"view:today", tr("Today")}, {"view:upcoming", tr("Upcoming")},
        {"view:archive", tr("Archive")}};
    int digit = 0;
    for (const auto &[key, text] : views) {
        const QString viewKey = QLatin1StringView(key);
        add(qPrintable(u"show-"_s + viewKey.mid(5)), text, key + 5, QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_1 + digit++)),
            [this, viewKey] { selectView(viewKey); });
    }
    add("showConflicts", tr("&Conflicts"), "conflict", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C),
        [this] { selectView(u"view:conflicts"_s); });
    add("showPending", tr("&Pending Changes"), "pending", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P),
        [this] { selectView(u"view:pending"_s); });
    add("showAudit", tr("&Audit Trail…"), "history", {}, [this] { showAudit(); });
    add("syncNow", tr("S&ync Now"), "sync", QKeySequence(Qt::Key_F5), &MainWindow::syncNowRequested);
    auto *offline = add("workOffline", tr("&Work Offline"), "work-offline", {}, [] {});
    offline->setCheckable(true);
    // A checked icon is only a faint frame in most styles: the menu shows a plain check box.
    offline->setIconVisibleInMenu(false);
    connect(offline, &QAction::toggled, this, &MainWindow::workOfflineToggled);
    add("syncDiagnostics", tr("Sync &Diagnostics…"), "sync", {}, &MainWindow::showSyncDiagnostics);
    add("settings", tr("&Settings…"), "settings", QKeySequence(Qt::CTRL | Qt::Key_Comma), &MainWindow::showSettings)
        ->setMenuRole(QAction::PreferencesRole);
    add("quit", tr("&Quit"), "quit", QKeySequence::Quit, &QWidget::close)->setMenuRole(QAction::QuitRole);
    add("shortcuts", tr("&Keyboard Shortcuts"), "keyboard", QKeySequence(Qt::CTRL | Qt::Key_Slash), &MainWindow::showShortcuts);
    add("about", tr("&About Tidemark"), "about", {}, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    m_actions.value(u"show-all"_s)->setIcon(themedIcon(u"all-items"_s));
}

void MainWindow::createMenus()
{
    const auto fill = [this](QMenu *menu, std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (qstrcmp(name, "-") == 0)
                menu->addSeparator();
            else
                menu->addAction(m_actions.value(QLatin1StringView(name)));
        }
    };
    fill(menuBar()->addMenu(tr("&File")), {"newNote", "newTask", "newCollection", "quickEntry", "-", "syncNow",
                                          "workOffline", "syncDiagnostics", "-", "settings", "-", "quit"});
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateUndoActions);
    fill(edit, {"undo", "redo", "-", "find", "-", "rename", "move", "togglePin", "archive", "toggleDone",
                                          "showHistory", "-", "trash", "restore", "emptyTrash", "trashCollection"});
    fill(menuBar()->addMenu(tr("&View")), {"show-all", "show-today", "show-upcoming", "show-archive", "-", "showConflicts", "showPending",
                                          "showAudit", "-", "focusSidebar", "focusList", "focusEditor"});
    fill(menuBar()->addMenu(tr("&Help")), {"shortcuts", "-", "about"});

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_actions.value(u"newNote"_s));
    toolbar->addAction(m_actions.value(u"newTask"_s));
    toolbar->addAction(m_actions.value(u"quickEntry"_s));
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_searchField);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    QList<QAction *> actions;
    for (QAction *menu : menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            if (!action->isSeparator() && !action->shortcut().isEmpty())
                actions << action;
    return actions;
}

QStringList MainWindow::selectedItemIds() const
{
    QStringList ids;
    if (m_listStack->currentWidget() == m_itemList) {
        for (const QModelIndex &index : m_itemList->selectionModel()->selectedIndexes())
            ids << index.data(model::ItemListModel::IdRole).toString();
    }
    if (ids.isEmpty() && !m_openId.isEmpty())
        ids << m_openId;
    return ids;
}

QString MainWindow::currentCollectionId() const
{
    const auto filter = SidebarModel::filterOfKey(m_viewKey);
    return filter && filter->type == model::ItemFilter::Type::Collection ? filter->value : QString();
}

void MainWindow::updateActions()
{
    const bool inTrash = m_viewKey == u"view:trash"_s;
    const bool hasItem = !selectedItemIds().isEmpty();
    m_actions.value(u"trash"_s)->setEnabled(hasItem && !inTrash);
    m_actions.value(u"restore"_s)->setEnabled(hasItem && inTrash);
    m_actions.value(u"emptyTrash"_s)->setEnabled(inTrash && m_items->rowCount() > 0);
    m_actions.value(u"move"_s)->setEnabled(hasItem && !inTrash);
    m_actions.value(u"toggleDone"_s)->setEnabled(hasItem && !inTrash);
    m_actions.value(u"togglePin"_s)->setEnabled(hasItem && !inTrash);
    const bool inArchive = m_viewKey == u"view:archive"_s;
    m_actions.value(u"archive"_s)->setEnabled(hasItem && !inTrash);
    m_actions.value(u"archive"_s)->setText(inArchive ? tr("Un&archive") : tr("&Archive"));
    m_actions.value(u"showHistory"_s)->setEnabled(hasItem);
    const bool onCollection = !currentCollectionId().isEmpty();
    m_actions.value(u"rename"_s)->setEnabled(onCollection);
    m_actions.value(u"trashCollection"_s)->setEnabled(onCollection);
}

void MainWindow::createItem(model::Kind kind, const QString &title)
{
    saveAll();
    QJsonObject fields;
    if (!title.isEmpty())
        fields.insert(u"title"_s, title);
    const auto filter = SidebarModel::filterOfKey(m_viewKey).value_or(model::ItemFilter::all());
    using T = model::ItemFilter::Type;
    switch (filter.type) {
    case T::Collection:
        fields.insert(u"collection"_s, filter.value);
        break;
    case T::Tag:
        fields.insert(u"tags"_s, QJsonArray{filter.value});
        break;
    case T::Today:
    case T::Upcoming:
        if (kind == model::Kind::Task)
            fields.insert(u"due"_s, QDate::currentDate().addDays(filter.type == T::Today ? 0 : 1).toString(Qt::ISODate));
        break;
    default:
        break;
    }
    const auto created = m_store->create(kind, fields);
    if (!created) {
        showError(created.error().message);
        return;
    }
    // A new item must be visible where it is made: views it cannot appear in give way to All.
    if (m_items->rowOf(created->id) < 0)
        selectView(u"view:all"_s);
    openItem(created->id);
    if (kind == model::Kind::Note)
        m_noteEditor->focusTitle();
    else
        m_taskEditor->focusTitle();
}

QString MainWindow::actionName(model::ListActions::Action action) const
{
    using A = model::ListActions::Action;
    switch (action) {
    case A::Trash:
        return tr("Move to Trash");
    case A::Restore:
        return tr("Restore");
    case A::Complete:
        return tr("Mark Done");
    case A::Reopen:
        return tr("Mark Not Done");
    case A::Move:
        return tr("Move");
    case A::Pin:
        return tr("Pin");
    case A::Unpin:
        return tr("Unpin");
    case A::Archive:
        return tr("Archive");
    case A::Unarchive:
        return tr("Unarchive");
    case A::DeleteCollection:
        return tr("Delete Collection");
    }
    return {};
}

void MainWindow::reportListAction(const model::Result<model::ListActions::Outcome> &outcome, const QString &done)
{
    updateUndoActions();
    updateActions();
    if (!outcome) {
        showError(outcome.error().message);
        return;
    }
    if (outcome->items == 0 || done.isEmpty())
        return;
    const QString undoKey = m_actions.value(u"undo"_s)->shortcut().toString(QKeySequence::NativeText);
    statusBar()->showMessage(tr("%1 %2 undoes it.").arg(done, undoKey), 8000);
}

void MainWindow::undoOrRedo(bool redo)
{
    // A text field with something to undo takes it back itself (the editor's typing).
    if (QWidget *text = QApplication::focusWidget(); text && typingUndoesFirst(text, redo)) {
        if (auto *edit = qobject_cast<QPlainTextEdit *>(text))
            redo ? edit->redo() : edit->undo();
        else if (auto *line = qobject_cast<QLineEdit *>(text))
            redo ? line->redo() : line->undo();
        return;
    }
    if (!m_listActions || !(redo ? m_listActions->redoable() : m_listActions->undoable())) {
        statusBar()->showMessage(redo ? tr("Nothing to redo.") : tr("Nothing to undo."), 4000);
        return;
    }
    saveAll();
    const auto outcome = redo ? m_listActions->redo() : m_listActions->undo();
    updateUndoActions();
    updateActions();
    if (!outcome) {
        showError(outcome.error().message);
        return;
    }
    QString message = redo ? tr("Redone: %1.").arg(actionName(outcome->action))
                           : tr("Undone: %1.").arg(actionName(outcome->action));
    if (outcome->keptNewer > 0)
        message += u' '
            + tr("%n item(s) had changed since and keep their newer values.", nullptr, outcome->keptNewer);
    statusBar()->showMessage(message, 8000);
    m_sidebarModel->refresh();
}

void MainWindow::updateUndoActions()
{
    const auto undoable = m_listActions ? m_listActions->undoable() : std::nullopt;
    const auto redoable = m_listActions ? m_listActions->redoable() : std::nullopt;
    const auto text = [this](bool redo, const std::optional<model::ListActions::Action> &step) {
        if (const QWidget *focus = QApplication::focusWidget(); focus && typingUndoesFirst(focus, redo))
            return redo ? tr("&Redo Typing") : tr("&Undo Typing");
        if (step)
            return redo ? tr("&Redo %1").arg(actionName(*step)) : tr("&Undo %1").arg(actionName(*step));
        return redo ? tr("&Redo") : tr("&Undo");
    };
    m_actions.value(u"undo"_s)->setText(text(false, undoable));
    m_actions.value(u"redo"_s)->setText(text(true, redoable));
}

void MainWindow::trashSelected()
{
    saveAll();
    const QStringList ids = selectedItemIds();
    const auto outcome = m_listActions->trash(ids);
    reportListAction(outcome, tr("%n item(s) moved to the Trash.", nullptr, outcome ? outcome->items : 0));
}

void MainWindow::restoreSelected()
{
    const QStringList ids = selectedItemIds();
    const auto outcome = m_listActions->restore(ids);
    reportListAction(outcome, tr("%n item(s) restored.", nullptr, outcome ? outcome->items : 0));
}

void MainWindow::emptyTrash()
{
    const auto counts = m_store->viewCounts();
    const int count = counts ? counts->trash : 0;
    const auto answer = QMessageBox::question(
        this, tr("Empty Trash"),
        tr("Erase the %n item(s) in the Trash from this computer? This cannot be undone.", nullptr, count),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    m_noteEditor->setNote({});
    m_taskEditor->setTask({});
    m_editorPane->setCurrentWidget(m_emptyPage);
    m_openId.clear();
    if (const auto erased = m_store->emptyTrash(); !erased)
        showError(erased.error().message);
    else
        statusBar()->showMessage(tr("%n item(s) erased", nullptr, *erased), 5000);
}

void MainWindow::toggleDoneSelected()
{
    saveAll();
    const auto outcome = m_listActions->toggleDone(selectedItemIds());
    const bool done = outcome && outcome->action == model::ListActions::Action::Complete;
    const int count = outcome ? outcome->items : 0;
    reportListAction(outcome, done ? tr("%n task(s) marked done.", nullptr, count)
                                   : tr("%n task(s) marked not done.", nullptr, count));
}

void MainWindow::togglePinSelected()
{
    saveAll();
    const auto outcome = m_listActions->togglePinned(selectedItemIds());
    const bool pinned = outcome && outcome->action == model::ListActions::Action::Pin;
    const int count = outcome ? outcome->items : 0;
    reportListAction(outcome, pinned ? tr("%n note(s) pinned.", nullptr, count) : tr("%n note(s) unpinned.", nullptr, count));
}

void MainWindow::toggleArchiveSelected()
{
    saveAll();
    const auto outcome = m_listActions->toggleArchived(selectedItemIds());
    const bool archived = outcome && outcome->action == model::ListActions::Action::Archive;
    const int count = outcome ? outcome->items : 0;
    reportListAction(outcome, archived ? tr("%n note(s) archived.", nullptr, count)
                                       : tr("%n note(s) back from the Archive.", nullptr, count));
}

void MainWindow::moveItemsTo(const QStringList &ids, const QString &key)
{
    saveAll();
    if (key == u"view:trash"_s) {
        const auto outcome = m_listActions->trash(ids);
        reportListAction(outcome, tr("%n item(s) moved to the Trash.", nullptr, outcome ? outcome->items : 0));
        return;
    }
    const auto filter = SidebarModel::filterOfKey(key);
    const QString collection = filter && filter->type == model::ItemFilter::Type::Collection ? filter->value : QString();
    const auto outcome = m_listActions->move(ids, collection);
    const QModelIndex target = m_sidebarModel->indexOfKey(key);
    reportListAction(outcome, tr("%n item(s) moved to %1.", nullptr, outcome ? outcome->items : 0)
                                  .arg(collection.isEmpty() ? tr("no collection") : target.data().toString()));
}

void MainWindow::moveSelected()
{
    const auto collections = m_store->collections();
    if (!collections)
        return;
    QStringList names{tr("(No collection)")};
    QStringList keys{u"view:all"_s};
    for (const model::CollectionRow &row : *collections) {
        names << row.name;
        keys << u"collection:"_s + row.id;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Move To"), tr("Collection:"), names, 0, false, &ok);
    if (ok)
        moveItemsTo(selectedItemIds(), keys.value(names.indexOf(chosen)));
}

void MainWindow::newCollection()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Collection"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QJsonObject fields{{u"name"_s, name.trimmed()}};
    const QString parent = currentCollectionId();
    Q_UNUSED(parent); // new collections go to the top level; nesting is by drag in a later version
    const auto created = m_store->create(model::Kind::Collection, fields);
    if (!created) {
        showError(created.error().message);
        return;
    }
    m_sidebarModel->refresh();
    selectView(u"collection:"_s + created->id);
}

void MainWindow::renameCollection()
{
    const QString id = currentCollectionId();
    if (id.isEmpty())
        return;
    const auto collection = m_store->entity(id);
    if (!collection)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Collection"), tr("Name:"), QLineEdit::Normal,
                                               collection->string(u"name"_s), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (auto r = m_store->update(id, {{u"name"_s, name.trimmed()}}); !r)
        showError(r.error().message);
    m_sidebarModel->refresh();
}

void MainWindow::trashCollection()
{
    const QString id = currentCollectionId();
    if (id.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Delete Collection"),
                                              tr("Delete this collection? Its notes and tasks stay, without a collection."),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString name = m_store->entity(id) ? m_store->entity(id)->string(u"name"_s) : QString();
    const auto outcome = m_listActions->trash({id});
    reportListAction(outcome, tr("Collection “%1” deleted; its notes and tasks are in All Items.").arg(name));
    m_sidebarModel->refresh();
    selectView(u"view:all"_s);
}

void MainWindow::showQuickEntry()
{
    QuickEntryDialog dialog(m_store, currentCollectionId(), this);
    connect(&dialog, &QuickEntryDialog::created, this, [this](const QString &id, const QString &title) {
        statusBar()->showMessage(tr("Added “%1”").arg(title), 5000);
        Q_UNUSED(id);
    });
    dialog.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_store ? m_store->path() : QString(), this, m_store);
    connect(&dialog, &SettingsDialog::appearanceChanged, this, &MainWindow::appearanceChanged);
    connect(&dialog, &SettingsDialog::accountChanged, this, &MainWindow::accountChanged);
    dialog.exec();
    // Only now: the new language rebuilds this window, which must not happen under the dialog.
    if (dialog.languageChanged())
        Appearance::applyLanguage();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcutActions(), this, m_globalShortcutNote);
    dialog.exec();
}

void MainWindow::showHistory()
{
    const QStringList ids = selectedItemIds();
    const QString id = ids.contains(m_openId) ? m_openId : ids.value(0);
    const auto item = m_store && !id.isEmpty() ? m_store->entity(id) : std::nullopt;
    if (!item || item->kind == model::Kind::Collection)
        return;
    saveAll(); // what was just typed is a version too
    // Window-modal without a nested event loop; it follows the store while it is open.
    auto *dialog = new HistoryDialog(*m_store, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tidemark"),
                       tr("<h3>Tidemark %1</h3><p>Offline-first notes and tasks.</p>"
                          "<p>Everything you write is kept on this computer first; a sync server of your own "
                          "keeps your devices in step.</p>")
                           .arg(QLatin1StringView(kVersion)));
}

void MainWindow::showListMenu(const QPoint &pos)
{
    if (!m_itemList->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    const bool inTrash = m_viewKey == u"view:trash"_s;
    if (inTrash) {
        menu.addAction(m_actions.value(u"restore"_s));
        menu.addAction(m_actions.value(u"showHistory"_s));
        menu.addAction(m_actions.value(u"emptyTrash"_s));
    } else {
        menu.addAction(m_actions.value(u"toggleDone"_s));
        menu.addAction(m_actions.value(u"togglePin"_s));
        menu.addAction(m_actions.value(u"archive"_s));
        menu.addAction(m_actions.value(u"move"_s));
        menu.addAction(m_actions.value(u"showHistory"_s));
        menu.addSeparator();
        menu.addAction(m_actions.value(u"trash"_s));
    }
    menu.exec(m_itemList->viewport()->mapToGlobal(pos));
}

void MainWindow::showSidebarMenu(const QPoint &pos)
{
    const QString key = m_sidebar->indexAt(pos).data(SidebarModel::KeyRole).toString();
    QMenu menu(this);
    menu.addAction(m_actions.value(u"newCollection"_s));
    if (key.startsWith(u"collection:"_s)) {
        menu.addAction(m_actions.value(u"rename"_s));
        menu.addAction(m_actions.value(u"trashCollection"_s));
    }
    if (key == u"view:trash"_s)
        menu.addAction(m_actions.value(u"emptyTrash"_s));
    menu.exec(m_sidebar->viewport()->mapToGlobal(pos));
}

} // namespace tidemark::ui
