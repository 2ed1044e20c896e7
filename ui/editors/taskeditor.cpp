#include "ui/editors/taskeditor.h"

#include "ui/conflicts/conflictbar.h"
#include "ui/conflicts/conflictresolver.h"
#include "ui/icons.h"
#include "ui/logging.h"
#include "ui/markdownedit.h"
#include "model/due.h"
#include "model/recurrence.h"
#include "model/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {


constexpr int kIdleSaveMs = 600;
constexpr int kIdRole = Qt::UserRole;
constexpr int kDoneRole = Qt::UserRole + 1;

// Combo box order of the recurrence frequencies; index 0 is "does not repeat".
constexpr model::Recurrence::Frequency kFrequencies[] = {
    model::Recurrence::Frequency::Daily, model::Recurrence::Frequency::Weekly,
    model::Recurrence::Frequency::Monthly, model::Recurrence::Frequency::Yearly};

QString tagsText(const QJsonValue &tags)
{
    QStringList words;
    for (const QJsonValue &tag : tags.toArray())
        words << tag.toString();
    return words.join(", "_L1);
}

// As typed: the store trims, drops empty ones and '#', sorts and removes duplicates.
QJsonArray tagsFromText(const QString &text) { return QJsonArray::fromStringList(text.split(u',')); }

// The tags as the store would keep them, so that "b, a" typed over stored "a, b" is no change.
QJsonValue normalisedTags(const QJsonArray &tags)
{
    const auto valid = model::Fields::validate(model::Kind::Task, u"tags"_s, tags);
    return valid ? *valid : QJsonValue(tags);
}

// Replaces a line edit's text from the store without jumping the caret of someone typing there.
void setLineText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    const int position = edit->cursorPosition();
    edit->setText(text);
    if (edit->hasFocus())
        edit->setCursorPosition(std::min(position, int(text.size())));
}

