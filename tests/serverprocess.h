#pragma once
// Starting a real tidemark-server for a test (TIDEMARK_SERVER_PATH comes from CMake).

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace tidemark::test {

/// Starts tidemark-server on `database` and `port` (0: a free one) with `extra` flags, and waits
/// for the line that names its port; that port, or 0 (with the server's stderr as a warning).
inline int startServer(QProcess &process, const QString &database, int port = 0, const QStringList &extra = {})
{
    process.start(QStringLiteral(TIDEMARK_SERVER_PATH),
                  QStringList{QStringLiteral("--port"), QString::number(port), QStringLiteral("--database"), database} + extra);
    if (!process.waitForStarted())
        return 0;
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && process.state() == QProcess::Running && timer.elapsed() < 10000)
        process.waitForReadyRead(100);
    const auto match = QRegularExpression(QStringLiteral("listening on .*:(\\d+)")).match(QString::fromUtf8(process.readLine()));
    if (!match.hasMatch())
        qWarning("the server did not start: %s", process.readAllStandardError().constData());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace tidemark::test
