#pragma once

#include <QString>

#include <compare>
#include <functional>
#include <optional>

namespace tidemark::model {

/// A hybrid logical clock timestamp: physical milliseconds, a counter for events within the same
/// millisecond (or while the wall clock lags), and the device id that breaks remaining ties. Its
/// text form sorts like the value, so it can be compared as a string in SQL.
struct Hlc
{
    qint64 ms = 0;
    quint32 counter = 0;
    QString device;

    [[nodiscard]] QString toString() const;
    static std::optional<Hlc> fromString(QStringView text);

    friend bool operator==(const Hlc &, const Hlc &) = default;
    friend std::strong_ordering operator<=>(const Hlc &a, const Hlc &b);
};

/// The clock of one device. `tick()` never returns a value lower than or equal to any value it
/// returned or observed before, whatever the wall clock does; the store persists `last()` in the
/// same transaction as each action so that this holds across restarts too.
class HybridClock
{
public:
    using WallClock = std::function<qint64()>;

    explicit HybridClock(QString device, WallClock wall = {});

    /// A new timestamp for a local event.
    Hlc tick();
    /// Moves the clock past a timestamp seen elsewhere (a remote change, or the persisted value).
    void observe(const Hlc &seen);

    [[nodiscard]] const Hlc &last() const { return m_last; }
    [[nodiscard]] const QString &device() const { return m_last.device; }

private:
    WallClock m_wall;
    Hlc m_last;
};

} // namespace tidemark::model
