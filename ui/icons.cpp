#include "ui/icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

class ThemedIconEngine final : public QIconEngine
{
public:
    explicit ThemedIconEngine(QString name)
        : m_name(std::move(name))
    {
        QFile file(u":/tidemark/icons/actions/%1.svg"_s.arg(m_name));
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        // Through a cached pixmap at the device's pixel ratio: list rows draw the same few icons
        // over and over, and parsing the SVG each time would cost more than the row.
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor colour = colourFor(mode);
        const QString key = u"%1/%2x%3/%4/%5"_s.arg(colour.name(QColor::HexArgb)).arg(size.width())
                                .arg(size.height()).arg(scale).arg(int(mode));
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
            return *it;
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        if (!m_svg.isEmpty()) {
            QByteArray svg = m_svg;
            svg.replace("currentColor", colour.name().toLatin1());
            QSvgRenderer renderer(svg);
            QPainter painter(&pixmap);
            renderer.render(&painter, QRectF(QPointF(), QSizeF(size)));
        }
        if (m_cache.size() > 32)
            m_cache.clear();
        m_cache.insert(key, pixmap);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedIconEngine(*this); }
    QString key() const override { return u"tidemark-themed"_s; }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette palette = QApplication::palette();
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (mode == QIcon::Selected)
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_name;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache; ///< by colour, size, scale and mode: a palette switch misses it
};

} // namespace

QIcon themedIcon(const QString &name)
{
    // One icon (and so one engine with its pixmap cache) per name for the whole app; QIcon copies
    // share it. Widgets live on the GUI thread only, so no lock is needed.
    static QHash<QString, QIcon> icons;
    auto it = icons.find(name);
    if (it == icons.end())
        it = icons.insert(name, QIcon(new ThemedIconEngine(name)));
    return *it;
}

} // namespace tidemark::ui
