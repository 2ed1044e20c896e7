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
#include "plainsqlite.h"
#include "stats.h"

#include "client/httptransport.h"
#include "client/storerecords.h"
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
#include <malloc.h>

using namespace Qt::StringLiterals;

using namespace tidemark;
using tidemark::bench::Corpus;

namespace {

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_sync: " << message << '\n';
    std::exit(1);
}

double peakMb() { return tidemark::bench::processMemoryMb("VmHWM"); }

double round2(double v) { return std::round(v * 100.0) / 100.0; }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QList<sync::Operation> noteOps(Corpus &corpus, const QString &device, int count, qint64 clockBase, QStringList *ids = nullptr)
{
    QList<sync::Operation> ops;
    for (int i = 0; i < count; ++i) {
        const QString id = uuid();
        if (ids)
            *ids << id;
        ops.append({uuid(), device, u"note"_s, id,
                    {{u"title"_s, corpus.title()}, {u"body"_s, corpus.markdownBody()}, {u"tags"_s, QJsonArray()},
                     {u"pinned"_s, false}, {u"archived"_s, false}, {u"deleted"_s, false}, {u"collection"_s, QJsonValue()}},
                    0, u"%1-000000-%2"_s.arg(clockBase + i, 15, 10, QLatin1Char('0')).arg(device), {}});
    }
    return ops;
}

