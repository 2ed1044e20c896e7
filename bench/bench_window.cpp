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
#include "ui/shell/mainwindow.h"
#include "ui/shell/itemlistview.h"
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

using namespace Qt::StringLiterals;

using namespace tidemark;

namespace {

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
        die(u"the window was not shown"_s);
    // The first rows are painted once the list has been laid out and drawn.
    window.itemList()->viewport()->repaint();
    const double readyMs = double(timer.nsecsElapsed()) / 1e6;
    const QJsonObject result{{u"open_ms"_s, round3(openMs)},
                             {u"window_built_ms"_s, round3(builtMs)},
                             {u"list_ready_ms"_s, round3(readyMs)},
                             {u"rows"_s, window.itemModel()->rowCount()},
                             {u"rss_mb"_s, round3(bench::processMemoryMb("VmRSS"))}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"TidemarkBench"_s);
    QCommandLineParser parser;
    parser.addOptions({{u"notes"_s, u"Notes in the generated store."_s, u"N"_s, u"100000"_s},
                       {u"tasks"_s, u"Tasks in the generated store."_s, u"N"_s, u"20000"_s},
                       {u"runs"_s, u"How many times to open the window."_s, u"N"_s, u"5"_s},
                       {u"db"_s, u"Use this store instead of generating one."_s, u"PATH"_s},
                       {u"measure"_s, u"Internal: open the window on PATH once and report."_s, u"PATH"_s}});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(u"measure"_s))
        return measure(parser.value(u"measure"_s));

    QTemporaryDir temp;
    QString path = parser.value(u"db"_s);
    if (path.isEmpty()) {
        QProcess fill;
        fill.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        fill.start(QCoreApplication::applicationDirPath() + u"/bench_store"_s,
                   {u"--dir"_s, temp.path(), u"--notes"_s, parser.value(u"notes"_s), u"--tasks"_s, parser.value(u"tasks"_s)});
        if (!fill.waitForFinished(-1) || fill.exitCode() != 0)
            die(u"bench_store could not fill a store"_s);
        path = temp.filePath(u"store.db"_s);
    }
    std::vector<double> ready, built, rss;
    int rows = 0;
    for (int run = 0; run < parser.value(u"runs"_s).toInt(); ++run) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {u"--measure"_s, path});
        if (!child.waitForFinished(-1) || child.exitCode() != 0)
            die(u"a measuring run failed"_s);
        const QJsonObject one = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        ready.push_back(one.value(u"list_ready_ms"_s).toDouble());
        built.push_back(one.value(u"window_built_ms"_s).toDouble());
        rss.push_back(one.value(u"rss_mb"_s).toDouble());
        rows = one.value(u"rows"_s).toInt();
    }
    const QJsonObject result{{u"rows"_s, rows},
                             {u"runs"_s, int(ready.size())},
                             {u"window_built_ms_median"_s, round3(bench::percentile(built, 50))},
                             {u"list_ready_ms_median"_s, round3(bench::percentile(ready, 50))},
                             {u"list_ready_ms_max"_s, round3(bench::percentile(ready, 100))},
                             {u"rss_mb_median"_s, round3(bench::percentile(rss, 50))}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
