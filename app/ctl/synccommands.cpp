// tidemarkctl's account and sync commands.
#include "cli.h"

#include "client/accountfile.h"
#include "client/httptransport.h"
#include "client/synccycle.h"
#include "client/syncmetrics.h"
#include "model/decisions.h"
#include "model/store.h"
#include "platform/platform.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QTimeZone>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace tidemark::model;
using tidemark::client::TransportError;

namespace tidemark::ctl {

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString accountPath(const Store &store) { return client::AccountFile::path(store.path()); }
QJsonObject readAccount(const Store &store) { return client::AccountFile::read(store.path()); }

// Writes the account, saying on `err` when the token had to go into the file.
bool writeAccount(const Store &store, const QJsonObject &account, QTextStream *err = nullptr)
{
    bool inFile = false;
    const bool written = client::AccountFile::write(store.path(), account, &inFile);
    if (written && inFile && err)
        *err << "tidemarkctl: no system keychain available; the token is kept in " << accountPath(store)
             << ", readable by you only\n";
    return written;
}

QString kindText(TransportError::Kind kind)
{
    switch (kind) {
    case TransportError::Kind::Offline:
        return s("offline");
    case TransportError::Kind::SignInAgain:
        return s("sign in again");
    case TransportError::Kind::Incompatible:
        return s("incompatible server");
    case TransportError::Kind::RateLimited:
        return s("server busy");
    case TransportError::Kind::Refused:
        return s("refused");
    case TransportError::Kind::Server:
        return s("server error");
    }
    return {};
}

// A password from standard input: one line, without echo when it is a terminal.
QString readPassword(QTextStream &err, const char *prompt = "Password: ")
{
    return platform::readSecretLine(err, prompt);
}

} // namespace

int Cli::accountCommand()
{
    if (m_args.isEmpty())
        return usageError(s("account register|login|logout|devices|signout|password"));
    const QString action = m_args.first();
    if (action == QLatin1String("devices") || action == QLatin1String("signout") || action == QLatin1String("password"))
        return accountSessionCommand(action);
    if (m_args.size() != 1)
        return usageError(s("account %1 takes no more arguments").arg(action));
    if (action == QLatin1String("logout")) {
        const QJsonObject account = readAccount(*m_store);
        if (account.value(s("token")).toString().isEmpty())
            return usageError(s("not signed in"));
        auto out = client::account::logOut(QUrl(account.value(s("server")).toString()), account.value(s("token")).toString());
        QJsonObject rest = account;
        rest.remove(s("token"));
        if (!writeAccount(*m_store, rest))
            return fail(Error::database(s("cannot write %1").arg(accountPath(*m_store))));
        if (!out) // signed out here either way; the server forgets the token when it hears of it
            m_err << "tidemarkctl: signed out on this device; the server was not told (" << out.error().message << ")\n";
        return 0;
    }
    if (action != QLatin1String("register") && action != QLatin1String("login"))
        return usageError(s("account register|login|logout|devices|signout|password, not '%1'").arg(action));
    const QUrl server(m_parser.value(s("server")), QUrl::StrictMode);
    const QString user = m_parser.value(s("user"));
    if (!client::account::isServerAddress(server))
        return usageError(s("--server URL (http:// or https://) is needed"));
    if (user.isEmpty())
        return usageError(s("--user NAME is needed"));
    const QString password = readPassword(m_err);
    if (action == QLatin1String("register")) {
        if (auto made = client::account::registerAccount(server, user, password); !made)
            return fail(Error::invalid(s("cannot register: %1").arg(made.error().message)));
    }
    auto token = client::account::logIn(server, user, password, QHostInfo::localHostName() + s(" (tidemarkctl)"));
    if (!token)
        return fail(Error::invalid(s("cannot sign in: %1").arg(token.error().message)));
    const QJsonObject account{{s("server"), server.toString()}, {s("user"), user}, {s("token"), *token}};
    if (!writeAccount(*m_store, account, &m_err))
        return fail(Error::database(s("cannot write %1").arg(accountPath(*m_store))));
    m_out << "signed in to " << server.toString() << " as " << user << '\n';
    return 0;
}

