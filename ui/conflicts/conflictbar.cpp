#include "ui/conflicts/conflictbar.h"

#include "ui/appearance.h"
#include "model/store.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tidemark::ui {

using namespace Qt::StringLiterals;

ConflictBar::ConflictBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"conflictBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    auto *resolve = new QPushButton(tr("Resolve…"), this);
    resolve->setObjectName(u"resolveConflict"_s);
    connect(resolve, &QPushButton::clicked, this, &ConflictBar::resolveRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(resolve);
    updateColours();
    hide();
}

bool ConflictBar::follow(const model::Store *store, const QString &entityId, const QStringList &textFields,
                         const QString &sentence)
{
    m_conflictId.clear();
    const auto records = store && !entityId.isEmpty() ? store->conflictRecords(true)
                                                      : model::Result<QList<model::ConflictRecord>>{};
    if (records) {
        for (const model::ConflictRecord &record : *records) {
            if (record.entityId != entityId)
                continue;
            const bool text = record.mine.isString() && record.theirs.isString();
            if (textFields.isEmpty() || (text && textFields.contains(record.field))) {
                m_conflictId = record.id;
                break;
            }
        }
    }
    m_text->setText(sentence);
    setVisible(!m_conflictId.isEmpty());
    return !m_conflictId.isEmpty();
}

void ConflictBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColours();
}

void ConflictBar::updateColours()
{
    // An amber tint of the editor's own background, with its own text colour: readable in light
    // and dark, and recomputed when the palette changes.
    QPalette warm = palette();
    warm.setColor(QPalette::Window, Appearance::mix(warm.color(QPalette::Base), QColor(230, 140, 30), 0.2));
    warm.setColor(QPalette::WindowText, warm.color(QPalette::Text));
    // Setting the palette is itself a palette change: only when it differs.
    if (warm.color(QPalette::Window) != palette().color(QPalette::Window)
        || warm.color(QPalette::WindowText) != palette().color(QPalette::WindowText))
        setPalette(warm);
}

} // namespace tidemark::ui
