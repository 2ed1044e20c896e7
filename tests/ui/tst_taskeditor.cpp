#include "ui/taskeditor.h"

#include "model/store.h"

#include <QTest>

class TestTaskEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensATask();
};

void TestTaskEditor::opensATask()
{
    auto store = tidemark::model::Store::open(QStringLiteral(":memory:"));
    QVERIFY(store);
    tidemark::ui::TaskEditor editor(store->get());
    editor.setTask({});
    QVERIFY(editor.taskId().isEmpty());
}

QTEST_MAIN(TestTaskEditor)
#include "tst_taskeditor.moc"
