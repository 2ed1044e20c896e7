#pragma once

#include <QStyledItemDelegate>

namespace tidemark::ui {

/// Draws one row of the item list: a note mark or a task's round check box (coloured by
/// priority), the title and when it last changed, then the due badge, tags and the start of the
/// body, with markers for unsent changes and open conflicts. A click on a task's check box asks
/// for it to be completed.
class ItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    /// Whether rows mark unsent changes (only worth showing when there is a server to send to).
    void setShowPending(bool show) { m_showPending = show; }

    /// Where a row's check box is, for clicks and tests.
    [[nodiscard]] static QRect checkBoxRect(const QStyleOptionViewItem &option);
    /// "Today 09:30", "Tomorrow", "Mon 30 Nov", ... for a due moment.
    [[nodiscard]] static QString dueText(const QDateTime &due, bool hasTime);
    /// "10:42" today, a weekday within a week, else a date.
    [[nodiscard]] static QString updatedText(const QDateTime &updated);

Q_SIGNALS:
    void toggleDoneRequested(const QString &id);

private:
    bool m_showPending = false;
};

} // namespace tidemark::ui
