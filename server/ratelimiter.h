#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace tidemark::server {

/// Bounds how many requests one key (an account) makes: a token bucket per key holding up to a
/// minute's allowance and refilled evenly, so bursts of a sync are fine and a runaway client is
/// told to wait (429 with Retry-After) instead of starving everyone else.
class RateLimiter final
{
public:
    using Clock = std::function<qint64()>; ///< milliseconds, monotonic

    /// `perMinute` 0 means no limit.
    explicit RateLimiter(int perMinute, Clock clock = {});

    /// Takes one request's token: 0 when the request may go ahead, else the seconds to wait.
    [[nodiscard]] int acquire(const QString &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 at = 0;
    };
    int m_perMinute;
    Clock m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace tidemark::server
