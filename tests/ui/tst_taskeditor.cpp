// The task form as a person uses it: typing, toggles and lists reach the store, and changes made
// elsewhere reach the form without eating what is being typed.
#include "ui/editors/taskeditor.h"

#include "model/due.h"
#include "model/store.h"
#include "ui/conflicts/mergedialog.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QToolButton>

using namespace tidemark;
using namespace Qt::StringLiterals;
using model::Kind;

class TestTaskEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openingATaskChangesNothing();

    void emptyNoteOrDeletedIdClearsTheForm();
    void typedTitleIsSavedAfterAPause();
    void leavingTheNotesSavesThemAtOnce();
    void dueDateAndTimeAreSaved();
    void dueTimeKeepsItsZone();
    void priorityAndRecurrencePersist();
    void checkingDoneCompletesTheTask();
    void completingARecurringTaskOpensTheNextOne();
    void checkingDoneOnAParentChecksItsSubtasks();
    void aConflictOverTheNotesShowsABarThatResolvesIt();
    void subtasksAreAddedCheckedAndReordered();
    void subtasksCanBeDraggedRemovedAndOpened();
    void changeFromElsewhereKeepsUnsavedTyping();
    void changeFromElsewhereKeepsTheCaret();
    void switchingTasksSavesPendingTyping();
    void refusedSaveKeepsTheTyping();

private:
    model::Entity task(const QJsonObject &fields);
    template<typename T>
    T *field(const char *name) const
    {
        auto *widget = m_editor->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    QString stored(const QString &id, const QString &field) const
    {
        return m_store->entity(id)->string(field);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<model::Store> m_store;
    std::unique_ptr<ui::TaskEditor> m_editor;
};

namespace {

// Clicks a checkbox where a person would: on its box.
void clickBox(QCheckBox *box)
{
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

QPoint centreOf(QListWidget *list, int row) { return list->visualItemRect(list->item(row)).center(); }

} // namespace

void TestTaskEditor::initTestCase() { QStandardPaths::setTestModeEnabled(true); }

void TestTaskEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = model::Store::open(m_dir->filePath(u"store.db"_s));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);
    m_editor = std::make_unique<ui::TaskEditor>(m_store.get());
    m_editor->resize(360, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

void TestTaskEditor::cleanup()
{
    m_editor.reset();
    m_store.reset();
    m_dir.reset();
}

void TestTaskEditor::openingATaskChangesNothing()
{
    const auto parent = task({{u"title"_s, u"Trip"_s}, {u"due"_s, u"2026-12-01T17:30[Europe/Lisbon]"_s},
                              {u"priority"_s, 2}, {u"notes"_s, u"**bold**"_s}, {u"tags"_s, QJsonArray{u"travel"_s}},
                              {u"recurrence"_s, u"FREQ=WEEKLY;INTERVAL=2"_s}});
    const auto child = task({{u"title"_s, u"Flights"_s}, {u"parent"_s, parent.id}});
    const auto other = task({{u"title"_s, u"Other"_s}, {u"due"_s, u"2026-12-02"_s}});
    const int versions = int(m_store->history(parent.id)->size());
    const int pending = m_store->pendingCount();
    QSignalSpy saved(m_editor.get(), &tidemark::ui::TaskEditor::saved);
    m_editor->setTask(parent.id);
    m_editor->setTask(other.id);
    m_editor->setTask(parent.id);
    m_editor->saveNow();
    m_editor->setTask({});
    QCOMPARE(saved.size(), 0);
    QCOMPARE(int(m_store->history(parent.id)->size()), versions);
    QCOMPARE(m_store->pendingCount(), pending);
    Q_UNUSED(child);
}

model::Entity TestTaskEditor::task(const QJsonObject &fields)
{
    auto created = m_store->create(Kind::Task, fields);
    if (!created)
        qFatal("cannot create a task: %s", qPrintable(created.error().message));
    return *created;
}

void TestTaskEditor::emptyNoteOrDeletedIdClearsTheForm()
{
    const auto buy = task({{u"title"_s, u"Buy stamps"_s}});
    m_editor->setTask(buy.id);
    QCOMPARE(m_editor->taskId(), buy.id);
    QCOMPARE(field<QLineEdit>("taskTitle")->text(), u"Buy stamps"_s);
    QVERIFY(field<QLineEdit>("taskTitle")->isEnabled());

    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"A note"_s}});
    QVERIFY(note);
    m_editor->setTask(note->id);
    QVERIFY(m_editor->taskId().isEmpty());
    QVERIFY(field<QLineEdit>("taskTitle")->text().isEmpty());
    QVERIFY(!field<QLineEdit>("taskTitle")->isEnabled());

    m_editor->setTask(buy.id);
    QVERIFY(m_store->trash(buy.id)); // deleted elsewhere while open
    QVERIFY(m_editor->taskId().isEmpty());
    QVERIFY(!field<QLineEdit>("taskTitle")->isEnabled());
    m_editor->setTask(buy.id);
    QVERIFY(m_editor->taskId().isEmpty());
    m_editor->setTask(u"no-such-task"_s);
    QVERIFY(m_editor->taskId().isEmpty());
    m_editor->setTask({});
    QVERIFY(field<QLineEdit>("taskTitle")->text().isEmpty());
}

