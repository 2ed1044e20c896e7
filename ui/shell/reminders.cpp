#include "ui/shell/reminders.h"

#include "model/store.h"

#include <QLocale>
#include <QSystemTrayIcon>

#ifdef TIDEMARK_HAVE_KNOTIFICATIONS
#include <KNotification>
#endif

using namespace Qt::StringLiterals;

namespace tidemark::ui {

Reminders::Reminders(model::Store *store, QObject *parent, Clock clock)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTime(); }))
    , m_lastCheck(m_clock())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Reminders::check);
    if (m_store) // a new or changed due time may come before the next planned wake-up
        connect(m_store, &model::Store::entityChanged, this, [this] {
            if (!m_timer.isActive() || m_timer.remainingTime() > 2000)
                m_timer.start(1000);
        });
    m_timer.start(60'000);
}

void Reminders::check()
{
    if (!m_store)
        return;
    const QDateTime now = m_clock();
    const qint64 since = m_lastCheck.toMSecsSinceEpoch();
    const qint64 until = now.toMSecsSinceEpoch();
    qint64 next = until + 60'000;
    // Today's list holds every open task due before midnight, overdue ones included.
    for (const auto &filter : {model::ItemFilter::of(model::ItemFilter::Type::Today),
                              model::ItemFilter::of(model::ItemFilter::Type::Upcoming)}) {
        const auto rows = m_store->items(filter);
        if (!rows)
            continue;
        for (const model::ItemRow &row : *rows) {
            if (!row.due.contains(QLatin1Char('T')) || row.dueAt == 0)
                continue; // a date alone has no moment to remind at
            if (row.dueAt > since && row.dueAt <= until) {
                const QDateTime due = QDateTime::fromMSecsSinceEpoch(row.dueAt);
                notify(row.title, due);
                Q_EMIT fellDue(row.id, row.title, due);
            } else if (row.dueAt > until) {
                next = std::min(next, row.dueAt);
            }
        }
    }
    m_lastCheck = now;
    m_timer.start(int(std::clamp<qint64>(next - until, 1000, 60'000)));
}

void Reminders::notify(const QString &title, const QDateTime &due)
{
    if (!m_notifyDesktop)
        return;
    const QString text = tr("Due at %1").arg(QLocale().toString(due.time(), QLocale::ShortFormat));
#ifdef TIDEMARK_HAVE_KNOTIFICATIONS
    KNotification::event(KNotification::Notification, title, text, u"org.tidemark.Tidemark"_s);
#else
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10'000);
#endif
}

} // namespace tidemark::ui
