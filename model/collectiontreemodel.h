#pragma once

#include "records.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <unordered_map>
#include <vector>

namespace tidemark::model {

class Store;

/// The collections as a tree (a collection may have a parent), each with the number of live notes
/// and tasks in it. Follows the store: a rename or a count change updates one row; a new, moved or
/// deleted collection inserts, moves or removes rows.
class CollectionTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CountRole,
        ColorRole, ///< "#rrggbb" or empty
    };
    Q_ENUM(Role)

    explicit CollectionTreeModel(Store *store, QObject *parent = nullptr);
    ~CollectionTreeModel() override;

    bool reload();
    [[nodiscard]] QModelIndex indexOf(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        CollectionRow row;
        Node *parent = nullptr;
        std::vector<Node *> children;
    };

    void onEntityChanged(Kind kind, const QString &id);
    void insertNode(std::unique_ptr<Node> node);
    void removeNode(Node *node);
    [[nodiscard]] int rowInParent(const Node *node) const;
    [[nodiscard]] const std::vector<Node *> &siblings(const Node *parent) const;
    std::vector<Node *> &siblings(Node *parent);
    [[nodiscard]] int childRowFor(const Node *parent, const CollectionRow &row) const;
    [[nodiscard]] QModelIndex indexOf(const Node *node) const;

    QPointer<Store> m_store;
    std::vector<Node *> m_roots;
    std::unordered_map<QString, std::unique_ptr<Node>> m_nodes;
};

} // namespace tidemark::model
