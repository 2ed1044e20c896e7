#include "tools/screenshottour/windowscreenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QTimer>
#include <QWidget>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace tidemark::tools {

namespace {
// Time after the first expose for layouts and deferred paints to settle.
constexpr int kSettleMs = 400;
constexpr int kPollMs = 50;
}

WindowScreenshot::WindowScreenshot(QWidget *window, QString path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(path))
{
    Q_ASSERT(window);
    // Exposure arrives asynchronously from the window system, and the widget may not be shown
    // yet: look until the native window is exposed, then give layouts and paints time to settle.
    auto *poll = new QTimer(this);
    poll->setInterval(kPollMs);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        if (!m_window) {
            poll->stop();
            Q_EMIT failed(u"the window was closed before it could be captured"_s);
            return;
        }
        const QWindow *handle = m_window->windowHandle();
        if (m_window->isVisible() && handle && handle->isExposed()) {
            poll->stop();
            QTimer::singleShot(kSettleMs, this, &WindowScreenshot::capture);
        }
    });
    poll->start();
}

void WindowScreenshot::capture()
{
    if (!m_window) {
        Q_EMIT failed(u"the window was closed before it could be captured"_s);
        return;
    }
    // On a real display (X11 under Xvfb, say) take what the screen shows; the offscreen platform
    // has no screen contents, so render the widget instead.
    QPixmap pixmap;
    QScreen *screen = m_window->screen();
    if (screen && QGuiApplication::platformName() != QLatin1String("offscreen"))
        pixmap = screen->grabWindow(m_window->winId());
    if (pixmap.isNull())
        pixmap = m_window->grab();

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !pixmap.save(&file, "PNG") || !file.commit()) {
        Q_EMIT failed(u"cannot write %1: %2"_s.arg(m_path, file.errorString()));
        return;
    }
    Q_EMIT saved(m_path);
}

} // namespace tidemark::tools
