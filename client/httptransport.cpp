#include "httptransport.h"

#include "sync/compression.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace tidemark::client {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }
using Kind = TransportError::Kind;
} // namespace

HttpTransport::HttpTransport(QUrl server, QString token, int timeoutMs)
    : m_server(std::move(server))
    , m_token(std::move(token))
    , m_timeoutMs(timeoutMs)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
}

HttpTransport::~HttpTransport() = default;

std::expected<HttpTransport::Reply, TransportError> HttpTransport::request(const QByteArray &verb, const QString &path,
                                                                            const QJsonObject &body)
{
    return receive(send(verb, path, body));
}

std::unique_ptr<QNetworkReply> HttpTransport::send(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest req(url);
    // Every version this build speaks; the server answers with the one it chose.
    QByteArrayList versions;
    for (int v = sync::kOldestProtocolVersion; v <= sync::kProtocolVersion; ++v)
        versions << QByteArray::number(v);
    req.setRawHeader("Tidemark-Protocol", versions.join(", "));
    req.setTransferTimeout(m_timeoutMs);
    // Asked for explicitly, answers arrive as they crossed the wire (QNAM leaves them alone):
    // decompressed here, with a bound, and counted as sent.
    req.setRawHeader("Accept-Encoding", "zstd, gzip");
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QByteArray payload;
    if (!body.isEmpty()) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        // Compressed bodies are smaller on the wire and leave in one write, which also keeps
        // them clear of Nagle's algorithm waiting on the server's delayed ACK.
        if (payload.size() > 512) {
            if (const QByteArray packed = sync::Compression::compress(payload, sync::Compression::Encoding::Zstd); !packed.isEmpty()) {
                payload = packed;
                req.setRawHeader("Content-Encoding", "zstd");
            }
        }
    }
    m_sent += payload.size();
    return std::unique_ptr<QNetworkReply>(m_network->sendCustomRequest(req, verb, payload));
}

std::expected<HttpTransport::Reply, TransportError> HttpTransport::receive(std::unique_ptr<QNetworkReply> reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Errors below 100 are the connection's (refused, closed half-way through the answer, timed
    // out): the network's trouble, whatever part of a status line had arrived.
    const bool connectionLost = reply->error() > QNetworkReply::NoError && reply->error() < QNetworkReply::UnknownNetworkError;
    if (status == 0 || connectionLost) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError;
        return std::unexpected(TransportError{Kind::Offline,
                                              timedOut ? s("the server did not answer in time")
                                                       : s("cannot reach the server: %1").arg(reply->errorString()),
                                              0});
    }
    QByteArray data = reply->readAll();
    m_received += data.size();
    if (const sync::Negotiation agreed = sync::checkServerVersion(reply->rawHeader("Tidemark-Protocol")); agreed.version == 0)
        return std::unexpected(TransportError{Kind::Incompatible, agreed.problem, 0});
    const auto encoding = sync::Compression::fromContentEncoding(reply->rawHeader("Content-Encoding"));
    if (!encoding)
        return std::unexpected(TransportError{Kind::Server, s("the server's answer is in an unknown encoding"), 0});
    if (*encoding != sync::Compression::Encoding::Identity) {
        auto plain = sync::Compression::decompress(data, *encoding, 1024LL * 1024 * 1024);
        if (!plain)
            return std::unexpected(TransportError{Kind::Server, s("the server's answer is corrupt: %1").arg(plain.error()), 0});
        data = *plain;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (!data.isEmpty() && (error.error != QJsonParseError::NoError || !doc.isObject()))
        return std::unexpected(TransportError{Kind::Server, s("the server sent an answer that is not JSON (HTTP %1)").arg(status), 0});
    return Reply{status, doc.object(), reply->rawHeader("Retry-After")};
}

TransportError HttpTransport::errorOf(const Reply &reply)
{
    const QString detail = reply.json.value(s("detail")).toString();
    const QString message = detail.isEmpty() ? s("the server answered HTTP %1").arg(reply.status) : detail;
    const int retryAfter = std::clamp(reply.retryAfter.toInt(), 0, 3600);
    if (reply.status == 401)
        return {Kind::SignInAgain, message, 0};
    if (reply.status == 429 || reply.status == 503)
        return {Kind::RateLimited, message, retryAfter > 0 ? retryAfter : 30};
    if (reply.status == 400 && reply.json.value(s("title")).toString() == QLatin1String("Incompatible client"))
        return {Kind::Incompatible, message, 0};
    if (reply.status >= 500)
        return {Kind::Server, message, retryAfter};
    return {Kind::Refused, message, 0};
}

