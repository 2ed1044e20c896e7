#pragma once

#include "model/records.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The Conflicts page: every conflict event a person may want to see, in plain sentences with
/// the rule that decided it. Open conflicts come first, with Resolve…; then what the rules and
/// people decided in the last 30 days, with "Use the Other Value" or Undo where one side can be
/// put back. It follows the store live.
class ConflictCentre final : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictCentre(model::Store *store, QWidget *parent = nullptr);

    /// How far back decided events are listed.
    static constexpr qint64 kRecentMs = 30LL * 24 * 3600 * 1000;

    /// Reads the events again (done by itself when the store changes).
    void reload();
    /// The cards on the page, in order (for tests and the screenshot tour).
    [[nodiscard]] QList<QWidget *> cards() const;

Q_SIGNALS:
    void openItem(const QString &id);
    void showAudit();
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *card(const model::ConflictRecord &record, bool open);
    void resolve(const QString &entityId);
    void undo(const model::ConflictRecord &record);
    void useOtherValue(const model::ConflictRecord &record);

    QPointer<model::Store> m_store;
    QLabel *m_summary = nullptr;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
    QTimer m_reload;
    bool m_stale = false; ///< the store changed while the page was hidden
};

} // namespace tidemark::ui
