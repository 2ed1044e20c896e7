// bench_sync: a device syncing with tidemark-server on 127.0.0.1. Prints one JSON object.
//
//   bench_sync [--notes N] [--edits N] [--seed N]
//   bench_sync --queued N
//
// With --queued: N notes are created on a device through its store while it is offline (its
// outbox holds N operations), then one sync pushes them into an empty account: push throughput and
// the process's peak memory, next to the server's own ingest rate measured in the same run (the same
// kind of notes pushed as ready-made batches of 200 into other accounts, before and after the queued
// sync, averaged). Then a pull of 1,000 remote edits is timed twice on that account: with 10,000
// local operations (on other notes) waiting, and with an empty outbox.
//
// A real server process on a SQLite file is filled with N notes (~1.5 KB Markdown bodies from the
// benchmark corpus, pushed in batches of 500), then:
//  - first sync: an empty local store pulls everything (SyncCycle over HttpTransport, pages of
//    5,000): time, notes per second, bytes on the wire, the process's peak memory;
//  - incremental pull: another device changes the titles of `--edits` notes; the time the first
//    device's next sync takes to bring them in;
//  - propagation: two SyncEngines on threads of their own, in another account, no debounce;
//    `--propagations` times a note saved on one device until the other's engine has applied it
//    (push, live notice, pull).
#include "corpus.h"
#include "stats.h"

#include "client/httptransport.h"
#include "client/synccycle.h"
#include "client/syncengine.h"
#include "model/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <cmath>

using namespace tidemark;
using tidemark::bench::Corpus;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_sync: " << message << '\n';
    std::exit(1);
}

double peakMb() { return tidemark::bench::processMemoryMb("VmHWM"); }

double round2(double v) { return std::round(v * 100.0) / 100.0; }

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QList<sync::Operation> noteOps(Corpus &corpus, const QString &device, int count, qint64 clockBase, QStringList *ids = nullptr)
{
    QList<sync::Operation> ops;
    for (int i = 0; i < count; ++i) {
        const QString id = uuid();
        if (ids)
            *ids << id;
        ops.append({uuid(), device, s("note"), id,
                    {{s("title"), corpus.title()}, {s("body"), corpus.markdownBody()}, {s("tags"), QJsonArray()},
                     {s("pinned"), false}, {s("archived"), false}, {s("deleted"), false}, {s("collection"), QJsonValue()}},
                    0, s("%1-000000-%2").arg(clockBase + i, 15, 10, QLatin1Char('0')).arg(device), {}});
    }
    return ops;
}

