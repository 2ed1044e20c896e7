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

using namespace Qt::StringLiterals;

using namespace tidemark::model;
using tidemark::client::TransportError;

namespace tidemark::ctl {

namespace {

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
        return u"offline"_s;
    case TransportError::Kind::SignInAgain:
        return u"sign in again"_s;
    case TransportError::Kind::Incompatible:
        return u"incompatible server"_s;
    case TransportError::Kind::RateLimited:
        return u"server busy"_s;
    case TransportError::Kind::Refused:
        return u"refused"_s;
    case TransportError::Kind::Server:
        return u"server error"_s;
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
        return usageError(u"account register|login|logout|devices|signout|password"_s);
    const QString action = m_args.first();
    if (action == QLatin1String("devices") || action == QLatin1String("signout") || action == QLatin1String("password"))
        return accountSessionCommand(action);
    if (m_args.size() != 1)
        return usageError(u"account %1 takes no more arguments"_s.arg(action));
    if (action == QLatin1String("logout")) {
        const QJsonObject account = readAccount(*m_store);
        if (account.value(u"token"_s).toString().isEmpty())
            return usageError(u"not signed in"_s);
        auto out = client::account::logOut(QUrl(account.value(u"server"_s).toString()), account.value(u"token"_s).toString());
        QJsonObject rest = account;
        rest.remove(u"token"_s);
        if (!writeAccount(*m_store, rest))
            return fail(Error::database(u"cannot write %1"_s.arg(accountPath(*m_store))));
        if (!out) // signed out here either way; the server forgets the token when it hears of it
            m_err << "tidemarkctl: signed out on this device; the server was not told (" << out.error().message << ")\n";
        return 0;
    }
    if (action != QLatin1String("register") && action != QLatin1String("login"))
        return usageError(u"account register|login|logout|devices|signout|password, not '%1'"_s.arg(action));
    const QUrl server(m_parser.value(u"server"_s), QUrl::StrictMode);
    const QString user = m_parser.value(u"user"_s);
    if (!client::account::isServerAddress(server))
        return usageError(u"--server URL (http:// or https://) is needed"_s);
    if (user.isEmpty())
        return usageError(u"--user NAME is needed"_s);
    const QString password = readPassword(m_err);
    if (action == QLatin1String("register")) {
        if (auto made = client::account::registerAccount(server, user, password); !made)
            return fail(Error::invalid(u"cannot register: %1"_s.arg(made.error().message)));
    }
    auto token = client::account::logIn(server, user, password, QHostInfo::localHostName() + u" (tidemarkctl)"_s);
    if (!token)
        return fail(Error::invalid(u"cannot sign in: %1"_s.arg(token.error().message)));
    const QJsonObject account{{u"server"_s, server.toString()}, {u"user"_s, user}, {u"token"_s, *token}};
    if (!writeAccount(*m_store, account, &m_err))
        return fail(Error::database(u"cannot write %1"_s.arg(accountPath(*m_store))));
    m_out << "signed in to " << server.toString() << " as " << user << '\n';
    return 0;
}

int Cli::accountSessionCommand(const QString &action)
{
    QJsonObject account = readAccount(*m_store);
    const QString token = account.value(u"token"_s).toString();
    if (token.isEmpty())
        return fail(Error::invalid(u"not signed in (tidemarkctl account login --server URL --user NAME)"_s));
    const QUrl server(account.value(u"server"_s).toString());
    if (action == QLatin1String("password")) {
        if (m_args.size() != 1)
            return usageError(u"account password takes no arguments (the passwords come from the terminal or stdin)"_s);
        const QString old = readPassword(m_err, "Current password: ");
        const QString fresh = readPassword(m_err, "New password: ");
        if (fresh.size() < 8)
            return usageError(u"the new password needs at least 8 characters"_s);
        auto newToken = client::account::changePassword(server, token, account.value(u"user"_s).toString(), old, fresh,
                                                        QHostInfo::localHostName() + u" (tidemarkctl)"_s);
        if (!newToken)
            return fail(Error::invalid(u"cannot change the password: %1"_s.arg(newToken.error().message)));
        account.insert(u"token"_s, *newToken);
        if (!writeAccount(*m_store, account, &m_err))
            return fail(Error::database(u"cannot write %1"_s.arg(accountPath(*m_store))));
        m_out << "password changed; every other device signs in again with the new one\n";
        return 0;
    }
    auto list = client::account::sessions(server, token);
    if (!list)
        return fail(Error::invalid(u"cannot list the devices: %1"_s.arg(list.error().message)));
    if (action == QLatin1String("devices")) {
        if (m_args.size() != 1)
            return usageError(u"account devices takes no arguments"_s);
        const auto iso = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue(); };
        if (m_parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const auto &session : *list)
                array.append(QJsonObject{{u"id"_s, session.id}, {u"device"_s, session.device},
                                         {u"signed_in"_s, iso(session.signedIn)}, {u"last_pull"_s, iso(session.lastPull)},
                                         {u"pulled"_s, double(session.pulled)}, {u"current"_s, session.current}});
            printJson(array);
            return 0;
        }
        for (const auto &session : *list) {
            m_out << session.id.left(12) << "  " << (session.device.isEmpty() ? u"(unnamed)"_s : session.device)
                  << "  signed in " << session.signedIn.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) << "  last sync "
                  << (session.lastPull.isValid() ? session.lastPull.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"never"_s)
                  << (session.current ? "  (this device)" : "") << '\n';
        }
        return 0;
    }
    // signout ID: a whole id or the start of one (as `devices` shows it), never this device's.
    if (m_args.size() != 2)
        return usageError(u"account signout takes a device's id (tidemarkctl account devices lists them)"_s);
    const QString wanted = m_args.at(1);
    QList<client::account::Session> matches;
    for (const auto &session : *list)
        if (wanted.size() >= 6 && session.id.startsWith(wanted))
            matches << session;
    if (matches.size() != 1)
        return fail(Error::notFound(matches.isEmpty() ? u"no signed-in device with id %1"_s.arg(wanted)
                                                      : u"'%1' matches more than one device; give more of its id"_s.arg(wanted)));
    if (matches.first().current)
        return usageError(u"that is this device: use tidemarkctl account logout"_s);
    if (auto out = client::account::signOutSession(server, token, matches.first().id); !out)
        return fail(Error::invalid(u"cannot sign the device out: %1"_s.arg(out.error().message)));
    m_out << "signed out " << (matches.first().device.isEmpty() ? matches.first().id : matches.first().device) << '\n';
    return 0;
}

