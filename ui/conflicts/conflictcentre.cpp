#include "ui/conflicts/conflictcentre.h"

#include "model/decisions.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/conflicts/conflictresolver.h"
#include "ui/conflicts/itemwords.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

namespace {

QLabel *heading(const QString &text, QWidget *parent, qreal scale = 1.0)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}
} // namespace

ConflictCentre::ConflictCentre(model::Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(u"conflictCentre"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *top = new QHBoxLayout;
    top->addWidget(heading(tr("Conflicts"), this, 1.4));
    top->addStretch();
    auto *audit = new QPushButton(tr("Audit Trail…"), this);
    audit->setObjectName(u"auditButton"_s);
    audit->setToolTip(tr("Every conflict of the account, with both values and how each was settled"));
    connect(audit, &QPushButton::clicked, this, &ConflictCentre::showAudit);
    top->addWidget(audit);
    layout->addLayout(top);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"conflictSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_list = new QWidget(scroll);
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(0, 8, 0, 0);
    m_listLayout->setSpacing(8);
    scroll->setWidget(m_list);
    layout->addWidget(scroll, 1);

    // Many changes arrive at once after a sync: one reload for all of them.
    m_reload.setSingleShot(true);
    m_reload.setInterval(0);
    connect(&m_reload, &QTimer::timeout, this, &ConflictCentre::reload);
    if (m_store) {
        connect(m_store, &model::Store::entityChanged, &m_reload, qOverload<>(&QTimer::start));
        connect(m_store, &model::Store::outboxChanged, &m_reload, qOverload<>(&QTimer::start));
    }
    reload();
}

void ConflictCentre::showEvent(QShowEvent *event)
{
    if (std::exchange(m_stale, false))
        reload();
    QWidget::showEvent(event);
}

void ConflictCentre::changeEvent(QEvent *event)
{
    // The cards' tints are mixed from the palette: a new colour scheme or language draws them anew.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        m_reload.start();
    QWidget::changeEvent(event);
}

QList<QWidget *> ConflictCentre::cards() const
{
    return m_list->findChildren<QWidget *>(u"conflictCard"_s, Qt::FindDirectChildrenOnly);
}

void ConflictCentre::reload()
{
    // Hidden, it only notes that the store changed (every save would rebuild it otherwise).
    if (!isVisible() && parentWidget()) {
        m_stale = true;
        return;
    }
    // Later, not now: this may run while one of the cards' buttons is still being clicked (a
    // dialog it opened let a sync in).
    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setObjectName(QString());
            widget->deleteLater();
        }
        delete item;
    }
    if (!m_store)
        return;
    const auto records = m_store->conflictRecords();
    if (!records) {
        m_summary->setText(tr("Could not read the conflicts: %1").arg(records.error().message));
        return;
    }
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - kRecentMs;
    QList<model::ConflictRecord> open;
    QList<model::ConflictRecord> recent;
    // Rules that decide without anything to see (a concurrent move, tags from both sides kept)
    // stay out of the centre; the audit trail has them.
    static const QStringList quiet{u"order-later-wins"_s, u"tags-add-wins"_s};
    for (const model::ConflictRecord &r : std::as_const(*records)) {
        if (quiet.contains(r.rule))
            continue;
        if (r.isOpen())
            open.append(r);
        else if (r.at == 0 || r.at >= since)
            recent.append(r);
    }
    if (open.isEmpty() && recent.isEmpty()) {
        m_summary->setText(tr("No conflicts: your devices agree. When two devices change the same thing while apart, "
                              "it shows here, with what decided it."));
    } else {
        m_summary->setText(tr("%n waiting for you", nullptr, int(open.size())) + u" · "_s
                           + tr("%n settled in the last 30 days", nullptr, int(recent.size())));
    }
    if (!open.isEmpty()) {
        m_listLayout->addWidget(heading(tr("Waiting for you"), m_list));
        for (const model::ConflictRecord &r : std::as_const(open))
            m_listLayout->addWidget(card(r, true));
    }
    if (!recent.isEmpty()) {
        m_listLayout->addWidget(heading(tr("Settled in the last 30 days"), m_list));
        for (const model::ConflictRecord &r : std::as_const(recent))
            m_listLayout->addWidget(card(r, false));
    }
    m_listLayout->addStretch(1);
}

