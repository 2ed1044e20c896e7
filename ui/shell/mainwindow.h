#pragma once

#include "client/syncengine.h"
#include "model/listactions.h"
#include "model/records.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QListView;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace tidemark::model {
class Store;
class ItemListModel;
enum class Kind;
}

namespace tidemark::ui {

class ConflictCentre;
class ItemDelegate;
class PendingView;
class ItemListView;
class NoteEditor;
class SearchResultsModel;
class SidebarModel;
class TaskEditor;

/// Whether a text field (a QPlainTextEdit or QLineEdit) has typing of its own to undo (redo).
[[nodiscard]] bool textHasHistory(const QWidget *widget, bool redo);

/// Tidemark's main window: the sidebar of views and collections, the item list (or search
/// results), and the note or task editor, with the menus, toolbar and status bar. It works on the
/// store it is given; it keeps no state of its own beyond what is on screen and its geometry.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(model::Store *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QTreeView *sidebar() const { return m_sidebar; }
    [[nodiscard]] ItemListView *itemList() const { return m_itemList; }
    [[nodiscard]] QListView *searchResults() const { return m_searchList; }
    [[nodiscard]] QStackedWidget *editorPane() const { return m_editorPane; }
    [[nodiscard]] NoteEditor *noteEditor() const { return m_noteEditor; }
    [[nodiscard]] model::Store *store() const { return m_store; }
    [[nodiscard]] ConflictCentre *conflictCentre() const { return m_conflictCentre; }
    [[nodiscard]] PendingView *pendingView() const { return m_pendingView; }
    [[nodiscard]] TaskEditor *taskEditor() const { return m_taskEditor; }
    [[nodiscard]] QLineEdit *searchField() const { return m_searchField; }
    [[nodiscard]] model::ItemListModel *itemModel() const { return m_items; }
    [[nodiscard]] SidebarModel *sidebarModel() const { return m_sidebarModel; }
    /// The action of a name ("newNote", "trash", ...), for menus elsewhere and tests.
    [[nodiscard]] QAction *action(const QString &name) const { return m_actions.value(name); }
    /// What a list action (trash, done, move…) acts on: the rows selected, else the open item.
    [[nodiscard]] QStringList selectedItemIds() const;
    /// Every action with a shortcut, in menu order, for the shortcuts dialog.
    [[nodiscard]] QList<QAction *> shortcutActions() const;

    /// Shows a sidebar view ("view:today", "collection:ID", "tag:NAME").
    void selectView(const QString &key);
    [[nodiscard]] QString currentViewKey() const { return m_viewKey; }
    /// Opens an item in the editor and selects it in the list if it is there.
    void openItem(const QString &id);
    [[nodiscard]] QString openItemId() const { return m_openId; }
    /// Saves every editor now.
    void saveAll();
    /// Puts the keyboard focus in the open editor (a note's text, a task's title).
    void focusEditor();
    /// Creates a note or task in the current view and opens it.
    void createItem(model::Kind kind, const QString &title = {});
    void showQuickEntry();
    void showSettings();

public Q_SLOTS:
    /// What the sync engine says, for the status bar.
    void showSyncState(tidemark::client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry);
    void showSyncProgress(int done, int total);
    void showSynced(int pushed, int pulled, int conflicts, int pending);
    void showSyncMetrics(const tidemark::client::SyncMetrics &metrics);
    /// No account: everything stays on this computer.
    void showLocalOnly();
    void showSyncDiagnostics();
    /// The server the account syncs with, for diagnostics.
    void setSyncServer(const QString &server) { m_syncServer = server; }
    /// What Help → Keyboard Shortcuts says of Quick Entry from anywhere (GlobalShortcut).
    void setGlobalShortcutNote(const QString &note) { m_globalShortcutNote = note; }

Q_SIGNALS:
    /// "Sync Now" or the status bar's Retry.
    void syncNowRequested();
    void workOfflineToggled(bool offline);
    /// The user signed in, signed out or made an account (Settings → Sync).
    void accountChanged();
    /// The user chose another language: the owner builds the window again in it.
    void languageChanged();
    /// The user changed the appearance settings (colour scheme, editor font).
    void appearanceChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// Whether Ctrl+Z (Ctrl+Shift+Z) in `text` belongs to its own typing rather than the list:
    /// it has typing to take back, typed after the list's latest step (one timeline for both).
    [[nodiscard]] bool typingUndoesFirst(const QWidget *text, bool redo) const;
    /// Notes when a text field of this window is typed into, for typingUndoesFirst().
    void trackTyping(QWidget *text);

private:
    void createActions();
    void createMenus();
    void createPanes();
    void createStatusBar();
    void restoreState();
    void applySidebarPalette();
    void saveState();

