#pragma once
// Starting a real tidemark-server for a client test.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace tidemark::test {

/// Starts tidemark-server on `database` and `port` (0: a free one) and waits for the line that
/// names its port; that port, or 0 when it did not start.
inline int startServer(QProcess &process, const QString &database, int port = 0)
{
    process.start(QStringLiteral(TIDEMARK_SERVER_PATH),
                  {QStringLiteral("--port"), QString::number(port), QStringLiteral("--database"), database});
    if (!process.waitForStarted())
        return 0;
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && process.state() == QProcess::Running && timer.elapsed() < 10000)
        process.waitForReadyRead(100);
    const auto match = QRegularExpression(QStringLiteral("listening on .*:(\\d+)")).match(QString::fromUtf8(process.readLine()));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace tidemark::test
