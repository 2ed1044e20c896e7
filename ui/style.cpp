#include "ui/style.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleFactory>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

Style::Style()
    : QProxyStyle(QStyleFactory::create(u"Fusion"_s))
{
}

void Style::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                          const QWidget *widget) const
{
    if (element != PE_IndicatorCheckBox && element != PE_IndicatorItemViewItemCheck) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    const QPalette &palette = option->palette;
    const bool enabled = option->state & State_Enabled;
    const bool on = option->state & State_On;
    const bool partly = option->state & State_NoChange;
    const QColor text = palette.color(enabled ? QPalette::Active : QPalette::Disabled, QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = palette.color(QPalette::Highlight);
    QColor border = QColor::fromRgbF(float(text.redF() * 0.5 + base.redF() * 0.5),
                                     float(text.greenF() * 0.5 + base.greenF() * 0.5),
                                     float(text.blueF() * 0.5 + base.blueF() * 0.5));
    const int side = std::min(option->rect.width(), option->rect.height()) - 2;
    const QRectF box(option->rect.center().x() - side / 2.0 + 0.5, option->rect.center().y() - side / 2.0 + 0.5, side, side);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen((on || partly) && enabled ? accent : border, 1.2));
    painter->setBrush((on || partly) && enabled ? accent : base);
    painter->drawRoundedRect(box, 2.5, 2.5);
    if (on || partly) {
        const QColor mark = enabled ? palette.color(QPalette::HighlightedText) : text;
        painter->setPen(QPen(mark, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (partly) {
            painter->drawLine(QPointF(box.left() + 3, box.center().y()), QPointF(box.right() - 3, box.center().y()));
        } else {
            QPainterPath tick;
            tick.moveTo(box.left() + side * 0.22, box.top() + side * 0.52);
            tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72);
            tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.3);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(tick);
        }
    }
    painter->restore();
}

} // namespace tidemark::ui
