#include "due.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tidemark::model {

std::optional<Due> Due::parse(QStringView text, const QTimeZone &defaultZone)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(?:\[([A-Za-z0-9_+\-/]+)\])?$)"));
    const auto match = pattern.matchView(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    Due due;
    due.date = QDate::fromString(match.captured(1), Qt::ISODate);
    if (!due.date.isValid())
        return std::nullopt;
    const QString time = match.captured(2);
    const QString zone = match.captured(3);
    if (time.isEmpty()) {
        if (!zone.isEmpty())
            return std::nullopt; // a zone means nothing without a time
        return due;
    }
    const QTime parsed = QTime::fromString(time, time.size() == 5 ? u"HH:mm"_s : u"HH:mm:ss"_s);
    if (!parsed.isValid())
        return std::nullopt;
    due.time = parsed;
    due.zone = zone.isEmpty() ? defaultZone : QTimeZone(zone.toUtf8());
    if (!due.zone.isValid())
        return std::nullopt;
    return due;
}

QString Due::toString() const
{
    QString text = date.toString(Qt::ISODate);
    if (time) {
        text += QLatin1Char('T') + time->toString(time->second() ? u"HH:mm:ss"_s : u"HH:mm"_s);
        // A zone with no IANA name (a fixed offset, say) is written as UTC.
        const QByteArray id = zone.id();
        text += QLatin1Char('[') + QString::fromUtf8(id.isEmpty() ? QByteArrayLiteral("UTC") : id) + QLatin1Char(']');
    }
    return text;
}

qint64 Due::toMSecsSinceEpoch() const
{
    if (!time)
        return QDateTime(date, QTime(0, 0), QTimeZone::LocalTime).toMSecsSinceEpoch();
    return QDateTime(date, *time, zone).toMSecsSinceEpoch();
}

Due Due::withDate(QDate newDate) const
{
    Due moved = *this;
    moved.date = newDate;
    return moved;
}

} // namespace tidemark::model
