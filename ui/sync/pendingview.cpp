#include "ui/sync/pendingview.h"
#include "ui/logging.h"
#include "ui/appearance.h"

#include "ui/conflicts/itemwords.h"
#include "model/store.h"
#include "sync/fieldrules.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

namespace {

/// How many waiting changes the view lists; the rest are counted.
constexpr int kShownChanges = 1000;

using model::Kind;
using model::PendingChange;

// Hues mixed into the palette's own colours, so that they read on light and dark alike.
const QColor kAmber(230, 140, 30);
const QColor kRed(220, 50, 50);

/// A create carries every field the kind has; a later edit only what it changed (an edit of an
/// item the server has never seen also has base revision 0, so the revision alone cannot tell).
bool isCreate(const model::OutboxOp &op)
{
    if (op.baseRev != 0)
        return false;
    const QStringList &known = model::Fields::known(op.kind);
    return std::ranges::all_of(known, [&op](const QString &field) { return op.fields.contains(field); });
}

/// The changed fields in the catalogue's order (title before text before tags), unknown ones last.
QStringList orderedFields(const model::OutboxOp &op)
{
    QStringList fields;
    for (const QString &field : model::Fields::known(op.kind)) {
        if (op.fields.contains(field))
            fields << field;
    }
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
        if (!fields.contains(it.key()))
            fields << it.key();
    }
    return fields;
}

QString shortTime(const QLocale &locale, QTime time)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return locale.toString(time, format);
}

/// Draws an entry: its sentence, a muted detail line, and for a change that may collide a
/// "may conflict" badge beside the rules that will decide it. Heights follow the view's width.
class EntryDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {width(option), layout(option, index, width(option)).height};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

        const Layout box = layout(option, index, option.rect.width());
        const QPalette &palette = option.palette;
        const bool selected = option.state & QStyle::State_Selected;
        const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor muted = selected ? text : Appearance::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
        const auto state = PendingView::EntryState(index.data(PendingView::StateRole).toInt());
        const QString rules = index.data(PendingView::ConflictRole).toString();
        const bool refused = state == PendingView::EntryState::Refused;

        painter->save();
        painter->translate(option.rect.topLeft());
        // A stripe at the edge for what needs a look: refused (red) or may conflict (amber).
        if (refused || !rules.isEmpty()) {
            const QColor hue = refused ? kRed : kAmber;
            painter->fillRect(QRect(0, 2, 3, box.height - 4), Appearance::mix(palette.color(QPalette::Base), hue, 0.85));
        }
        painter->setFont(sentenceFont(option));
        painter->setPen(text);
        painter->drawText(box.sentence, Qt::TextWordWrap, index.data(Qt::DisplayRole).toString());
        painter->setFont(option.font);
        painter->setPen(refused && !selected ? Appearance::mix(palette.color(QPalette::Text), kRed, 0.65) : muted);
        painter->drawText(box.detail, Qt::TextWordWrap, index.data(PendingView::DetailRole).toString());
        if (!rules.isEmpty()) {
            const QColor badgeBack = selected ? Appearance::mix(palette.color(QPalette::Highlight),
                                                    palette.color(QPalette::HighlightedText), 0.25)
                                              : Appearance::mix(palette.color(QPalette::Base), kAmber, 0.35);
            painter->setPen(Qt::NoPen);
            painter->setBrush(badgeBack);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->drawRoundedRect(box.badge, box.badge.height() / 2.0, box.badge.height() / 2.0);
            painter->setFont(badgeFont(option));
            painter->setPen(text);
            painter->drawText(box.badge, Qt::AlignCenter, badgeText());
            painter->setFont(option.font);
            painter->drawText(box.rules, Qt::TextWordWrap, rules);
        }
        // A hairline between entries.
        painter->setPen(Appearance::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.12));
        painter->drawLine(kPadding, box.height - 1, option.rect.width() - kPadding, box.height - 1);
        painter->restore();
    }

    static QString badgeText() { return PendingView::tr("may conflict"); }

