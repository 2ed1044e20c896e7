#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace tidemark::server {

/// Slows down password guessing: after `maxFailures` wrong passwords within `windowSeconds` for
/// one user name, or from one address, further attempts are refused until the window has moved on.
class LoginThrottle final
{
public:
    using Clock = std::function<qint64()>; ///< seconds since the epoch

    explicit LoginThrottle(int maxFailures = 5, int windowSeconds = 60, Clock clock = {});

    /// 0 when an attempt may go ahead; otherwise the seconds to wait.
    [[nodiscard]] int retryAfter(const QString &name, const QString &address);
    void failed(const QString &name, const QString &address);
    void succeeded(const QString &name);

private:
    int waitFor(QList<qint64> &failures, qint64 now) const;

    int m_maxFailures;
    int m_window;
    Clock m_clock;
    QHash<QString, QList<qint64>> m_byName;
    QHash<QString, QList<qint64>> m_byAddress;
};

} // namespace tidemark::server
