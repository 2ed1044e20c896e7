#include "ui/shell/globalshortcut.h"

#include "ui/logging.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>

#ifdef TIDEMARK_HAVE_GLOBALACCEL
#include <KGlobalAccel>
#endif

namespace tidemark::ui {

using namespace Qt::StringLiterals;

namespace {

/// The desktop's shortcut service answers on the session bus, or can be started by it.
bool desktopOffersGlobalShortcuts()
{
    if (qEnvironmentVariableIsSet("TIDEMARK_NO_GLOBAL_SHORTCUT"))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString service = u"org.kde.kglobalaccel"_s;
    if (bus.interface()->isServiceRegistered(service))
        return true;
    const auto activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(service);
}

} // namespace

GlobalShortcut::GlobalShortcut(QObject *parent)
    : QObject(parent)
{
    m_action = new QAction(tr("Quick Entry"), this);
    m_action->setObjectName(u"quick-entry"_s); // the desktop knows it by this name
    connect(m_action, &QAction::triggered, this, &GlobalShortcut::triggered);
#ifdef TIDEMARK_HAVE_GLOBALACCEL
    if (!desktopOffersGlobalShortcuts()) {
        m_problem = tr("This desktop offers no global shortcuts (no KDE global shortcut service on the session bus).");
        return;
    }
    KGlobalAccel::self()->setDefaultShortcut(m_action, {defaultKeys()});
    m_active = KGlobalAccel::self()->setShortcut(m_action, {defaultKeys()});
    const QList<QKeySequence> keys = KGlobalAccel::self()->shortcut(m_action);
    m_keys = keys.value(0);
    if (!m_active || m_keys.isEmpty()) {
        m_active = false;
        m_problem = tr("The desktop did not take the global shortcut (another program may have the keys).");
    }
    qCDebug(lcUi) << "global Quick Entry shortcut:" << m_active << m_keys;
#else
    m_problem = tr("This build of Tidemark has no global shortcuts (KDE Frameworks GlobalAccel was not found).");
#endif
}

GlobalShortcut::~GlobalShortcut()
{
#ifdef TIDEMARK_HAVE_GLOBALACCEL
    // The desktop keeps the keys for next time; it stops calling this process.
    if (m_active)
        KGlobalAccel::self()->removeAllShortcuts(m_action);
#endif
}

QString GlobalShortcut::description() const
{
    if (m_active)
        return tr("Quick Entry from anywhere on the desktop: %1 (change it in the desktop's shortcut settings).")
            .arg(m_keys.toString(QKeySequence::NativeText));
    return tr("Quick Entry from anywhere: not available. %1 Inside Tidemark, use %2 or the tray icon.")
        .arg(m_problem, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A).toString(QKeySequence::NativeText));
}

} // namespace tidemark::ui
