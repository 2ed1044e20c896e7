// bench_server: tidemark-server as its clients see it, over HTTP on 127.0.0.1. Prints one JSON object.
//
//   bench_server [--backend sqlite|postgres|both] [--ops-per-client N] [--clients 1,10,50]
//                [--batch-ops 100] [--single-ops N] [--pull-entities N] [--postgres-fsync] [--dir DIR] [--seed N]
//
// For each back end, one real tidemark-server process (on a SQLite file, or on a database in a
// throwaway PostgreSQL cluster started with tools/test-postgres), and against it:
//  - push: each client has its own account and its own QNetworkAccessManager (QNAM opens at most
//    6 connections per host and manager, so 50 clients are really 50 connections) and pushes
//    batches of 100 new notes, the next batch when the previous one is answered, all clients at
//    once: operations per second over the run and the latency of one batch, for 1, 10 and 50
//    clients; then one client pushing single title edits (the latency of one small change);
//  - pull: one account filled with 100,000 notes (batches of 500), then its first sync,
//    GET /v1/changes 5,000 at a time until has_more is false, asking for identity, gzip and
//    zstd: time, and bytes received. Setting Accept-Encoding ourselves stops QNAM from
//    decompressing, so the body read is the one that crossed the wire; it is decompressed here
//    with sync/compression to check that every change arrived.
// The data lives under DIR (default: a temporary folder next to this program: on disk, because the
// build root's /tmp is tmpfs, where fsync costs nothing), with a copy of the server taken at the
// start, so that a rebuild meanwhile changes nothing. The server runs without its per-account
// request limit. Client and server share the machine: every stretch reports the CPU seconds of the
// server, of PostgreSQL, of this program and of all other processes.
#include "corpus.h"
#include "stats.h"

#include "sync/compression.h"

#include <tidemark/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QVersionNumber>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

using tidemark::bench::Corpus;
using tidemark::bench::percentile;
namespace Compression = tidemark::sync::Compression;

namespace {

QByteArray uuid() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

double roundTo(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

double mb(qint64 bytes) { return roundTo(double(bytes) / 1048576.0, 2); }

// Whatever must not outlive this program (servers, the PostgreSQL cluster), undone by die() too.
std::vector<std::function<void()>> &cleanups()
{
    static std::vector<std::function<void()>> list;
    return list;
}

void runCleanups()
{
    auto &list = cleanups();
    while (!list.empty()) {
        auto last = std::move(list.back());
        list.pop_back();
        last();
    }
}

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_server: " << message << Qt::endl;
    runCleanups();
    std::exit(1);
}

void note(const QString &message) { QTextStream(stderr) << "bench_server: " << message << Qt::endl; }

// --- Processes --------------------------------------------------------------------------------

/// The fields of /proc/PID/stat after the command name: [0] is the state, [1] the parent, [11]
/// and [12] user and system time in clock ticks.
QList<QByteArray> procStat(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ');
}

double cpuSeconds(qint64 pid)
{
    const QList<QByteArray> f = procStat(pid);
    if (f.size() < 13)
        return 0;
    return double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// CPU time of a process and its children (a postmaster and its backends).
double treeCpuSeconds(qint64 root)
{
    if (root <= 0)
        return 0;
    double total = cpuSeconds(root);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == root)
            continue;
        const QList<QByteArray> f = procStat(pid);
        if (f.size() >= 13 && f.at(1).toLongLong() == root)
            total += double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    return total;
}

/// CPU time the whole machine spent busy (all cores, every process), from /proc/stat.
double machineBusySeconds()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> f = file.readLine().simplified().split(' '); // cpu user nice system idle iowait irq softirq steal
    if (f.size() < 9)
        return 0;
    qint64 busy = 0;
    for (const int i : {1, 2, 3, 6, 7, 8})
        busy += f.at(i).toLongLong();
    return double(busy) / double(sysconf(_SC_CLK_TCK));
}

double peakRssMb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return roundTo(line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0, 1);
    }
    return 0;
}

QJsonArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = file.readAll().split(' ');
    QJsonArray load;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, parts.size()); ++i)
        load.append(parts.at(i).toDouble());
    return load;
}

