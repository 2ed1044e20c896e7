// tidemarkctl driven as a script would: local commands over a store file, JSON output, and clear
// failures that write nothing.
#include "../serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
}

class TestTidemarkctl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addListShowRoundTrip();
    void editDoneRemoveRestoreMove();
    void rmOfACollectionKeepsItsItemsAndDoneCompletesSubtasks();
    void recurringTaskCompletes();
    void searchFindsWithHighlights();
    void historyRestoresAVersion();
    void badInputFailsAndWritesNothing_data();
    void badInputFailsAndWritesNothing();
    void exportAndImportMarkdownRoundTrip();
    void brokenImportWritesNothing();
    void exportJsonHasEverything();
    void shortIdsResolve();
    void twoStoresSyncThroughAServer();
    void accountDevicesCanBeListedSignedOutAndThePasswordChanged();
    void aTextConflictIsKeptWholeWithTakeBoth();
    void theAuditTrailListsEventsAndAnUndoReachesTheOtherDevice();
    void aDeviceNeverConflictsWithItselfAcrossFailedSyncs();
    void theSizeLimitIsTheSameOnTheDeviceAndTheServer();
    void aFirstSyncKilledAtAnyMomentCompletesWithNothingLostOrDoubled();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
        QJsonValue json() const
        {
            const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
            return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
    };
    Result ctl(QStringList args, const QByteArray &input = {});
    int outboxSize();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestTidemarkctl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"store.db"_s);
}

