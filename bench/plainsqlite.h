#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark::bench {

/// One note as a benchmark's data set holds it: generated, or read from --corpus.
struct CorpusNote
{
    QString id;
    QString title;
    QString body;
    QStringList tags;
};

/// Reads a data set of one note a line, `{"_id", "title", "body", "tags"}` (tags an array of
/// strings; `_id` optional). At most `limit` notes (-1: all). Exits with a message naming the
/// line on a line that is not such an object.
QList<CorpusNote> readNdjson(const QString &path, int limit = -1);

/// The limit a benchmark is judged against: plain SQLite writing the same rows into the store's
/// own schema (its tables, list indexes and, with `fts`, the same FTS5 table and settings), by
/// prepared statements in transactions of 1,000, without history, outbox or anything else. New
/// rows reach the full-text index in one INSERT … SELECT per transaction (the fastest way), a
/// changed row by the store's update trigger.
/// Measured in the same run as the figure it is compared with.
class PlainSqlite
{
public:
    /// A fresh database at `path` (removed first) with the store's schema.
    PlainSqlite(const QString &path, bool fts);
    ~PlainSqlite();
    PlainSqlite(const PlainSqlite &) = delete;
    PlainSqlite &operator=(const PlainSqlite &) = delete;

    /// Seconds to insert the notes (their ids as given, new ones where empty).
    double insert(const QList<CorpusNote> &notes);
    /// The connection, for more work on the same rows.
    [[nodiscard]] const QString &connectionName() const { return m_connection; }
    /// Seconds to change the titles of the first `count` notes inserted, in one transaction.
    double renameFirst(int count);

private:
    QString m_connection;
    bool m_fts = false;
    qint64 m_indexed = 0; ///< the last rowid in the full-text index
    QStringList m_ids;
};

} // namespace tidemark::bench
