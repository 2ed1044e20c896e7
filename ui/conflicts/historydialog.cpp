#include "ui/conflicts/historydialog.h"
#include "ui/appearance.h"

#include "ui/conflicts/historydiff.h"
#include "ui/icons.h"
#include "ui/conflicts/itemwords.h"
#include "client/accountfile.h"
#include "model/store.h"
#include "sync/mergedocument.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

using Internal::DiffWriter;

namespace {

constexpr int KeyRole = Qt::UserRole;          ///< "v3" or "c" + a conflict event's id
constexpr int VersionRole = Qt::UserRole + 1;  ///< the version; 0 on conflict rows
constexpr int ConflictRole = Qt::UserRole + 2; ///< a conflict event's row

const QString kModeKey = u"history/diffMode"_s;
const QColor kAmber(230, 140, 30);

bool isTextField(const QString &field)
{
    return field == QLatin1String("title") || field == QLatin1String("body") || field == QLatin1String("notes")
        || field == QLatin1String("name");
}

/// A text as the diff compares it: line breaks as '\n', and a last line break (a note typed in
/// the editor rarely ends with one; that is nothing a person sees change).
QString diffable(const QJsonValue &value)
{
    QString text = sync::normalizedLineBreaks(value.toString());
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

/// A timeline row: the first line of its text as a headline, the rest smaller and muted, both
/// wrapped to the list's width; an icon on the left.
class TimelineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // From the model: the option's text has its line breaks turned into line separators.
        const QString text = index.data(Qt::DisplayRole).toString();
        const QIcon icon = opt.icon;
        opt.text.clear();
        opt.icon = QIcon();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const Layout layout = layoutOf(opt, text);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette &palette = opt.palette;
        const QColor ink = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        painter->save();
        icon.paint(painter, layout.icon, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
        painter->setPen(ink);
        painter->setFont(layout.headlineFont);
        painter->drawText(layout.headline, Qt::TextWordWrap, layout.headlineText);
        painter->setFont(layout.detailsFont);
        painter->setPen(Appearance::mix(ink, palette.color(selected ? QPalette::Highlight : QPalette::Base), 0.3));
        painter->drawText(layout.details, Qt::TextWordWrap, layout.detailsText);
        // A hairline between rows, so that two tinted ones do not run together.
        painter->setPen(Appearance::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.12));
        painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const auto *view = qobject_cast<const QAbstractItemView *>(opt.widget);
        const int width = view && view->viewport()->width() > 100 ? view->viewport()->width() : 300;
        opt.rect = QRect(0, 0, width, 10000);
        const Layout layout = layoutOf(opt, index.data(Qt::DisplayRole).toString());
        return {width, layout.details.bottom() + kPadding};
    }

private:
    static constexpr int kPadding = 6;
    static constexpr int kIcon = 20;

    struct Layout
    {
        QRect icon;
        QRect headline;
        QRect details;
        QString headlineText;
        QString detailsText;
        QFont headlineFont;
        QFont detailsFont;
    };

    static Layout layoutOf(const QStyleOptionViewItem &opt, const QString &text)
    {
        Layout l;
        const qsizetype split = text.indexOf(QLatin1Char('\n'));
        l.headlineText = split < 0 ? text : text.left(split);
        l.detailsText = split < 0 ? QString() : text.mid(split + 1);
        l.headlineFont = opt.font;
        l.headlineFont.setWeight(QFont::DemiBold);
        l.detailsFont = opt.font;
        l.detailsFont.setWeight(QFont::Normal);
        l.detailsFont.setPointSizeF(opt.font.pointSizeF() * 0.92);
        const QRect r = opt.rect;
        l.icon = QRect(r.left() + kPadding, r.top() + kPadding, kIcon, kIcon);
        const int left = l.icon.right() + 1 + kPadding + 2;
        const int width = std::max(40, r.right() - kPadding - left);
        const QRect headline = QFontMetrics(l.headlineFont)
                                   .boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, l.headlineText);
        l.headline = QRect(left, r.top() + kPadding, width, headline.height());
        const QRect details = QFontMetrics(l.detailsFont).boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, l.detailsText);
        l.details = QRect(left, l.headline.bottom() + 3, width, l.detailsText.isEmpty() ? 0 : details.height());
        return l;
    }
};

} // namespace

