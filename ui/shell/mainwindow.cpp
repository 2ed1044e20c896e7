#include "ui/shell/mainwindow.h"
#include "ui/logging.h"

#include "ui/conflicts/auditdialog.h"
#include "ui/conflicts/conflictcentre.h"
#include "ui/shell/itemdelegate.h"
#include "ui/shell/itemlistview.h"
#include "ui/editors/noteeditor.h"
#include "ui/sync/pendingview.h"
#include "ui/shell/searchresults.h"
#include "ui/shell/sidebardelegate.h"
#include "ui/shell/sidebarmodel.h"
#include "ui/sync/syncdiagnosticsdialog.h"
#include "ui/editors/taskeditor.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QLocale>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

// Arrow keys in the search field walk the results; Escape clears the search.
class SearchKeys final : public QObject
{
public:
    SearchKeys(QLineEdit *field, QListView *results)
        : QObject(field)
        , m_field(field)
        , m_results(results)
    {
        field->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape) {
            m_field->clear();
            return true;
        }
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_results->model() && m_results->model()->rowCount() > 0) {
            const int row = m_results->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1);
            const int bounded = std::clamp(row, 0, m_results->model()->rowCount() - 1);
            m_results->setCurrentIndex(m_results->model()->index(bounded, 0));
            return true;
        }
        return false;
    }

private:
    QLineEdit *m_field;
    QListView *m_results;
};

} // namespace