private:
    static constexpr int kPadding = 10;
    static constexpr int kGap = 3;

    struct Layout
    {
        QRect sentence;
        QRect detail;
        QRect badge;
        QRect rules;
        int height = 0;
    };

    static int width(const QStyleOptionViewItem &option)
    {
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        const int w = view ? view->viewport()->width() : option.rect.width();
        return w > 0 ? w : 320;
    }

    static QFont sentenceFont(const QStyleOptionViewItem &option)
    {
        QFont font = option.font;
        font.setWeight(QFont::DemiBold);
        return font;
    }

    static QFont badgeFont(const QStyleOptionViewItem &option)
    {
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.9);
        return font;
    }

    static QRect wrapped(const QFont &font, int x, int y, int width, const QString &text)
    {
        const QRect bounds = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text);
        return {x, y, width, bounds.height()};
    }

    static Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index, int totalWidth)
    {
        Layout box;
        const int inner = std::max(80, totalWidth - 2 * kPadding);
        int y = 7;
        box.sentence = wrapped(sentenceFont(option), kPadding, y, inner, index.data(Qt::DisplayRole).toString());
        y = box.sentence.bottom() + 1 + kGap;
        box.detail = wrapped(option.font, kPadding, y, inner, index.data(PendingView::DetailRole).toString());
        y = box.detail.bottom() + 1;
        const QString rules = index.data(PendingView::ConflictRole).toString();
        if (!rules.isEmpty()) {
            y += kGap + 2;
            const QFontMetrics badgeMetrics(badgeFont(option));
            box.badge = QRect(kPadding, y, badgeMetrics.horizontalAdvance(badgeText()) + 14, badgeMetrics.height() + 4);
            const int ruleX = box.badge.right() + 1 + 8;
            box.rules = wrapped(option.font, ruleX, y + 1, std::max(60, kPadding + inner - ruleX), rules);
            y = std::max(box.badge.bottom(), box.rules.bottom()) + 1;
        }
        box.height = y + 8;
        return box;
    }
};

} // namespace

PendingView::PendingView(model::Store &store, QWidget *parent)
    : QWidget(parent)
    , m_store(&store)
{
    setObjectName(u"pendingView"_s);

    m_banner = new QLabel(this);
    m_banner->setObjectName(u"syncErrorBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(8);
    m_banner->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"pendingSummary"_s);
    m_summary->setWordWrap(true);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(u"retryButton"_s);
    connect(m_retry, &QPushButton::clicked, this, &PendingView::retryRequested);
    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_retry);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"pendingList"_s);
    m_list->setItemDelegate(new EntryDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list, &QListWidget::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(EntityIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT openItem(id);
    });

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"pendingEmptyState"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_list);
    m_pages->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_pages, 1);

    m_countdown = new QTimer(this);
    m_countdown->setObjectName(u"retryCountdown"_s);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        updateDetails();
        updateCountdown();
    });
    // Every keystroke of an open editor saves and queues: read the outbox once they pause.
    m_reloadLater = new QTimer(this);
    m_reloadLater->setSingleShot(true);
    m_reloadLater->setInterval(150);
    connect(m_reloadLater, &QTimer::timeout, this, &PendingView::reload);
    connect(&store, &model::Store::outboxChanged, this, &PendingView::scheduleReload);
    connect(&store, &model::Store::entityChanged, this, &PendingView::scheduleReload);

    retranslate();
    updateColours();
    m_stale = true; // read when first shown: the window starts without reading the outbox
}

void PendingView::retranslate()
{
    m_retry->setText(tr("&Retry Now"));
    m_retry->setToolTip(tr("Try to send the waiting changes to the server now"));
    m_list->setAccessibleName(tr("Changes waiting for the server"));
    m_empty->setText(tr("Everything is sent. Changes made while offline wait here until the server has them."));
    updateBanner();
}

void PendingView::updateBanner()
{
    using State = client::SyncEngine::State;
    const bool paused = m_state == State::Paused;
    m_banner->setText(paused ? tr("Working offline: changes wait here until you turn off File → Work Offline.")
                             : tr("Last attempt failed: %1").arg(m_reason));
    m_banner->setVisible(paused || (!m_reason.isEmpty() && m_state != State::Idle && m_state != State::Syncing));
    m_banner->setProperty("calm", paused);
    updateColours();
}

PendingView::~PendingView() = default;

void PendingView::scheduleReload()
{
    if (isVisible())
        m_reloadLater->start();
    else
        m_stale = true;
}

void PendingView::reloadWhenShown()
{
    // A hidden view reads nothing: it is read when next shown.
    if (isVisible())
        reload();
    else
        m_stale = true;
}