HistoryDialog::HistoryDialog(model::Store &store, const QString &itemId, QWidget *parent)
    : QDialog(parent)
    , m_store(&store)
    , m_itemId(itemId)
{
    setObjectName(u"historyDialog"_s);
    // The account's name only, read from the file: the keychain (the token) is not needed here,
    // and asking it would wait on the UI thread.
    if (QFile file(client::AccountFile::path(store.path())); file.open(QIODevice::ReadOnly))
        m_user = QJsonDocument::fromJson(file.readAll()).object().value(u"user"_s).toString();

    m_heading = new QLabel(this);
    m_heading->setObjectName(u"heading"_s);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);

    m_timeline = new QListWidget(this);
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setAccessibleName(tr("Versions and conflicts, newest first"));
    m_timeline->setItemDelegate(new TimelineDelegate(m_timeline));
    m_timeline->setResizeMode(QListView::Adjust);
    m_timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timeline->setIconSize(QSize(20, 20));
    m_timeline->setMinimumWidth(260);

    m_caption = new QLabel(this);
    m_caption->setObjectName(u"diffCaption"_s);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    auto *sideBySide = new QPushButton(tr("Side by Side"), this);
    sideBySide->setObjectName(u"sideBySideButton"_s);
    auto *unified = new QPushButton(tr("Unified"), this);
    unified->setObjectName(u"unifiedButton"_s);
    unified->setToolTip(tr("Removed and added lines one under the other"));
    sideBySide->setToolTip(tr("The earlier version on the left, this one on the right"));
    auto *modes = new QButtonGroup(this);
    for (QPushButton *button : {sideBySide, unified}) {
        button->setCheckable(true);
        button->setFlat(false);
        modes->addButton(button);
    }
    m_sideBySide = sideBySide;
    m_unified = unified;
    m_mode = QSettings().value(kModeKey).toString() == QLatin1String("unified") ? DiffMode::Unified : DiffMode::SideBySide;
    (m_mode == DiffMode::Unified ? unified : sideBySide)->setChecked(true);
    connect(sideBySide, &QPushButton::clicked, this, [this] { setDiffMode(DiffMode::SideBySide); });
    connect(unified, &QPushButton::clicked, this, [this] { setDiffMode(DiffMode::Unified); });

    m_diff = new QTextBrowser(this);
    m_diff->setObjectName(u"diffView"_s);
    m_diff->setAccessibleName(tr("Changes"));
    m_diff->setOpenLinks(false);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(0);
    bar->addWidget(m_caption, 1);
    bar->addSpacing(12);
    bar->addWidget(sideBySide);
    bar->addWidget(unified);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_diff, 1);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_timeline);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 680});

    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore This Version"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(u"restoreButton"_s);
    m_restore->setIcon(themedIcon(u"history"_s));
    m_restore->setAutoDefault(false);
    buttons->addButton(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(m_restore, &QPushButton::clicked, this, &HistoryDialog::restoreSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_timeline, &QListWidget::currentItemChanged, this, [this] { showSelected(); });
    connect(&store, &model::Store::entityChanged, this, [this](model::Kind, const QString &id) {
        if (id == m_itemId)
            reload();
    });
    reload();
    if (m_timeline->count() > 0)
        m_timeline->setCurrentRow(0);
    resize(1040, 640);
}

int HistoryDialog::selectedVersion() const
{
    const QListWidgetItem *item = m_timeline->currentItem();
    return item ? item->data(VersionRole).toInt() : 0;
}

int HistoryDialog::newestVersion() const
{
    return m_entries.isEmpty() ? 0 : m_entries.last().version;
}

void HistoryDialog::selectVersion(int version)
{
    for (int i = 0; i < m_timeline->count(); ++i) {
        if (m_timeline->item(i)->data(VersionRole).toInt() == version) {
            m_timeline->setCurrentRow(i);
            m_timeline->scrollToItem(m_timeline->item(i));
            return;
        }
    }
}

void HistoryDialog::setDiffMode(DiffMode mode)
{
    (mode == DiffMode::Unified ? m_unified : m_sideBySide)->setChecked(true);
    if (mode == m_mode)
        return;
    m_mode = mode;
    QSettings().setValue(kModeKey, mode == DiffMode::Unified ? u"unified"_s : u"sideBySide"_s);
    showSelected();
}

void HistoryDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The tints are mixed from the palette: a switch between light and dark mixes them again.
    if (m_timeline && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        fillTimeline();
}