int Cli::accountSessionCommand(const QString &action)
{
    QJsonObject account = readAccount(*m_store);
    const QString token = account.value(s("token")).toString();
    if (token.isEmpty())
        return fail(Error::invalid(s("not signed in (tidemarkctl account login --server URL --user NAME)")));
    const QUrl server(account.value(s("server")).toString());
    if (action == QLatin1String("password")) {
        if (m_args.size() != 1)
            return usageError(s("account password takes no arguments (the passwords come from the terminal or stdin)"));
        const QString old = readPassword(m_err, "Current password: ");
        const QString fresh = readPassword(m_err, "New password: ");
        if (fresh.size() < 8)
            return usageError(s("the new password needs at least 8 characters"));
        auto newToken = client::account::changePassword(server, token, account.value(s("user")).toString(), old, fresh,
                                                        QHostInfo::localHostName() + s(" (tidemarkctl)"));
        if (!newToken)
            return fail(Error::invalid(s("cannot change the password: %1").arg(newToken.error().message)));
        account.insert(s("token"), *newToken);
        if (!writeAccount(*m_store, account, &m_err))
            return fail(Error::database(s("cannot write %1").arg(accountPath(*m_store))));
        m_out << "password changed; every other device signs in again with the new one\n";
        return 0;
    }
    auto list = client::account::sessions(server, token);
    if (!list)
        return fail(Error::invalid(s("cannot list the devices: %1").arg(list.error().message)));
    if (action == QLatin1String("devices")) {
        if (m_args.size() != 1)
            return usageError(s("account devices takes no arguments"));
        const auto iso = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue(); };
        if (m_parser.isSet(s("json"))) {
            QJsonArray array;
            for (const auto &session : *list)
                array.append(QJsonObject{{s("id"), session.id}, {s("device"), session.device},
                                         {s("signed_in"), iso(session.signedIn)}, {s("last_pull"), iso(session.lastPull)},
                                         {s("pulled"), double(session.pulled)}, {s("current"), session.current}});
            printJson(array);
            return 0;
        }
        for (const auto &session : *list) {
            m_out << session.id.left(12) << "  " << (session.device.isEmpty() ? s("(unnamed)") : session.device)
                  << "  signed in " << session.signedIn.toLocalTime().toString(s("yyyy-MM-dd HH:mm")) << "  last sync "
                  << (session.lastPull.isValid() ? session.lastPull.toLocalTime().toString(s("yyyy-MM-dd HH:mm")) : s("never"))
                  << (session.current ? "  (this device)" : "") << '\n';
        }
        return 0;
    }
    // signout ID: a whole id or the start of one (as `devices` shows it), never this device's.
    if (m_args.size() != 2)
        return usageError(s("account signout takes a device's id (tidemarkctl account devices lists them)"));
    const QString wanted = m_args.at(1);
    QList<client::account::Session> matches;
    for (const auto &session : *list)
        if (wanted.size() >= 6 && session.id.startsWith(wanted))
            matches << session;
    if (matches.size() != 1)
        return fail(Error::notFound(matches.isEmpty() ? s("no signed-in device with id %1").arg(wanted)
                                                      : s("'%1' matches more than one device; give more of its id").arg(wanted)));
    if (matches.first().current)
        return usageError(s("that is this device: use tidemarkctl account logout"));
    if (auto out = client::account::signOutSession(server, token, matches.first().id); !out)
        return fail(Error::invalid(s("cannot sign the device out: %1").arg(out.error().message)));
    m_out << "signed out " << (matches.first().device.isEmpty() ? matches.first().id : matches.first().device) << '\n';
    return 0;
}

int Cli::syncCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("sync takes no arguments"));
    QJsonObject account = readAccount(*m_store);
    const QString token = account.value(s("token")).toString();
    if (token.isEmpty())
        return fail(Error::invalid(s("not signed in (tidemarkctl account login --server URL --user NAME)")));
    client::HttpTransport transport(QUrl(account.value(s("server")).toString()), token);
    client::SyncCycle cycle(*m_store, transport);
    QElapsedTimer clock;
    clock.start();
    const auto report = cycle.run();
    account.insert(s("last_sync_ms"), double(clock.elapsed()));
    // How it ended is kept in the store by the cycle, for the app and `status` alike.
    account.remove(s("last_sync"));
    account.remove(s("last_error"));
    if (!report) {
        writeAccount(*m_store, account);
        m_err << "tidemarkctl: sync failed (" << kindText(report.error().kind) << "): " << report.error().message << '\n';
        return 1;
    }
    writeAccount(*m_store, account);
    m_out << "pushed " << report->pushed << ", pulled " << report->pulled << ", merged " << report->merged << ", conflicts "
          << report->conflicts << ", rejected " << report->rejected << "; at revision " << report->cursor << '\n';
    if (const int parked = m_store->parkedCount(); parked > 0) {
        m_err << "tidemarkctl: " << parked << " operation(s) refused by the server stay in the outbox (tidemarkctl outbox)\n";
        return 1;
    }
    return 0;
}

