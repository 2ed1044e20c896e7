// tidemark: the desktop app.
#include "model/checkpointer.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/shell/mainwindow.h"
#include "tools/screenshottour/screenshottour.h"
#include "ui/shell/shell.h"
#include "tools/screenshottour/windowscreenshot.h"

#include <tidemark/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

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

QString defaultStorePath()
{
    const QString fromEnvironment = qEnvironmentVariable("TIDEMARK_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(u"tidemark/tidemark.db"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"Tidemark"_s);
    QCoreApplication::setOrganizationName(u"Tidemark"_s);
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));
    QGuiApplication::setDesktopFileName(u"org.tidemark.Tidemark"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Tidemark: offline-first notes and tasks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(u"db"_s, QCoreApplication::translate("main", "Use the store at PATH."), u"PATH"_s);
    const QCommandLineOption newNote(u"new-note"_s, QCoreApplication::translate("main", "Start with a new note."));
    const QCommandLineOption newTask(u"new-task"_s, QCoreApplication::translate("main", "Start with a new task."));
    const QCommandLineOption screenshot(
        u"screenshot"_s, QCoreApplication::translate("main", "Write a PNG of the main window to FILE once it is shown."),
        u"FILE"_s);
    const QCommandLineOption tour(
        u"screenshot-tour"_s,
        QCoreApplication::translate("main", "Write PNGs of the main views into DIR, then quit."), u"DIR"_s);
    parser.addOptions({db, newNote, newTask, screenshot, tour});
    parser.process(*app); // exits for --help, --version and unknown options

    const QString given = parser.isSet(db) ? parser.value(db) : defaultStorePath();
    if (given.isEmpty() || given == QLatin1String(":memory:")) {
        // The window, the checkpointer and the sync engine each open the file: it must be one.
        QTextStream(stderr) << "tidemark: --db needs the path of a file\n";
        return 2;
    }
    const QString path = QFileInfo(given).absoluteFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto store = tidemark::model::Store::open(path);
    if (!store) {
        QTextStream(stderr) << "tidemark: cannot open the store at " << path << ": " << store.error().message << '\n';
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Tidemark"),
                              QCoreApplication::translate("main", "Tidemark cannot open its notes at %1:\n%2")
                                  .arg(QDir::toNativeSeparators(path), store.error().message));
        return 1;
    }
    // Keystroke saves on this thread never pay for a checkpoint; a worker folds the log back.
    (void)(*store)->setAutoCheckpoint(false);
    QThread checkpointThread;
    checkpointThread.setObjectName(u"checkpointer"_s);
    auto *checkpointer = new tidemark::model::Checkpointer((*store)->path(), 2000);
    checkpointer->moveToThread(&checkpointThread);
    QObject::connect(&checkpointThread, &QThread::finished, checkpointer, &QObject::deleteLater);
    checkpointThread.start();
    QMetaObject::invokeMethod(checkpointer, &tidemark::model::Checkpointer::start, Qt::QueuedConnection);

    tidemark::ui::Appearance::apply();
    tidemark::ui::Appearance::applyLanguage();
    int status = 0;
    {
        tidemark::ui::Shell shell(store->get());
        tidemark::ui::MainWindow *window = shell.window();
        window->show();
        if (parser.isSet(newNote))
            window->createItem(tidemark::model::Kind::Note);
        else if (parser.isSet(newTask))
            window->createItem(tidemark::model::Kind::Task);

        if (parser.isSet(screenshot)) {
            auto *shot = new tidemark::tools::WindowScreenshot(window, parser.value(screenshot), app.get());
            QObject::connect(shot, &tidemark::tools::WindowScreenshot::failed, app.get(), [](const QString &reason) {
                QTextStream(stderr) << "tidemark: screenshot failed: " << reason << '\n';
            });
        }
        if (parser.isSet(tour)) {
            auto *run = new tidemark::tools::ScreenshotTour(&shell, parser.value(tour), app.get());
            QObject::connect(run, &tidemark::tools::ScreenshotTour::wrote, app.get(),
                             [](const QString &file) { QTextStream(stdout) << file << '\n'; });
            QObject::connect(run, &tidemark::tools::ScreenshotTour::finished, app.get(), &QCoreApplication::quit);
            run->start();
        }
        status = QCoreApplication::exec();
        shell.window()->saveAll();
    }
    QMetaObject::invokeMethod(checkpointer, &tidemark::model::Checkpointer::stop, Qt::BlockingQueuedConnection);
    checkpointThread.quit();
    checkpointThread.wait();
    return status;
}