void HistoryDialog::reload()
{
    if (!m_store)
        return;
    const auto entity = m_store->entity(m_itemId);
    if (entity)
        m_kind = entity->kind;
    const auto history = m_store->history(m_itemId);
    m_entries = history ? *history : QList<model::HistoryEntry>{};
    m_conflicts.clear();
    if (const auto records = m_store->conflictRecords()) {
        for (const model::ConflictRecord &record : *records)
            if (record.entityId == m_itemId)
                m_conflicts.append(record);
    }
    m_rows.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        m_rows.append({false, i, m_entries[i].at});
    for (qsizetype i = 0; i < m_conflicts.size(); ++i)
        m_rows.append({true, i, m_conflicts[i].at});
    // Newest first; a conflict above the version it arrived with; events without a time last.
    std::ranges::stable_sort(m_rows, [this](const Row &a, const Row &b) {
        if (a.at != b.at)
            return a.at > b.at;
        if (a.conflict != b.conflict)
            return a.conflict;
        return a.conflict ? false : m_entries[a.index].version > m_entries[b.index].version;
    });
    updateTitle();
    fillTimeline();
}

void HistoryDialog::updateTitle()
{
    const auto entity = m_store ? m_store->entity(m_itemId) : std::nullopt;
    QString title = entity ? entity->string(u"title"_s) : QString();
    if (title.isEmpty() && !m_entries.isEmpty())
        title = m_entries.last().snapshot.value(u"title"_s).toString();
    if (title.isEmpty())
        title = m_kind == model::Kind::Task ? tr("Untitled task") : tr("Untitled note");
    setWindowTitle(tr("History of “%1”").arg(title));
    m_heading->setText(m_entries.isEmpty() ? tr("“%1” has no history on this device.").arg(title)
                                           : tr("History of “%1”").arg(title));
}

void HistoryDialog::fillTimeline()
{
    const QListWidgetItem *current = m_timeline->currentItem();
    const QString selected = current ? current->data(KeyRole).toString() : QString();
    // The dialog's palette: it changes first, before its children hear of it.
    const QPalette palette = this->palette();
    const QSignalBlocker quiet(m_timeline);
    m_timeline->clear();
    for (const Row &row : std::as_const(m_rows)) {
        auto *item = new QListWidgetItem(m_timeline);
        if (row.conflict) {
            const model::ConflictRecord &record = m_conflicts[row.index];
            item->setText(words().sentence(record, ItemWords::ItemNamed::No) + QLatin1Char('\n') + conflictDetails(record));
            item->setData(KeyRole, u"c"_s + record.id);
            item->setData(VersionRole, 0);
            item->setData(ConflictRole, true);
            item->setIcon(themedIcon(record.isResolution() ? u"done"_s : u"conflict"_s));
            // Amber, stronger while it waits for a person.
            item->setBackground(Appearance::mix(palette.color(QPalette::Base), kAmber, record.isOpen() ? 0.3 : 0.14));
        } else {
            const model::HistoryEntry &entry = m_entries[row.index];
            item->setText(versionHeadline(row.index) + QLatin1Char('\n') + versionDetails(row.index));
            item->setData(KeyRole, u"v%1"_s.arg(entry.version));
            item->setData(VersionRole, entry.version);
            item->setData(ConflictRole, false);
            const QStringList fields = differingFields(fieldsBefore(row.index), entry.snapshot);
            QString icon = u"rename"_s;
            if (row.index == 0)
                icon = u"add"_s;
            else if (entry.origin == QLatin1String("restore"))
                icon = u"history"_s;
            else if (entry.origin == QLatin1String("resolution"))
                icon = u"done"_s;
            else if (fields.size() == 1) {
                // A change of one field: that field's own icon.
                static const QHash<QString, QString> icons{{u"collection"_s, u"move"_s}, {u"pinned"_s, u"pin"_s},
                                                           {u"done_at"_s, u"done"_s},    {u"priority"_s, u"priority"_s},
                                                           {u"due"_s, u"due"_s},         {u"tags"_s, u"tag"_s},
                                                           {u"recurrence"_s, u"recurrence"_s}};
                icon = icons.value(fields.first(), icon);
                if (fields.first() == QLatin1String("deleted"))
                    icon = entry.snapshot.value(u"deleted"_s).toBool() ? u"trash"_s : u"restore"_s;
            }
            item->setIcon(themedIcon(icon));
        }
        item->setToolTip(item->text());
    }
    for (int i = 0; i < m_timeline->count(); ++i) {
        if (m_timeline->item(i)->data(KeyRole).toString() == selected) {
            m_timeline->setCurrentRow(i);
            break;
        }
    }
    if (!m_timeline->currentItem() && m_timeline->count() > 0 && !selected.isEmpty())
        m_timeline->setCurrentRow(0);
    showSelected();
}