int Cli::syncCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"sync takes no arguments"_s);
    QJsonObject account = readAccount(*m_store);
    const QString token = account.value(u"token"_s).toString();
    if (token.isEmpty())
        return fail(Error::invalid(u"not signed in (tidemarkctl account login --server URL --user NAME)"_s));
    client::HttpTransport transport(QUrl(account.value(u"server"_s).toString()), token);
    client::SyncCycle cycle(*m_store, transport);
    QElapsedTimer clock;
    clock.start();
    const auto report = cycle.run();
    account.insert(u"last_sync_ms"_s, double(clock.elapsed()));
    // How it ended is kept in the store by the cycle, for the app and `status` alike.
    account.remove(u"last_sync"_s);
    account.remove(u"last_error"_s);
    if (!report) {
        writeAccount(*m_store, account);
        m_err << "tidemarkctl: sync failed (" << kindText(report.error().kind) << "): " << report.error().message << '\n';
        return 1;
    }
    writeAccount(*m_store, account);
    // "Pulled" counts what other devices changed; this device's own changes come back with their
    // revisions and are only acknowledged.
    m_out << "pushed " << report->pushed << ", pulled " << report->fromOthers << ", merged " << report->merged << ", conflicts "
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
    if (account.contains(u"last_sync_ms"_s))
        metrics.addDuration(qint64(account.value(u"last_sync_ms"_s).toDouble()));
    metrics.countConflicts(*m_store);
    QJsonObject json = metrics.toJson();
    for (const char *key : {"syncs", "failures", "retries", "pushed", "pulled"})
        json.remove(QLatin1StringView(key)); // counted by the app's engine over its life, not here
    return json;
}

int Cli::statusCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"status takes no arguments"_s);
    const QJsonObject account = readAccount(*m_store);
    const bool signedIn = !account.value(u"token"_s).toString().isEmpty();
    // The last sync of this store, by the app or by tidemarkctl.
    const model::Store::SyncOutcome outcome = m_store->syncOutcome();
    const QString lastError = outcome.lastError;
    const QString lastSync = outcome.lastSuccess.isValid() ? outcome.lastSuccess.toLocalTime().toString(Qt::ISODate) : QString();
    const QJsonObject status{
        {u"state"_s, !signedIn ? u"signed-out"_s : lastError.isEmpty() ? u"idle"_s : u"error"_s},
        {u"server"_s, account.value(u"server"_s)},
        {u"user"_s, account.value(u"user"_s)},
        {u"pending"_s, m_store->pendingCount()},
        {u"rejected"_s, m_store->parkedCount()},
        {u"cursor"_s, m_store->syncCursor()},
        {u"last_sync"_s, lastSync.isEmpty() ? QJsonValue() : QJsonValue(lastSync)},
        {u"last_error"_s, lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {u"metrics"_s, metrics()},
    };
    if (m_parser.isSet(u"json"_s)) {
        printJson(status);
        return 0;
    }
    m_out << (signedIn ? u"signed in to %1 as %2"_s.arg(account.value(u"server"_s).toString(), account.value(u"user"_s).toString())
                       : u"not signed in"_s)
          << '\n'
          << "pending operations: " << m_store->pendingCount() << " (refused: " << m_store->parkedCount() << ")\n"
          << "at server revision: " << m_store->syncCursor() << '\n'
          << "last sync: " << (lastSync.isEmpty() ? u"never"_s : lastSync) << '\n';
    if (!lastError.isEmpty())
        m_out << "last error: " << lastError << '\n';
    return 0;
}

} // namespace tidemark::ctl

