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

using namespace tidemark::model;
using tidemark::bench::Corpus;
using tidemark::bench::percentile;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

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
        q.exec(s("SELECT id, title, substr(body, 1, 400) FROM items WHERE deleted = 0"));
        int n = 0;
        while (q.next())
            ++n;
        QTextStream(stderr) << "bare select with substr: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
        part.restart();
        q.exec(s("SELECT id, title FROM items WHERE deleted = 0"));
        while (q.next())
            ++n;
        QTextStream(stderr) << "bare select id, title: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
        part.restart();
        q.exec(s("SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = items.id) FROM items WHERE deleted = 0"));
        while (q.next())
            ++n;
        QTextStream(stderr) << "outbox exists: " << double(part.nsecsElapsed()) / 1e6 << " ms\n";
    }
    ItemListModel model(store->get());
    const double readyMs = double(timer.nsecsElapsed()) / 1e6;
    const QJsonObject result{{s("open_ms"), round3(openMs)}, {s("list_ready_ms"), round3(readyMs)},
                             {s("rows"), model.rowCount()}, {s("rss_mb"), round3(residentMb())}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{s("notes"), s("Notes to create."), s("N"), s("100000")},
                       {s("tasks"), s("Tasks to create."), s("N"), s("20000")},
                       {s("dir"), s("Folder for the stores (default: a temporary one)."), s("DIR")},
                       {s("seed"), s("Random seed."), s("N"), s("7")},
                       {s("measure-open"), s("Internal: open PATH, load the list, report."), s("PATH")}});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(s("measure-open")))
        return measureOpen(parser.value(s("measure-open")));

    const int noteCount = parser.value(s("notes")).toInt();
    const int taskCount = parser.value(s("tasks")).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(s("dir")) ? parser.value(s("dir")) : temp.path();
    QFile::remove(dir + s("/store.db"));
    QFile::remove(dir + s("/plain.db"));

    Corpus corpus(parser.value(s("seed")).toUInt());
    if (!corpus.isValid())
        die(s("no word list at /usr/share/dict/words (Debian package wamerican)"));

    // --- Data, generated before anything is timed --------------------------------------------
    QList<QPair<Kind, QJsonObject>> items;
    items.reserve(noteCount + taskCount);
    qint64 bodyBytes = 0;
    for (int i = 0; i < noteCount; ++i) {
        QJsonObject note{{s("title"), corpus.title()}, {s("body"), corpus.markdownBody()}};
        if (i % 4 == 0)
            note.insert(s("tags"), QJsonArray{corpus.wordOfRank(int(i % 50))});
        bodyBytes += note.value(s("body")).toString().toUtf8().size();
        items.append({Kind::Note, note});
    }
    const QDate today = QDate::currentDate();
    for (int i = 0; i < taskCount; ++i) {
        QJsonObject task{{s("title"), corpus.title(30)}, {s("priority"), i % 4}};
        if (i % 3 != 0)
            task.insert(s("due"), today.addDays(i % 120 - 60).toString(Qt::ISODate));
        if (i % 5 == 0)
            task.insert(s("notes"), corpus.markdownBody(300));
        items.append({Kind::Task, task});
    }

    QJsonObject out;
    out.insert(s("notes"), noteCount);
    out.insert(s("tasks"), taskCount);
    out.insert(s("vocabulary"), corpus.vocabularySize());
    out.insert(s("mean_body_bytes"), noteCount ? double(bodyBytes / noteCount) : 0.0);

    // --- Bulk create through the store ----------------------------------------------------
    auto opened = Store::open(dir + s("/store.db"));
    if (!opened)
        die(opened.error().message);
    std::unique_ptr<Store> store = std::move(*opened);
    QStringList noteIds;
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 1000;
    for (qsizetype start = 0; start < items.size(); start += kBatch) {
        const auto done = store->batch([&]() -> Result<void> {
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

    // --- The same rows by plain SQL, without outbox, history or FTS ------------------------
    const QString plainConnection = s("plain");
    if (auto plain = Database::open(dir + s("/plain.db"), plainConnection); !plain)
        die(plain.error().message);
    QSqlDatabase plainDb = QSqlDatabase::database(plainConnection);
    for (const char *trigger : {"items_fts_insert", "items_fts_update", "items_fts_delete"})
        QSqlQuery(plainDb).exec(s("DROP TRIGGER %1").arg(QLatin1StringView(trigger)));
    QSqlQuery insert(plainDb);
    insert.prepare(s("INSERT INTO items (id, kind, title, body, tags, priority, due, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    timer.restart();
    for (qsizetype start = 0; start < items.size(); start += kBatch) {
        QSqlQuery(plainDb).exec(s("BEGIN"));
        for (qsizetype i = start; i < std::min(start + kBatch, items.size()); ++i) {
            const QJsonObject &f = items[i].second;
            const bool task = items[i].first == Kind::Task;
            insert.addBindValue(newId());
            insert.addBindValue(task ? s("task") : s("note"));
            insert.addBindValue(f.value(s("title")).toString());
            insert.addBindValue(f.value(task ? s("notes") : s("body")).toString(s("")));
            insert.addBindValue(QString::fromUtf8(QJsonDocument(f.value(s("tags")).toArray()).toJson(QJsonDocument::Compact)));
            insert.addBindValue(f.value(s("priority")).toInt());
            insert.addBindValue(f.value(s("due")).toString());
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            insert.addBindValue(now);
            insert.addBindValue(now);
            if (!insert.exec())
                die(insert.lastError().text());
        }
        QSqlQuery(plainDb).exec(s("COMMIT"));
    }
    const double plainSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double plainRate = double(items.size()) / plainSeconds;
    out.insert(s("bulk_create"), QJsonObject{
        {s("store_items_per_s"), std::round(storeRate)},
        {s("store_seconds"), round3(storeSeconds)},
        {s("plain_sql_items_per_s"), std::round(plainRate)},
        {s("plain_sql_seconds"), round3(plainSeconds)},
        {s("store_over_plain_time"), round3(storeSeconds / plainSeconds)},
        {s("note"), s("store: entity + history + outbox + FTS5 per item, 1000 items per transaction; "
                      "plain: the same rows into the same table, no outbox/history/FTS")}});

    // --- Single edits: entity + history + outbox --------------------------------------------
    QRandomGenerator random(11);
    const auto timeEdits = [&](int count) {
        std::vector<double> ms;
        for (int i = 0; i < count && !noteIds.isEmpty(); ++i) {
            const QString &id = noteIds.at(qsizetype(random.bounded(quint32(noteIds.size()))));
            const QString title = corpus.title();
            timer.restart();
            const auto updated = store->update(id, {{s("title"), title}});
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
    auto *checkpointer = new Checkpointer(dir + s("/store.db"), 1000);
    checkpointer->moveToThread(&checkpointThread);
    QObject::connect(&checkpointThread, &QThread::finished, checkpointer, &QObject::deleteLater);
    checkpointThread.start();
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::start, Qt::BlockingQueuedConnection);
    (void)store->setAutoCheckpoint(false);
    const std::vector<double> editMs = timeEdits(2000);
    // Typing into one note: a save per keystroke, coalesced into one outbox operation.
    std::vector<double> typingMs;
    if (!noteIds.isEmpty()) {
        QString body = store->entity(noteIds.first())->string(s("body"));
        for (int i = 0; i < 300; ++i) {
            body += QLatin1Char("tidemark "[i % 9]);
            timer.restart();
            const auto updated = store->update(noteIds.first(), {{s("body"), body}});
            typingMs.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!updated)
                die(updated.error().message);
        }
    }
    // Plain SQLite doing the same three writes in one transaction.
    std::vector<double> plainEditMs;
    {
        QSqlQuery ids(plainDb);
        ids.exec(s("SELECT id FROM items WHERE kind = 'note' LIMIT 2000"));
        QStringList plainIds;
        while (ids.next())
            plainIds << ids.value(0).toString();
        QSqlQuery begin(plainDb), commit(plainDb), update(plainDb), history(plainDb), outbox(plainDb);
        begin.prepare(s("BEGIN IMMEDIATE"));
        commit.prepare(s("COMMIT"));
        update.prepare(s("UPDATE items SET title = ?, updated_at = ? WHERE id = ?"));
        history.prepare(s("INSERT INTO history (entity_id, kind, version, hlc, device, at, origin, changed, snapshot) "
                          "VALUES (?, 'note', ?, 'h', 'd', 0, 'local', '[\"title\"]', ?)"));
        outbox.prepare(s("INSERT INTO outbox (op_id, device, kind, entity_id, fields, base_rev, hlc, created_at) "
                         "VALUES (?, 'd', 'note', ?, ?, 0, 'h', 0)"));
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
            history.addBindValue(s("{\"title\":\"%1\"}").arg(title));
            history.exec();
            outbox.addBindValue(newId());
            outbox.addBindValue(plainIds.at(i));
            outbox.addBindValue(s("{\"title\":\"%1\"}").arg(title));
            outbox.exec();
            commit.exec();
            plainEditMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    QMetaObject::invokeMethod(checkpointer, &Checkpointer::stop, Qt::BlockingQueuedConnection);
    checkpointThread.quit();
    checkpointThread.wait();
    out.insert(s("edit_ms"), QJsonObject{
        {s("p50"), round3(percentile(editMs, 50))},
        {s("p99"), round3(percentile(editMs, 99))},
        {s("with_sqlite_autocheckpoint_p50"), round3(percentile(autoCheckpointMs, 50))},
        {s("with_sqlite_autocheckpoint_p99"), round3(percentile(autoCheckpointMs, 99))},
        {s("typing_p50"), round3(percentile(typingMs, 50))},
        {s("typing_p99"), round3(percentile(typingMs, 99))},
        {s("plain_sqlite_three_writes_p50"), round3(percentile(plainEditMs, 50))},
        {s("plain_sqlite_three_writes_p99"), round3(percentile(plainEditMs, 99))}});

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
    share.prepare(s("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH ?"));
    share.addBindValue(s("\"%1\"").arg(corpus.wordOfRank(0)));
    share.exec();
    share.next();
    out.insert(s("search_ms"), QJsonObject{
        {s("queries"), int(queries.size())},
        {s("p50"), round3(percentile(searchMs, 50))},
        {s("p95"), round3(percentile(searchMs, 95))},
        {s("max"), round3(*std::ranges::max_element(searchMs))},
        {s("results_per_query"), round3(double(totalHits) / double(queries.size()))},
        {s("most_common_word"), corpus.wordOfRank(0)},
        {s("most_common_word_items"), share.value(0).toInt()},
        {s("most_common_word_first_page_median"), round3(percentile(commonMs, 50))}});
    store.reset();
    plainDb = QSqlDatabase();
    Database::close(plainConnection);

    // --- Open and list, in fresh processes --------------------------------------------------
    std::vector<double> readyMs, rss;
    int rows = 0;
    for (int i = 0; i < 5; ++i) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {s("--measure-open"), dir + s("/store.db")});
        if (!child.waitForFinished(120000) || child.exitCode() != 0)
            die(s("the open measurement failed: ") + QString::fromUtf8(child.readAllStandardError()));
        const QJsonObject result = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        readyMs.push_back(result.value(s("list_ready_ms")).toDouble());
        rss.push_back(result.value(s("rss_mb")).toDouble());
        rows = result.value(s("rows")).toInt();
    }
    out.insert(s("open_and_list"), QJsonObject{{s("rows"), rows},
                                               {s("list_ready_ms_median"), round3(percentile(readyMs, 50))},
                                               {s("rss_mb_median"), round3(percentile(rss, 50))},
                                               {s("runs"), 5}});
    QFile db(dir + s("/store.db"));
    out.insert(s("store_file_mb"), round3(double(db.size()) / 1048576.0));

    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