void TestTaskEditor::typedTitleIsSavedAfterAPause()
{
    const auto t = task({});
    m_editor->setTask(t.id);
    QSignalSpy saved(m_editor.get(), &ui::TaskEditor::saved);
    m_editor->focusTitle();
    QTest::keyClicks(field<QLineEdit>("taskTitle"), u"Call the plumber"_s);
    // Not one write per keystroke: nothing yet, but the editor knows it has something to save.
    QVERIFY(m_editor->hasUnsavedChanges());
    QCOMPARE(stored(t.id, u"title"_s), QString());
    QTRY_COMPARE(stored(t.id, u"title"_s), u"Call the plumber"_s);
    QCOMPARE(saved.size(), 1);
    QVERIFY(!m_editor->hasUnsavedChanges());

    QTest::keyClicks(field<QLineEdit>("taskTitle"), u" today"_s);
    m_editor->saveNow();
    QCOMPARE(stored(t.id, u"title"_s), u"Call the plumber today"_s);
    QCOMPARE(saved.size(), 2);
}

void TestTaskEditor::leavingTheNotesSavesThemAtOnce()
{
    const auto t = task({{u"title"_s, u"Trip"_s}});
    m_editor->setTask(t.id);
    auto *notes = field<QPlainTextEdit>("taskNotes");
    notes->setFocus();
    QTest::keyClicks(notes, u"- passport"_s);
    QCOMPARE(stored(t.id, u"notes"_s), QString());
    field<QLineEdit>("taskTags")->setFocus(Qt::TabFocusReason); // on to the tags
    QCOMPARE(stored(t.id, u"notes"_s), u"- passport"_s);
    QTest::keyClicks(field<QLineEdit>("taskTags"), u"travel, #Home"_s);
    // Tags are kept as the store normalises them, and shown so once the field is left.
    m_editor->focusTitle();
    QCOMPARE(m_store->entity(t.id)->fields.value(u"tags"_s).toArray(), (QJsonArray{u"Home"_s, u"travel"_s}));
    QCOMPARE(field<QLineEdit>("taskTags")->text(), u"Home, travel"_s);
}

