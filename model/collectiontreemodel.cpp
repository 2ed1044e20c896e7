#include "collectiontreemodel.h"
#include "logging.h"

#include "store.h"

#include <QLoggingCategory>

#include <algorithm>

namespace tidemark::model {

namespace {

bool siblingLess(const CollectionRow &a, const CollectionRow &b)
{
    if (a.sortKey != b.sortKey)
        return a.sortKey < b.sortKey;
    if (a.name != b.name)
        return a.name.localeAwareCompare(b.name) < 0;
    return a.id < b.id;
}
} // namespace

CollectionTreeModel::CollectionTreeModel(Store *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    Q_ASSERT(store);
    connect(store, &Store::entityChanged, this, &CollectionTreeModel::onEntityChanged);
    reload();
}

CollectionTreeModel::~CollectionTreeModel() = default;

bool CollectionTreeModel::reload()
{
    beginResetModel();
    m_roots.clear();
    m_nodes.clear();
    bool ok = true;
    if (auto rows = m_store ? m_store->collections() : Result<QList<CollectionRow>>(QList<CollectionRow>{})) {
        for (const CollectionRow &row : *rows)
            m_nodes.emplace(row.id, std::make_unique<Node>(Node{row, nullptr, {}}));
        for (auto &[id, node] : m_nodes) {
            auto parent = m_nodes.find(node->row.parentId);
            // A collection whose parent is gone shows at the top level rather than not at all.
            node->parent = parent != m_nodes.end() ? parent->second.get() : nullptr;
        }
        // Two devices can nest A in B and B in A at once; such a cycle is cut at the first
        // collection found on it, which shows at the top level.
        for (auto &[id, node] : m_nodes) {
            std::vector<Node *> path;
            for (Node *up = node.get(); up; up = up->parent) {
                if (std::ranges::find(path, up) != path.end()) {
                    up->parent = nullptr;
                    break;
                }
                path.push_back(up);
            }
        }
        for (auto &[id, node] : m_nodes)
            siblings(node->parent).push_back(node.get());
        const auto sortLevel = [](std::vector<Node *> &level) {
            std::ranges::sort(level, [](const Node *a, const Node *b) { return siblingLess(a->row, b->row); });
        };
        sortLevel(m_roots);
        for (auto &[id, node] : m_nodes)
            sortLevel(node->children);
    } else {
        qCWarning(lcModel) << "cannot load collections:" << rows.error().message;
        ok = false;
    }
    endResetModel();
    return ok;
}

const std::vector<CollectionTreeModel::Node *> &CollectionTreeModel::siblings(const Node *parent) const
{
    return parent ? parent->children : m_roots;
}

std::vector<CollectionTreeModel::Node *> &CollectionTreeModel::siblings(Node *parent)
{
    return parent ? parent->children : m_roots;
}

int CollectionTreeModel::rowInParent(const Node *node) const
{
    const auto &level = siblings(node->parent);
    return int(std::ranges::find(level, node) - level.begin());
}

int CollectionTreeModel::childRowFor(const Node *parent, const CollectionRow &row) const
{
    const auto &level = siblings(parent);
    return int(std::ranges::lower_bound(level, row, siblingLess, [](const Node *n) { return n->row; })
               - level.begin());
}

QModelIndex CollectionTreeModel::indexOf(const Node *node) const
{
    return node ? createIndex(rowInParent(node), 0, node) : QModelIndex();
}

QModelIndex CollectionTreeModel::indexOf(const QString &id) const
{
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? QModelIndex() : indexOf(it->second.get());
}

void CollectionTreeModel::insertNode(std::unique_ptr<Node> node)
{
    const auto parent = m_nodes.find(node->row.parentId);
    node->parent = parent != m_nodes.end() ? parent->second.get() : nullptr;
    const int row = childRowFor(node->parent, node->row);
    beginInsertRows(indexOf(node->parent), row, row);
    auto &level = siblings(node->parent);
    level.insert(level.begin() + row, node.get());
    // Children that waited at the top level for this parent stay there until the next reload:
    // moving them here would need a move per child for a case that only a sync can produce.
    m_nodes.emplace(node->row.id, std::move(node));
    endInsertRows();
}

void CollectionTreeModel::removeNode(Node *node)
{
    // Children of a deleted collection move to the top level, one by one.
    while (!node->children.empty()) {
        Node *child = node->children.back();
        const int from = int(node->children.size()) - 1;
        const int to = childRowFor(nullptr, child->row);
        beginMoveRows(indexOf(node), from, from, {}, to);
        node->children.pop_back();
        child->parent = nullptr;
        m_roots.insert(m_roots.begin() + to, child);
        endMoveRows();
    }
    const int row = rowInParent(node);
    beginRemoveRows(indexOf(node->parent), row, row);
    auto &level = siblings(node->parent);
    level.erase(level.begin() + row);
    endRemoveRows();
    m_nodes.erase(node->row.id);
}

void CollectionTreeModel::onEntityChanged(Kind kind, const QString &id)
{
    if (kind != Kind::Collection || !m_store)
        return;
    const auto found = m_nodes.find(id);
    Node *node = found != m_nodes.end() ? found->second.get() : nullptr;
    std::optional<CollectionRow> fresh = m_store->collectionRow(id);
    if (!node && !fresh)
        return;
    if (!node) {
        insertNode(std::make_unique<Node>(Node{*fresh, nullptr, {}}));
        return;
    }
    if (!fresh) {
        removeNode(node);
        return;
    }
    const auto parent = m_nodes.find(fresh->parentId);
    Node *newParent = parent != m_nodes.end() ? parent->second.get() : nullptr;
    // The tree itself never holds a cycle (reload cuts them), so walking up ends.
    for (const Node *up = newParent; up; up = up->parent) {
        if (up == node) {
            newParent = nullptr; // this change would close a cycle: show it at the top level
            break;
        }
    }
    const int from = rowInParent(node);
    auto &oldLevel = siblings(node->parent);
    oldLevel.erase(oldLevel.begin() + from);
    const int to = childRowFor(newParent, *fresh);
    oldLevel.insert(oldLevel.begin() + from, node); // back until the move is announced
    if (newParent != node->parent || to != from) {
        const int destination = (newParent == node->parent && to >= from) ? to + 1 : to;
        if (beginMoveRows(indexOf(node->parent), from, from, indexOf(newParent), destination)) {
            oldLevel.erase(oldLevel.begin() + from);
            auto &newLevel = siblings(newParent);
            newLevel.insert(newLevel.begin() + to, node);
            node->parent = newParent;
            node->row = *fresh;
            endMoveRows();
        }
    }
    node->row = *fresh;
    const QModelIndex changed = indexOf(node);
    Q_EMIT dataChanged(changed, changed);
}

QModelIndex CollectionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const auto &level = siblings(static_cast<const Node *>(parent.internalPointer()));
    if (parent.isValid() && parent.model() != this)
        return {};
    if (row >= int(level.size()))
        return {};
    return createIndex(row, 0, level[row]);
}

QModelIndex CollectionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *node = static_cast<const Node *>(child.internalPointer());
    return indexOf(node->parent);
}

int CollectionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(siblings(static_cast<const Node *>(parent.internalPointer())).size());
}

int CollectionTreeModel::columnCount(const QModelIndex &) const { return 1; }

QVariant CollectionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *node = static_cast<const Node *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node->row.name;
    case Qt::ToolTipRole:
        return tr("%1: %n item(s)", nullptr, node->row.itemCount).arg(node->row.name);
    case IdRole:
        return node->row.id;
    case CountRole:
        return node->row.itemCount;
    case ColorRole:
        return node->row.color;
    default:
        return {};
    }
}

} // namespace tidemark::model
