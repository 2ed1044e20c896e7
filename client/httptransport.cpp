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

using namespace Qt::StringLiterals;

namespace tidemark::client {

namespace {
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
                                              timedOut ? u"the server did not answer in time"_s
                                                       : u"cannot reach the server: %1"_s.arg(reply->errorString()),
                                              0});
    }
    QByteArray data = reply->readAll();
    m_received += data.size();
    if (const sync::Negotiation agreed = sync::checkServerVersion(reply->rawHeader("Tidemark-Protocol")); agreed.version == 0)
        return std::unexpected(TransportError{Kind::Incompatible, agreed.problem, 0});
    const auto encoding = sync::Compression::fromContentEncoding(reply->rawHeader("Content-Encoding"));
    if (!encoding)
        return std::unexpected(TransportError{Kind::Server, u"the server's answer is in an unknown encoding"_s, 0});
    if (*encoding != sync::Compression::Encoding::Identity) {
        auto plain = sync::Compression::decompress(data, *encoding, 1024LL * 1024 * 1024);
        if (!plain)
            return std::unexpected(TransportError{Kind::Server, u"the server's answer is corrupt: %1"_s.arg(plain.error()), 0});
        data = *plain;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (!data.isEmpty() && (error.error != QJsonParseError::NoError || !doc.isObject()))
        return std::unexpected(TransportError{Kind::Server, u"the server sent an answer that is not JSON (HTTP %1)"_s.arg(status), 0});
    return Reply{status, doc.object(), reply->rawHeader("Retry-After")};
}

TransportError HttpTransport::errorOf(const Reply &reply)
{
    const QString detail = reply.json.value(u"detail"_s).toString();
    const QString message = detail.isEmpty() ? u"the server answered HTTP %1"_s.arg(reply.status) : detail;
    const int retryAfter = std::clamp(reply.retryAfter.toInt(), 0, 3600);
    if (reply.status == 401)
        return {Kind::SignInAgain, message, 0};
    if (reply.status == 429 || reply.status == 503)
        return {Kind::RateLimited, message, retryAfter > 0 ? retryAfter : 30};
    if (reply.status == 400 && reply.json.value(u"title"_s).toString() == QLatin1String("Incompatible client"))
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
    QJsonObject body{{u"ops"_s, list}};
    if (!m_deviceName.isEmpty())
        body.insert(u"device_name"_s, m_deviceName.left(200));
    m_push = send("POST", u"/v1/push"_s, body);
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
        return std::unexpected(TransportError{Kind::Refused, u"no push was sent"_s, 0});
    const qsizetype count = std::exchange(m_pushCount, 0);
    auto reply = receive(std::move(m_push));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(errorOf(*reply));
    PushAnswer answer;
    answer.rev = reply->json.value(u"rev"_s).toInteger();
    for (const QJsonValue &value : reply->json.value(u"results"_s).toArray()) {
        auto result = sync::decodeResult(value.toObject());
        if (!result)
            return std::unexpected(TransportError{Kind::Server, u"the server's answer is malformed: %1"_s.arg(result.error()), 0});
        answer.results.append(*result);
    }
    if (answer.results.size() != count)
        return std::unexpected(TransportError{Kind::Server, u"the server answered %1 of %2 operations"_s.arg(answer.results.size()).arg(count), 0});
    return answer;
}

std::expected<void, TransportError> HttpTransport::probe()
{
    // A server that is back answers at once; one that is not must not hold the thread for long.
    const int timeout = std::exchange(m_timeoutMs, std::min(m_timeoutMs, 3000));
    auto reply = request("GET", u"/healthz"_s);
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
    query.addQueryItem(u"since"_s, QString::number(since));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (continuation) {
        query.addQueryItem(u"snapshot"_s, QString::number(continuation->rev));
        query.addQueryItem(u"after"_s, continuation->after);
    }
    auto reply = request("GET", u"/v1/changes?"_s + query.toString(QUrl::FullyEncoded));
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(errorOf(*reply));
    auto page = sync::decodePage(reply->json);
    if (!page)
        return std::unexpected(TransportError{Kind::Server, u"the server sent a page this version cannot read (%1)"_s.arg(page.error()), 0});
    return std::move(*page);
}

std::expected<QJsonObject, TransportError> HttpTransport::policies(const std::optional<QJsonObject> &replace)
{
    auto reply = replace ? request("PUT", u"/v1/policies"_s, QJsonObject{{u"policies"_s, *replace}})
                         : request("GET", u"/v1/policies"_s);
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200 || !reply->json.value(u"policies"_s).isObject())
        return std::unexpected(errorOf(*reply));
    return reply->json.value(u"policies"_s).toObject();
}

namespace account {

std::expected<void, TransportError> registerAccount(const QUrl &server, const QString &name, const QString &password)
{
    HttpTransport http(server, {});
    auto reply = http.request("POST", u"/v1/accounts"_s, {{u"name"_s, name}, {u"password"_s, password}});
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
    auto reply = http.request("POST", u"/v1/sessions"_s, {{u"name"_s, name}, {u"password"_s, password}, {u"device"_s, device}});
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 201 || !reply->json.value(u"token"_s).isString())
        return std::unexpected(HttpTransport::errorOf(*reply));
    return reply->json.value(u"token"_s).toString();
}

std::expected<void, TransportError> logOut(const QUrl &server, const QString &token)
{
    HttpTransport http(server, token);
    auto reply = http.request("DELETE", u"/v1/sessions/current"_s);
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 204 && reply->status != 401)
        return std::unexpected(HttpTransport::errorOf(*reply));
    return {};
}

std::expected<QList<Session>, TransportError> sessions(const QUrl &server, const QString &token)
{
    HttpTransport http(server, token);
    auto reply = http.request("GET", u"/v1/sessions"_s);
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status != 200 || !reply->json.value(u"sessions"_s).isArray())
        return std::unexpected(HttpTransport::errorOf(*reply));
    QList<Session> list;
    for (const QJsonValue &value : reply->json.value(u"sessions"_s).toArray()) {
        const QJsonObject o = value.toObject();
        if (!o.value(u"id"_s).isString())
            return std::unexpected(TransportError{TransportError::Kind::Server, u"the server listed a device without an id"_s});
        list.append({o.value(u"id"_s).toString(), o.value(u"device"_s).toString(),
                     QDateTime::fromString(o.value(u"signed_in"_s).toString(), Qt::ISODateWithMs),
                     QDateTime::fromString(o.value(u"last_pull"_s).toString(), Qt::ISODateWithMs),
                     qint64(o.value(u"pulled"_s).toDouble()), o.value(u"current"_s).toBool()});
    }
    return list;
}

std::expected<void, TransportError> signOutSession(const QUrl &server, const QString &token, const QString &sessionId)
{
    HttpTransport http(server, token);
    auto reply = http.request("DELETE", u"/v1/sessions/"_s + QString::fromLatin1(QUrl::toPercentEncoding(sessionId)));
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
    auto reply = http.request("PUT", u"/v1/password"_s, {{u"old_password"_s, oldPassword}, {u"new_password"_s, newPassword}});
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
