#include "ratelimiter.h"

#include <QElapsedTimer>

#include <cmath>

namespace tidemark::server {

RateLimiter::RateLimiter(int perMinute, Clock clock)
    : m_perMinute(perMinute)
    , m_clock(std::move(clock))
{
    if (!m_clock) {
        m_clock = [timer = std::make_shared<QElapsedTimer>()] {
            if (!timer->isValid())
                timer->start();
            return timer->elapsed();
        };
    }
}

int RateLimiter::acquire(const QString &key)
{
    if (m_perMinute <= 0)
        return 0;
    const qint64 now = m_clock();
    const double capacity = m_perMinute;
    const double perMs = capacity / 60000.0;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        // Buckets of keys that have been quiet for a minute are full again: drop them.
        if (m_buckets.size() > 10000)
            m_buckets.removeIf([now](const auto &entry) { return now - entry.value().at > 60000; });
        it = m_buckets.insert(key, {capacity, now});
    }
    Bucket &bucket = *it;
    bucket.tokens = std::min(capacity, bucket.tokens + double(now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - bucket.tokens) / perMs / 1000.0)));
}

} // namespace tidemark::server
