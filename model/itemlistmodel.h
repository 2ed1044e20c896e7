#pragma once

#include "records.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace tidemark::model {

class Store;

/// The notes and tasks of one filter (a collection, a tag, Today, Trash, ...), sorted for that
/// filter. It loads what ordering needs of every matching item at once and reads the rest of a
/// row (title, snippet, tags, ...) when a view asks for it, a page at a time, so that 100,000
/// items are ready in a fraction of a second. It then follows the store: a change to one item
/// updates, moves, inserts or removes that one row; it never resets the model for a single edit.
class ItemListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,      ///< "note" or "task"
        SnippetRole,
        TagsRole,      ///< QStringList
        DueRole,       ///< Due text form, empty when none
        DueAtRole,     ///< QDateTime, invalid when none
        PriorityRole,
        DoneRole,
        PinnedRole,
        PendingRole,
        ConflictRole,
        UpdatedAtRole, ///< QDateTime
        CollectionRole,
        RowRole,       ///< the whole ItemRow
        ParentTitleRole, ///< a subtask's parent task's title; null for a top-level item
        SubtasksRole,    ///< a task's subtasks as QPoint(done, total); (0, 0) without any
    };
    Q_ENUM(Role)

    /// How rows are ordered; each filter has a natural order (`orderFor`).
    enum class Order {
        Updated, ///< pinned first, then most recently changed
        Due,     ///< earliest due first, then higher priority
        Manual,  ///< tasks by their manual position, then notes by change
        Done,    ///< most recently completed first
    };

    explicit ItemListModel(Store *store, QObject *parent = nullptr, const ItemFilter &filter = ItemFilter::all());

    void setFilter(const ItemFilter &filter);
    [[nodiscard]] ItemFilter filter() const { return m_filter; }
    [[nodiscard]] Order order() const { return m_order; }
    static Order orderFor(const ItemFilter &filter);

    /// Reads all rows again (a model reset): for a new filter, or after bulk changes.
    bool reload();

    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] QString idAt(int row) const { return m_rows.at(row).id; }
    /// Everything the list shows of a row (read from the store if not yet cached).
    [[nodiscard]] ItemRow item(int row) const { return cached(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// Rows can be dragged (to a collection, the Trash, or another place in a manual order) as
    /// a list of ids under `kIdsMimeType`.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }

    static constexpr QLatin1StringView kIdsMimeType{"application/x-tidemark-item-ids"};
    /// The ids in a drag's data (empty when it is not ours).
    static QStringList idsFromMimeData(const QMimeData *data);

private:
    void onEntityChanged(Kind kind, const QString &id);
    [[nodiscard]] bool lessThan(const ItemOrder &a, const ItemOrder &b) const;
    [[nodiscard]] int insertionRow(const ItemOrder &row, int skip = -1) const;
    void reindex(int from, int to);
    const ItemRow &cached(int row) const;

    QPointer<Store> m_store;
    ItemFilter m_filter;
    Order m_order = Order::Updated;
    QList<ItemOrder> m_rows;
    mutable QHash<QString, int> m_rowOfId;
    mutable bool m_indexed = false;
    mutable QHash<QString, ItemRow> m_cache; ///< display data of rows shown recently
};

} // namespace tidemark::model
