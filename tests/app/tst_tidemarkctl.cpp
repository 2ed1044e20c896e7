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
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
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
    m_db = m_dir->filePath(s("store.db"));
}

TestTidemarkctl::Result TestTidemarkctl::ctl(QStringList args, const QByteArray &input)
{
    args.prepend(m_db);
    args.prepend(s("--db"));
    QProcess process;
    process.start(s(TIDEMARKCTL_PATH), args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

int TestTidemarkctl::outboxSize()
{
    return int(ctl({s("outbox"), s("--json")}).json().toArray().size());
}

void TestTidemarkctl::addListShowRoundTrip()
{
    const Result list = ctl({s("add"), s("collection"), s("Groceries")});
    QCOMPARE(list.code, 0);
    const Result task = ctl({s("add"), s("task"), s("Buy"), s("oat"), s("milk"), s("--collection"), s("groceries"),
                             s("--due"), s("2026-12-01T17:30[Europe/Berlin]"), s("--priority"), s("2"),
                             s("--tags"), s("shop,dairy")});
    QCOMPARE(task.code, 0);
    const QString taskId = task.out.trimmed();
    QCOMPARE(taskId.size(), 36);
    const Result note = ctl({s("add"), s("note"), s("--title"), s("Recipes"), s("--body-file"), s("-")},
                            "# Pancakes\n\nFlour, *oat milk*, eggs.\n");
    QCOMPARE(note.code, 0);

    const Result all = ctl({s("list"), s("--json")});
    QCOMPARE(all.code, 0);
    const QJsonArray rows = all.json().toArray();
    QCOMPARE(rows.size(), 2);
    const Result inList = ctl({s("list"), s("--collection"), s("Groceries"), s("--json")});
    QCOMPARE(inList.json().toArray().size(), 1);
    const QJsonObject row = inList.json().toArray().first().toObject();
    QCOMPARE(row.value(s("title")).toString(), s("Buy oat milk"));
    QCOMPARE(row.value(s("due")).toString(), s("2026-12-01T17:30[Europe/Berlin]"));
    QCOMPARE(row.value(s("priority")).toInt(), 2);
    QCOMPARE(row.value(s("tags")).toArray(), (QJsonArray{s("dairy"), s("shop")}));
    QCOMPARE(row.value(s("pending")).toBool(), true);

    const Result shown = ctl({s("show"), note.out.trimmed(), s("--json")});
    QCOMPARE(shown.code, 0);
    QCOMPARE(shown.json().toObject().value(s("fields")).toObject().value(s("body")).toString(),
             s("# Pancakes\n\nFlour, *oat milk*, eggs.\n"));
    const Result text = ctl({s("show"), taskId});
    QVERIFY(text.out.contains(s("title: Buy oat milk")));
    QCOMPARE(outboxSize(), 3);
}

void TestTidemarkctl::editDoneRemoveRestoreMove()
{
    const QString id = ctl({s("add"), s("task"), s("Draft")}).out.trimmed();
    ctl({s("add"), s("collection"), s("Work")});
    QCOMPARE(ctl({s("edit"), id, s("--title"), s("Final"), s("--due"), s("today")}).code, 0);
    QCOMPARE(ctl({s("list"), s("--view"), s("today"), s("--json")}).json().toArray().size(), 1);
    QCOMPARE(ctl({s("done"), id}).code, 0);
    QCOMPARE(ctl({s("list"), s("--view"), s("today"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(ctl({s("list"), s("--view"), s("done"), s("--json")}).json().toArray().size(), 1);
    QCOMPARE(ctl({s("done"), id, s("--undo")}).code, 0);
    QCOMPARE(ctl({s("list"), s("--view"), s("done"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(ctl({s("mv"), id, s("Work")}).code, 0);
    QCOMPARE(ctl({s("list"), s("--collection"), s("Work"), s("--json")}).json().toArray().size(), 1);
    QCOMPARE(ctl({s("rm"), id}).code, 0);
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(ctl({s("list"), s("--view"), s("trash"), s("--json")}).json().toArray().size(), 1);
    QCOMPARE(ctl({s("restore"), id}).code, 0);
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().first().toObject().value(s("title")).toString(), s("Final"));
    QCOMPARE(ctl({s("mv"), id, s("none")}).code, 0);
    QCOMPARE(ctl({s("collections"), s("--json")}).json().toArray().first().toObject().value(s("count")).toInt(), 0);
}

void TestTidemarkctl::rmOfACollectionKeepsItsItemsAndDoneCompletesSubtasks()
{
    // The window's rules, from the command line (model::ListActions, Store::setDone).
    const QString work = ctl({s("add"), s("collection"), s("Work")}).out.trimmed();
    const QString plan = ctl({s("add"), s("note"), s("Plan"), s("--collection"), s("Work")}).out.trimmed();
    const QString trip = ctl({s("add"), s("task"), s("Trip"), s("--collection"), s("Work")}).out.trimmed();
    const QString pack = ctl({s("add"), s("task"), s("Pack"), s("--parent"), trip}).out.trimmed();
    QCOMPARE(ctl({s("done"), trip}).code, 0);
    const auto doneAt = [&](const QString &id) {
        return ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("done_at"));
    };
    QVERIFY(doneAt(trip).isString());
    QVERIFY(doneAt(pack).isString()); // done with its parent
    QCOMPARE(ctl({s("done"), trip, s("--undo")}).code, 0);
    QVERIFY(doneAt(trip).isNull());
    QVERIFY(doneAt(pack).isString()); // reopening the parent leaves its parts

    QCOMPARE(ctl({s("rm"), work}).code, 0);
    QCOMPARE(ctl({s("collections"), s("--json")}).json().toArray().size(), 0);
    const QJsonArray all = ctl({s("list"), s("--json")}).json().toArray();
    QCOMPARE(all.size(), 3); // the note and both tasks stay, without a collection
    for (const QJsonValue &row : all)
        QVERIFY2(row.toObject().value(s("collection")).toString().isEmpty(), qPrintable(row.toObject().value(s("id")).toString()));
    // Archived notes leave All for the Archive view.
    QCOMPARE(ctl({s("edit"), plan, s("--archived"), s("yes")}).code, 0);
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 2);
    const QJsonArray archived = ctl({s("list"), s("--view"), s("archive"), s("--json")}).json().toArray();
    QCOMPARE(archived.size(), 1);
    QCOMPARE(archived.first().toObject().value(s("id")).toString(), plan);
}

void TestTidemarkctl::recurringTaskCompletes()
{
    const QString id = ctl({s("add"), s("task"), s("Pay rent"), s("--due"), s("2026-01-31"), s("--recurrence"),
                            s("FREQ=MONTHLY")}).out.trimmed();
    const Result done = ctl({s("done"), id});
    QCOMPARE(done.code, 0);
    QVERIFY2(done.out.contains(s("due 2026-02-28")), qPrintable(done.out));
    const QJsonArray open = ctl({s("list"), s("--json")}).json().toArray();
    QCOMPARE(open.size(), 2);
}

void TestTidemarkctl::searchFindsWithHighlights()
{
    ctl({s("add"), s("note"), s("Harbour"), s("--body"), s("The tide turns at noon near the lighthouse.")});
    ctl({s("add"), s("note"), s("Shopping"), s("--body"), s("Eggs and flour.")});
    const Result hits = ctl({s("search"), s("lighthouse"), s("--json")});
    QCOMPARE(hits.code, 0);
    const QJsonArray array = hits.json().toArray();
    QCOMPARE(array.size(), 1);
    const QJsonObject hit = array.first().toObject();
    QCOMPARE(hit.value(s("title")).toString(), s("Harbour"));
    const QJsonArray range = hit.value(s("highlights")).toArray().first().toArray();
    QCOMPARE(hit.value(s("snippet")).toString().mid(range.at(0).toInt(), range.at(1).toInt()), s("lighthouse"));
    QVERIFY(ctl({s("search"), s("lighthouse")}).out.contains(s("[lighthouse]")));
    QCOMPARE(ctl({s("search"), s("light"), s("--json")}).json().toArray().size(), 0); // whole words
    QCOMPARE(ctl({s("search"), s("light*"), s("--json")}).json().toArray().size(), 1); // unless asked
}

void TestTidemarkctl::historyRestoresAVersion()
{
    const QString id = ctl({s("add"), s("note"), s("One")}).out.trimmed();
    ctl({s("edit"), id, s("--title"), s("Two")});
    ctl({s("edit"), id, s("--title"), s("Three")});
    QCOMPARE(ctl({s("history"), id, s("--json")}).json().toArray().size(), 3);
    const Result restored = ctl({s("history"), id, s("--restore"), s("1"), s("--json")});
    QCOMPARE(restored.code, 0);
    const QJsonArray versions = restored.json().toArray();
    QCOMPARE(versions.size(), 4);
    QCOMPARE(versions.last().toObject().value(s("origin")).toString(), s("restore"));
    QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("title")).toString(),
             s("One"));
}

void TestTidemarkctl::badInputFailsAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString ghost = s("01900000-0000-7000-8000-000000000000");
    QTest::newRow("unknown command") << QStringList{s("frob")} << 2 << s("unknown command");
    QTest::newRow("unknown option") << QStringList{s("list"), s("--frob")} << 2 << s("Unknown option");
    QTest::newRow("option of another command") << QStringList{s("list"), s("--due"), s("today")} << 2 << s("does not apply");
    QTest::newRow("bad kind") << QStringList{s("add"), s("memo")} << 2 << s("not note, task or collection");
    QTest::newRow("bad date") << QStringList{s("add"), s("task"), s("x"), s("--due"), s("31/12/2026")} << 1 << s("due must be");
    QTest::newRow("bad priority") << QStringList{s("add"), s("task"), s("x"), s("--priority"), s("9")} << 1 << s("priority");
    QTest::newRow("priority word") << QStringList{s("add"), s("task"), s("x"), s("--priority"), s("high")} << 1 << s("priority");
    QTest::newRow("bad rule") << QStringList{s("add"), s("task"), s("x"), s("--recurrence"), s("FREQ=SECONDLY")} << 1 << s("recurrence");
    QTest::newRow("note has no due") << QStringList{s("add"), s("note"), s("x"), s("--due"), s("today")} << 1 << s("does not apply to a note");
    QTest::newRow("missing collection") << QStringList{s("add"), s("note"), s("x"), s("--collection"), s("Nowhere")} << 1 << s("no collection");
    QTest::newRow("bad id") << QStringList{s("rm"), s("zzz")} << 1 << s("not an id");
    QTest::newRow("unknown id") << QStringList{s("edit"), ghost, s("--title"), s("x")} << 1 << s("no note, task or collection");
    QTest::newRow("done a note") << QStringList{s("done"), s("NOTE")} << 1 << s("no task");
    QTest::newRow("edit nothing") << QStringList{s("edit"), s("NOTE")} << 2 << s("nothing to change");
    QTest::newRow("bad view") << QStringList{s("list"), s("--view"), s("someday")} << 2 << s("unknown view");
    QTest::newRow("export format") << QStringList{s("export"), s("--format"), s("pdf"), s("out")} << 2 << s("--format");
    QTest::newRow("pinned maybe") << QStringList{s("edit"), s("NOTE"), s("--pinned"), s("maybe")} << 1 << s("yes or no");
}

void TestTidemarkctl::badInputFailsAndWritesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString note = ctl({s("add"), s("note"), s("Existing")}).out.trimmed();
    args.replaceInStrings(s("NOTE"), note);
    const int before = outboxSize();
    const QString listBefore = ctl({s("list"), s("--json")}).out;

    const Result result = ctl(args);
    QCOMPARE(result.code, code);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')) <= 1 || code == 2, true);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(outboxSize(), before);
    QCOMPARE(ctl({s("list"), s("--json")}).out, listBefore);
}

void TestTidemarkctl::exportAndImportMarkdownRoundTrip()
{
    ctl({s("add"), s("collection"), s("Journal")});
    const QString note = ctl({s("add"), s("note"), s("Day one: \"sun\""), s("--collection"), s("Journal"), s("--tags"),
                              s("life"), s("--pinned"), s("yes"), s("--body"), s("Walked by the sea.\n\n- gulls\n")}).out.trimmed();
    const QString task = ctl({s("add"), s("task"), s("Call #mum"), s("--due"), s("2026-12-24T18:00[Europe/London]"),
                              s("--priority"), s("3"), s("--recurrence"), s("FREQ=YEARLY")}).out.trimmed();
    const QString folder = m_dir->filePath(s("md"));
    const Result exported = ctl({s("export"), s("--format"), s("markdown"), folder});
    QCOMPARE(exported.code, 0);
    QCOMPARE(QDir(folder).entryList({s("*.md")}).size(), 2);

    // Into a new store: same ids, same fields.
    const QString original = m_db;
    m_db = m_dir->filePath(s("other.db"));
    const Result imported = ctl({s("import"), s("markdown"), folder});
    QCOMPARE(imported.code, 0);
    QVERIFY(imported.out.contains(s("1 notes and 1 tasks")));
    const QJsonObject noteFields = ctl({s("show"), note, s("--json")}).json().toObject().value(s("fields")).toObject();
    QCOMPARE(noteFields.value(s("title")).toString(), s("Day one: \"sun\""));
    QCOMPARE(noteFields.value(s("body")).toString(), s("Walked by the sea.\n\n- gulls\n"));
    QCOMPARE(noteFields.value(s("tags")).toArray(), QJsonArray{s("life")});
    QCOMPARE(noteFields.value(s("pinned")).toBool(), true);
    const QJsonObject taskFields = ctl({s("show"), task, s("--json")}).json().toObject().value(s("fields")).toObject();
    QCOMPARE(taskFields.value(s("title")).toString(), s("Call #mum"));
    QCOMPARE(taskFields.value(s("due")).toString(), s("2026-12-24T18:00[Europe/London]"));
    QCOMPARE(taskFields.value(s("priority")).toInt(), 3);
    QCOMPARE(taskFields.value(s("recurrence")).toString(), s("FREQ=YEARLY"));
    QCOMPARE(ctl({s("collections"), s("--json")}).json().toArray().first().toObject().value(s("name")).toString(), s("Journal"));

    // A second import updates instead of duplicating.
    QCOMPARE(ctl({s("import"), s("markdown"), folder}).code, 0);
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 2);
    m_db = original;
}

void TestTidemarkctl::brokenImportWritesNothing()
{
    const QString folder = m_dir->filePath(s("in"));
    QDir().mkpath(folder);
    const auto write = [&folder](const char *name, const QByteArray &data) {
        QFile file(QDir(folder).filePath(s(name)));
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
    const Result result = ctl({s("import"), s("markdown"), folder});
    QCOMPARE(result.code, 1);
    QVERIFY(result.err.contains(s("bad-date.md")));
    QVERIFY(result.err.contains(s("unclosed.md")));
    QVERIFY(result.err.contains(s("binary.md")));
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(outboxSize(), 0);

    QFile::remove(QDir(folder).filePath(s("bad-date.md")));
    QFile::remove(QDir(folder).filePath(s("unclosed.md")));
    QFile::remove(QDir(folder).filePath(s("binary.md")));
    QCOMPARE(ctl({s("import"), s("markdown"), folder}).code, 0);
    const QJsonArray rows = ctl({s("list"), s("--json")}).json().toArray();
    QCOMPARE(rows.size(), 4);
    QStringList titles;
    for (const QJsonValue &row : rows)
        titles << row.toObject().value(s("title")).toString();
    titles.sort();
    QCOMPARE(titles, (QStringList{s("2024"), s("Fine"), s("Heading becomes the title"), s("empty-front-matter")}));
    QCOMPARE(ctl({s("tags"), s("--json")}).json().toArray().size(), 2);
}

void TestTidemarkctl::exportJsonHasEverything()
{
    ctl({s("add"), s("collection"), s("Box")});
    ctl({s("add"), s("note"), s("N"), s("--collection"), s("Box")});
    ctl({s("add"), s("task"), s("T"), s("--due"), s("2026-12-01")});
    const QString folder = m_dir->filePath(s("json"));
    QCOMPARE(ctl({s("export"), s("--format"), s("json"), folder}).code, 0);
    QFile file(QDir(folder).filePath(s("tidemark.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(s("collections")).toArray().size(), 1);
    QCOMPARE(root.value(s("notes")).toArray().size(), 1);
    QCOMPARE(root.value(s("tasks")).toArray().first().toObject().value(s("due")).toString(), s("2026-12-01"));
}

void TestTidemarkctl::shortIdsResolve()
{
    const QString id = ctl({s("add"), s("note"), s("Short")}).out.trimmed();
    QCOMPARE(ctl({s("edit"), id.right(8), s("--title"), s("By its end")}).code, 0);
    QCOMPARE(ctl({s("show"), id.left(23), s("--json")}).json().toObject().value(s("fields")).toObject().value(s("title")).toString(),
             s("By its end"));
}

void TestTidemarkctl::twoStoresSyncThroughAServer()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Not signed in: sync says so and fails; status says so.
    const Result lonely = ctl({s("sync")});
    QCOMPARE(lonely.code, 1);
    QVERIFY(lonely.err.contains(s("not signed in")));
    QCOMPARE(ctl({s("status"), s("--json")}).json().toObject().value(s("state")).toString(), s("signed-out"));
    QCOMPARE(ctl({s("account"), s("register"), s("--user"), s("anna")}, "correct horse\n").code, 2); // no --server

    const Result registered = ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("anna"), s("--password-stdin")},
                                  "correct horse\n");
    QCOMPARE(registered.code, 0);
    // The token is in the system keychain, or (with none, as on a build machine) in the account
    // file, and the person is told so.
    QFile accountFile(m_db + s(".account"));
    QVERIFY(accountFile.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(accountFile.readAll()).object();
    QVERIFY(saved.value(s("token_in_keychain")).toBool()
            || (saved.value(s("token")).isString() && registered.err.contains(s("no system keychain"))));
    QVERIFY(!(QFile::permissions(m_db + s(".account")) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    QCOMPARE(ctl({s("device-name"), s("Laptop")}).code, 0);
    const QString id = ctl({s("add"), s("note"), s("Groceries"), s("--body"), s("milk\n")}).out.trimmed();
    const Result synced = ctl({s("sync")});
    QCOMPARE(synced.code, 0);
    const QDateTime pushed = QDateTime::currentDateTimeUtc();
    QVERIFY(synced.out.contains(s("pushed 1")));
    QJsonObject status = ctl({s("status"), s("--json")}).json().toObject();
    QCOMPARE(status.value(s("state")).toString(), s("idle"));
    QCOMPARE(status.value(s("pending")).toInt(), 0);
    QCOMPARE(status.value(s("cursor")).toInt(), 1);
    QVERIFY(status.value(s("last_sync")).isString());
    // How the sync went: its duration, and the conflicts by rule (none yet).
    const QJsonObject metrics = status.value(s("metrics")).toObject();
    QVERIFY(metrics.value(s("last_sync_ms")).toDouble() >= 0);
    QVERIFY(metrics.value(s("last_sync_ms")).isDouble());
    QVERIFY(metrics.value(s("conflicts_by_rule")).toObject().isEmpty());

    // A second store signs in with a wrong password (refused), then the right one, and pulls.
    const QString first = m_db;
    m_db = m_dir->filePath(s("other.db"));
    const Result wrong = ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "wrong horse\n");
    QCOMPARE(wrong.code, 1);
    QVERIFY(wrong.err.contains(s("wrong user name or password")));
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    QTest::qWait(1100); // the pull comes a second later than the push
    QCOMPARE(ctl({s("sync")}).code, 0);
    QVERIFY(ctl({s("show"), id}).out.contains(s("milk")));
    // Its history names the device that wrote it and dates it by the server, not by its arrival.
    const Result history = ctl({s("history"), id});
    QVERIFY2(history.out.contains(s("remote on Laptop")), qPrintable(history.out));
    const QJsonObject pulled = ctl({s("history"), id, s("--json")}).json().toArray().last().toObject();
    QCOMPARE(pulled.value(s("device_name")).toString(), s("Laptop"));
    const QDateTime madeAt = QDateTime::fromString(pulled.value(s("at")).toString(), Qt::ISODateWithMs);
    QVERIFY2(madeAt.isValid() && madeAt <= pushed, qPrintable(pulled.value(s("at")).toString()));
    QCOMPARE(ctl({s("account"), s("logout")}).code, 0);
    QCOMPARE(ctl({s("status"), s("--json")}).json().toObject().value(s("state")).toString(), s("signed-out"));

    // The server goes away: sync fails with the reason, and the edit waits in the outbox.
    m_db = first;
    QVERIFY(ctl({s("edit"), id, s("--title"), s("Shopping")}).code == 0);
    server.kill();
    server.waitForFinished();
    const Result offline = ctl({s("sync")});
    QCOMPARE(offline.code, 1);
    QVERIFY(offline.err.contains(s("offline")));
    status = ctl({s("status"), s("--json")}).json().toObject();
    QCOMPARE(status.value(s("state")).toString(), s("error"));
    QCOMPARE(status.value(s("pending")).toInt(), 1);
    QVERIFY(!status.value(s("last_error")).toString().isEmpty());
    QVERIFY(status.value(s("last_sync")).isString()); // the last one that went through is still known
}

void TestTidemarkctl::accountDevicesCanBeListedSignedOutAndThePasswordChanged()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(s("phone.db"));
    QCOMPARE(ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);

    // The laptop sees both devices, itself marked.
    m_db = laptop;
    const QJsonArray devices = ctl({s("account"), s("devices"), s("--json")}).json().toArray();
    QCOMPARE(devices.size(), 2);
    QString phoneSession;
    int current = 0;
    for (const QJsonValue &d : devices) {
        current += d.toObject().value(s("current")).toBool() ? 1 : 0;
        if (!d.toObject().value(s("current")).toBool())
            phoneSession = d.toObject().value(s("id")).toString();
    }
    QCOMPARE(current, 1);
    QVERIFY(ctl({s("account"), s("devices")}).out.contains(s("(this device)")));
    // Not itself, not an unknown id.
    QCOMPARE(ctl({s("account"), s("signout"), s("zzzzzzzz")}).code, 1);

    // The phone is lost: signed out from the laptop, it can no longer sync.
    const Result out = ctl({s("account"), s("signout"), phoneSession.left(12)});
    QVERIFY2(out.code == 0, qPrintable(out.err));
    QCOMPARE(ctl({s("account"), s("devices"), s("--json")}).json().toArray().size(), 1);
    m_db = phone;
    const Result refused = ctl({s("sync")});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(s("sign in"), Qt::CaseInsensitive), qPrintable(refused.err));

    // A new password: a wrong current one is refused; the right one keeps the laptop signed in.
    m_db = laptop;
    QCOMPARE(ctl({s("account"), s("password")}, "wrong horse\nbattery staple\n").code, 1);
    const Result changed = ctl({s("account"), s("password")}, "correct horse\nbattery staple\n");
    QVERIFY2(changed.code == 0, qPrintable(changed.err));
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 1);
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "battery staple\n").code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = laptop;
}

void TestTidemarkctl::aTextConflictIsKeptWholeWithTakeBoth()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Two stores of one account edit the same line of a note at once.
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(s("phone.db"));
    QCOMPARE(ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    const QString id = ctl({s("add"), s("note"), s("Plans"), s("--body"), s("Plans\nmeet at 10\nbring cake\n")}).out.trimmed();
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    QCOMPARE(ctl({s("edit"), id, s("--body"), s("Plans\nmeet at 9\nbring cake\n")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("edit"), id, s("--body"), s("Plans\nmeet at 11\nbring cake and tea\n")}).code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("sync")}).code, 0);

    // The phone's record has both sides and the text they both changed from.
    const QJsonArray open = ctl({s("conflicts"), s("--json")}).json().toArray();
    QCOMPARE(open.size(), 1);
    const QJsonObject record = open.first().toObject();
    QCOMPARE(record.value(s("base")).toString(), s("Plans\nmeet at 10\nbring cake\n"));
    QCOMPARE(record.value(s("mine")).toString(), s("Plans\nmeet at 9\nbring cake\n"));
    QVERIFY(record.value(s("at")).toString().endsWith(QLatin1Char('Z')));

    // "--take both" keeps every line of both where they collide, mine first.
    QCOMPARE(ctl({s("resolve"), record.value(s("id")).toString(), s("--take"), s("sideways")}).code, 2);
    const Result tookBoth = ctl({s("resolve"), record.value(s("id")).toString(), s("--take"), s("both"), s("--json")});
    QCOMPARE(tookBoth.code, 0);
    QCOMPARE(tookBoth.json().toObject().value(s("field")).toString(), s("body"));
    const QString both = s("Plans\nmeet at 9\nbring cake\nmeet at 11\nbring cake and tea\n");
    QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("body")).toString(), both);
    QVERIFY(ctl({s("conflicts"), s("--json")}).json().toArray().isEmpty());
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("sync")}).code, 0);
    QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("body")).toString(), both);
}

