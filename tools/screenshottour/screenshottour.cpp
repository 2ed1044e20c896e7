#include "tools/screenshottour/screenshottour.h"

#include "ui/appearance.h"
#include "ui/conflicts/auditdialog.h"
#include "ui/conflicts/historydialog.h"
#include "ui/shell/itemlistview.h"
#include "ui/shell/mainwindow.h"
#include "ui/conflicts/mergedialog.h"
#include "ui/editors/noteeditor.h"
#include "ui/editors/quickentry.h"
#include "ui/settings/settingsdialog.h"
#include "ui/shell/shell.h"
#include "ui/shell/shortcutsdialog.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::tools {

using namespace tidemark::ui;

namespace {

// The first note (or task) of the list with some text in it, so the tour shows real content.
QString firstOfKind(MainWindow *window, const char *kind)
{
    const auto *items = window->itemModel();
    QString fallback;
    for (int row = 0; row < items->rowCount(); ++row) {
        const QModelIndex index = items->index(row);
        if (index.data(model::ItemListModel::KindRole).toString() != QLatin1StringView(kind))
            continue;
        if (!index.data(model::ItemListModel::SnippetRole).toString().isEmpty())
            return items->idAt(row);
        if (fallback.isEmpty())
            fallback = items->idAt(row);
    }
    return fallback;
}

// The first task with subtasks, so the task editor shows its progress and its subtasks.
QString firstParentTask(MainWindow *window)
{
    const auto *items = window->itemModel();
    for (int row = 0; row < items->rowCount(); ++row) {
        if (items->index(row).data(model::ItemListModel::SubtasksRole).toPoint().y() > 0)
            return items->idAt(row);
    }
    return firstOfKind(window, "task");
}

} // namespace

ScreenshotTour::ScreenshotTour(Shell *shell, QString directory, QObject *parent)
    : QObject(parent)
    , m_shell(shell)
    , m_directory(std::move(directory))
{
}