void TestTaskEditor::dueDateAndTimeAreSaved()
{
    const auto t = task({{u"title"_s, u"Dentist"_s}});
    m_editor->setTask(t.id);
    auto *dueDate = field<QDateEdit>("taskDueDate");
    auto *dueTime = field<QTimeEdit>("taskDueTime");
    QVERIFY(!dueDate->isEnabled());

    clickBox(field<QCheckBox>("taskDueEnabled"));
    QVERIFY(dueDate->isEnabled());
    QCOMPARE(stored(t.id, u"due"_s), QDate::currentDate().toString(Qt::ISODate));

    dueDate->setDate(QDate(2026, 12, 1)); // as the calendar popup does
    QCOMPARE(stored(t.id, u"due"_s), u"2026-12-01"_s);

    QVERIFY(!dueTime->isEnabled());
    clickBox(field<QCheckBox>("taskTimeEnabled"));
    QVERIFY(dueTime->isEnabled());
    dueTime->setTime(QTime(9, 30));
    const auto due = model::Due::parse(stored(t.id, u"due"_s));
    QVERIFY2(due, qPrintable(stored(t.id, u"due"_s)));
    QCOMPARE(due->date, QDate(2026, 12, 1));
    QCOMPARE(due->time, QTime(9, 30));
    QCOMPARE(QDateTime(due->date, *due->time, due->zone).toLocalTime().time(), QTime(9, 30));

    // Reopened, the form shows what was stored.
    m_editor->setTask({});
    m_editor->setTask(t.id);
    QCOMPARE(dueDate->date(), QDate(2026, 12, 1));
    QCOMPARE(dueTime->time(), QTime(9, 30));
    QVERIFY(field<QCheckBox>("taskTimeEnabled")->isChecked());

    clickBox(field<QCheckBox>("taskDueEnabled"));
    QVERIFY(m_store->entity(t.id)->fields.value(u"due"_s).isNull());
    QVERIFY(!dueDate->isEnabled());
}

void TestTaskEditor::dueTimeKeepsItsZone()
{
    // A time set on a device in another zone shows that zone, and keeps it when edited here.
    const QByteArray zone
        = QTimeZone::systemTimeZoneId() == "Pacific/Auckland" ? "Europe/Lisbon" : "Pacific/Auckland";
    if (!QTimeZone::isTimeZoneIdAvailable(zone))
        QSKIP("no time zone data");
    const QString due = u"2026-12-01T09:30[%1]"_s.arg(QString::fromLatin1(zone));
    const auto t = task({{u"title"_s, u"Call Grandma"_s}, {u"due"_s, due}});
    m_editor->setTask(t.id);
    QCOMPARE(field<QTimeEdit>("taskDueTime")->time(), QTime(9, 30));
    QVERIFY(field<QLabel>("taskDueZone")->isVisible());
    QCOMPARE(field<QLabel>("taskDueZone")->text(), QString::fromLatin1(zone));
    field<QDateEdit>("taskDueDate")->setDate(QDate(2026, 12, 2));
    QCOMPARE(stored(t.id, u"due"_s), u"2026-12-02T09:30[%1]"_s.arg(QString::fromLatin1(zone)));
}

void TestTaskEditor::priorityAndRecurrencePersist()
{
    const auto t = task({{u"title"_s, u"Water plants"_s}});
    m_editor->setTask(t.id);
    auto *priority = field<QComboBox>("taskPriority");
    priority->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(priority, Qt::Key_Down);
    QCOMPARE(priority->currentText(), u"High"_s);
    QCOMPARE(m_store->entity(t.id)->fields.value(u"priority"_s).toInt(), 3);

    auto *recurrence = field<QComboBox>("taskRecurrence");
    auto *interval = field<QSpinBox>("taskInterval");
    QVERIFY(!interval->isVisible());
    recurrence->setFocus();
    QTest::keyClick(recurrence, Qt::Key_Down);
    QTest::keyClick(recurrence, Qt::Key_Down);
    QCOMPARE(recurrence->currentText(), u"Weekly"_s);
    QCOMPARE(stored(t.id, u"recurrence"_s), u"FREQ=WEEKLY"_s);
    QVERIFY(interval->isVisible());
    interval->setFocus();
    QTest::keyClick(interval, Qt::Key_Up);
    QCOMPARE(stored(t.id, u"recurrence"_s), u"FREQ=WEEKLY;INTERVAL=2"_s);

    m_editor->setTask({});
    m_editor->setTask(t.id);
    QCOMPARE(priority->currentText(), u"High"_s);
    QCOMPARE(recurrence->currentText(), u"Weekly"_s);
    QCOMPARE(interval->value(), 2);
    QVERIFY(interval->isVisible());

    recurrence->setFocus();
    QTest::keyClick(recurrence, Qt::Key_Home);
    QVERIFY(m_store->entity(t.id)->fields.value(u"recurrence"_s).isNull());
    QVERIFY(!interval->isVisible());
}

