#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace tidemark::ui {
class Shell;
}

namespace tidemark::tools {

using ui::Shell;

/// Walks through the app's main views and writes a PNG of each (`tidemark --screenshot-tour
/// DIR`, used by tools/screenshot): a note open, a task open, search results, the dialogs, then
/// the same in the dark palette. Works offscreen, where window captures come from grab().
class ScreenshotTour final : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(Shell *shell, QString directory, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void wrote(const QString &file);
    void finished();

private:
    void next();
    void grab(QWidget *widget, const QString &name);

    QPointer<Shell> m_shell;
    QString m_directory;
    QList<std::function<void()>> m_steps;
};

} // namespace tidemark::tools
