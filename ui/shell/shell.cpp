#include "ui/shell/shell.h"

#include "ui/appearance.h"
#include "ui/shell/globalshortcut.h"
#include "ui/icons.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/reminders.h"
#include "ui/shell/sidebarmodel.h"
#include "ui/sync/syncconnector.h"
#include "model/store.h"

#include <QApplication>
#include <QMenu>
#include <QStatusBar>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

Shell::Shell(model::Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_reminders = new Reminders(store, this);
    m_sync = new SyncConnector(store, this);
    m_global = new GlobalShortcut(this);
    connect(m_global, &GlobalShortcut::triggered, this, [this] {
        if (!m_window)
            return;
        // From another program: the window comes forward, then the one-line entry over it.
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        if (!QApplication::activeModalWidget())
            m_window->showQuickEntry();
    });
    createWindow();
    createTray();
    m_sync->reload();
    m_window->setSyncServer(m_sync->server().toString());
    connect(m_reminders, &Reminders::fellDue, this, [this](const QString &, const QString &title) {
        if (m_window)
            m_window->statusBar()->showMessage(tr("Due now: %1").arg(title), 15'000);
    });
}

Shell::~Shell()
{
    delete m_sync; // stops the engine before the window and the store go
    delete m_window;
    delete m_tray;
}

void Shell::createWindow()
{
    m_window = new MainWindow(m_store);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(m_window, &MainWindow::languageChanged, this, &Shell::rebuildWindow, Qt::QueuedConnection);
    connect(m_window->sidebarModel(), &SidebarModel::refreshed, this, &Shell::updateTray);
    // The window and the sync engine meet here, by queued signals through the connector.
    connect(m_sync, &SyncConnector::stateChanged, m_window, &MainWindow::showSyncState);
    connect(m_sync, &SyncConnector::progress, m_window, &MainWindow::showSyncProgress);
    connect(m_sync, &SyncConnector::metricsChanged, m_window, &MainWindow::showSyncMetrics);
    connect(m_sync, &SyncConnector::synced, m_window, &MainWindow::showSynced);
    connect(m_sync, &SyncConnector::localOnly, m_window, &MainWindow::showLocalOnly);
    connect(m_window, &MainWindow::syncNowRequested, m_sync, &SyncConnector::syncNow);
    connect(m_window, &MainWindow::workOfflineToggled, m_sync, &SyncConnector::setWorkOffline);
    connect(m_window, &MainWindow::accountChanged, this, [this] {
        m_sync->reload();
        if (m_window)
            m_window->setSyncServer(m_sync->server().toString());
    });
    m_window->setSyncServer(m_sync->server().toString());
    m_window->setGlobalShortcutNote(m_global->description());
    if (m_sync->isRunning())
        m_window->showSyncState(client::SyncEngine::State::Idle, {}, {});
}

void Shell::rebuildWindow()
{
    QPointer<MainWindow> old = m_window;
    if (!old)
        return;
    const bool visible = old->isVisible();
    old->hide();
    old->disconnect(this);
    createWindow(); // reads the state the old window saved when the language changed
    if (visible)
        m_window->show();
    old->deleteLater();
    if (m_tray)
        createTray();
    Q_EMIT windowRebuilt(m_window);
}

void Shell::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QIcon(u":/tidemark/icons/tidemark.svg"_s), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger && m_window) {
                m_window->show();
                m_window->raise();
                m_window->activateWindow();
            }
        });
        m_reminders->setTrayIcon(m_tray);
    }
    m_trayMenu = std::make_unique<QMenu>();
    QMenu *menu = m_trayMenu.get();
    menu->addAction(tr("Show Tidemark"), this, [this] {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    });
    menu->addAction(themedIcon(u"quick-entry"_s), tr("Quick Entry…"), this, [this] { m_window->showQuickEntry(); });
    menu->addSeparator();
    menu->addAction(themedIcon(u"quit"_s), tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    updateTray();
    m_tray->show();
}

void Shell::updateTray()
{
    if (!m_tray || !m_window)
        return;
    const int overdue = m_window->sidebarModel()->counts().overdue;
    m_tray->setToolTip(overdue > 0 ? tr("Tidemark: %n overdue", nullptr, overdue) : tr("Tidemark"));
}

} // namespace tidemark::ui