MainWindow::MainWindow(model::Store *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_listActions(store ? std::make_unique<model::ListActions>(*store) : nullptr)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Tidemark"));
    setWindowIcon(QIcon(u":/tidemark/icons/tidemark.svg"_s));
    // QT_LOGGING_RULES="tidemark.ui.debug=true" shows where the start goes.
    QElapsedTimer timer;
    timer.start();
    const auto phase = [&](const char *name) { qCDebug(lcUi) << name << timer.nsecsElapsed() / 1e6 << "ms"; };
    createActions();
    phase("actions");
    createPanes();
    phase("panes");
    createMenus();
    createStatusBar();
    phase("menus and status bar");
    restoreState();
    updateActions();
    phase("state restored");
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanes()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);

    QElapsedTimer timer;
    timer.start();
    m_sidebarModel = new SidebarModel(m_store, this);
    qCDebug(lcUi) << "sidebar model" << timer.nsecsElapsed() / 1e6 << "ms";
    m_afterFirstPaint.append([this] { m_sidebarModel->refresh(); });
    m_sidebar = new QTreeView(m_splitter);
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Sidebar"));
    m_sidebar->setModel(m_sidebarModel);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setRootIsDecorated(false);
    m_sidebar->setIndentation(14);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->setDragDropMode(QAbstractItemView::DropOnly);
    m_sidebar->setAcceptDrops(true);
    m_sidebar->setDropIndicatorShown(true);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setContextMenuPolicy(Qt::CustomContextMenu);
    m_sidebar->setMinimumWidth(170);
    applySidebarPalette();
    m_sidebar->expandAll();
    connect(m_sidebarModel, &QAbstractItemModel::rowsInserted, m_sidebar, [this](const QModelIndex &parent) {
        m_sidebar->expand(parent);
    });
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onViewSelected);
    connect(m_sidebarModel, &SidebarModel::itemsDropped, this, &MainWindow::moveItemsTo);
    connect(m_sidebarModel, &SidebarModel::refreshed, this, &MainWindow::updateListTitle);
    connect(m_sidebar, &QWidget::customContextMenuRequested, this, &MainWindow::showSidebarMenu);

    // The middle pane: a heading, then the list of the view or the search results.
    auto *middle = new QWidget(m_splitter);
    m_middlePane = middle;
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->setSpacing(0);
    m_listTitle = new QLabel(middle);
    m_listTitle->setObjectName(u"listTitle"_s);
    m_listTitle->setContentsMargins(10, 8, 10, 8);
    QFont headingFont = m_listTitle->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setWeight(QFont::DemiBold);
    m_listTitle->setFont(headingFont);
    middleLayout->addWidget(m_listTitle);

    m_listStack = new QStackedWidget(middle);
    // The list starts on the view the window showed last, so that it is read once.
    const QString lastView = QSettings().value(u"window/view"_s, u"view:all"_s).toString();
    timer.restart();
    m_items = new model::ItemListModel(m_store, this,
                                       SidebarModel::filterOfKey(lastView).value_or(model::ItemFilter::all()));
    qCDebug(lcUi) << "item list model" << timer.nsecsElapsed() / 1e6 << "ms";
    m_itemList = new ItemListView(m_listStack);
    m_itemList->setObjectName(u"itemList"_s);
    m_itemList->setAccessibleName(tr("Items"));
    m_itemList->setModel(m_items);
    auto *delegate = new ItemDelegate(m_itemList);
    m_delegate = delegate;
    m_itemList->setItemDelegate(delegate);
    m_itemList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_itemList->setFrameShape(QFrame::NoFrame);
    connect(delegate, &ItemDelegate::toggleDoneRequested, this, [this](const QString &id) {
        reportListAction(m_listActions->toggleDone({id}), {});
    });
    // Only a person's move opens an item: when the open item leaves the list (done in Today, its
    // tag removed, a sync), Qt moves the current row to a neighbour, which must not take over the
    // editor the person is typing in.
    connect(m_items, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_rowsLeaving = true; });
    connect(m_items, &QAbstractItemModel::rowsRemoved, this, [this] { m_rowsLeaving = false; });
    connect(m_itemList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!m_rowsLeaving)
                    onItemActivated(current);
            });
    connect(m_itemList->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_itemList, &ItemListView::openRequested, this, &MainWindow::focusEditor);
    connect(m_itemList, &ItemListView::deleteRequested, this, [this] {
        if (m_viewKey == u"view:trash"_s)
            return;
        trashSelected();
    });
    connect(m_itemList, &ItemListView::reorderRequested, this,
            [this](const QString &id, const QString &after, const QString &before) {
                if (auto moved = m_store->reorder(id, after, before); !moved)
                    showError(moved.error().message);
            });
    connect(m_itemList, &QWidget::customContextMenuRequested, this, &MainWindow::showListMenu);
    m_itemList->viewport()->installEventFilter(this);
    qApp->installEventFilter(this); // Ctrl+Z in a text field with nothing to undo (eventFilter)
    connect(m_items, &QAbstractItemModel::modelReset, this, &MainWindow::updateListTitle);
    connect(m_items, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateListTitle);
    connect(m_items, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateListTitle);
    m_listStack->addWidget(m_itemList);

    m_searchModel = new SearchResultsModel(this);
    m_searchList = new QListView(m_listStack);
    m_searchList->setObjectName(u"searchResults"_s);
    m_searchList->setAccessibleName(tr("Search results"));
    m_searchList->setModel(m_searchModel);
    m_searchList->setItemDelegate(new SearchResultDelegate(m_searchList));
    m_searchList->setUniformItemSizes(true);
    m_searchList->setFrameShape(QFrame::NoFrame);
    connect(m_searchList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openItem(current.data(SearchResultsModel::IdRole).toString());
            });
    m_listStack->addWidget(m_searchList);
    middleLayout->addWidget(m_listStack, 1);

    m_searchField = new QLineEdit(this);
    m_searchField->setObjectName(u"searchField"_s);
    m_searchField->setAccessibleName(tr("Search"));
    m_searchField->setPlaceholderText(tr("Search notes and tasks"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(m_actions.value(u"find"_s)->icon(), QLineEdit::LeadingPosition);
    m_searchField->setMinimumWidth(260);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(120);
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        runSearch();
        QModelIndex current = m_searchList->currentIndex();
        if (!current.isValid() && m_searchModel->rowCount() > 0)
            current = m_searchModel->index(0, 0);
        if (!current.isValid())
            return;
        openItem(current.data(SearchResultsModel::IdRole).toString());
        focusEditor();
    });
    new SearchKeys(m_searchField, m_searchList);

    m_editorPane = new QStackedWidget(m_splitter);
    m_editorPane->setObjectName(u"editorPane"_s);
    m_editorPane->setAccessibleName(tr("Editor"));
    auto *empty = new QLabel(tr("Select a note or task, or press %1 for a new note.")
                                 .arg(m_actions.value(u"newNote"_s)->shortcut().toString(QKeySequence::NativeText)),
                             m_editorPane);
    empty->setObjectName(u"emptyEditorPage"_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);
    m_emptyPage = empty;
    timer.restart();
    m_noteEditor = new NoteEditor(m_store, m_editorPane);
    m_taskEditor = new TaskEditor(m_store, m_editorPane);
    qCDebug(lcUi) << "editors" << timer.nsecsElapsed() / 1e6 << "ms";
    m_editorPane->addWidget(m_emptyPage);
    m_editorPane->addWidget(m_noteEditor);
    m_editorPane->addWidget(m_taskEditor);
    connect(m_noteEditor, &NoteEditor::saved, this, &MainWindow::showSaved);
    connect(m_noteEditor, &NoteEditor::failed, this, &MainWindow::showError);
    connect(m_taskEditor, &TaskEditor::saved, this, &MainWindow::showSaved);
    connect(m_taskEditor, &TaskEditor::failed, this, &MainWindow::showError);
    connect(m_taskEditor, &TaskEditor::openRequested, this, &MainWindow::openItem);

    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_editorPane);
    // The Conflicts and Pending views: pages of their own in place of the list and the editor.
    if (m_store) {
        m_conflictCentre = new ConflictCentre(m_store, m_splitter);
        m_pendingView = new PendingView(*m_store, m_splitter);
        m_pendingView->setObjectName(u"pendingView"_s);
        for (QWidget *page : {static_cast<QWidget *>(m_conflictCentre), static_cast<QWidget *>(m_pendingView)}) {
            m_splitter->addWidget(page);
            m_splitter->setStretchFactor(m_splitter->indexOf(page), 3);
            page->hide();
        }
        const auto openFromPage = [this](const QString &id) {
            selectView(u"view:all"_s);
            openItem(id);
            focusEditor();
        };
        connect(m_conflictCentre, &ConflictCentre::openItem, this, openFromPage);
        connect(m_conflictCentre, &ConflictCentre::failed, this, &MainWindow::showError);
        connect(m_conflictCentre, &ConflictCentre::showAudit, this, [this] { showAudit(); });
        connect(m_pendingView, &PendingView::openItem, this, openFromPage);
        connect(m_pendingView, &PendingView::retryRequested, this, &MainWindow::syncNowRequested);
    }
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({220, 360, 620});
    setCentralWidget(m_splitter);
    setTabOrder(m_searchField, m_sidebar);
    setTabOrder(m_sidebar, m_itemList);
}

