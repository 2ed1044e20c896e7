#include "itemlistmodel.h"

#include <QPoint>
#include "logging.h"

#include <QElapsedTimer>
#include <QMimeData>

#include "store.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tidemark::model {

namespace {

// Rows are read around the one asked for, a page at a time, and the cache is dropped when it
// grows past a few screens' worth.
constexpr int kPageBefore = 20;
constexpr int kPageAfter = 80;
constexpr qsizetype kCacheLimit = 5000;
}

ItemListModel::ItemListModel(Store *store, QObject *parent, const ItemFilter &filter)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_filter(filter)
    , m_order(orderFor(filter))
{
    Q_ASSERT(store);
    connect(store, &Store::entityChanged, this, &ItemListModel::onEntityChanged);
    reload();
}

ItemListModel::Order ItemListModel::orderFor(const ItemFilter &filter)
{
    switch (filter.type) {
    case ItemFilter::Type::Today:
    case ItemFilter::Type::Upcoming:
        return Order::Due;
    case ItemFilter::Type::Done:
        return Order::Done;
    case ItemFilter::Type::Collection:
        return Order::Manual;
    default:
        return Order::Updated;
    }
}

void ItemListModel::setFilter(const ItemFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

bool ItemListModel::reload()
{
    beginResetModel();
    m_order = orderFor(m_filter);
    m_rows.clear();
    m_rowOfId.clear();
    m_cache.clear();
    bool ok = true;
    QElapsedTimer timer;
    timer.start();
    if (m_store) {
        // SQLite hands the most common order (All, by last change) straight out of an index.
        auto rows = m_store->itemOrder(m_filter, m_order == Order::Updated);
        qCDebug(lcModel) << "read" << (rows ? rows->size() : 0) << "rows in" << timer.nsecsElapsed() / 1e6 << "ms";
        const auto less = [this](const ItemOrder &a, const ItemOrder &b) { return lessThan(a, b); };
        if (rows && std::ranges::is_sorted(*rows, less)) {
            m_rows = std::move(*rows);
        } else if (rows) {
            // Sort positions, not rows: moving an ItemRow costs a dozen string moves.
            std::vector<int> order(rows->size());
            std::iota(order.begin(), order.end(), 0);
            std::ranges::sort(order, [this, &rows](int a, int b) { return lessThan(rows->at(a), rows->at(b)); });
            m_rows.reserve(rows->size());
            for (int i : order)
                m_rows.append(std::move((*rows)[i]));
        } else {
            qCWarning(lcModel) << "cannot load the list:" << rows.error().message;
            ok = false;
        }
    }
    qCDebug(lcModel) << "sorted at" << timer.nsecsElapsed() / 1e6 << "ms";
    // The id → row index is built when first asked for: a list can be shown without it.
    m_indexed = false;
    endResetModel();
    return ok;
}

bool ItemListModel::lessThan(const ItemOrder &a, const ItemOrder &b) const
{
    // Every order ends with the id, so it is total and a row's place is well defined.
    const auto byUpdated = [](const ItemOrder &x, const ItemOrder &y) {
        if (x.pinned != y.pinned)
            return x.pinned;
        if (x.updatedAt != y.updatedAt)
            return x.updatedAt > y.updatedAt;
        return x.id > y.id;
    };
    switch (m_order) {
    case Order::Updated:
        return byUpdated(a, b);
    case Order::Due:
        if ((a.dueAt == 0) != (b.dueAt == 0))
            return a.dueAt != 0;
        if (a.dueAt != b.dueAt)
            return a.dueAt < b.dueAt;
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return a.id < b.id;
    case Order::Manual:
        if (a.kind != b.kind)
            return a.kind == Kind::Task;
        if (a.kind == Kind::Task) {
            if (a.isDone() != b.isDone())
                return !a.isDone();
            if (a.sortKey != b.sortKey)
                return a.sortKey < b.sortKey;
            return a.id < b.id;
        }
        return byUpdated(a, b);
    case Order::Done:
        if (a.doneAt != b.doneAt)
            return a.doneAt > b.doneAt;
        return a.id > b.id;
    }
    return a.id < b.id;
}

int ItemListModel::insertionRow(const ItemOrder &row, int skip) const
{
    // A binary search over the rows as if row `skip` (the one being moved) were not there.
    int lo = 0;
    int hi = int(m_rows.size()) - (skip >= 0 ? 1 : 0);
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        const int actual = skip >= 0 && mid >= skip ? mid + 1 : mid;
        if (lessThan(m_rows.at(actual), row))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int ItemListModel::rowOf(const QString &id) const
{
    if (!m_indexed) {
        m_rowOfId.clear();
        m_rowOfId.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowOfId.insert(m_rows.at(i).id, i);
        m_indexed = true;
    }
    return m_rowOfId.value(id, -1);
}

void ItemListModel::reindex(int from, int to)
{
    if (!m_indexed)
        return; // built whole when first needed
    for (int i = std::max(from, 0); i <= to && i < m_rows.size(); ++i)
        m_rowOfId.insert(m_rows.at(i).id, i);
}

void ItemListModel::onEntityChanged(Kind kind, const QString &id)
{
    if (kind == Kind::Collection || !m_store)
        return;
    const int current = rowOf(id);
    const std::optional<ItemRow> fresh = m_store->itemRow(id, m_filter);
    // A subtask's change (done, deleted, moved) changes its parent's progress too.
    QStringList parents{fresh ? fresh->parentId : QString()};
    if (const auto cached = m_cache.constFind(id); cached != m_cache.cend())
        parents << cached->parentId; // the one it left, when it moved
    if (kind == Kind::Task && !fresh && parents.join(QString()).isEmpty()) {
        if (const auto task = m_store->entity(id)) // not in this list: its parent may be
            parents << task->string(u"parent"_s);
    }
    if (kind == Kind::Task) { // its subtasks name it: those shown lately read it again
        QStringList children;
        for (auto it = m_cache.cbegin(); it != m_cache.cend(); ++it)
            if (it->parentId == id)
                children << it.key();
        for (const QString &child : std::as_const(children)) {
            m_cache.remove(child);
            if (const int row = rowOf(child); row >= 0)
                Q_EMIT dataChanged(index(row), index(row));
        }
    }
    for (const QString &parent : std::as_const(parents)) {
        if (parent.isEmpty() || parent == id)
            continue;
        if (const int row = rowOf(parent); row >= 0) {
            m_cache.remove(parent); // read again when next shown
            Q_EMIT dataChanged(index(row), index(row));
        }
    }

    if (current < 0 && !fresh)
        return;
    if (current < 0) {
        const ItemOrder order = ItemOrder::of(*fresh);
        const int at = insertionRow(order);
        beginInsertRows({}, at, at);
        m_rows.insert(at, order);
        m_cache.insert(id, *fresh);
        reindex(at, int(m_rows.size()) - 1);
        endInsertRows();
        return;
    }
    if (!fresh) {
        beginRemoveRows({}, current, current);
        m_rows.removeAt(current);
        m_rowOfId.remove(id);
        m_cache.remove(id);
        reindex(current, int(m_rows.size()) - 1);
        endRemoveRows();
        return;
    }

    // Still in the list: update in place, moving the row first if its place changed.
    ItemOrder order = ItemOrder::of(*fresh);
    const bool fitsBefore = current == 0 || lessThan(m_rows.at(current - 1), order);
    const bool fitsAfter = current == m_rows.size() - 1 || lessThan(order, m_rows.at(current + 1));
    if (fitsBefore && fitsAfter) {
        m_rows[current] = std::move(order);
        m_cache.insert(id, *fresh);
        const QModelIndex changed = index(current);
        Q_EMIT dataChanged(changed, changed);
        return;
    }
    const int target = insertionRow(order, current); // its place among the other rows
    // beginMoveRows counts the destination in the list before the move.
    const int destination = target >= current ? target + 1 : target;
    const bool moving = beginMoveRows({}, current, current, {}, destination);
    m_rows.removeAt(current);
    m_rows.insert(target, std::move(order));
    reindex(std::min(current, target), std::max(current, target));
    if (moving)
        endMoveRows();
    m_cache.insert(id, *fresh);
    const QModelIndex changed = index(target);
    Q_EMIT dataChanged(changed, changed);
}

const ItemRow &ItemListModel::cached(int row) const
{
    const QString &id = m_rows.at(row).id;
    auto it = m_cache.constFind(id);
    if (it != m_cache.cend())
        return it.value();
    if (m_cache.size() > kCacheLimit)
        m_cache.clear();
    QStringList page;
    for (int r = std::max(0, row - kPageBefore); r < std::min(int(m_rows.size()), row + kPageAfter); ++r) {
        if (!m_cache.contains(m_rows.at(r).id))
            page << m_rows.at(r).id;
    }
    if (m_store) {
        if (auto rows = m_store->itemRows(page)) {
            for (ItemRow &fresh : *rows)
                m_cache.insert(fresh.id, std::move(fresh));
        } else {
            qCWarning(lcModel) << "cannot read rows:" << rows.error().message;
        }
    }
    // An item deleted underneath (its change signal still on its way) shows as an empty row.
    it = m_cache.constFind(id);
    if (it == m_cache.cend()) {
        ItemRow placeholder;
        placeholder.id = id;
        placeholder.kind = m_rows.at(row).kind;
        it = m_cache.insert(id, placeholder);
    }
    return it.value();
}

int ItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ItemRow &row = cached(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.title.isEmpty() ? row.snippet.left(60) : row.title;
    case Qt::ToolTipRole:
        return row.snippet;
    case IdRole:
        return row.id;
    case KindRole:
        return row.kind == Kind::Task ? u"task"_s : u"note"_s;
    case SnippetRole:
        return row.snippet;
    case TagsRole:
        return row.tags;
    case DueRole:
        return row.due;
    case DueAtRole:
        return row.dueAt ? QDateTime::fromMSecsSinceEpoch(row.dueAt) : QDateTime();
    case PriorityRole:
        return row.priority;
    case DoneRole:
        return row.isDone();
    case PinnedRole:
        return row.pinned;
    case PendingRole:
        return row.pending;
    case ConflictRole:
        return row.conflict;
    case UpdatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(row.updatedAt);
    case CollectionRole:
        return row.collectionId;
    case ParentTitleRole:
        return row.isSubtask ? QVariant(row.parentTitle) : QVariant();
    case SubtasksRole:
        return QPoint(row.subtasksDone, row.subtasks);
    case RowRole:
        return QVariant::fromValue(row);
    default:
        return {};
    }
}

QHash<int, QByteArray> ItemListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},           {KindRole, "kind"},         {SnippetRole, "snippet"},
                  {TagsRole, "tags"},       {DueRole, "due"},           {DueAtRole, "dueAt"},
                  {PriorityRole, "priority"}, {DoneRole, "done"},       {PinnedRole, "pinned"},
                  {PendingRole, "pending"}, {ConflictRole, "conflict"}, {UpdatedAtRole, "updatedAt"},
                  {CollectionRole, "collection"}, {RowRole, "row"}});
    return names;
}

Qt::ItemFlags ItemListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList ItemListModel::mimeTypes() const { return {QString(kIdsMimeType)}; }

QMimeData *ItemListModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.row() < m_rows.size())
            ids << m_rows.at(index.row()).id;
    auto *data = new QMimeData;
    data->setData(QString(kIdsMimeType), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

QStringList ItemListModel::idsFromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString(kIdsMimeType)))
        return {};
    return QString::fromUtf8(data->data(QString(kIdsMimeType))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace tidemark::model
