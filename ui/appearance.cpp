#include "ui/appearance.h"

#include "ui/markdownedit.h"
#include "ui/style.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QTranslator>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace tidemark::ui::Appearance {
namespace {

std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

Scheme scheme()
{
    const QString value = QSettings().value(u"appearance/scheme"_s).toString();
    if (value == u"light"_s)
        return Scheme::Light;
    if (value == u"dark"_s)
        return Scheme::Dark;
    return Scheme::System;
}

void setScheme(Scheme scheme)
{
    QSettings().setValue(u"appearance/scheme"_s, scheme == Scheme::Light ? u"light"_s
                                                 : scheme == Scheme::Dark ? u"dark"_s
                                                                          : u"system"_s);
}

QFont editorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const QString saved = QSettings().value(u"appearance/editorFont"_s).toString();
    if (!saved.isEmpty())
        font.fromString(saved);
    return font;
}

void setEditorFont(const QFont &font) { QSettings().setValue(u"appearance/editorFont"_s, font.toString()); }

QString language() { return QSettings().value(u"appearance/language"_s).toString(); }
void setLanguage(const QString &language) { QSettings().setValue(u"appearance/language"_s, language); }

QList<QPair<QString, QString>> languages()
{
    return {{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}, {u"fr"_s, QString::fromUtf8("Français")}};
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x1a, 0x66, 0xa8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Mid, QColor(0xc9, 0xcd, 0xd3));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa6, 0xae));
    p.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Shadow, QColor(0x70, 0x75, 0x7c));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x8c, 0x93, 0x9c));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1e, 0x21, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x93, 0x9e));
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x74, 0xc0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xf0));
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x59));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3e));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0b, 0x0d));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6a, 0x71, 0x7a));
    return p;
}

bool isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

void apply()
{
    // Fusion draws the same everywhere and takes a palette fully, light or dark.
    if (!qobject_cast<Style *>(QApplication::style()))
        QApplication::setStyle(new Style);
    bool dark = false;
    switch (scheme()) {
    case Scheme::Light:
        break;
    case Scheme::Dark:
        dark = true;
        break;
    case Scheme::System:
        dark = QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
        break;
    }
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    QApplication::setFont(editorFont(), MarkdownEdit::staticMetaObject.className());
}

void applyLanguage()
{
    auto &translators = installed();
    for (const auto &translator : translators)
        QCoreApplication::removeTranslator(translator.get());
    translators.clear();
    const QString chosen = language();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QLocale::setDefault(locale);
    const auto load = [&](const QString &name, const QString &dir) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(locale, name, u"_"_s, dir) && QCoreApplication::installTranslator(translator.get()))
            translators.push_back(std::move(translator));
    };
    // The source strings are English; English needs only its plural forms ("1 change").
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        load(u"tidemark"_s, u":/i18n"_s);
        if (translators.empty()) {
            auto plurals = std::make_unique<QTranslator>();
            if (plurals->load(u":/i18n/tidemark_en.qm"_s) && QCoreApplication::installTranslator(plurals.get()))
                translators.push_back(std::move(plurals));
        }
        return;
    }
    load(u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    load(u"tidemark"_s, u":/i18n"_s);
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share), float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace tidemark::ui::Appearance
