#include "ui/shell/sidebarmodel.h"

#include "ui/icons.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <QHash>
#include <QSet>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

const QString kViewPrefix = u"view:"_s;
const QString kCollectionPrefix = u"collection:"_s;
const QString kTagPrefix = u"tag:"_s;

} // namespace

SidebarModel::SidebarModel(model::Store *store, QObject *parent)
    : QStandardItemModel(parent)
    , m_store(store)
{
    const auto section = [this](const QString &text) {
        auto *item = new QStandardItem(text);
        item->setData(true, SectionRole);
        item->setFlags(Qt::ItemIsEnabled);
        appendRow(item);
        return item;
    };
    m_views = section(tr("Views"));
    addEntry(m_views, u"view:all"_s, tr("All items"), u"all-items"_s);
    addEntry(m_views, u"view:today"_s, tr("Today"), u"today"_s);
    addEntry(m_views, u"view:upcoming"_s, tr("Upcoming"), u"upcoming"_s);
    addEntry(m_views, u"view:done"_s, tr("Done"), u"done"_s);
    addEntry(m_views, u"view:archive"_s, tr("Archive"), u"archive"_s);
    addEntry(m_views, u"view:trash"_s, tr("Trash"), u"trash"_s);
    m_collections = section(tr("Collections"));
    m_tags = section(tr("Tags"));
    m_sync = section(tr("Sync"));
    addEntry(m_sync, u"view:pending"_s, tr("Pending"), u"pending"_s);
    addEntry(m_sync, u"view:conflicts"_s, tr("Conflicts"), u"conflict"_s);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SidebarModel::refresh);
    if (m_store) {
        connect(m_store, &model::Store::entityChanged, this, &SidebarModel::scheduleRefresh);
        connect(m_store, &model::Store::outboxChanged, this, &SidebarModel::scheduleRefresh);
        // The entries now, so that a saved selection finds its row; the counts when the owner
        // asks (the window: once its list is drawn).
        refreshCollections();
        refreshTags();
    }
}

QStandardItem *SidebarModel::addEntry(QStandardItem *parent, const QString &key, const QString &text,
                                      const QString &icon)
{
    auto *item = new QStandardItem(themedIcon(icon), text);
    item->setData(key, KeyRole);
    item->setData(0, CountRole);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled);
    item->setToolTip(text);
    parent->appendRow(item);
    return item;
}

void SidebarModel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void SidebarModel::refresh()
{
    m_refreshTimer.stop();
    if (!m_store)
        return;
    if (const auto counts = m_store->viewCounts())
        m_counts = *counts;
    const QHash<QString, QPair<int, int>> viewCounts{
        {u"view:all"_s, {m_counts.all, 0}},
        {u"view:today"_s, {m_counts.today, m_counts.overdue}},
        {u"view:upcoming"_s, {m_counts.upcoming, 0}},
        {u"view:done"_s, {m_counts.done, 0}},
        {u"view:trash"_s, {m_counts.trash, 0}},
        {u"view:archive"_s, {m_counts.archive, 0}},
        {u"view:pending"_s, {m_counts.unsent, 0}}, // as many as the Pending view lists and the status bar says
        {u"view:conflicts"_s, {m_counts.conflicts, m_counts.conflicts}},
    };
    for (QStandardItem *section : {m_views, m_sync}) {
        for (int row = 0; row < section->rowCount(); ++row) {
            QStandardItem *entry = section->child(row);
            const auto [count, alert] = viewCounts.value(entry->data(KeyRole).toString());
            if (entry->data(CountRole).toInt() != count)
                entry->setData(count, CountRole);
            if (entry->data(AlertRole).toInt() != alert)
                entry->setData(alert, AlertRole);
        }
    }
    refreshCollections();
    refreshTags();
    Q_EMIT refreshed();
}