    void onViewSelected();
    void onItemActivated(const QModelIndex &index);
    /// Makes `id`'s row the list's one selection (none, when the view does not list it).
    void selectOnly(const QString &id);
    void updateListTitle();
    [[nodiscard]] QString emptyViewText(const model::ItemFilter &filter) const;
    void updateActions();
    void updatePending();
    void runSearch();
    void showSaved(const QDateTime &at);
    void showError(const QString &message);
    void moveItemsTo(const QStringList &ids, const QString &key);
    /// What a list action, an undo or a redo did, in the status bar; and the Edit menu after it.
    void reportListAction(const model::Result<model::ListActions::Outcome> &outcome, const QString &done);
    /// Edit → Undo and Redo: the text editor's own, else the list's last step.
    void undoOrRedo(bool redo);
    void updateUndoActions();
    [[nodiscard]] QString actionName(model::ListActions::Action action) const;

    [[nodiscard]] QString currentCollectionId() const;
    void trashSelected();
    void restoreSelected();
    void emptyTrash();
    void toggleDoneSelected();
    void togglePinSelected();
    void toggleArchiveSelected();
    void moveSelected();
    void newCollection();
    void renameCollection();
    void trashCollection();
    void showShortcuts();
    /// The history of the open (or first selected) note or task.
    void showHistory();
    void showAbout();
    /// The audit trail of every conflict event (all items, or one).
    void showAudit(const QString &entityId = {});
    /// The Conflicts and Pending views fill the space of the list and the editor; null: those two.
    void showPage(QWidget *page);
    void showListMenu(const QPoint &pos);
    void showSidebarMenu(const QPoint &pos);

    QPointer<model::Store> m_store;
    std::unique_ptr<model::ListActions> m_listActions; ///< the list's actions and their undo steps
    QHash<QString, QAction *> m_actions;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_sidebar = nullptr;
    SidebarModel *m_sidebarModel = nullptr;
    QLabel *m_listTitle = nullptr;
    QStackedWidget *m_listStack = nullptr;
    ItemListView *m_itemList = nullptr;
    ItemDelegate *m_delegate = nullptr;
    model::ItemListModel *m_items = nullptr;
    QListView *m_searchList = nullptr;
    SearchResultsModel *m_searchModel = nullptr;
    QLineEdit *m_searchField = nullptr;
    QTimer m_searchTimer;
    QWidget *m_middlePane = nullptr;
    QStackedWidget *m_editorPane = nullptr;
    ConflictCentre *m_conflictCentre = nullptr;
    PendingView *m_pendingView = nullptr;
    QByteArray m_normalSplitterState; ///< the splitter while the list and editor showed
    QWidget *m_emptyPage = nullptr;
    NoteEditor *m_noteEditor = nullptr;
    TaskEditor *m_taskEditor = nullptr;
    QLabel *m_syncState = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QPushButton *m_retryButton = nullptr;
    QDateTime m_lastSync;
    client::SyncMetrics m_metrics;
    QString m_syncServer;
    QString m_globalShortcutNote;
    bool m_syncConfigured = false;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_savedLabel = nullptr;
    QString m_viewKey;
    QString m_openId;
    bool m_rowsLeaving = false; ///< rows are being removed from the list: its current row moves by itself
    QList<std::function<void()>> m_afterFirstPaint; ///< start-up work that waits for the list
};

} // namespace tidemark::ui
