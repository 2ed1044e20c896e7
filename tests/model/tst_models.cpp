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

using namespace tidemark::model;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
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
    auto store = Store::open(m_dir->filePath(s("models.db")));
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
        ids << m_store->create(Kind::Note, {{s("title"), s("Note %1").arg(i)}})->id;
        QTest::qWait(2); // distinct update times
    }
    QVERIFY(m_store->update(ids.at(3), {{s("pinned"), true}}));
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0).data(ItemListModel::IdRole).toString(), ids.at(3)); // pinned first
    QCOMPARE(model.index(1).data().toString(), s("Note 19"));                  // then newest
    QCOMPARE(model.index(19).data().toString(), s("Note 0"));
}

void TestModels::subtasksNameTheirParentAndParentsCountThem()
{
    const auto trip = m_store->create(Kind::Task, {{s("title"), s("Trip")}});
    const auto pack = m_store->create(Kind::Task, {{s("title"), s("Pack")}, {s("parent"), trip->id}});
    const auto book = m_store->create(Kind::Task, {{s("title"), s("Book")}, {s("parent"), trip->id}});
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Ideas")}});
    QVERIFY(trip && pack && book && note);
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto at = [&](const QString &id) { return model.index(model.rowOf(id)); };
    QCOMPARE(at(trip->id).data(ItemListModel::SubtasksRole).toPoint(), QPoint(0, 2));
    QVERIFY(at(trip->id).data(ItemListModel::ParentTitleRole).isNull());
    QCOMPARE(at(pack->id).data(ItemListModel::ParentTitleRole).toString(), s("Trip"));
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
    QVERIFY(m_store->update(trip->id, {{s("title"), s("Rome trip")}}));
    QCOMPARE(at(pack->id).data(ItemListModel::ParentTitleRole).toString(), s("Rome trip"));
}

void TestModels::singleEditUpdatesOneRowWithoutReset()
{
    const auto a = m_store->create(Kind::Note, {{s("title"), s("A")}});
    QTest::qWait(2);
    const auto b = m_store->create(Kind::Note, {{s("title"), s("B")}, {s("pinned"), true}});
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

    // B is pinned, so it stays first even though A is now the newest edit.
    QVERIFY(m_store->update(a->id, {{s("body"), s("fresh text")}}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(ItemListModel::SnippetRole).toString(), s("fresh text"));
    QVERIFY(model.index(1).data(ItemListModel::PendingRole).toBool());
    Q_UNUSED(b);
}

void TestModels::editThatReordersMovesTheRow()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << m_store->create(Kind::Note, {{s("title"), s("N%1").arg(i)}})->id;
        QTest::qWait(2);
    }
    ItemListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(4).data().toString(), s("N0"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QVERIFY(m_store->update(ids.at(0), {{s("title"), s("N0 edited")}})); // newest now: to the top
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(model.index(0).data().toString(), s("N0 edited"));
    QCOMPARE(model.rowOf(ids.at(0)), 0);
    QCOMPARE(model.rowOf(ids.at(4)), 1);
    QCOMPARE(model.rowOf(ids.at(1)), 4);
    // And back down by pinning another one.
    QVERIFY(m_store->update(ids.at(2), {{s("pinned"), true}}));
    QCOMPARE(model.index(0).data(ItemListModel::IdRole).toString(), ids.at(2));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.item(row).id), row);
}

void TestModels::itemsEnterAndLeaveTheFilter()
{
    const auto list = m_store->create(Kind::Collection, {{s("name"), s("Work")}});
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::collection(list->id));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    const auto task = m_store->create(Kind::Task, {{s("title"), s("Report")}, {s("collection"), list->id}});
    const auto elsewhere = m_store->create(Kind::Task, {{s("title"), s("Elsewhere")}});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_store->move(elsewhere->id, list->id));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(m_store->trash(task->id));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), s("Elsewhere"));
    QCOMPARE(reset.size(), 0);

    model.setFilter(ItemFilter::of(ItemFilter::Type::Trash));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_store->restore(task->id));
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::dueOrderForToday()
{
    const QDate today = QDate::currentDate();
    m_store->create(Kind::Task, {{s("title"), s("today low")}, {s("due"), today.toString(Qt::ISODate)}, {s("priority"), 0}});
    m_store->create(Kind::Task, {{s("title"), s("overdue")}, {s("due"), today.addDays(-1).toString(Qt::ISODate)}});
    m_store->create(Kind::Task, {{s("title"), s("today high")}, {s("due"), today.toString(Qt::ISODate)}, {s("priority"), 3}});
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::of(ItemFilter::Type::Today));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.order(), ItemListModel::Order::Due);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), s("overdue"));
    QCOMPARE(model.index(1).data().toString(), s("today high"));
    QCOMPARE(model.index(2).data().toString(), s("today low"));
    // Completing leaves Today.
    QVERIFY(m_store->setDone(model.item(1).id, true));
    QCOMPARE(model.rowCount(), 2);
}

