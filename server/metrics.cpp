#include "metrics.h"

namespace tidemark::server {

namespace {
constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0};
}

void Metrics::countRequest(const QString &route, int status) { ++m_requests[{route, status}]; }
void Metrics::countOperation(const QString &status) { ++m_operations[status]; }
void Metrics::countConflict(const QString &rule) { ++m_conflicts[rule]; }
void Metrics::countRejectedInput(const QString &route) { ++m_rejected[route]; }

void Metrics::observePushSeconds(double seconds)
{
    for (qsizetype i = 0; i < m_pushBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++m_pushBuckets[i];
    }
    m_pushSum += seconds;
    ++m_pushCount;
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP tidemark_http_requests_total HTTP requests by route and status.\n"
           "# TYPE tidemark_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "tidemark_http_requests_total{route=\"" + it.key().first.toUtf8() + "\",status=\""
            + QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP tidemark_operations_total Pushed operations by result.\n"
           "# TYPE tidemark_operations_total counter\n";
    for (auto it = m_operations.cbegin(); it != m_operations.cend(); ++it)
        out += "tidemark_operations_total{status=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP tidemark_conflicts_total Conflict events by rule.\n"
           "# TYPE tidemark_conflicts_total counter\n";
    for (auto it = m_conflicts.cbegin(); it != m_conflicts.cend(); ++it)
        out += "tidemark_conflicts_total{rule=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP tidemark_rejected_inputs_total Requests refused as malformed, by route.\n"
           "# TYPE tidemark_rejected_inputs_total counter\n";
    for (auto it = m_rejected.cbegin(); it != m_rejected.cend(); ++it)
        out += "tidemark_rejected_inputs_total{route=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP tidemark_push_seconds Time to judge and store one push request.\n"
           "# TYPE tidemark_push_seconds histogram\n";
    for (qsizetype i = 0; i < m_pushBuckets.size(); ++i)
        out += "tidemark_push_seconds_bucket{le=\"" + QByteArray::number(kBuckets[i]) + "\"} "
            + QByteArray::number(m_pushBuckets[i]) + '\n';
    out += "tidemark_push_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_pushCount) + '\n';
    out += "tidemark_push_seconds_sum " + QByteArray::number(m_pushSum, 'g', 9) + '\n';
    out += "tidemark_push_seconds_count " + QByteArray::number(m_pushCount) + '\n';
    return out;
}

} // namespace tidemark::server
