// Windows: the console's control events, and a console read without echo.
#include "platform.h"

#include <QMetaObject>
#include <QPointer>
#include <QTextStream>

#include <windows.h>

namespace tidemark::platform {

namespace {

QPointer<StopRequests> g_requests;

// Runs on a thread of the system's: hands the event to the object's own thread.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT
        && event != CTRL_SHUTDOWN_EVENT)
        return FALSE;
    if (StopRequests *requests = g_requests.data()) {
        QMetaObject::invokeMethod(requests, [requests, event] { Q_EMIT requests->stopRequested(int(event)); },
                                  Qt::QueuedConnection);
        return TRUE;
    }
    return FALSE;
}

} // namespace

QString readSecretLine(QTextStream &prompts, const char *prompt)
{
    HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool console = ::GetConsoleMode(input, &mode) != 0;
    if (console) {
        prompts << prompt;
        prompts.flush();
        ::SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
    }
    static QTextStream in(stdin); // one reader: a second line is the next line of the same input
    const QString line = in.readLine();
    if (console) {
        ::SetConsoleMode(input, mode);
        prompts << '\n';
        prompts.flush();
    }
    return line;
}

bool isSuperUser()
{
    // Files made by an elevated process belong to the Administrators group, not to the user.
    BOOL elevated = FALSE;
    HANDLE token = nullptr;
    if (::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token)) {
        TOKEN_ELEVATION elevation{};
        DWORD size = sizeof(elevation);
        if (::GetTokenInformation(token, TokenElevation, &elevation, sizeof(elevation), &size))
            elevated = elevation.TokenIsElevated;
        ::CloseHandle(token);
    }
    return elevated != FALSE;
}

StopRequests::StopRequests(QObject *parent)
    : QObject(parent)
{
    g_requests = this;
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

StopRequests::~StopRequests()
{
    ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_requests = nullptr;
}

} // namespace tidemark::platform
