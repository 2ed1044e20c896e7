#include "ui/shell/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent, const QString &note)
    : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table = new QTableWidget(int(actions.size()), 2, this);
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    int row = 0;
    for (QAction *action : actions) {
        auto *name = new QTableWidgetItem(action->icon(), action->iconText());
        auto *keys = new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText));
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, keys);
        ++row;
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    m_note = new QLabel(note, this);
    m_note->setObjectName(u"globalShortcutNote"_s);
    m_note->setWordWrap(true);
    m_note->setVisible(!note.isEmpty());
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(460, 560);
}

} // namespace tidemark::ui