QString cpuModel()
{
    QFile file(u"/proc/cpuinfo"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

/// Runs a program to its end, its output passed through to stderr; its exit code, or -1.
int run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    const QByteArray output = process.readAll().trimmed();
    if (!output.isEmpty())
        note(QString::fromUtf8(output));
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/// A tidemark-server on a free port.
class Server
{
public:
    Server(const QString &program, const QString &database)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Capacity is measured, not the per-account request limit (a server without one ignores this).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TIDEMARK_MAX_REQUESTS_PER_MINUTE"_s, u"0"_s);
        m_process.setProcessEnvironment(environment);
        m_process.start(program, {u"--port"_s, u"0"_s, u"--database"_s, database});
        if (!m_process.waitForStarted())
            die(u"cannot start %1"_s.arg(program));
        cleanups().push_back([this] { stop(); });
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running && timer.elapsed() < 60000)
            m_process.waitForReadyRead(100);
        static const QRegularExpression listening(u"^listening on .*:(\\d+)"_s);
        const auto match = listening.match(QString::fromUtf8(m_process.readLine()));
        if (!match.hasMatch())
            die(u"the server did not start"_s);
        m_port = match.captured(1).toInt();
    }
    ~Server()
    {
        stop();
        cleanups().pop_back();
    }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }

private:
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(20000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    QProcess m_process;
    int m_port = 0;
};

/// A throwaway PostgreSQL cluster (tools/test-postgres), optionally restarted with fsync on.
class PostgresCluster
{
public:
    PostgresCluster(const QString &dir, bool fsync)
        : m_dir(dir)
    {
        cleanups().push_back([this] { stop(); });
        if (run(QString::fromUtf8(BENCH_TEST_POSTGRES), {u"start"_s, m_dir}) != 0)
            die(u"cannot start a PostgreSQL cluster in %1 (tools/test-postgres)"_s.arg(m_dir));
        m_running = true;
        if (fsync)
            restartWithFsync();
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench-admin"_s);
        admin.setHostName(m_dir);
        admin.setUserName(u"postgres"_s);
        admin.setDatabaseName(u"postgres"_s);
        if (!admin.open())
            die(u"cannot connect to the PostgreSQL cluster: "_s + admin.lastError().text());
        QSqlQuery q(admin);
        for (const char *setting : {"server_version", "fsync", "synchronous_commit", "shared_buffers"}) {
            if (q.exec(u"SHOW %1"_s.arg(QLatin1StringView(setting))) && q.next())
                m_settings.insert(QLatin1StringView(setting), q.value(0).toString());
        }
    }
    ~PostgresCluster()
    {
        QSqlDatabase::removeDatabase(u"bench-admin"_s);
        stop();
        cleanups().pop_back();
    }
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    /// A new, empty database; its URL for --database.
    QString createDatabase(const QString &name)
    {
        QSqlQuery q(QSqlDatabase::database(u"bench-admin"_s));
        if (!q.exec(u"CREATE DATABASE "_s + name))
            die(u"cannot create a database: "_s + q.lastError().text());
        return u"postgresql://postgres@/%1?host=%2"_s.arg(name, m_dir);
    }
    qint64 databaseBytes(const QString &name)
    {
        QSqlQuery q(QSqlDatabase::database(u"bench-admin"_s));
        q.prepare(u"SELECT pg_database_size(?)"_s);
        q.addBindValue(name);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    /// The postmaster's process id (its backends are its children).
    qint64 pid() const
    {
        QFile file(m_dir + u"/data/postmaster.pid"_s);
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readLine().trimmed().toLongLong();
    }
    [[nodiscard]] const QJsonObject &settings() const { return m_settings; }

private:
    // tools/test-postgres starts the cluster with fsync=off (it is for tests); the same cluster
    // started again by hand with the same options but fsync on.
    void restartWithFsync()
    {
        QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::ranges::sort(versions, {}, [](const QString &v) { return QVersionNumber::fromString(v); });
        if (versions.isEmpty())
            die(u"no PostgreSQL under /usr/lib/postgresql"_s);
        const QString pgCtl = u"/usr/lib/postgresql/%1/bin/pg_ctl"_s.arg(versions.last());
        const auto asOwner = [&](const QStringList &arguments) {
            return geteuid() == 0 ? run(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, pgCtl} + arguments)
                                  : run(pgCtl, arguments);
        };
        const QString data = m_dir + u"/data"_s;
        if (asOwner({u"-D"_s, data, u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}) != 0
            || asOwner({u"-D"_s, data, u"-l"_s, m_dir + u"/server.log"_s, u"-w"_s, u"-t"_s, u"60"_s, u"-o"_s,
                        u"-c listen_addresses='' -k %1 -c fsync=on -c max_connections=200 -c shared_buffers=64MB"_s.arg(m_dir),
                        u"start"_s}) != 0)
            die(u"cannot restart the PostgreSQL cluster with fsync on"_s);
    }
    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        run(QString::fromUtf8(BENCH_TEST_POSTGRES), {u"stop"_s, m_dir});
    }

    QString m_dir;
    bool m_running = false;
    QJsonObject m_settings;
};

