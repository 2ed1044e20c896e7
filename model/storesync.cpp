// The Store's side of sync: handing out operations, recording the server's answers, applying what
// was pulled. Each is one transaction.
#include "store.h"

#include <QSqlError>

namespace tidemark::model {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }
constexpr int kParked = 2; // outbox.in_flight: 0 waiting, 1 sent (no answer yet), 2 refused by the server
} // namespace

Result<QList<OutboxOp>> Store::takeForSending(int max)
{
    QList<OutboxOp> taken;
    auto done = batch([&]() -> Result<void> {
        auto all = outbox();
        if (!all)
            return std::unexpected(all.error());
        for (const OutboxOp &op : std::as_const(*all)) {
            if (taken.size() >= max)
                break;
            if (op.parked)
                continue;
            taken.append(op);
        }
        QSqlQuery &mark = prepared(s("UPDATE outbox SET in_flight = 1, attempts = attempts + 1 WHERE seq = ? AND in_flight < 2"));
        for (const OutboxOp &op : std::as_const(taken)) {
            mark.addBindValue(op.seq);
            if (!mark.exec())
                return std::unexpected(Error::database(mark.lastError().text()));
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return taken;
}

Result<void> Store::settle(const QList<Answer> &answers)
{
    return batch([&]() -> Result<void> {
        m_outboxChangedInTransaction = true;
        for (const Answer &answer : answers) {
            QSqlQuery &q = prepared(answer.rejected ? s("UPDATE outbox SET in_flight = 2, last_error = ? WHERE op_id = ?")
                                                    : s("DELETE FROM outbox WHERE op_id = ?"));
            if (answer.rejected)
                q.addBindValue(answer.reason.isEmpty() ? s("refused by the server") : answer.reason);
            q.addBindValue(answer.opId);
            if (!q.exec())
                return std::unexpected(Error::database(q.lastError().text()));
        }
        return {};
    });
}

Result<void> Store::applyRemotePage(const QList<RemoteChange> &changes, qint64 cursor)
{
    return batch([&]() -> Result<void> {
        for (const RemoteChange &change : changes) {
            // A pulled change names no device or clock of its own: its history entry says "server".
            if (auto applied = applyRemote(change.kind, change.id, change.rev, change.fields, Hlc{0, 0, s("server")}); !applied)
                return std::unexpected(applied.error());
        }
        QSqlQuery &q = prepared(s("INSERT INTO meta (key, value) VALUES ('sync_cursor', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(QString::number(cursor));
        if (!q.exec())
            return std::unexpected(Error::database(q.lastError().text()));
        return {};
    });
}

qint64 Store::syncCursor() const
{
    QSqlQuery &q = prepared(s("SELECT value FROM meta WHERE key = 'sync_cursor'"));
    qint64 cursor = 0;
    if (q.exec() && q.next())
        cursor = q.value(0).toString().toLongLong();
    q.finish();
    return cursor;
}

int Store::parkedCount() const
{
    QSqlQuery &q = prepared(s("SELECT COUNT(*) FROM outbox WHERE in_flight = %1").arg(kParked));
    int count = 0;
    if (q.exec() && q.next())
        count = q.value(0).toInt();
    q.finish();
    return count;
}

} // namespace tidemark::model