TestTidemarkctl::Result TestTidemarkctl::ctl(QStringList args, const QByteArray &input)
{
    args.prepend(m_db);
    args.prepend(u"--db"_s);
    QProcess process;
    process.start(QString::fromUtf8(TIDEMARKCTL_PATH), args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

int TestTidemarkctl::outboxSize()
{
    return int(ctl({u"outbox"_s, u"--json"_s}).json().toArray().size());
}

void TestTidemarkctl::addListShowRoundTrip()
{
    const Result list = ctl({u"add"_s, u"collection"_s, u"Groceries"_s});
    QCOMPARE(list.code, 0);
    const Result task = ctl({u"add"_s, u"task"_s, u"Buy"_s, u"oat"_s, u"milk"_s, u"--collection"_s, u"groceries"_s,
                             u"--due"_s, u"2026-12-01T17:30[Europe/Berlin]"_s, u"--priority"_s, u"2"_s,
                             u"--tags"_s, u"shop,dairy"_s});
    QCOMPARE(task.code, 0);
    const QString taskId = task.out.trimmed();
    QCOMPARE(taskId.size(), 36);
    const Result note = ctl({u"add"_s, u"note"_s, u"--title"_s, u"Recipes"_s, u"--body-file"_s, u"-"_s},
                            "# Pancakes\n\nFlour, *oat milk*, eggs.\n");
    QCOMPARE(note.code, 0);

    const Result all = ctl({u"list"_s, u"--json"_s});
    QCOMPARE(all.code, 0);
    const QJsonArray rows = all.json().toArray();
    QCOMPARE(rows.size(), 2);
    const Result inList = ctl({u"list"_s, u"--collection"_s, u"Groceries"_s, u"--json"_s});
    QCOMPARE(inList.json().toArray().size(), 1);
    const QJsonObject row = inList.json().toArray().first().toObject();
    QCOMPARE(row.value(u"title"_s).toString(), u"Buy oat milk"_s);
    QCOMPARE(row.value(u"due"_s).toString(), u"2026-12-01T17:30[Europe/Berlin]"_s);
    QCOMPARE(row.value(u"priority"_s).toInt(), 2);
    QCOMPARE(row.value(u"tags"_s).toArray(), (QJsonArray{u"dairy"_s, u"shop"_s}));
    QCOMPARE(row.value(u"pending"_s).toBool(), true);

    const Result shown = ctl({u"show"_s, note.out.trimmed(), u"--json"_s});
    QCOMPARE(shown.code, 0);
    QCOMPARE(shown.json().toObject().value(u"fields"_s).toObject().value(u"body"_s).toString(),
             u"# Pancakes\n\nFlour, *oat milk*, eggs.\n"_s);
    const Result text = ctl({u"show"_s, taskId});
    QVERIFY(text.out.contains(u"title: Buy oat milk"_s));
    QCOMPARE(outboxSize(), 3);
}

void TestTidemarkctl::editDoneRemoveRestoreMove()
{
    const QString id = ctl({u"add"_s, u"task"_s, u"Draft"_s}).out.trimmed();
    ctl({u"add"_s, u"collection"_s, u"Work"_s});
    QCOMPARE(ctl({u"edit"_s, id, u"--title"_s, u"Final"_s, u"--due"_s, u"today"_s}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--view"_s, u"today"_s, u"--json"_s}).json().toArray().size(), 1);
    QCOMPARE(ctl({u"done"_s, id}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--view"_s, u"today"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(ctl({u"list"_s, u"--view"_s, u"done"_s, u"--json"_s}).json().toArray().size(), 1);
    QCOMPARE(ctl({u"done"_s, id, u"--undo"_s}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--view"_s, u"done"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(ctl({u"mv"_s, id, u"Work"_s}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--collection"_s, u"Work"_s, u"--json"_s}).json().toArray().size(), 1);
    QCOMPARE(ctl({u"rm"_s, id}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(ctl({u"list"_s, u"--view"_s, u"trash"_s, u"--json"_s}).json().toArray().size(), 1);
    QCOMPARE(ctl({u"restore"_s, id}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().first().toObject().value(u"title"_s).toString(), u"Final"_s);
    QCOMPARE(ctl({u"mv"_s, id, u"none"_s}).code, 0);
    QCOMPARE(ctl({u"collections"_s, u"--json"_s}).json().toArray().first().toObject().value(u"count"_s).toInt(), 0);
}

void TestTidemarkctl::rmOfACollectionKeepsItsItemsAndDoneCompletesSubtasks()
{
    // The window's rules, from the command line (model::ListActions, Store::setDone).
    const QString work = ctl({u"add"_s, u"collection"_s, u"Work"_s}).out.trimmed();
    const QString plan = ctl({u"add"_s, u"note"_s, u"Plan"_s, u"--collection"_s, u"Work"_s}).out.trimmed();
    const QString trip = ctl({u"add"_s, u"task"_s, u"Trip"_s, u"--collection"_s, u"Work"_s}).out.trimmed();
    const QString pack = ctl({u"add"_s, u"task"_s, u"Pack"_s, u"--parent"_s, trip}).out.trimmed();
    QCOMPARE(ctl({u"done"_s, trip}).code, 0);
    const auto doneAt = [&](const QString &id) {
        return ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"done_at"_s);
    };
    QVERIFY(doneAt(trip).isString());
    QVERIFY(doneAt(pack).isString()); // done with its parent
    QCOMPARE(ctl({u"done"_s, trip, u"--undo"_s}).code, 0);
    QVERIFY(doneAt(trip).isNull());
    QVERIFY(doneAt(pack).isString()); // reopening the parent leaves its parts

    QCOMPARE(ctl({u"rm"_s, work}).code, 0);
    QCOMPARE(ctl({u"collections"_s, u"--json"_s}).json().toArray().size(), 0);
    const QJsonArray all = ctl({u"list"_s, u"--json"_s}).json().toArray();
    QCOMPARE(all.size(), 3); // the note and both tasks stay, without a collection
    for (const QJsonValue &row : all)
        QVERIFY2(row.toObject().value(u"collection"_s).toString().isEmpty(), qPrintable(row.toObject().value(u"id"_s).toString()));
    // Archived notes leave All for the Archive view.
    QCOMPARE(ctl({u"edit"_s, plan, u"--archived"_s, u"yes"_s}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 2);
    const QJsonArray archived = ctl({u"list"_s, u"--view"_s, u"archive"_s, u"--json"_s}).json().toArray();
    QCOMPARE(archived.size(), 1);
    QCOMPARE(archived.first().toObject().value(u"id"_s).toString(), plan);
}

void TestTidemarkctl::recurringTaskCompletes()
{
    const QString id = ctl({u"add"_s, u"task"_s, u"Pay rent"_s, u"--due"_s, u"2026-01-31"_s, u"--recurrence"_s,
                            u"FREQ=MONTHLY"_s}).out.trimmed();
    const Result done = ctl({u"done"_s, id});
    QCOMPARE(done.code, 0);
    QVERIFY2(done.out.contains(u"due 2026-02-28"_s), qPrintable(done.out));
    const QJsonArray open = ctl({u"list"_s, u"--json"_s}).json().toArray();
    QCOMPARE(open.size(), 2);
}

void TestTidemarkctl::searchFindsWithHighlights()
{
    ctl({u"add"_s, u"note"_s, u"Harbour"_s, u"--body"_s, u"The tide turns at noon near the lighthouse."_s});
    ctl({u"add"_s, u"note"_s, u"Shopping"_s, u"--body"_s, u"Eggs and flour."_s});
    const Result hits = ctl({u"search"_s, u"lighthouse"_s, u"--json"_s});
    QCOMPARE(hits.code, 0);
    const QJsonArray array = hits.json().toArray();
    QCOMPARE(array.size(), 1);
    const QJsonObject hit = array.first().toObject();
    QCOMPARE(hit.value(u"title"_s).toString(), u"Harbour"_s);
    const QJsonArray range = hit.value(u"highlights"_s).toArray().first().toArray();
    QCOMPARE(hit.value(u"snippet"_s).toString().mid(range.at(0).toInt(), range.at(1).toInt()), u"lighthouse"_s);
    QVERIFY(ctl({u"search"_s, u"lighthouse"_s}).out.contains(u"[lighthouse]"_s));
    QCOMPARE(ctl({u"search"_s, u"light"_s, u"--json"_s}).json().toArray().size(), 0); // whole words
    QCOMPARE(ctl({u"search"_s, u"light*"_s, u"--json"_s}).json().toArray().size(), 1); // unless asked
}

void TestTidemarkctl::historyRestoresAVersion()
{
    const QString id = ctl({u"add"_s, u"note"_s, u"One"_s}).out.trimmed();
    ctl({u"edit"_s, id, u"--title"_s, u"Two"_s});
    ctl({u"edit"_s, id, u"--title"_s, u"Three"_s});
    QCOMPARE(ctl({u"history"_s, id, u"--json"_s}).json().toArray().size(), 3);
    const Result restored = ctl({u"history"_s, id, u"--restore"_s, u"1"_s, u"--json"_s});
    QCOMPARE(restored.code, 0);
    const QJsonArray versions = restored.json().toArray();
    QCOMPARE(versions.size(), 4);
    QCOMPARE(versions.last().toObject().value(u"origin"_s).toString(), u"restore"_s);
    QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
             u"One"_s);
}

void TestTidemarkctl::badInputFailsAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString ghost = u"01900000-0000-7000-8000-000000000000"_s;
    QTest::newRow("unknown command") << QStringList{u"frob"_s} << 2 << u"unknown command"_s;
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frob"_s} << 2 << u"Unknown option"_s;
    QTest::newRow("option of another command") << QStringList{u"list"_s, u"--due"_s, u"today"_s} << 2 << u"does not apply"_s;
    QTest::newRow("bad kind") << QStringList{u"add"_s, u"memo"_s} << 2 << u"not note, task or collection"_s;
    QTest::newRow("bad date") << QStringList{u"add"_s, u"task"_s, u"x"_s, u"--due"_s, u"31/12/2026"_s} << 1 << u"due must be"_s;
    QTest::newRow("bad priority") << QStringList{u"add"_s, u"task"_s, u"x"_s, u"--priority"_s, u"9"_s} << 1 << u"priority"_s;
    QTest::newRow("priority word") << QStringList{u"add"_s, u"task"_s, u"x"_s, u"--priority"_s, u"high"_s} << 1 << u"priority"_s;
    QTest::newRow("bad rule") << QStringList{u"add"_s, u"task"_s, u"x"_s, u"--recurrence"_s, u"FREQ=SECONDLY"_s} << 1 << u"recurrence"_s;
    QTest::newRow("note has no due") << QStringList{u"add"_s, u"note"_s, u"x"_s, u"--due"_s, u"today"_s} << 1 << u"does not apply to a note"_s;
    QTest::newRow("missing collection") << QStringList{u"add"_s, u"note"_s, u"x"_s, u"--collection"_s, u"Nowhere"_s} << 1 << u"no collection"_s;
    QTest::newRow("bad id") << QStringList{u"rm"_s, u"zzz"_s} << 1 << u"not an id"_s;
    QTest::newRow("unknown id") << QStringList{u"edit"_s, ghost, u"--title"_s, u"x"_s} << 1 << u"no note, task or collection"_s;
    QTest::newRow("done a note") << QStringList{u"done"_s, u"NOTE"_s} << 1 << u"no task"_s;
    QTest::newRow("edit nothing") << QStringList{u"edit"_s, u"NOTE"_s} << 2 << u"nothing to change"_s;
    QTest::newRow("bad view") << QStringList{u"list"_s, u"--view"_s, u"someday"_s} << 2 << u"unknown view"_s;
    QTest::newRow("export format") << QStringList{u"export"_s, u"--format"_s, u"pdf"_s, u"out"_s} << 2 << u"--format"_s;
    QTest::newRow("pinned maybe") << QStringList{u"edit"_s, u"NOTE"_s, u"--pinned"_s, u"maybe"_s} << 1 << u"yes or no"_s;
}

void TestTidemarkctl::badInputFailsAndWritesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString note = ctl({u"add"_s, u"note"_s, u"Existing"_s}).out.trimmed();
    args.replaceInStrings(u"NOTE"_s, note);
    const int before = outboxSize();
    const QString listBefore = ctl({u"list"_s, u"--json"_s}).out;

    const Result result = ctl(args);
    QCOMPARE(result.code, code);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')) <= 1 || code == 2, true);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(outboxSize(), before);
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).out, listBefore);
}

void TestTidemarkctl::exportAndImportMarkdownRoundTrip()
{
    ctl({u"add"_s, u"collection"_s, u"Journal"_s});
    const QString note = ctl({u"add"_s, u"note"_s, u"Day one: \"sun\""_s, u"--collection"_s, u"Journal"_s, u"--tags"_s,
                              u"life"_s, u"--pinned"_s, u"yes"_s, u"--body"_s, u"Walked by the sea.\n\n- gulls\n"_s}).out.trimmed();
    const QString task = ctl({u"add"_s, u"task"_s, u"Call #mum"_s, u"--due"_s, u"2026-12-24T18:00[Europe/London]"_s,
                              u"--priority"_s, u"3"_s, u"--recurrence"_s, u"FREQ=YEARLY"_s}).out.trimmed();
    const QString folder = m_dir->filePath(u"md"_s);
    const Result exported = ctl({u"export"_s, u"--format"_s, u"markdown"_s, folder});
    QCOMPARE(exported.code, 0);
    QCOMPARE(QDir(folder).entryList({u"*.md"_s}).size(), 2);

    // Into a new store: same ids, same fields.
    const QString original = m_db;
    m_db = m_dir->filePath(u"other.db"_s);
    const Result imported = ctl({u"import"_s, u"markdown"_s, folder});
    QCOMPARE(imported.code, 0);
    QVERIFY(imported.out.contains(u"1 notes and 1 tasks"_s));
    const QJsonObject noteFields = ctl({u"show"_s, note, u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
    QCOMPARE(noteFields.value(u"title"_s).toString(), u"Day one: \"sun\""_s);
    QCOMPARE(noteFields.value(u"body"_s).toString(), u"Walked by the sea.\n\n- gulls\n"_s);
    QCOMPARE(noteFields.value(u"tags"_s).toArray(), QJsonArray{u"life"_s});
    QCOMPARE(noteFields.value(u"pinned"_s).toBool(), true);
    const QJsonObject taskFields = ctl({u"show"_s, task, u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
    QCOMPARE(taskFields.value(u"title"_s).toString(), u"Call #mum"_s);
    QCOMPARE(taskFields.value(u"due"_s).toString(), u"2026-12-24T18:00[Europe/London]"_s);
    QCOMPARE(taskFields.value(u"priority"_s).toInt(), 3);
    QCOMPARE(taskFields.value(u"recurrence"_s).toString(), u"FREQ=YEARLY"_s);
    QCOMPARE(ctl({u"collections"_s, u"--json"_s}).json().toArray().first().toObject().value(u"name"_s).toString(), u"Journal"_s);

    // A second import updates instead of duplicating.
    QCOMPARE(ctl({u"import"_s, u"markdown"_s, folder}).code, 0);
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 2);
    m_db = original;
}

void TestTidemarkctl::brokenImportWritesNothing()
{
    const QString folder = m_dir->filePath(u"in"_s);
    QDir().mkpath(folder);
    const auto write = [&folder](const char *name, const QByteArray &data) {
        QFile file(QDir(folder).filePath(QString::fromUtf8(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    };
    write("good.md", "---\ntitle: Fine\ntags: [a, b]\n---\nBody\n");
    write("empty-front-matter.md", "---\n---\nid: not front matter\n");
    write("numeric.md", "---\ntitle: 2024\n---\nA year.\n");
    write("plain.md", "# Heading becomes the title\n\nText.\n");
    write("bad-date.md", "---\nkind: task\ndue: someday\n---\n");
    write("unclosed.md", "---\ntitle: never closed\n");
    write("binary.md", QByteArray("\xff\xfe\x00garbage", 10));
    const Result result = ctl({u"import"_s, u"markdown"_s, folder});
    QCOMPARE(result.code, 1);
    QVERIFY(result.err.contains(u"bad-date.md"_s));
    QVERIFY(result.err.contains(u"unclosed.md"_s));
    QVERIFY(result.err.contains(u"binary.md"_s));
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(outboxSize(), 0);

    QFile::remove(QDir(folder).filePath(u"bad-date.md"_s));
    QFile::remove(QDir(folder).filePath(u"unclosed.md"_s));
    QFile::remove(QDir(folder).filePath(u"binary.md"_s));
    QCOMPARE(ctl({u"import"_s, u"markdown"_s, folder}).code, 0);
    const QJsonArray rows = ctl({u"list"_s, u"--json"_s}).json().toArray();
    QCOMPARE(rows.size(), 4);
    QStringList titles;
    for (const QJsonValue &row : rows)
        titles << row.toObject().value(u"title"_s).toString();
    titles.sort();
    QCOMPARE(titles, (QStringList{u"2024"_s, u"Fine"_s, u"Heading becomes the title"_s, u"empty-front-matter"_s}));
    QCOMPARE(ctl({u"tags"_s, u"--json"_s}).json().toArray().size(), 2);
}

void TestTidemarkctl::exportJsonHasEverything()
{
    ctl({u"add"_s, u"collection"_s, u"Box"_s});
    ctl({u"add"_s, u"note"_s, u"N"_s, u"--collection"_s, u"Box"_s});
    ctl({u"add"_s, u"task"_s, u"T"_s, u"--due"_s, u"2026-12-01"_s});
    const QString folder = m_dir->filePath(u"json"_s);
    QCOMPARE(ctl({u"export"_s, u"--format"_s, u"json"_s, folder}).code, 0);
    QFile file(QDir(folder).filePath(u"tidemark.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(u"collections"_s).toArray().size(), 1);
    QCOMPARE(root.value(u"notes"_s).toArray().size(), 1);
    QCOMPARE(root.value(u"tasks"_s).toArray().first().toObject().value(u"due"_s).toString(), u"2026-12-01"_s);
}

void TestTidemarkctl::shortIdsResolve()
{
    const QString id = ctl({u"add"_s, u"note"_s, u"Short"_s}).out.trimmed();
    QCOMPARE(ctl({u"edit"_s, id.right(8), u"--title"_s, u"By its end"_s}).code, 0);
    QCOMPARE(ctl({u"show"_s, id.left(23), u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
             u"By its end"_s);
}

void TestTidemarkctl::twoStoresSyncThroughAServer()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Not signed in: sync says so and fails; status says so.
    const Result lonely = ctl({u"sync"_s});
    QCOMPARE(lonely.code, 1);
    QVERIFY(lonely.err.contains(u"not signed in"_s));
    QCOMPARE(ctl({u"status"_s, u"--json"_s}).json().toObject().value(u"state"_s).toString(), u"signed-out"_s);
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--user"_s, u"anna"_s}, "correct horse\n").code, 2); // no --server

    const Result registered = ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"anna"_s, u"--password-stdin"_s},
                                  "correct horse\n");
    QCOMPARE(registered.code, 0);
    // The token is in the system keychain, or (with none, as on a build machine) in the account
    // file, and the person is told so.
    QFile accountFile(m_db + u".account"_s);
    QVERIFY(accountFile.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(accountFile.readAll()).object();
    QVERIFY(saved.value(u"token_in_keychain"_s).toBool()
            || (saved.value(u"token"_s).isString() && registered.err.contains(u"no system keychain"_s)));
    QVERIFY(!(QFile::permissions(m_db + u".account"_s) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    QCOMPARE(ctl({u"device-name"_s, u"Laptop"_s}).code, 0);
    const QString id = ctl({u"add"_s, u"note"_s, u"Groceries"_s, u"--body"_s, u"milk\n"_s}).out.trimmed();
    const Result synced = ctl({u"sync"_s});
    QCOMPARE(synced.code, 0);
    const QDateTime pushed = QDateTime::currentDateTimeUtc();
    // Alone in the account, its own change coming back with its revision is not "pulled".
    QVERIFY2(synced.out.startsWith(u"pushed 1, pulled 0,"_s), qPrintable(synced.out));
    QJsonObject status = ctl({u"status"_s, u"--json"_s}).json().toObject();
    QCOMPARE(status.value(u"state"_s).toString(), u"idle"_s);
    QCOMPARE(status.value(u"pending"_s).toInt(), 0);
    QCOMPARE(status.value(u"cursor"_s).toInt(), 1);
    QVERIFY(status.value(u"last_sync"_s).isString());
    // How the sync went: its duration, and the conflicts by rule (none yet).
    const QJsonObject metrics = status.value(u"metrics"_s).toObject();
    QVERIFY(metrics.value(u"last_sync_ms"_s).toDouble() >= 0);
    QVERIFY(metrics.value(u"last_sync_ms"_s).isDouble());
    QVERIFY(metrics.value(u"conflicts_by_rule"_s).toObject().isEmpty());

    // A second store signs in with a wrong password (refused), then the right one, and pulls.
    const QString first = m_db;
    m_db = m_dir->filePath(u"other.db"_s);
    const Result wrong = ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "wrong horse\n");
    QCOMPARE(wrong.code, 1);
    QVERIFY(wrong.err.contains(u"wrong user name or password"_s));
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    QTest::qWait(1100); // the pull comes a second later than the push
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    QVERIFY(ctl({u"show"_s, id}).out.contains(u"milk"_s));
    // Its history names the device that wrote it and dates it by the server, not by its arrival.
    const Result history = ctl({u"history"_s, id});
    QVERIFY2(history.out.contains(u"remote on Laptop"_s), qPrintable(history.out));
    const QJsonObject pulled = ctl({u"history"_s, id, u"--json"_s}).json().toArray().last().toObject();
    QCOMPARE(pulled.value(u"device_name"_s).toString(), u"Laptop"_s);
    const QDateTime madeAt = QDateTime::fromString(pulled.value(u"at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(madeAt.isValid() && madeAt <= pushed, qPrintable(pulled.value(u"at"_s).toString()));
    QCOMPARE(ctl({u"account"_s, u"logout"_s}).code, 0);
    QCOMPARE(ctl({u"status"_s, u"--json"_s}).json().toObject().value(u"state"_s).toString(), u"signed-out"_s);

    // The server goes away: sync fails with the reason, and the edit waits in the outbox.
    m_db = first;
    QVERIFY(ctl({u"edit"_s, id, u"--title"_s, u"Shopping"_s}).code == 0);
    server.kill();
    server.waitForFinished();
    const Result offline = ctl({u"sync"_s});
    QCOMPARE(offline.code, 1);
    QVERIFY(offline.err.contains(u"offline"_s));
    status = ctl({u"status"_s, u"--json"_s}).json().toObject();
    QCOMPARE(status.value(u"state"_s).toString(), u"error"_s);
    QCOMPARE(status.value(u"pending"_s).toInt(), 1);
    QVERIFY(!status.value(u"last_error"_s).toString().isEmpty());
    QVERIFY(status.value(u"last_sync"_s).isString()); // the last one that went through is still known
}

void TestTidemarkctl::accountDevicesCanBeListedSignedOutAndThePasswordChanged()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(u"phone.db"_s);
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);

    // The laptop sees both devices, itself marked.
    m_db = laptop;
    const QJsonArray devices = ctl({u"account"_s, u"devices"_s, u"--json"_s}).json().toArray();
    QCOMPARE(devices.size(), 2);
    QString phoneSession;
    int current = 0;
    for (const QJsonValue &d : devices) {
        current += d.toObject().value(u"current"_s).toBool() ? 1 : 0;
        if (!d.toObject().value(u"current"_s).toBool())
            phoneSession = d.toObject().value(u"id"_s).toString();
    }
    QCOMPARE(current, 1);
    QVERIFY(ctl({u"account"_s, u"devices"_s}).out.contains(u"(this device)"_s));
    // Not itself, not an unknown id.
    QCOMPARE(ctl({u"account"_s, u"signout"_s, u"zzzzzzzz"_s}).code, 1);

    // The phone is lost: signed out from the laptop, it can no longer sync.
    const Result out = ctl({u"account"_s, u"signout"_s, phoneSession.left(12)});
    QVERIFY2(out.code == 0, qPrintable(out.err));
    QCOMPARE(ctl({u"account"_s, u"devices"_s, u"--json"_s}).json().toArray().size(), 1);
    m_db = phone;
    const Result refused = ctl({u"sync"_s});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(u"sign in"_s, Qt::CaseInsensitive), qPrintable(refused.err));

    // A new password: a wrong current one is refused; the right one keeps the laptop signed in.
    m_db = laptop;
    QCOMPARE(ctl({u"account"_s, u"password"_s}, "wrong horse\nbattery staple\n").code, 1);
    const Result changed = ctl({u"account"_s, u"password"_s}, "correct horse\nbattery staple\n");
    QVERIFY2(changed.code == 0, qPrintable(changed.err));
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 1);
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "battery staple\n").code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = laptop;
}

void TestTidemarkctl::aTextConflictIsKeptWholeWithTakeBoth()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Two stores of one account edit the same line of a note at once.
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(u"phone.db"_s);
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    const QString id = ctl({u"add"_s, u"note"_s, u"Plans"_s, u"--body"_s, u"Plans\nmeet at 10\nbring cake\n"_s}).out.trimmed();
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    QCOMPARE(ctl({u"edit"_s, id, u"--body"_s, u"Plans\nmeet at 9\nbring cake\n"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"edit"_s, id, u"--body"_s, u"Plans\nmeet at 11\nbring cake and tea\n"_s}).code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"sync"_s}).code, 0);

    // The phone's record has both sides and the text they both changed from.
    const QJsonArray open = ctl({u"conflicts"_s, u"--json"_s}).json().toArray();
    QCOMPARE(open.size(), 1);
    const QJsonObject record = open.first().toObject();
    QCOMPARE(record.value(u"base"_s).toString(), u"Plans\nmeet at 10\nbring cake\n"_s);
    QCOMPARE(record.value(u"mine"_s).toString(), u"Plans\nmeet at 9\nbring cake\n"_s);
    QVERIFY(record.value(u"at"_s).toString().endsWith(QLatin1Char('Z')));

    // "--take both" keeps every line of both where they collide, mine first.
    QCOMPARE(ctl({u"resolve"_s, record.value(u"id"_s).toString(), u"--take"_s, u"sideways"_s}).code, 2);
    const Result tookBoth = ctl({u"resolve"_s, record.value(u"id"_s).toString(), u"--take"_s, u"both"_s, u"--json"_s});
    QCOMPARE(tookBoth.code, 0);
    QCOMPARE(tookBoth.json().toObject().value(u"field"_s).toString(), u"body"_s);
    const QString both = u"Plans\nmeet at 9\nbring cake\nmeet at 11\nbring cake and tea\n"_s;
    QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"body"_s).toString(), both);
    QVERIFY(ctl({u"conflicts"_s, u"--json"_s}).json().toArray().isEmpty());
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"body"_s).toString(), both);
}

void TestTidemarkctl::theAuditTrailListsEventsAndAnUndoReachesTheOtherDevice()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Two stores rename one task while apart; the phone's rename is the later one and wins.
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(u"phone.db"_s);
    QCOMPARE(ctl({u"device-name"_s, u"   "_s}).code, 2);
    QCOMPARE(ctl({u"device-name"_s, u"Laptop"_s}).out, u"Laptop\n"_s);
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    const QString id = ctl({u"add"_s, u"task"_s, u"Groceries"_s}).out.trimmed();
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    QCOMPARE(ctl({u"device-name"_s, u"Phone"_s}).code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"edit"_s, id, u"--title"_s, u"Groceries for Saturday"_s}).code, 0);
    QTest::qWait(5);
    m_db = phone;
    QCOMPARE(ctl({u"edit"_s, id, u"--title"_s, u"Shopping"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"sync"_s}).code, 0);

    // The laptop's audit trail has the decision, with both titles, the rule and the way back.
    const QJsonArray events = ctl({u"audit"_s, u"--item"_s, id.left(8), u"--json"_s}).json().toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(event.value(u"rule"_s).toString(), u"scalar-later-wins"_s);
    QCOMPARE(event.value(u"field"_s).toString(), u"title"_s);
    QCOMPARE(event.value(u"mine"_s).toString(), u"Groceries for Saturday"_s);
    QCOMPARE(event.value(u"theirs"_s).toString(), u"Shopping"_s);
    QCOMPARE(event.value(u"base"_s).toString(), u"Groceries"_s);
    QCOMPARE(event.value(u"undo_value"_s).toString(), u"Groceries for Saturday"_s);
    QCOMPARE(event.value(u"device_name"_s).toString(), u"Phone"_s);
    QCOMPARE(event.value(u"theirs_device_name"_s).toString(), u"Phone"_s);
    QCOMPARE(event.value(u"mine_device_name"_s).toString(), u"Laptop"_s);
    QVERIFY(event.value(u"mine_at"_s).toString() < event.value(u"theirs_at"_s).toString());
    const Result text = ctl({u"audit"_s});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(u"scalar-later-wins"_s) && text.out.contains(u"undo-resolution"_s), qPrintable(text.out));
    QCOMPARE(ctl({u"audit"_s, u"--item"_s, u"nothing-like-this"_s}).code, 1);

    // Undone on the laptop: the other title is back there, and on the phone after syncing, whose
    // trail then shows the undo too.
    QCOMPARE(ctl({u"undo-resolution"_s, u"no-such-event"_s}).code, 1);
    const Result undo = ctl({u"undo-resolution"_s, event.value(u"id"_s).toString().left(8), u"--json"_s});
    QVERIFY2(undo.code == 0, qPrintable(undo.err));
    QCOMPARE(undo.json().toObject().value(u"value"_s).toString(), u"Groceries for Saturday"_s);
    QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
             u"Groceries for Saturday"_s);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
             u"Groceries for Saturday"_s);
    const QJsonArray onPhone = ctl({u"audit"_s, u"--json"_s}).json().toArray();
    // The phone's own rename arrived second: its side is "mine", the laptop's "theirs".
    const auto decided = std::ranges::find_if(onPhone, [](const QJsonValue &v) {
        return v.toObject().value(u"rule"_s).toString() == u"scalar-later-wins"_s;
    });
    QVERIFY(decided != onPhone.end());
    QCOMPARE((*decided).toObject().value(u"mine"_s).toString(), u"Shopping"_s);
    QCOMPARE((*decided).toObject().value(u"mine_device_name"_s).toString(), u"Phone"_s);
    QCOMPARE((*decided).toObject().value(u"theirs_device_name"_s).toString(), u"Laptop"_s);
    const Result phoneText = ctl({u"audit"_s});
    QVERIFY2(phoneText.out.contains(u"theirs: Groceries for Saturday (Laptop)"_s), qPrintable(phoneText.out));
    const auto choice = std::ranges::find_if(onPhone, [&](const QJsonValue &v) {
        return v.toObject().value(u"rule"_s).toString() == u"resolution"_s
            && v.toObject().value(u"settles"_s).toString() == event.value(u"id"_s).toString();
    });
    QVERIFY(choice != onPhone.end());

    // The phone undoes the laptop's choice, as the window's audit trail does: "Shopping" is back,
    // the rule's decision stands again on both devices, the choice says undone, and there is no
    // second undo of it.
    const QString choiceId = (*choice).toObject().value(u"id"_s).toString();
    QCOMPARE((*choice).toObject().value(u"undo_value"_s).toString(), u"Shopping"_s);
    const Result back = ctl({u"undo-resolution"_s, choiceId});
    QVERIFY2(back.code == 0 && back.out.contains(u"the conflict it settled is back"_s), qPrintable(back.out + back.err));
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    for (const QString &store : {laptop, phone}) {
        m_db = store;
        QCOMPARE(ctl({u"show"_s, id, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"title"_s).toString(),
                 u"Shopping"_s);
        const QJsonArray trail = ctl({u"audit"_s, u"--json"_s}).json().toArray();
        for (const QJsonValue &v : trail) {
            const QJsonObject r = v.toObject();
            if (r.value(u"id"_s).toString() == choiceId) {
                QCOMPARE(r.value(u"status"_s).toString(), u"undone"_s);
                QVERIFY(!r.contains(u"undo_value"_s));
            }
            if (r.value(u"id"_s).toString() == event.value(u"id"_s).toString())
                QCOMPARE(r.value(u"status"_s).toString(), u"settled"_s);
        }
        QVERIFY(std::ranges::any_of(trail, [&](const QJsonValue &v) {
            return v.toObject().value(u"rule"_s).toString() == u"undo"_s && v.toObject().value(u"settles"_s).toString() == choiceId;
        }));
        QCOMPARE(ctl({u"undo-resolution"_s, choiceId}).code, 1);
    }
}

