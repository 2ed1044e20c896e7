// The item list and collection tree models: correct for QAbstractItemModelTester, and following
// single edits in place.
#include "model/collectiontreemodel.h"
#include "model/itemlistmodel.h"
#include "model/store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QPoint>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark::model;

namespace {
}

class TestModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listLoadsSorted();
    void singleEditUpdatesOneRowWithoutReset();
    void editThatReordersMovesTheRow();
    void itemsEnterAndLeaveTheFilter();
    void dueOrderForToday();
    void manualOrderFollowsReorder();
    void subtasksNameTheirParentAndParentsCountThem();
    void treeShowsNestingAndCounts();
    void treeFollowsRenamesMovesAndDeletes();
    void treeCutsCyclesFromTwoDevices();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(u"models.db"_s));
    QVERIFY(store);
    m_store = std::move(*store);
}

void TestModels::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestModels::listLoadsSorted()
{
    QStringList ids;
    for (int i = 0; i < 20; ++i) {
        ids << m_store->create(Kind::Note, {{u"title"_s, u"Note %1"_s.arg(i)}})->id;
        QTest::qWait(2); // distinct update times
    }
    QVERIFY(m_store->update(ids.at(3), {{u"pinned"_s, true}}));
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0).data(ItemListModel::IdRole).toString(), ids.at(3)); // pinned first
    QCOMPARE(model.index(1).data().toString(), u"Note 19"_s);                  // then newest
    QCOMPARE(model.index(19).data().toString(), u"Note 0"_s);
}

void TestModels::subtasksNameTheirParentAndParentsCountThem()
{
    const auto trip = m_store->create(Kind::Task, {{u"title"_s, u"Trip"_s}});
    const auto pack = m_store->create(Kind::Task, {{u"title"_s, u"Pack"_s}, {u"parent"_s, trip->id}});
    const auto book = m_store->create(Kind::Task, {{u"title"_s, u"Book"_s}, {u"parent"_s, trip->id}});
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Ideas"_s}});
    QVERIFY(trip && pack && book && note);
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto at = [&](const QString &id) { return model.index(model.rowOf(id)); };
    QCOMPARE(at(trip->id).data(ItemListModel::SubtasksRole).toPoint(), QPoint(0, 2));
    QVERIFY(at(trip->id).data(ItemListModel::ParentTitleRole).isNull());
    QCOMPARE(at(pack->id).data(ItemListModel::ParentTitleRole).toString(), u"Trip"_s);
    QCOMPARE(at(pack->id).data(ItemListModel::SubtasksRole).toPoint(), QPoint(0, 0));
    QVERIFY(at(note->id).data(ItemListModel::ParentTitleRole).isNull());

    // Ticking a subtask moves its parent's count on, with no reset; so does trashing one.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->setDone(pack->id, true));
    QCOMPARE(at(trip->id).data(ItemListModel::SubtasksRole).toPoint(), QPoint(1, 2));
    QVERIFY(std::ranges::any_of(changed, [&](const QList<QVariant> &args) {
        return args.at(0).toModelIndex().row() == model.rowOf(trip->id);
    }));
    QVERIFY(m_store->trash(book->id));
    QCOMPARE(at(trip->id).data(ItemListModel::SubtasksRole).toPoint(), QPoint(1, 1));
    QVERIFY(m_store->update(trip->id, {{u"title"_s, u"Rome trip"_s}}));
    QCOMPARE(at(pack->id).data(ItemListModel::ParentTitleRole).toString(), u"Rome trip"_s);
}

