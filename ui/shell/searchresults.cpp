#include "ui/shell/searchresults.h"

#include "ui/icons.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace tidemark::ui {

void SearchResultsModel::setHits(const QList<model::SearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const model::SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return hit.title.isEmpty() ? tr("Untitled") : hit.title;
    case Qt::ToolTipRole:
        return hit.snippet;
    case IdRole:
        return hit.id;
    case KindRole:
        return model::kindName(hit.kind);
    case SnippetRole:
        return hit.snippet;
    case HighlightsRole: {
        QList<QPoint> ranges;
        for (const auto &[start, length] : hit.highlights)
            ranges << QPoint(start, length);
        return QVariant::fromValue(ranges);
    }
    default:
        return {};
    }
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {200, 2 * QFontMetrics(option.font).height() + 20};
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, option.widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int lineHeight = QFontMetrics(option.font).height();
    const QRect iconRect(option.rect.left() + 8, option.rect.top() + 8 + (lineHeight - 16) / 2, 16, 16);
    const bool isTask = index.data(SearchResultsModel::KindRole).toString() == QLatin1String("task");
    themedIcon(QLatin1StringView(isTask ? "task" : "note"))
        .paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
    const int left = iconRect.right() + 8;
    const int width = option.rect.right() - 8 - left;

    painter->save();
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(QRect(left, option.rect.top() + 8, width, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(index.data().toString(), Qt::ElideRight, width));

    // The snippet with its matches in bold on a highlight, laid out on one line.
    const QString snippet = index.data(SearchResultsModel::SnippetRole).toString();
    QList<QTextLayout::FormatRange> formats;
    for (const QPoint &range : index.data(SearchResultsModel::HighlightsRole).value<QList<QPoint>>()) {
        QTextLayout::FormatRange format;
        format.start = range.x();
        format.length = range.y();
        format.format.setFontWeight(QFont::Bold);
        if (!selected)
            format.format.setBackground(QColor(0xff, 0xd8, 0x4d, 110));
        formats << format;
    }
    QTextLayout layout(snippet, option.font);
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(width);
    layout.endLayout();
    painter->setPen(selected ? text : palette.color(QPalette::PlaceholderText));
    painter->setClipRect(QRect(left, option.rect.top(), width, option.rect.height()));
    layout.draw(painter, QPointF(left, option.rect.top() + 12 + lineHeight));
    painter->restore();
}

} // namespace tidemark::ui
