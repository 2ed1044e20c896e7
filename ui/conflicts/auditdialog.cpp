#include "ui/conflicts/auditdialog.h"

#include "model/decisions.h"
#include "model/store.h"
#include "sync/fieldrules.h"
#include "ui/conflicts/itemwords.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

namespace {

// The outcome a filter groups events by.
QString outcomeKey(const model::ConflictRecord &r)
{
    if (r.isOpen())
        return u"open"_s;
    if (r.isResolution() || r.isUndo())
        return u"chosen"_s;
    if (r.status == QLatin1String("resolved"))
        return u"resolved"_s;
    return r.outcome == QLatin1String("merged") ? u"merged"_s : u"kept"_s;
}

QStringList devicesOf(const model::ConflictRecord &r, const QString &self)
{
    QStringList ids;
    for (const QString &id : {r.mineDevice, r.theirsDevice, r.device.isEmpty() ? self : r.device}) {
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

constexpr int kIdRole = Qt::UserRole;
} // namespace

AuditDialog::AuditDialog(model::Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(u"auditDialog"_s);
    setWindowTitle(tr("Audit Trail"));
    auto *intro = new QLabel(tr("Every conflict of this account: what collided, the rule that decided it, and who "
                                "decided it when. Undoing a choice puts back what stood before it, on every device, "
                                "and the conflict it settled waits for you again."),
                             this);
    intro->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    const auto combo = [this, filters](const QString &name, const QString &label) {
        auto *box = new QComboBox(this);
        box->setObjectName(name);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        auto *text = new QLabel(label, this);
        text->setBuddy(box);
        filters->addWidget(text);
        filters->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &AuditDialog::applyFilters);
        return box;
    };
    m_item = combo(u"itemFilter"_s, tr("&Item:"));
    m_device = combo(u"deviceFilter"_s, tr("&Device:"));
    m_rule = combo(u"ruleFilter"_s, tr("&Rule:"));
    m_outcome = combo(u"outcomeFilter"_s, tr("&Outcome:"));
    filters->addStretch();

    m_table = new QTreeWidget(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setHeaderLabels({tr("When"), tr("Item"), tr("Field"), tr("Rule"), tr("Outcome"), tr("Devices")});
    m_table->header()->setStretchLastSection(true);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &AuditDialog::showDetails);

    m_details = new QLabel(this);
    m_details->setObjectName(u"auditDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMargin(8);

    // Long texts scroll rather than push the buttons away.
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setWidget(m_details);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    split->setObjectName(u"auditSplit"_s);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(detailsScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    detailsScroll->setMinimumHeight(120); // the details of a choice take a few lines

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_undo = buttons->addButton(tr("Undo This Choice"), QDialogButtonBox::ActionRole);
    m_undo->setObjectName(u"undoResolution"_s);
    connect(m_undo, &QPushButton::clicked, this, &AuditDialog::undoSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 600);
    split->setSizes({330, 220});
    const QSettings settings;
    if (const QByteArray geometry = settings.value(u"audit/geometry"_s).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(u"audit/split"_s).toByteArray(); !state.isEmpty())
        split->restoreState(state);

    if (m_store) {
        auto *later = new QTimer(this);
        later->setSingleShot(true);
        later->setInterval(0);
        connect(later, &QTimer::timeout, this, &AuditDialog::reload);
        connect(m_store, &model::Store::entityChanged, later, qOverload<>(&QTimer::start));
    }
    reload();
}

void AuditDialog::hideEvent(QHideEvent *event)
{
    QSettings settings;
    settings.setValue(u"audit/geometry"_s, saveGeometry());
    settings.setValue(u"audit/split"_s, m_split->saveState());
    QDialog::hideEvent(event);
}

void AuditDialog::setItemFilter(const QString &entityId)
{
    const int index = m_item->findData(entityId);
    m_item->setCurrentIndex(std::max(index, 0));
}

void AuditDialog::reload()
{
    if (!m_store)
        return;
    const QString keepId = selected() ? selected()->id : QString();
    const auto records = m_store->conflictRecords();
    m_records = records ? *records : QList<model::ConflictRecord>{};
    std::ranges::stable_sort(m_records, [](const auto &a, const auto &b) { return a.at > b.at; });
    const ItemWords words(m_store);

    // The filters offer what occurs, keeping the current choices.
    const auto refill = [](QComboBox *box, const QString &all, const QList<QPair<QString, QString>> &entries) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, QString());
        for (const auto &[key, text] : entries)
            box->addItem(text, key);
        box->setCurrentIndex(std::max(box->findData(current), 0));
    };
    QList<QPair<QString, QString>> items, devices, rules, outcomes;
    const auto add = [](QList<QPair<QString, QString>> &list, const QString &key, const QString &text) {
        if (std::ranges::none_of(list, [&key](const auto &e) { return e.first == key; }))
            list.append({key, text});
    };
    for (const model::ConflictRecord &r : std::as_const(m_records)) {
        add(items, r.entityId, words.itemTitle(r.entityId));
        for (const QString &device : devicesOf(r, m_store->deviceId()))
            add(devices, device, words.device(device));
        add(rules, r.rule, ItemWords::rule(r.rule));
        add(outcomes, outcomeKey(r), ItemWords::outcome(r));
    }
    refill(m_item, tr("All items"), items);
    refill(m_device, tr("All devices"), devices);
    refill(m_rule, tr("All rules"), rules);
    refill(m_outcome, tr("All outcomes"), outcomes);

    const QSignalBlocker block(m_table);
    m_table->clear();
    for (const model::ConflictRecord &r : std::as_const(m_records)) {
        QStringList names;
        for (const QString &device : devicesOf(r, m_store->deviceId()))
            names << words.device(device);
        auto *row = new QTreeWidgetItem(m_table, {ItemWords::when(r.at), words.itemTitle(r.entityId),
                                                  ItemWords::fieldLabel(r.kind, r.field), ItemWords::rule(r.rule),
                                                  ItemWords::outcome(r), names.join(u", "_s)});
        row->setData(0, kIdRole, r.id);
        if (r.id == keepId)
            m_table->setCurrentItem(row);
    }
    for (int column = 0; column < m_table->columnCount() - 1; ++column)
        m_table->resizeColumnToContents(column);
    applyFilters();
}

void AuditDialog::applyFilters()
{
    const QString item = m_item->currentData().toString();
    const QString device = m_device->currentData().toString();
    const QString rule = m_rule->currentData().toString();
    const QString outcome = m_outcome->currentData().toString();
    QTreeWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_table->topLevelItem(i);
        const auto record = std::ranges::find(m_records, row->data(0, kIdRole).toString(), &model::ConflictRecord::id);
        const bool shown = record != m_records.end() && (item.isEmpty() || record->entityId == item)
                        && (device.isEmpty() || devicesOf(*record, m_store ? m_store->deviceId() : QString()).contains(device))
                        && (rule.isEmpty() || record->rule == rule) && (outcome.isEmpty() || outcomeKey(*record) == outcome);
        row->setHidden(!shown);
        if (shown && !firstShown)
            firstShown = row;
    }
    if (!m_table->currentItem() || m_table->currentItem()->isHidden())
        m_table->setCurrentItem(firstShown);
    showDetails();
}