namespace tidemark::ctl {

int Cli::conflictsCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"conflicts takes no arguments"_s);
    auto records = m_store->conflictRecords(!m_parser.isSet(u"all"_s));
    if (!records)
        return fail(records.error());
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ConflictRecord &r : std::as_const(*records))
            array.append(conflictJson(r));
        printJson(array);
        return 0;
    }
    if (records->isEmpty())
        m_out << (m_parser.isSet(u"all"_s) ? "no conflicts\n" : "no open conflicts\n");
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
        return usageError(u"resolve CONFLICT --take mine|theirs|both, or --file FILE"_s);
    const QString take = m_parser.value(u"take"_s);
    const QString file = m_parser.value(u"file"_s);
    if (take.isEmpty() == file.isEmpty())
        return usageError(u"give either --take mine|theirs|both or --file FILE"_s);
    if (!take.isEmpty() && take != QLatin1String("mine") && take != QLatin1String("theirs") && take != QLatin1String("both"))
        return usageError(u"--take mine, theirs or both, not '%1'"_s.arg(take));
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
            return fail(Error::invalid(u"cannot read %1: %2"_s.arg(file, in.errorString())));
        resolved = decisions.decide({{record->id, QString::fromUtf8(in.readAll())}});
    } else {
        resolved = decisions.decide(record->id, take == QLatin1String("mine")     ? model::Decisions::Take::Mine
                                                : take == QLatin1String("theirs") ? model::Decisions::Take::Theirs
                                                                                  : model::Decisions::Take::Both);
    }
    if (!resolved)
        return fail(resolved.error());
    if (m_parser.isSet(u"json"_s)) {
        printJson(QJsonObject{{u"event"_s, record->id}, {u"entity"_s, resolved->id}, {u"field"_s, record->field},
                              {u"value"_s, resolved->fields.value(record->field)}});
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
        return std::unexpected(Error::notFound(u"no conflict event '%1' (tidemarkctl audit)"_s.arg(wanted)));
    if (record->id != wanted && std::ranges::count_if(*records, matches) > 1)
        return std::unexpected(Error::invalid(u"'%1' names more than one conflict event: give more of its id"_s.arg(wanted)));
    return *record;
}

QJsonObject Cli::conflictJson(const ConflictRecord &r) const
{
    QJsonObject record{{u"id"_s, r.id}, {u"entity"_s, r.entityId}, {u"kind"_s, kindName(r.kind)},
                       {u"field"_s, r.field}, {u"rule"_s, r.rule}, {u"status"_s, r.status},
                       {u"outcome"_s, r.outcome}, {u"mine"_s, r.mine}, {u"theirs"_s, r.theirs}, {u"rev"_s, r.rev}};
    if (!r.base.isUndefined())
        record.insert(u"base"_s, r.base);
    // The device whose operation arrived second (for a resolution, the one that chose); empty in
    // the store when it was this one.
    const QString device = r.device.isEmpty() ? m_store->deviceId() : r.device;
    record.insert(u"device"_s, device);
    if (const QString name = m_store->deviceName(device); !name.isEmpty())
        record.insert(u"device_name"_s, name);
    // Each side: the device that edited it and when (from its clock), where known.
    const auto side = [&](const char *prefix, const QString &id, qint64 at) {
        if (!id.isEmpty()) {
            record.insert(QLatin1String(prefix) + u"_device"_s, id);
            if (const QString name = m_store->deviceName(id); !name.isEmpty())
                record.insert(QLatin1String(prefix) + u"_device_name"_s, name);
        }
        if (at > 0)
            record.insert(QLatin1String(prefix) + u"_at"_s, QDateTime::fromMSecsSinceEpoch(at, QTimeZone::UTC).toString(Qt::ISODateWithMs));
    };
    side("mine", r.mineDevice, r.mineAt);
    side("theirs", r.theirsDevice, r.theirsAt);
    if (r.at > 0)
        record.insert(u"at"_s, QDateTime::fromMSecsSinceEpoch(r.at, QTimeZone::UTC).toString(Qt::ISODateWithMs));
    if (!r.settles.isEmpty())
        record.insert(u"settles"_s, r.settles);
    if (const auto e = m_store->entity(r.entityId))
        record.insert(u"title"_s, e->fields.value(r.kind == Kind::Collection ? u"name"_s : u"title"_s));
    // What the trail's one-step action would put back: undoing a person's choice, or the other
    // value of a rule's decision.
    const model::Decisions decisions(*m_store);
    if (const auto preview = decisions.undoPreview(r))
        record.insert(u"undo_value"_s, *preview);
    else if (const auto other = decisions.otherValue(r))
        record.insert(u"undo_value"_s, *other);
    if (!r.opId.isEmpty())
        record.insert(u"op_id"_s, r.opId);
    return record;
}