ItemWords HistoryDialog::words() const
{
    return ItemWords(m_store.data());
}

QJsonObject HistoryDialog::fieldsBefore(qsizetype index) const
{
    return index > 0 ? m_entries[index - 1].snapshot : model::Fields::defaults(m_kind);
}

QStringList HistoryDialog::differingFields(const QJsonObject &before, const QJsonObject &after) const
{
    QStringList fields;
    const auto differs = [&](const QString &field) {
        const QJsonValue a = before.value(field);
        const QJsonValue b = after.value(field);
        // A missing value and null mean the same: none.
        return a != b && !((a.isNull() || a.isUndefined()) && (b.isNull() || b.isUndefined()));
    };
    for (const QString &field : model::Fields::known(m_kind))
        if (differs(field))
            fields.append(field);
    for (const QString &field : after.keys())
        if (!fields.contains(field) && !model::Fields::isKnown(m_kind, field) && differs(field))
            fields.append(field);
    return fields;
}

int HistoryDialog::restoredVersion(qsizetype index) const
{
    // restoreVersion copies the known fields of a version: the newest earlier version whose
    // fields the restore made current is the one it brought back.
    const QJsonObject &now = m_entries[index].snapshot;
    for (qsizetype i = index - 2; i >= 0; --i) {
        const QJsonObject &then = m_entries[i].snapshot;
        const bool same = std::ranges::all_of(model::Fields::known(m_kind), [&](const QString &field) {
            return !then.contains(field) || then.value(field) == now.value(field);
        });
        if (same)
            return m_entries[i].version;
    }
    return 0;
}

QString HistoryDialog::versionHeadline(qsizetype index) const
{
    const model::HistoryEntry &entry = m_entries[index];
    if (index == 0)
        return entry.version == 1 ? tr("Created") : tr("Oldest version kept");
    if (entry.origin == QLatin1String("restore")) {
        const int version = restoredVersion(index);
        return version > 0 ? tr("Restored version %1").arg(version) : tr("Restored an earlier version");
    }
    if (entry.origin == QLatin1String("resolution"))
        return tr("Conflict resolved");
    QStringList fields = differingFields(fieldsBefore(index), entry.snapshot);
    if (fields.isEmpty())
        fields = entry.changed;
    if (fields.size() > 1)
        fields.removeAll(u"sort_key"_s); // a move in the list along with an edit is not news
    const QJsonValue value = entry.snapshot.value(fields.value(0));
    if (fields.size() == 1) {
        const QString &field = fields.first();
        if (field == QLatin1String("deleted"))
            return value.toBool() ? tr("Moved to the Trash") : tr("Restored from the Trash");
        if (field == QLatin1String("done_at"))
            return value.isString() ? tr("Marked done") : tr("Marked not done");
        if (field == QLatin1String("pinned"))
            return value.toBool() ? tr("Pinned") : tr("Unpinned");
        if (field == QLatin1String("archived"))
            return value.toBool() ? tr("Archived") : tr("Taken out of the archive");
        if (field == QLatin1String("collection"))
            return value.isString() ? tr("Moved to %1").arg(words().value(field, value, ItemWords::ValueForm::Alone))
                                    : tr("Taken out of its collection");
        if (field == QLatin1String("sort_key"))
            return tr("Moved in the list");
    }
    if (fields.isEmpty())
        return tr("Saved without changes");
    return tr("%1 changed").arg(ItemWords::fieldList(m_kind, fields));
}

QString HistoryDialog::versionDetails(qsizetype index) const
{
    const model::HistoryEntry &entry = m_entries[index];
    QStringList parts;
    parts << (index == m_entries.size() - 1 ? tr("Version %1 (current)") : tr("Version %1")).arg(entry.version);
    if (const QString at = ItemWords::when(entry.at, ItemWords::DateShown::Always); !at.isEmpty())
        parts << at;
    parts << words().device(entry.device);
    if (!m_user.isEmpty())
        parts << m_user;
    return parts.join(u" · "_s);
}

QString HistoryDialog::conflictDetails(const model::ConflictRecord &record) const
{
    QStringList parts;
    if (const QString at = ItemWords::when(record.at, ItemWords::DateShown::Always); !at.isEmpty())
        parts << at;
    if (record.isOpen())
        parts << tr("Open conflict");
    else if (record.status == QLatin1String("resolved"))
        parts << tr("Resolved");
    else if (!record.isResolution())
        parts << tr("Settled automatically");
    return parts.join(u" · "_s);
}