void MainWindow::createStatusBar()
{
    m_savedLabel = new QLabel(this);
    m_savedLabel->setObjectName(u"savedLabel"_s);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(u"pendingLabel"_s);
    m_syncProgress = new QProgressBar(this);
    m_syncProgress->setObjectName(u"syncProgress"_s);
    m_syncProgress->setMaximumWidth(140);
    m_syncProgress->setTextVisible(false);
    m_syncProgress->hide();
    m_syncState = new QLabel(this);
    m_syncState->setObjectName(u"syncStateLabel"_s);
    m_retryButton = new QPushButton(tr("Retry"), this);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_retryButton->setFlat(true);
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &MainWindow::syncNowRequested);
    statusBar()->addPermanentWidget(m_savedLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_syncState);
    statusBar()->addPermanentWidget(m_retryButton);
    if (m_store)
        connect(m_store, &model::Store::outboxChanged, this, &MainWindow::updatePending);
    showLocalOnly();
    updatePending();
}

void MainWindow::showLocalOnly()
{
    m_syncConfigured = false;
    m_delegate->setShowPending(false);
    m_itemList->viewport()->update();
    m_syncState->setText(tr("Local only"));
    m_syncState->setToolTip(tr("No sync server is set up: everything is kept on this computer."));
    m_syncProgress->hide();
    m_retryButton->hide();
    m_actions.value(u"syncNow"_s)->setEnabled(false);
    updatePending();
}

void MainWindow::showSyncState(client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry)
{
    using State = client::SyncEngine::State;
    if (m_pendingView)
        m_pendingView->setSyncState(state, reason, nextRetry);
    if (!m_syncConfigured) {
        m_syncConfigured = true;
        m_delegate->setShowPending(true);
        m_itemList->viewport()->update();
    }
    m_actions.value(u"syncNow"_s)->setEnabled(state != State::SignedOut);
    const QLocale locale;
    QString text;
    QString tip = reason;
    switch (state) {
    case State::SignedOut:
        text = tr("Sign in again");
        tip = tr("The server no longer accepts this device: sign in again in Settings → Sync. Nothing is lost; "
                 "your changes wait here.");
        break;
    case State::Offline:
        text = tr("Offline");
        break;
    case State::Idle:
        text = m_lastSync.isValid() ? tr("Synced %1").arg(locale.toString(m_lastSync.time(), QLocale::ShortFormat))
                                    : tr("Synced");
        break;
    case State::Syncing:
        text = tr("Syncing…");
        break;
    case State::Paused:
        text = tr("Working offline");
        tip = tr("Nothing is sent or fetched until you turn Work Offline off.");
        break;
    case State::Error:
        // Without a next try, retrying cannot help (an app or server to update): it says so.
        text = nextRetry.isValid() ? tr("Sync failed") : tr("Sync stopped");
        break;
    }
    if (nextRetry.isValid() && (state == State::Offline || state == State::Error))
        tip = tr("%1 Next try at %2.").arg(reason, locale.toString(nextRetry.toLocalTime().time(), QLocale::ShortFormat));
    m_syncState->setText(text);
    m_syncState->setToolTip(tip);
    m_retryButton->setVisible(state == State::Offline || state == State::Error);
    if (state != State::Syncing)
        m_syncProgress->hide();
    if (state == State::Error && !reason.isEmpty())
        statusBar()->showMessage(tr("Sync failed: %1").arg(reason), nextRetry.isValid() ? 10000 : 0);
    updatePending();
}

