// tidemarkctl's account and sync commands.
#include "cli.h"

#include "client/httptransport.h"
#include "client/synccycle.h"
#include "model/store.h"

#include <QDateTime>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace tidemark::model;
using tidemark::client::TransportError;

namespace tidemark::ctl {

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

// The account of a store lives next to it, readable by its owner only:
// {"server", "user", "token", "last_sync", "last_error"}.
QString accountPath(const Store &store) { return store.path() + s(".account"); }

QJsonObject readAccount(const Store &store)
{
    QFile file(accountPath(store));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeAccount(const Store &store, const QJsonObject &account)
{
    QSaveFile file(accountPath(store));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(account).toJson());
    return file.commit();
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
QString readPassword(QTextStream &err)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        err << "Password: ";
        err.flush();
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << '\n';
    }
    return password;
}

} // namespace

int Cli::accountCommand()
{
    if (m_args.size() != 1)
        return usageError(s("account register|login|logout"));
    const QString action = m_args.first();
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
        return usageError(s("account register|login|logout, not '%1'").arg(action));
    const QUrl server(m_parser.value(s("server")), QUrl::StrictMode);
    const QString user = m_parser.value(s("user"));
    if (!server.isValid() || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https")))
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
    if (!writeAccount(*m_store, account))
        return fail(Error::database(s("cannot write %1").arg(accountPath(*m_store))));
    m_out << "signed in to " << server.toString() << " as " << user << '\n';
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
    const auto report = cycle.run();
    if (!report) {
        account.insert(s("last_error"), s("%1: %2").arg(kindText(report.error().kind), report.error().message));
        writeAccount(*m_store, account);
        m_err << "tidemarkctl: sync failed (" << kindText(report.error().kind) << "): " << report.error().message << '\n';
        return 1;
    }
    account.insert(s("last_sync"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    account.remove(s("last_error"));
    writeAccount(*m_store, account);
    m_out << "pushed " << report->pushed << ", pulled " << report->pulled << ", merged " << report->merged << ", conflicts "
          << report->conflicts << ", rejected " << report->rejected << "; at revision " << report->cursor << '\n';
    if (const int parked = m_store->parkedCount(); parked > 0) {
        m_err << "tidemarkctl: " << parked << " operation(s) refused by the server stay in the outbox (tidemarkctl outbox)\n";
        return 1;
    }
    return 0;
}

int Cli::statusCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("status takes no arguments"));
    const QJsonObject account = readAccount(*m_store);
    const bool signedIn = !account.value(s("token")).toString().isEmpty();
    const QString lastError = account.value(s("last_error")).toString();
    const QJsonObject status{
        {s("state"), !signedIn ? s("signed-out") : lastError.isEmpty() ? s("idle") : s("error")},
        {s("server"), account.value(s("server"))},
        {s("user"), account.value(s("user"))},
        {s("pending"), m_store->pendingCount()},
        {s("rejected"), m_store->parkedCount()},
        {s("cursor"), m_store->syncCursor()},
        {s("last_sync"), account.value(s("last_sync"))},
        {s("last_error"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
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
          << "last sync: " << (account.contains(s("last_sync")) ? account.value(s("last_sync")).toString() : s("never")) << '\n';
    if (!lastError.isEmpty())
        m_out << "last error: " << lastError << '\n';
    return 0;
}

} // namespace tidemark::ctl