QWidget *ConflictCentre::card(const model::ConflictRecord &record, bool open)
{
    const ItemWords words(m_store);
    auto *frame = new QFrame(m_list);
    frame->setObjectName(u"conflictCard"_s);
    frame->setProperty("conflictId", record.id);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette palette = frame->palette();
    // Open conflicts stand out a little (the highlight colour, faint); decided ones stay calm.
    const QColor base = palette.color(QPalette::Base);
    QColor tint = open ? palette.color(QPalette::Highlight) : palette.color(QPalette::AlternateBase);
    tint = Appearance::mix(base, tint, 0.15);
    palette.setColor(QPalette::Window, tint);
    frame->setPalette(palette);

    auto *layout = new QVBoxLayout(frame);
    auto *sentence = new QLabel(words.sentence(record), frame);
    sentence->setObjectName(u"sentence"_s);
    sentence->setTextFormat(Qt::PlainText);
    sentence->setWordWrap(true);
    layout->addWidget(sentence);
    auto *rule = new QLabel(tr("Rule: %1 · %2").arg(ItemWords::rule(record.rule), ItemWords::outcome(record)), frame);
    rule->setObjectName(u"rule"_s);
    rule->setTextFormat(Qt::PlainText);
    rule->setWordWrap(true);
    rule->setEnabled(false); // the secondary text colour
    layout->addWidget(rule);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    const auto button = [frame, buttons](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, frame);
        b->setObjectName(name);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    const QString entityId = record.entityId;
    if (m_store->entity(entityId)) {
        connect(button(u"openButton"_s, tr("Open"), tr("Show the item")), &QPushButton::clicked, this,
                [this, entityId] { Q_EMIT openItem(entityId); });
    }
    if (open) {
        connect(button(u"resolveButton"_s, tr("Resolve…"), tr("Compare both versions and choose")), &QPushButton::clicked,
                this, [this, entityId] { resolve(entityId); });
    } else {
        const model::Decisions decisions(*m_store);
        const auto action = decisions.actionFor(record);
        const auto other = action == model::Decisions::Action::Undo ? decisions.undoPreview(record).value_or(QJsonValue())
                                                                     : decisions.otherValue(record).value_or(QJsonValue());
        const QString tip = tr("Put back %1 as the %2, on every device").arg(words.value(record.field, other),
                                                                          ItemWords::fieldWord(record.kind, record.field));
        if (action == model::Decisions::Action::Undo) {
            connect(button(u"undoButton"_s, tr("Undo"), tip + QLatin1Char('\n') + tr("The conflict it settled waits for you again.")),
                    &QPushButton::clicked, this, [this, record] { undo(record); });
        } else if (action == model::Decisions::Action::UseOtherValue) {
            connect(button(u"useOtherButton"_s, tr("Use the Other Value"), tip), &QPushButton::clicked, this,
                    [this, record] { useOtherValue(record); });
        }
    }
    layout->addLayout(buttons);
    return frame;
}

void ConflictCentre::resolve(const QString &entityId)
{
    if (!m_store)
        return;
    QString error;
    const auto outcome = ConflictResolver::run(*m_store, entityId, window(), &error);
    if (outcome == ConflictResolver::Outcome::Failed)
        Q_EMIT failed(error);
    m_reload.start();
}

void ConflictCentre::undo(const model::ConflictRecord &record)
{
    if (!m_store)
        return;
    if (auto undone = model::Decisions(*m_store).undo(record.id); !undone)
        Q_EMIT failed(undone.error().message);
    m_reload.start();
}

void ConflictCentre::useOtherValue(const model::ConflictRecord &record)
{
    if (!m_store)
        return;
    model::Decisions decisions(*m_store);
    const auto other = decisions.otherValue(record);
    if (!other)
        return;
    if (auto decided = decisions.decide({{record.id, *other}}); !decided)
        Q_EMIT failed(decided.error().message);
    m_reload.start();
}

} // namespace tidemark::ui