// A form control with the names that tests, the window and screen readers find it by.
template<typename T, typename... Args>
T *control(QWidget *parent, const char *objectName, const QString &accessibleName, Args &&...args)
{
    auto *widget = new T(std::forward<Args>(args)..., parent);
    widget->setObjectName(QLatin1StringView(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

// A row of widgets; `stretched` (if any) takes the spare width, else it goes to the end.
QHBoxLayout *hbox(QWidget *stretched, std::initializer_list<QWidget *> others)
{
    auto *row = new QHBoxLayout;
    if (stretched)
        row->addWidget(stretched, 1);
    for (QWidget *widget : others)
        row->addWidget(widget);
    if (!stretched)
        row->addStretch(1);
    return row;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

void showDone(QListWidgetItem *item, bool done)
{
    item->setData(kDoneRole, done);
    item->setCheckState(done ? Qt::Checked : Qt::Unchecked);
    QFont font = item->font();
    font.setStrikeOut(done);
    item->setFont(font);
}

} // namespace

struct TaskEditor::Private
{
    enum class Fill { Open, Refresh };

    TaskEditor *q = nullptr;
    QPointer<model::Store> store;
    QString id;
    model::Entity current;  ///< the open task as the store last reported it
    QSet<QString> dirty;    ///< text fields typed into and not yet saved
    QStringList subtaskIds; ///< as listed, to notice a subtask that leaves
    QTimeZone dueZone;      ///< the shown time's zone: an edit keeps the task's zone, not this device's
    bool filling = false;   ///< the form is being filled from the store: changes are not edits
    bool writing = false;   ///< our own write is under way: its change signal is no news
    bool subtaskReloadQueued = false;

    QScrollArea *scroll = nullptr;
    QWidget *form = nullptr;
    QLineEdit *title = nullptr, *tags = nullptr, *newSubtask = nullptr;
    QCheckBox *done = nullptr, *dueEnabled = nullptr, *timeEnabled = nullptr;
    QDateEdit *dueDate = nullptr;
    QTimeEdit *dueTime = nullptr;
    QLabel *dueZoneLabel = nullptr, *recurrenceNote = nullptr;
    QComboBox *priority = nullptr, *recurrence = nullptr;
    QSpinBox *interval = nullptr;
    MarkdownEdit *notes = nullptr;
    QLabel *subtasksLabel = nullptr; ///< "Subtasks (1/3)"
    ConflictBar *conflictBar = nullptr;

    void updateConflictBar()
    {
        conflictBar->follow(store, id, {},
                            TaskEditor::tr("This task was changed here and on another device at once. "
                                           "Nothing is lost: both versions are kept until you choose."));
    }

    void resolveConflict()
    {
        if (!store || id.isEmpty() || conflictBar->conflictId().isEmpty())
            return;
        saveText();
        QString error;
        const QString task = id;
        if (ConflictResolver::run(*store, task, q->window(), &error) == ConflictResolver::Outcome::Failed)
            Q_EMIT q->failed(error);
        q->setTask(task); // as the decision left it
    }
    QListWidget *subtasks = nullptr;
    QToolButton *subtaskUp = nullptr, *subtaskDown = nullptr, *subtaskRemove = nullptr;
    QPushButton *addSubtask = nullptr;
    QTimer *idle = nullptr;

    void build();
    void connectSignals();
    void show(const model::Entity &task, Fill fill);
    void clear();
    void updateDueControls();
    void updateIntervalSuffix();

    void textEdited(const QString &field);
    void saveText();
    bool write(const QJsonObject &changes);
    void saveField(const QString &field, const QJsonValue &value);
    [[nodiscard]] QJsonValue dueValue() const;
    [[nodiscard]] QJsonValue recurrenceValue() const;
    void completeTask(bool isDone);

    void reloadSubtasks();
    void queueSubtaskReload();
    void updateSubtaskButtons();
    void fitSubtaskList();
    [[nodiscard]] QString subtaskAt(int row) const;
    void addSubtaskFromField();
    void moveSubtask(int delta);
    void reorderSubtask(const QString &childId, const QString &afterId, const QString &beforeId);
    void removeSubtask();
    void subtaskEdited(QListWidgetItem *item);

    void entityChanged(model::Kind kind, const QString &changedId);

    /// Tells the window how a write went: `saved`, or `failed` with the store's reason.
    template<typename T>
    bool reported(const model::Result<T> &result, const char *action)
    {
        if (!result) {
            // The code only: the message may quote what was typed.
            qCWarning(lcUi) << "cannot" << action << id << "error code" << int(result.error().code);
            Q_EMIT q->failed(result.error().message);
            return false;
        }
        Q_EMIT q->saved(QDateTime::currentDateTime());
        return true;
    }
};

void TaskEditor::Private::build()
{
    auto *outer = new QVBoxLayout(q);
    outer->setContentsMargins(0, 0, 0, 0);
    scroll = new QScrollArea(q);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Over the form, while the task has an open conflict (its notes, or a field asked about).
    conflictBar = new ConflictBar(q);
    QObject::connect(conflictBar, &ConflictBar::resolveRequested, q, [this] { resolveConflict(); });
    auto *barRow = new QHBoxLayout;
    barRow->setContentsMargins(8, 8, 8, 0);
    barRow->addWidget(conflictBar);
    outer->addLayout(barRow);
    outer->addWidget(scroll);
    form = new QWidget;
    auto *layout = new QFormLayout(form);
    // Labels above the fields when the pane is narrow, beside them when there is room.
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    title = control<QLineEdit>(form, "taskTitle", TaskEditor::tr("Title"));
    title->setPlaceholderText(TaskEditor::tr("What needs doing?"));
    layout->addRow(TaskEditor::tr("&Title"), title);
    done = control<QCheckBox>(form, "taskDone", TaskEditor::tr("Done"), TaskEditor::tr("&Done"));
    layout->addRow(QString(), done);

    // The toggles are the row labels: "Due [date]", "Time [time]".
    dueEnabled = control<QCheckBox>(form, "taskDueEnabled", TaskEditor::tr("Has a due date"),
                                    TaskEditor::tr("D&ue"));
    dueEnabled->setIcon(themedIcon(u"due"_s));
    dueDate = control<QDateEdit>(form, "taskDueDate", TaskEditor::tr("Due date"));
    dueDate->setCalendarPopup(true);
    dueDate->setKeyboardTracking(false); // one save per finished date, not one per typed digit
    layout->addRow(dueEnabled, dueDate);
    timeEnabled = control<QCheckBox>(form, "taskTimeEnabled", TaskEditor::tr("Has a due time"),
                                     TaskEditor::tr("T&ime"));
    dueTime = control<QTimeEdit>(form, "taskDueTime", TaskEditor::tr("Due time"));
    dueTime->setKeyboardTracking(false);
    dueTime->setDisplayFormat(QLocale().timeFormat(QLocale::ShortFormat)); // the store keeps minutes
    dueZoneLabel = control<QLabel>(form, "taskDueZone", TaskEditor::tr("Time zone"));
    layout->addRow(timeEnabled, hbox(dueTime, {dueZoneLabel}));

    priority = control<QComboBox>(form, "taskPriority", TaskEditor::tr("Priority"));
    priority->addItem(TaskEditor::tr("None"));
    for (const QString &level : {TaskEditor::tr("Low"), TaskEditor::tr("Medium"), TaskEditor::tr("High")})
        priority->addItem(themedIcon(u"priority"_s), level); // the index is the priority
    layout->addRow(TaskEditor::tr("&Priority"), priority);

    recurrence = control<QComboBox>(form, "taskRecurrence", TaskEditor::tr("Repeats"));
    recurrence->addItem(TaskEditor::tr("Does not repeat"));
    for (const QString &every : {TaskEditor::tr("Daily"), TaskEditor::tr("Weekly"), TaskEditor::tr("Monthly"),
                                 TaskEditor::tr("Yearly")})
        recurrence->addItem(themedIcon(u"recurrence"_s), every); // in kFrequencies order
    interval = control<QSpinBox>(form, "taskInterval", TaskEditor::tr("Repeat interval"));
    interval->setRange(1, 999); // the rule's limits (model/recurrence.h)
    interval->setKeyboardTracking(false);
    interval->setPrefix(TaskEditor::tr("every "));
    layout->addRow(buddyLabel(TaskEditor::tr("&Repeat"), recurrence), hbox(recurrence, {interval}));
    recurrenceNote = control<QLabel>(form, "recurrenceNote", TaskEditor::tr("Next occurrence"));
    recurrenceNote->setWordWrap(true);
    layout->addRow(QString(), recurrenceNote);

    tags = control<QLineEdit>(form, "taskTags", TaskEditor::tr("Tags"));
    tags->setPlaceholderText(TaskEditor::tr("Comma-separated"));
    tags->addAction(themedIcon(u"tag"_s), QLineEdit::LeadingPosition);
    layout->addRow(TaskEditor::tr("T&ags"), tags);

    // Subtasks and notes take the full width under their labels; the field for a new subtask
    // comes first, where the default window size shows it.
    subtasks = control<QListWidget>(form, "subtaskList", TaskEditor::tr("Subtasks"));
    subtasks->setSelectionMode(QAbstractItemView::SingleSelection);
    subtasks->setDragDropMode(QAbstractItemView::InternalMove);
    subtasks->setDefaultDropAction(Qt::MoveAction);
    subtasks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    subtasks->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    subtasksLabel = buddyLabel(TaskEditor::tr("&Subtasks"), subtasks);
    layout->addRow(subtasksLabel);
    newSubtask = control<QLineEdit>(form, "newSubtask", TaskEditor::tr("New subtask"));
    newSubtask->setPlaceholderText(TaskEditor::tr("New subtask"));
    addSubtask = control<QPushButton>(form, "addSubtask", TaskEditor::tr("Add subtask"), themedIcon(u"add"_s),
                                      TaskEditor::tr("Add"));
    addSubtask->setToolTip(TaskEditor::tr("Add subtask"));
    layout->addRow(hbox(newSubtask, {addSubtask}));
    layout->addRow(subtasks);
    fitSubtaskList();
    // Short texts: they show while an icon is missing, and must not widen a narrow pane.
    const auto toolButton = [&](const char *icon, const QString &text, const QString &tip, const char *name) {
        auto *button = control<QToolButton>(form, name, tip);
        button->setIcon(themedIcon(QLatin1StringView(icon)));
        button->setText(text);
        button->setToolTip(tip);
        return button;
    };
    subtaskUp = toolButton("up", TaskEditor::tr("Up"), TaskEditor::tr("Move subtask up"), "subtaskUp");
    subtaskDown = toolButton("down", TaskEditor::tr("Down"), TaskEditor::tr("Move subtask down"),
                             "subtaskDown");
    subtaskRemove = toolButton("remove", TaskEditor::tr("Remove"),
                               TaskEditor::tr("Move subtask to the Trash"), "removeSubtask");
    layout->addRow(hbox(nullptr, {subtaskUp, subtaskDown, subtaskRemove}));

    notes = control<MarkdownEdit>(form, "taskNotes", TaskEditor::tr("Notes"));
    notes->setMinimumHeight(120);
    notes->setPlaceholderText(TaskEditor::tr("Notes (Markdown)"));
    layout->addRow(buddyLabel(TaskEditor::tr("&Notes"), notes));
    layout->addRow(notes);
    scroll->setWidget(form);

    // Reading order, top to bottom; the checkboxes that label a row come before their fields.
    const QList<QWidget *> order{title, done, dueEnabled, dueDate, timeEnabled, dueTime, priority,
                                 recurrence, interval, tags, newSubtask, addSubtask, subtasks, subtaskUp,
                                 subtaskDown, subtaskRemove, notes};
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);

    idle = new QTimer(q);
    idle->setSingleShot(true);
    idle->setInterval(kIdleSaveMs);
}

void TaskEditor::Private::connectSignals()
{
    QObject::connect(idle, &QTimer::timeout, q, [this] { saveText(); });

    QObject::connect(title, &QLineEdit::textEdited, q, [this] { textEdited(u"title"_s); });
    QObject::connect(tags, &QLineEdit::textEdited, q, [this] { textEdited(u"tags"_s); });
    QObject::connect(notes, &MarkdownEdit::textEdited, q, [this] {
        // The highlighter's format changes also signal; only typing marks the document modified.
        if (!filling && notes->document()->isModified())
            textEdited(u"notes"_s);
    });
    QObject::connect(title, &QLineEdit::editingFinished, q, [this] { saveText(); });
    QObject::connect(tags, &QLineEdit::editingFinished, q, [this] {
        saveText();
        // Show what the store kept (sorted, without '#') once the person is done with the field.
        if (dirty.isEmpty() && !id.isEmpty()) {
            const QScopedValueRollback guard(filling, true);
            setLineText(tags, tagsText(current.fields.value(u"tags"_s)));
        }
    });
    QObject::connect(notes, &MarkdownEdit::focusLost, q, [this] { saveText(); });

    QObject::connect(done, &QCheckBox::clicked, q, [this](bool checked) { completeTask(checked); });
    // saveField() ignores the changes made while the form is filled from the store.
    const auto dueEdited = [this] {
        updateDueControls();
        saveField(u"due"_s, dueValue());
    };
    QObject::connect(dueEnabled, &QCheckBox::clicked, q, dueEdited);
    QObject::connect(timeEnabled, &QCheckBox::clicked, q, dueEdited);
    QObject::connect(dueDate, &QDateEdit::dateChanged, q, dueEdited);
    QObject::connect(dueTime, &QTimeEdit::timeChanged, q, dueEdited);
    QObject::connect(priority, &QComboBox::activated, q,
                     [this](int index) { saveField(u"priority"_s, index); });
    QObject::connect(recurrence, &QComboBox::activated, q, [this] {
        interval->setVisible(recurrence->currentIndex() > 0);
        updateIntervalSuffix();
        saveField(u"recurrence"_s, recurrenceValue());
    });
    QObject::connect(interval, &QSpinBox::valueChanged, q, [this] {
        updateIntervalSuffix();
        saveField(u"recurrence"_s, recurrenceValue());
    });

    QObject::connect(subtasks, &QListWidget::itemChanged, q,
                     [this](QListWidgetItem *item) { subtaskEdited(item); });
    QObject::connect(subtasks, &QListWidget::itemActivated, q, [this](QListWidgetItem *item) {
        Q_EMIT q->openRequested(item->data(kIdRole).toString());
    });
    QObject::connect(subtasks, &QListWidget::currentRowChanged, q, [this] { updateSubtaskButtons(); });
    // A drop inside the list has already moved the row; the store learns the new neighbours
    // after the drop has finished with the row, as the reload replaces every item.
    QObject::connect(subtasks->model(), &QAbstractItemModel::rowsMoved, q,
                     [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                         if (filling)
                             return;
                         const int now = row > start ? row - 1 : row;
                         const QString moved = subtaskAt(now);
                         const QString after = subtaskAt(now - 1);
                         const QString before = subtaskAt(now + 1);
                         QMetaObject::invokeMethod(
                             q, [this, moved, after, before] { reorderSubtask(moved, after, before); },
                             Qt::QueuedConnection);
                     });
    QObject::connect(subtaskUp, &QToolButton::clicked, q, [this] { moveSubtask(-1); });
    QObject::connect(subtaskDown, &QToolButton::clicked, q, [this] { moveSubtask(+1); });
    QObject::connect(subtaskRemove, &QToolButton::clicked, q, [this] { removeSubtask(); });
    QObject::connect(newSubtask, &QLineEdit::returnPressed, q, [this] { addSubtaskFromField(); });
    QObject::connect(addSubtask, &QPushButton::clicked, q, [this] { addSubtaskFromField(); });

    if (store) {
        QObject::connect(store, &model::Store::entityChanged, q,
                         [this](model::Kind kind, const QString &other) { entityChanged(kind, other); });
    }
}

void TaskEditor::Private::show(const model::Entity &task, Fill fill)
{
    const QScopedValueRollback guard(filling, true);
    // A refresh leaves alone what the person has typed and not yet saved.
    const auto take = [&](const QString &field) { return fill == Fill::Open || !dirty.contains(field); };
    const QJsonObject &f = task.fields;

    if (take(u"title"_s))
        setLineText(title, f.value(u"title"_s).toString());
    if (take(u"notes"_s)) {
        const QString text = f.value(u"notes"_s).toString();
        if (fill == Fill::Open)
            notes->setPlainText(text); // a fresh undo history: undo must not bring back another task
        else
            notes->setTextKeepingCursor(text);
        notes->document()->setModified(false);
    }
    if (take(u"tags"_s) && normalisedTags(tagsFromText(tags->text())) != f.value(u"tags"_s))
        setLineText(tags, tagsText(f.value(u"tags"_s)));

    done->setChecked(f.value(u"done_at"_s).isString());

    const auto due = model::Due::parse(f.value(u"due"_s).toString());
    dueEnabled->setChecked(due.has_value());
    dueDate->setDate(due ? due->date : QDate::currentDate());
    timeEnabled->setChecked(due && due->time);
    dueTime->setTime(due && due->time ? *due->time : QTime(9, 0));
    dueZone = due && due->time ? due->zone : QTimeZone();
    updateDueControls();

    priority->setCurrentIndex(std::clamp(f.value(u"priority"_s).toInt(), 0, 3));

    const auto rule = model::Recurrence::parse(f.value(u"recurrence"_s).toString());
    const auto *frequency = rule ? std::ranges::find(kFrequencies, rule->frequency) : std::end(kFrequencies);
    recurrence->setCurrentIndex(rule ? int(frequency - std::begin(kFrequencies)) + 1 : 0);
    interval->setValue(rule ? rule->interval : 1);
    interval->setVisible(rule.has_value());
    updateIntervalSuffix();

    current = task;
}

void TaskEditor::Private::clear()
{
    idle->stop();
    id.clear();
    dirty.clear();
    show({model::Kind::Task, {}, 0, model::Fields::defaults(model::Kind::Task), 0, 0}, Fill::Open);
    const QScopedValueRollback guard(filling, true);
    recurrenceNote->hide();
    subtasks->clear();
    subtaskIds.clear();
    fitSubtaskList();
    newSubtask->clear();
    form->setEnabled(false);
    conflictBar->hide();
}

void TaskEditor::Private::updateDueControls()
{
    const bool hasTime = dueEnabled->isChecked() && timeEnabled->isChecked();
    dueDate->setEnabled(dueEnabled->isChecked());
    timeEnabled->setEnabled(dueEnabled->isChecked());
    dueTime->setEnabled(hasTime);
    // Name the zone only when it is not this device's: then the shown time is not local time.
    const bool foreign = hasTime && dueZone.isValid() && dueZone != QTimeZone::systemTimeZone();
    dueZoneLabel->setText(foreign ? QString::fromUtf8(dueZone.id()) : QString());
    dueZoneLabel->setVisible(foreign);
}

void TaskEditor::Private::updateIntervalSuffix()
{
    // By frequency (kFrequencies order); the count picks the plural form.
    static const char *const units[] = {QT_TRANSLATE_N_NOOP("tidemark::ui::TaskEditor", "day(s)"),
                                        QT_TRANSLATE_N_NOOP("tidemark::ui::TaskEditor", "week(s)"),
                                        QT_TRANSLATE_N_NOOP("tidemark::ui::TaskEditor", "month(s)"),
                                        QT_TRANSLATE_N_NOOP("tidemark::ui::TaskEditor", "year(s)")};
    const int unit = std::max(recurrence->currentIndex(), 1) - 1;
    interval->setSuffix(u' ' + TaskEditor::tr(units[unit], nullptr, interval->value()));
}

void TaskEditor::Private::textEdited(const QString &field)
{
    if (filling || id.isEmpty())
        return;
    dirty.insert(field);
    idle->start(); // restarts: the save waits for a pause in typing
}

void TaskEditor::Private::saveText()
{
    idle->stop();
    if (dirty.isEmpty() || id.isEmpty())
        return;
    QJsonObject changes;
    if (dirty.contains(u"title"_s) && title->text() != current.string(u"title"_s))
        changes.insert(u"title"_s, title->text());
    if (dirty.contains(u"notes"_s) && notes->toPlainText() != current.string(u"notes"_s))
        changes.insert(u"notes"_s, notes->toPlainText());
    if (dirty.contains(u"tags"_s)) {
        const QJsonArray typed = tagsFromText(tags->text());
        if (normalisedTags(typed) != current.fields.value(u"tags"_s))
            changes.insert(u"tags"_s, typed);
    }
    if (!write(changes))
        return; // still dirty: the next pause or focus change tries again
    dirty.clear();
    notes->document()->setModified(false);
}

bool TaskEditor::Private::write(const QJsonObject &changes)
{
    if (changes.isEmpty())
        return true;
    if (!store || id.isEmpty())
        return false;
    const model::Result<model::Entity> result = [&] {
        const QScopedValueRollback guard(writing, true);
        return store->update(id, changes);
    }();
    if (result)
        current = *result;
    return reported(result, "save task");
}

void TaskEditor::Private::saveField(const QString &field, const QJsonValue &value)
{
    if (filling || id.isEmpty() || current.fields.value(field) == value)
        return;
    write({{field, value}});
    if (field == u"due"_s && timeEnabled->isChecked() && !dueZone.isValid()) {
        dueZone = model::Due::parse(current.string(u"due"_s)).value_or(model::Due{}).zone;
        updateDueControls();
    }
}

QJsonValue TaskEditor::Private::dueValue() const
{
    if (!dueEnabled->isChecked())
        return QJsonValue::Null;
    model::Due due;
    due.date = dueDate->date();
    if (timeEnabled->isChecked()) {
        const QTime time = dueTime->time();
        due.time = QTime(time.hour(), time.minute());
        // A time first set here is this device's local time (Due::parse's default).
        due.zone = dueZone.isValid() ? dueZone : QTimeZone::systemTimeZone();
    }
    return due.toString();
}

QJsonValue TaskEditor::Private::recurrenceValue() const
{
    const int index = recurrence->currentIndex();
    if (index <= 0)
        return QJsonValue::Null;
    return model::Recurrence{kFrequencies[index - 1], interval->value()}.toString();
}

void TaskEditor::Private::completeTask(bool isDone)
{
    if (!store || id.isEmpty())
        return;
    saveText(); // a next occurrence copies the task as stored: it must include the typing
    const model::Result<QList<model::Entity>> result = [&] {
        const QScopedValueRollback guard(writing, true);
        return store->setDone(id, isDone);
    }();
    if (!reported(result, "complete task")) {
        const QScopedValueRollback guard(filling, true);
        done->setChecked(current.fields.value(u"done_at"_s).isString());
        return;
    }
    current = result->first();
    if (result->size() < 2)
        return;
    const model::Entity next = result->at(1);
    q->setTask(next.id);
    if (const auto due = model::Due::parse(next.string(u"due"_s))) {
        const QString date = QLocale().toString(due->date, QLocale::ShortFormat);
        recurrenceNote->setText(TaskEditor::tr("Next: %1").arg(date));
        recurrenceNote->show();
    }
    Q_EMIT q->openRequested(next.id);
}

void TaskEditor::Private::reloadSubtasks()
{
    subtaskReloadQueued = false;
    const QString selected = subtaskAt(subtasks->currentRow());
    const QScopedValueRollback guard(filling, true);
    subtasks->clear();
    subtaskIds.clear();
    if (!store || id.isEmpty()) {
        updateSubtaskButtons();
        return;
    }
    const auto children = store->subtasks(id);
    if (!children) {
        qCWarning(lcUi) << "cannot list subtasks of" << id << "error code" << int(children.error().code);
        updateSubtaskButtons();
        return;
    }
    for (const model::Entity &child : *children) {
        const bool isDone = child.fields.value(u"done_at"_s).isString();
        const QString text = child.string(u"title"_s);
        auto *item = new QListWidgetItem(text.isEmpty() ? TaskEditor::tr("(untitled)") : text);
        item->setData(kIdRole, child.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                       | Qt::ItemIsDragEnabled);
        showDone(item, isDone);
        subtasks->addItem(item);
        subtaskIds << child.id;
    }
    const qsizetype row = subtaskIds.indexOf(selected);
    if (row >= 0)
        subtasks->setCurrentRow(int(row));
    fitSubtaskList();
    updateSubtaskButtons();
}

void TaskEditor::Private::fitSubtaskList()
{
    // As tall as its subtasks (two rows at least, so a drop has room; ten at most, then it
    // scrolls), so the notes below keep the rest of the pane.
    const int rowHeight = std::max(subtasks->sizeHintForRow(0), subtasks->fontMetrics().height() + 4);
    const int rows = std::clamp(subtasks->count(), 2, 10);
    subtasks->setFixedHeight(rows * rowHeight + 2 * subtasks->frameWidth() + 4);
}

void TaskEditor::Private::queueSubtaskReload()
{
    // Changes arrive in bursts (a batch, a sync page) and often while the list itself is busy
    // (a checkbox toggled in it): rebuild once, afterwards.
    if (std::exchange(subtaskReloadQueued, true))
        return;
    QMetaObject::invokeMethod(q, [this] {
        if (subtaskReloadQueued)
            reloadSubtasks();
    }, Qt::QueuedConnection);
}

void TaskEditor::Private::updateSubtaskButtons()
{
    const int row = subtasks->currentRow();
    subtaskUp->setEnabled(row > 0);
    subtaskDown->setEnabled(row >= 0 && row < subtasks->count() - 1);
    subtaskRemove->setEnabled(row >= 0);
    // How far the task is through its parts, in the heading.
    int checked = 0;
    for (int i = 0; i < subtasks->count(); ++i)
        checked += subtasks->item(i)->checkState() == Qt::Checked ? 1 : 0;
    subtasksLabel->setText(subtasks->count() == 0 ? TaskEditor::tr("&Subtasks")
                                                  : TaskEditor::tr("&Subtasks (%1/%2)").arg(checked).arg(subtasks->count()));
}

QString TaskEditor::Private::subtaskAt(int row) const
{
    const QListWidgetItem *item = row >= 0 ? subtasks->item(row) : nullptr;
    return item ? item->data(kIdRole).toString() : QString();
}

void TaskEditor::Private::addSubtaskFromField()
{
    const QString text = newSubtask->text().trimmed();
    if (!store || id.isEmpty() || text.isEmpty())
        return;
    // In the parent's collection (or none), where the list looks for it.
    const QJsonObject fields{{u"title"_s, text},
                             {u"parent"_s, id},
                             {u"collection"_s, current.fields.value(u"collection"_s)}};
    const auto created = store->create(model::Kind::Task, fields);
    if (!reported(created, "add a subtask to"))
        return;
    newSubtask->clear(); // the focus stays here for the next one
    reloadSubtasks();
}

void TaskEditor::Private::moveSubtask(int delta)
{
    const int row = subtasks->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= subtasks->count())
        return;
    // The new neighbours: moving up goes between the two above, moving down between the two below.
    const QString after = delta < 0 ? subtaskAt(target - 1) : subtaskAt(target);
    const QString before = delta < 0 ? subtaskAt(target) : subtaskAt(target + 1);
    reorderSubtask(subtaskAt(row), after, before);
}

void TaskEditor::Private::reorderSubtask(const QString &childId, const QString &afterId,
                                         const QString &beforeId)
{
    if (!store || childId.isEmpty())
        return;
    reported(store->reorder(childId, afterId, beforeId), "reorder a subtask of");
    // The selection follows the moved subtask; after a failure this puts a dragged row back.
    reloadSubtasks();
    const qsizetype row = subtaskIds.indexOf(childId);
    if (row >= 0)
        subtasks->setCurrentRow(int(row));
}

void TaskEditor::Private::removeSubtask()
{
    const int row = subtasks->currentRow();
    const QString childId = subtaskAt(row);
    if (!store || childId.isEmpty())
        return;
    if (!reported(store->trash(childId), "remove a subtask of"))
        return;
    reloadSubtasks();
    subtasks->setCurrentRow(std::min(row, subtasks->count() - 1));
}

void TaskEditor::Private::subtaskEdited(QListWidgetItem *item)
{
    if (filling || !store)
        return;
    const bool checked = item->checkState() == Qt::Checked;
    if (checked == item->data(kDoneRole).toBool())
        return;
    if (!reported(store->setDone(item->data(kIdRole).toString(), checked), "complete a subtask of")) {
        queueSubtaskReload(); // puts the checkbox back; not now, the list is still handling it
        return;
    }
    const QScopedValueRollback guard(filling, true);
    showDone(item, checked);
    updateSubtaskButtons();
}

void TaskEditor::Private::entityChanged(model::Kind kind, const QString &changedId)
{
    if (kind != model::Kind::Task || id.isEmpty() || !store)
        return;
    if (changedId == id) {
        if (writing)
            return; // our own write: `current` comes from its result
        const auto task = store->entity(id);
        if (!task || task->isDeleted()) {
            // Gone elsewhere. Typing is kept with it, where a restore from the Trash finds it.
            if (task)
                saveText();
            clear();
            return;
        }
        const bool moved = task->string(u"collection"_s) != current.string(u"collection"_s);
        show(*task, Fill::Refresh);
        updateConflictBar(); // a pull brings conflicts and settles them
        if (moved)
            queueSubtaskReload();
        return;
    }
    if (subtaskIds.contains(changedId)) {
        queueSubtaskReload();
        return;
    }
    const auto other = store->entity(changedId);
    if (other && other->string(u"parent"_s) == id)
        queueSubtaskReload();
}

TaskEditor::TaskEditor(model::Store *store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->store = store;
    d->build();
    d->connectSignals();
    d->clear();
}

TaskEditor::~TaskEditor()
{
    // Keep the typing, but tell no one: the listeners may be going away with this window.
    {
        const QSignalBlocker blocker(this);
        saveNow();
    }
    // The fields are deleted after `d`; none of their last signals may reach it.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    if (d->store)
        d->store->disconnect(this);
}

void TaskEditor::setTask(const QString &id)
{
    saveNow();
    const bool same = id == d->id;
    const auto task = d->store && !id.isEmpty() ? d->store->entity(id) : std::nullopt;
    if (!task || task->kind != model::Kind::Task || task->isDeleted()) {
        d->clear();
        return;
    }
    if (!same) {
        d->dirty.clear(); // what could not be saved belongs to the task left; `failed` said so
        d->recurrenceNote->hide();
        d->scroll->verticalScrollBar()->setValue(0);
    }
    d->id = id;
    d->show(*task, same ? Private::Fill::Refresh : Private::Fill::Open);
    d->form->setEnabled(true);
    d->reloadSubtasks();
    d->updateConflictBar();
}

QString TaskEditor::taskId() const { return d->id; }

void TaskEditor::saveNow() { d->saveText(); }

bool TaskEditor::hasUnsavedChanges() const { return !d->dirty.isEmpty(); }

QFrame *TaskEditor::conflictBar() const { return d->conflictBar; }

void TaskEditor::focusTitle() { d->title->setFocus(Qt::OtherFocusReason); }

} // namespace tidemark::ui
