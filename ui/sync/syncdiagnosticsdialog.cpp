#include "ui/sync/syncdiagnosticsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

SyncDiagnosticsDialog::SyncDiagnosticsDialog(const Snapshot &snapshot, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"syncDiagnostics"_s);
    setWindowTitle(tr("Sync Diagnostics"));
    auto *form = new QFormLayout;
    const QLocale locale;
    const client::SyncMetrics &m = snapshot.metrics;
    const auto ms = [](qint64 value) { return value < 0 ? u"–"_s : tr("%1 ms").arg(value); };
    addRow(form, "diagState", tr("State:"),
           snapshot.reason.isEmpty() ? snapshot.state : tr("%1 (%2)").arg(snapshot.state, snapshot.reason));
    addRow(form, "diagServer", tr("Server:"), snapshot.server.isEmpty() ? tr("none: local only") : snapshot.server);
    addRow(form, "diagLastSync", tr("Last sync:"),
           m.lastSuccess.isValid() ? locale.toString(m.lastSuccess.toLocalTime(), QLocale::ShortFormat) : tr("not yet"));
    addRow(form, "diagSyncTimes", tr("Sync takes:"),
           tr("last %1, median %2, 95th percentile %3 (of %4)")
               .arg(ms(m.durationsMs.isEmpty() ? -1 : m.durationsMs.last()), ms(m.durationPercentile(50)),
                    ms(m.durationPercentile(95)))
               .arg(m.durationsMs.size()));
    addRow(form, "diagRuns", tr("Syncs:"), tr("%1 completed, %2 failed, %3 retries").arg(m.syncs).arg(m.failures).arg(m.retries));
    addRow(form, "diagTraffic", tr("Changes:"), tr("%1 sent, %2 received").arg(m.pushed).arg(m.pulled));
    addRow(form, "diagWaiting", tr("Waiting here:"),
           tr("%1 not sent, %2 refused by the server").arg(snapshot.pending).arg(snapshot.refused));
    addRow(form, "diagCursor", tr("At server revision:"), QString::number(snapshot.cursor));
    if (!m.lastError.isEmpty())
        addRow(form, "diagLastError", tr("Last error:"), m.lastError);
    QStringList rules;
    for (auto it = m.conflictsByRule.begin(); it != m.conflictsByRule.end(); ++it)
        rules << tr("%1: %2").arg(it.key()).arg(it.value());
    addRow(form, "diagConflicts", tr("Conflicts by rule:"), rules.isEmpty() ? tr("none") : rules.join(QLatin1Char('\n')));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

void SyncDiagnosticsDialog::addRow(QFormLayout *form, const char *name, const QString &label, const QString &value)
{
    auto *field = new QLabel(value, this);
    field->setObjectName(QLatin1StringView(name));
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    form->addRow(label, field);
}

QString SyncDiagnosticsDialog::value(const QString &row) const
{
    const auto *field = findChild<QLabel *>(row);
    return field ? field->text() : QString();
}

} // namespace tidemark::ui