void TestTaskEditor::checkingDoneCompletesTheTask()
{
    const auto t = task({{u"title"_s, u"File taxes"_s}});
    m_editor->setTask(t.id);
    QSignalSpy opened(m_editor.get(), &ui::TaskEditor::openRequested);
    clickBox(field<QCheckBox>("taskDone"));
    QVERIFY(m_store->entity(t.id)->fields.value(u"done_at"_s).isString());
    QCOMPARE(m_editor->taskId(), t.id);
    QCOMPARE(opened.size(), 0);
    QVERIFY(!field<QLabel>("recurrenceNote")->isVisible());

    clickBox(field<QCheckBox>("taskDone"));
    QVERIFY(m_store->entity(t.id)->fields.value(u"done_at"_s).isNull());
}

void TestTaskEditor::completingARecurringTaskOpensTheNextOne()
{
    const auto t = task({{u"title"_s, u"Water plants"_s},
                         {u"due"_s, u"2026-11-27"_s},
                         {u"recurrence"_s, u"FREQ=WEEKLY;INTERVAL=2"_s}});
    m_editor->setTask(t.id);
    QSignalSpy opened(m_editor.get(), &ui::TaskEditor::openRequested);
    // Typing not yet saved goes with the task into its next occurrence.
    field<QPlainTextEdit>("taskNotes")->setFocus();
    QTest::keyClicks(field<QPlainTextEdit>("taskNotes"), u"the fern too"_s);
    clickBox(field<QCheckBox>("taskDone"));

    QVERIFY(m_store->entity(t.id)->fields.value(u"done_at"_s).isString());
    QCOMPARE(opened.size(), 1);
    const QString next = opened.first().first().toString();
    QVERIFY(next != t.id);
    QCOMPARE(m_editor->taskId(), next);
    QCOMPARE(stored(next, u"due"_s), u"2026-12-11"_s);
    QCOMPARE(stored(next, u"notes"_s), u"the fern too"_s);
    QCOMPARE(field<QDateEdit>("taskDueDate")->date(), QDate(2026, 12, 11));
    QVERIFY(!field<QCheckBox>("taskDone")->isChecked());
    QCOMPARE(field<QComboBox>("taskRecurrence")->currentText(), u"Weekly"_s);
    auto *note = field<QLabel>("recurrenceNote");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLocale().toString(QDate(2026, 12, 11), QLocale::ShortFormat)),
             qPrintable(note->text()));

    // The window answers openRequested by opening it: the note stays; another task hides it.
    m_editor->setTask(next);
    QVERIFY(note->isVisible());
    m_editor->setTask(t.id);
    QVERIFY(!note->isVisible());
}

