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
#include "ui/conflicts/mergedialog.h"
#include "ui/editors/noteeditor.h"

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

using namespace Qt::StringLiterals;

using namespace tidemark;

namespace {

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
        text += u"2026-11-30 08:%1:%2.%3 %4 worker-%5 request %6 served in %7 ms\n"_s
                    .arg(line / 60 % 60, 2, 10, QLatin1Char('0'))
                    .arg(line % 60, 2, 10, QLatin1Char('0'))
                    .arg(line % 1000, 3, 10, QLatin1Char('0'))
                    .arg(QLatin1StringView(levels[line % 5]))
                    .arg(line % 7)
                    .arg(line * 7919 % 100000)
                    .arg(line % 250);
        if (line == 25000)
            text += u"2026-11-30 08:41:40.000 ERROR worker-3 quasarflux timeout in the middle of the log\n"_s;
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
    return {{u"median_ms"_s, round3(bench::percentile(ms, 50))},
            {u"p95_ms"_s, round3(bench::percentile(ms, 95))},
            {u"max_ms"_s, round3(bench::percentile(ms, 100))}};
}

// Plain SQLite, the same row and the same FTS5 settings as the store: insert, update, search.
QJsonObject plainSqlite(const QString &path, const QString &body, const QString &edited)
{
    QJsonObject out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
        db.setDatabaseName(path);
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        for (const char *sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                "CREATE TABLE notes (id TEXT PRIMARY KEY, title TEXT, body TEXT)",
                                "CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', "
                                "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"}) {
            if (!q.exec(QString::fromUtf8(sql)))
                die(q.lastError().text());
        }
        QElapsedTimer timer;
        timer.start();
        q.exec(u"BEGIN"_s);
        q.prepare(u"INSERT INTO notes (id, title, body) VALUES ('n', 'Server log', ?)"_s);
        q.addBindValue(body);
        q.exec();
        q.exec(u"INSERT INTO notes_fts (rowid, title, body) SELECT rowid, title, body FROM notes"_s);
        q.exec(u"COMMIT"_s);
        out.insert(u"insert_ms"_s, round3(msSince(timer)));
        timer.start();
        q.exec(u"BEGIN"_s);
        q.exec(u"INSERT INTO notes_fts (notes_fts, rowid, title, body) SELECT 'delete', rowid, title, body FROM notes"_s);
        q.prepare(u"UPDATE notes SET body = ? WHERE id = 'n'"_s);
        q.addBindValue(edited);
        q.exec();
        q.exec(u"INSERT INTO notes_fts (rowid, title, body) SELECT rowid, title, body FROM notes"_s);
        q.exec(u"COMMIT"_s);
        out.insert(u"update_ms"_s, round3(msSince(timer)));
        timer.start();
        q.exec(u"SELECT rowid FROM notes_fts WHERE notes_fts MATCH '\"quasarflux\"'"_s);
        const bool found = q.next();
        out.insert(u"search_ms"_s, round3(msSince(timer)));
        out.insert(u"search_found"_s, found);
        q.finish();
    }
    QSqlDatabase::removeDatabase(u"plain"_s);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption mbOption(u"mb"_s, u"The note's size in MB."_s, u"N"_s, u"3"_s);
    const QCommandLineOption keysOption(u"keys"_s, u"Keystrokes typed into it."_s, u"N"_s, u"200"_s);
    const QCommandLineOption savesOption(u"saves"_s, u"Saves while typing, for the history."_s, u"N"_s, u"20"_s);
    parser.addOptions({mbOption, keysOption, savesOption});
    parser.process(app);
    const double mb = parser.value(mbOption).toDouble();
    const int keys = parser.value(keysOption).toInt();
    const int saves = parser.value(savesOption).toInt();

    QTemporaryDir dir;
    if (!dir.isValid())
        die(u"no temporary folder"_s);
    const QString body = logText(qsizetype(mb * 1024 * 1024));
    QJsonObject result{{u"bytes"_s, double(sync::utf8Length(body))},
                       {u"lines"_s, double(body.count(QLatin1Char('\n')))}};

    // --- Plain SQLite: the reference for saving and searching ---------------------------------
    QString edited = body;
    edited.insert(body.size() / 2, u"a few words typed in the middle "_s);
    const QJsonObject plain = plainSqlite(dir.filePath(u"plain.db"_s), body, edited);
    result.insert(u"plain_sqlite"_s, plain);

    // --- The store ------------------------------------------------------------------------------
    auto opened = model::Store::open(dir.filePath(u"store.db"_s));
    if (!opened)
        die(opened.error().message);
    model::Store &store = **opened;
    QElapsedTimer timer;
    timer.start();
    auto note = store.create(model::Kind::Note, {{u"title"_s, u"Server log"_s}, {u"body"_s, body}});
    if (!note)
        die(note.error().message);
    const double createMs = msSince(timer);
    timer.start();
    if (auto updated = store.update(note->id, {{u"body"_s, edited}}); !updated)
        die(updated.error().message);
    const double updateMs = msSince(timer);
    timer.start();
    const auto hits = store.search(u"quasarflux"_s);
    const double searchMs = msSince(timer);
    result.insert(u"store"_s, QJsonObject{{u"create_ms"_s, round3(createMs)},
                                          {u"create_over_plain"_s, round3(createMs / plain[u"insert_ms"_s].toDouble())},
                                          {u"update_ms"_s, round3(updateMs)},
                                          {u"update_over_plain"_s, round3(updateMs / plain[u"update_ms"_s].toDouble())},
                                          {u"search_ms"_s, round3(searchMs)},
                                          {u"search_over_plain"_s, round3(searchMs / plain[u"search_ms"_s].toDouble())},
                                          {u"search_found"_s, hits && !hits->isEmpty()}});

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
        QTest::keyClicks(editor.bodyEditor(), u" word%1"_s.arg(i));
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
    if (auto restored = store.restoreVersion(note->id, 1); !restored || restored->string(u"body"_s) != body)
        die(u"version 1 did not come back whole"_s);
    const double restoreMs = msSince(timer);
    const QString storePath = dir.filePath(u"store.db"_s);
    opened->reset();
    qint64 historyBytes = 0;
    qint64 versions = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"measure"_s);
        db.setDatabaseName(storePath);
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        // The versions' rows and their long texts (kept apart as zstd keyframes and deltas).
        if (!q.exec(u"SELECT COUNT(*), SUM(LENGTH(CAST(snapshot AS BLOB)) + LENGTH(CAST(changed AS BLOB))), "
                      "(SELECT COALESCE(SUM(LENGTH(data)), 0) FROM history_text) FROM history"_s)
            || !q.next())
            die(q.lastError().text());
        versions = q.value(0).toLongLong();
        historyBytes = q.value(1).toLongLong() + q.value(2).toLongLong();
        q.finish();
    }
    QSqlDatabase::removeDatabase(u"measure"_s);

    // The same keystrokes into a bare QPlainTextEdit holding the same text.
    QPlainTextEdit bare;
    bare.resize(900, 700);
    bare.show();
    bare.setPlainText(body);
    QCoreApplication::processEvents();
    bare.setFocus();
    const std::vector<double> bareTyped = typeInto(&bare, keys);

    result.insert(u"editor"_s,
                  QJsonObject{{u"open_ms"_s, round3(openMs)},
                              {u"keystroke"_s, distribution(typed)},
                              {u"bare_plaintextedit_keystroke"_s, distribution(bareTyped)},
                              {u"keystroke_over_bare"_s, round3(bench::percentile(typed, 50) / bench::percentile(bareTyped, 50))},
                              {u"frame_ms"_s, 16.7},
                              {u"save"_s, distribution(saveMs)}});
    result.insert(u"history"_s, QJsonObject{{u"versions"_s, double(versions)},
                                            {u"bytes"_s, double(historyBytes)},
                                            {u"bytes_over_text"_s, round3(double(historyBytes) / double(body.toUtf8().size()))},
                                            {u"read_all_ms"_s, round3(historyReadMs)},
                                            {u"restore_first_ms"_s, round3(restoreMs)}});

    // --- Merge: two edits far apart -------------------------------------------------------------
    QString mine = body;
    mine.insert(mine.indexOf(QLatin1Char('\n'), 1000) + 1, u"a line added near the top on this device\n"_s);
    QString theirs = body;
    theirs.insert(theirs.indexOf(QLatin1Char('\n'), body.size() - 1000) + 1, u"a line added near the end elsewhere\n"_s);
    timer.start();
    const sync::TextMerge merged = sync::mergeText(body, mine, theirs);
    const double mergeMs = msSince(timer);
    // Two edits of the same line: the dialog opens on the collision.
    QString mineSame = body;
    QString theirsSame = body;
    const qsizetype middle = body.indexOf(QLatin1Char('\n'), body.size() / 2) + 1;
    mineSame.insert(middle, u"mine "_s);
    theirsSame.insert(middle, u"theirs "_s);
    timer.start();
    {
        ui::MergeInput input;
        input.itemTitle = u"Server log"_s;
        input.fieldLabel = u"Text"_s;
        input.mineLabel = u"This device"_s;
        input.theirsLabel = u"Laptop"_s;
        input.base = body;
        input.mine = mineSame;
        input.theirs = theirsSame;
        ui::MergeDialog dialog(input);
        dialog.resize(1200, 800);
        dialog.show();
        QCoreApplication::processEvents();
        result.insert(u"merge_dialog"_s, QJsonObject{{u"open_ms"_s, round3(msSince(timer))},
                                                     {u"hunks"_s, double(dialog.document().hunks().size())}});
    }
    result.insert(u"merge"_s, QJsonObject{{u"clean"_s, merged.clean}, {u"ms"_s, round3(mergeMs)}});
    // --- One long line (a minified file) pasted at the end, in the editor and in a bare one ---
    {
        const QString line = QString(200'000, u'7');
        const auto pasteInto = [&](QPlainTextEdit *edit) {
            edit->resize(900, 700);
            edit->show();
            edit->setPlainText(u"# Data\n"_s);
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
        result.insert(u"long_line"_s, QJsonObject{{u"chars"_s, double(line.size())},
                                                  {u"editor_paste_ms"_s, round3(editorMs)},
                                                  {u"bare_plaintextedit_paste_ms"_s, round3(bareMs)}});
    }
    result.insert(u"peak_rss_mb"_s, round3(bench::processMemoryMb("VmHWM")));
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}
