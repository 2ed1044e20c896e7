#include "taskeditor.h"

#include "model/store.h"

namespace tidemark::ui {

struct TaskEditor::Private
{
    QPointer<model::Store> store;
    QString id;
};

TaskEditor::TaskEditor(model::Store *store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
}

TaskEditor::~TaskEditor() = default;

void TaskEditor::setTask(const QString &id) { d->id = id; }
QString TaskEditor::taskId() const { return d->id; }
void TaskEditor::saveNow() {}
bool TaskEditor::hasUnsavedChanges() const { return false; }
void TaskEditor::focusTitle() {}

} // namespace tidemark::ui