void PendingView::reload()
{
    m_reloadLater->stop();
    m_stale = false;
    if (!m_store)
        return;
    // A screenful and more, never the whole queue: 100,000 changes made offline are counted,
    // and the first kShownChanges of them listed (the order they will be sent in).
    auto changes = m_store->pendingChanges(kShownChanges);
    const auto counts = m_store->pendingCounts();
    if (!changes) {
        qCWarning(lcUi) << "cannot read the outbox:" << changes.error().message;
        return;
    }
    m_changes = std::move(*changes);
    m_policies = m_store->conflictPolicies();

    // Entries are updated in place, not rebuilt: the outbox changes with every save, and the
    // list must not jump back to the top or lose its current entry each time. Operations only
    // leave the outbox or join it at the end, so the entries left keep their order.
    QSet<QString> opIds;
    for (const PendingChange &change : std::as_const(m_changes))
        opIds.insert(change.op.opId);
    for (int row = m_list->count() - 1; row >= 0; --row) {
        if (!opIds.contains(m_list->item(row)->data(OpIdRole).toString()))
            delete m_list->takeItem(row);
    }
    for (int row = 0; row < m_changes.size(); ++row) {
        const PendingChange &change = m_changes.at(row);
        QListWidgetItem *item = m_list->item(row);
        if (!item || item->data(OpIdRole).toString() != change.op.opId) {
            item = new QListWidgetItem;
            item->setData(OpIdRole, change.op.opId);
            m_list->insertItem(row, item);
        }
        item->setText(sentence(change));
        item->setData(EntityIdRole, change.op.entityId);
        const bool sending = change.op.inFlight && m_state == client::SyncEngine::State::Syncing;
        item->setData(StateRole, int(change.op.parked ? EntryState::Refused
                                     : sending        ? EntryState::Sending
                                                      : EntryState::Waiting));
        item->setData(DetailRole, detail(change));
        item->setData(ConflictRole, conflictRules(change));
        updateAccessibleText(item);
    }

    const int waiting = counts ? counts->waiting : int(m_changes.size());
    const int refused = counts ? counts->refused : 0;
    QString summary = waiting > 0 ? tr("%n change(s) waiting for the server", nullptr, waiting) : QString();
    if (refused > 0)
        summary += (summary.isEmpty() ? QString() : u" · "_s) + tr("%n refused", nullptr, refused);
    if (waiting + refused > m_changes.size())
        summary += u" · "_s + tr("the first %n listed, in the order they are sent", nullptr, int(m_changes.size()));
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty()); // the empty state says it better
    // Nothing waits, or sync is off by choice: no button to press.
    m_retry->setVisible(waiting > 0 && m_state != client::SyncEngine::State::Paused);
    m_pages->setCurrentWidget(m_changes.isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
    updateCountdown();
}

void PendingView::setSyncState(client::SyncEngine::State state, const QString &reason, const QDateTime &nextRetry)
{
    using State = client::SyncEngine::State;
    const bool wasPaused = m_state == State::Paused;
    m_state = state;
    m_reason = reason;
    m_nextRetry = state == State::Paused ? QDateTime() : nextRetry;
    updateBanner();
    if (wasPaused != (state == State::Paused))
        reloadWhenShown(); // the Retry button
    else
        updateDetails();
    updateCountdown();
}

void PendingView::updateDetails()
{
    for (int row = 0; row < m_list->count() && row < m_changes.size(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString text = detail(m_changes.at(row));
        if (item->data(DetailRole).toString() != text) {
            item->setData(DetailRole, text);
            updateAccessibleText(item);
        }
    }
}

void PendingView::updateAccessibleText(QListWidgetItem *item)
{
    QStringList lines{item->text(), item->data(DetailRole).toString()};
    if (const QString rules = item->data(ConflictRole).toString(); !rules.isEmpty())
        lines << EntryDelegate::badgeText() << rules;
    item->setData(Qt::AccessibleTextRole, lines.join(QLatin1Char('\n')));
}

void PendingView::updateCountdown()
{
    const bool counting = isVisible() && m_nextRetry.isValid() && QDateTime::currentDateTimeUtc() < m_nextRetry
                          && !m_changes.isEmpty();
    if (counting && !m_countdown->isActive())
        m_countdown->start();
    else if (!counting)
        m_countdown->stop();
}

void PendingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
    updateDetails();
    updateCountdown();
}

void PendingView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_countdown->stop();
}

void PendingView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColours();
    else if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reloadWhenShown(); // the entries are sentences too
    }
}

