#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QFrame;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// The form for one task: title, notes (Markdown, highlighted), due date with an optional time,
/// priority, tags, done, subtasks (add, check, reorder) and recurrence. Edits are saved through
/// the store after a short pause in typing, when focus leaves a field, and when another task is
/// opened; completing a recurring task opens its next occurrence. A change to the open task that
/// comes from elsewhere (another window, the sync) updates the fields the user is not editing.
class TaskEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TaskEditor(model::Store *store, QWidget *parent = nullptr);
    ~TaskEditor() override;

    /// Opens a task (saving what is unsaved of the previous one first); an empty id clears.
    void setTask(const QString &id);
    [[nodiscard]] QString taskId() const;
    /// Writes every unsaved edit now (the window calls it before it closes).
    void saveNow();
    [[nodiscard]] bool hasUnsavedChanges() const;
    /// Puts the keyboard focus in the title field.
    void focusTitle();
    /// The bar over the form while the task has an open conflict, with Resolve….
    [[nodiscard]] QFrame *conflictBar() const;

Q_SIGNALS:
    /// Edits reached the store.
    void saved(const QDateTime &at);
    /// The user asked to open another task (a subtask, or a recurring task's next occurrence).
    void openRequested(const QString &id);
    /// A save failed; the edit is still in the form.
    void failed(const QString &reason);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tidemark::ui
