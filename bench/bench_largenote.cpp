// bench_largenote: a note of a few megabytes (a pasted log) through everything a person does with
// it: saving it, opening it in the editor, typing in it, saving while typing, searching it, a
// three-way merge of two edits in different places, opening the merge dialog on it, and what its
// history keeps. Each figure stands next to a reference measured in the same run: plain SQLite
// writing and searching the same row with the same FTS5 settings, a bare QPlainTextEdit typing
// into the same text, and one frame (16.7 ms) for a keystroke.
//
//   bench_largenote [--mb 3] [--keys 200] [--saves 20]
//
// Runs offscreen. One JSON object on stdout.
#include "stats.h"

#include "model/store.h"
#include "sync/protocol.h"
#include "sync/textmerge.h"
#include "ui/markdownedit.h"
#include "ui/mergedialog.h"
#include "ui/noteeditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextStream>

using namespace tidemark;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_largenote: " << message << '\n';
    std::exit(1);
}

double round3(double value) { return std::round(value * 1000) / 1000; }
double msSince(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// A pasted server log: numbered lines of ~64 bytes, with a few words that occur once.
QString logText(qsizetype bytes)
{
    QString text;
    text.reserve(bytes + 128);
    static const char *levels[] = {"INFO", "DEBUG", "WARN", "INFO", "INFO"};
    for (int line = 0; text.size() < bytes; ++line) {
        text += s("2026-11-30 08:%1:%2.%3 %4 worker-%5 request %6 served in %7 ms\n")
                    .arg(line / 60 % 60, 2, 10, QLatin1Char('0'))
                    .arg(line % 60, 2, 10, QLatin1Char('0'))
                    .arg(line % 1000, 3, 10, QLatin1Char('0'))
                    .arg(QLatin1StringView(levels[line % 5]))
                    .arg(line % 7)
                    .arg(line * 7919 % 100000)
                    .arg(line % 250);
        if (line == 25000)
            text += s("2026-11-30 08:41:40.000 ERROR worker-3 quasarflux timeout in the middle of the log\n");
    }
    return text;
}

// Types `keys` characters into `edit` in the middle of its text, one at a time, each until the
// event loop is idle and the viewport repainted: the milliseconds of each.
std::vector<double> typeInto(QPlainTextEdit *edit, int keys)
{
    QTextCursor cursor(edit->document()->findBlockByNumber(edit->document()->blockCount() / 2));
    edit->setTextCursor(cursor);
    edit->ensureCursorVisible();
    QCoreApplication::processEvents();
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < keys; ++i) {
        timer.start();
        QTest::keyClick(edit, char('a' + i % 26));
        QCoreApplication::processEvents();
        edit->viewport()->repaint();
        ms.push_back(msSince(timer));
    }
    return ms;
}

QJsonObject distribution(const std::vector<double> &ms)
{
    return {{s("median_ms"), round3(bench::percentile(ms, 50))},
            {s("p95_ms"), round3(bench::percentile(ms, 95))},
            {s("max_ms"), round3(bench::percentile(ms, 100))}};
}

