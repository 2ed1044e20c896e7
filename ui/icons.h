#pragma once

#include <QIcon>
#include <QString>

namespace tidemark::ui {

/// An action icon from resources/icons/actions/NAME.svg, drawn in the palette's text colour at
/// whatever size and pixel ratio it is shown, so that it stays sharp at 200 % and follows a switch
/// between light and dark. The SVGs draw with `currentColor`.
QIcon themedIcon(const QString &name);

} // namespace tidemark::ui