void SidebarModel::refreshCollections()
{
    const auto rows = m_store->collections();
    if (!rows)
        return;
    QStringList shape;
    for (const model::CollectionRow &row : *rows)
        shape << row.id + QLatin1Char('|') + row.parentId + QLatin1Char('|') + row.name + QLatin1Char('|') + row.color;
    if (shape != m_collectionShape) {
        m_collectionShape = shape;
        m_collections->removeRows(0, m_collections->rowCount());
        // Parents come before their children in the store's order only by chance: place the
        // roots first, then attach children until nothing more can be placed.
        QHash<QString, QStandardItem *> placed;
        QSet<QString> ids;
        for (const model::CollectionRow &row : *rows)
            ids.insert(row.id);
        QList<model::CollectionRow> waiting = *rows;
        bool progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (auto it = waiting.begin(); it != waiting.end();) {
                QStandardItem *parent = it->parentId.isEmpty() ? m_collections : placed.value(it->parentId);
                if (!parent && !ids.contains(it->parentId))
                    parent = m_collections; // a parent that is gone: show the child at the top
                if (!parent) {
                    ++it;
                    continue;
                }
                QStandardItem *entry = addEntry(parent, kCollectionPrefix + it->id, it->name, u"collection"_s);
                entry->setData(it->color, ColorRole);
                placed.insert(it->id, entry);
                it = waiting.erase(it);
                progress = true;
            }
        }
    }
    for (const model::CollectionRow &row : *rows) {
        const QModelIndex index = indexOfKey(kCollectionPrefix + row.id);
        if (index.isValid() && index.data(CountRole).toInt() != row.itemCount)
            setData(index, row.itemCount, CountRole);
    }
}

void SidebarModel::refreshTags()
{
    const auto tags = m_store->tags();
    if (!tags)
        return;
    QStringList names;
    for (const auto &[name, count] : *tags)
        names << name;
    if (names != m_tagNames) {
        m_tagNames = names;
        m_tags->removeRows(0, m_tags->rowCount());
        for (const QString &name : std::as_const(names))
            addEntry(m_tags, kTagPrefix + name, name, u"tag"_s)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    for (int row = 0; row < m_tags->rowCount(); ++row)
        m_tags->child(row)->setData(tags->at(row).second, CountRole);
}

QModelIndex SidebarModel::indexOfKey(const QString &key) const
{
    const QModelIndexList found = match(index(0, 0), KeyRole, key, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.constFirst();
}

std::optional<model::ItemFilter> SidebarModel::filterOfKey(const QString &key)
{
    using T = model::ItemFilter::Type;
    if (key.startsWith(kCollectionPrefix))
        return model::ItemFilter::collection(key.mid(kCollectionPrefix.size()));
    if (key.startsWith(kTagPrefix))
        return model::ItemFilter::tag(key.mid(kTagPrefix.size()));
    static const QHash<QString, T> views{
        {u"view:all"_s, T::All},         {u"view:today"_s, T::Today}, {u"view:upcoming"_s, T::Upcoming},
        {u"view:done"_s, T::Done},       {u"view:trash"_s, T::Trash}, {u"view:pending"_s, T::Pending},
        {u"view:archive"_s, T::Archive},
        {u"view:conflicts"_s, T::Conflicts},
    };
    const auto it = views.constFind(key);
    if (it == views.constEnd())
        return std::nullopt;
    return model::ItemFilter::of(*it);
}

QString SidebarModel::keyOfFilter(const model::ItemFilter &filter)
{
    using T = model::ItemFilter::Type;
    switch (filter.type) {
    case T::Collection:
        return kCollectionPrefix + filter.value;
    case T::Tag:
        return kTagPrefix + filter.value;
    case T::All:
        return u"view:all"_s;
    case T::Today:
        return u"view:today"_s;
    case T::Upcoming:
        return u"view:upcoming"_s;
    case T::Done:
        return u"view:done"_s;
    case T::Trash:
        return u"view:trash"_s;
    case T::Archive:
        return u"view:archive"_s;
    case T::Pending:
        return u"view:pending"_s;
    case T::Conflicts:
        return u"view:conflicts"_s;
    }
    return {};
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex &index) const
{
    return QStandardItemModel::flags(index) & ~Qt::ItemIsEditable;
}

QStringList SidebarModel::mimeTypes() const { return {QString(model::ItemListModel::kIdsMimeType)}; }

bool SidebarModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    const QString key = parent.data(KeyRole).toString();
    return data && data->hasFormat(QString(model::ItemListModel::kIdsMimeType))
        && (key.startsWith(kCollectionPrefix) || key == u"view:trash"_s || key == u"view:all"_s);
}

bool SidebarModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = model::ItemListModel::idsFromMimeData(data);
    if (ids.isEmpty())
        return false;
    Q_EMIT itemsDropped(ids, parent.data(KeyRole).toString());
    // The store moves the items; nothing is removed from the source list by the view.
    return false;
}

} // namespace tidemark::ui
