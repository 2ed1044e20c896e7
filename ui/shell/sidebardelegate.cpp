#include "ui/shell/sidebardelegate.h"

#include "ui/shell/sidebarmodel.h"

#include <QApplication>
#include <QPainter>

namespace tidemark::ui {

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int height = QFontMetrics(option.font).height();
    if (index.data(SidebarModel::SectionRole).toBool())
        return {120, height + (index.row() == 0 ? 8 : 16)};
    return {120, height + 10};
}

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (index.data(SidebarModel::SectionRole).toBool()) {
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.82);
        font.setBold(true);
        font.setCapitalization(QFont::AllUppercase);
        font.setLetterSpacing(QFont::PercentageSpacing, 106);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(4, 0, -4, -3), Qt::AlignLeft | Qt::AlignBottom, index.data().toString());
        painter->restore();
        return;
    }

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QIcon icon = opt.icon;
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, option.widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QColor fg = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QRect r = option.rect.adjusted(4, 0, -8, 0);
    const QRect iconRect(r.left(), r.center().y() - 8, 16, 16);
    const QString colour = index.data(SidebarModel::ColorRole).toString();
    if (!colour.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(colour));
        painter->drawEllipse(QRectF(iconRect).adjusted(3, 3, -3, -3));
    } else {
        icon.paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
    }
    r.setLeft(iconRect.right() + 8);

    const int count = index.data(SidebarModel::CountRole).toInt();
    const int alert = index.data(SidebarModel::AlertRole).toInt();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.86);
    const QFontMetrics smallMetrics(small);
    if (count > 0) {
        const QString label = alert > 0 && alert != count ? tr("%1 · %2 late").arg(count).arg(alert) : QString::number(count);
        const int width = smallMetrics.horizontalAdvance(label) + 12;
        const QRect badge(r.right() - width, r.center().y() - smallMetrics.height() / 2 - 1, width,
                          smallMetrics.height() + 2);
        painter->setFont(small);
        if (alert > 0) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xc8, 0x3a, 0x3a));
            painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
            painter->setPen(Qt::white);
        } else {
            painter->setPen(selected ? fg : palette.color(QPalette::PlaceholderText));
        }
        painter->drawText(badge, Qt::AlignCenter, label);
        r.setRight(badge.left() - 6);
    }
    painter->setFont(option.font);
    painter->setPen(fg);
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(option.font).elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();
}

} // namespace tidemark::ui
