#include "recurrence.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace tidemark::model {

std::optional<Recurrence> Recurrence::parse(QStringView text)
{
    Recurrence rule;
    bool haveFrequency = false;
    bool haveInterval = false;
    for (QStringView part : text.trimmed().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return std::nullopt;
        const QString key = part.first(eq).trimmed().toString().toUpper();
        const QString value = part.sliced(eq + 1).trimmed().toString().toUpper();
        if (key == QLatin1String("FREQ") && !haveFrequency) {
            if (value == QLatin1String("DAILY"))
                rule.frequency = Frequency::Daily;
            else if (value == QLatin1String("WEEKLY"))
                rule.frequency = Frequency::Weekly;
            else if (value == QLatin1String("MONTHLY"))
                rule.frequency = Frequency::Monthly;
            else if (value == QLatin1String("YEARLY"))
                rule.frequency = Frequency::Yearly;
            else
                return std::nullopt;
            haveFrequency = true;
        } else if (key == QLatin1String("INTERVAL") && !haveInterval) {
            bool ok = false;
            rule.interval = value.toInt(&ok);
            if (!ok || rule.interval < 1 || rule.interval > 999)
                return std::nullopt;
            haveInterval = true;
        } else {
            return std::nullopt;
        }
    }
    if (!haveFrequency)
        return std::nullopt;
    return rule;
}

QString Recurrence::toString() const
{
    static constexpr const char *names[] = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    QString text = u"FREQ="_s + QLatin1StringView(names[static_cast<int>(frequency)]);
    if (interval != 1)
        text += u";INTERVAL="_s + QString::number(interval);
    return text;
}

QDate Recurrence::next(QDate date) const
{
    switch (frequency) {
    case Frequency::Daily:
        return date.addDays(interval);
    case Frequency::Weekly:
        return date.addDays(7LL * interval);
    case Frequency::Monthly:
        return date.addMonths(interval);
    case Frequency::Yearly:
        return date.addYears(interval);
    }
    return date;
}

} // namespace tidemark::model