const model::ConflictRecord *AuditDialog::selected() const
{
    const QTreeWidgetItem *row = m_table ? m_table->currentItem() : nullptr;
    if (!row || row->isHidden())
        return nullptr;
    const auto record = std::ranges::find(m_records, row->data(0, kIdRole).toString(), &model::ConflictRecord::id);
    return record == m_records.end() ? nullptr : &*record;
}

void AuditDialog::showDetails()
{
    const model::ConflictRecord *r = selected();
    m_undo->setEnabled(false);
    if (!r || !m_store) {
        m_details->setText(m_records.isEmpty() ? tr("No conflicts yet: your devices have always agreed.")
                                               : tr("Select an event to see both values."));
        return;
    }
    const ItemWords words(m_store);
    const auto line = [](const QString &label, const QString &text) {
        return u"<b>%1</b> %2<br>"_s.arg(label.toHtmlEscaped(), text.toHtmlEscaped());
    };
    // A text is shown whole (up to a screenful), not by its first line.
    const bool isText = sync::fieldKind(model::kindName(r->kind), r->field) == sync::FieldKind::Text;
    const auto valueLine = [&](const QString &label, const QJsonValue &v) {
        if (!isText || !v.isString())
            return line(label, words.value(r->field, v));
        QStringList lines = v.toString().split(QLatin1Char('\n'));
        if (lines.size() > 15) {
            lines = lines.mid(0, 15);
            lines << u"…"_s;
        }
        return u"<b>%1</b><pre style=\"margin: 2px 0 8px 16px\">%2</pre>"_s
            .arg(label.toHtmlEscaped(), lines.join(QLatin1Char('\n')).toHtmlEscaped());
    };
    QString html = u"<p>%1</p><p>"_s.arg(words.sentence(*r).toHtmlEscaped());
    if (r->isResolution() || r->isUndo()) {
        html += valueLine(r->isUndo() ? tr("Put back:") : tr("Chosen:"), ItemWords::chosen(*r));
        html += valueLine(tr("Replaced:"), ItemWords::chosen(*r) == r->mine ? r->theirs : r->mine);
        html += line(tr("Chosen on:"), tr("%1 at %2").arg(words.chooser(*r), ItemWords::when(r->at)));
        const auto settled = std::ranges::find(m_records, r->settles, &model::ConflictRecord::id);
        if (settled != m_records.end())
            html += line(r->isUndo() ? tr("It undid:") : tr("It settled:"), words.sentence(*settled));
    } else {
        html += valueLine(tr("Mine (%1):").arg(words.mineSide(*r)), r->mine);
        html += valueLine(tr("Theirs (%1):").arg(words.theirsSide(*r)), r->theirs);
        html += r->base.isUndefined() ? line(tr("Base:"), tr("not known")) : valueLine(tr("Base:"), r->base);
    }
    html += line(tr("Rule:"), u"%1 (%2)"_s.arg(ItemWords::rule(r->rule), r->rule));
    if (!r->isResolution() && !r->isUndo()) {
        // Who decided: the rule when the server met both sides, or a person later.
        QString decided = r->isOpen() ? tr("nobody yet: waiting for you")
                                      : tr("the rule, when the server met both sides at %1").arg(ItemWords::when(r->at));
        for (const model::ConflictRecord &o : std::as_const(m_records)) {
            if (o.isResolution() && !o.isUndone() && o.settles == r->id) { // newest first: the choice that stands
                decided = tr("%1 at %2, keeping %3").arg(words.chooser(o), ItemWords::when(o.at),
                                                         words.value(o.field, ItemWords::chosen(o)));
                break;
            }
        }
        html += line(tr("Decided by:"), decided);
    }
    html += u"</p>"_s;
    const model::Decisions decisions(*m_store);
    const auto action = decisions.actionFor(*r);
    const auto puts = action == model::Decisions::Action::Undo ? decisions.undoPreview(*r).value_or(QJsonValue())
                                                                : decisions.otherValue(*r).value_or(QJsonValue());
    m_undo->setText(action == model::Decisions::Action::UseOtherValue ? tr("Use the Other Value") : tr("Undo This Choice"));
    if (action == model::Decisions::Action::Undo || action == model::Decisions::Action::UseOtherValue) {
        m_undo->setEnabled(true);
        m_undo->setToolTip(tr("Put back %1 as the %2, on every device").arg(words.value(r->field, puts),
                                                                          ItemWords::fieldWord(r->kind, r->field)));
    } else if (r->isUndone()) {
        html += u"<p><i>%1</i></p>"_s.arg(tr("This choice was undone: the conflict it settled was back as it was.").toHtmlEscaped());
    } else if (r->isUndo()) {
        html += u"<p><i>%1</i></p>"_s.arg(tr("An undo is not undone: decide the conflict again instead.").toHtmlEscaped());
    } else if (!r->isOpen()) {
        html += u"<p><i>%1</i></p>"_s
                    .arg(tr("This cannot be undone in one step: the %1 changed since. Open the item's history to bring back a "
                            "version.")
                             .arg(ItemWords::fieldWord(r->kind, r->field))
                             .toHtmlEscaped());
    }
    m_details->setText(html);
}

void AuditDialog::undoSelected()
{
    const model::ConflictRecord *r = selected();
    if (!r || !m_store)
        return;
    model::Decisions decisions(*m_store);
    model::Result<model::Entity> done = std::unexpected(model::Error::invalid(tr("Nothing to undo here.")));
    if (decisions.actionFor(*r) == model::Decisions::Action::Undo)
        done = decisions.undo(r->id);
    else if (const auto other = decisions.otherValue(*r))
        done = decisions.decide({{r->id, *other}});
    if (!done)
        QMessageBox::warning(this, tr("Cannot Undo"), done.error().message);
    reload();
}

} // namespace tidemark::ui
