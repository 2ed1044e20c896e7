#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace tidemark::tools {

/// Writes a PNG of a top-level window once it is on screen and painted. Used by
/// `tidemark --screenshot FILE` so that a headless machine can show what the app looks like.
class WindowScreenshot final : public QObject
{
    Q_OBJECT

public:
    WindowScreenshot(QWidget *window, QString path, QObject *parent = nullptr);

Q_SIGNALS:
    void saved(const QString &path);
    void failed(const QString &reason);

private:
    void capture();

    QPointer<QWidget> m_window;
    QString m_path;
};

} // namespace tidemark::tools