// --- HTTP -------------------------------------------------------------------------------------

struct Reply
{
    int status = 0;
    QByteArray body;            ///< as read from the reply: raw when we set Accept-Encoding ourselves
    QByteArray contentEncoding; ///< the Content-Encoding header, if any
    qint64 headerBytes = 0;     ///< the status line and headers, approximately as sent
    double ms = 0;
    QString error;
};

QNetworkRequest makeRequest(int port, const QString &pathAndQuery, const QByteArray &token)
{
    QUrl url(u"http://127.0.0.1"_s + pathAndQuery);
    url.setPort(port);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

Reply finish(QNetworkReply *reply, double ms)
{
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentEncoding = reply->rawHeader("Content-Encoding");
    r.headerBytes = 17 + 2; // "HTTP/1.1 200 OK\r\n" and the blank line
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headerBytes += name.size() + 2 + value.size() + 2;
    r.ms = ms;
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

/// One request, waited for.
Reply call(QNetworkAccessManager &network, const QByteArray &verb, QNetworkRequest request, const QByteArray &body = {})
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = verb == "GET"    ? network.get(request)
                         : verb == "POST"   ? network.post(request, body)
                                            : network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    return finish(reply, double(timer.nsecsElapsed()) / 1e6);
}

QJsonObject parse(const QByteArray &body) { return QJsonDocument::fromJson(body).object(); }

/// How long each sign-up plus sign-in took (two password hashes on the server).
std::vector<double> &signUpMs()
{
    static std::vector<double> ms;
    return ms;
}

/// A new account, signed in: its token.
QByteArray signUp(QNetworkAccessManager &network, int port, const QString &name)
{
    QElapsedTimer timer;
    timer.start();
    const QJsonObject credentials{{u"name"_s, name}, {u"password"_s, u"correct horse battery"_s}};
    const Reply created = call(network, "POST", makeRequest(port, u"/v1/accounts"_s, {}),
                               QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    if (created.status != 201)
        die(u"registering %1: HTTP %2 %3 %4"_s.arg(name).arg(created.status).arg(QString::fromUtf8(created.body), created.error));
    QJsonObject login = credentials;
    login.insert(u"device"_s, u"bench"_s);
    const Reply session = call(network, "POST", makeRequest(port, u"/v1/sessions"_s, {}),
                               QJsonDocument(login).toJson(QJsonDocument::Compact));
    const QByteArray token = parse(session.body).value(u"token"_s).toString().toUtf8();
    if (session.status != 201 || token.isEmpty())
        die(u"signing in %1: HTTP %2 %3"_s.arg(name).arg(session.status).arg(QString::fromUtf8(session.body)));
    signUpMs().push_back(double(timer.nsecsElapsed()) / 1e6);
    return token;
}

// --- Operations -------------------------------------------------------------------------------

const QByteArray kHlc = "000001700000000-000000-bench";

void appendOp(QByteArray &out, const QByteArray &entity, const QByteArray &fields, qint64 baseRev = 0,
              const QByteArray &hlc = kHlc)
{
    out += "{\"op_id\":\"";
    out += uuid();
    out += "\",\"device\":\"bench\",\"kind\":\"note\",\"entity\":\"";
    out += entity;
    out += "\",\"fields\":";
    out += fields;
    out += ",\"base_rev\":";
    out += QByteArray::number(baseRev);
    out += ",\"hlc\":\"";
    out += hlc;
    out += "\"}";
}

QByteArray noteFields(Corpus &corpus)
{
    return QJsonDocument(QJsonObject{{u"title"_s, corpus.title()}, {u"body"_s, corpus.markdownBody()}})
        .toJson(QJsonDocument::Compact);
}

/// New notes for the push runs, from a pool of distinct texts (made before anything is timed).
class NotePool
{
public:
    NotePool(Corpus &corpus, int size)
    {
        for (int i = 0; i < size; ++i) {
            m_fields.append(noteFields(corpus));
            m_bytes += m_fields.last().size();
        }
    }
    /// A push body of `count` new notes.
    QByteArray batch(int count)
    {
        QByteArray body;
        body.reserve(qsizetype(count) * (m_bytes / m_fields.size() + 200) + 16);
        body += "{\"ops\":[";
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                body += ',';
            appendOp(body, uuid(), m_fields.at(m_next));
            m_next = (m_next + 1) % m_fields.size();
        }
        body += "]}";
        return body;
    }
    [[nodiscard]] qint64 meanFieldsBytes() const { return m_bytes / m_fields.size(); }

private:
    QList<QByteArray> m_fields;
    qsizetype m_next = 0;
    qint64 m_bytes = 0;
};

/// Checks a push answer: HTTP 200, one result per operation, each applied. An error message, or
/// nothing. Fills `revs` (entity order) when given.
QString checkPush(const Reply &reply, int ops, QList<qint64> *revs = nullptr)
{
    if (reply.status != 200)
        return u"HTTP %1 %2 %3"_s.arg(reply.status).arg(QString::fromUtf8(reply.body.left(300)), reply.error);
    const QJsonArray results = parse(reply.body).value(u"results"_s).toArray();
    if (results.size() != ops)
        return u"%1 results for %2 operations"_s.arg(results.size()).arg(ops);
    for (const QJsonValue &result : results) {
        const QJsonObject r = result.toObject();
        if (r.value(u"status"_s).toString() != QLatin1String("applied"))
            return u"an operation was %1: %2"_s.arg(r.value(u"status"_s).toString(), r.value(u"reason"_s).toString());
        if (revs)
            revs->append(qint64(r.value(u"rev"_s).toDouble()));
    }
    return {};
}

// --- Measurements -----------------------------------------------------------------------------

struct ProcessCpu
{
    qint64 server = 0;
    qint64 database = 0; ///< a postmaster, whose backends are counted with it; 0 for SQLite
    [[nodiscard]] double serverSeconds() const { return cpuSeconds(server); }
    [[nodiscard]] double databaseSeconds() const { return treeCpuSeconds(database); }
};

/// CPU time over a stretch of the run: the server's, PostgreSQL's, this program's (the clients),
/// and that of everything else on the machine (on a shared machine, the noise in the figures).
class CpuMeter
{
public:
    explicit CpuMeter(const ProcessCpu &cpu)
        : m_cpu(cpu)
        , m_server(cpu.serverSeconds())
        , m_database(cpu.databaseSeconds())
        , m_client(cpuSeconds(QCoreApplication::applicationPid()))
        , m_machine(machineBusySeconds())
    {
    }
    void addTo(QJsonObject &out, bool withClient = true) const
    {
        const double server = m_cpu.serverSeconds() - m_server;
        const double database = m_cpu.databaseSeconds() - m_database;
        const double client = cpuSeconds(QCoreApplication::applicationPid()) - m_client;
        const double machine = machineBusySeconds() - m_machine;
        out.insert(u"server_cpu_s"_s, roundTo(server, 2));
        if (m_cpu.database)
            out.insert(u"postgres_cpu_s"_s, roundTo(database, 2));
        if (withClient)
            out.insert(u"client_cpu_s"_s, roundTo(client, 2));
        out.insert(u"other_processes_cpu_s"_s, roundTo(std::max(0.0, machine - server - database - client), 2));
    }

private:
    const ProcessCpu &m_cpu;
    double m_server, m_database, m_client, m_machine;
};

/// `clients` accounts pushing `opsPerClient` new notes each in batches of `batchOps`, all at once.
QJsonObject pushRun(int port, int clients, int opsPerClient, int batchOps, NotePool &pool, const ProcessCpu &cpu,
                    const QString &label)
{
    struct Client
    {
        std::unique_ptr<QNetworkAccessManager> network;
        QByteArray token;
        int remaining = 0;
        QElapsedTimer timer;
    };
    std::vector<Client> all(static_cast<std::size_t>(clients));
    const QString run = QString::fromLatin1(uuid().left(8));
    for (int i = 0; i < clients; ++i) {
        Client &c = all[std::size_t(i)];
        c.network = std::make_unique<QNetworkAccessManager>();
        c.token = signUp(*c.network, port, u"bench-%1-%2-%3"_s.arg(label, run).arg(i));
        c.remaining = opsPerClient;
        // Opens the client's connection, so that the timed run does not include connecting.
        if (call(*c.network, "GET", makeRequest(port, u"/healthz"_s, {})).status != 200)
            die(u"/healthz did not answer"_s);
    }

    std::vector<double> latencies;
    latencies.reserve(std::size_t(clients) * std::size_t(opsPerClient / batchOps + 1));
    qint64 opsDone = 0;
    int active = clients;
    QString firstError;
    int errors = 0;
    QEventLoop loop;
    std::function<void(Client &)> send = [&](Client &c) {
        const int count = std::min(batchOps, c.remaining);
        c.remaining -= count;
        const QByteArray body = pool.batch(count);
        c.timer.start();
        QNetworkReply *reply = c.network->post(makeRequest(port, u"/v1/push"_s, c.token), body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, count, client = &c] {
            const Reply r = finish(reply, double(client->timer.nsecsElapsed()) / 1e6);
            latencies.push_back(r.ms);
            if (const QString problem = checkPush(r, count); !problem.isEmpty()) {
                if (errors++ == 0)
                    firstError = problem;
            } else {
                opsDone += count;
            }
            if (client->remaining > 0)
                send(*client);
            else if (--active == 0)
                loop.quit();
        });
    };
    const CpuMeter meter(cpu);
    QElapsedTimer wall;
    wall.start();
    for (Client &c : all)
        send(c);
    loop.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    if (errors > 0)
        note(u"push with %1 clients: %2 failed batches; the first: %3"_s.arg(clients).arg(errors).arg(firstError));

    QJsonObject result{{u"clients"_s, clients},
                       {u"ops"_s, opsDone},
                       {u"batches"_s, qint64(latencies.size())},
                       {u"seconds"_s, roundTo(seconds, 2)},
                       {u"ops_per_s"_s, std::round(double(opsDone) / seconds)},
                       {u"batch_ms_p50"_s, roundTo(percentile(latencies, 50), 1)},
                       {u"batch_ms_p99"_s, roundTo(percentile(latencies, 99), 1)},
                       {u"failed_batches"_s, errors}};
    meter.addTo(result);
    return result;
}