void MainWindow::showSyncMetrics(const client::SyncMetrics &metrics) { m_metrics = metrics; }

void MainWindow::showSyncDiagnostics()
{
    SyncDiagnosticsDialog::Snapshot snapshot;
    snapshot.state = m_syncState->text();
    snapshot.reason = m_syncConfigured ? m_syncState->toolTip() : QString();
    snapshot.server = m_syncConfigured ? m_syncServer : QString();
    snapshot.pending = m_store ? m_store->pendingCount() : 0;
    snapshot.refused = m_store ? m_store->parkedCount() : 0;
    snapshot.cursor = m_store ? m_store->syncCursor() : 0;
    snapshot.metrics = m_metrics;
    if (m_store)
        snapshot.metrics.countConflicts(*m_store);
    SyncDiagnosticsDialog dialog(snapshot, this);
    dialog.exec();
}

void MainWindow::showSyncProgress(int done, int total)
{
    // Only long syncs get a bar; a small one is over before it could be read.
    m_syncProgress->setVisible(total >= 50);
    m_syncProgress->setRange(0, std::max(total, 1));
    m_syncProgress->setValue(done);
}

void MainWindow::showSynced(int, int pulled, int conflicts, int)
{
    m_lastSync = QDateTime::currentDateTime();
    m_syncProgress->hide();
    if (conflicts > 0)
        statusBar()->showMessage(tr("%n conflict(s) need you: see Conflicts in the sidebar", nullptr, conflicts), 10000);
    else if (pulled > 0)
        statusBar()->showMessage(tr("%n change(s) from your other devices", nullptr, pulled), 5000);
}

void MainWindow::updatePending()
{
    const int pending = m_store ? m_store->pendingCount() : 0;
    if (!m_syncConfigured)
        m_pendingLabel->setText(pending == 0 ? QString() : tr("%n change(s) kept for sync", nullptr, pending));
    else
        m_pendingLabel->setText(pending == 0 ? tr("All changes sent") : tr("%n change(s) not sent", nullptr, pending));
}

void MainWindow::showSaved(const QDateTime &at)
{
    m_savedLabel->setText(tr("Saved %1").arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(tr("Could not do that: %1").arg(message), 8000);
}

void MainWindow::selectView(const QString &key)
{
    QModelIndex index = m_sidebarModel->indexOfKey(key);
    if (!index.isValid())
        index = m_sidebarModel->indexOfKey(u"view:all"_s);
    m_sidebar->setCurrentIndex(index);
}

void MainWindow::onViewSelected()
{
    const QString key = m_sidebar->currentIndex().data(SidebarModel::KeyRole).toString();
    const auto filter = SidebarModel::filterOfKey(key);
    if (!filter)
        return;
    if (!m_searchField->text().isEmpty())
        m_searchField->clear();
    m_viewKey = key;
    showPage(key == QLatin1String("view:conflicts") ? static_cast<QWidget *>(m_conflictCentre)
             : key == QLatin1String("view:pending") ? static_cast<QWidget *>(m_pendingView)
                                                    : nullptr);
    m_items->setFilter(*filter);
    m_itemList->setReorderable(m_items->order() == model::ItemListModel::Order::Manual);
    m_itemList->setPlaceholderText(emptyViewText(*filter));
    m_listStack->setCurrentWidget(m_itemList);
    selectOnly(m_openId);
    updateListTitle();
    updateActions();
}

void MainWindow::showPage(QWidget *page)
{
    const bool special = page != nullptr;
    if (special && m_middlePane->isVisibleTo(this))
        m_normalSplitterState = m_splitter->saveState();
    for (QWidget *pane : {m_middlePane, static_cast<QWidget *>(m_editorPane)})
        pane->setVisible(!special);
    for (QWidget *other : {static_cast<QWidget *>(m_conflictCentre), static_cast<QWidget *>(m_pendingView)}) {
        if (other)
            other->setVisible(other == page);
    }
    if (!special && !m_normalSplitterState.isEmpty())
        m_splitter->restoreState(std::exchange(m_normalSplitterState, {}));
    if (special) {
        // The page takes all but the sidebar (a restored state may have it collapsed).
        QList<int> sizes(m_splitter->count(), 0);
        sizes[0] = m_sidebar->width();
        sizes[m_splitter->indexOf(page)] = std::max(1, m_splitter->width() - m_sidebar->width());
        m_splitter->setSizes(sizes);
    }
}

void MainWindow::showAudit(const QString &entityId)
{
    if (!m_store)
        return;
    auto *dialog = new AuditDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!entityId.isEmpty())
        dialog->setItemFilter(entityId);
    dialog->show();
}

