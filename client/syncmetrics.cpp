#include "syncmetrics.h"

#include "model/store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tidemark::client {

qint64 SyncMetrics::durationPercentile(double p) const
{
    if (durationsMs.isEmpty())
        return -1;
    QList<qint64> sorted = durationsMs;
    std::ranges::sort(sorted);
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size()))) - 1;
    return sorted.at(std::clamp<qsizetype>(rank, 0, sorted.size() - 1));
}

void SyncMetrics::addDuration(qint64 ms)
{
    durationsMs.append(ms);
    if (durationsMs.size() > 50)
        durationsMs.removeFirst();
}

void SyncMetrics::countConflicts(const model::Store &store)
{
    conflictsByRule.clear();
    if (const auto records = store.conflictRecords(false)) {
        for (const model::ConflictRecord &record : *records)
            ++conflictsByRule[record.rule];
    }
}

QJsonObject SyncMetrics::toJson() const
{
    QJsonObject rules;
    for (auto it = conflictsByRule.begin(); it != conflictsByRule.end(); ++it)
        rules.insert(it.key(), it.value());
    const auto ms = [](qint64 value) { return value < 0 ? QJsonValue() : QJsonValue(double(value)); };
    return {
        {u"syncs"_s, syncs},
        {u"failures"_s, failures},
        {u"retries"_s, retries},
        {u"pushed"_s, pushed},
        {u"pulled"_s, pulled},
        {u"last_sync_ms"_s, ms(durationsMs.isEmpty() ? -1 : durationsMs.last())},
        {u"sync_ms_p50"_s, ms(durationPercentile(50))},
        {u"sync_ms_p95"_s, ms(durationPercentile(95))},
        {u"conflicts_by_rule"_s, rules},
    };
}

} // namespace tidemark::client
