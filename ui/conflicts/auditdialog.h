#pragma once

#include "model/records.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

class QSplitter;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The audit trail: every conflict event of the account, newest first, filterable by item,
/// device, rule and outcome. The selected event shows both values, the base, the rule, and who
/// decided it and when; "Undo This Resolution" puts the other side back as a new operation,
/// which the server records as an event of its own.
class AuditDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AuditDialog(model::Store *store, QWidget *parent = nullptr);

    /// Shows only the events of one item (empty: all).
    void setItemFilter(const QString &entityId);
    void reload();

    [[nodiscard]] QTreeWidget *table() const { return m_table; }

protected:
    /// The dialog's size and the split between the list and the details are kept for next time.
    void hideEvent(QHideEvent *event) override;

private:
    void applyFilters();
    void showDetails();
    void undoSelected();
    [[nodiscard]] const model::ConflictRecord *selected() const;

    QPointer<model::Store> m_store;
    QList<model::ConflictRecord> m_records;
    QComboBox *m_item = nullptr;
    QComboBox *m_device = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_outcome = nullptr;
    QTreeWidget *m_table = nullptr;
    QLabel *m_details = nullptr;
    QSplitter *m_split = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace tidemark::ui