int Cli::auditCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"audit takes no arguments (use --item ID)"_s);
    QString item;
    if (m_parser.isSet(u"item"_s)) {
        auto id = m_store->resolveId(m_parser.value(u"item"_s));
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
    if (m_parser.isSet(u"json"_s)) {
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
        const QString when = r.at > 0 ? QDateTime::fromMSecsSinceEpoch(r.at).toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
        const auto name = [&](const QString &id) { return id.isEmpty() ? u"another device"_s : deviceLabel(id); };
        const QString who = r.device.isEmpty() ? u"this device"_s : name(r.device);
        const QString mineWho = r.mineDevice.isEmpty() ? (r.device.isEmpty() ? u"this device"_s : u"another device"_s) : name(r.mineDevice);
        const QString theirsWho = name(r.theirsDevice.isEmpty() ? r.device : r.theirsDevice);
        m_out << r.id << "  " << when << "  " << r.status << "  " << kindName(r.kind) << " \"" << j.value(u"title"_s).toString()
              << "\" ." << r.field << "  " << r.rule << " -> " << r.outcome << '\n';
        if (r.isResolution())
            m_out << "    chosen on " << who << ": " << show(r.device.isEmpty() ? r.mine : r.theirs)
                  << "\n    settles: " << r.settles << '\n';
        else
            m_out << "    mine:   " << show(r.mine) << " (" << mineWho << ")\n    theirs: " << show(r.theirs) << " (" << theirsWho
                  << ")\n";
        if (!r.base.isUndefined())
            m_out << "    base:   " << show(r.base) << '\n';
        if (j.contains(u"undo_value"_s))
            m_out << "    undo:   tidemarkctl undo-resolution " << r.id.left(8) << "  (puts back: " << show(j.value(u"undo_value"_s)) << ")\n";
    }
    return 0;
}

int Cli::deviceNameCommand()
{
    if (m_args.size() > 1)
        return usageError(u"device-name [NAME] (quote a name with spaces)"_s);
    if (m_args.size() == 1) {
        if (m_args.first().trimmed().isEmpty() || m_args.first().size() > 200)
            return usageError(u"a device name has 1 to 200 characters"_s);
        if (auto named = m_store->setDeviceName(m_args.first()); !named)
            return fail(named.error());
    }
    if (m_parser.isSet(u"json"_s))
        printJson(QJsonObject{{u"id"_s, m_store->deviceId()}, {u"name"_s, m_store->deviceName(m_store->deviceId())}});
    else
        m_out << m_store->deviceName(m_store->deviceId()) << '\n';
    return 0;
}

int Cli::undoResolutionCommand()
{
    if (m_args.size() != 1)
        return usageError(u"undo-resolution EVENT (ids from tidemarkctl audit)"_s);
    const auto record = findConflict(m_args.first());
    if (!record)
        return fail(record.error());
    if (record->isOpen())
        return fail(Error::invalid(u"event %1 is still open: decide it with tidemarkctl resolve"_s.arg(record->id)));
    // A person's choice is undone (the conflict it settled is back as it was); a rule's decision
    // takes its other value, as the window's Use the Other Value does.
    model::Decisions decisions(*m_store);
    Result<Entity> undone;
    if (record->isResolution()) {
        undone = decisions.undo(record->id);
    } else if (const auto other = decisions.otherValue(*record)) {
        undone = decisions.decide({{record->id, *other}});
    } else {
        return fail(Error::invalid(u"event %1 has no other value to put back (%2)"_s
                                       .arg(record->id, record->isUndo() ? u"an undo is final: decide the conflict again"_s
                                                                         : u"the field changed since: see tidemarkctl history"_s)));
    }
    if (!undone)
        return fail(undone.error());
    if (m_parser.isSet(u"json"_s)) {
        printJson(QJsonObject{{u"event"_s, record->id}, {u"entity"_s, undone->id}, {u"field"_s, record->field},
                              {u"value"_s, undone->fields.value(record->field)}});
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