void TestModels::singleEditUpdatesOneRowWithoutReset()
{
    const auto a = m_store->create(Kind::Note, {{u"title"_s, u"A"_s}});
    QTest::qWait(2);
    const auto b = m_store->create(Kind::Note, {{u"title"_s, u"B"_s}, {u"pinned"_s, true}});
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

    // B is pinned, so it stays first even though A is now the newest edit.
    QVERIFY(m_store->update(a->id, {{u"body"_s, u"fresh text"_s}}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(ItemListModel::SnippetRole).toString(), u"fresh text"_s);
    QVERIFY(model.index(1).data(ItemListModel::PendingRole).toBool());
    Q_UNUSED(b);
}

void TestModels::editThatReordersMovesTheRow()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << m_store->create(Kind::Note, {{u"title"_s, u"N%1"_s.arg(i)}})->id;
        QTest::qWait(2);
    }
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(4).data().toString(), u"N0"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QVERIFY(m_store->update(ids.at(0), {{u"title"_s, u"N0 edited"_s}})); // newest now: to the top
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(model.index(0).data().toString(), u"N0 edited"_s);
    QCOMPARE(model.rowOf(ids.at(0)), 0);
    QCOMPARE(model.rowOf(ids.at(4)), 1);
    QCOMPARE(model.rowOf(ids.at(1)), 4);
    // And back down by pinning another one.
    QVERIFY(m_store->update(ids.at(2), {{u"pinned"_s, true}}));
    QCOMPARE(model.index(0).data(ItemListModel::IdRole).toString(), ids.at(2));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.item(row).id), row);
}

void TestModels::itemsEnterAndLeaveTheFilter()
{
    const auto list = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::collection(list->id));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Report"_s}, {u"collection"_s, list->id}});
    const auto elsewhere = m_store->create(Kind::Task, {{u"title"_s, u"Elsewhere"_s}});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_store->move(elsewhere->id, list->id));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(m_store->trash(task->id));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), u"Elsewhere"_s);
    QCOMPARE(reset.size(), 0);

    model.setFilter(ItemFilter::of(ItemFilter::Type::Trash));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_store->restore(task->id));
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::dueOrderForToday()
{
    const QDate today = QDate::currentDate();
    m_store->create(Kind::Task, {{u"title"_s, u"today low"_s}, {u"due"_s, today.toString(Qt::ISODate)}, {u"priority"_s, 0}});
    m_store->create(Kind::Task, {{u"title"_s, u"overdue"_s}, {u"due"_s, today.addDays(-1).toString(Qt::ISODate)}});
    m_store->create(Kind::Task, {{u"title"_s, u"today high"_s}, {u"due"_s, today.toString(Qt::ISODate)}, {u"priority"_s, 3}});
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::of(ItemFilter::Type::Today));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.order(), ItemListModel::Order::Due);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), u"overdue"_s);
    QCOMPARE(model.index(1).data().toString(), u"today high"_s);
    QCOMPARE(model.index(2).data().toString(), u"today low"_s);
    // Completing leaves Today.
    QVERIFY(m_store->setDone(model.item(1).id, true));
    QCOMPARE(model.rowCount(), 2);
}

void TestModels::manualOrderFollowsReorder()
{
    const auto list = m_store->create(Kind::Collection, {{u"name"_s, u"Trip"_s}});
    QStringList ids;
    for (const char *title : {"Pack", "Book", "Go"})
        ids << m_store->create(Kind::Task, {{u"title"_s, QString::fromUtf8(title)}, {u"collection"_s, list->id}})->id;
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::collection(list->id));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0).data().toString(), u"Pack"_s);
    QVERIFY(m_store->reorder(ids.at(1), QString(), ids.at(0))); // Book to the top
    QCOMPARE(model.index(0).data().toString(), u"Book"_s);
    QCOMPARE(model.index(1).data().toString(), u"Pack"_s);
    QCOMPARE(model.index(2).data().toString(), u"Go"_s);
}