void HistoryDialog::writeChanges(const QStringList &fields, const QJsonObject &before, const QJsonObject &after,
                                 const QString &leftCaption, const QString &rightCaption)
{
    DiffWriter writer(m_diff->document(), palette());
    const ItemWords words = this->words();
    for (const QString &field : fields) {
        writer.heading(ItemWords::fieldLabel(m_kind, field));
        if (isTextField(field)) {
            const QString old = diffable(before.value(field));
            const QString now = diffable(after.value(field));
            if (old.isEmpty() && now.isEmpty())
                writer.note(tr("Empty"));
            else if (m_mode == DiffMode::Unified)
                writer.unified(old, now);
            else
                writer.sideBySide(old, now, leftCaption, rightCaption);
        } else if (field == QLatin1String("sort_key")) {
            writer.note(tr("Moved to another place in the list."));
        } else {
            writer.change(words.value(field, before.value(field), ItemWords::ValueForm::Alone),
                          words.value(field, after.value(field), ItemWords::ValueForm::Alone));
        }
    }
}

void HistoryDialog::showSelected()
{
    m_diff->clear();
    const QListWidgetItem *item = m_timeline->currentItem();
    const int version = item ? item->data(VersionRole).toInt() : 0;
    if (item && item->data(ConflictRole).toBool()) {
        const QString id = item->data(KeyRole).toString().mid(1);
        const auto record = std::ranges::find(m_conflicts, id, &model::ConflictRecord::id);
        if (record != m_conflicts.end()) {
            // The sides named as the sentence names them.
            const ItemWords words = this->words();
            m_caption->setText(words.sentence(*record, ItemWords::ItemNamed::No));
            const QString field = record->field;
            writeChanges({field}, {{field, record->mine}}, {{field, record->theirs}},
                         ItemWords::capitalised(words.mineSide(*record)), ItemWords::capitalised(words.theirsSide(*record)));
        }
    } else if (version > 0) {
        const auto entry = std::ranges::find(m_entries, version, &model::HistoryEntry::version);
        const qsizetype index = entry - m_entries.begin();
        const QJsonObject before = fieldsBefore(index);
        const QStringList fields = differingFields(before, entry->snapshot);
        const int previous = index > 0 ? m_entries[index - 1].version : 0;
        m_caption->setText(previous > 0 ? tr("Version %1 compared with version %2").arg(version).arg(previous)
                                        : tr("Version %1, as it was created").arg(version));
        if (fields.isEmpty())
            DiffWriter(m_diff->document(), palette()).note(tr("Nothing you can see changed in this version."));
        else
            writeChanges(fields, before, entry->snapshot, previous > 0 ? tr("Version %1").arg(previous) : tr("Before"),
                         tr("Version %1").arg(version));
    } else {
        m_caption->setText(m_entries.isEmpty() ? tr("No versions") : tr("Choose a version on the left."));
    }
    m_diff->moveCursor(QTextCursor::Start);
    updateRestoreButton();
}

void HistoryDialog::updateRestoreButton()
{
    const int version = selectedVersion();
    const auto entry = std::ranges::find(m_entries, version, &model::HistoryEntry::version);
    bool same = false;
    if (entry != m_entries.end() && !m_entries.isEmpty()) {
        const QJsonObject &now = m_entries.last().snapshot;
        same = std::ranges::all_of(model::Fields::known(m_kind), [&](const QString &field) {
            return !entry->snapshot.contains(field) || entry->snapshot.value(field) == now.value(field);
        });
    }
    const bool newest = version > 0 && version == newestVersion();
    m_restore->setEnabled(version > 0 && !newest && !same && m_store && m_store->entity(m_itemId));
    if (version <= 0)
        m_restore->setToolTip(tr("Choose a version to restore"));
    else if (newest)
        m_restore->setToolTip(tr("This is the current version"));
    else if (same)
        m_restore->setToolTip(tr("The current version is the same as this one"));
    else
        m_restore->setToolTip(tr("Make version %1 the current one again: a new version, which can itself be undone "
                                 "by restoring the one before it")
                                  .arg(version));
}

void HistoryDialog::restoreSelected()
{
    const int version = selectedVersion();
    if (!m_store || version <= 0 || version == newestVersion())
        return;
    const auto restored = m_store->restoreVersion(m_itemId, version);
    if (!restored) {
        QMessageBox::warning(this, tr("Restore"), tr("Version %1 could not be restored: %2").arg(version).arg(restored.error().message));
        return;
    }
    reload();
    selectVersion(newestVersion());
}

} // namespace tidemark::ui
