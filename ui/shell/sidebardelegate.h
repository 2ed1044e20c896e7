#pragma once

#include <QStyledItemDelegate>

namespace tidemark::ui {

/// Draws the sidebar: section headings in small capitals, entries with their icon, a collection's
/// colour dot, and the count at the right (red when some of it needs attention: overdue tasks,
/// open conflicts).
class SidebarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tidemark::ui