void TestModels::manualOrderFollowsReorder()
{
    const auto list = m_store->create(Kind::Collection, {{s("name"), s("Trip")}});
    QStringList ids;
    for (const char *title : {"Pack", "Book", "Go"})
        ids << m_store->create(Kind::Task, {{s("title"), s(title)}, {s("collection"), list->id}})->id;
    ItemListModel model(m_store.get());
    model.setFilter(ItemFilter::collection(list->id));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0).data().toString(), s("Pack"));
    QVERIFY(m_store->reorder(ids.at(1), QString(), ids.at(0))); // Book to the top
    QCOMPARE(model.index(0).data().toString(), s("Book"));
    QCOMPARE(model.index(1).data().toString(), s("Pack"));
    QCOMPARE(model.index(2).data().toString(), s("Go"));
}

void TestModels::treeShowsNestingAndCounts()
{
    const auto work = m_store->create(Kind::Collection, {{s("name"), s("Work")}, {s("color"), s("#3366CC")}});
    const auto home = m_store->create(Kind::Collection, {{s("name"), s("Home")}});
    const auto projects = m_store->create(Kind::Collection, {{s("name"), s("Projects")}, {s("parent"), work->id}});
    for (int i = 0; i < 3; ++i)
        m_store->create(Kind::Note, {{s("collection"), projects->id}});
    m_store->create(Kind::Task, {{s("collection"), work->id}});

    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex workIndex = model.indexOf(work->id);
    QVERIFY(workIndex.isValid());
    QCOMPARE(workIndex.data().toString(), s("Work"));
    QCOMPARE(workIndex.data(CollectionTreeModel::CountRole).toInt(), 1);
    QCOMPARE(workIndex.data(CollectionTreeModel::ColorRole).toString(), s("#3366cc"));
    QCOMPARE(model.rowCount(workIndex), 1);
    const QModelIndex projectsIndex = model.index(0, 0, workIndex);
    QCOMPARE(projectsIndex.data(CollectionTreeModel::IdRole).toString(), projects->id);
    QCOMPARE(projectsIndex.data(CollectionTreeModel::CountRole).toInt(), 3);
    QCOMPARE(model.parent(projectsIndex), workIndex);
    QCOMPARE(model.indexOf(home->id).data(CollectionTreeModel::CountRole).toInt(), 0);
}

void TestModels::treeFollowsRenamesMovesAndDeletes()
{
    const auto a = m_store->create(Kind::Collection, {{s("name"), s("A")}});
    const auto b = m_store->create(Kind::Collection, {{s("name"), s("B")}});
    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(m_store->update(a->id, {{s("name"), s("Alpha")}}));
    QCOMPARE(model.indexOf(a->id).data().toString(), s("Alpha"));

    // A note arriving updates the count in place.
    changed.clear();
    const auto note = m_store->create(Kind::Note, {{s("collection"), b->id}});
    QCOMPARE(model.indexOf(b->id).data(CollectionTreeModel::CountRole).toInt(), 1);
    QVERIFY(!changed.isEmpty());
    QVERIFY(m_store->move(note->id, a->id));
    QCOMPARE(model.indexOf(b->id).data(CollectionTreeModel::CountRole).toInt(), 0);
    QCOMPARE(model.indexOf(a->id).data(CollectionTreeModel::CountRole).toInt(), 1);
    QVERIFY(m_store->trash(note->id));
    QCOMPARE(model.indexOf(a->id).data(CollectionTreeModel::CountRole).toInt(), 0);

    // New, nested, moved and deleted collections.
    const auto c = m_store->create(Kind::Collection, {{s("name"), s("C")}, {s("parent"), a->id}});
    QCOMPARE(model.rowCount(model.indexOf(a->id)), 1);
    QVERIFY(m_store->update(c->id, {{s("parent"), b->id}}));
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
    const QString a = s("01930000-0000-7000-8000-00000000000a");
    const QString b = s("01930000-0000-7000-8000-00000000000b");
    const Hlc clock{1, 0, s("peer")};
    QVERIFY(m_store->applyRemote(Kind::Collection, a, 1, {{s("name"), s("A")}, {s("parent"), b}}, clock));
    QVERIFY(m_store->applyRemote(Kind::Collection, b, 2, {{s("name"), s("B")}, {s("parent"), a}}, clock));
    CollectionTreeModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.indexOf(a).isValid());
    QVERIFY(model.indexOf(b).isValid());
    QCOMPARE(model.rowCount(), 1); // the cycle is cut once: one of them at the top, the other inside
    // Changes below the cycle still update without hanging.
    const auto child = m_store->create(Kind::Collection, {{s("name"), s("C")}, {s("parent"), a}});
    QVERIFY(child);
    QVERIFY(m_store->create(Kind::Note, {{s("collection"), child->id}}));
    QCOMPARE(model.indexOf(child->id).data(CollectionTreeModel::CountRole).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
