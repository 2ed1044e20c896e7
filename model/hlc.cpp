#include "hlc.h"

#include <QDateTime>
#include <QList>

using namespace Qt::StringLiterals;

namespace tidemark::model {

QString Hlc::toString() const
{
    // Fixed widths keep string order equal to numeric order: 15 digits of ms last until year 33658.
    return u"%1-%2-%3"_s
        .arg(ms, 15, 10, QLatin1Char('0'))
        .arg(counter, 6, 10, QLatin1Char('0'))
        .arg(device);
}

std::optional<Hlc> Hlc::fromString(QStringView text)
{
    const qsizetype first = text.indexOf(QLatin1Char('-'));
    const qsizetype second = first < 0 ? -1 : text.indexOf(QLatin1Char('-'), first + 1);
    if (first <= 0 || second <= first + 1)
        return std::nullopt;
    bool okMs = false;
    bool okCounter = false;
    Hlc hlc;
    hlc.ms = text.first(first).toLongLong(&okMs);
    hlc.counter = text.sliced(first + 1, second - first - 1).toUInt(&okCounter);
    hlc.device = text.sliced(second + 1).toString();
    if (!okMs || !okCounter || hlc.ms < 0)
        return std::nullopt;
    return hlc;
}

std::strong_ordering operator<=>(const Hlc &a, const Hlc &b)
{
    if (auto c = a.ms <=> b.ms; c != 0)
        return c;
    if (auto c = a.counter <=> b.counter; c != 0)
        return c;
    const int d = a.device.compare(b.device);
    return d < 0 ? std::strong_ordering::less
                 : (d > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

HybridClock::HybridClock(QString device, WallClock wall)
    : m_wall(wall ? std::move(wall) : WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    m_last.device = std::move(device);
}

Hlc HybridClock::tick()
{
    const qint64 wall = m_wall();
    if (wall > m_last.ms) {
        m_last.ms = wall;
        m_last.counter = 0;
    } else {
        ++m_last.counter; // the wall clock stood still or went backwards: count on
    }
    return m_last;
}

void HybridClock::observe(const Hlc &seen)
{
    if (seen.ms > m_last.ms || (seen.ms == m_last.ms && seen.counter > m_last.counter)) {
        m_last.ms = seen.ms;
        m_last.counter = seen.counter;
    }
}

} // namespace tidemark::model