/// One client editing the titles of its notes, one operation per push.
QJsonObject singleEditRun(int port, int pushes, Corpus &corpus, NotePool &pool)
{
    QNetworkAccessManager network;
    const QByteArray token = signUp(network, port, u"bench-edits-%1"_s.arg(QString::fromLatin1(uuid().left(8))));
    // A hundred notes to edit.
    const QByteArray seed = pool.batch(100);
    QList<qint64> revs;
    const Reply seeded = call(network, "POST", makeRequest(port, u"/v1/push"_s, token), seed);
    if (const QString problem = checkPush(seeded, 100, &revs); !problem.isEmpty())
        die(u"seeding the notes to edit: "_s + problem);
    QList<QByteArray> entities;
    for (const QJsonValue &op : parse(seed).value(u"ops"_s).toArray())
        entities.append(op.toObject().value(u"entity"_s).toString().toUtf8());

    std::vector<double> latencies;
    qint64 requestBytes = 0;
    for (int i = 0; i < pushes; ++i) {
        const qsizetype which = i % entities.size();
        QByteArray body = "{\"ops\":[";
        const QByteArray fields = QJsonDocument(QJsonObject{{u"title"_s, corpus.title()}}).toJson(QJsonDocument::Compact);
        const QByteArray hlc = QByteArray::number(1700000000LL + i).rightJustified(15, '0') + "-000000-bench";
        appendOp(body, entities.at(which), fields, revs.at(which), hlc);
        body += "]}";
        requestBytes += body.size();
        const Reply r = call(network, "POST", makeRequest(port, u"/v1/push"_s, token), body);
        QList<qint64> rev;
        if (const QString problem = checkPush(r, 1, &rev); !problem.isEmpty())
            die(u"a single edit: "_s + problem);
        revs[which] = rev.first();
        latencies.push_back(r.ms);
    }
    return {{u"pushes"_s, pushes},
            {u"request_bytes_mean"_s, std::round(double(requestBytes) / std::max(1, pushes))},
            {u"ms_p50"_s, roundTo(percentile(latencies, 50), 2)},
            {u"ms_p99"_s, roundTo(percentile(latencies, 99), 2)},
            {u"ms_max"_s, roundTo(latencies.empty() ? 0.0 : *std::ranges::max_element(latencies), 2)}};
}

