#pragma once

#include "model/records.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QAbstractButton;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTextBrowser;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

class ItemWords;

/// The history of one note or task. On the left, a timeline, newest first: every version in plain
/// words (when, on which device, what changed) and, inline at their time, the conflict events the
/// server recorded for the item, tinted. On the right, what the selected version changed against
/// the one before it: text fields as a line diff (side by side or unified, the choice kept in
/// QSettings), other fields as "old → new" in words; for a conflict event, the two sides. Restore
/// makes the selected version current again, as a new version that can itself be restored away.
/// The dialog follows the store: a sync arriving while it is open adds its rows and keeps the
/// selection.
class HistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class DiffMode { SideBySide, Unified };

    HistoryDialog(model::Store &store, const QString &itemId, QWidget *parent = nullptr);

    [[nodiscard]] QString itemId() const { return m_itemId; }
    /// The version selected in the timeline; 0 when a conflict event (or nothing) is.
    [[nodiscard]] int selectedVersion() const;
    /// The newest version; 0 when the item has no history (erased meanwhile).
    [[nodiscard]] int newestVersion() const;
    /// Selects a version in the timeline (and shows its changes).
    void selectVersion(int version);
    [[nodiscard]] DiffMode diffMode() const { return m_mode; }
    void setDiffMode(DiffMode mode);
    /// What Restore does: the selected version becomes the current one, as a new version.
    void restoreSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    /// A row of the timeline: a version (index into m_entries) or a conflict event (into m_conflicts).
    struct Row
    {
        bool conflict = false;
        qsizetype index = 0;
        qint64 at = 0;
    };

    void reload();
    void fillTimeline();
    void showSelected();
    void updateRestoreButton();
    void updateTitle();

    [[nodiscard]] QString versionHeadline(qsizetype index) const;
    [[nodiscard]] QString versionDetails(qsizetype index) const;
    [[nodiscard]] QString conflictDetails(const model::ConflictRecord &record) const;
    /// The version whose fields a restore brought back; 0 when not known.
    [[nodiscard]] int restoredVersion(qsizetype index) const;
    /// Fields, values, devices and conflict events in words, from this dialog's store.
    [[nodiscard]] ItemWords words() const;
    /// The fields before `index` (defaults before the first version).
    [[nodiscard]] QJsonObject fieldsBefore(qsizetype index) const;
    /// The fields that differ between two snapshots, in the catalogue's order.
    [[nodiscard]] QStringList differingFields(const QJsonObject &before, const QJsonObject &after) const;
    /// Writes the changes of `fields` from `before` to `after` into the diff view.
    void writeChanges(const QStringList &fields, const QJsonObject &before, const QJsonObject &after,
                      const QString &leftCaption, const QString &rightCaption);

    QPointer<model::Store> m_store;
    QString m_itemId;
    model::Kind m_kind = model::Kind::Note;
    QString m_user; ///< the account's name, when signed in
    QList<model::HistoryEntry> m_entries;     ///< oldest first
    QList<model::ConflictRecord> m_conflicts; ///< this item's, newest first
    QList<Row> m_rows;                        ///< the timeline's rows, newest first
    DiffMode m_mode = DiffMode::SideBySide;

    QLabel *m_heading = nullptr;
    QListWidget *m_timeline = nullptr;
    QLabel *m_caption = nullptr;
    QAbstractButton *m_sideBySide = nullptr;
    QAbstractButton *m_unified = nullptr;
    QTextBrowser *m_diff = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace tidemark::ui
