#pragma once

#include <QDialog>

class QAction;
class QLabel;
class QTableWidget;

namespace tidemark::ui {

/// Help → Keyboard Shortcuts: every action that has a shortcut, with its key, as the window has
/// them (so the list cannot drift from the menus).
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `note`: a line under the table (how Quick Entry works from anywhere, or why it does not).
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr, const QString &note = {});

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QLabel *note() const { return m_note; }

private:
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace tidemark::ui
