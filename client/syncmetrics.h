#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace tidemark::model {
class Store;
}

namespace tidemark::client {

/// What a device's sync has done since the engine started, for the Sync diagnostics dialog and
/// `tidemarkctl status --json`: how long syncs take, how often they failed and were retried, how
/// much went each way, and the conflicts this device knows of, by the rule that judged them.
struct SyncMetrics
{
    int syncs = 0;    ///< cycles that completed
    int failures = 0; ///< cycles that failed
    int retries = 0;  ///< retries scheduled after failures
    int pushed = 0;
    int pulled = 0;
    QList<qint64> durationsMs; ///< of the last 50 completed cycles, oldest first
    QDateTime lastSuccess;
    QString lastError;
    QMap<QString, int> conflictsByRule;

    /// The p-th percentile (0-100) of the recent durations; -1 when none.
    [[nodiscard]] qint64 durationPercentile(double p) const;
    void addDuration(qint64 ms);
    /// Counts the store's conflict records by rule (all of them, open or settled).
    void countConflicts(const model::Store &store);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tidemark::client

Q_DECLARE_METATYPE(tidemark::client::SyncMetrics)
