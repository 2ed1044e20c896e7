// Every earlier schema version, with data in it, migrates to the current one without loss.
#include "model/database.h"
#include "model/store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

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
        QTest::newRow(qPrintable(u"version %1"_s.arg(v))) << v;
}

void TestMigrations::everyEarlierVersionMigrates()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);
    const QString noteId = u"01930000-0000-7000-8000-000000000001"_s;
    {
        // Build a store as version `from` left it, with a note in it where the schema allows.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
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
    QSqlDatabase::removeDatabase(u"old"_s);

    auto store = Store::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE(*Database::version(QSqlDatabase::database((*store)->connectionName())), Database::latestVersion());
    if (from >= 1) {
        const auto note = (*store)->entity(noteId);
        QVERIFY(note);
        QCOMPARE(note->string(u"title"_s), u"Lighthouse keeper"_s);
        QCOMPARE((*store)->history(noteId)->size(), 1);
        // Rows from before the search index existed are found too.
        QCOMPARE((*store)->search(u"tide"_s)->size(), 1);
        QCOMPARE((*store)->search(u"sea"_s)->size(), 1);
    }
    // The migrated store works like a new one.
    QVERIFY((*store)->create(Kind::Task, {{u"title"_s, u"Check the lamp"_s}}));
    QCOMPARE((*store)->search(u"lamp"_s)->size(), 1);
}

void TestMigrations::newerStoreIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.db"_s);
    {
        auto store = Store::open(path);
        QVERIFY(store);
        QVERIFY(QSqlQuery(QSqlDatabase::database((*store)->connectionName()))
                    .exec(u"PRAGMA user_version = %1"_s.arg(Database::latestVersion() + 5)));
    }
    const auto store = Store::open(path);
    QVERIFY(!store);
    QVERIFY2(store.error().message.contains(u"newer"_s), qPrintable(store.error().message));
}

void TestMigrations::pragmasAreSet()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(u"p.db"_s));
    QVERIFY(store);
    QSqlQuery q(QSqlDatabase::database((*store)->connectionName()));
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
    QVERIFY(q.exec(u"PRAGMA busy_timeout"_s) && q.next());
    QVERIFY(q.value(0).toInt() >= 1000);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