void TestTidemarkctl::theAuditTrailListsEventsAndAnUndoReachesTheOtherDevice()
{
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    // Two stores rename one task while apart; the phone's rename is the later one and wins.
    const QString laptop = m_db;
    const QString phone = m_dir->filePath(s("phone.db"));
    QCOMPARE(ctl({s("device-name"), s("   ")}).code, 2);
    QCOMPARE(ctl({s("device-name"), s("Laptop")}).out, s("Laptop\n"));
    QCOMPARE(ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    const QString id = ctl({s("add"), s("task"), s("Groceries")}).out.trimmed();
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    QCOMPARE(ctl({s("device-name"), s("Phone")}).code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("edit"), id, s("--title"), s("Groceries for Saturday")}).code, 0);
    QTest::qWait(5);
    m_db = phone;
    QCOMPARE(ctl({s("edit"), id, s("--title"), s("Shopping")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("sync")}).code, 0);

    // The laptop's audit trail has the decision, with both titles, the rule and the way back.
    const QJsonArray events = ctl({s("audit"), s("--item"), id.left(8), s("--json")}).json().toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(event.value(s("rule")).toString(), s("scalar-later-wins"));
    QCOMPARE(event.value(s("field")).toString(), s("title"));
    QCOMPARE(event.value(s("mine")).toString(), s("Groceries for Saturday"));
    QCOMPARE(event.value(s("theirs")).toString(), s("Shopping"));
    QCOMPARE(event.value(s("base")).toString(), s("Groceries"));
    QCOMPARE(event.value(s("undo_value")).toString(), s("Groceries for Saturday"));
    QCOMPARE(event.value(s("device_name")).toString(), s("Phone"));
    QCOMPARE(event.value(s("theirs_device_name")).toString(), s("Phone"));
    QCOMPARE(event.value(s("mine_device_name")).toString(), s("Laptop"));
    QVERIFY(event.value(s("mine_at")).toString() < event.value(s("theirs_at")).toString());
    const Result text = ctl({s("audit")});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(s("scalar-later-wins")) && text.out.contains(s("undo-resolution")), qPrintable(text.out));
    QCOMPARE(ctl({s("audit"), s("--item"), s("nothing-like-this")}).code, 1);

    // Undone on the laptop: the other title is back there, and on the phone after syncing, whose
    // trail then shows the undo too.
    QCOMPARE(ctl({s("undo-resolution"), s("no-such-event")}).code, 1);
    const Result undo = ctl({s("undo-resolution"), event.value(s("id")).toString().left(8), s("--json")});
    QVERIFY2(undo.code == 0, qPrintable(undo.err));
    QCOMPARE(undo.json().toObject().value(s("value")).toString(), s("Groceries for Saturday"));
    QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("title")).toString(),
             s("Groceries for Saturday"));
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = phone;
    QCOMPARE(ctl({s("sync")}).code, 0);
    QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("title")).toString(),
             s("Groceries for Saturday"));
    const QJsonArray onPhone = ctl({s("audit"), s("--json")}).json().toArray();
    // The phone's own rename arrived second: its side is "mine", the laptop's "theirs".
    const auto decided = std::ranges::find_if(onPhone, [](const QJsonValue &v) {
        return v.toObject().value(s("rule")).toString() == s("scalar-later-wins");
    });
    QVERIFY(decided != onPhone.end());
    QCOMPARE((*decided).toObject().value(s("mine")).toString(), s("Shopping"));
    QCOMPARE((*decided).toObject().value(s("mine_device_name")).toString(), s("Phone"));
    QCOMPARE((*decided).toObject().value(s("theirs_device_name")).toString(), s("Laptop"));
    const Result phoneText = ctl({s("audit")});
    QVERIFY2(phoneText.out.contains(s("theirs: Groceries for Saturday (Laptop)")), qPrintable(phoneText.out));
    const auto choice = std::ranges::find_if(onPhone, [&](const QJsonValue &v) {
        return v.toObject().value(s("rule")).toString() == s("resolution")
            && v.toObject().value(s("settles")).toString() == event.value(s("id")).toString();
    });
    QVERIFY(choice != onPhone.end());

    // The phone undoes the laptop's choice, as the window's audit trail does: "Shopping" is back,
    // the rule's decision stands again on both devices, the choice says undone, and there is no
    // second undo of it.
    const QString choiceId = (*choice).toObject().value(s("id")).toString();
    QCOMPARE((*choice).toObject().value(s("undo_value")).toString(), s("Shopping"));
    const Result back = ctl({s("undo-resolution"), choiceId});
    QVERIFY2(back.code == 0 && back.out.contains(s("the conflict it settled is back")), qPrintable(back.out + back.err));
    QCOMPARE(ctl({s("sync")}).code, 0);
    m_db = laptop;
    QCOMPARE(ctl({s("sync")}).code, 0);
    for (const QString &store : {laptop, phone}) {
        m_db = store;
        QCOMPARE(ctl({s("show"), id, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("title")).toString(),
                 s("Shopping"));
        const QJsonArray trail = ctl({s("audit"), s("--json")}).json().toArray();
        for (const QJsonValue &v : trail) {
            const QJsonObject r = v.toObject();
            if (r.value(s("id")).toString() == choiceId) {
                QCOMPARE(r.value(s("status")).toString(), s("undone"));
                QVERIFY(!r.contains(s("undo_value")));
            }
            if (r.value(s("id")).toString() == event.value(s("id")).toString())
                QCOMPARE(r.value(s("status")).toString(), s("settled"));
        }
        QVERIFY(std::ranges::any_of(trail, [&](const QJsonValue &v) {
            return v.toObject().value(s("rule")).toString() == s("undo") && v.toObject().value(s("settles")).toString() == choiceId;
        }));
        QCOMPARE(ctl({s("undo-resolution"), choiceId}).code, 1);
    }
}


