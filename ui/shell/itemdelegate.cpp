#include "ui/shell/itemdelegate.h"
#include "ui/appearance.h"

#include "ui/icons.h"
#include "model/itemlistmodel.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

using model::ItemListModel;

constexpr int kPadding = 8;
constexpr int kMarkSize = 16;

QColor priorityColour(int priority, const QPalette &palette)
{
    switch (priority) {
    case 3:
        return QColor(0xd9, 0x3f, 0x3f);
    case 2:
        return QColor(0xe0, 0x8a, 0x1e);
    case 1:
        return QColor(0x3b, 0x82, 0xd6);
    default:
        return palette.color(QPalette::PlaceholderText);
    }
}

// A locale's short time without seconds ("C" would give "17:30:00").
QString shortTime(const QLocale &locale, QTime time)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return locale.toString(time, format);
}


// A rounded badge with text; returns its width.
int drawBadge(QPainter *painter, QPoint topLeft, int height, const QString &text, const QColor &fg, const QColor &bg,
              const QFont &font)
{
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 10;
    const QRect rect(topLeft, QSize(width, height));
    painter->setPen(Qt::NoPen);
    painter->setBrush(bg);
    painter->drawRoundedRect(rect, height / 2.0, height / 2.0);
    painter->setPen(fg);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text);
    return width;
}

} // namespace

ItemDelegate::ItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize ItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {200, 2 * metrics.height() + 3 * kPadding};
}

QRect ItemDelegate::checkBoxRect(const QStyleOptionViewItem &option)
{
    const QFontMetrics metrics(option.font);
    const int y = option.rect.top() + kPadding + (metrics.height() - kMarkSize) / 2;
    return {option.rect.left() + kPadding, y, kMarkSize, kMarkSize};
}

QString ItemDelegate::dueText(const QDateTime &due, bool hasTime)
{
    const QLocale locale;
    const QDate today = QDate::currentDate();
    const QDate date = due.date();
    const QString time = hasTime ? QLatin1Char(' ') + shortTime(locale, due.time()) : QString();
    if (date == today)
        return tr("Today") + time;
    if (date == today.addDays(1))
        return tr("Tomorrow") + time;
    if (date == today.addDays(-1))
        return tr("Yesterday") + time;
    if (date > today && date < today.addDays(7))
        return locale.toString(date, u"ddd"_s) + time;
    return locale.toString(date, date.year() == today.year() ? u"d MMM"_s : u"d MMM yyyy"_s) + time;
}

QString ItemDelegate::updatedText(const QDateTime &updated)
{
    const QLocale locale;
    const QDate today = QDate::currentDate();
    if (updated.date() == today)
        return shortTime(locale, updated.time());
    if (updated.date() > today.addDays(-7))
        return locale.toString(updated.date(), u"ddd"_s);
    return locale.toString(updated.date(), updated.date().year() == today.year() ? u"d MMM"_s
                                                                                  : u"d MMM yyyy"_s);
}

void ItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? text : Appearance::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);

    const bool isTask = index.data(ItemListModel::KindRole).toString() == QLatin1String("task");
    const bool done = index.data(ItemListModel::DoneRole).toBool();
    const int priority = index.data(ItemListModel::PriorityRole).toInt();
    QString title = index.data(Qt::DisplayRole).toString();
    if (title.isEmpty())
        title = tr("Untitled");

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(option.font);
    const int lineHeight = metrics.height();
    const QRect mark = checkBoxRect(option);
    if (isTask) {
        const QColor ring = priority > 0 ? priorityColour(priority, palette) : muted;
        painter->setPen(QPen(ring, 1.6));
        if (done)
            painter->setBrush(ring);
        else if (priority > 0)
            painter->setBrush(QColor(ring.red(), ring.green(), ring.blue(), 40));
        else
            painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QRectF(mark).adjusted(1, 1, -1, -1));
        if (done) {
            QPainterPath tick;
            tick.moveTo(mark.left() + 4.5, mark.center().y() + 0.5);
            tick.lineTo(mark.left() + 7, mark.center().y() + 3);
            tick.lineTo(mark.right() - 3.5, mark.top() + 5);
            painter->setPen(QPen(palette.color(QPalette::Base), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(tick);
        }
    } else {
        themedIcon(u"note"_s).paint(painter, mark, Qt::AlignCenter,
                                                 selected ? QIcon::Selected : QIcon::Normal);
    }

    const int left = mark.right() + kPadding;
    const int right = option.rect.right() - kPadding;
    const int top1 = option.rect.top() + kPadding;
    const int top2 = top1 + lineHeight + kPadding / 2;

    // Line 1: title, and when it changed at the right.
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics smallMetrics(small);
    const QString when = updatedText(index.data(ItemListModel::UpdatedAtRole).toDateTime());
    const int whenWidth = smallMetrics.horizontalAdvance(when);
    painter->setFont(small);
    painter->setPen(muted);
    painter->drawText(QRect(right - whenWidth, top1, whenWidth, lineHeight), Qt::AlignRight | Qt::AlignVCenter, when);

    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    titleFont.setStrikeOut(done);
    painter->setFont(titleFont);
    painter->setPen(done ? muted : text);
    int titleRight = right - whenWidth - kPadding;
    if (index.data(ItemListModel::PinnedRole).toBool()) {
        const QRect pin(titleRight - 14, top1 + (lineHeight - 14) / 2, 14, 14);
        themedIcon(u"pin"_s).paint(painter, pin, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
        titleRight -= 18;
    }
    const QFontMetrics titleMetrics(titleFont);
    painter->drawText(QRect(left, top1, titleRight - left, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, titleRight - left));

    // Line 2: markers at the right, then due badge, tags and snippet from the left.
    int x = left;
    int line2Right = right;
    const int badgeHeight = smallMetrics.height() + 2;
    const int badgeTop = top2 + (lineHeight - badgeHeight) / 2;
    const auto marker = [&](const char *icon) {
        const QRect r(line2Right - 14, top2 + (lineHeight - 14) / 2, 14, 14);
        themedIcon(QLatin1StringView(icon)).paint(painter, r, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
        line2Right -= 18;
    };
    if (index.data(ItemListModel::ConflictRole).toBool())
        marker("conflict");
    if (m_showPending && index.data(ItemListModel::PendingRole).toBool())
        marker("pending");

    const QDateTime due = index.data(ItemListModel::DueAtRole).toDateTime();
    if (due.isValid() && isTask) {
        const bool hasTime = index.data(ItemListModel::DueRole).toString().contains(QLatin1Char('T'));
        const QDateTime now = QDateTime::currentDateTime();
        const bool overdue = !done && (hasTime ? due < now : due.date() < now.date());
        const bool today = due.date() == now.date();
        QColor fg = muted;
        QColor bg = Appearance::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08);
        if (overdue) {
            fg = QColor(0xff, 0xff, 0xff);
            bg = QColor(0xc8, 0x3a, 0x3a);
        } else if (today) {
            fg = palette.color(QPalette::HighlightedText);
            bg = palette.color(QPalette::Highlight);
        }
        if (selected && !overdue) {
            fg = text;
            bg = Appearance::mix(palette.color(QPalette::Highlight), palette.color(QPalette::HighlightedText), 0.2);
        }
        x += drawBadge(painter, {x, badgeTop}, badgeHeight, dueText(due, hasTime), fg, bg, small) + 6;
    }
    painter->setFont(small);
    if (isTask && priority > 0 && !done) {
        const QString bangs(priority, QLatin1Char('!'));
        painter->setPen(selected ? text : priorityColour(priority, palette));
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
        const int w = QFontMetrics(bold).horizontalAdvance(bangs);
        painter->drawText(QRect(x, top2, w, lineHeight), Qt::AlignVCenter, bangs);
        x += w + 6;
        painter->setFont(small);
    }
    // A parent's progress through its subtasks ("1/3"), and a subtask's parent ("↳ Trip").
    const QPoint subtasks = index.data(ItemListModel::SubtasksRole).toPoint();
    if (isTask && subtasks.y() > 0) {
        const QColor bg = selected ? Appearance::mix(palette.color(QPalette::Highlight), palette.color(QPalette::HighlightedText), 0.2)
                                   : Appearance::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08);
        x += drawBadge(painter, {x, badgeTop}, badgeHeight,
                       tr("%1/%2", "subtasks done of all").arg(subtasks.x()).arg(subtasks.y()), selected ? text : muted,
                       bg, small) + 6;
        painter->setFont(small);
    }
    if (const QVariant parent = index.data(ItemListModel::ParentTitleRole); parent.isValid()) {
        const QString name = parent.toString().trimmed().isEmpty() ? tr("Untitled") : parent.toString().trimmed();
        const QString label = smallMetrics.elidedText(tr("↳ %1", "a subtask's parent task").arg(name), Qt::ElideRight,
                                                      std::max(0, (line2Right - x) / 2));
        const int w = smallMetrics.horizontalAdvance(label);
        painter->setPen(muted);
        painter->drawText(QRect(x, top2, w, lineHeight), Qt::AlignVCenter, label);
        x += w + 6;
    }
    const QStringList tags = index.data(ItemListModel::TagsRole).toStringList();
    painter->setPen(selected ? text : palette.color(QPalette::Link));
    for (const QString &tag : tags) {
        const QString label = QLatin1Char('#') + tag;
        const int w = smallMetrics.horizontalAdvance(label);
        if (x + w > line2Right)
            break;
        painter->drawText(QRect(x, top2, w, lineHeight), Qt::AlignVCenter, label);
        x += w + 6;
    }
    const QString snippet = index.data(ItemListModel::SnippetRole).toString();
    if (!snippet.isEmpty() && x < line2Right - 20) {
        painter->setPen(muted);
        painter->drawText(QRect(x, top2, line2Right - x, lineHeight), Qt::AlignVCenter,
                          smallMetrics.elidedText(snippet, Qt::ElideRight, line2Right - x));
    }
    painter->restore();
}

bool ItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease
        && index.data(ItemListModel::KindRole).toString() == QLatin1String("task")) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && checkBoxRect(option).adjusted(-4, -4, 4, 4).contains(mouse->position().toPoint())) {
            Q_EMIT toggleDoneRequested(index.data(ItemListModel::IdRole).toString());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace tidemark::ui