// The --queued mode (see the top of this file).
QJsonObject runQueued(const QUrl &url, QTemporaryDir &dir, int queued, Corpus &corpus)
{
    auto store = model::Store::open(dir.filePath(s("queued.db")));
    if (!store)
        die(store.error().message);
    QElapsedTimer timer;
    timer.start();
    // Created through the store, as the app or an import does: entity, history and outbox each.
    for (int start = 0; start < queued; start += 1000) {
        auto made = (*store)->batch([&]() -> model::Result<void> {
            for (int i = start; i < std::min(queued, start + 1000); ++i) {
                auto note = (*store)->create(model::Kind::Note, {{s("title"), corpus.title()}, {s("body"), corpus.markdownBody()}});
                if (!note)
                    return std::unexpected(note.error());
            }
            return {};
        });
        if (!made)
            die(made.error().message);
    }
    const double createSeconds = double(timer.elapsed()) / 1000.0;
    const double peakAfterCreate = peakMb();
    if ((*store)->pendingCount() != queued)
        die(s("the outbox holds %1 operations, not %2").arg((*store)->pendingCount()).arg(queued));

    // The server's own ingest rate: the same kind of notes in ready-made batches of the size the
    // device sends (SyncCycle's default), so that the two differ only in the client's own work.
    const auto measureIngest = [&](const QString &name) {
        if (!client::account::registerAccount(url, name, s("correct horse")))
            die(s("cannot register the ingest account"));
        const QString ingestToken = client::account::logIn(url, name, s("correct horse"), name).value_or(QString());
        client::HttpTransport ingest(url, ingestToken, 120000);
        double seconds = 0;
        constexpr int kBatch = 200; // SyncCycle's
        for (int start = 0; start < queued; start += kBatch) {
            const QList<sync::Operation> ops = noteOps(corpus, name, std::min(kBatch, queued - start), 1700000000000LL + start);
            QElapsedTimer batch;
            batch.start();
            if (auto pushed = ingest.push(ops); !pushed)
                die(s("ingest: ") + pushed.error().message);
            seconds += double(batch.nsecsElapsed()) / 1e9;
        }
        return seconds;
    };
    const double ingestBefore = measureIngest(s("ingest-before"));

    if (!client::account::registerAccount(url, s("queued"), s("correct horse")))
        die(s("cannot register the queued account"));
    const QString token = client::account::logIn(url, s("queued"), s("correct horse"), s("queued")).value_or(QString());
    client::HttpTransport transport(url, token, 120000);
    client::SyncCycle cycle(**store, transport);
    cycle.setPageSize(5000);
    // Push throughput as the batches go, to see whether it falls as the outbox drains.
    QList<QPair<int, qint64>> marks;
    QElapsedTimer push;
    bool pulling = false; // the pushes' progress only rises; the pull's starts again from its first page
    cycle.onProgress([&](const client::SyncCycle::Progress &progress) {
        pulling = pulling || (!marks.isEmpty() && progress.done <= marks.last().first);
        if (pulling)
            return;
        if (marks.isEmpty() || progress.done - marks.last().first >= queued / 10 || progress.done == queued)
            marks.append({progress.done, push.elapsed()});
    });
    push.start();
    marks.append({0, 0});
    const auto report = cycle.run();
    const double syncSeconds = double(push.elapsed()) / 1000.0;
    if (!report || report->pushed != queued)
        die(s("the queued sync failed: %1").arg(report ? QString::number(report->pushed) : report.error().message));
    const double peak = peakMb();
    // The time of the pushes alone: up to the last push batch's answer.
    double pushSeconds = syncSeconds;
    for (const auto &[done, ms] : std::as_const(marks)) {
        if (done == queued)
            pushSeconds = double(ms) / 1000.0;
    }
    QJsonArray rates; // operations per second in each tenth of the queue
    for (qsizetype i = 1; i < marks.size(); ++i) {
        const double seconds = double(marks[i].second - marks[i - 1].second) / 1000.0;
        rates.append(std::round(double(marks[i].first - marks[i - 1].first) / std::max(seconds, 0.001)));
    }

    // The server's own ingest rate, measured after the queued sync as well as before it (the
    // mean of the two is the figure), so that neither side gains from the machine's drift.
    const double ingestSeconds = (ingestBefore + measureIngest(s("ingest-after"))) / 2;

    // A pull of 1,000 remote edits with 10,000 local operations waiting, then with none.
    const QList<QString> entityIds = [&] {
        QList<QString> idsOut;
        auto rows = (*store)->itemOrder({});
        if (rows) {
            for (const auto &row : std::as_const(*rows))
                idsOut.append(row.id);
        }
        return idsOut;
    }();
    // The waiting operations are on other notes than the pulled edits: what is measured is the
    // outbox's length, not the merging of a pulled edit into a pending one.
    const qsizetype otherNotes = std::max<qsizetype>(1, entityIds.size() - 1000);
    int waitingOps = 0;
    const auto pullWithWaiting = [&](int waiting, int round) {
        (void)(*store)->batch([&]() -> model::Result<void> {
            for (int i = 0; i < waiting; ++i) {
                if (auto r = (*store)->update(entityIds.at(i % otherNotes), {{s("pinned"), (i / otherNotes + round) % 2 == 1}}); !r)
                    return std::unexpected(r.error());
            }
            return {};
        });
        if (waiting > 0)
            waitingOps = (*store)->pendingCount();
        // The writes before each pull are checkpointed first, so that no pull pays for them.
        if (auto done = (*store)->checkpoint(); !done)
            die(s("checkpoint: ") + done.error().message);
        QList<sync::Operation> renames;
        const qint64 rev = (*store)->syncCursor();
        for (int i = 0; i < 1000; ++i)
            renames.append({uuid(), s("other"), s("note"), entityIds.at((entityIds.size() - 1 - i) % entityIds.size()),
                            {{s("title"), s("renamed %1 %2").arg(round).arg(i)}}, rev,
                            s("%1-000000-other").arg(1900000000000LL + round * 10000 + i, 15, 10, QLatin1Char('0')), {}});
        client::HttpTransport other(url, token, 120000);
        for (qsizetype at = 0; at < renames.size(); at += 500) {
            if (auto pushed = other.push(renames.mid(at, 500)); !pushed)
                die(s("remote edits: ") + pushed.error().message);
        }
        QElapsedTimer pullTimer;
        pullTimer.start();
        const qint64 since = (*store)->syncCursor();
        qint64 cursor = since;
        // Only the pull: pages applied with the outbox as it is.
        for (bool more = true; more;) {
            auto page = transport.pull(cursor, 1000, std::nullopt);
            if (!page)
                die(s("pull: ") + page.error().message);
            if (auto applied = (*store)->applyRemotePage(page->changes, page->conflicts, page->cursor, page->devices); !applied)
                die(s("apply: ") + applied.error().message);
            cursor = page->cursor;
            more = page->hasMore;
        }
        const double ms = double(pullTimer.nsecsElapsed()) / 1e6;
        if (waiting > 0 && (*store)->pendingCount() < waiting / 2)
            die(s("the local operations did not wait"));
        return ms;
    };
    const double pullBusyMs = pullWithWaiting(10000, 1);
    if (auto drained = cycle.run(); !drained)
        die(s("drain: ") + drained.error().message);
    const double pullIdleMs = pullWithWaiting(0, 2);

    return QJsonObject{
        {s("queued"), queued},
        {s("create_seconds"), round2(createSeconds)},
        {s("push_seconds"), round2(pushSeconds)},
        {s("sync_seconds"), round2(syncSeconds)},
        {s("push_ops_per_s"), std::round(queued / pushSeconds)},
        {s("push_ops_per_s_by_tenth"), rates},
        {s("server_ingest_ops_per_s"), std::round(queued / ingestSeconds)},
        {s("client_vs_server"), round2((queued / pushSeconds) / (queued / ingestSeconds))},
        {s("peak_rss_mb"), round2(std::max(peak, peakAfterCreate))},
        {s("peak_rss_after_create_mb"), round2(peakAfterCreate)},
        {s("pull_1000_edits_ms"), QJsonObject{{s("waiting_operations"), waitingOps}, {s("with_10000_waiting"), round2(pullBusyMs)},
                                              {s("with_empty_outbox"), round2(pullIdleMs)},
                                              {s("ratio"), round2(pullBusyMs / pullIdleMs)}}},
        {s("targets"), s("push_ops_per_s >= server_ingest_ops_per_s; peak_rss_mb <= 200; pull ratio about 1")},
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{s("notes"), s("Notes on the server (default 10000)."), s("N"), s("10000")},
                       {s("edits"), s("Remote edits for the incremental pull (default 1000)."), s("N"), s("1000")},
                       {s("propagations"), s("Edits timed from one online device to another (default 100)."), s("N"), s("100")},
                       {s("seed"), s("Corpus seed."), s("N"), s("7")},
                       {s("queued"), s("Only the queued-push run: N notes made offline, then one sync (see the file's top)."), s("N")}});
    parser.addHelpOption();
    parser.process(app);
    const int notes = parser.value(s("notes")).toInt();
    const int edits = std::min(parser.value(s("edits")).toInt(), notes);

    QTemporaryDir dir(QCoreApplication::applicationDirPath() + s("/bench_sync-XXXXXX")); // on disk, not tmpfs
    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(s("TIDEMARK_MAX_REQUESTS_PER_MINUTE"), s("0"));
    server.setProcessEnvironment(environment);
    server.start(s(BENCH_SERVER_PATH), {s("--port"), s("0"), s("--database"), dir.filePath(s("server.db"))});
    if (!server.waitForStarted() || !server.waitForReadyRead(20000))
        die(s("the server did not start"));
    const auto match = QRegularExpression(s(":(\\d+)")).match(QString::fromUtf8(server.readLine()));
    const QUrl url(s("http://127.0.0.1:") + match.captured(1));
    if (!client::account::registerAccount(url, s("bench"), s("correct horse")))
        die(s("cannot register"));
    if (parser.isSet(s("queued"))) {
        Corpus corpus(quint32(parser.value(s("seed")).toUInt()));
        if (!corpus.isValid())
            die(s("no word list (/usr/share/dict/words)"));
        const QJsonObject result = runQueued(url, dir, std::max(1, parser.value(s("queued")).toInt()), corpus);
        QTextStream(stdout) << QJsonDocument(result).toJson();
        server.terminate();
        server.waitForFinished();
        return 0;
    }
    const QString writer = client::account::logIn(url, s("bench"), s("correct horse"), s("writer")).value_or(QString());
    const QString reader = client::account::logIn(url, s("bench"), s("correct horse"), s("reader")).value_or(QString());

    // Fill the server as another device would, in batches of 500.
    Corpus corpus(quint32(parser.value(s("seed")).toUInt()));
    if (!corpus.isValid())
        die(s("no word list (/usr/share/dict/words)"));
    client::HttpTransport filler(url, writer, 120000);
    QStringList ids;
    QElapsedTimer fillTimer;
    fillTimer.start();
    for (int start = 0; start < notes; start += 500) {
        QList<sync::Operation> ops;
        for (int i = start; i < std::min(notes, start + 500); ++i) {
            ids << uuid();
            ops.append({uuid(), s("writer"), s("note"), ids.last(),
                        {{s("title"), corpus.title()}, {s("body"), corpus.markdownBody()}, {s("tags"), QJsonArray()},
                         {s("pinned"), false}, {s("archived"), false}, {s("deleted"), false}, {s("collection"), QJsonValue()}},
                        0, s("%1-000000-writer").arg(1700000000000LL + i, 15, 10, QLatin1Char('0')), {}});
        }
        if (auto pushed = filler.push(ops); !pushed)
            die(s("fill: ") + pushed.error().message);
    }
    const double fillSeconds = double(fillTimer.elapsed()) / 1000.0;

    // First sync into an empty store.
    auto store = model::Store::open(dir.filePath(s("device.db")));
    if (!store)
        die(store.error().message);
    client::HttpTransport transport(url, reader, 120000);
    client::SyncCycle cycle(**store, transport);
    cycle.setPageSize(5000);
    QElapsedTimer first;
    first.start();
    const auto firstReport = cycle.run();
    const double firstSeconds = double(first.elapsed()) / 1000.0;
    if (!firstReport || firstReport->pulled != notes)
        die(s("first sync failed: %1").arg(firstReport ? QString::number(firstReport->pulled) : firstReport.error().message));
    const qint64 firstBytes = transport.bytesReceived();
    const double peak = peakMb();

    // Another device renames `edits` notes; this one pulls them.
    QList<sync::Operation> renames;
    for (int i = 0; i < edits; ++i)
        renames.append({uuid(), s("writer"), s("note"), ids.at(i), {{s("title"), s("renamed %1").arg(i)}}, notes,
                        s("%1-000000-writer").arg(1800000000000LL + i, 15, 10, QLatin1Char('0')), {}});
    for (qsizetype at = 0; at < renames.size(); at += 500) {
        if (auto pushed = filler.push(renames.mid(at, 500)); !pushed)
            die(s("edits: ") + pushed.error().message);
    }
    QElapsedTimer incremental;
    incremental.start();
    const auto secondReport = cycle.run();
    const double incrementalMs = double(incremental.nsecsElapsed()) / 1e6;
    if (!secondReport || secondReport->pulled != edits)
        die(s("incremental sync failed"));

    // Propagation between two online devices with engines.
    if (!client::account::registerAccount(url, s("pair"), s("correct horse")))
        die(s("cannot register the second account"));
    struct Engine
    {
        QThread thread;
        client::SyncEngine *engine = nullptr;
    };
    Engine engines[2];
    for (int i = 0; i < 2; ++i) {
        client::SyncEngine::Options options;
        options.storePath = dir.filePath(s("pair%1.db").arg(i));
        options.server = url;
        options.token = client::account::logIn(url, s("pair"), s("correct horse"), s("pair%1").arg(i)).value_or(QString());
        options.debounceMs = 0;
        engines[i].engine = new client::SyncEngine(options);
        engines[i].engine->moveToThread(&engines[i].thread);
        QObject::connect(&engines[i].thread, &QThread::started, engines[i].engine, &client::SyncEngine::start);
        QObject::connect(&engines[i].thread, &QThread::finished, engines[i].engine, &QObject::deleteLater);
        engines[i].thread.start();
    }
    auto sender = model::Store::open(dir.filePath(s("pair0.db")));
    if (!sender)
        die(sender.error().message);
    QThread::msleep(1000); // both engines started and listening
    std::vector<double> latencies;
    const int propagations = parser.value(s("propagations")).toInt();
    for (int i = 0; i < propagations; ++i) {
        QEventLoop loop;
        QString expected;
        QElapsedTimer clock;
        const auto arrived = QObject::connect(engines[1].engine, &client::SyncEngine::remoteChanged, &loop,
                                              [&](const QStringList &changed) {
                                                  if (changed.contains(expected))
                                                      loop.quit();
                                              });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        clock.start();
        auto note = (*sender)->create(model::Kind::Note, {{s("title"), s("propagation %1").arg(i)}});
        if (!note)
            die(note.error().message);
        expected = note->id;
        QMetaObject::invokeMethod(engines[0].engine, &client::SyncEngine::localChanged, Qt::QueuedConnection);
        loop.exec();
        latencies.push_back(double(clock.nsecsElapsed()) / 1e6);
        QObject::disconnect(arrived);
    }
    for (Engine &e : engines) {
        QMetaObject::invokeMethod(e.engine, &client::SyncEngine::stop, Qt::BlockingQueuedConnection);
        e.thread.quit();
        e.thread.wait();
    }

    const QJsonObject result{
        {s("notes"), notes},
        {s("fill_seconds"), round2(fillSeconds)},
        {s("first_sync"), QJsonObject{{s("seconds"), round2(firstSeconds)},
                                       {s("notes_per_s"), std::round(notes / firstSeconds)},
                                       {s("wire_mb"), round2(double(firstBytes) / 1048576.0)},
                                       {s("peak_rss_mb"), round2(peak)},
                                       {s("targets"), s("100,000 notes < 5 s, < 40 MB, < 200 MB; 10,000 notes < 0.6 s")}}},
        {s("incremental_pull"), QJsonObject{{s("changes"), edits}, {s("ms"), round2(incrementalMs)}, {s("target_ms"), 60}}},
        {s("propagation_ms"), QJsonObject{{s("edits"), propagations},
                                          {s("p50"), round2(tidemark::bench::percentile(latencies, 50))},
                                          {s("p99"), round2(tidemark::bench::percentile(latencies, 99))},
                                          {s("targets"), s("p50 < 10 ms, p99 < 50 ms")}}},
        {s("store_mb"), round2(double(QFileInfo(dir.filePath(s("device.db"))).size()) / 1048576.0)},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson();
    server.terminate();
    server.waitForFinished();
    return 0;
}
