#include "mainwindow.h"

#include <tidemark/version.h>

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace tidemark::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tidemark"));
    setWindowIcon(QIcon(QStringLiteral(":/tidemark/icons/tidemark.svg")));
    createMenus();
    createPanes();
    createStatusBar();
    resize(1200, 760);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Tidemark"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createPanes()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    // The sidebar's entries become live, counted views when the local store arrives; the headings
    // are here so the layout is the one people will use.
    m_sidebarModel = new QStandardItemModel(this);
    const auto addSection = [this](const QString &title) {
        auto *section = new QStandardItem(title);
        section->setSelectable(false);
        QFont bold = section->font();
        bold.setBold(true);
        section->setFont(bold);
        m_sidebarModel->appendRow(section);
        return section;
    };
    QStandardItem *views = addSection(tr("Views"));
    for (const QString &name : {tr("Today"), tr("Upcoming"), tr("Done"), tr("Trash")})
        views->appendRow(new QStandardItem(name));
    addSection(tr("Collections"));
    QStandardItem *sync = addSection(tr("Sync"));
    for (const QString &name : {tr("Pending"), tr("Conflicts")})
        sync->appendRow(new QStandardItem(name));

    m_sidebar = new QTreeView(m_splitter);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sidebar"));
    m_sidebar->setModel(m_sidebarModel);
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->expandAll();

    m_itemList = new QListView(m_splitter);
    m_itemList->setObjectName(QStringLiteral("itemList"));
    m_itemList->setAccessibleName(tr("Items"));
    m_itemList->setUniformItemSizes(true);

    m_editorPane = new QStackedWidget(m_splitter);
    m_editorPane->setObjectName(QStringLiteral("editorPane"));
    m_editorPane->setAccessibleName(tr("Editor"));
    auto *emptyPage = new QLabel(tr("Select a note or task to edit it here."), m_editorPane);
    emptyPage->setObjectName(QStringLiteral("emptyEditorPage"));
    emptyPage->setAlignment(Qt::AlignCenter);
    emptyPage->setEnabled(false);
    m_editorPane->addWidget(emptyPage);

    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_itemList);
    m_splitter->addWidget(m_editorPane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({220, 340, 640});
    setCentralWidget(m_splitter);
}

void MainWindow::createStatusBar()
{
    m_syncState = new QLabel(tr("Local only: no sync server configured"), this);
    m_syncState->setObjectName(QStringLiteral("syncStateLabel"));
    statusBar()->addPermanentWidget(m_syncState);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tidemark"),
                       tr("<h3>Tidemark %1</h3><p>Offline-first notes and tasks.</p>")
                           .arg(QLatin1StringView(kVersion)));
}

} // namespace tidemark::ui
