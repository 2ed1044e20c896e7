// POSIX (Linux, macOS): signals through a self-pipe, termios for a password without echo.
#include "platform.h"

#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace tidemark::platform {

namespace {

int g_pipe[2] = {-1, -1};

// Async-signal-safe: only write() the signal number into the pipe.
void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
}

// pipe2 is Linux's; pipe and fcntl are everywhere POSIX is (macOS).
bool makeSelfPipe()
{
    if (::pipe(g_pipe) != 0)
        return false;
    for (const int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    return true;
}

} // namespace

QString readSecretLine(QTextStream &prompts, const char *prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        prompts << prompt;
        prompts.flush();
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    static QTextStream in(stdin); // one reader: a second line is the next line of the same input
    const QString line = in.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        prompts << '\n';
        prompts.flush();
    }
    return line;
}

bool isSuperUser() { return ::geteuid() == 0; }

StopRequests::StopRequests(QObject *parent)
    : QObject(parent)
{
    if (g_pipe[0] < 0 && !makeSelfPipe())
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        while (::read(g_pipe[0], &byte, 1) == 1)
            Q_EMIT stopRequested(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

StopRequests::~StopRequests()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

} // namespace tidemark::platform