void TestTaskEditor::checkingDoneOnAParentChecksItsSubtasks()
{
    const auto parent = task({{u"title"_s, u"Move house"_s}});
    const auto pack = task({{u"title"_s, u"Pack books"_s}, {u"parent"_s, parent.id}});
    task({{u"title"_s, u"Book a van"_s}, {u"parent"_s, parent.id}});
    m_editor->setTask(parent.id);
    auto *list = field<QListWidget>("subtaskList");
    QCOMPARE(list->count(), 2);
    clickBox(field<QCheckBox>("taskDone"));
    QVERIFY(m_store->entity(pack.id)->fields.value(u"done_at"_s).isString());
    QTRY_COMPARE(list->item(0)->checkState(), Qt::Checked);
    QTRY_COMPARE(list->item(1)->checkState(), Qt::Checked);
    // The heading counts them; the field for another one comes before the list.
    const auto labels = m_editor->findChildren<QLabel *>();
    QVERIFY(std::ranges::any_of(labels, [](const QLabel *l) { return l->text() == u"&Subtasks (2/2)"_s; }));
    QVERIFY(field<QLineEdit>("newSubtask")->mapTo(m_editor.get(), QPoint()).y()
            < list->mapTo(m_editor.get(), QPoint()).y());

    // The list is as tall as its subtasks, so the notes below keep the room: two rows, then six.
    const int two = list->height();
    QVERIFY2(two < 6 * list->sizeHintForRow(0), qPrintable(QString::number(two)));
    for (int i = 0; i < 4; ++i)
        task({{u"title"_s, u"Step %1"_s.arg(i)}, {u"parent"_s, parent.id}});
    QTRY_COMPARE(list->count(), 6);
    QVERIFY(list->height() > two);
    QVERIFY(list->height() >= 6 * list->sizeHintForRow(0));
}

void TestTaskEditor::aConflictOverTheNotesShowsABarThatResolvesIt()
{
    // The task's notes collided with another device's, as a sync leaves it: this device's notes
    // in the task and an open conflict with both sides.
    const QString mine = u"Bring the passport\nPack light\n"_s;
    const QString theirs = u"Bring the passport\nPack the big case\n"_s;
    const auto t = task({{u"title"_s, u"Trip"_s}, {u"notes"_s, mine}});
    const tidemark::model::Store::RemoteConflict record{
        .id = u"0193c0de-0000-7000-8000-000000000002"_s, .entityId = t.id, .kind = tidemark::model::Kind::Task,
        .field = u"notes"_s, .rule = u"text-overlap"_s, .status = u"open"_s, .outcome = u"open"_s, .incoming = theirs,
        .current = mine, .base = u"Bring the passport\nPack\n"_s, .rev = 3, .device = u"laptop-device-id"_s,
        .at = QDateTime::currentMSecsSinceEpoch()};
    QVERIFY(m_store->applyRemotePage({}, {record}, 3));
    m_editor->setTask(t.id);
    QVERIFY(m_editor->conflictBar()->isVisible());

    bool driven = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::MergeDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"takeTheirs"_s), Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"resolve"_s), Qt::LeftButton);
        driven = true;
    });
    QTest::mouseClick(m_editor->findChild<QPushButton *>(u"resolveConflict"_s), Qt::LeftButton);
    QVERIFY(driven);
    QCOMPARE(stored(t.id, u"notes"_s), theirs);
    QCOMPARE(field<QPlainTextEdit>("taskNotes")->toPlainText(), theirs);
    QVERIFY(m_store->conflictRecords(true)->isEmpty());
    QVERIFY(!m_editor->conflictBar()->isVisible());
}

