// bench_store: the local store at 100,000 notes and 20,000 tasks. Prints one JSON object.
//
//   bench_store [--notes N] [--tasks N] [--dir DIR] [--seed N]
//
// Measures, in one run: bulk create through the store (entity + history + outbox + FTS) against
// plain SQL inserts of the same rows into the same table; opening the store and loading the list
// model (in a fresh process, with its resident memory); search latency over 50 varied queries; and
// single-edit latency (with checkpoints on a worker thread, as the app runs, and with SQLite's
// automatic ones) against plain SQLite doing the same three writes.
#include "corpus.h"
#include "plainsqlite.h"
#include "stats.h"

#include "model/checkpointer.h"
#include "model/database.h"
#include "model/ids.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

using namespace tidemark::model;
using tidemark::bench::Corpus;
using tidemark::bench::percentile;

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

double residentMb() { return tidemark::bench::processMemoryMb("VmRSS"); }

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_store: " << message << '\n';
    std::exit(1);
}

// Child mode: open the store, fill the list model, report.
int measureOpen(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    auto store = Store::open(path);
    if (!store)
        die(store.error().message);
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    if (qEnvironmentVariableIsSet("BENCH_BREAKDOWN")) {
        QElapsedTimer part;
        part.start();
        const auto rows = (*store)->items(ItemFilter::all());
        QTextStream(stderr) << "items(): " << double(part.nsecsElapsed()) / 1e6 << " ms for " << rows->size() << " rows\n";
        part.restart();
        QSqlQuery q(QSqlDatabase::database((*store)->connectionName()));
        q.setForwardOnly(true);
        q.exec(u"SELECT id, title, substr(body, 1, 400) FROM items WHERE deleted = 0"_s);
        int n = 0;
        while (q.next())
            ++n;
        QTextStream(stderr) << "bare select with substr: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
        part.restart();
        q.exec(u"SELECT id, title FROM items WHERE deleted = 0"_s);
        while (q.next())
            ++n;
        QTextStream(stderr) << "bare select id, title: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
        part.restart();
        q.exec(u"SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id) FROM items WHERE deleted = 0"_s);
        while (q.next())
            ++n;
        QTextStream(stderr) << "outbox exists: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
    }
    ItemListModel model(store->get());
    const double readyMs = double(timer.nsecsElapsed()) / 1e6;
    const QJsonObject result{{u"open_ms"_s, round3(openMs)}, {u"list_ready_ms"_s, round3(readyMs)},
                             {u"rows"_s, model.rowCount()}, {u"rss_mb"_s, round3(residentMb())}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"notes"_s, u"Notes to create."_s, u"N"_s, u"100000"_s},
                       {u"tasks"_s, u"Tasks to create."_s, u"N"_s, u"20000"_s},
                       {u"dir"_s, u"Folder for the stores (default: a temporary one)."_s, u"DIR"_s},
                       {u"seed"_s, u"Random seed."_s, u"N"_s, u"7"_s},
                       {u"corpus"_s, u"Notes from FILE.ndjson, one a line: {\"_id\", \"title\", \"body\", \"tags\"} "
                                     "(at most --notes of them) instead of generated ones."_s, u"FILE"_s},
                       {u"measure-open"_s, u"Internal: open PATH, load the list, report."_s, u"PATH"_s}});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(u"measure-open"_s))
        return measureOpen(parser.value(u"measure-open"_s));

    const QList<tidemark::bench::CorpusNote> given = parser.isSet(u"corpus"_s)
        ? tidemark::bench::readNdjson(parser.value(u"corpus"_s), parser.value(u"notes"_s).toInt())
        : QList<tidemark::bench::CorpusNote>{};
    const int noteCount = parser.isSet(u"corpus"_s) ? int(given.size()) : parser.value(u"notes"_s).toInt();
    const int taskCount = parser.value(u"tasks"_s).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : temp.path();
    QFile::remove(dir + u"/store.db"_s);
    QFile::remove(dir + u"/plain.db"_s);

    Corpus corpus(parser.value(u"seed"_s).toUInt());
    if (!corpus.isValid())
        die(u"no word list at /usr/share/dict/words (Debian package wamerican)"_s);

    // --- Data, generated before anything is timed --------------------------------------------
    QList<QPair<Kind, QJsonObject>> items;
    items.reserve(noteCount + taskCount);
    qint64 bodyBytes = 0;
    for (int i = 0; i < noteCount; ++i) {
        QJsonObject note;
        if (!given.isEmpty()) {
            note = {{u"title"_s, given.at(i).title}, {u"body"_s, given.at(i).body}};
            if (!given.at(i).tags.isEmpty())
                note.insert(u"tags"_s, QJsonArray::fromStringList(given.at(i).tags));
        } else {
            note = {{u"title"_s, corpus.title()}, {u"body"_s, corpus.markdownBody()}};
            if (i % 4 == 0)
                note.insert(u"tags"_s, QJsonArray{corpus.wordOfRank(int(i % 50))});
        }
        bodyBytes += note.value(u"body"_s).toString().toUtf8().size();
        items.append({Kind::Note, note});
    }
    const QDate today = QDate::currentDate();
    for (int i = 0; i < taskCount; ++i) {
        QJsonObject task{{u"title"_s, corpus.title(30)}, {u"priority"_s, i % 4}};
        if (i % 3 != 0)
            task.insert(u"due"_s, today.addDays(i % 120 - 60).toString(Qt::ISODate));
        if (i % 5 == 0)
            task.insert(u"notes"_s, corpus.markdownBody(300));
        items.append({Kind::Task, task});
    }

    QJsonObject out;
    out.insert(u"notes"_s, noteCount);
    out.insert(u"tasks"_s, taskCount);
    out.insert(u"vocabulary"_s, corpus.vocabularySize());
    out.insert(u"mean_body_bytes"_s, noteCount ? double(bodyBytes / noteCount) : 0.0);

    // --- Bulk create through the store ----------------------------------------------------
    auto opened = Store::open(dir + u"/store.db"_s);
    if (!opened)
        die(opened.error().message);
    std::unique_ptr<Store> store = std::move(*opened);
    QStringList noteIds;
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 1000;
    for (qsizetype start = 0; start < items.size(); start += kBatch) {
        const auto done = store->bulk([&]() -> Result<void> {
            for (qsizetype i = start; i < std::min(start + kBatch, items.size()); ++i) {
                auto created = store->create(items[i].first, items[i].second);
                if (!created)
                    return std::unexpected(created.error());
                if (items[i].first == Kind::Note)
                    noteIds << created->id;
            }
            return {};
        });
        if (!done)
            die(done.error().message);
    }
    const double storeSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double storeRate = double(items.size()) / storeSeconds;

    // --- The same rows by plain SQL (as notes), without outbox, history or FTS; then with FTS ---
    QList<tidemark::bench::CorpusNote> plainRows;
    plainRows.reserve(items.size());
    for (const auto &[kind, f] : std::as_const(items)) {
        QStringList tags;
        for (const QJsonValue &tag : f.value(u"tags"_s).toArray())
            tags << tag.toString();
        plainRows.append({{}, f.value(u"title"_s).toString(), f.value(kind == Kind::Task ? u"notes"_s : u"body"_s).toString(), tags});
    }
    auto plain = std::make_unique<tidemark::bench::PlainSqlite>(dir + u"/plain.db"_s, false);
    const double plainSeconds = plain->insert(plainRows);
    const double plainRate = double(items.size()) / plainSeconds;
    QSqlDatabase plainDb = QSqlDatabase::database(plain->connectionName());
    // And with the store's FTS5 table, filled in bulk: the limit a bulk path is judged against.
    double plainFtsSeconds = 0;
    {
        tidemark::bench::PlainSqlite withFts(dir + u"/plain-fts.db"_s, true);
        plainFtsSeconds = withFts.insert(plainRows);
    }
    QFile::remove(dir + u"/plain-fts.db"_s);
    out.insert(u"bulk_create"_s, QJsonObject{
        {u"plain_sql_fts_seconds"_s, round3(plainFtsSeconds)},
        {u"store_over_plain_fts_time"_s, round3(storeSeconds / plainFtsSeconds)},
        {u"store_items_per_s"_s, std::round(storeRate)},
        {u"store_seconds"_s, round3(storeSeconds)},
        {u"plain_sql_items_per_s"_s, std::round(plainRate)},
        {u"plain_sql_seconds"_s, round3(plainSeconds)},
        {u"store_over_plain_time"_s, round3(storeSeconds / plainSeconds)},
        {u"note"_s, u"store: entity + history + outbox + FTS5, 1000 items per Store::bulk transaction (as an import); "
                      "plain: the same rows into the same table, no outbox/history/FTS; plain_fts: the same with the store's FTS5 table, "
                      "filled by one INSERT ... SELECT per transaction"_s}});

    // --- Single edits: entity + history + outbox --------------------------------------------
    QRandomGenerator random(11);
    const auto timeEdits = [&](int count) {
        std::vector<double> ms;
        for (int i = 0; i < count && !noteIds.isEmpty(); ++i) {
            const QString &id = noteIds.at(qsizetype(random.bounded(quint32(noteIds.size()))));
            const QString title = corpus.title();
            timer.restart();
            const auto updated = store->update(id, {{u"title"_s, title}});
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!updated)
                die(updated.error().message);
        }
        return ms;
    };
    // First with SQLite's own checkpoints inside commits, then as the app runs: checkpoints on a
    // worker thread's connection.
    const std::vector<double> autoCheckpointMs = timeEdits(2000);
    QThread checkpointThread;
    auto *checkpointer = new Checkpointer(dir + u"/store.db"_s, 1000);
    checkpointer->moveToThread(&checkpointThread);
    QObject::connect(&checkpointThread, &QThread::finished, checkpointer, &QObject::deleteLater);
    checkpointThread.start();
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::start, Qt::BlockingQueuedConnection);
    (void)store->setAutoCheckpoint(false);
    const std::vector<double> editMs = timeEdits(2000);
    // Typing into one note: a save per keystroke, coalesced into one outbox operation.
    std::vector<double> typingMs;
    if (!noteIds.isEmpty()) {
        QString body = store->entity(noteIds.first())->string(u"body"_s);
        for (int i = 0; i < 300; ++i) {
            body += QLatin1Char("tidemark "[i % 9]);
            timer.restart();
            const auto updated = store->update(noteIds.first(), {{u"body"_s, body}});
            typingMs.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!updated)
                die(updated.error().message);
        }
    }
    // Plain SQLite doing the same three writes in one transaction.
    std::vector<double> plainEditMs;
    {
        QSqlQuery ids(plainDb);
        ids.exec(u"SELECT id FROM items WHERE kind = 'note' LIMIT 2000"_s);
        QStringList plainIds;
        while (ids.next())
            plainIds << ids.value(0).toString();
        QSqlQuery begin(plainDb), commit(plainDb), update(plainDb), history(plainDb), outbox(plainDb);
        begin.prepare(u"BEGIN IMMEDIATE"_s);
        commit.prepare(u"COMMIT"_s);
        update.prepare(u"UPDATE items SET title = ?, updated_at = ? WHERE id = ?"_s);
        history.prepare(u"INSERT INTO history (entity_id, kind, version, hlc, device, at, origin, changed, snapshot) "
                          "VALUES (?, 'note', ?, 'h', 'd', 0, 'local', '[\"title\"]', ?)"_s);
        outbox.prepare(u"INSERT INTO outbox (op_id, device, kind, entity_id, fields, base_rev, hlc, created_at) "
                         "VALUES (?, 'd', 'note', ?, ?, 0, 'h', 0)"_s);
        for (int i = 0; i < plainIds.size(); ++i) {
            const QString title = corpus.title();
            timer.restart();
            begin.exec();
            update.addBindValue(title);
            update.addBindValue(QDateTime::currentMSecsSinceEpoch());
            update.addBindValue(plainIds.at(i));
            update.exec();
            history.addBindValue(plainIds.at(i));
            history.addBindValue(i + 2);
            history.addBindValue(u"{\"title\":\"%1\"}"_s.arg(title));
            history.exec();
            outbox.addBindValue(newId());
            outbox.addBindValue(plainIds.at(i));
            outbox.addBindValue(u"{\"title\":\"%1\"}"_s.arg(title));
            outbox.exec();
            commit.exec();
            plainEditMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::stop, Qt::BlockingQueuedConnection);
    checkpointThread.quit();
    checkpointThread.wait();
    out.insert(u"edit_ms"_s, QJsonObject{
        {u"p50"_s, round3(percentile(editMs, 50))},
        {u"p99"_s, round3(percentile(editMs, 99))},
        {u"with_sqlite_autocheckpoint_p50"_s, round3(percentile(autoCheckpointMs, 50))},
        {u"with_sqlite_autocheckpoint_p99"_s, round3(percentile(autoCheckpointMs, 99))},
        {u"typing_p50"_s, round3(percentile(typingMs, 50))},
        {u"typing_p99"_s, round3(percentile(typingMs, 99))},
        {u"plain_sqlite_three_writes_p50"_s, round3(percentile(plainEditMs, 50))},
        {u"plain_sqlite_three_writes_p99"_s, round3(percentile(plainEditMs, 99))}});

    // --- Search ----------------------------------------------------------------------------
    QStringList queries;
    const int vocab = corpus.vocabularySize();
    for (int i = 0; i < 10; ++i)
        queries << corpus.wordOfRank(std::min(vocab - 1, 3000 + i * 997)) + QLatin1Char(' '); // rare
    for (int i = 0; i < 10; ++i)
        queries << corpus.wordOfRank(100 + i * 83) + QLatin1Char(' ');                         // middling
    for (int i = 0; i < 5; ++i)
        queries << corpus.wordOfRank(i) + QLatin1Char(' ');                                     // in most notes
    for (int i = 0; i < 10; ++i)
        queries << corpus.wordOfRank(50 + i * 31) + QLatin1Char(' ') + corpus.wordOfRank(std::min(vocab - 1, 800 + i * 211)) + QLatin1Char(' ');
    for (int i = 0; i < 10; ++i)
        queries << corpus.wordOfRank(200 + i * 57).left(3 + i % 2);                             // as-you-type prefixes
    for (int i = 0; i < 5; ++i)
        queries << corpus.wordOfRank(10 + i) + QLatin1Char(' ') + corpus.wordOfRank(300 + i * 7) + QLatin1Char(' ') + corpus.wordOfRank(1500 + i * 13) + QLatin1Char(' ');
    for (const QString &q : queries) // warm the page cache
        (void)store->search(q, 20);
    std::vector<double> searchMs;
    QJsonArray slowest;
    int totalHits = 0;
    for (const QString &q : queries) {
        timer.restart();
        const auto hits = store->search(q, 20);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!hits)
            die(hits.error().message);
        totalHits += int(hits->size());
        searchMs.push_back(ms);
    }
    std::vector<double> commonMs;
    const QString common = corpus.wordOfRank(0) + QLatin1Char(' ');
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        (void)store->search(common, 20);
        commonMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    QSqlQuery share(QSqlDatabase::database(store->connectionName()));
    share.prepare(u"SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH ?"_s);
    share.addBindValue(u"\"%1\""_s.arg(corpus.wordOfRank(0)));
    share.exec();
    share.next();
    out.insert(u"search_ms"_s, QJsonObject{
        {u"queries"_s, int(queries.size())},
        {u"p50"_s, round3(percentile(searchMs, 50))},
        {u"p95"_s, round3(percentile(searchMs, 95))},
        {u"max"_s, round3(*std::ranges::max_element(searchMs))},
        {u"results_per_query"_s, round3(double(totalHits) / double(queries.size()))},
        {u"most_common_word"_s, corpus.wordOfRank(0)},
        {u"most_common_word_items"_s, share.value(0).toInt()},
        {u"most_common_word_first_page_median"_s, round3(percentile(commonMs, 50))}});
    store.reset();
    plainDb = QSqlDatabase();
    plain.reset();

    // --- Open and list, in fresh processes --------------------------------------------------
    std::vector<double> readyMs, rss;
    int rows = 0;
    for (int i = 0; i < 5; ++i) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {u"--measure-open"_s, dir + u"/store.db"_s});
        if (!child.waitForFinished(120000) || child.exitCode() != 0)
            die(u"the open measurement failed: "_s + QString::fromUtf8(child.readAllStandardError()));
        const QJsonObject result = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        readyMs.push_back(result.value(u"list_ready_ms"_s).toDouble());
        rss.push_back(result.value(u"rss_mb"_s).toDouble());
        rows = result.value(u"rows"_s).toInt();
    }
    out.insert(u"open_and_list"_s, QJsonObject{{u"rows"_s, rows},
                                               {u"list_ready_ms_median"_s, round3(percentile(readyMs, 50))},
                                               {u"rss_mb_median"_s, round3(percentile(rss, 50))},
                                               {u"runs"_s, 5}});
    QFile db(dir + u"/store.db"_s);
    out.insert(u"store_file_mb"_s, round3(double(db.size()) / 1048576.0));

    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
