#pragma once

#include "client/syncengine.h"

#include "model/records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The outbox told in words, for the sidebar's "Pending" entry: one entry per operation not yet
/// accepted by the server, oldest first ("Title of “Groceries” changed here"), with what became
/// of it so far (not sent yet, sending, refused and why), when it was made, and — where the
/// server changed the item after the edit was made — a "may conflict" mark with the rule that
/// will decide each field. The sync state (the last error and the next try) comes from outside
/// through setSyncState(); while visible, the countdown to the next try follows the clock.
class PendingView final : public QWidget
{
    Q_OBJECT

public:
    /// Data of an entry beyond its sentence (Qt::DisplayRole), for the delegate and for tests.
    enum Role {
        DetailRole = Qt::UserRole + 1, ///< "not sent yet · 3 tries · next try in 20 s · made at 14:02"
        ConflictRole,                  ///< the rules that will decide, one line per rule; empty when no risk
        EntityIdRole,
        StateRole,                     ///< EntryState
        OpIdRole,
    };
    enum class EntryState { Waiting, Sending, Refused };

    explicit PendingView(model::Store &store, QWidget *parent = nullptr);
    ~PendingView() override;

public Q_SLOTS:
    /// Where sync stands, as the engine says: `reason`, the last error for a person (empty when
    /// all is well); `nextRetry`, when the next try is (invalid when none is planned). Working
    /// offline is said calmly, not as a failure; an entry is "sending…" only while a sync runs.
    void setSyncState(tidemark::client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry);
    /// Reads the outbox again.
    void reloadWhenShown();
    void reload();

Q_SIGNALS:
    void retryRequested();
    /// An entry was activated (double-click or Enter): the item it is about.
    void openItem(const QString &id);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void scheduleReload();
    void updateDetails();
    void updateCountdown();
    void updateColours();
    void updateBanner();
    void updateAccessibleText(QListWidgetItem *item);
    [[nodiscard]] QString sentence(const model::PendingChange &change) const;
    [[nodiscard]] QString detail(const model::PendingChange &change) const;
    [[nodiscard]] QString conflictRules(const model::PendingChange &change) const;

    QPointer<model::Store> m_store;
    QLabel *m_banner = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_retry = nullptr;
    QStackedWidget *m_pages = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QTimer *m_countdown = nullptr;
    QTimer *m_reloadLater = nullptr;
    QList<model::PendingChange> m_changes;
    QJsonObject m_policies; ///< the account's conflict policies, read with the outbox
    QString m_reason;
    client::SyncEngine::State m_state = client::SyncEngine::State::Idle;
    QDateTime m_nextRetry;
    bool m_stale = true; ///< the outbox changed while hidden
};

} // namespace tidemark::ui
