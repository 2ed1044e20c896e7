#pragma once

#include "transport.h"

#include <functional>

namespace tidemark::model {
class Store;
}

namespace tidemark::client {

/// What one sync did.
struct SyncReport
{
    int pushed = 0;   ///< operations the server answered
    int merged = 0;   ///< of those, combined with other devices' changes by a rule
    int conflicts = 0; ///< of those, left as open conflicts
    int rejected = 0; ///< of those, refused (parked in the outbox with the reason)
    int pulled = 0;   ///< changes applied from the server
    int fromOthers = 0; ///< of those, made on another device (not this one's own, echoed back)
    qint64 cursor = 0;
    QList<sync::ConflictEvent> conflictRecords; ///< conflict events pulled
};

/// One full sync of a store with a server: push the outbox in bounded batches (each answer
/// recorded, and its operations removed, in one transaction), then pull pages until caught up
/// (each page and its cursor in one transaction). Interrupted anywhere — an error, a crash, a
/// kill — the next run carries on: unanswered operations are sent again and answered from the
/// server's record, and a page is applied whole or not at all.
class SyncCycle final
{
public:
    struct Progress
    {
        int done = 0;
        int total = 0; ///< operations to push, then changes known to pull
    };
    using ProgressHandler = std::function<void(const Progress &)>;

    SyncCycle(model::Store &store, Transport &transport);

    void setBatchSize(int ops) { m_batch = ops; }
    void setPageSize(int changes) { m_page = changes; }
    void onProgress(ProgressHandler handler) { m_progress = std::move(handler); }

    /// One whole sync; its end (success, or the failure's reason) is kept in the store, so that
    /// the app and tidemarkctl tell the same story about the last sync.
    std::expected<SyncReport, TransportError> run();

private:
    std::expected<SyncReport, TransportError> runSteps();
    std::expected<void, TransportError> pushAll(SyncReport &report);
    std::expected<void, TransportError> pullAll(SyncReport &report);

    model::Store &m_store;
    Transport &m_transport;
    int m_batch = 200;
    int m_page = 1000;
    ProgressHandler m_progress;
};

} // namespace tidemark::client
