#include "synccycle.h"
#include "logging.h"

#include "model/store.h"
#include "storerecords.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::client {

namespace {

TransportError storeError(const model::Error &error)
{
    // The local store could not take what the server sent: not the network's fault, and not
    // something to retry at once; the message says what.
    return {TransportError::Kind::Refused, u"the local store: %1"_s.arg(error.message), 0};
}
} // namespace

SyncCycle::SyncCycle(model::Store &store, Transport &transport)
    : m_store(store)
    , m_transport(transport)
{
}

std::expected<SyncReport, TransportError> SyncCycle::run()
{
    auto report = runSteps();
    // Not worth failing a sync over: the outcome is only a report.
    if (auto kept = m_store.recordSyncOutcome(report ? QString() : report.error().message); !kept)
        qCWarning(lcClient) << "cannot keep the sync's outcome:" << kept.error().message;
    return report;
}

std::expected<SyncReport, TransportError> SyncCycle::runSteps()
{
    SyncReport report;
    m_transport.setDeviceName(m_store.deviceName(m_store.deviceId()));
    // The account's conflict policies: a change made here goes up first, so that the edits sent
    // next are judged by it; at the end every device takes the account's (another device may have
    // changed them).
    const auto exchangePolicies = [this](const std::optional<QJsonObject> &sent) -> std::expected<void, TransportError> {
        auto policies = m_transport.policies(sent);
        if (!policies)
            return std::unexpected(policies.error());
        if (auto stored = m_store.storeServerPolicies(*policies, sent); !stored)
            return std::unexpected(storeError(stored.error()));
        return {};
    };
    if (const auto unsent = m_store.policiesToSend()) {
        if (auto sent = exchangePolicies(unsent); !sent)
            return std::unexpected(sent.error());
    }
    if (auto pushed = pushAll(report); !pushed)
        return std::unexpected(pushed.error());
    if (auto pulled = pullAll(report); !pulled)
        return std::unexpected(pulled.error());
    if (auto taken = exchangePolicies(std::nullopt); !taken)
        return std::unexpected(taken.error());
    return report;
}

std::expected<void, TransportError> SyncCycle::pushAll(SyncReport &report)
{
    const int total = m_store.pendingCount() - m_store.parkedCount();
    qint64 lastTaken = 0; // the outbox's place of the last operation taken in this run
    const auto take = [this, &lastTaken]() -> std::expected<QList<sync::Operation>, TransportError> {
        auto taken = m_store.takeForSending(m_batch, lastTaken);
        if (!taken)
            return std::unexpected(storeError(taken.error()));
        if (!taken->isEmpty())
            lastTaken = taken->last().seq;
        QList<sync::Operation> ops;
        ops.reserve(taken->size());
        for (const model::OutboxOp &op : std::as_const(*taken))
            ops.append({op.opId, op.device, model::kindName(op.kind), op.entityId, op.fields, op.baseRev, op.hlc, op.resolves});
        return ops;
    };
    auto current = take();
    if (!current)
        return std::unexpected(current.error());
    if (current->isEmpty())
        return {};
    m_transport.sendPush(*current);
    for (;;) {
        // While the server works on one batch, the next is read from the outbox. Batches still
        // reach the server one after the other, in the outbox's order: the next leaves only
        // once this one is answered, and before this one's answers are written down.
        auto next = take();
        if (!next)
            return std::unexpected(next.error());
        auto answer = m_transport.awaitPush();
        if (!answer && answer.error().kind == TransportError::Kind::Refused) {
            // A server that refuses the whole batch for one operation it cannot take (an older
            // one, say): each is sent on its own, and the one it refuses is parked with the
            // server's reason, so that the rest and the pull still go through.
            PushAnswer single;
            for (const sync::Operation &op : std::as_const(*current)) {
                auto one = m_transport.push({op});
                if (!one && one.error().kind != TransportError::Kind::Refused)
                    return std::unexpected(one.error());
                if (one && one->results.size() == 1)
                    single.results.append(one->results.first());
                else
                    single.results.append({op.opId, sync::OpResult::Status::Rejected, 0, {},
                                           one ? u"the server did not answer this operation"_s : one.error().message});
                single.rev = one ? one->rev : single.rev;
            }
            answer = single;
        }
        if (!answer)
            return std::unexpected(answer.error()); // the operations stay, in flight, for the next run
        if (!next->isEmpty())
            m_transport.sendPush(*next);
        QList<model::Store::Answer> answers;
        for (const sync::OpResult &result : std::as_const(answer->results)) {
            const bool rejected = result.status == sync::OpResult::Status::Rejected;
            answers.append({result.opId, rejected, result.reason});
            report.merged += result.status == sync::OpResult::Status::Merged;
            report.conflicts += result.status == sync::OpResult::Status::Conflict;
            report.rejected += rejected;
        }
        if (auto settled = m_store.settle(answers); !settled) {
            if (!next->isEmpty())
                (void)m_transport.awaitPush(); // applied or not, it is sent again: by op_id, once
            return std::unexpected(storeError(settled.error()));
        }
        report.pushed += int(answers.size());
        if (m_progress)
            m_progress({report.pushed, std::max(total, report.pushed)});
        if (next->isEmpty())
            return {};
        current = std::move(next);
    }
}

std::expected<void, TransportError> SyncCycle::pullAll(SyncReport &report)
{
    qint64 since = m_store.syncCursor();
    std::optional<SnapshotContinuation> continuation;
    for (;;) {
        auto page = m_transport.pull(since, m_page, continuation);
        if (!page)
            return std::unexpected(page.error());
        // A snapshot keeps the cursor where it was until its last page (docs/protocol.md).
        const qint64 cursor = page->next ? since : page->cursor;
        const StoreRecords records = toStoreRecords(*page);
        if (auto applied = m_store.applyRemotePage(records.changes, records.conflicts, cursor, page->devices); !applied)
            return std::unexpected(storeError(applied.error()));
        report.pulled += int(page->changes.size());
        report.fromOthers += int(std::ranges::count_if(page->changes, [&](const sync::Change &change) {
            return change.device != m_store.deviceId();
        }));
        report.conflictRecords += page->conflicts;
        report.cursor = cursor;
        if (m_progress)
            m_progress({report.pulled, report.pulled + (page->hasMore ? m_page : 0)});
        continuation = page->next;
        if (continuation)
            continue;
        since = page->cursor;
        if (!page->hasMore)
            return {};
    }
}

} // namespace tidemark::client
