#include "loginthrottle.h"

namespace tidemark::server {

LoginThrottle::LoginThrottle(int maxFailures, int windowSeconds, Clock clock)
    : m_maxFailures(maxFailures)
    , m_window(windowSeconds)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentSecsSinceEpoch(); }))
{
}

int LoginThrottle::waitFor(QList<qint64> &failures, qint64 now) const
{
    failures.removeIf([&](qint64 at) { return at <= now - m_window; });
    if (failures.size() < m_maxFailures)
        return 0;
    return int(failures.first() + m_window - now);
}

int LoginThrottle::retryAfter(const QString &name, const QString &address)
{
    const qint64 now = m_clock();
    int wait = 0;
    if (auto it = m_byName.find(name.toLower()); it != m_byName.end())
        wait = std::max(wait, waitFor(*it, now));
    if (auto it = m_byAddress.find(address); it != m_byAddress.end())
        wait = std::max(wait, waitFor(*it, now));
    return wait;
}

void LoginThrottle::failed(const QString &name, const QString &address)
{
    const qint64 now = m_clock();
    // Bounded memory: a name or address keeps at most a window's worth of failures.
    for (QList<qint64> *list : {&m_byName[name.toLower()], &m_byAddress[address]}) {
        list->append(now);
        if (list->size() > m_maxFailures * 4)
            list->removeFirst();
    }
    if (m_byName.size() > 100000)
        m_byName.clear();
    if (m_byAddress.size() > 100000)
        m_byAddress.clear();
}

void LoginThrottle::succeeded(const QString &name)
{
    m_byName.remove(name.toLower());
}

} // namespace tidemark::server