void TestTidemarkctl::aDeviceNeverConflictsWithItselfAcrossFailedSyncs()
{
    // What a person does on a train: signed in, offline, several things done to the same items
    // between syncs that fail, then the network comes back (docs/conflicts.md, own-edits-in-order).
    QProcess server;
    const QString database = m_dir->filePath(u"server.db"_s);
    const int port = tidemark::test::startServer(server, database);
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    const auto offline = [&] {
        const Result failed = ctl({u"sync"_s});
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(u"offline"_s), qPrintable(failed.err));
    };

    // The reproduction: stop the server, add a task, sync (fails), done, start, sync.
    server.kill();
    server.waitForFinished();
    const QString task = ctl({u"add"_s, u"task"_s, u"Pack"_s}).out.trimmed();
    offline();
    QCOMPARE(ctl({u"done"_s, task}).code, 0);
    QCOMPARE(tidemark::test::startServer(server, database, port), port);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    QCOMPARE(ctl({u"conflicts"_s, u"--all"_s, u"--json"_s}).json().toArray().size(), 0);
    QVERIFY(!ctl({u"show"_s, task, u"--json"_s}).json().toObject().value(u"fields"_s).toObject().value(u"done_at"_s).isNull());

    // And a longer day: each action on the same items, with failed syncs between them.
    server.kill();
    server.waitForFinished();
    const QString home = ctl({u"add"_s, u"collection"_s, u"Home"_s}).out.trimmed();
    const QString note = ctl({u"add"_s, u"note"_s, u"Trip"_s, u"--body"_s, u"day one\nday two\n"_s}).out.trimmed();
    const QString sub = ctl({u"add"_s, u"task"_s, u"Passport"_s, u"--parent"_s, task}).out.trimmed();
    offline();
    QCOMPARE(ctl({u"done"_s, sub}).code, 0);
    QCOMPARE(ctl({u"edit"_s, task, u"--title"_s, u"Pack bags"_s, u"--tags"_s, u"travel"_s}).code, 0);
    offline();
    QCOMPARE(ctl({u"edit"_s, note, u"--body"_s, u"day one: Rome\nday two\n"_s}).code, 0);
    QCOMPARE(ctl({u"rm"_s, note}).code, 0);
    offline();
    QCOMPARE(ctl({u"restore"_s, note}).code, 0);
    QCOMPARE(ctl({u"mv"_s, note, home}).code, 0);
    QCOMPARE(ctl({u"edit"_s, note, u"--body"_s, u"day one: Rome\nday two: Florence\n"_s}).code, 0);
    offline();
    QCOMPARE(ctl({u"edit"_s, note, u"--body"_s, u"day one: Rome, the Forum\nday two: Florence\n"_s, u"--tags"_s, u"travel,italy"_s}).code, 0);
    QCOMPARE(ctl({u"rm"_s, sub}).code, 0);
    QCOMPARE(ctl({u"restore"_s, sub}).code, 0);
    QCOMPARE(tidemark::test::startServer(server, database, port), port);
    const Result synced = ctl({u"sync"_s});
    QCOMPARE(synced.code, 0);
    QCOMPARE(ctl({u"conflicts"_s, u"--all"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(ctl({u"audit"_s, u"--json"_s}).json().toArray().size(), 0);
    QCOMPARE(ctl({u"status"_s, u"--json"_s}).json().toObject().value(u"pending"_s).toInt(), 0);

    // Everything as the person left it, here and on a second device.
    const auto check = [&] {
        const QJsonObject t = ctl({u"show"_s, task, u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
        QCOMPARE(t.value(u"title"_s).toString(), u"Pack bags"_s);
        QVERIFY(!t.value(u"done_at"_s).isNull());
        QCOMPARE(t.value(u"tags"_s).toArray(), QJsonArray{u"travel"_s});
        const QJsonObject st = ctl({u"show"_s, sub, u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
        QVERIFY(!st.value(u"done_at"_s).isNull());
        QCOMPARE(st.value(u"deleted"_s).toBool(), false);
        QCOMPARE(st.value(u"parent"_s).toString(), task);
        const QJsonObject n = ctl({u"show"_s, note, u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
        QCOMPARE(n.value(u"body"_s).toString(), u"day one: Rome, the Forum\nday two: Florence\n"_s);
        QCOMPARE(n.value(u"deleted"_s).toBool(), false);
        QCOMPARE(n.value(u"collection"_s).toString(), home);
        QCOMPARE(n.value(u"tags"_s).toArray(), (QJsonArray{u"italy"_s, u"travel"_s}));
    };
    check();
    m_db = m_dir->filePath(u"phone.db"_s);
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"anna"_s}, "correct horse\n").code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    check();
    QCOMPARE(ctl({u"conflicts"_s, u"--all"_s, u"--json"_s}).json().toArray().size(), 0);
}

void TestTidemarkctl::theSizeLimitIsTheSameOnTheDeviceAndTheServer()
{
    // 4 MB of UTF-8 is the limit of a note's text, on the device and on the server: just under it
    // (ASCII, and Japanese at three bytes a character) saves and syncs whole to another device;
    // just over it is refused by tidemarkctl with one line, and nothing is written.
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"kai"_s, u"--password-stdin"_s},
                 "correct horse\n").code, 0);

    constexpr qsizetype kLimit = 4 * 1024 * 1024;
    const auto file = [this](const QString &name, const QString &text) {
        QFile out(m_dir->filePath(name));
        if (!out.open(QIODevice::WriteOnly))
            return QString();
        out.write(text.toUtf8());
        return out.fileName();
    };
    QString ascii = QString(63, QLatin1Char('x')) + QLatin1Char('\n');
    ascii = ascii.repeated(kLimit / 64);
    QCOMPARE(ascii.toUtf8().size(), kLimit);
    const QString japanese = QString(kLimit / 3, QChar(0x65E5)); // 4,194,303 bytes
    const QString asciiAt = file(u"ascii-at.txt"_s, ascii);
    const QString asciiOver = file(u"ascii-over.txt"_s, ascii + QLatin1Char('y'));
    const QString japaneseAt = file(u"japanese-at.txt"_s, japanese);
    const QString japaneseOver = file(u"japanese-over.txt"_s, japanese + QChar(0x65E5)); // 4,194,306 bytes

    const Result at = ctl({u"add"_s, u"note"_s, u"--title"_s, u"At the limit"_s, u"--body-file"_s, asciiAt});
    QCOMPARE(at.code, 0);
    const Result atJapanese = ctl({u"add"_s, u"note"_s, u"--title"_s, u"日本語"_s, u"--body-file"_s, japaneseAt});
    QCOMPARE(atJapanese.code, 0);
    for (const QString &over : {asciiOver, japaneseOver}) {
        const Result refused = ctl({u"add"_s, u"note"_s, u"--title"_s, u"Over"_s, u"--body-file"_s, over});
        QVERIFY(refused.code != 0);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY2(refused.err.contains(u"4 MB"_s) && refused.err.contains(u"note's text"_s), qPrintable(refused.err));
        const Result edited = ctl({u"edit"_s, at.out.trimmed(), u"--body-file"_s, over});
        QVERIFY(edited.code != 0);
        QVERIFY2(edited.err.contains(u"4 MB"_s), qPrintable(edited.err));
    }
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 2);
    QCOMPARE(outboxSize(), 2);

    // An import with a file over the limit names it and imports nothing.
    const QString folder = m_dir->filePath(u"in"_s);
    QDir().mkpath(folder);
    QVERIFY(QFile::copy(asciiOver, QDir(folder).filePath(u"pasted-log.md"_s)));
    QFile fine(QDir(folder).filePath(u"fine.md"_s));
    QVERIFY(fine.open(QIODevice::WriteOnly));
    fine.write("# Fine\n");
    fine.close();
    const Result imported = ctl({u"import"_s, u"markdown"_s, folder});
    QCOMPARE(imported.code, 1);
    QVERIFY2(imported.err.contains(u"pasted-log.md"_s) && imported.err.contains(u"4 MB"_s), qPrintable(imported.err.left(400)));
    QCOMPARE(ctl({u"list"_s, u"--json"_s}).json().toArray().size(), 2);

    // Both at the limit reach the server, and another device, whole.
    const Result synced = ctl({u"sync"_s});
    QVERIFY2(synced.code == 0 && synced.out.contains(u"pushed 2"_s), qPrintable(synced.out + synced.err));
    QCOMPARE(outboxSize(), 0);
    const QString first = m_db;
    m_db = m_dir->filePath(u"other.db"_s);
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"kai"_s}, "correct horse\n").code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    const QJsonObject pulledAscii = ctl({u"show"_s, at.out.trimmed(), u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
    QCOMPARE(pulledAscii.value(u"body"_s).toString().toUtf8().size(), kLimit);
    const QJsonObject pulledJapanese =
        ctl({u"show"_s, atJapanese.out.trimmed(), u"--json"_s}).json().toObject().value(u"fields"_s).toObject();
    QCOMPARE(pulledJapanese.value(u"body"_s).toString(), japanese);
    m_db = first;
}

void TestTidemarkctl::aFirstSyncKilledAtAnyMomentCompletesWithNothingLostOrDoubled()
{
    // A new device's first sync is killed (SIGKILL, as by a crash or a pulled plug) again and
    // again, each time a little later; the next run goes on from where the last one stopped,
    // and in the end the device has every note once, searchable, with nothing to send.
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(u"server.db"_s));
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QCOMPARE(ctl({u"account"_s, u"register"_s, u"--server"_s, url, u"--user"_s, u"ines"_s}, "correct horse\n").code, 0);
    constexpr int kNotes = 6000;
    const QString folder = m_dir->filePath(u"notes"_s);
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < kNotes; ++i) {
        QFile file(QDir(folder).filePath(u"note-%1.md"_s.arg(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("# Logbook %1\n\nWind north-west, a tern over the bow, log entry q%1z.\n").arg(i).toUtf8());
    }
    QCOMPARE(ctl({u"import"_s, u"markdown"_s, folder}).code, 0);
    QCOMPARE(ctl({u"sync"_s}).code, 0);
    const int cursor = ctl({u"status"_s, u"--json"_s}).json().toObject().value(u"cursor"_s).toInt();
    QVERIFY(cursor >= kNotes);

    m_db = m_dir->filePath(u"new-device.db"_s);
    QCOMPARE(ctl({u"account"_s, u"login"_s, u"--server"_s, url, u"--user"_s, u"ines"_s}, "correct horse\n").code, 0);
    int killed = 0;
    int midway = 0; // kills that left the device part of the way through
    for (int delay = 20; killed < 60; delay = delay * 9 / 8 + 2) {
        QProcess sync;
        sync.start(QString::fromUtf8(TIDEMARKCTL_PATH), {u"--db"_s, m_db, u"sync"_s});
        QVERIFY(sync.waitForStarted());
        if (sync.waitForFinished(delay))
            break; // it finished before the kill: the rest is checked below
        sync.kill();
        QVERIFY(sync.waitForFinished());
        ++killed;
        const int reached = ctl({u"status"_s, u"--json"_s}).json().toObject().value(u"cursor"_s).toInt();
        if (reached > 0 && reached < cursor)
            ++midway;
    }
    qInfo("%d kills, %d of them part of the way through the pull", killed, midway);
    QVERIFY2(midway > 0, qPrintable(u"%1 kills, none in the middle of the pull"_s.arg(killed)));
    const Result finished = ctl({u"sync"_s});
    QVERIFY2(finished.code == 0, qPrintable(finished.err));
    const QJsonObject status = ctl({u"status"_s, u"--json"_s}).json().toObject();
    QCOMPARE(status.value(u"cursor"_s).toInt(), cursor);
    QCOMPARE(status.value(u"pending"_s).toInt(), 0);
    QCOMPARE(ctl({u"conflicts"_s, u"--all"_s, u"--json"_s}).json().toArray().size(), 0);
    const QJsonArray listed = ctl({u"list"_s, u"--json"_s}).json().toArray();
    QCOMPARE(listed.size(), kNotes);
    QVERIFY(ctl({u"search"_s, u"q1234z"_s}).out.contains(u"Logbook 1234"_s));

    // Underneath: each note once, its history from the pull alone, and a sound full-text index
    // with every note in it.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const auto number = [&q](const QString &sql) {
            if (!q.exec(sql) || !q.next()) {
                qWarning() << sql << q.lastError().text();
                return -1;
            }
            return q.value(0).toInt();
        };
        QCOMPARE(number(u"SELECT COUNT(*) FROM items"_s), kNotes);
        QCOMPARE(number(u"SELECT COUNT(DISTINCT title) FROM items"_s), kNotes);
        QCOMPARE(number(u"SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH 'tern'"_s), kNotes);
        QCOMPARE(number(u"SELECT COUNT(*) FROM history"_s), kNotes); // one version each: no page applied twice
        QCOMPARE(number(u"SELECT COUNT(*) FROM outbox"_s), 0);
        QCOMPARE(number(u"SELECT COUNT(*) FROM meta WHERE key = 'text_index_deferred'"_s), 0);
        QVERIFY2(q.exec(u"INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)"_s), qPrintable(q.lastError().text()));
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"check"_s);
}

QTEST_GUILESS_MAIN(TestTidemarkctl)
#include "tst_tidemarkctl.moc"
