#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Lets a person decide an item's open conflicts in the merge dialog: a text field side by side,
/// fields with one value in its compact form, all in one dialog, written as one transaction.
class ConflictResolver final
{
    Q_DECLARE_TR_FUNCTIONS(ConflictResolver)

public:
    enum class Outcome {
        Nothing,          ///< the item has no open conflict
        Cancelled,        ///< the person closed the dialog: nothing changed
        Resolved,
        KeptBoth,         ///< the other text became an item of its own
        SettledMeanwhile, ///< a sync settled the conflicts while the dialog was open: nothing written
        Failed,           ///< the store refused; `error` says why
    };

    /// Runs the dialog (modal) for `entityId`'s open conflicts.
    static Outcome run(model::Store &store, const QString &entityId, QWidget *parent, QString *error = nullptr);
};

} // namespace tidemark::ui
