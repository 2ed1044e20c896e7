#include "plainsqlite.h"

#include "model/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace tidemark::bench {
namespace {

[[noreturn]] void fail(const QString &message)
{
    QTextStream(stderr) << "plain SQLite: " << message << '\n';
    std::exit(1);
}

constexpr int kBatch = 1000;

} // namespace

QList<CorpusNote> readNdjson(const QString &path, int limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QList<CorpusNote> notes;
    int line = 0;
    while (!file.atEnd() && (limit < 0 || notes.size() < limit)) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        const QJsonObject object = document.object();
        if (!document.isObject() || !object.value(u"title"_s).isString() || !object.value(u"body"_s).isString())
            fail(u"%1, line %2: not an object with a string title and body"_s.arg(path).arg(line));
        CorpusNote note{object.value(u"_id"_s).toString(), object.value(u"title"_s).toString(),
                        object.value(u"body"_s).toString(), {}};
        for (const QJsonValue &tag : object.value(u"tags"_s).toArray())
            note.tags << tag.toString();
        notes.append(std::move(note));
    }
    return notes;
}

PlainSqlite::PlainSqlite(const QString &path, bool fts)
    : m_connection(u"plain-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_fts(fts)
{
    QFile::remove(path);
    if (auto opened = model::Database::open(path, m_connection); !opened)
        fail(opened.error().message);
    // New rows reach the index in one statement per transaction (the fastest way SQLite has:
    // a trigger makes each row a statement, and FTS5 a segment per statement); a changed row
    // by the update trigger.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery(db).exec(u"DROP TRIGGER items_fts_insert"_s);
    if (!fts) {
        for (const char *trigger : {"items_fts_update", "items_fts_delete"})
            QSqlQuery(db).exec(u"DROP TRIGGER %1"_s.arg(QLatin1StringView(trigger)));
    }
}

PlainSqlite::~PlainSqlite()
{
    model::Database::close(m_connection);
}

double PlainSqlite::insert(const QList<CorpusNote> &notes)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO items (id, kind, title, body, tags, created_at, updated_at) VALUES (?, 'note', ?, ?, ?, ?, ?)"_s);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype start = 0; start < notes.size(); start += kBatch) {
        QSqlQuery(db).exec(u"BEGIN"_s);
        for (qsizetype i = start; i < std::min(start + kBatch, notes.size()); ++i) {
            const CorpusNote &note = notes.at(i);
            m_ids << (note.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : note.id);
            insert.addBindValue(m_ids.last());
            // (Never a null string: QtSql binds one as NULL, and the columns are NOT NULL.)
            insert.addBindValue(note.title.isNull() ? u""_s : note.title);
            insert.addBindValue(note.body.isNull() ? u""_s : note.body);
            insert.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(note.tags)).toJson(QJsonDocument::Compact)));
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            insert.addBindValue(now);
            insert.addBindValue(now);
            if (!insert.exec())
                fail(insert.lastError().text());
        }
        if (m_fts) {
            QSqlQuery index(db);
            index.prepare(u"INSERT INTO items_fts (rowid, title, body, tags) SELECT rowid, title, body, tags FROM items "
                          "WHERE rowid > ? ORDER BY rowid"_s);
            index.addBindValue(m_indexed);
            if (!index.exec())
                fail(index.lastError().text());
            QSqlQuery last(db);
            if (!last.exec(u"SELECT MAX(rowid) FROM items"_s) || !last.next())
                fail(last.lastError().text());
            m_indexed = last.value(0).toLongLong();
        }
        QSqlQuery(db).exec(u"COMMIT"_s);
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

double PlainSqlite::renameFirst(int count)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery update(db);
    update.prepare(u"UPDATE items SET title = ?, updated_at = ? WHERE id = ?"_s);
    QElapsedTimer timer;
    timer.start();
    QSqlQuery(db).exec(u"BEGIN"_s);
    for (int i = 0; i < std::min<qsizetype>(count, m_ids.size()); ++i) {
        update.addBindValue(u"renamed %1"_s.arg(i));
        update.addBindValue(QDateTime::currentMSecsSinceEpoch());
        update.addBindValue(m_ids.at(i));
        if (!update.exec())
            fail(update.lastError().text());
    }
    QSqlQuery(db).exec(u"COMMIT"_s);
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace tidemark::bench
