#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

class GlobalShortcut;
class MainWindow;
class Reminders;
class SyncConnector;

/// What the user sees of the app around the store: the main window (built again when the
/// language changes), the tray icon with quick entry, the global Quick Entry shortcut, the reminders, and the sync engine's
/// connection to the window (started when the store's account has a token).
class Shell final : public QObject
{
    Q_OBJECT

public:
    explicit Shell(model::Store *store, QObject *parent = nullptr);
    ~Shell() override;

    [[nodiscard]] MainWindow *window() const { return m_window; }
    [[nodiscard]] Reminders *reminders() const { return m_reminders; }
    [[nodiscard]] QSystemTrayIcon *trayIcon() const { return m_tray; }
    [[nodiscard]] SyncConnector *sync() const { return m_sync; }
    [[nodiscard]] GlobalShortcut *globalShortcut() const { return m_global; }

Q_SIGNALS:
    /// A new window replaced the old one (after a change of language).
    void windowRebuilt(tidemark::ui::MainWindow *window);

private:
    void createWindow();
    void rebuildWindow();
    void createTray();
    void updateTray();

    QPointer<model::Store> m_store;
    QPointer<MainWindow> m_window;
    Reminders *m_reminders = nullptr;
    SyncConnector *m_sync = nullptr;
    GlobalShortcut *m_global = nullptr; ///< Quick Entry from anywhere, where the desktop allows
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_trayMenu;
};

} // namespace tidemark::ui
