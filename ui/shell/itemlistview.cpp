#include "ui/shell/itemlistview.h"

#include "model/itemlistmodel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>

namespace tidemark::ui {

using model::ItemListModel;

ItemListView::ItemListView(QWidget *parent)
    : QListView(parent)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setUniformItemSizes(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
}

bool ItemListView::isOwnRow(const QMimeData *mime) const
{
    // One row of this very list (dragged within it): other drags go to the sidebar, not here.
    const QStringList ids = ItemListModel::idsFromMimeData(mime);
    const auto *items = qobject_cast<const ItemListModel *>(model());
    return m_reorderable && items && ids.size() == 1 && items->rowOf(ids.constFirst()) >= 0;
}

void ItemListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (isOwnRow(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ItemListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!isOwnRow(event->mimeData())) {
        event->ignore();
        return;
    }
    QListView::dragMoveEvent(event);
    event->acceptProposedAction();
}

void ItemListView::dropEvent(QDropEvent *event)
{
    const QStringList ids = ItemListModel::idsFromMimeData(event->mimeData());
    if (!isOwnRow(event->mimeData())) {
        event->ignore();
        return;
    }
    // The row the drop lands before: the one under the cursor, or after it in its lower half.
    const QPoint pos = event->position().toPoint();
    QModelIndex target = indexAt(pos);
    int beforeRow = model()->rowCount();
    if (target.isValid()) {
        const QRect rect = visualRect(target);
        beforeRow = pos.y() < rect.center().y() ? target.row() : target.row() + 1;
    }
    const auto idAt = [this](int row) {
        return row >= 0 && row < model()->rowCount() ? model()->index(row, 0).data(ItemListModel::IdRole).toString()
                                                     : QString();
    };
    const QString id = ids.constFirst();
    QString before = idAt(beforeRow);
    QString after = idAt(beforeRow - 1);
    if (before == id || after == id) {
        event->ignore(); // dropped onto itself
        return;
    }
    // Only tasks carry a manual position: neighbours that are notes do not bound it.
    if (!before.isEmpty() && model()->index(beforeRow, 0).data(ItemListModel::KindRole).toString() != QLatin1String("task"))
        before.clear();
    if (!after.isEmpty() && model()->index(beforeRow - 1, 0).data(ItemListModel::KindRole).toString() != QLatin1String("task"))
        after.clear();
    event->setDropAction(Qt::CopyAction); // the model moves the row itself; the view must not remove it
    event->accept();
    Q_EMIT reorderRequested(id, after, before);
}

void ItemListView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void ItemListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!model() || model()->rowCount() > 0 || m_placeholder.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     m_placeholder);
}

void ItemListView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        Q_EMIT openRequested();
        return;
    }
    if (event->key() == Qt::Key_Delete && currentIndex().isValid()) {
        Q_EMIT deleteRequested();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace tidemark::ui