void ScreenshotTour::grab(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QString file = QDir(m_directory).filePath(name + u".png"_s);
    if (widget->grab().save(file))
        Q_EMIT wrote(file);
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    const auto window = [this] { return m_shell->window(); };
    const Appearance::Scheme chosen = Appearance::scheme(); // put back at the end
    for (const char *suffix : {"", "-dark"}) {
        const QString tail = QLatin1StringView(suffix);
        const bool dark = !tail.isEmpty();
        m_steps << [=] {
            Appearance::setScheme(dark ? Appearance::Scheme::Dark : Appearance::Scheme::Light);
            Appearance::apply();
            window()->resize(1280, 800);
            window()->selectView(u"view:all"_s);
            window()->openItem(firstOfKind(window(), "note"));
        };
        m_steps << [=, this] { grab(window(), u"note"_s + tail); };
        m_steps << [=] {
            window()->selectView(u"view:today"_s);
            if (window()->itemModel()->rowCount() == 0)
                window()->selectView(u"view:all"_s);
            window()->openItem(firstParentTask(window()));
        };
        m_steps << [=, this] { grab(window(), u"task"_s + tail); };
        m_steps << [=] {
            window()->selectView(u"view:archive"_s);
            window()->openItem(firstOfKind(window(), "note"));
        };
        m_steps << [=, this] { grab(window(), u"archive"_s + tail); };
        m_steps << [=] {
            window()->searchField()->setText(u"recipe"_s);
            window()->searchField()->setFocus();
        };
        m_steps << [=, this] {
            grab(window(), u"search"_s + tail);
            window()->searchField()->clear();
        };
        m_steps << [=, this] {
            auto *dialog = new SettingsDialog(window()->store()->path(), window(), window()->store());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
            grab(dialog, u"settings"_s + tail);
            dialog->pages()->setCurrentIndex(2);
            grab(dialog, u"settings-sync"_s + tail);
            if (QWidget *conflicts = dialog->findChild<QWidget *>(u"conflictsPage"_s)) {
                dialog->pages()->setCurrentWidget(conflicts);
                grab(dialog, u"settings-conflicts"_s + tail);
            }
            dialog->close();
        };
        m_steps << [=, this] {
            auto *dialog = new ShortcutsDialog(window()->shortcutActions(), window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
            grab(dialog, u"shortcuts"_s + tail);
            dialog->close();
        };
        m_steps << [=, this] {
            auto *dialog = new QuickEntryDialog(nullptr, QString(), window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->field()->setText(u"Call the plumber about the boiler"_s);
            dialog->show();
            grab(dialog, u"quick-entry"_s + tail);
            dialog->close();
        };
        // A note with an open text conflict (tools/screenshot makes one through a real server):
        // the note with its bar, and the merge dialog over it, with and without the base.
        m_steps << [=] {
            const auto open = window()->store()->conflictRecords(true);
            if (!open)
                return;
            for (const auto &record : *open) {
                if (record.kind == model::Kind::Note && record.mine.isString()) {
                    window()->selectView(u"view:all"_s);
                    window()->openItem(record.entityId);
                    return;
                }
            }
        };
        m_steps << [=, this] {
            if (window()->noteEditor()->conflictBar()->isVisible())
                grab(window(), u"conflict"_s + tail);
        };
        m_steps << [=, this] {
            if (!window()->noteEditor()->conflictBar()->isVisible())
                return;
            // The dialog is modal: it is photographed and closed from inside its own event loop.
            QTimer::singleShot(400, this, [=, this] {
                auto *dialog = qobject_cast<MergeDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                dialog->resize(1200, 560);
                QApplication::processEvents();
                grab(dialog, u"merge"_s + tail);
                if (auto *showBase = dialog->findChild<QCheckBox *>(u"showBase"_s))
                    showBase->setChecked(true);
                QApplication::processEvents();
                grab(dialog, u"merge-base"_s + tail);
                dialog->reject();
            });
            window()->noteEditor()->resolveConflict();
        };
        // The conflict centre, the audit trail on its latest decision, and the pending changes.
        m_steps << [=] { window()->selectView(u"view:conflicts"_s); };
        m_steps << [=, this] { grab(window(), u"conflict-centre"_s + tail); };
        m_steps << [=, this] {
            auto *dialog = new AuditDialog(window()->store(), window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->resize(1000, 640);
            dialog->show();
            QApplication::processEvents();
            grab(dialog, u"audit"_s + tail);
            dialog->close();
        };
        // The history of the note both devices edited in different places: the merge inline.
        m_steps << [=, this] {
            const auto records = window()->store()->conflictRecords();
            if (!records)
                return;
            const auto merged = std::ranges::find(*records, u"text-merged"_s, &model::ConflictRecord::rule);
            if (merged == records->end())
                return;
            auto *dialog = new HistoryDialog(*window()->store(), merged->entityId, window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->resize(1100, 640);
            dialog->show();
            dialog->setDiffMode(HistoryDialog::DiffMode::SideBySide);
            QApplication::processEvents();
            grab(dialog, u"history"_s + tail);
            dialog->setDiffMode(HistoryDialog::DiffMode::Unified);
            QApplication::processEvents();
            grab(dialog, u"history-unified"_s + tail);
            dialog->setDiffMode(HistoryDialog::DiffMode::SideBySide);
            dialog->close();
        };
        m_steps << [=] { window()->selectView(u"view:pending"_s); };
        m_steps << [=, this] {
            grab(window(), u"pending"_s + tail);
            window()->selectView(u"view:all"_s);
        };
    }
    m_steps << [chosen] {
        Appearance::setScheme(chosen);
        Appearance::apply();
    };
    QTimer::singleShot(300, this, &ScreenshotTour::next);
}

void ScreenshotTour::next()
{
    if (m_steps.isEmpty() || !m_shell) {
        Q_EMIT finished();
        return;
    }
    m_steps.takeFirst()();
    // Let the window lay out and paint (and the search run) before the next picture.
    QTimer::singleShot(250, this, &ScreenshotTour::next);
}

} // namespace tidemark::tools