// Plain SQLite, the same row and the same FTS5 settings as the store: insert, update, search.
QJsonObject plainSqlite(const QString &path, const QString &body, const QString &edited)
{
    QJsonObject out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(s("QSQLITE"), s("plain"));
        db.setDatabaseName(path);
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        for (const char *sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                "CREATE TABLE notes (id TEXT PRIMARY KEY, title TEXT, body TEXT)",
                                "CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', "
                                "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"}) {
            if (!q.exec(s(sql)))
                die(q.lastError().text());
        }
        QElapsedTimer timer;
        timer.start();
        q.exec(s("BEGIN"));
        q.prepare(s("INSERT INTO notes (id, title, body) VALUES ('n', 'Server log', ?)"));
        q.addBindValue(body);
        q.exec();
        q.exec(s("INSERT INTO notes_fts (rowid, title, body) SELECT rowid, title, body FROM notes"));
        q.exec(s("COMMIT"));
        out.insert(s("insert_ms"), round3(msSince(timer)));
        timer.start();
        q.exec(s("BEGIN"));
        q.exec(s("INSERT INTO notes_fts (notes_fts, rowid, title, body) SELECT 'delete', rowid, title, body FROM notes"));
        q.prepare(s("UPDATE notes SET body = ? WHERE id = 'n'"));
        q.addBindValue(edited);
        q.exec();
        q.exec(s("INSERT INTO notes_fts (rowid, title, body) SELECT rowid, title, body FROM notes"));
        q.exec(s("COMMIT"));
        out.insert(s("update_ms"), round3(msSince(timer)));
        timer.start();
        q.exec(s("SELECT rowid FROM notes_fts WHERE notes_fts MATCH '\"quasarflux\"'"));
        const bool found = q.next();
        out.insert(s("search_ms"), round3(msSince(timer)));
        out.insert(s("search_found"), found);
        q.finish();
    }
    QSqlDatabase::removeDatabase(s("plain"));
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption mbOption(s("mb"), s("The note's size in MB."), s("N"), s("3"));
    const QCommandLineOption keysOption(s("keys"), s("Keystrokes typed into it."), s("N"), s("200"));
    const QCommandLineOption savesOption(s("saves"), s("Saves while typing, for the history."), s("N"), s("20"));
    parser.addOptions({mbOption, keysOption, savesOption});
    parser.process(app);
    const double mb = parser.value(mbOption).toDouble();
    const int keys = parser.value(keysOption).toInt();
    const int saves = parser.value(savesOption).toInt();

    QTemporaryDir dir;
    if (!dir.isValid())
        die(s("no temporary folder"));
    const QString body = logText(qsizetype(mb * 1024 * 1024));
    QJsonObject result{{s("bytes"), double(sync::utf8Length(body))},
                       {s("lines"), double(body.count(QLatin1Char('\n')))}};

    // --- Plain SQLite: the reference for saving and searching ---------------------------------
    QString edited = body;
    edited.insert(body.size() / 2, s("a few words typed in the middle "));
    const QJsonObject plain = plainSqlite(dir.filePath(s("plain.db")), body, edited);
    result.insert(s("plain_sqlite"), plain);

    // --- The store ------------------------------------------------------------------------------
    auto opened = model::Store::open(dir.filePath(s("store.db")));
    if (!opened)
        die(opened.error().message);
    model::Store &store = **opened;
    QElapsedTimer timer;
    timer.start();
    auto note = store.create(model::Kind::Note, {{s("title"), s("Server log")}, {s("body"), body}});
    if (!note)
        die(note.error().message);
    const double createMs = msSince(timer);
    timer.start();
    if (auto updated = store.update(note->id, {{s("body"), edited}}); !updated)
        die(updated.error().message);
    const double updateMs = msSince(timer);
    timer.start();
    const auto hits = store.search(s("quasarflux"));
    const double searchMs = msSince(timer);
    result.insert(s("store"), QJsonObject{{s("create_ms"), round3(createMs)},
                                          {s("create_over_plain"), round3(createMs / plain[s("insert_ms")].toDouble())},
                                          {s("update_ms"), round3(updateMs)},
                                          {s("update_over_plain"), round3(updateMs / plain[s("update_ms")].toDouble())},
                                          {s("search_ms"), round3(searchMs)},
                                          {s("search_over_plain"), round3(searchMs / plain[s("search_ms")].toDouble())},
                                          {s("search_found"), hits && !hits->isEmpty()}});

    // --- The editor: open, type, save -----------------------------------------------------------
    ui::NoteEditor editor(&store);
    editor.resize(900, 700);
    editor.show();
    QCoreApplication::processEvents();
    timer.start();
    editor.setNote(note->id);
    QCoreApplication::processEvents();
    editor.bodyEditor()->viewport()->repaint();
    const double openMs = msSince(timer);
    editor.focusBody();
    const std::vector<double> typed = typeInto(editor.bodyEditor(), keys);

    // Saves while typing: a word, then the pause after which the editor saves.
    std::vector<double> saveMs;
    for (int i = 0; i < saves; ++i) {
        QTest::keyClicks(editor.bodyEditor(), s(" word%1").arg(i));
        QCoreApplication::processEvents();
        timer.start();
        editor.saveNow();
        saveMs.push_back(msSince(timer));
    }
    // Reading every version back, and making the first one current again.
    timer.start();
    const auto versionsRead = store.history(note->id);
    if (!versionsRead)
        die(versionsRead.error().message);
    const double historyReadMs = msSince(timer);
    timer.start();
    if (auto restored = store.restoreVersion(note->id, 1); !restored || restored->string(s("body")) != body)
        die(s("version 1 did not come back whole"));
    const double restoreMs = msSince(timer);
    const QString storePath = dir.filePath(s("store.db"));
    opened->reset();
    qint64 historyBytes = 0;
    qint64 versions = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(s("QSQLITE"), s("measure"));
        db.setDatabaseName(storePath);
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        // The versions' rows and their long texts (kept apart as zstd keyframes and deltas).
        if (!q.exec(s("SELECT COUNT(*), SUM(LENGTH(CAST(snapshot AS BLOB)) + LENGTH(CAST(changed AS BLOB))), "
                      "(SELECT COALESCE(SUM(LENGTH(data)), 0) FROM history_text) FROM history"))
            || !q.next())
            die(q.lastError().text());
        versions = q.value(0).toLongLong();
        historyBytes = q.value(1).toLongLong() + q.value(2).toLongLong();
        q.finish();
    }
    QSqlDatabase::removeDatabase(s("measure"));

    // The same keystrokes into a bare QPlainTextEdit holding the same text.
    QPlainTextEdit bare;
    bare.resize(900, 700);
    bare.show();
    bare.setPlainText(body);
    QCoreApplication::processEvents();
    bare.setFocus();
    const std::vector<double> bareTyped = typeInto(&bare, keys);

    result.insert(s("editor"),
                  QJsonObject{{s("open_ms"), round3(openMs)},
                              {s("keystroke"), distribution(typed)},
                              {s("bare_plaintextedit_keystroke"), distribution(bareTyped)},
                              {s("keystroke_over_bare"), round3(bench::percentile(typed, 50) / bench::percentile(bareTyped, 50))},
                              {s("frame_ms"), 16.7},
                              {s("save"), distribution(saveMs)}});
    result.insert(s("history"), QJsonObject{{s("versions"), double(versions)},
                                            {s("bytes"), double(historyBytes)},
                                            {s("bytes_over_text"), round3(double(historyBytes) / double(body.toUtf8().size()))},
                                            {s("read_all_ms"), round3(historyReadMs)},
                                            {s("restore_first_ms"), round3(restoreMs)}});

    // --- Merge: two edits far apart -------------------------------------------------------------
    QString mine = body;
    mine.insert(mine.indexOf(QLatin1Char('\n'), 1000) + 1, s("a line added near the top on this device\n"));
    QString theirs = body;
    theirs.insert(theirs.indexOf(QLatin1Char('\n'), body.size() - 1000) + 1, s("a line added near the end elsewhere\n"));
    timer.start();
    const sync::TextMerge merged = sync::mergeText(body, mine, theirs);
    const double mergeMs = msSince(timer);
    // Two edits of the same line: the dialog opens on the collision.
    QString mineSame = body;
    QString theirsSame = body;
    const qsizetype middle = body.indexOf(QLatin1Char('\n'), body.size() / 2) + 1;
    mineSame.insert(middle, s("mine "));
    theirsSame.insert(middle, s("theirs "));
    timer.start();
    {
        ui::MergeInput input;
        input.itemTitle = s("Server log");
        input.fieldLabel = s("Text");
        input.mineLabel = s("This device");
        input.theirsLabel = s("Laptop");
        input.base = body;
        input.mine = mineSame;
        input.theirs = theirsSame;
        ui::MergeDialog dialog(input);
        dialog.resize(1200, 800);
        dialog.show();
        QCoreApplication::processEvents();
        result.insert(s("merge_dialog"), QJsonObject{{s("open_ms"), round3(msSince(timer))},
                                                     {s("hunks"), double(dialog.document().hunks().size())}});
    }
    result.insert(s("merge"), QJsonObject{{s("clean"), merged.clean}, {s("ms"), round3(mergeMs)}});
    // --- One long line (a minified file) pasted at the end, in the editor and in a bare one ---
    {
        const QString line = QString(200'000, u'7');
        const auto pasteInto = [&](QPlainTextEdit *edit) {
            edit->resize(900, 700);
            edit->show();
            edit->setPlainText(s("# Data\n"));
            QCoreApplication::processEvents();
            QElapsedTimer pasteTimer;
            pasteTimer.start();
            edit->moveCursor(QTextCursor::End);
            edit->insertPlainText(line);
            QCoreApplication::processEvents();
            edit->viewport()->repaint();
            return msSince(pasteTimer);
        };
        ui::MarkdownEdit markdown;
        QPlainTextEdit bareLine;
        const double editorMs = pasteInto(&markdown);
        const double bareMs = pasteInto(&bareLine);
        result.insert(s("long_line"), QJsonObject{{s("chars"), double(line.size())},
                                                  {s("editor_paste_ms"), round3(editorMs)},
                                                  {s("bare_plaintextedit_paste_ms"), round3(bareMs)}});
    }
    result.insert(s("peak_rss_mb"), round3(bench::processMemoryMb("VmHWM")));
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}