QString MainWindow::emptyViewText(const model::ItemFilter &filter) const
{
    using T = model::ItemFilter::Type;
    const auto keys = [this](const char *action) {
        return m_actions.value(QLatin1StringView(action))->shortcut().toString(QKeySequence::NativeText);
    };
    switch (filter.type) {
    case T::All:
    case T::Collection:
    case T::Tag:
        return tr("Nothing here yet.\n\nPress %1 for a note or %2 for a task.").arg(keys("newNote"), keys("newTask"));
    case T::Today:
        return tr("Nothing due today.");
    case T::Upcoming:
        return tr("Nothing coming up. Tasks with a later due date show here.");
    case T::Done:
        return tr("No finished tasks yet.");
    case T::Trash:
        return tr("The Trash is empty.");
    case T::Archive:
        return tr("No archived notes. Archive a note (%1) to take it out of All items and keep it.").arg(keys("archive"));
    case T::Pending:
        return tr("Every change has reached the server.");
    case T::Conflicts:
        return tr("No conflicts: your devices agree.");
    }
    return {};
}

void MainWindow::updateListTitle()
{
    if (m_listStack->currentWidget() == m_searchList) {
        m_listTitle->setText(tr("%n result(s)", nullptr, m_searchModel->rowCount()));
        return;
    }
    const QModelIndex view = m_sidebarModel->indexOfKey(m_viewKey);
    const QString name = view.isValid() ? view.data().toString() : tr("All items");
    m_listTitle->setText(tr("%1  ·  %2").arg(name).arg(m_items->rowCount()));
}

void MainWindow::onItemActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    openItem(index.data(model::ItemListModel::IdRole).toString());
}

void MainWindow::openItem(const QString &id)
{
    if (id.isEmpty() || !m_store)
        return;
    const auto entity = m_store->entity(id);
    if (!entity || entity->kind == model::Kind::Collection)
        return;
    m_openId = id;
    if (entity->kind == model::Kind::Note) {
        m_taskEditor->setTask({});
        m_noteEditor->setNote(id);
        m_editorPane->setCurrentWidget(m_noteEditor);
    } else {
        m_noteEditor->setNote({});
        m_taskEditor->setTask(id);
        m_editorPane->setCurrentWidget(m_taskEditor);
    }
    if (m_listStack->currentWidget() == m_itemList)
        selectOnly(id);
    updateActions();
}

void MainWindow::selectOnly(const QString &id)
{
    // Not setCurrentIndex: with the extended selection it reads the keys held at that moment,
    // so an item opened by Ctrl+N joined the row selected before, and Ctrl+Delete took both.
    QItemSelectionModel *selection = m_itemList->selectionModel();
    const int row = id.isEmpty() ? -1 : m_items->rowOf(id);
    if (row < 0) {
        selection->clear();
        return;
    }
    const QModelIndex index = m_items->index(row);
    if (selection->currentIndex() == index && selection->selectedIndexes() == QModelIndexList{index})
        return;
    selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_itemList->scrollTo(index);
}

void MainWindow::runSearch()
{
    m_searchTimer.stop();
    const QString text = m_searchField->text();
    if (text.trimmed().isEmpty()) {
        m_searchModel->setHits({});
        m_listStack->setCurrentWidget(m_itemList);
        updateListTitle();
        return;
    }
    const auto hits = m_store->search(text, 200);
    if (!hits) {
        showError(hits.error().message);
        return;
    }
    m_searchModel->setHits(*hits);
    m_listStack->setCurrentWidget(m_searchList);
    if (!hits->isEmpty()) {
        const QSignalBlocker quiet(m_searchList->selectionModel());
        m_searchList->setCurrentIndex(m_searchModel->index(0, 0));
    }
    updateListTitle();
}

