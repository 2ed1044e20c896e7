#pragma once

#include "client/syncmetrics.h"

#include <QDialog>

class QFormLayout;

namespace tidemark::ui {

/// File → Sync Diagnostics: where sync stands and how it has gone since the app started — the
/// state and its reason, the server, the last sync, how long syncs take (last, median, 95th
/// percentile), failures and retries, what went each way, what waits, and the conflicts this
/// device knows of by the rule that judged them.
class SyncDiagnosticsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Snapshot
    {
        QString state;
        QString reason;
        QString server;
        int pending = 0;
        int refused = 0;
        qint64 cursor = 0;
        client::SyncMetrics metrics;
    };

    explicit SyncDiagnosticsDialog(const Snapshot &snapshot, QWidget *parent = nullptr);
    /// The value shown for a row, by its object name ("diagState", "diagSyncTimes", ...), for tests.
    [[nodiscard]] QString value(const QString &row) const;

private:
    void addRow(QFormLayout *form, const char *name, const QString &label, const QString &value);
};

} // namespace tidemark::ui
