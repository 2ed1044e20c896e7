#pragma once

#include <QDate>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace tidemark::model {

/// When a task is due: a date, or a date and time in a named time zone. Text form (RFC 9557
/// style): "2026-12-01" or "2026-12-01T09:30[Europe/Berlin]". A time without a zone is read in
/// the system's zone and stored with that zone's name, so it means the same instant everywhere.
struct Due
{
    QDate date;
    std::optional<QTime> time;
    QTimeZone zone; ///< valid exactly when `time` is set

    static std::optional<Due> parse(QStringView text, const QTimeZone &defaultZone = QTimeZone::systemTimeZone());
    [[nodiscard]] QString toString() const;

    /// The instant, for ordering and "is it due today": a date alone stands for the start of that
    /// day in the system's zone.
    [[nodiscard]] qint64 toMSecsSinceEpoch() const;
    /// The same due moved to another date (recurrence), keeping time and zone.
    [[nodiscard]] Due withDate(QDate newDate) const;
};

} // namespace tidemark::model