void MainWindow::focusEditor()
{
    if (m_editorPane->currentWidget() == m_noteEditor)
        m_noteEditor->focusBody();
    else if (m_editorPane->currentWidget() == m_taskEditor)
        m_taskEditor->focusTitle();
}

void MainWindow::saveAll()
{
    m_noteEditor->saveNow();
    m_taskEditor->saveNow();
}

void MainWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(u"window"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1200, 760);
    QMainWindow::restoreState(settings.value(u"state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    selectView(settings.value(u"view"_s, u"view:all"_s).toString());
    // The last item opens once the list has been drawn: the list comes first.
    const QString last = settings.value(u"item"_s).toString();
    if (!last.isEmpty())
        m_afterFirstPaint.append([this, last] {
            if (m_openId.isEmpty()) // not when something was opened meanwhile (--new-note)
                openItem(last);
        });
    settings.endGroup();
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.beginGroup(u"window"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, QMainWindow::saveState());
    // The list and editor's widths, also while a page of its own shows in their place.
    settings.setValue(u"splitter"_s, m_normalSplitterState.isEmpty() ? m_splitter->saveState() : m_normalSplitterState);
    settings.setValue(u"view"_s, m_viewKey);
    settings.setValue(u"item"_s, m_openId);
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveAll();
    saveState();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // A text field claims Ctrl+Z even with nothing of its own to undo; then it is the list's
        // undo (a note moved to the Trash while its title had the focus), so let the shortcut be.
        auto *key = static_cast<QKeyEvent *>(event);
        auto *widget = qobject_cast<QWidget *>(watched);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo = !undo && m_actions.value(u"redo"_s)->shortcuts().contains(QKeySequence(key->keyCombination()));
        if ((undo || redo) && widget && widget->window() == this && !typingUndoesFirst(widget, redo)
            && (qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QLineEdit *>(widget))) {
            event->ignore();
            return true;
        }
    }
    if (event->type() == QEvent::FocusIn) {
        if (auto *widget = qobject_cast<QWidget *>(watched); widget && widget->window() == this)
            trackTyping(widget);
    }
    if (event->type() == QEvent::Paint && watched == m_itemList->viewport() && !m_afterFirstPaint.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            for (const auto &work : std::exchange(m_afterFirstPaint, {}))
                work();
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

namespace {
constexpr char kTypedAt[] = "tidemarkTypedAt"; ///< ListActions::steadyNow() at the field's last edit
constexpr char kTracked[] = "tidemarkTypingTracked";
} // namespace

void MainWindow::trackTyping(QWidget *text)
{
    if (text->property(kTracked).toBool())
        return;
    const auto typed = [text] { text->setProperty(kTypedAt, model::ListActions::steadyNow()); };
    if (auto *edit = qobject_cast<QPlainTextEdit *>(text)) {
        connect(edit->document(), &QTextDocument::undoCommandAdded, text, typed);
    } else if (auto *line = qobject_cast<QLineEdit *>(text)) {
        connect(line, &QLineEdit::textEdited, text, typed);
    } else {
        return;
    }
    text->setProperty(kTracked, true);
}

bool MainWindow::typingUndoesFirst(const QWidget *text, bool redo) const
{
    if (!textHasHistory(text, redo))
        return false;
    // Redo follows the field's own history while it has one; undo takes back whichever came
    // last, the typing or the list's step ("1 task marked done. Ctrl+Z undoes it." holds even
    // with the focus still in the title just typed).
    const auto listStep = m_listActions ? m_listActions->undoableDoneAt() : std::nullopt;
    return redo || !listStep || text->property(kTypedAt).toLongLong() > *listStep;
}

void MainWindow::applySidebarPalette()
{
    // The sidebar sits on the window's colour, like a source list, and follows palette switches.
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    m_sidebar->setPalette(palette);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_sidebar)
        applySidebarPalette();
    if (event->type() == QEvent::LanguageChange) {
        // Built in code, the window is simplest to rebuild in the new language; its owner does
        // that once the current event is over.
        saveAll();
        saveState();
        QMetaObject::invokeMethod(this, &MainWindow::languageChanged, Qt::QueuedConnection);
    }
}

} // namespace tidemark::ui