// What `status --json` reports of how sync goes: the last sync's duration (a tidemarkctl sync
// is one cycle, never retried) and the conflicts this device knows of, by rule.
QJsonObject Cli::metrics() const
{
    client::SyncMetrics metrics;
    const QJsonObject account = readAccount(*m_store);
    if (account.contains(s("last_sync_ms")))
        metrics.addDuration(qint64(account.value(s("last_sync_ms")).toDouble()));
    metrics.countConflicts(*m_store);
    QJsonObject json = metrics.toJson();
    for (const char *key : {"syncs", "failures", "retries", "pushed", "pulled"})
        json.remove(QLatin1StringView(key)); // counted by the app's engine over its life, not here
    return json;
}

int Cli::statusCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("status takes no arguments"));
    const QJsonObject account = readAccount(*m_store);
    const bool signedIn = !account.value(s("token")).toString().isEmpty();
    // The last sync of this store, by the app or by tidemarkctl.
    const model::Store::SyncOutcome outcome = m_store->syncOutcome();
    const QString lastError = outcome.lastError;
    const QString lastSync = outcome.lastSuccess.isValid() ? outcome.lastSuccess.toLocalTime().toString(Qt::ISODate) : QString();
    const QJsonObject status{
        {s("state"), !signedIn ? s("signed-out") : lastError.isEmpty() ? s("idle") : s("error")},
        {s("server"), account.value(s("server"))},
        {s("user"), account.value(s("user"))},
        {s("pending"), m_store->pendingCount()},
        {s("rejected"), m_store->parkedCount()},
        {s("cursor"), m_store->syncCursor()},
        {s("last_sync"), lastSync.isEmpty() ? QJsonValue() : QJsonValue(lastSync)},
        {s("last_error"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {s("metrics"), metrics()},
    };
    if (m_parser.isSet(s("json"))) {
        printJson(status);
        return 0;
    }
    m_out << (signedIn ? s("signed in to %1 as %2").arg(account.value(s("server")).toString(), account.value(s("user")).toString())
                       : s("not signed in"))
          << '\n'
          << "pending operations: " << m_store->pendingCount() << " (refused: " << m_store->parkedCount() << ")\n"
          << "at server revision: " << m_store->syncCursor() << '\n'
          << "last sync: " << (lastSync.isEmpty() ? s("never") : lastSync) << '\n';
    if (!lastError.isEmpty())
        m_out << "last error: " << lastError << '\n';
    return 0;
}

} // namespace tidemark::ctl

namespace tidemark::ctl {

int Cli::conflictsCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("conflicts takes no arguments"));
    auto records = m_store->conflictRecords(!m_parser.isSet(s("all")));
    if (!records)
        return fail(records.error());
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const ConflictRecord &r : std::as_const(*records))
            array.append(conflictJson(r));
        printJson(array);
        return 0;
    }
    if (records->isEmpty())
        m_out << (m_parser.isSet(s("all")) ? "no conflicts\n" : "no open conflicts\n");
    for (const ConflictRecord &r : std::as_const(*records)) {
        const auto show = [](const QJsonValue &v) {
            const QString text = v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
            return text.left(60).replace(QLatin1Char('\n'), QLatin1Char(' '));
        };
        m_out << r.id << "  " << r.status << "  " << kindName(r.kind) << ' ' << r.entityId << " ." << r.field << "  (" << r.rule
              << ")\n    mine:   " << show(r.mine) << "\n    theirs: " << show(r.theirs) << '\n';
    }
    return 0;
}

int Cli::resolveCommand()
{
    if (m_args.size() != 1)
        return usageError(s("resolve CONFLICT --take mine|theirs|both, or --file FILE"));
    const QString take = m_parser.value(s("take"));
    const QString file = m_parser.value(s("file"));
    if (take.isEmpty() == file.isEmpty())
        return usageError(s("give either --take mine|theirs|both or --file FILE"));
    if (!take.isEmpty() && take != QLatin1String("mine") && take != QLatin1String("theirs") && take != QLatin1String("both"))
        return usageError(s("--take mine, theirs or both, not '%1'").arg(take));
    const auto record = findConflict(m_args.first());
    if (!record)
        return fail(record.error());
    // The same decision the window's merge dialog makes (model::Decisions): "both" keeps both
    // texts where they collide, mine first, and merges the rest; the field's older open
    // conflicts are settled with it.
    model::Decisions decisions(*m_store);
    Result<Entity> resolved;
    if (!file.isEmpty()) {
        QFile in(file);
        if (file == QLatin1String("-") ? !in.open(stdin, QIODevice::ReadOnly) : !in.open(QIODevice::ReadOnly))
            return fail(Error::invalid(s("cannot read %1: %2").arg(file, in.errorString())));
        resolved = decisions.decide({{record->id, QString::fromUtf8(in.readAll())}});
    } else {
        resolved = decisions.decide(record->id, take == QLatin1String("mine")     ? model::Decisions::Take::Mine
                                                : take == QLatin1String("theirs") ? model::Decisions::Take::Theirs
                                                                                  : model::Decisions::Take::Both);
    }
    if (!resolved)
        return fail(resolved.error());
    if (m_parser.isSet(s("json"))) {
        printJson(QJsonObject{{s("event"), record->id}, {s("entity"), resolved->id}, {s("field"), record->field},
                              {s("value"), resolved->fields.value(record->field)}});
        return 0;
    }
    m_out << "resolved " << record->id << "; the choice goes to the server with the next sync\n";
    return 0;
}

