#pragma once

#include <QListView>

class QMimeData;

namespace tidemark::ui {

/// The item list: rows can be dragged to the sidebar (move to a collection, to the Trash) and,
/// in a manually ordered list, dropped between other rows to reorder them. Return opens the
/// current item in the editor, Delete moves the selection to the Trash.
class ItemListView final : public QListView
{
    Q_OBJECT

public:
    explicit ItemListView(QWidget *parent = nullptr);

    /// Whether rows may be reordered by dropping them in the list (a manual order).
    void setReorderable(bool reorderable) { m_reorderable = reorderable; }
    /// What the list says while it has no rows ("Nothing due today.").
    void setPlaceholderText(const QString &text);
    [[nodiscard]] QString placeholderText() const { return m_placeholder; }

Q_SIGNALS:
    /// `id` was dropped between `afterId` and `beforeId` (either may be empty).
    void reorderRequested(const QString &id, const QString &afterId, const QString &beforeId);
    void openRequested();
    void deleteRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    [[nodiscard]] bool isOwnRow(const QMimeData *mime) const;

    bool m_reorderable = false;
    QString m_placeholder;
};

} // namespace tidemark::ui
