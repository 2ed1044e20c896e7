#pragma once

#include <QObject>

class QSocketNotifier;

namespace tidemark::server {

/// Turns SIGTERM and SIGINT into a Qt signal, so that the server stops between requests: the
/// request being handled finishes, its transaction commits, and the process exits cleanly.
class StopSignals final : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tidemark::server
