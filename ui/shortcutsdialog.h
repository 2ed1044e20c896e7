#pragma once

#include <QDialog>

class QAction;
class QTableWidget;

namespace tidemark::ui {

/// Help → Keyboard Shortcuts: every action that has a shortcut, with its key, as the window has
/// them (so the list cannot drift from the menus).
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace tidemark::ui
