#pragma once

#include <QProxyStyle>

namespace tidemark::ui {

/// Fusion, with check boxes drawn in colours taken from the palette's text and base, so that they
/// stay visible in a dark palette (Fusion outlines them with a darker shade of the window colour,
/// which vanishes on a dark window).
class Style final : public QProxyStyle
{
    Q_OBJECT

public:
    Style();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace tidemark::ui
