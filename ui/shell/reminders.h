#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

#include <functional>



namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Tells the user when a task with a due time falls due: a desktop notification (KDE's
/// notifications where Tidemark was built with them, else the tray's balloon) and the `fellDue`
/// signal. Only tasks that fall due while the app runs are announced; overdue ones are counted
/// in the sidebar instead. It wakes at the next due moment, and at least once a minute.
class Reminders final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit Reminders(model::Store *store, QObject *parent = nullptr, Clock clock = {});

    /// Announces the tasks that fell due since the last check; then plans the next wake-up.
    void check();
    /// Where balloon messages go when there are no desktop notifications.
    void setTrayIcon(QSystemTrayIcon *tray) { m_tray = tray; }
    /// Whether announcements also go to the desktop (tests turn this off).
    void setNotifyDesktop(bool notify) { m_notifyDesktop = notify; }

Q_SIGNALS:
    void fellDue(const QString &id, const QString &title, const QDateTime &due);

private:
    void notify(const QString &title, const QDateTime &due);

    QPointer<model::Store> m_store;
    Clock m_clock;
    QDateTime m_lastCheck;
    QTimer m_timer;
    QPointer<QSystemTrayIcon> m_tray;
    bool m_notifyDesktop = true;
};

} // namespace tidemark::ui
