#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;
class QTextStream;

namespace tidemark::platform {

/// One line of standard input. On a terminal `prompt` is written to `prompts` first and the
/// typing is not echoed (a password); from a pipe the line is read as it comes, and a second
/// call reads the next line of the same input.
QString readSecretLine(QTextStream &prompts, const char *prompt);

/// Whether the process runs with the system's administrator rights (root on POSIX), under which
/// files it creates would belong to the administrator rather than to the service's user.
bool isSuperUser();

/// Turns the system's requests to stop (SIGTERM and SIGINT on POSIX; Ctrl+C, Ctrl+Break and the
/// console closing on Windows) into a Qt signal on the thread that made the object, so that a
/// server stops between requests. One at a time per process.
class StopRequests final : public QObject
{
    Q_OBJECT

public:
    explicit StopRequests(QObject *parent = nullptr);
    ~StopRequests() override;

Q_SIGNALS:
    /// The signal's number on POSIX (SIGTERM, SIGINT); the console event's on Windows.
    void stopRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr; ///< POSIX: the self-pipe's reading end
};

} // namespace tidemark::platform
