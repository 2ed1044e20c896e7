#pragma once

#include <QDialog>
#include <QPointer>

class QLineEdit;
class QRadioButton;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// A small window with one field: type and press Enter to add a task (or, switched, a note) to
/// the current collection without leaving what you are doing. Reached from the window and the
/// tray.
class QuickEntryDialog final : public QDialog
{
    Q_OBJECT

public:
    QuickEntryDialog(model::Store *store, QString collectionId, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *field() const { return m_field; }

Q_SIGNALS:
    void created(const QString &id, const QString &title);

private:
    void create();

    QPointer<model::Store> m_store;
    QString m_collectionId;
    QLineEdit *m_field = nullptr;
    QRadioButton *m_task = nullptr;
    QRadioButton *m_note = nullptr;
};

} // namespace tidemark::ui