// The --queued mode (see the top of this file).
QJsonObject runQueued(const QUrl &url, QTemporaryDir &dir, int queued, Corpus &corpus)
{
    auto store = model::Store::open(dir.filePath(u"queued.db"_s));
    if (!store)
        die(store.error().message);
    QElapsedTimer timer;
    timer.start();
    // Created through the store, as the app or an import does: entity, history and outbox each.
    for (int start = 0; start < queued; start += 1000) {
        auto made = (*store)->batch([&]() -> model::Result<void> {
            for (int i = start; i < std::min(queued, start + 1000); ++i) {
                auto note = (*store)->create(model::Kind::Note, {{u"title"_s, corpus.title()}, {u"body"_s, corpus.markdownBody()}});
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
        die(u"the outbox holds %1 operations, not %2"_s.arg((*store)->pendingCount()).arg(queued));

    // The server's own ingest rate: the same kind of notes in ready-made batches of the size the
    // device sends (SyncCycle's default), so that the two differ only in the client's own work.
    const auto measureIngest = [&](const QString &name) {
        if (!client::account::registerAccount(url, name, u"correct horse"_s))
            die(u"cannot register the ingest account"_s);
        const QString ingestToken = client::account::logIn(url, name, u"correct horse"_s, name).value_or(QString());
        client::HttpTransport ingest(url, ingestToken, 120000);
        double seconds = 0;
        constexpr int kBatch = 200; // SyncCycle's
        for (int start = 0; start < queued; start += kBatch) {
            const QList<sync::Operation> ops = noteOps(corpus, name, std::min(kBatch, queued - start), 1700000000000LL + start);
            QElapsedTimer batch;
            batch.start();
            if (auto pushed = ingest.push(ops); !pushed)
                die(u"ingest: "_s + pushed.error().message);
            seconds += double(batch.nsecsElapsed()) / 1e9;
        }
        return seconds;
    };
    const double ingestBefore = measureIngest(u"ingest-before"_s);

    if (!client::account::registerAccount(url, u"queued"_s, u"correct horse"_s))
        die(u"cannot register the queued account"_s);
    const QString token = client::account::logIn(url, u"queued"_s, u"correct horse"_s, u"queued"_s).value_or(QString());
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
        die(u"the queued sync failed: %1"_s.arg(report ? QString::number(report->pushed) : report.error().message));
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
    const double ingestSeconds = (ingestBefore + measureIngest(u"ingest-after"_s)) / 2;

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
                if (auto r = (*store)->update(entityIds.at(i % otherNotes), {{u"pinned"_s, (i / otherNotes + round) % 2 == 1}}); !r)
                    return std::unexpected(r.error());
            }
            return {};
        });
        if (waiting > 0)
            waitingOps = (*store)->pendingCount();
        // The writes before each pull are checkpointed first, so that no pull pays for them.
        if (auto done = (*store)->checkpoint(); !done)
            die(u"checkpoint: "_s + done.error().message);
        QList<sync::Operation> renames;
        const qint64 rev = (*store)->syncCursor();
        for (int i = 0; i < 1000; ++i)
            renames.append({uuid(), u"other"_s, u"note"_s, entityIds.at((entityIds.size() - 1 - i) % entityIds.size()),
                            {{u"title"_s, u"renamed %1 %2"_s.arg(round).arg(i)}}, rev,
                            u"%1-000000-other"_s.arg(1900000000000LL + round * 10000 + i, 15, 10, QLatin1Char('0')), {}});
        client::HttpTransport other(url, token, 120000);
        for (qsizetype at = 0; at < renames.size(); at += 500) {
            if (auto pushed = other.push(renames.mid(at, 500)); !pushed)
                die(u"remote edits: "_s + pushed.error().message);
        }
        QElapsedTimer pullTimer;
        pullTimer.start();
        const qint64 since = (*store)->syncCursor();
        qint64 cursor = since;
        // Only the pull: pages applied with the outbox as it is.
        for (bool more = true; more;) {
            auto page = transport.pull(cursor, 1000, std::nullopt);
            if (!page)
                die(u"pull: "_s + page.error().message);
            const client::StoreRecords records = client::toStoreRecords(*page);
            if (auto applied = (*store)->applyRemotePage(records.changes, records.conflicts, page->cursor, page->devices); !applied)
                die(u"apply: "_s + applied.error().message);
            cursor = page->cursor;
            more = page->hasMore;
        }
        const double ms = double(pullTimer.nsecsElapsed()) / 1e6;
        if (waiting > 0 && (*store)->pendingCount() < waiting / 2)
            die(u"the local operations did not wait"_s);
        return ms;
    };
    const double pullBusyMs = pullWithWaiting(10000, 1);
    if (auto drained = cycle.run(); !drained)
        die(u"drain: "_s + drained.error().message);
    const double pullIdleMs = pullWithWaiting(0, 2);

    return QJsonObject{
        {u"queued"_s, queued},
        {u"create_seconds"_s, round2(createSeconds)},
        {u"push_seconds"_s, round2(pushSeconds)},
        {u"sync_seconds"_s, round2(syncSeconds)},
        {u"push_ops_per_s"_s, std::round(queued / pushSeconds)},
        {u"push_ops_per_s_by_tenth"_s, rates},
        {u"server_ingest_ops_per_s"_s, std::round(queued / ingestSeconds)},
        {u"client_vs_server"_s, round2((queued / pushSeconds) / (queued / ingestSeconds))},
        {u"peak_rss_mb"_s, round2(std::max(peak, peakAfterCreate))},
        {u"peak_rss_after_create_mb"_s, round2(peakAfterCreate)},
        {u"pull_1000_edits_ms"_s, QJsonObject{{u"waiting_operations"_s, waitingOps}, {u"with_10000_waiting"_s, round2(pullBusyMs)},
                                              {u"with_empty_outbox"_s, round2(pullIdleMs)},
                                              {u"ratio"_s, round2(pullBusyMs / pullIdleMs)}}},
        {u"targets"_s, u"push_ops_per_s >= server_ingest_ops_per_s; peak_rss_mb <= 200; pull ratio about 1"_s},
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"notes"_s, u"Notes on the server (default 10000)."_s, u"N"_s, u"10000"_s},
                       {u"edits"_s, u"Remote edits for the incremental pull (default 1000)."_s, u"N"_s, u"1000"_s},
                       {u"propagations"_s, u"Edits timed from one online device to another (default 100)."_s, u"N"_s, u"100"_s},
                       {u"seed"_s, u"Corpus seed."_s, u"N"_s, u"7"_s},
                       {u"corpus"_s, u"Notes from FILE.ndjson, one a line: {\"_id\", \"title\", \"body\", \"tags\"} "
                                     "(at most --notes of them when that is given) instead of generated ones."_s, u"FILE"_s},
                       {u"queued"_s, u"Only the queued-push run: N notes made offline, then one sync (see the file's top)."_s, u"N"_s}});
    parser.addHelpOption();
    parser.process(app);
    // The data set, made (or read) before anything is timed.
    QList<bench::CorpusNote> dataSet;
    if (parser.isSet(u"corpus"_s)) {
        dataSet = bench::readNdjson(parser.value(u"corpus"_s), parser.isSet(u"notes"_s) ? parser.value(u"notes"_s).toInt() : -1);
    } else if (!parser.isSet(u"queued"_s)) {
        Corpus generator(quint32(parser.value(u"seed"_s).toUInt()));
        if (!generator.isValid())
            die(u"no word list (/usr/share/dict/words)"_s);
        for (int i = 0, n = parser.value(u"notes"_s).toInt(); i < n; ++i)
            dataSet.append({{}, generator.title(), generator.markdownBody(), {}});
    }
    const int notes = int(dataSet.size());
    if (notes == 0 && !parser.isSet(u"queued"_s))
        die(u"no notes to sync"_s);
    const int edits = std::min(parser.value(u"edits"_s).toInt(), notes);

    QTemporaryDir dir(QCoreApplication::applicationDirPath() + u"/bench_sync-XXXXXX"_s); // on disk, not tmpfs
    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TIDEMARK_MAX_REQUESTS_PER_MINUTE"_s, u"0"_s);
    server.setProcessEnvironment(environment);
    server.start(QString::fromUtf8(BENCH_SERVER_PATH), {u"--port"_s, u"0"_s, u"--database"_s, dir.filePath(u"server.db"_s)});
    if (!server.waitForStarted() || !server.waitForReadyRead(20000))
        die(u"the server did not start"_s);
    const auto match = QRegularExpression(u":(\\d+)"_s).match(QString::fromUtf8(server.readLine()));
    const QUrl url(u"http://127.0.0.1:"_s + match.captured(1));
    if (!client::account::registerAccount(url, u"bench"_s, u"correct horse"_s))
        die(u"cannot register"_s);
    if (parser.isSet(u"queued"_s)) {
        Corpus corpus(quint32(parser.value(u"seed"_s).toUInt()));
        if (!corpus.isValid())
            die(u"no word list (/usr/share/dict/words)"_s);
        const QJsonObject result = runQueued(url, dir, std::max(1, parser.value(u"queued"_s).toInt()), corpus);
        QTextStream(stdout) << QJsonDocument(result).toJson();
        server.terminate();
        server.waitForFinished();
        return 0;
    }
    const QString writer = client::account::logIn(url, u"bench"_s, u"correct horse"_s, u"writer"_s).value_or(QString());
    const QString reader = client::account::logIn(url, u"bench"_s, u"correct horse"_s, u"reader"_s).value_or(QString());

    // Fill the server as another device would, in batches of 500.
    client::HttpTransport filler(url, writer, 120000);
    QStringList ids;
    QElapsedTimer fillTimer;
    fillTimer.start();
    for (int start = 0; start < notes; start += 500) {
        QList<sync::Operation> ops;
        for (int i = start; i < std::min(notes, start + 500); ++i) {
            ids << uuid();
            const bench::CorpusNote &note = dataSet.at(i);
            ops.append({uuid(), u"writer"_s, u"note"_s, ids.last(),
                        {{u"title"_s, note.title}, {u"body"_s, note.body}, {u"tags"_s, QJsonArray::fromStringList(note.tags)},
                         {u"pinned"_s, false}, {u"archived"_s, false}, {u"deleted"_s, false}, {u"collection"_s, QJsonValue()}},
                        0, u"%1-000000-writer"_s.arg(1700000000000LL + i, 15, 10, QLatin1Char('0')), {}});
        }
        if (auto pushed = filler.push(ops); !pushed)
            die(u"fill: "_s + pushed.error().message);
    }
    const double fillSeconds = double(fillTimer.elapsed()) / 1000.0;

    // The limit, in the same run: plain SQLite writing the same rows into the store's schema,
    // with its FTS5 table and without; then changing as many titles as the remote edits below.
    double plainFtsSeconds = 0, plainSeconds = 0, plainRenameMs = 0;
    {
        for (bench::CorpusNote &note : dataSet)
            note.id.clear(); // new ids: the device's store has these
        bench::PlainSqlite withFts(dir.filePath(u"plain-fts.db"_s), true);
        plainFtsSeconds = withFts.insert(dataSet);
        plainRenameMs = withFts.renameFirst(edits) * 1000.0;
        bench::PlainSqlite without(dir.filePath(u"plain.db"_s), false);
        plainSeconds = without.insert(dataSet);
    }
    // The data set is sent and measured: let it go, and start the peak over (glibc; writing 5 to
    // clear_refs resets VmHWM), so that the peak below is the device's sync alone.
    dataSet = {};
    malloc_trim(0); // hand the freed pages back, or they stay resident and count
    if (QFile clear(u"/proc/self/clear_refs"_s); clear.open(QIODevice::WriteOnly))
        clear.write("5");

    // First sync into an empty store.
    auto store = model::Store::open(dir.filePath(u"device.db"_s));
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
        die(u"first sync failed: %1"_s.arg(firstReport ? QString::number(firstReport->pulled) : firstReport.error().message));
    const qint64 firstBytes = transport.bytesReceived();
    const double peak = peakMb();

    // Another device renames `edits` notes; this one pulls them.
    QList<sync::Operation> renames;
    for (int i = 0; i < edits; ++i)
        renames.append({uuid(), u"writer"_s, u"note"_s, ids.at(i), {{u"title"_s, u"renamed %1"_s.arg(i)}}, notes,
                        u"%1-000000-writer"_s.arg(1800000000000LL + i, 15, 10, QLatin1Char('0')), {}});
    for (qsizetype at = 0; at < renames.size(); at += 500) {
        if (auto pushed = filler.push(renames.mid(at, 500)); !pushed)
            die(u"edits: "_s + pushed.error().message);
    }
    QElapsedTimer incremental;
    incremental.start();
    const auto secondReport = cycle.run();
    const double incrementalMs = double(incremental.nsecsElapsed()) / 1e6;
    if (!secondReport || secondReport->pulled != edits)
        die(u"incremental sync failed"_s);

    // Propagation between two online devices with engines.
    if (!client::account::registerAccount(url, u"pair"_s, u"correct horse"_s))
        die(u"cannot register the second account"_s);
    struct Engine
    {
        QThread thread;
        client::SyncEngine *engine = nullptr;
    };
    Engine engines[2];
    for (int i = 0; i < 2; ++i) {
        client::SyncEngine::Options options;
        options.storePath = dir.filePath(u"pair%1.db"_s.arg(i));
        options.server = url;
        options.token = client::account::logIn(url, u"pair"_s, u"correct horse"_s, u"pair%1"_s.arg(i)).value_or(QString());
        options.debounceMs = 0;
        engines[i].engine = new client::SyncEngine(options);
        engines[i].engine->moveToThread(&engines[i].thread);
        QObject::connect(&engines[i].thread, &QThread::started, engines[i].engine, &client::SyncEngine::start);
        QObject::connect(&engines[i].thread, &QThread::finished, engines[i].engine, &QObject::deleteLater);
        engines[i].thread.start();
    }
    auto sender = model::Store::open(dir.filePath(u"pair0.db"_s));
    if (!sender)
        die(sender.error().message);
    QThread::msleep(1000); // both engines started and listening
    std::vector<double> latencies;
    const int propagations = parser.value(u"propagations"_s).toInt();
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
        auto note = (*sender)->create(model::Kind::Note, {{u"title"_s, u"propagation %1"_s.arg(i)}});
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
        {u"notes"_s, notes},
        {u"fill_seconds"_s, round2(fillSeconds)},
        {u"first_sync"_s, QJsonObject{{u"seconds"_s, round3(firstSeconds)},
                                       {u"notes_per_s"_s, std::round(notes / firstSeconds)},
                                       {u"wire_mb"_s, round2(double(firstBytes) / 1048576.0)},
                                       {u"peak_rss_mb"_s, round2(peak)},
                                       {u"plain_sqlite_fts_seconds"_s, round3(plainFtsSeconds)},
                                       {u"plain_sqlite_seconds"_s, round3(plainSeconds)},
                                       {u"over_plain_fts"_s, round2(firstSeconds / plainFtsSeconds)},
                                       {u"targets"_s, u"over_plain_fts <= 1.5; 100,000 notes < 40 MB, < 200 MB"_s}}},
        {u"incremental_pull"_s, QJsonObject{{u"changes"_s, edits}, {u"ms"_s, round2(incrementalMs)},
                                            {u"plain_sqlite_ms"_s, round2(plainRenameMs)},
                                            {u"over_plain"_s, round2(incrementalMs / plainRenameMs)},
                                            {u"targets"_s, u"over_plain <= 3; < 60 ms on a quiet machine"_s}}},
        {u"propagation_ms"_s, QJsonObject{{u"edits"_s, propagations},
                                          {u"p50"_s, round2(tidemark::bench::percentile(latencies, 50))},
                                          {u"p99"_s, round2(tidemark::bench::percentile(latencies, 99))},
                                          {u"targets"_s, u"p50 < 10 ms, p99 < 50 ms"_s}}},
        {u"store_mb"_s, round2(double(QFileInfo(dir.filePath(u"device.db"_s)).size()) / 1048576.0)},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson();
    server.terminate();
    server.waitForFinished();
    return 0;
}