void TestTaskEditor::subtasksAreAddedCheckedAndReordered()
{
    const auto home = m_store->create(Kind::Collection, {{u"name"_s, u"Home"_s}});
    QVERIFY(home);
    const auto parent = task({{u"title"_s, u"Move house"_s}, {u"collection"_s, home->id}});
    task({{u"title"_s, u"Unrelated"_s}, {u"collection"_s, home->id}});
    m_editor->setTask(parent.id);
    auto *list = field<QListWidget>("subtaskList");
    auto *entry = field<QLineEdit>("newSubtask");
    QCOMPARE(list->count(), 0);

    entry->setFocus();
    QTest::keyClicks(entry, u"Pack books"_s);
    QTest::mouseClick(field<QPushButton>("addSubtask"), Qt::LeftButton);
    QTest::keyClicks(entry, u"Book a van"_s);
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), u"Pack books"_s);
    QCOMPARE(list->item(1)->text(), u"Book a van"_s);
    QVERIFY(entry->text().isEmpty());

    const auto children = [&] {
        QList<model::Entity> found;
        const auto rows = m_store->items(model::ItemFilter::collection(home->id));
        for (const auto &row : *rows) {
            const auto e = m_store->entity(row.id);
            if (e->string(u"parent"_s) == parent.id)
                found << *e;
        }
        std::ranges::sort(found, {}, [](const model::Entity &e) { return e.string(u"sort_key"_s); });
        return found;
    };
    QCOMPARE(children().size(), 2);
    QCOMPARE(children().at(0).string(u"title"_s), u"Pack books"_s);
    QCOMPARE(children().at(0).string(u"collection"_s), home->id);

    // Check the first with the keyboard.
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    QVERIFY(children().at(0).fields.value(u"done_at"_s).isString());
    QVERIFY(children().at(1).fields.value(u"done_at"_s).isNull());

    // Move the van up.
    auto *up = field<QToolButton>("subtaskUp");
    QVERIFY(!up->isEnabled());
    list->setCurrentRow(1);
    QVERIFY(up->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(list->item(0)->text(), u"Book a van"_s);
    QCOMPARE(list->item(1)->text(), u"Pack books"_s);
    QCOMPARE(list->currentRow(), 0); // the selection follows the moved one
    QCOMPARE(children().at(0).string(u"title"_s), u"Book a van"_s);
    QVERIFY(children().at(0).fields.value(u"done_at"_s).isNull());
    QVERIFY(children().at(1).fields.value(u"done_at"_s).isString());
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);

    // And down again.
    QTest::mouseClick(field<QToolButton>("subtaskDown"), Qt::LeftButton);
    QCOMPARE(children().at(0).string(u"title"_s), u"Pack books"_s);
    QCOMPARE(list->item(1)->text(), u"Book a van"_s);
}

void TestTaskEditor::subtasksCanBeDraggedRemovedAndOpened()
{
    const auto parent = task({{u"title"_s, u"Party"_s}});
    const auto a = task({{u"title"_s, u"Invite"_s}, {u"parent"_s, parent.id}});
    const auto b = task({{u"title"_s, u"Cake"_s}, {u"parent"_s, parent.id}});
    m_editor->setTask(parent.id);
    auto *list = field<QListWidget>("subtaskList");
    QCOMPARE(list->count(), 2);

    // A subtask added elsewhere (another window, the sync) appears.
    const auto c = task({{u"title"_s, u"Music"_s}, {u"parent"_s, parent.id}});
    QTRY_COMPARE(list->count(), 3);
    QCOMPARE(list->item(2)->text(), u"Music"_s);

    // A drop moves the row in the list's model; the store follows.
    QVERIFY(list->model()->moveRow({}, 2, {}, 0));
    QTRY_VERIFY(stored(c.id, u"sort_key"_s) < stored(a.id, u"sort_key"_s));
    QCOMPARE(list->item(0)->text(), u"Music"_s);

    list->setCurrentRow(1);
    QTest::mouseClick(field<QToolButton>("removeSubtask"), Qt::LeftButton);
    QVERIFY(m_store->entity(a.id)->isDeleted());
    QCOMPARE(list->count(), 2);

    QSignalSpy opened(m_editor.get(), &ui::TaskEditor::openRequested);
    // A widget double click is press, release, double-click: QTest sends only the last.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 1));
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 1));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toString(), b.id);
}

void TestTaskEditor::changeFromElsewhereKeepsUnsavedTyping()
{
    const auto t = task({{u"title"_s, u"Plan"_s}, {u"notes"_s, u"draft"_s}});
    m_editor->setTask(t.id);
    auto *title = field<QLineEdit>("taskTitle");
    auto *notes = field<QPlainTextEdit>("taskNotes");
    notes->setFocus();
    notes->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes, u" v2"_s);
    QVERIFY(m_editor->hasUnsavedChanges());

    // Another window renames it and raises its priority: the form shows both, the typing stays.
    QVERIFY(m_store->update(t.id, {{u"title"_s, u"Plan the week"_s}, {u"priority"_s, 2}}));
    QCOMPARE(title->text(), u"Plan the week"_s);
    QCOMPARE(field<QComboBox>("taskPriority")->currentText(), u"Medium"_s);
    QCOMPARE(notes->toPlainText(), u"draft v2"_s);
    QVERIFY(m_editor->hasUnsavedChanges());

    // A change to the very field being typed in waits: the typing wins when it is saved.
    QVERIFY(m_store->update(t.id, {{u"notes"_s, u"theirs"_s}}));
    QCOMPARE(notes->toPlainText(), u"draft v2"_s);
    m_editor->saveNow();
    QCOMPARE(stored(t.id, u"notes"_s), u"draft v2"_s);
    QCOMPARE(stored(t.id, u"title"_s), u"Plan the week"_s);
    QCOMPARE(m_store->entity(t.id)->fields.value(u"priority"_s).toInt(), 2);
}

