#pragma once

#include <QFrame>
#include <QString>

class QLabel;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The amber bar over an editor while its item has an open conflict: what happened, and
/// Resolve… (ConflictResolver, which decides through model::Decisions). The note and task editors
/// share it; it follows the palette.
class ConflictBar final : public QFrame
{
    Q_OBJECT

public:
    explicit ConflictBar(QWidget *parent = nullptr);

    /// Looks for an open conflict of the item that the bar offers to resolve (`textFields`: only
    /// these fields' text conflicts; empty: any field), shows or hides itself, and says `sentence`.
    /// Returns whether it shows.
    bool follow(const model::Store *store, const QString &entityId, const QStringList &textFields,
                const QString &sentence);
    /// The event the bar offers to resolve (empty while hidden).
    [[nodiscard]] QString conflictId() const { return m_conflictId; }

Q_SIGNALS:
    void resolveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    QLabel *m_text = nullptr;
    QString m_conflictId;
};

} // namespace tidemark::ui
