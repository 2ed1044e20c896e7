#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace tidemark::server {

/// Counters and latency histograms since the process started, rendered in Prometheus' text
/// format for GET /metrics. Label values come from fixed sets (routes, statuses, rules), never from
/// request data, so the number of series stays small.
class Metrics final
{
public:
    void countRequest(const QString &route, int status);
    void countOperation(const QString &status);
    void countConflict(const QString &rule);
    void countRejectedInput(const QString &route);
    void observePushSeconds(double seconds);

    [[nodiscard]] QByteArray render() const;

private:
    QMap<QPair<QString, int>, quint64> m_requests;
    QMap<QString, quint64> m_operations;
    QMap<QString, quint64> m_conflicts;
    QMap<QString, quint64> m_rejected;
    QList<quint64> m_pushBuckets = QList<quint64>(9, 0);
    double m_pushSum = 0;
    quint64 m_pushCount = 0;
};

} // namespace tidemark::server
