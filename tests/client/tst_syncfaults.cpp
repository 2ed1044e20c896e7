// kill -9 of a syncing client at random instants: no edit lost, none applied twice, and the
// replicas converge. The client is a real `tidemarkctl sync` process; the server is real too.
#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/store.h"
#include "../serverprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

using namespace tidemark;

class TestSyncFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedSyncsLoseNothingAndApplyNothingTwice();
    void aServerKilledMidSyncLosesNothingAndAppliesNothingTwice();
};

void TestSyncFaults::killedSyncsLoseNothingAndApplyNothingTwice()
{
    QTemporaryDir dir;
    QProcess server;
    // No request limit: the check at the end reads the history of every untouched note, which
    // together with the twenty-odd syncs is more than an account may ask for in a minute.
    const int port = test::startServer(server, dir.filePath(u"server.db"_s), 0, {u"--max-requests-per-minute"_s, u"0"_s});
    QVERIFY(port > 0);
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });

    const QString path = dir.filePath(u"laptop.db"_s);
    const auto ctl = [&path](const QStringList &args, const QByteArray &input = {}) {
        auto process = std::make_unique<QProcess>();
        process->start(QString::fromUtf8(TIDEMARKCTL_PATH), QStringList{u"--db"_s, path} + args);
        process->write(input);
        process->closeWriteChannel();
        return process;
    };
    auto login = ctl({u"account"_s, u"register"_s, u"--server"_s, url.toString(), u"--user"_s, u"anna"_s}, "correct horse\n");
    QVERIFY(login->waitForFinished(20000));
    QCOMPARE(login->exitCode(), 0);

    auto store = std::move(*model::Store::open(path));
    QRandomGenerator random(20261127);
    QStringList ids;
    QStringList untouched; // created once, never edited: exactly one version on the server
    int killed = 0;
    for (int round = 0; killed < 20 && round < 80; ++round) {
        // The person keeps working between syncs: new notes, and edits of older ones.
        for (int i = 0; i < 40; ++i) {
            auto note = store->create(model::Kind::Note, {{u"title"_s, u"r%1 n%2"_s.arg(round).arg(i)},
                                                          {u"body"_s, QString(1500, QLatin1Char('a' + i % 26))}});
            QVERIFY(note);
            ids << note->id;
            untouched << note->id;
        }
        for (int i = 0; i < 5 && ids.size() > 50; ++i) {
            const QString id = ids.at(random.bounded(int(ids.size()) - 40));
            untouched.removeAll(id);
            QVERIFY(store->update(id, {{u"title"_s, u"edited in round %1"_s.arg(round)}}));
        }
        // A sync, killed at a random instant (some finish first: that is fine too).
        auto sync = ctl({u"sync"_s});
        QVERIFY(sync->waitForStarted());
        QTest::qWait(int(random.bounded(2, 60)));
        if (sync->state() == QProcess::Running) {
            sync->kill();
            ++killed;
        }
        sync->waitForFinished();
    }
    QVERIFY2(killed >= 20, qPrintable(u"only %1 syncs were killed"_s.arg(killed)));

    auto last = ctl({u"sync"_s});
    QVERIFY(last->waitForFinished(60000));
    QCOMPARE(last->exitCode(), 0);
    QCOMPARE(store->pendingCount(), 0);

    // A second device gets exactly the laptop's notes.
    auto token = client::account::logIn(url, u"anna"_s, u"correct horse"_s, u"check"_s);
    QVERIFY(token);
    auto fresh = std::move(*model::Store::open(dir.filePath(u"fresh.db"_s)));
    client::HttpTransport transport(url, *token);
    QVERIFY(client::SyncCycle(*fresh, transport).run());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(fresh->entity(id)->fields, store->entity(id)->fields);
    // Nothing was applied twice: a note created once and never edited has one version.
    for (const QString &id : std::as_const(untouched)) {
        auto reply = transport.request("GET", u"/v1/entities/%1/history"_s.arg(id));
        QVERIFY2(reply && reply->status == 200, qPrintable(reply ? u"HTTP %1"_s.arg(reply->status) : u"no answer"_s));
        QCOMPARE(reply->json.value(u"versions"_s).toArray().size(), 1);
    }
}

void TestSyncFaults::aServerKilledMidSyncLosesNothingAndAppliesNothingTwice()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"server.db"_s);
    QProcess server;
    const int port = test::startServer(server, database);
    QVERIFY(port > 0);
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    const auto stop = qScopeGuard([&server] { server.kill(); server.waitForFinished(); });
    QVERIFY(client::account::registerAccount(url, u"anna"_s, u"correct horse"_s));
    const auto token = client::account::logIn(url, u"anna"_s, u"correct horse"_s, u"laptop"_s);
    QVERIFY(token);

    auto store = std::move(*model::Store::open(dir.filePath(u"laptop.db"_s)));
    QRandomGenerator random(1127);
    QStringList ids;
    int killedDuring = 0;
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 150; ++i) {
            auto note = store->create(model::Kind::Note, {{u"title"_s, u"r%1 n%2"_s.arg(round).arg(i)},
                                                          {u"body"_s, QString(800, QLatin1Char('a' + i % 26))}});
            QVERIFY(note);
            ids << note->id;
        }
        // The device syncs in small batches (several commits); the server dies at a random
        // instant of it, by SIGKILL, and comes back on the same port and database.
        client::HttpTransport transport(url, *token, 3000);
        client::SyncCycle cycle(*store, transport);
        cycle.setBatchSize(25);
        // The timer can only fire while the sync waits for an answer (its nested loop): a kill
        // that fires has landed inside the sync. One that did not fire is stopped, and the server
        // goes down after the sync instead, so that every round restarts it.
        QTimer kill;
        kill.setSingleShot(true);
        connect(&kill, &QTimer::timeout, &server, [&server, &killedDuring] {
            server.kill();
            ++killedDuring;
        });
        kill.start(int(random.bounded(5, 120)));
        const auto report = cycle.run();
        kill.stop();
        if (server.state() != QProcess::NotRunning) {
            server.kill();
            server.waitForFinished(10000);
        }
        QCOMPARE(server.state(), QProcess::NotRunning);
        if (!report)
            QCOMPARE(report.error().kind, client::TransportError::Kind::Offline);
        QCOMPARE(test::startServer(server, database, port), port);
    }
    QVERIFY2(killedDuring >= 3, qPrintable(u"the server was killed during only %1 syncs"_s.arg(killedDuring)));

    client::HttpTransport transport(url, *token);
    QVERIFY(client::SyncCycle(*store, transport).run());
    QCOMPARE(store->pendingCount(), 0);
    auto other = client::account::logIn(url, u"anna"_s, u"correct horse"_s, u"check"_s);
    QVERIFY(other);
    auto fresh = std::move(*model::Store::open(dir.filePath(u"fresh.db"_s)));
    client::HttpTransport freshTransport(url, *other);
    QVERIFY(client::SyncCycle(*fresh, freshTransport).run());
    QCOMPARE(fresh->items(model::ItemFilter::all())->size(), ids.size());
    for (const QString &id : std::as_const(ids)) {
        QCOMPARE(fresh->entity(id)->fields, store->entity(id)->fields);
        auto reply = freshTransport.request("GET", u"/v1/entities/%1/history"_s.arg(id));
        QVERIFY2(reply && reply->status == 200, qPrintable(reply ? u"HTTP %1"_s.arg(reply->status) : u"no answer"_s));
        QCOMPARE(reply->json.value(u"versions"_s).toArray().size(), 1); // created once, applied once
    }
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
