#pragma once

#include "model/records.h"

#include <QPointer>
#include <QStandardItemModel>
#include <QTimer>

#include <optional>

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The sidebar's entries: the views (All, Today, Upcoming, Done, Trash), the collections as a
/// tree, the tags, and the sync views (Pending, Conflicts), each with its live count. Entries
/// are keyed ("view:today", "collection:ID", "tag:NAME") so that a selection survives a refresh.
/// Counts follow the store a moment after it changes; the entries themselves are rebuilt only
/// when collections or tags come or go, so the view keeps its selection and expansion.
class SidebarModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        CountRole,   ///< int; absent for section headings
        AlertRole,   ///< int: how many need attention (overdue tasks, open conflicts)
        SectionRole, ///< bool: a heading, not a view
        ColorRole,   ///< a collection's colour
    };

    explicit SidebarModel(model::Store *store, QObject *parent = nullptr);

    /// Reads counts, collections and tags again now.
    void refresh();
    /// Refreshes soon (several changes in a row refresh once).
    void scheduleRefresh();

    [[nodiscard]] QModelIndex indexOfKey(const QString &key) const;
    [[nodiscard]] static std::optional<model::ItemFilter> filterOfKey(const QString &key);
    [[nodiscard]] static QString keyOfFilter(const model::ItemFilter &filter);
    [[nodiscard]] model::ViewCounts counts() const { return m_counts; }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

Q_SIGNALS:
    /// Items were dropped on an entry ("collection:ID", "view:trash", "view:all" for none).
    void itemsDropped(const QStringList &ids, const QString &key);
    /// Counts or entries changed.
    void refreshed();

private:
    QStandardItem *addEntry(QStandardItem *parent, const QString &key, const QString &text, const QString &icon);
    void refreshCollections();
    void refreshTags();

    QPointer<model::Store> m_store;
    QTimer m_refreshTimer;
    model::ViewCounts m_counts;
    QStandardItem *m_views = nullptr;
    QStandardItem *m_collections = nullptr;
    QStandardItem *m_tags = nullptr;
    QStandardItem *m_sync = nullptr;
    QStringList m_collectionShape; ///< what the collection entries were built from
    QStringList m_tagNames;
};

} // namespace tidemark::ui
