#pragma once

#include "model/records.h"

#include <QAbstractListModel>
#include <QStyledItemDelegate>

namespace tidemark::ui {

/// The hits of one full-text search, best first, as a list model for the results pane.
class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        SnippetRole,
        HighlightsRole, ///< QList<QPoint>: (start, length) of matched words in the snippet
    };

    using QAbstractListModel::QAbstractListModel;

    void setHits(const QList<model::SearchHit> &hits);
    [[nodiscard]] const QList<model::SearchHit> &hits() const { return m_hits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<model::SearchHit> m_hits;
};

/// Draws a search hit: its title, and the snippet with the matched words highlighted.
class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tidemark::ui
