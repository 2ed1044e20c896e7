#pragma once

#include <QFont>
#include <QColor>
#include <QPalette>
#include <QString>

namespace tidemark::ui {

/// How the app looks and which language it speaks, from the settings (QSettings): the colour
/// scheme (follow the system, light or dark), the editor's font, and the language (the system's,
/// or one chosen). Applied once at start and again whenever the settings change.
namespace Appearance {

enum class Scheme { System, Light, Dark };

[[nodiscard]] Scheme scheme();
void setScheme(Scheme scheme);
[[nodiscard]] QFont editorFont();
void setEditorFont(const QFont &font);
/// "" for the system's language, else "en", "de", "fr".
[[nodiscard]] QString language();
void setLanguage(const QString &language);
/// The languages there are translations for, as (code, name in that language).
[[nodiscard]] QList<QPair<QString, QString>> languages();

[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
/// Whether the palette in use is a dark one.
[[nodiscard]] bool isDark();
/// `a` with `share` (0 to 1) of `b` mixed in: a hue laid over the palette's own colour reads on
/// light and dark alike.
[[nodiscard]] QColor mix(const QColor &a, const QColor &b, double share);

/// Sets the style, palette and editor font from the settings.
void apply();
/// Installs the translations for the language in the settings (replacing any before). Widgets
/// then receive a LanguageChange event.
void applyLanguage();

} // namespace Appearance
} // namespace tidemark::ui