std::expected<PushAnswer, TransportError> HttpTransport::push(const QList<sync::Operation> &ops)
{
    sendPush(ops);
    return awaitPush();
}

void HttpTransport::sendPush(const QList<sync::Operation> &ops)
{
    QJsonArray list;
    for (const sync::Operation &op : ops)
        list.append(sync::encodeOperation(op));
    QJsonObject body{{s("ops"), list}};
    if (!m_deviceName.isEmpty())
        body.insert(s("device_name"), m_deviceName.left(200));
    m_push = send("POST", s("/v1/push"), body);
    m_pushCount = ops.size();
    // Qt starts a request from the event loop: wait until it has left (or failed), so that the
    // server works on it while the caller goes on.
    QEventLoop loop;
    QObject::connect(m_push.get(), &QNetworkReply::requestSent, &loop, &QEventLoop::quit);
    QObject::connect(m_push.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

std::expected<PushAnswer, TransportError> HttpTransport::awaitPush()
{
    if (!m_push)
        return std::unexpected(TransportError{Kind::Refused, s("no push was sent"), 0});
    const qsizetype count = std::exchange(m_pushCount, 0);
    auto reply = receive(std::move(m_push));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(errorOf(*reply));
    PushAnswer answer;
    answer.rev = reply->json.value(s("rev")).toInteger();
    for (const QJsonValue &value : reply->json.value(s("results")).toArray()) {
        auto result = sync::decodeResult(value.toObject());
        if (!result)
            return std::unexpected(TransportError{Kind::Server, s("the server's answer is malformed: %1").arg(result.error()), 0});
        answer.results.append(*result);
    }
    if (answer.results.size() != count)
        return std::unexpected(TransportError{Kind::Server, s("the server answered %1 of %2 operations").arg(answer.results.size()).arg(count), 0});
    return answer;
}

std::expected<void, TransportError> HttpTransport::probe()
{
    // A server that is back answers at once; one that is not must not hold the thread for long.
    const int timeout = std::exchange(m_timeoutMs, std::min(m_timeoutMs, 3000));
    auto reply = request("GET", s("/healthz"));
    m_timeoutMs = timeout;
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(errorOf(*reply));
    return {};
}

std::expected<PullAnswer, TransportError> HttpTransport::pull(qint64 since, int limit,
                                                             const std::optional<SnapshotContinuation> &continuation)
{
    QUrlQuery query;
    query.addQueryItem(s("since"), QString::number(since));
    query.addQueryItem(s("limit"), QString::number(limit));
    if (continuation) {
        query.addQueryItem(s("snapshot"), QString::number(continuation->rev));
        query.addQueryItem(s("after"), continuation->after);
    }
    auto reply = request("GET", s("/v1/changes?") + query.toString(QUrl::FullyEncoded));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(errorOf(*reply));
    PullAnswer page;
    const QJsonObject &json = reply->json;
    page.cursor = json.value(s("cursor")).toInteger(-1);
    page.hasMore = json.value(s("has_more")).toBool();
    page.snapshot = json.value(s("snapshot")).toBool();
    if (json.contains(s("next"))) {
        const QJsonObject next = json.value(s("next")).toObject();
        page.next = SnapshotContinuation{next.value(s("snapshot")).toInteger(), next.value(s("after")).toString()};
    }
    for (const QJsonValue &value : json.value(s("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        const QString kindName = change.value(s("kind")).toString();
        const auto kind = model::kindFromName(kindName);
        if (kindName.isEmpty() || !change.value(s("fields")).isObject())
            return std::unexpected(TransportError{Kind::Server, s("the server sent a change this version cannot read"), 0});
        // A kind this version does not know (a newer app's) is kept for a later version.
        page.changes.append({kind.value_or(model::Kind::Note), change.value(s("id")).toString(), change.value(s("rev")).toInteger(),
                             change.value(s("fields")).toObject(), change.value(s("device")).toString(),
                             change.value(s("at")).toInteger(), kind ? QString() : kindName});
    }
    const QJsonObject devices = json.value(s("devices")).toObject();
    for (auto it = devices.begin(); it != devices.end(); ++it) {
        if (it.value().isString())
            page.devices.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &value : json.value(s("conflicts")).toArray())
        page.conflicts.append(value.toObject());
    if (page.cursor < 0)
        return std::unexpected(TransportError{Kind::Server, s("the server's page has no cursor"), 0});
    return page;
}

std::expected<QJsonObject, TransportError> HttpTransport::policies(const std::optional<QJsonObject> &replace)
{
    auto reply = replace ? request("PUT", s("/v1/policies"), QJsonObject{{s("policies"), *replace}})
                         : request("GET", s("/v1/policies"));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200 || !reply->json.value(s("policies")).isObject())
        return std::unexpected(errorOf(*reply));
    return reply->json.value(s("policies")).toObject();
}

namespace account {

std::expected<void, TransportError> registerAccount(const QUrl &server, const QString &name, const QString &password)
{
    HttpTransport http(server, {});
    auto reply = http.request("POST", s("/v1/accounts"), {{s("name"), name}, {s("password"), password}});
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 201)
        return std::unexpected(HttpTransport::errorOf(*reply));
    return {};
}

std::expected<QString, TransportError> logIn(const QUrl &server, const QString &name, const QString &password,
                                             const QString &device)
{
    HttpTransport http(server, {});
    auto reply = http.request("POST", s("/v1/sessions"), {{s("name"), name}, {s("password"), password}, {s("device"), device}});
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 201 || !reply->json.value(s("token")).isString())
        return std::unexpected(HttpTransport::errorOf(*reply));
    return reply->json.value(s("token")).toString();
}

std::expected<void, TransportError> logOut(const QUrl &server, const QString &token)
{
    HttpTransport http(server, token);
    auto reply = http.request("DELETE", s("/v1/sessions/current"));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 204 && reply->status != 401)
        return std::unexpected(HttpTransport::errorOf(*reply));
    return {};
}

std::expected<QList<Session>, TransportError> sessions(const QUrl &server, const QString &token)
{
    HttpTransport http(server, token);
    auto reply = http.request("GET", s("/v1/sessions"));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200 || !reply->json.value(s("sessions")).isArray())
        return std::unexpected(HttpTransport::errorOf(*reply));
    QList<Session> list;
    for (const QJsonValue &value : reply->json.value(s("sessions")).toArray()) {
        const QJsonObject o = value.toObject();
        if (!o.value(s("id")).isString())
            return std::unexpected(TransportError{TransportError::Kind::Server, s("the server listed a device without an id")});
        list.append({o.value(s("id")).toString(), o.value(s("device")).toString(),
                     QDateTime::fromString(o.value(s("signed_in")).toString(), Qt::ISODateWithMs),
                     QDateTime::fromString(o.value(s("last_pull")).toString(), Qt::ISODateWithMs),
                     qint64(o.value(s("pulled")).toDouble()), o.value(s("current")).toBool()});
    }
    return list;
}

std::expected<void, TransportError> signOutSession(const QUrl &server, const QString &token, const QString &sessionId)
{
    HttpTransport http(server, token);
    auto reply = http.request("DELETE", s("/v1/sessions/") + QString::fromLatin1(QUrl::toPercentEncoding(sessionId)));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 204)
        return std::unexpected(HttpTransport::errorOf(*reply));
    return {};
}

std::expected<QString, TransportError> changePassword(const QUrl &server, const QString &token, const QString &user,
                                                      const QString &oldPassword, const QString &newPassword,
                                                      const QString &device)
{
    HttpTransport http(server, token);
    auto reply = http.request("PUT", s("/v1/password"), {{s("old_password"), oldPassword}, {s("new_password"), newPassword}});
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 204)
        return std::unexpected(HttpTransport::errorOf(*reply));
    return logIn(server, user, newPassword, device);
}

} // namespace account

namespace account {
bool isServerAddress(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}
} // namespace account

} // namespace tidemark::client