/// One account with `entities` distinct notes, then its first sync in each encoding.
QJsonObject pullRun(int port, int entities, Corpus &corpus, const ProcessCpu &cpu)
{
    QNetworkAccessManager network;
    const QByteArray token = signUp(network, port, u"bench-pull-%1"_s.arg(QString::fromLatin1(uuid().left(8))));
    constexpr int kFillBatch = 500;
    constexpr int kPageLimit = 5000;

    // Every note distinct, so that compression sees text as varied as a real account's.
    QList<QByteArray> batches;
    qint64 fillBytes = 0;
    for (int done = 0; done < entities;) {
        const int count = std::min(kFillBatch, entities - done);
        QByteArray body = "{\"ops\":[";
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                body += ',';
            appendOp(body, uuid(), noteFields(corpus));
        }
        body += "]}";
        fillBytes += body.size();
        batches.append(body);
        done += count;
    }
    const CpuMeter fillMeter(cpu);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const int count = int(std::min<qsizetype>(kFillBatch, entities - i * kFillBatch));
        const Reply r = call(network, "POST", makeRequest(port, u"/v1/push"_s, token), batches.at(i));
        if (const QString problem = checkPush(r, count); !problem.isEmpty())
            die(u"filling the account to pull: "_s + problem);
        batches[i].clear();
    }
    const double fillSeconds = double(timer.nsecsElapsed()) / 1e9;
    batches.clear();

    QJsonObject fill{{u"batch_ops"_s, kFillBatch},
                     {u"seconds"_s, roundTo(fillSeconds, 1)},
                     {u"ops_per_s"_s, std::round(double(entities) / fillSeconds)},
                     {u"request_mb"_s, mb(fillBytes)}};
    fillMeter.addTo(fill, false);
    QJsonObject result{{u"entities"_s, entities}, {u"page_limit"_s, kPageLimit}, {u"fill"_s, fill}};

    // What QNAM does on its own: without an Accept-Encoding from us it sends its own list and
    // decompresses the answer, which then cannot be measured; hence the header below.
    {
        const Reply r = call(network, "GET", makeRequest(port, u"/v1/changes?since=0&limit=100"_s, token));
        QJsonParseError error{};
        (void)QJsonDocument::fromJson(r.body, &error);
        result.insert(u"qnam_default_accept_encoding"_s,
                      QJsonObject{{u"content_encoding"_s, QString::fromLatin1(r.contentEncoding)},
                                  {u"body_read_is_plain_json"_s, error.error == QJsonParseError::NoError}});
    }

    for (const char *accept : {"identity", "gzip", "zstd"}) {
        qint64 since = 0;
        QString continuation; // "&snapshot=R&after=ID" while the server sends a snapshot
        qint64 bodyBytes = 0, headerBytes = 0, plainBytes = 0, changes = 0, conflicts = 0;
        int pages = 0;
        double requestMs = 0, decodeMs = 0;
        bool more = true;
        bool decompressedByQnam = false;
        QSet<QByteArray> encodings;
        const CpuMeter meter(cpu);
        QElapsedTimer wall;
        wall.start();
        while (more) {
            QNetworkRequest request = makeRequest(
                port, u"/v1/changes?since=%1&limit=%2"_s.arg(since).arg(kPageLimit) + continuation, token);
            request.setRawHeader("Accept-Encoding", accept);
            const Reply r = call(network, "GET", request);
            if (r.status != 200)
                die(u"pulling (%1): HTTP %2 %3 %4"_s.arg(QLatin1StringView(accept)).arg(r.status).arg(QString::fromUtf8(r.body.left(300)), r.error));
            ++pages;
            requestMs += r.ms;
            bodyBytes += r.body.size();
            headerBytes += r.headerBytes;
            timer.restart();
            encodings.insert(r.contentEncoding.isEmpty() ? QByteArray("identity") : r.contentEncoding);
            const auto encoding = Compression::fromContentEncoding(r.contentEncoding);
            if (!encoding)
                die(u"the server answered in an unknown encoding: "_s + QString::fromLatin1(r.contentEncoding));
            auto plain = Compression::decompress(r.body, *encoding, qsizetype(1) << 30);
            if (!plain) {
                // Already decompressed on the way (QNAM does that when it chose the encoding)?
                QJsonParseError error{};
                (void)QJsonDocument::fromJson(r.body, &error);
                if (error.error != QJsonParseError::NoError)
                    die(u"a page does not decode: "_s + plain.error());
                decompressedByQnam = true;
                plain = r.body;
            }
            plainBytes += plain->size();
            const QJsonObject page = parse(*plain);
            if (!page.contains(u"cursor"_s))
                die(u"a page is not a changes page"_s);
            changes += page.value(u"changes"_s).toArray().size();
            conflicts += page.value(u"conflicts"_s).toArray().size();
            // A snapshot (the log no longer starts at 0) pages on with `next`, its cursor unmoved.
            const QJsonObject next = page.value(u"next"_s).toObject();
            continuation = next.isEmpty() ? QString()
                                          : u"&snapshot=%1&after=%2"_s.arg(qint64(next.value(u"snapshot"_s).toDouble()))
                                                .arg(QString::fromLatin1(QUrl::toPercentEncoding(next.value(u"after"_s).toString())));
            since = qint64(page.value(u"cursor"_s).toDouble());
            more = !next.isEmpty() || page.value(u"has_more"_s).toBool();
            decodeMs += double(timer.nsecsElapsed()) / 1e6;
        }
        const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;
        if (changes != entities || conflicts != 0)
            note(u"pull (%1): %2 changes and %3 conflicts for %4 notes"_s.arg(QLatin1StringView(accept)).arg(changes).arg(conflicts).arg(entities));
        QStringList seen;
        for (const QByteArray &e : std::as_const(encodings))
            seen << QString::fromLatin1(e);
        QJsonObject pull{{u"seconds"_s, roundTo(requestMs / 1000.0, 2)},
                         {u"wall_seconds_with_client_decoding"_s, roundTo(wallSeconds, 2)},
                         {u"client_decode_seconds"_s, roundTo(decodeMs / 1000.0, 2)},
                         {u"pages"_s, pages},
                         {u"changes"_s, changes},
                         {u"received_mb"_s, mb(bodyBytes + headerBytes)},
                         {u"json_mb"_s, mb(plainBytes)},
                         {u"content_encoding"_s, seen.join(u","_s)},
                         {u"decompressed_by_qnam"_s, decompressedByQnam}};
        meter.addTo(pull);
        result.insert(QLatin1StringView(accept), pull);
    }
    return result;
}

