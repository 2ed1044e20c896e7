// bench_window: how long the desktop app takes from opening a store of 100,000 items to showing
// its window with the list ready, and how much memory it then holds. Each run is a fresh process
// (offscreen), so nothing is warm but the operating system's file cache.
//
//   bench_window [--notes N] [--tasks N] [--runs N] [--db PATH]
//
// Without --db, bench_store fills a store first (its own figures go to stderr).
#include "stats.h"

#include "model/itemlistmodel.h"
#include "model/store.h"
#include "ui/mainwindow.h"
#include "ui/itemlistview.h"
#include "ui/markdownedit.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace tidemark;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_window: " << message << '\n';
    std::exit(1);
}

double round3(double value) { return std::round(value * 1000) / 1000; }

int measure(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    auto store = model::Store::open(path);
    if (!store)
        die(store.error().message);
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    if (qEnvironmentVariableIsSet("BENCH_BREAKDOWN")) {
        // What the window reads at start, one part at a time (a second store, so the window's
        // own reads below are not warmed by these).
        auto probe = model::Store::open(path);
        QElapsedTimer part;
        const auto time = [&](const char *name, auto &&read) {
            part.start();
            read();
            QTextStream(stderr) << name << ": " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
        };
        time("viewCounts", [&] { (void)(*probe)->viewCounts(); });
        time("collections", [&] { (void)(*probe)->collections(); });
        time("tags", [&] { (void)(*probe)->tags(); });
        time("itemOrder(all)", [&] { (void)(*probe)->itemOrder(model::ItemFilter::all()); });
        time("pendingCount", [&] { (void)(*probe)->pendingCount(); });
        time("first Markdown editor", [&] { ui::MarkdownEdit edit; });
        time("second Markdown editor", [&] { ui::MarkdownEdit edit; });
    }
    ui::MainWindow window(store->get());
    const double builtMs = double(timer.nsecsElapsed()) / 1e6;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        die(s("the window was not shown"));
    // The first rows are painted once the list has been laid out and drawn.
    window.itemList()->viewport()->repaint();
    const double readyMs = double(timer.nsecsElapsed()) / 1e6;
    const QJsonObject result{{s("open_ms"), round3(openMs)},
                             {s("window_built_ms"), round3(builtMs)},
                             {s("list_ready_ms"), round3(readyMs)},
                             {s("rows"), window.itemModel()->rowCount()},
                             {s("rss_mb"), round3(bench::processMemoryMb("VmRSS"))}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(s("TidemarkBench"));
    QCommandLineParser parser;
    parser.addOptions({{s("notes"), s("Notes in the generated store."), s("N"), s("100000")},
                       {s("tasks"), s("Tasks in the generated store."), s("N"), s("20000")},
                       {s("runs"), s("How many times to open the window."), s("N"), s("5")},
                       {s("db"), s("Use this store instead of generating one."), s("PATH")},
                       {s("measure"), s("Internal: open the window on PATH once and report."), s("PATH")}});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(s("measure")))
        return measure(parser.value(s("measure")));

    QTemporaryDir temp;
    QString path = parser.value(s("db"));
    if (path.isEmpty()) {
        QProcess fill;
        fill.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        fill.start(QCoreApplication::applicationDirPath() + s("/bench_store"),
                   {s("--dir"), temp.path(), s("--notes"), parser.value(s("notes")), s("--tasks"), parser.value(s("tasks"))});
        if (!fill.waitForFinished(-1) || fill.exitCode() != 0)
            die(s("bench_store could not fill a store"));
        path = temp.filePath(s("store.db"));
    }
    std::vector<double> ready, built, rss;
    int rows = 0;
    for (int run = 0; run < parser.value(s("runs")).toInt(); ++run) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {s("--measure"), path});
        if (!child.waitForFinished(-1) || child.exitCode() != 0)
            die(s("a measuring run failed"));
        const QJsonObject one = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        ready.push_back(one.value(s("list_ready_ms")).toDouble());
        built.push_back(one.value(s("window_built_ms")).toDouble());
        rss.push_back(one.value(s("rss_mb")).toDouble());
        rows = one.value(s("rows")).toInt();
    }
    const QJsonObject result{{s("rows"), rows},
                             {s("runs"), int(ready.size())},
                             {s("window_built_ms_median"), round3(bench::percentile(built, 50))},
                             {s("list_ready_ms_median"), round3(bench::percentile(ready, 50))},
                             {s("list_ready_ms_max"), round3(bench::percentile(ready, 100))},
                             {s("rss_mb_median"), round3(bench::percentile(rss, 50))}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
