#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace tidemark::model {

/// The subset of RFC 5545 RRULE that tasks use: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with an optional
/// INTERVAL (1-999). Text form "FREQ=WEEKLY;INTERVAL=2"; the interval is omitted when it is 1.
struct Recurrence
{
    enum class Frequency { Daily, Weekly, Monthly, Yearly };

    Frequency frequency = Frequency::Daily;
    int interval = 1;

    static std::optional<Recurrence> parse(QStringView text);
    [[nodiscard]] QString toString() const;

    /// The date of the occurrence after `date`. Month ends clamp (31 January + 1 month = 28 or
    /// 29 February).
    [[nodiscard]] QDate next(QDate date) const;

    friend bool operator==(const Recurrence &, const Recurrence &) = default;
};

} // namespace tidemark::model
