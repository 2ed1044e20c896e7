// tidemark: the desktop app.
#include "ui/mainwindow.h"
#include "ui/windowscreenshot.h"

#include <tidemark/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

namespace {

// --help and --version only print, so they are answered without connecting to a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Tidemark"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.tidemark.Tidemark"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Tidemark: offline-first notes and tasks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Write a PNG of the main window to FILE once it is shown."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.process(*app); // exits for --help, --version and unknown options

    tidemark::ui::MainWindow window;
    window.show();

    if (parser.isSet(screenshot)) {
        auto *shot = new tidemark::ui::WindowScreenshot(&window, parser.value(screenshot), app.get());
        QObject::connect(shot, &tidemark::ui::WindowScreenshot::failed, app.get(),
                         [](const QString &reason) {
                             QTextStream(stderr) << "tidemark: screenshot failed: " << reason << '\n';
                         });
    }
    return QCoreApplication::exec();
}