Result<ConflictRecord> Cli::findConflict(const QString &wanted) const
{
    auto records = m_store->conflictRecords();
    if (!records)
        return std::unexpected(records.error());
    const auto matches = [&wanted](const ConflictRecord &r) {
        return r.id == wanted || (wanted.size() >= 6 && (r.id.startsWith(wanted) || r.id.endsWith(wanted)));
    };
    const auto record = std::ranges::find_if(*records, matches);
    if (record == records->end())
        return std::unexpected(Error::notFound(s("no conflict event '%1' (tidemarkctl audit)").arg(wanted)));
    if (record->id != wanted && std::ranges::count_if(*records, matches) > 1)
        return std::unexpected(Error::invalid(s("'%1' names more than one conflict event: give more of its id").arg(wanted)));
    return *record;
}

QJsonObject Cli::conflictJson(const ConflictRecord &r) const
{
    QJsonObject record{{s("id"), r.id}, {s("entity"), r.entityId}, {s("kind"), kindName(r.kind)},
                       {s("field"), r.field}, {s("rule"), r.rule}, {s("status"), r.status},
                       {s("outcome"), r.outcome}, {s("mine"), r.mine}, {s("theirs"), r.theirs}, {s("rev"), r.rev}};
    if (!r.base.isUndefined())
        record.insert(s("base"), r.base);
    // The device whose operation arrived second (for a resolution, the one that chose); empty in
    // the store when it was this one.
    const QString device = r.device.isEmpty() ? m_store->deviceId() : r.device;
    record.insert(s("device"), device);
    if (const QString name = m_store->deviceName(device); !name.isEmpty())
        record.insert(s("device_name"), name);
    // Each side: the device that edited it and when (from its clock), where known.
    const auto side = [&](const char *prefix, const QString &id, qint64 at) {
        if (!id.isEmpty()) {
            record.insert(QLatin1String(prefix) + s("_device"), id);
            if (const QString name = m_store->deviceName(id); !name.isEmpty())
                record.insert(QLatin1String(prefix) + s("_device_name"), name);
        }
        if (at > 0)
            record.insert(QLatin1String(prefix) + s("_at"), QDateTime::fromMSecsSinceEpoch(at, QTimeZone::UTC).toString(Qt::ISODateWithMs));
    };
    side("mine", r.mineDevice, r.mineAt);
    side("theirs", r.theirsDevice, r.theirsAt);
    if (r.at > 0)
        record.insert(s("at"), QDateTime::fromMSecsSinceEpoch(r.at, QTimeZone::UTC).toString(Qt::ISODateWithMs));
    if (!r.settles.isEmpty())
        record.insert(s("settles"), r.settles);
    if (const auto e = m_store->entity(r.entityId))
        record.insert(s("title"), e->fields.value(r.kind == Kind::Collection ? s("name") : s("title")));
    // What the trail's one-step action would put back: undoing a person's choice, or the other
    // value of a rule's decision.
    const model::Decisions decisions(*m_store);
    if (const auto preview = decisions.undoPreview(r))
        record.insert(s("undo_value"), *preview);
    else if (const auto other = decisions.otherValue(r))
        record.insert(s("undo_value"), *other);
    if (!r.opId.isEmpty())
        record.insert(s("op_id"), r.opId);
    return record;
}

