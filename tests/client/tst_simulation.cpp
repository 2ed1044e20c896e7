// Deterministic simulation: one server (the library, in process) and 1–8 devices (local stores
// with the sync cycle) over an in-process transport that loses requests, loses answers after the
// server acted, answers twice, dies half-way through a batch (the server took its first part),
// and cuts devices off for a while. Devices edit at random (creates, text edits that overlap or
// not, titles, tags, deletes and restores, tasks done), also while a batch of theirs is on its way
// and right after a push, before the pull. At the end, with the network healed, every device must
// hold exactly what a fresh device gets from the server, with nothing left unsent, and each
// device's last edits (a title and a line of text, made while it may be cut off) must be in the
// final state or in the conflict log. No conflict event may have both sides from one device, and
// a device alone in its account must never see one: a device's own edits are ordered.
//
//   TIDEMARK_SIM_SEEDS=N   run N seeds (default 1000)
//   TIDEMARK_SIM_SEED=S    run only seed S (printed when one fails)
#include "client/synccycle.h"
#include "model/store.h"
#include "server/syncservice.h"
#include "sync/judgement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark;
using client::TransportError;

namespace {

// The network between one device and the server.
class LocalTransport final : public client::Transport
{
public:
    LocalTransport(server::SyncService &server, QString account, QRandomGenerator &random)
        : m_server(server)
        , m_account(std::move(account))
        , m_random(random)
    {
    }

    bool partitioned = false;
    bool faulty = true;
    /// Called at random while a push is on its way and between a push and the pull: the person
    /// goes on editing.
    std::function<void()> meanwhile;

    std::expected<client::PushAnswer, TransportError> push(const QList<sync::Operation> &ops) override
    {
        if (lost())
            return std::unexpected(offline());
        // What travels is what the HTTP layer would accept: encode, then decode strictly.
        QList<sync::Operation> received;
        for (const sync::Operation &op : ops) {
            auto decoded = sync::decodeOperation(sync::encodeOperation(op));
            if (!decoded)
                return std::unexpected(TransportError{TransportError::Kind::Refused, decoded.error(), 0});
            received.append(*decoded);
        }
        if (meanwhile && chance(20))
            meanwhile(); // an edit while the batch is in flight
        if (faulty && received.size() > 1 && chance(5)) {
            // The connection dies half-way: the server took the first part, nobody heard of it.
            (void)m_server.push(m_account, received.first(1 + int(m_random.bounded(int(received.size()) - 1))));
            return std::unexpected(offline());
        }
        auto results = m_server.push(m_account, received);
        if (faulty && chance(5))
            results = m_server.push(m_account, received); // delivered twice
        if (lost())
            return std::unexpected(offline()); // the server acted; the answer never arrived
        return client::PushAnswer{results, m_server.revision(m_account)};
    }

    std::expected<client::PullAnswer, TransportError> pull(qint64 since, int limit,
                                                           const std::optional<client::SnapshotContinuation> &continuation) override
    {
        if (meanwhile && chance(20))
            meanwhile(); // an edit after the push, before the pull has brought its result
        if (lost())
            return std::unexpected(offline());
        auto page = m_server.pull(m_account, since, limit, continuation);
        if (!page)
            return std::unexpected(TransportError{TransportError::Kind::Server, page.error(), 0});
        // Through the wire's codec, as over HTTP.
        auto answer = sync::decodePage(sync::encodePage(*page));
        if (!answer)
            return std::unexpected(TransportError{TransportError::Kind::Server, answer.error(), 0});
        if (lost())
            return std::unexpected(offline());
        return std::move(*answer);
    }

private:
    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }
    bool lost() { return partitioned || (faulty && chance(10)); }
    static TransportError offline() { return {TransportError::Kind::Offline, u"lost on the way"_s, 0}; }

    server::SyncService &m_server;
    QString m_account;
    QRandomGenerator &m_random;
};

struct Device
{
    std::unique_ptr<model::Store> store;
    std::unique_ptr<LocalTransport> transport;
};

QString describe(const QJsonObject &fields)
{
    return QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

} // namespace

class TestSimulation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void devicesConvergeWhateverTheNetworkDoes();
    /// The same schedules with a network that never fails: ordinary use, where a false
    /// conflict is the whole problem.
    void devicesConvergeOnAHealthyNetwork();

private:
    /// Runs one seed; empty when the replicas converged, else what went wrong.
    QString runSeed(quint32 seed, bool faulty);
    void runSeeds(bool faulty);
};

