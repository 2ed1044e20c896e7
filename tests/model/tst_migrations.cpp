// Every earlier schema version, with data in it, migrates to the current one without loss.
#include "model/database.h"
#include "model/store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark::model;

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEarlierVersionMigrates_data();
    void everyEarlierVersionMigrates();
    void newerStoreIsRefusedUntouched();
    void pragmasAreSet();
};

void TestMigrations::everyEarlierVersionMigrates_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Database::latestVersion(); ++v)
        QTest::newRow(qPrintable(QStringLiteral("version %1").arg(v))) << v;
}

void TestMigrations::everyEarlierVersionMigrates()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    const QString noteId = QStringLiteral("01930000-0000-7000-8000-000000000001");
    {
        // Build a store as version `from` left it, with a note in it where the schema allows.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(Database::migrate(db, from));
        QCOMPARE(*Database::version(db), from);
        if (from >= 1) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO items (id, kind, title, body, tags, created_at, updated_at) "
                                     "VALUES (?, 'note', 'Lighthouse keeper', 'Tide tables for March', '[\"sea\"]', 1, 1)"));
            q.addBindValue(noteId);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(QSqlQuery(db).exec(QStringLiteral(
                "INSERT INTO history (entity_id, kind, version, hlc, device, at, origin, changed, snapshot) "
                "VALUES ('01930000-0000-7000-8000-000000000001', 'note', 1, '000000000000001-000000-d', 'd', 1, "
                "'local', '[\"title\"]', '{\"title\":\"Lighthouse keeper\"}')")));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    auto store = Store::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE(*Database::version(QSqlDatabase::database((*store)->connectionName())), Database::latestVersion());
    if (from >= 1) {
        const auto note = (*store)->entity(noteId);
        QVERIFY(note);
        QCOMPARE(note->string(QStringLiteral("title")), QStringLiteral("Lighthouse keeper"));
        QCOMPARE((*store)->history(noteId)->size(), 1);
        // Rows from before the search index existed are found too.
        QCOMPARE((*store)->search(QStringLiteral("tide"))->size(), 1);
        QCOMPARE((*store)->search(QStringLiteral("sea"))->size(), 1);
    }
    // The migrated store works like a new one.
    QVERIFY((*store)->create(Kind::Task, {{QStringLiteral("title"), QStringLiteral("Check the lamp")}}));
    QCOMPARE((*store)->search(QStringLiteral("lamp"))->size(), 1);
}

void TestMigrations::newerStoreIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        auto store = Store::open(path);
        QVERIFY(store);
        QVERIFY(QSqlQuery(QSqlDatabase::database((*store)->connectionName()))
                    .exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestVersion() + 5)));
    }
    const auto store = Store::open(path);
    QVERIFY(!store);
    QVERIFY2(store.error().message.contains(QStringLiteral("newer")), qPrintable(store.error().message));
}

void TestMigrations::pragmasAreSet()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")));
    QVERIFY(store);
    QSqlQuery q(QSqlDatabase::database((*store)->connectionName()));
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
    QVERIFY(q.value(0).toInt() >= 1000);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