void PendingView::updateColours()
{
    // Tints of the window's own colours with its own text: readable in light and dark.
    const QPalette base = palette();
    QPalette warning = base;
    // Red for a failure; the window's own shade for working offline, which is a choice.
    const bool chosen = m_banner->property("calm").toBool();
    warning.setColor(QPalette::Window, chosen ? Appearance::mix(base.color(QPalette::Base), base.color(QPalette::Highlight), 0.12)
                                            : Appearance::mix(base.color(QPalette::Base), kRed, 0.18));
    warning.setColor(QPalette::WindowText, base.color(QPalette::Text));
    m_banner->setPalette(warning);
    QPalette calm = base;
    calm.setColor(QPalette::WindowText, Appearance::mix(base.color(QPalette::WindowText), base.color(QPalette::Window), 0.35));
    m_empty->setPalette(calm);
}

QString PendingView::sentence(const PendingChange &change) const
{
    const model::OutboxOp &op = change.op;
    const QString title = change.title.trimmed().isEmpty() ? tr("Untitled") : change.title.trimmed();
    if (isCreate(op)) {
        return op.kind == Kind::Collection ? tr("Collection “%1” created here").arg(title)
                                           : tr("“%1” created here").arg(title);
    }
    const QStringList fields = orderedFields(op);
    if (fields == QStringList{u"deleted"_s}) {
        return op.fields.value(u"deleted"_s).toBool() ? tr("“%1” moved to the Trash here").arg(title)
                                                      : tr("“%1” restored from the Trash here").arg(title);
    }
    if (fields == QStringList{u"done_at"_s}) {
        return op.fields.value(u"done_at"_s).isNull() ? tr("“%1” marked not done here").arg(title)
                                                      : tr("“%1” marked done here").arg(title);
    }
    // "Title", "Title and text", "Title, text and tags".
    const QString what = ItemWords::fieldList(op.kind, fields);
    if (!op.resolves.isEmpty())
        return tr("%1 of “%2” chosen here to settle a conflict").arg(what, title);
    return tr("%1 of “%2” changed here").arg(what, title);
}

QString PendingView::detail(const PendingChange &change) const
{
    const model::OutboxOp &op = change.op;
    const QLocale locale;
    const QDateTime made = QDateTime::fromMSecsSinceEpoch(op.createdAt).toLocalTime();
    QStringList parts;
    parts << (made.date() == QDate::currentDate()
                  ? tr("made at %1").arg(shortTime(locale, made.time()))
                  : tr("made on %1 at %2")
                        .arg(locale.toString(made.date(), QLocale::ShortFormat), shortTime(locale, made.time())));
    if (op.parked) {
        const QString reason = op.lastError.trimmed().isEmpty() ? tr("no reason given") : op.lastError.trimmed();
        parts << tr("refused by the server: %1 — it goes again, as the item then is, with your next edit of it").arg(reason);
        return parts.join(u" · "_s);
    }
    // Sent by a sync that did not finish, it waits like the rest until the next one.
    if (op.inFlight && m_state == client::SyncEngine::State::Syncing) {
        parts << tr("sending…");
        return parts.join(u" · "_s);
    }
    parts << tr("not sent yet");
    if (op.attempts > 0)
        parts << tr("%n try(s)", nullptr, op.attempts);
    if (m_nextRetry.isValid()) {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_nextRetry);
        const qint64 seconds = (ms + 999) / 1000;
        if (seconds <= 0)
            parts << tr("next try any moment");
        else if (seconds < 120)
            parts << tr("next try in %1 s").arg(seconds);
        else
            parts << tr("next try in %1 min").arg((seconds + 59) / 60);
    }
    return parts.join(u" · "_s);
}

QString PendingView::conflictRules(const PendingChange &change) const
{
    if (!change.mayConflict)
        return {};
    const model::OutboxOp &op = change.op;
    const QString kind = model::kindName(op.kind);
    QStringList lines;
    for (const QString &field : orderedFields(op)) {
        QString rule;
        switch (sync::fieldKind(kind, field)) {
        case sync::FieldKind::Text:
            rule = tr("the text is merged line by line; changes to the same lines will wait for you");
            break;
        case sync::FieldKind::Scalar:
            rule = m_policies.value(field).toString() == QLatin1String("ask") ? tr("you will be asked to choose")
                                                                               : ItemWords::rule(u"scalar-later-wins"_s);
            break;
        case sync::FieldKind::Set:
            rule = ItemWords::rule(u"tags-add-wins"_s);
            break;
        case sync::FieldKind::Tombstone:
            rule = ItemWords::rule(u"edit-beats-delete"_s);
            break;
        case sync::FieldKind::Order:
            rule = ItemWords::rule(u"order-later-wins"_s);
            break;
        }
        lines << tr("%1: %2").arg(ItemWords::fieldLabel(op.kind, field), rule);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace tidemark::ui