void TestModels::treeShowsNestingAndCounts()
{
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}, {u"color"_s, u"#3366CC"_s}});
    const auto home = m_store->create(Kind::Collection, {{u"name"_s, u"Home"_s}});
    const auto projects = m_store->create(Kind::Collection, {{u"name"_s, u"Projects"_s}, {u"parent"_s, work->id}});
    for (int i = 0; i < 3; ++i)
        m_store->create(Kind::Note, {{u"collection"_s, projects->id}});
    m_store->create(Kind::Task, {{u"collection"_s, work->id}});

    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex workIndex = model.indexOf(work->id);
    QVERIFY(workIndex.isValid());
    QCOMPARE(workIndex.data().toString(), u"Work"_s);
    QCOMPARE(workIndex.data(CollectionTreeModel::CountRole).toInt(), 1);
    QCOMPARE(workIndex.data(CollectionTreeModel::ColorRole).toString(), u"#3366cc"_s);
    QCOMPARE(model.rowCount(workIndex), 1);
    const QModelIndex projectsIndex = model.index(0, 0, workIndex);
    QCOMPARE(projectsIndex.data(CollectionTreeModel::IdRole).toString(), projects->id);
    QCOMPARE(projectsIndex.data(CollectionTreeModel::CountRole).toInt(), 3);
    QCOMPARE(model.parent(projectsIndex), workIndex);
    QCOMPARE(model.indexOf(home->id).data(CollectionTreeModel::CountRole).toInt(), 0);
}

void TestModels::treeFollowsRenamesMovesAndDeletes()
{
    const auto a = m_store->create(Kind::Collection, {{u"name"_s, u"A"_s}});
    const auto b = m_store->create(Kind::Collection, {{u"name"_s, u"B"_s}});
    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(m_store->update(a->id, {{u"name"_s, u"Alpha"_s}}));
    QCOMPARE(model.indexOf(a->id).data().toString(), u"Alpha"_s);

    // A note arriving updates the count in place.
    changed.clear();
    const auto note = m_store->create(Kind::Note, {{u"collection"_s, b->id}});
    QCOMPARE(model.indexOf(b->id).data(CollectionTreeModel::CountRole).toInt(), 1);
    QVERIFY(!changed.isEmpty());
    QVERIFY(m_store->move(note->id, a->id));
    QCOMPARE(model.indexOf(b->id).data(CollectionTreeModel::CountRole).toInt(), 0);
    QCOMPARE(model.indexOf(a->id).data(CollectionTreeModel::CountRole).toInt(), 1);
    QVERIFY(m_store->trash(note->id));
    QCOMPARE(model.indexOf(a->id).data(CollectionTreeModel::CountRole).toInt(), 0);

    // New, nested, moved and deleted collections.
    const auto c = m_store->create(Kind::Collection, {{u"name"_s, u"C"_s}, {u"parent"_s, a->id}});
    QCOMPARE(model.rowCount(model.indexOf(a->id)), 1);
    QVERIFY(m_store->update(c->id, {{u"parent"_s, b->id}}));
    QCOMPARE(model.rowCount(model.indexOf(a->id)), 0);
    QCOMPARE(model.rowCount(model.indexOf(b->id)), 1);
    QVERIFY(m_store->trash(b->id));
    QVERIFY(!model.indexOf(b->id).isValid());
    QVERIFY(model.indexOf(c->id).isValid());
    QCOMPARE(model.parent(model.indexOf(c->id)), QModelIndex());
    QCOMPARE(reset.size(), 0);
}

void TestModels::treeCutsCyclesFromTwoDevices()
{
    // Device 1 nested A in B while device 2 nested B in A; both changes arrive here.
    const QString a = u"01930000-0000-7000-8000-00000000000a"_s;
    const QString b = u"01930000-0000-7000-8000-00000000000b"_s;
    const Hlc clock{1, 0, u"peer"_s};
    QVERIFY(m_store->applyRemote(Kind::Collection, a, 1, {{u"name"_s, u"A"_s}, {u"parent"_s, b}}, clock));
    QVERIFY(m_store->applyRemote(Kind::Collection, b, 2, {{u"name"_s, u"B"_s}, {u"parent"_s, a}}, clock));
    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.indexOf(a).isValid());
    QVERIFY(model.indexOf(b).isValid());
    QCOMPARE(model.rowCount(), 1); // the cycle is cut once: one of them at the top, the other inside
    // Changes below the cycle still update without hanging.
    const auto child = m_store->create(Kind::Collection, {{u"name"_s, u"C"_s}, {u"parent"_s, a}});
    QVERIFY(child);
    QVERIFY(m_store->create(Kind::Note, {{u"collection"_s, child->id}}));
    QCOMPARE(model.indexOf(child->id).data(CollectionTreeModel::CountRole).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