struct Parameters
{
    QList<int> clients;
    int opsPerClient = 0;
    int batchOps = 100;
    int singleOps = 0;
    int pullEntities = 0;
};

QJsonObject measureBackend(const QString &program, const QString &database, const Parameters &p, Corpus &corpus,
                           NotePool &pool, qint64 postmaster)
{
    Server server(program, database);
    const ProcessCpu cpu{server.pid(), postmaster};
    signUpMs().clear();
    QJsonArray push;
    for (const int clients : p.clients) {
        note(u"push, %1 clients"_s.arg(clients));
        push.append(pushRun(server.port(), clients, p.opsPerClient, p.batchOps, pool, cpu, u"c%1"_s.arg(clients)));
    }
    note(u"single edits"_s);
    QJsonObject out{{u"push"_s, push}, {u"single_edit_push"_s, singleEditRun(server.port(), p.singleOps, corpus, pool)}};
    if (p.pullEntities > 0) {
        note(u"pull of %1 notes"_s.arg(p.pullEntities));
        out.insert(u"pull"_s, pullRun(server.port(), p.pullEntities, corpus, cpu));
    }
    out.insert(u"sign_up_and_in_ms_p50"_s, roundTo(percentile(signUpMs(), 50), 1));
    out.insert(u"server_peak_rss_mb"_s, peakRssMb(server.pid()));
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"backend"_s, u"sqlite, postgres or both."_s, u"NAME"_s, u"both"_s},
                       {u"ops-per-client"_s, u"New notes each client pushes, per concurrency level."_s, u"N"_s, u"2000"_s},
                       {u"clients"_s, u"Concurrency levels, comma-separated."_s, u"LIST"_s, u"1,10,50"_s},
                       {u"batch-ops"_s, u"Operations per push in the concurrent runs (the server takes 1 to 500)."_s, u"N"_s, u"100"_s},
                       {u"single-ops"_s, u"Single-edit pushes by one client."_s, u"N"_s, u"500"_s},
                       {u"pull-entities"_s, u"Notes in the account pulled in full (0: no pull)."_s, u"N"_s, u"100000"_s},
                       {u"postgres-fsync"_s, u"Run the PostgreSQL cluster with fsync on (tools/test-postgres turns it off)."_s},
                       {u"dir"_s, u"Folder for the databases (default: a temporary one next to this program)."_s, u"DIR"_s},
                       {u"seed"_s, u"Random seed for the note text."_s, u"N"_s, u"7"_s}});
    parser.addHelpOption();
    parser.process(app);

    Parameters p;
    for (const QString &level : parser.value(u"clients"_s).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int clients = level.trimmed().toInt();
        if (clients < 1 || clients > 500)
            die(u"--clients: whole numbers from 1 to 500, not %1"_s.arg(level));
        p.clients << clients;
    }
    p.opsPerClient = parser.value(u"ops-per-client"_s).toInt();
    p.batchOps = parser.value(u"batch-ops"_s).toInt();
    p.singleOps = parser.value(u"single-ops"_s).toInt();
    p.pullEntities = parser.value(u"pull-entities"_s).toInt();
    if (p.opsPerClient < 1 || p.batchOps < 1 || p.batchOps > 500 || p.singleOps < 0 || p.pullEntities < 0)
        die(u"--ops-per-client must be 1 or more, --batch-ops 1 to 500, --single-ops and --pull-entities 0 or more"_s);
    const QString backend = parser.value(u"backend"_s);
    if (backend != QLatin1String("sqlite") && backend != QLatin1String("postgres") && backend != QLatin1String("both"))
        die(u"--backend: sqlite, postgres or both, not %1"_s.arg(backend));
    const bool postgresFsync = parser.isSet(u"postgres-fsync"_s);

    QTemporaryDir temp(QCoreApplication::applicationDirPath() + u"/bench_server-XXXXXX"_s);
    cleanups().push_back([&temp] { temp.remove(); });
    const QString dir = parser.isSet(u"dir"_s) ? QDir(parser.value(u"dir"_s)).absolutePath() : temp.path();
    if (!QDir().mkpath(dir))
        die(u"cannot make %1"_s.arg(dir));
    // The PostgreSQL cluster runs as the postgres user, who must reach its folder inside this one.
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                   | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);

    // A copy of the server, so that a rebuild during the run cannot change or remove it.
    const QString server = dir + u"/tidemark-server"_s;
    QFile::remove(server);
    if (!QFile::copy(QString::fromUtf8(BENCH_SERVER_PATH), server))
        die(u"cannot copy %1"_s.arg(QString::fromUtf8(BENCH_SERVER_PATH)));
    const QDateTime serverBuilt = QFileInfo(QString::fromUtf8(BENCH_SERVER_PATH)).lastModified();

    Corpus corpus(parser.value(u"seed"_s).toUInt());
    if (!corpus.isValid())
        die(u"no word list at /usr/share/dict/words (Debian package wamerican)"_s);
    NotePool pool(corpus, 5000);

    QJsonObject out;
    out.insert(u"tidemark_version"_s, QLatin1StringView(tidemark::kVersion));
    out.insert(u"server_binary_built"_s, serverBuilt.toUTC().toString(Qt::ISODate));
    out.insert(u"machine"_s, QJsonObject{{u"cores"_s, QThread::idealThreadCount()},
                                         {u"cpu"_s, cpuModel()},
                                         {u"load_average_at_start"_s, loadAverage()},
                                         {u"data_filesystem"_s, QString::fromUtf8(QStorageInfo(dir).fileSystemType())}});
    QJsonArray levels;
    for (const int clients : p.clients)
        levels.append(clients);
    out.insert(u"parameters"_s, QJsonObject{{u"clients"_s, levels},
                                            {u"ops_per_client"_s, p.opsPerClient},
                                            {u"batch_ops"_s, p.batchOps},
                                            {u"single_edit_pushes"_s, p.singleOps},
                                            {u"pull_entities"_s, p.pullEntities},
                                            {u"note_fields_bytes_mean"_s, pool.meanFieldsBytes()},
                                            {u"push_note_pool"_s, 5000},
                                            {u"server_environment"_s, u"TIDEMARK_MAX_REQUESTS_PER_MINUTE=0"_s}});

    QElapsedTimer total;
    total.start();
    if (backend != QLatin1String("postgres")) {
        note(u"SQLite"_s);
        const QString path = dir + u"/sqlite/server.db"_s;
        QJsonObject sqlite = measureBackend(server, path, p, corpus, pool, 0);
        qint64 bytes = 0;
        for (const char *suffix : {"", "-wal", "-shm"})
            bytes += QFileInfo(path + QLatin1StringView(suffix)).size();
        sqlite.insert(u"database_mb"_s, mb(bytes));
        sqlite.insert(u"settings"_s, QJsonObject{{u"journal_mode"_s, u"wal"_s}, {u"synchronous"_s, u"full"_s}});
        out.insert(u"sqlite"_s, sqlite);
        QDir(dir + u"/sqlite"_s).removeRecursively();
    }
    if (backend != QLatin1String("sqlite")) {
        note(u"PostgreSQL"_s);
        PostgresCluster cluster(dir + u"/pg"_s, postgresFsync);
        const QString database = cluster.createDatabase(u"bench"_s);
        QJsonObject postgres = measureBackend(server, database, p, corpus, pool, cluster.pid());
        postgres.insert(u"database_mb"_s, mb(cluster.databaseBytes(u"bench"_s)));
        postgres.insert(u"settings"_s, cluster.settings());
        postgres.insert(u"postgres_fsync"_s, cluster.settings().value(u"fsync"_s).toString() == QLatin1String("on"));
        out.insert(u"postgres"_s, postgres);
    }
    out.insert(u"total_seconds"_s, std::round(double(total.nsecsElapsed()) / 1e9));
    out.insert(u"load_average_at_end"_s, loadAverage());

    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    runCleanups();
    return 0;
}