void TestTidemarkctl::aDeviceNeverConflictsWithItselfAcrossFailedSyncs()
{
    // What a person does on a train: signed in, offline, several things done to the same items
    // between syncs that fail, then the network comes back (docs/conflicts.md, own-edits-in-order).
    QProcess server;
    const QString database = m_dir->filePath(s("server.db"));
    const int port = tidemark::test::startServer(server, database);
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QCOMPARE(ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    const auto offline = [&] {
        const Result failed = ctl({s("sync")});
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(s("offline")), qPrintable(failed.err));
    };

    // The reproduction: stop the server, add a task, sync (fails), done, start, sync.
    server.kill();
    server.waitForFinished();
    const QString task = ctl({s("add"), s("task"), s("Pack")}).out.trimmed();
    offline();
    QCOMPARE(ctl({s("done"), task}).code, 0);
    QCOMPARE(tidemark::test::startServer(server, database, port), port);
    QCOMPARE(ctl({s("sync")}).code, 0);
    QCOMPARE(ctl({s("conflicts"), s("--all"), s("--json")}).json().toArray().size(), 0);
    QVERIFY(!ctl({s("show"), task, s("--json")}).json().toObject().value(s("fields")).toObject().value(s("done_at")).isNull());

    // And a longer day: each action on the same items, with failed syncs between them.
    server.kill();
    server.waitForFinished();
    const QString home = ctl({s("add"), s("collection"), s("Home")}).out.trimmed();
    const QString note = ctl({s("add"), s("note"), s("Trip"), s("--body"), s("day one\nday two\n")}).out.trimmed();
    const QString sub = ctl({s("add"), s("task"), s("Passport"), s("--parent"), task}).out.trimmed();
    offline();
    QCOMPARE(ctl({s("done"), sub}).code, 0);
    QCOMPARE(ctl({s("edit"), task, s("--title"), s("Pack bags"), s("--tags"), s("travel")}).code, 0);
    offline();
    QCOMPARE(ctl({s("edit"), note, s("--body"), s("day one: Rome\nday two\n")}).code, 0);
    QCOMPARE(ctl({s("rm"), note}).code, 0);
    offline();
    QCOMPARE(ctl({s("restore"), note}).code, 0);
    QCOMPARE(ctl({s("mv"), note, home}).code, 0);
    QCOMPARE(ctl({s("edit"), note, s("--body"), s("day one: Rome\nday two: Florence\n")}).code, 0);
    offline();
    QCOMPARE(ctl({s("edit"), note, s("--body"), s("day one: Rome, the Forum\nday two: Florence\n"), s("--tags"), s("travel,italy")}).code, 0);
    QCOMPARE(ctl({s("rm"), sub}).code, 0);
    QCOMPARE(ctl({s("restore"), sub}).code, 0);
    QCOMPARE(tidemark::test::startServer(server, database, port), port);
    const Result synced = ctl({s("sync")});
    QCOMPARE(synced.code, 0);
    QCOMPARE(ctl({s("conflicts"), s("--all"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(ctl({s("audit"), s("--json")}).json().toArray().size(), 0);
    QCOMPARE(ctl({s("status"), s("--json")}).json().toObject().value(s("pending")).toInt(), 0);

    // Everything as the person left it, here and on a second device.
    const auto check = [&] {
        const QJsonObject t = ctl({s("show"), task, s("--json")}).json().toObject().value(s("fields")).toObject();
        QCOMPARE(t.value(s("title")).toString(), s("Pack bags"));
        QVERIFY(!t.value(s("done_at")).isNull());
        QCOMPARE(t.value(s("tags")).toArray(), QJsonArray{s("travel")});
        const QJsonObject st = ctl({s("show"), sub, s("--json")}).json().toObject().value(s("fields")).toObject();
        QVERIFY(!st.value(s("done_at")).isNull());
        QCOMPARE(st.value(s("deleted")).toBool(), false);
        QCOMPARE(st.value(s("parent")).toString(), task);
        const QJsonObject n = ctl({s("show"), note, s("--json")}).json().toObject().value(s("fields")).toObject();
        QCOMPARE(n.value(s("body")).toString(), s("day one: Rome, the Forum\nday two: Florence\n"));
        QCOMPARE(n.value(s("deleted")).toBool(), false);
        QCOMPARE(n.value(s("collection")).toString(), home);
        QCOMPARE(n.value(s("tags")).toArray(), (QJsonArray{s("italy"), s("travel")}));
    };
    check();
    m_db = m_dir->filePath(s("phone.db"));
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("anna")}, "correct horse\n").code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    check();
    QCOMPARE(ctl({s("conflicts"), s("--all"), s("--json")}).json().toArray().size(), 0);
}


void TestTidemarkctl::theSizeLimitIsTheSameOnTheDeviceAndTheServer()
{
    // 4 MB of UTF-8 is the limit of a note's text, on the device and on the server: just under it
    // (ASCII, and Japanese at three bytes a character) saves and syncs whole to another device;
    // just over it is refused by tidemarkctl with one line, and nothing is written.
    QProcess server;
    const int port = tidemark::test::startServer(server, m_dir->filePath(s("server.db")));
    QVERIFY(port > 0);
    const QString url = s("http://127.0.0.1:%1").arg(port);
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QCOMPARE(ctl({s("account"), s("register"), s("--server"), url, s("--user"), s("kai"), s("--password-stdin")},
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
    const QString asciiAt = file(s("ascii-at.txt"), ascii);
    const QString asciiOver = file(s("ascii-over.txt"), ascii + QLatin1Char('y'));
    const QString japaneseAt = file(s("japanese-at.txt"), japanese);
    const QString japaneseOver = file(s("japanese-over.txt"), japanese + QChar(0x65E5)); // 4,194,306 bytes

    const Result at = ctl({s("add"), s("note"), s("--title"), s("At the limit"), s("--body-file"), asciiAt});
    QCOMPARE(at.code, 0);
    const Result atJapanese = ctl({s("add"), s("note"), s("--title"), s("日本語"), s("--body-file"), japaneseAt});
    QCOMPARE(atJapanese.code, 0);
    for (const QString &over : {asciiOver, japaneseOver}) {
        const Result refused = ctl({s("add"), s("note"), s("--title"), s("Over"), s("--body-file"), over});
        QVERIFY(refused.code != 0);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY2(refused.err.contains(s("4 MB")) && refused.err.contains(s("note's text")), qPrintable(refused.err));
        const Result edited = ctl({s("edit"), at.out.trimmed(), s("--body-file"), over});
        QVERIFY(edited.code != 0);
        QVERIFY2(edited.err.contains(s("4 MB")), qPrintable(edited.err));
    }
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 2);
    QCOMPARE(outboxSize(), 2);

    // An import with a file over the limit names it and imports nothing.
    const QString folder = m_dir->filePath(s("in"));
    QDir().mkpath(folder);
    QVERIFY(QFile::copy(asciiOver, QDir(folder).filePath(s("pasted-log.md"))));
    QFile fine(QDir(folder).filePath(s("fine.md")));
    QVERIFY(fine.open(QIODevice::WriteOnly));
    fine.write("# Fine\n");
    fine.close();
    const Result imported = ctl({s("import"), s("markdown"), folder});
    QCOMPARE(imported.code, 1);
    QVERIFY2(imported.err.contains(s("pasted-log.md")) && imported.err.contains(s("4 MB")), qPrintable(imported.err.left(400)));
    QCOMPARE(ctl({s("list"), s("--json")}).json().toArray().size(), 2);

    // Both at the limit reach the server, and another device, whole.
    const Result synced = ctl({s("sync")});
    QVERIFY2(synced.code == 0 && synced.out.contains(s("pushed 2")), qPrintable(synced.out + synced.err));
    QCOMPARE(outboxSize(), 0);
    const QString first = m_db;
    m_db = m_dir->filePath(s("other.db"));
    QCOMPARE(ctl({s("account"), s("login"), s("--server"), url, s("--user"), s("kai")}, "correct horse\n").code, 0);
    QCOMPARE(ctl({s("sync")}).code, 0);
    const QJsonObject pulledAscii = ctl({s("show"), at.out.trimmed(), s("--json")}).json().toObject().value(s("fields")).toObject();
    QCOMPARE(pulledAscii.value(s("body")).toString().toUtf8().size(), kLimit);
    const QJsonObject pulledJapanese =
        ctl({s("show"), atJapanese.out.trimmed(), s("--json")}).json().toObject().value(s("fields")).toObject();
    QCOMPARE(pulledJapanese.value(s("body")).toString(), japanese);
    m_db = first;
}

QTEST_GUILESS_MAIN(TestTidemarkctl)
#include "tst_tidemarkctl.moc"