int Cli::auditCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("audit takes no arguments (use --item ID)"));
    QString item;
    if (m_parser.isSet(s("item"))) {
        auto id = m_store->resolveId(m_parser.value(s("item")));
        if (!id)
            return fail(id.error());
        item = *id;
    }
    auto records = m_store->conflictRecords();
    if (!records)
        return fail(records.error());
    QList<ConflictRecord> events;
    for (const ConflictRecord &r : std::as_const(*records)) {
        if (item.isEmpty() || r.entityId == item)
            events.append(r);
    }
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const ConflictRecord &r : std::as_const(events))
            array.append(conflictJson(r));
        printJson(array);
        return 0;
    }
    if (events.isEmpty())
        m_out << "no conflict events\n";
    const auto show = [](const QJsonValue &v) {
        const QString text = v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
        return text.left(60).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    for (const ConflictRecord &r : std::as_const(events)) {
        const QJsonObject j = conflictJson(r);
        const QString when = r.at > 0 ? QDateTime::fromMSecsSinceEpoch(r.at).toString(s("yyyy-MM-dd HH:mm")) : s("-");
        const auto name = [&](const QString &id) { return id.isEmpty() ? s("another device") : deviceLabel(id); };
        const QString who = r.device.isEmpty() ? s("this device") : name(r.device);
        const QString mineWho = r.mineDevice.isEmpty() ? (r.device.isEmpty() ? s("this device") : s("another device")) : name(r.mineDevice);
        const QString theirsWho = name(r.theirsDevice.isEmpty() ? r.device : r.theirsDevice);
        m_out << r.id << "  " << when << "  " << r.status << "  " << kindName(r.kind) << " \"" << j.value(s("title")).toString()
              << "\" ." << r.field << "  " << r.rule << " -> " << r.outcome << '\n';
        if (r.isResolution())
            m_out << "    chosen on " << who << ": " << show(r.device.isEmpty() ? r.mine : r.theirs)
                  << "\n    settles: " << r.settles << '\n';
        else
            m_out << "    mine:   " << show(r.mine) << " (" << mineWho << ")\n    theirs: " << show(r.theirs) << " (" << theirsWho
                  << ")\n";
        if (!r.base.isUndefined())
            m_out << "    base:   " << show(r.base) << '\n';
        if (j.contains(s("undo_value")))
            m_out << "    undo:   tidemarkctl undo-resolution " << r.id.left(8) << "  (puts back: " << show(j.value(s("undo_value"))) << ")\n";
    }
    return 0;
}

int Cli::deviceNameCommand()
{
    if (m_args.size() > 1)
        return usageError(s("device-name [NAME] (quote a name with spaces)"));
    if (m_args.size() == 1) {
        if (m_args.first().trimmed().isEmpty() || m_args.first().size() > 200)
            return usageError(s("a device name has 1 to 200 characters"));
        if (auto named = m_store->setDeviceName(m_args.first()); !named)
            return fail(named.error());
    }
    if (m_parser.isSet(s("json")))
        printJson(QJsonObject{{s("id"), m_store->deviceId()}, {s("name"), m_store->deviceName(m_store->deviceId())}});
    else
        m_out << m_store->deviceName(m_store->deviceId()) << '\n';
    return 0;
}

int Cli::undoResolutionCommand()
{
    if (m_args.size() != 1)
        return usageError(s("undo-resolution EVENT (ids from tidemarkctl audit)"));
    const auto record = findConflict(m_args.first());
    if (!record)
        return fail(record.error());
    if (record->isOpen())
        return fail(Error::invalid(s("event %1 is still open: decide it with tidemarkctl resolve").arg(record->id)));
    // A person's choice is undone (the conflict it settled is back as it was); a rule's decision
    // takes its other value, as the window's Use the Other Value does.
    model::Decisions decisions(*m_store);
    Result<Entity> undone;
    if (record->isResolution()) {
        undone = decisions.undo(record->id);
    } else if (const auto other = decisions.otherValue(*record)) {
        undone = decisions.decide({{record->id, *other}});
    } else {
        return fail(Error::invalid(s("event %1 has no other value to put back (%2)")
                                       .arg(record->id, record->isUndo() ? s("an undo is final: decide the conflict again")
                                                                         : s("the field changed since: see tidemarkctl history"))));
    }
    if (!undone)
        return fail(undone.error());
    if (m_parser.isSet(s("json"))) {
        printJson(QJsonObject{{s("event"), record->id}, {s("entity"), undone->id}, {s("field"), record->field},
                              {s("value"), undone->fields.value(record->field)}});
        return 0;
    }
    if (record->isResolution())
        m_out << "undone " << record->id << ": " << record->field << " is back as it was before the choice, and the conflict it settled is "
              << "back too; the undo goes to the server with the next sync\n";
    else
        m_out << "undone " << record->id << ": " << record->field << " is back to the other side; the choice goes to the server with the "
              << "next sync\n";
    return 0;
}

} // namespace tidemark::ctl