QString TestSimulation::runSeed(quint32 seed, bool faulty)
{
    QRandomGenerator random(seed);
    auto service = server::SyncService::open(u":memory:"_s);
    if (!service)
        return u"server: "_s + service.error();
    const QString account = *(*service)->createAccount(u"sim"_s);
    // A clock per device that moves on by a random step at each reading, the same in every run.
    qint64 time = 1'800'000'000'000;
    const auto clock = [&time, &random] { return time += random.bounded(1, 50); };

    // One seed in four has a single device: it must never see a conflict.
    std::vector<Device> devices(random.bounded(4) == 0 ? 1 : 3 + random.bounded(6));
    for (Device &d : devices) {
        auto store = model::Store::open(u":memory:"_s, clock);
        if (!store)
            return u"store: "_s + store.error().message;
        d.store = std::move(*store);
        d.transport = std::make_unique<LocalTransport>(**service, account, random);
        d.transport->faulty = faulty;
    }
    QStringList ids;
    const auto sync = [&](Device &d) {
        client::SyncCycle cycle(*d.store, *d.transport);
        cycle.setBatchSize(1 + int(random.bounded(6)));
        cycle.setPageSize(1 + int(random.bounded(8)));
        return cycle.run();
    };
    const auto pick = [&](const Device &d) -> std::optional<model::Entity> {
        if (ids.isEmpty())
            return std::nullopt;
        return d.store->entity(ids.at(random.bounded(int(ids.size()))));
    };

    int step = 0;
    // One random edit by a device (roll 30-99 of the step's dice).
    const auto edit = [&](Device &d, int roll) {
        const auto target = pick(d);
        if (!target || roll < 40) {
            const bool task = random.bounded(2) == 0;
            auto made = d.store->create(task ? model::Kind::Task : model::Kind::Note,
                                        {{u"title"_s, u"item %1"_s.arg(step)},
                                         {task ? u"notes"_s : u"body"_s, u"one\ntwo\nthree\nfour\n"_s}});
            if (made)
                ids << made->id;
            return;
        }
        const bool task = target->kind == model::Kind::Task;
        const QString textField = task ? u"notes"_s : u"body"_s;
        if (roll < 65) {
            // Change one line of the text (others may change the same line: an overlap) or add one.
            QStringList lines = target->fields.value(textField).toString().split(QLatin1Char('\n'));
            const int line = int(random.bounded(int(lines.size()) + 1));
            if (line < lines.size())
                lines[line] = u"edit %1 on step %2"_s.arg(line).arg(step);
            else
                lines.insert(lines.size() - 1, u"added on step %1"_s.arg(step));
            (void)d.store->update(target->id, {{textField, lines.join(QLatin1Char('\n'))}});
        } else if (roll < 75) {
            (void)d.store->update(target->id, {{u"title"_s, u"renamed on step %1"_s.arg(step)}});
        } else if (roll < 83) {
            QJsonArray tags;
            for (const char *tag : {"home", "work", "later"}) {
                if (random.bounded(2))
                    tags.append(QString::fromUtf8(tag));
            }
            (void)d.store->update(target->id, {{u"tags"_s, tags}});
        } else if (roll < 90) {
            (void)d.store->trash(target->id);
        } else if (roll < 95) {
            (void)d.store->restore(target->id);
        } else if (task) {
            (void)d.store->setDone(target->id, random.bounded(2) == 0);
        }
    };
    for (Device &d : devices) {
        Device *self = &d;
        d.transport->meanwhile = [&edit, &random, self] { edit(*self, 30 + int(random.bounded(70))); };
    }

    const int steps = 60 + int(random.bounded(60));
    for (step = 0; step < steps; ++step) {
        Device &d = devices[random.bounded(int(devices.size()))];
        const int roll = int(random.bounded(100));
        if (roll < 25) {
            (void)sync(d); // failures are expected here: the next sync carries on
            continue;
        }
        if (roll < 30) {
            d.transport->partitioned = !d.transport->partitioned;
            continue;
        }
        edit(d, roll);
    }

    // Each device's last word, made while it may still be cut off: a new title for one item and
    // a line of its own in that item's text. Nothing edits after these, so each must survive:
    // in the final state, or as a side of a conflict record (a losing title is kept in the log,
    // an overlapping text in an open conflict).
    struct LastWord
    {
        QString id;
        QString textField;
        QString title;
        QString line;
    };
    std::vector<LastWord> lastWords;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        Device &d = devices[i];
        std::optional<model::Entity> target;
        for (int tries = 0; tries < 20 && !target; ++tries)
            target = pick(d);
        if (!target)
            continue;
        const QString textField = target->kind == model::Kind::Task ? u"notes"_s : u"body"_s;
        LastWord word{target->id, textField, u"last title of device %1"_s.arg(i), u"last line of device %1"_s.arg(i)};
        QStringList lines = target->fields.value(textField).toString().split(QLatin1Char('\n'));
        lines.insert(int(random.bounded(int(lines.size()))), word.line);
        if (!d.store->update(target->id, {{u"title"_s, word.title}, {textField, lines.join(QLatin1Char('\n'))}}))
            continue;
        lastWords.push_back(word);
    }

    // The network heals; every device syncs until nothing moves.
    for (Device &d : devices) {
        d.transport->partitioned = false;
        d.transport->faulty = false;
        d.transport->meanwhile = nullptr;
    }
    for (int round = 0; round < 3; ++round) {
        for (Device &d : devices) {
            if (auto done = sync(d); !done)
                return u"a sync failed after healing: %1"_s.arg(done.error().message);
        }
    }
    Device fresh;
    fresh.store = std::move(*model::Store::open(u":memory:"_s, clock));
    fresh.transport = std::make_unique<LocalTransport>(**service, account, random);
    fresh.transport->faulty = false;
    if (auto done = sync(fresh); !done)
        return u"a fresh device could not sync: %1"_s.arg(done.error().message);

    // A device's own edits are ordered: no event weighs a device against itself, and a device
    // alone in its account never meets a conflict at all.
    for (const sync::ConflictEvent &event : (*service)->conflicts(account)) {
        if (event.rule == QLatin1String("resolution"))
            continue;
        if (devices.size() == 1)
            return u"a device alone in its account met a conflict: %1"_s.arg(describe(sync::encodeConflictEvent(event)));
        const QString incoming = event.device;
        const QString current = sync::deviceOfHlc(event.currentHlc);
        if (incoming == current)
            return u"a conflict event has both sides from device %1: %2"_s.arg(incoming, describe(sync::encodeConflictEvent(event)));
    }

    const auto records = fresh.store->conflictRecords();
    if (!records)
        return u"cannot read the conflict log"_s;
    const auto inLog = [&](const QString &id, const QString &field, const QString &needle) {
        return std::ranges::any_of(*records, [&](const model::ConflictRecord &r) {
            return r.entityId == id && r.field == field
                && (r.mine.toString().contains(needle) || r.theirs.toString().contains(needle));
        });
    };
    for (const LastWord &word : lastWords) {
        const auto truth = fresh.store->entity(word.id);
        if (!truth)
            return u"the server lost %1"_s.arg(word.id);
        if (truth->string(u"title"_s) != word.title && !inLog(word.id, u"title"_s, word.title))
            return u"'%1' on %2 is neither the title nor in the conflict log"_s.arg(word.title, word.id);
        if (!truth->string(word.textField).contains(word.line) && !inLog(word.id, word.textField, word.line))
            return u"'%1' on %2 is neither in the text nor in the conflict log"_s.arg(word.line, word.id);
    }

    for (std::size_t i = 0; i < devices.size(); ++i) {
        const model::Store &store = *devices[i].store;
        if (store.pendingCount() != 0)
            return u"device %1 still has %2 operations to send"_s.arg(i).arg(store.pendingCount());
        for (const QString &id : std::as_const(ids)) {
            const auto mine = store.entity(id);
            const auto truth = fresh.store->entity(id);
            if (!mine || !truth)
                return u"device %1 %2 %3; the server %4 it"_s.arg(i).arg(mine ? u"has"_s : u"lacks"_s, id, truth ? u"has"_s : u"lacks"_s);
            if (mine->fields != truth->fields)
                return u"device %1 differs on %2:\n  device: %3\n  server: %4"_s.arg(i).arg(id, describe(mine->fields), describe(truth->fields));
        }
    }
    return {};
}

void TestSimulation::devicesConvergeWhateverTheNetworkDoes()
{
    runSeeds(true);
}

void TestSimulation::devicesConvergeOnAHealthyNetwork()
{
    runSeeds(false);
}

void TestSimulation::runSeeds(bool faulty)
{
    QList<quint32> seeds;
    if (const QString one = qEnvironmentVariable("TIDEMARK_SIM_SEED"); !one.isEmpty()) {
        seeds << one.toUInt();
    } else {
        const int count = qEnvironmentVariableIntValue("TIDEMARK_SIM_SEEDS") > 0 ? qEnvironmentVariableIntValue("TIDEMARK_SIM_SEEDS") : 1000;
        for (int i = 1; i <= count; ++i)
            seeds << quint32(i);
    }
    int failures = 0;
    for (const quint32 seed : std::as_const(seeds)) {
        const QString problem = runSeed(seed, faulty);
        if (!problem.isEmpty()) {
            qWarning("seed %u failed %s (replay with TIDEMARK_SIM_SEED=%u): %s", seed, faulty ? "with faults" : "without faults",
                     seed, qPrintable(problem));
            if (++failures >= 5)
                break;
        }
    }
    QCOMPARE(failures, 0);
}

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