void TestTaskEditor::changeFromElsewhereKeepsTheCaret()
{
    const auto t = task({{u"title"_s, u"Read"_s}, {u"notes"_s, u"chapter one\nchapter two"_s}});
    m_editor->setTask(t.id);
    auto *notes = field<QPlainTextEdit>("taskNotes");
    notes->setFocus();
    QTextCursor cursor = notes->textCursor();
    cursor.setPosition(4);
    notes->setTextCursor(cursor);

    QVERIFY(m_store->update(t.id, {{u"notes"_s, u"chapter one\nchapter two\nchapter three"_s}}));
    QCOMPARE(notes->toPlainText(), u"chapter one\nchapter two\nchapter three"_s);
    QCOMPARE(notes->textCursor().position(), 4);
    QVERIFY(!m_editor->hasUnsavedChanges()); // showing a change is not an edit: nothing to save back
    QTest::qWait(700);
    QCOMPARE(m_store->history(t.id)->size(), 2);
}

void TestTaskEditor::switchingTasksSavesPendingTyping()
{
    const auto first = task({{u"title"_s, u"First"_s}});
    const auto second = task({{u"title"_s, u"Second"_s}, {u"tags"_s, QJsonArray{u"work"_s}}});
    m_editor->setTask(first.id);
    m_editor->focusTitle();
    QTest::keyClick(field<QLineEdit>("taskTitle"), Qt::Key_End);
    QTest::keyClicks(field<QLineEdit>("taskTitle"), u" draft"_s);
    m_editor->setTask(second.id);
    QCOMPARE(stored(first.id, u"title"_s), u"First draft"_s);
    QCOMPARE(field<QLineEdit>("taskTitle")->text(), u"Second"_s);
    QCOMPARE(field<QLineEdit>("taskTags")->text(), u"work"_s);
    QVERIFY(!m_editor->hasUnsavedChanges());
    QTest::qWait(700); // no late save of the first task's text into the second
    QCOMPARE(stored(second.id, u"title"_s), u"Second"_s);
}

void TestTaskEditor::refusedSaveKeepsTheTyping()
{
    const auto t = task({{u"title"_s, u"Label boxes"_s}});
    m_editor->setTask(t.id);
    QSignalSpy failed(m_editor.get(), &ui::TaskEditor::failed);
    auto *tags = field<QLineEdit>("taskTags");
    tags->setFocus();
    const QString tooLong(101, u'x'); // a tag has at most 100 characters
    QTest::keyClicks(tags, tooLong);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot save task"_s));
    m_editor->saveNow();
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QVERIFY(m_editor->hasUnsavedChanges());
    QCOMPARE(tags->text(), tooLong);
    QCOMPARE(m_store->entity(t.id)->fields.value(u"tags"_s).toArray(), QJsonArray());

    // Corrected, it goes through.
    QTest::keyClick(tags, Qt::Key_Backspace);
    m_editor->saveNow();
    QCOMPARE(m_store->entity(t.id)->fields.value(u"tags"_s).toArray(), QJsonArray{tooLong.left(100)});
    QVERIFY(!m_editor->hasUnsavedChanges());
}

QTEST_MAIN(TestTaskEditor)
#include "tst_taskeditor.moc"
