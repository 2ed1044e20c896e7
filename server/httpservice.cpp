#include "httpservice.h"
#include "logging.h"

#include "guardedtcpserver.h"
#include "loginthrottle.h"
#include "ratelimiter.h"
#include "metrics.h"
#include "syncservice.h"

#include "sync/compression.h"

#include <tidemark/version.h>

#include <QFuture>
#include <QHttpServer>
#include <QtConcurrent/QtConcurrentRun>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QHttpServerWebSocketUpgradeResponse>
#include <QTcpServer>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace tidemark::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse jsonResponse(const QJsonObject &body, Status status = Status::Ok)
{
    return QHttpServerResponse("application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

// RFC 9457 problem details, with a sentence a person understands.
QHttpServerResponse problem(Status status, const QString &title, const QString &detail)
{
    const QJsonObject body{{u"type"_s, u"about:blank"_s}, {u"title"_s, title}, {u"status"_s, int(status)},
                           {u"detail"_s, detail}};
    return QHttpServerResponse("application/problem+json", QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

// The JSON object a request carries (zstd- or gzip-compressed, or plain), or the problem with it.
std::expected<QJsonObject, QHttpServerResponse> jsonBody(const QHttpServerRequest &request, qsizetype maxBytes)
{
    namespace C = sync::Compression;
    const auto encoding = C::fromContentEncoding(request.value("content-encoding"));
    if (!encoding)
        return std::unexpected(problem(Status::UnsupportedMediaType, u"Unknown compression"_s,
                                       u"Send the body plain, or compressed with zstd or gzip."_s));
    if (request.body().size() > maxBytes)
        return std::unexpected(problem(Status::PayloadTooLarge, u"Request too large"_s,
                                       u"The request body is larger than %1 bytes."_s.arg(maxBytes)));
    const auto body = C::decompress(request.body(), *encoding, maxBytes);
    if (!body) {
        const bool tooLarge = body.error().contains(u"expands"_s);
        return std::unexpected(problem(tooLarge ? Status::PayloadTooLarge : Status::BadRequest,
                                       tooLarge ? u"Request too large"_s : u"Corrupt body"_s, body.error() + QLatin1Char('.')));
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(problem(Status::BadRequest, u"Malformed JSON"_s,
                                       u"The body is not valid JSON: %1 at byte %2."_s.arg(error.errorString()).arg(error.offset)));
    if (!doc.isObject())
        return std::unexpected(problem(Status::BadRequest, u"Malformed request"_s, u"The body must be a JSON object."_s));
    return doc.object();
}

QFuture<QHttpServerResponse> ready(QHttpServerResponse response)
{
    return QtFuture::makeReadyValueFuture(std::move(response));
}

QHttpServerResponse withRetryAfter(QHttpServerResponse response, int seconds)
{
    QHttpHeaders headers = response.headers();
    headers.append(QHttpHeaders::WellKnownHeader::RetryAfter, QByteArray::number(seconds));
    response.setHeaders(std::move(headers));
    return response;
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("authorization");
    return header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7).trimmed()) : QString();
}

/// The token of a live-socket upgrade: `Authorization: Bearer TOKEN`, or (from apps before the
/// header) `?token=TOKEN`.
QString liveToken(const QByteArray &authorization, const QUrl &url)
{
    if (authorization.startsWith("Bearer "))
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return QUrlQuery(url).queryItemValue(u"token"_s);
}

} // namespace

HttpService::HttpService(SyncService *sync, Options options, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
    , m_options(options)
    , m_http(std::make_unique<QHttpServer>())
    , m_throttle(std::make_unique<LoginThrottle>())
    , m_limiter(std::make_unique<RateLimiter>(m_options.requestsPerMinute))
    , m_metrics(std::make_unique<Metrics>())
{
    addRoutes();
    m_http->setMissingHandler(this, [](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        const QJsonObject body{{u"type"_s, u"about:blank"_s}, {u"title"_s, u"Not found"_s}, {u"status"_s, 404},
                               {u"detail"_s, u"There is nothing at %1 %2."_s.arg(QString::fromLatin1(QVariant::fromValue(request.method()).toByteArray()),
                                                                                    request.url().path().left(200))}};
        responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), "application/problem+json", Status::NotFound);
    });
    m_http->addAfterRequestHandler(this, [this](const QHttpServerRequest &request, QHttpServerResponse &response) {
        // The protocol version chosen for this client (docs/protocol.md, "Versions").
        if (const sync::Negotiation agreed = sync::negotiate(request.value("tidemark-protocol")); agreed.version > 0) {
            QHttpHeaders headers = response.headers();
            headers.replaceOrAppend("Tidemark-Protocol", QByteArray::number(agreed.version));
            response.setHeaders(std::move(headers));
        }
        static const QStringList routes{u"/healthz"_s, u"/metrics"_s, u"/v1/accounts"_s, u"/v1/sessions"_s,
                                        u"/v1/sessions/current"_s, u"/v1/password"_s, u"/v1/push"_s, u"/v1/changes"_s,
                                        u"/v1/conflicts"_s, u"/v1/policies"_s};
        static const QRegularExpression history(u"^/v1/entities/[^/]+/history$"_s);
        static const QRegularExpression session(u"^/v1/sessions/[^/]+$"_s);
        const QString path = request.url().path();
        const QString route = routes.contains(path)                ? path
                            : history.match(path).hasMatch() ? u"/v1/entities/{id}/history"_s
                            : session.match(path).hasMatch() ? u"/v1/sessions/{id}"_s
                                                             : u"other"_s;
        const int status = int(response.statusCode());
        m_metrics->countRequest(route, status);
        if (status == 400 || status == 413 || status == 415)
            m_metrics->countRejectedInput(route);
        // Compress what is worth it, in the best encoding the client accepts.
        namespace C = sync::Compression;
        const C::Encoding encoding = C::preferred(request.value("accept-encoding"));
        if (encoding != C::Encoding::Identity && response.data().size() > 1024
            && !response.headers().contains(QHttpHeaders::WellKnownHeader::ContentEncoding)) {
            const QByteArray packed = C::compress(response.data(), encoding);
            if (!packed.isEmpty()) {
                QHttpHeaders headers = response.headers();
                QHttpServerResponse compressed(response.mimeType(), packed, response.statusCode());
                headers.append(QHttpHeaders::WellKnownHeader::ContentEncoding, C::headerValue(encoding));
                headers.append(QHttpHeaders::WellKnownHeader::Vary, "Accept-Encoding");
                compressed.setHeaders(std::move(headers));
                response = std::move(compressed);
            }
        }
    });
    connect(m_sync, &SyncService::conflictRecorded, this, [this](const QString &rule) { m_metrics->countConflict(rule); });
    // Live notifications: GET /v1/live with "Authorization: Bearer TOKEN", upgraded to a
    // WebSocket. The server sends {"rev": N} whenever the account's revision moves, after the
    // change is durable. A missing, forged or revoked token is answered 401 and the connection closed.
    m_http->addWebSocketUpgradeVerifier(this, [this](const QHttpServerRequest &request) {
        if (request.url().path() != QLatin1String("/v1/live"))
            return QHttpServerWebSocketUpgradeResponse::passToNext();
        if (!m_sync->accounts().authenticate(liveToken(request.value("authorization"), request.url())))
            return QHttpServerWebSocketUpgradeResponse::deny(401, "Sign in again: unknown or revoked token.");
        return QHttpServerWebSocketUpgradeResponse::accept();
    });
    connect(m_http.get(), &QHttpServer::newWebSocketConnection, this, &HttpService::acceptLiveConnections);
    connect(m_sync, &SyncService::revisionMoved, this, &HttpService::announce);
}

HttpService::~HttpService()
{
    // Take the list first: a socket being deleted may report its disconnection, whose handler
    // edits m_live.
    const QList<Listener> live = std::exchange(m_live, {});
    for (const Listener &listener : live) {
        listener.socket->disconnect(this);
        delete listener.socket;
    }
}

void HttpService::acceptLiveConnections()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const auto account = m_sync->accounts().authenticate(liveToken(socket->request().rawHeader("Authorization"), socket->requestUrl()));
        if (!account) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unknown or revoked token"_s);
            continue;
        }
        qCDebug(lcServer) << "a device of account" << *account << "listens for live updates";
        QWebSocket *raw = socket.release();
        m_live.append({*account, raw});
        connect(raw, &QWebSocket::disconnected, this, [this, raw] {
            m_live.removeIf([raw](const Listener &listener) { return listener.socket == raw; });
            raw->deleteLater();
        });
        // Tell the device where the account stands, so it can catch up right away.
        raw->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{u"rev"_s, m_sync->revision(*account)}})
                                                   .toJson(QJsonDocument::Compact)));
    }
}

void HttpService::announce(const QString &account, qint64 rev)
{
    qCDebug(lcServer) << "revision" << rev << "of account" << account << "announced to its live devices";
    const QString message = QString::fromUtf8(QJsonDocument(QJsonObject{{u"rev"_s, rev}}).toJson(QJsonDocument::Compact));
    for (const Listener &listener : std::as_const(m_live)) {
        if (listener.account == account)
            listener.socket->sendTextMessage(message);
    }
}

std::expected<quint16, QString> HttpService::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<GuardedTcpServer>(m_options.maxBodyBytes, m_options.tls, this);
    tcp->setUpgradeCheck([this](const QByteArray &target, const QByteArray &headers) -> std::optional<QString> {
        const QUrl url(QString::fromLatin1(target));
        if (url.path() != QLatin1String("/v1/live"))
            return std::nullopt; // not ours: Qt HttpServer answers it
        if (!m_sync->accounts().authenticate(liveToken(GuardedTcpServer::headerValue(headers, "authorization"), url)))
            return u"Sign in again: send the token from POST /v1/sessions as 'Authorization: Bearer TOKEN'; this one is "
                     "missing, unknown or revoked."_s;
        return std::nullopt;
    });
    if (!tcp->listen(address, port)) {
        return std::unexpected(u"cannot listen on %1 port %2: %3"_s
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(tcp->errorString()));
    }
    if (!m_http->bind(tcp.get())) {
        return std::unexpected(u"cannot serve HTTP on %1 port %2"_s
                                   .arg(address.toString())
                                   .arg(port));
    }
    m_tcp = tcp.release();
    return m_tcp->serverPort();
}

quint16 HttpService::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void HttpService::addRoutes()
{
    using Method = QHttpServerRequest::Method;
    const qsizetype maxBody = m_options.maxBodyBytes;

    // The account a request's bearer token belongs to, or the 401 to answer.
    const auto authenticated = [this](const QHttpServerRequest &request) -> std::expected<QString, QHttpServerResponse> {
        if (!request.value("authorization").startsWith("Bearer "))
            return std::unexpected(problem(Status::Unauthorized, u"Sign in needed"_s,
                                           u"Send the token from POST /v1/sessions as 'Authorization: Bearer TOKEN'."_s));
        const auto account = m_sync->accounts().authenticate(bearerToken(request));
        if (!account)
            return std::unexpected(problem(Status::Unauthorized, u"Sign in again"_s,
                                           u"This token is unknown, or was revoked (logged out or password changed)."_s));
        if (const int wait = m_limiter->acquire(*account); wait > 0)
            return std::unexpected(withRetryAfter(problem(Status::TooManyRequests, u"Too many requests"_s,
                                                          u"This account sends more than %1 requests a minute; try again in %2 seconds."_s
                                                              .arg(m_options.requestsPerMinute).arg(wait)),
                                                  wait));
        return *account;
    };
    const auto protocolProblem = [](const QHttpServerRequest &request) -> std::optional<QHttpServerResponse> {
        const sync::Negotiation agreed = sync::negotiate(request.value("tidemark-protocol"));
        if (agreed.version == 0)
            return problem(Status::BadRequest, u"Incompatible client"_s, agreed.problem);
        return std::nullopt;
    };

    // The account and the JSON body of a request that needs both, or the answer to give instead.
    const auto accountAndBody = [authenticated, maxBody](const QHttpServerRequest &request)
        -> std::expected<std::pair<QString, QJsonObject>, QHttpServerResponse> {
        auto account = authenticated(request);
        if (!account)
            return std::unexpected(std::move(account.error()));
        auto body = jsonBody(request, maxBody);
        if (!body)
            return std::unexpected(std::move(body.error()));
        return std::pair{*account, *body};
    };

    m_http->route(u"/healthz"_s, Method::Get, [] {
        return jsonResponse({{u"status"_s, u"ok"_s}, {u"version"_s, QLatin1StringView(kVersion)},
                             {u"protocol"_s, sync::kProtocolVersion}});
    });

    m_http->route(u"/metrics"_s, Method::Get, [this] {
        return QHttpServerResponse("text/plain; version=0.0.4", m_metrics->render());
    });

    // Registering and signing in hash a password (argon2id, ~0.2 s of CPU and 64 MB): that runs
    // on a worker thread, so that it never holds up other requests; the database work before
    // and after it stays on this thread.
    m_http->route(u"/v1/accounts"_s, Method::Post, [this, maxBody](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
        if (!m_options.registrationOpen)
            return ready(problem(Status::Forbidden, u"Registration closed"_s,
                                 u"This server does not take new accounts; ask its administrator."_s));
        auto body = jsonBody(request, maxBody);
        if (!body)
            return ready(std::move(body.error()));
        const QJsonValue name = body->value(u"name"_s);
        const QJsonValue password = body->value(u"password"_s);
        if (!name.isString() || !password.isString())
            return ready(problem(Status::BadRequest, u"Malformed request"_s, u"Send 'name' and 'password' as strings."_s));
        const auto refused = [](const Accounts::Error &error) {
            if (error.failure == Accounts::Failure::Internal) {
                qCWarning(lcServer) << "registration failed:" << error.message;
                return problem(Status::InternalServerError, u"Cannot register"_s, u"The server could not store the account; try again later."_s);
            }
            return problem(error.failure == Accounts::Failure::Exists ? Status::Conflict : Status::BadRequest,
                           u"Cannot register"_s, error.message);
        };
        if (auto ok = m_sync->accounts().checkNewAccount(name.toString(), password.toString()); !ok)
            return ready(refused(ok.error()));
        return QtConcurrent::run(&Accounts::hashPassword, password.toString())
            .then(this, [this, refused, name = name.toString()](const QString &hash) {
                auto account = m_sync->accounts().createAccount(name, hash);
                if (!account)
                    return refused(account.error());
                return jsonResponse({{u"account"_s, *account}}, Status::Created);
            });
    });
    m_http->route(u"/v1/sessions"_s, Method::Post, [this, maxBody](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
        auto body = jsonBody(request, maxBody);
        if (!body)
            return ready(std::move(body.error()));
        const QJsonValue name = body->value(u"name"_s);
        const QJsonValue password = body->value(u"password"_s);
        const QJsonValue device = body->value(u"device"_s);
        if (!name.isString() || !password.isString() || !(device.isString() || device.isUndefined()))
            return ready(problem(Status::BadRequest, u"Malformed request"_s, u"Send 'name', 'password' and 'device' as strings."_s));
        const QString address = request.remoteAddress().toString();
        if (const int wait = m_throttle->retryAfter(name.toString(), address); wait > 0)
            return ready(withRetryAfter(problem(Status::TooManyRequests, u"Too many attempts"_s,
                                                u"Too many wrong passwords; try again in %1 seconds."_s.arg(wait)),
                                        wait));
        const auto internalError = [](const QString &message) {
            qCWarning(lcServer) << "sign-in failed:" << message;
            return problem(Status::InternalServerError, u"Cannot sign in"_s, u"The server could not start a session; try again later."_s);
        };
        auto stored = m_sync->accounts().storedHash(name.toString());
        if (!stored)
            return ready(internalError(stored.error().message));
        const QString account = *stored ? (*stored)->first : QString();
        const QString hash = *stored ? (*stored)->second : QString();
        // An unknown name costs the same hashing as a wrong password, so timing tells nothing.
        return QtConcurrent::run(&Accounts::verifyPassword, hash, password.toString())
            .then(this, [this, internalError, account, address, name = name.toString(), device = device.toString()](bool verified) {
                if (!verified || account.isEmpty()) {
                    m_throttle->failed(name, address);
                    return problem(Status::Unauthorized, u"Cannot sign in"_s, u"wrong user name or password"_s);
                }
                m_throttle->succeeded(name);
                auto session = m_sync->accounts().startSession(account, device);
                if (!session)
                    return internalError(session.error().message);
                return jsonResponse({{u"account"_s, session->account}, {u"token"_s, session->token}}, Status::Created);
            });
    });
    m_http->route(u"/v1/password"_s, Method::Put, [this, accountAndBody](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
        auto input = accountAndBody(request);
        if (!input)
            return ready(std::move(input.error()));
        const auto &[account, body] = *input;
        const QJsonValue old = body.value(u"old_password"_s);
        const QJsonValue fresh = body.value(u"new_password"_s);
        if (!old.isString() || !fresh.isString())
            return ready(problem(Status::BadRequest, u"Malformed request"_s, u"Send 'old_password' and 'new_password' as strings."_s));
        const auto internalError = [](const QString &message) {
            qCWarning(lcServer) << "password change failed:" << message;
            return problem(Status::InternalServerError, u"Cannot change the password"_s, u"The server could not store it; try again later."_s);
        };
        if (fresh.toString().size() < 8 || fresh.toString().size() > 1024)
            return ready(problem(Status::BadRequest, u"Cannot change the password"_s, u"a password needs at least 8 characters"_s));
        auto stored = m_sync->accounts().passwordHashOf(account);
        if (!stored)
            return ready(internalError(stored.error().message));
        // Checking the old password and hashing the new one run on a worker, like sign-in.
        return QtConcurrent::run([hash = *stored, old = old.toString(), fresh = fresh.toString()] {
                   return Accounts::verifyPassword(hash, old) ? std::optional(Accounts::hashPassword(fresh)) : std::nullopt;
               })
            .then(this, [this, internalError, account = account](const std::optional<QString> &newHash) {
                if (!newHash)
                    return problem(Status::Forbidden, u"Cannot change the password"_s, u"the current password is wrong"_s);
                if (auto replaced = m_sync->accounts().replacePassword(account, *newHash); !replaced)
                    return internalError(replaced.error().message);
                return QHttpServerResponse(Status::NoContent); // every device, this one too, signs in again
            });
    });

    // The account's signed-in devices, and signing one out (a lost laptop, from the phone).
    m_http->route(u"/v1/sessions"_s, Method::Get, [this, authenticated](const QHttpServerRequest &request) {
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        const auto time = [](qint64 ms) {
            return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC).toString(Qt::ISODate)) : QJsonValue();
        };
        QJsonArray devices;
        for (const Accounts::Device &device : m_sync->accounts().devices(*account, bearerToken(request)))
            devices.append(QJsonObject{{u"id"_s, device.id}, {u"device"_s, device.name}, {u"signed_in"_s, time(device.createdAt)},
                                       {u"last_pull"_s, time(device.lastSeen)}, {u"pulled"_s, device.pulled},
                                       {u"current"_s, device.current}});
        return jsonResponse({{u"sessions"_s, devices}});
    });
    m_http->route(u"/v1/sessions/<arg>"_s, Method::Delete, [this, authenticated](const QString &id, const QHttpServerRequest &request) {
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        if (id != QLatin1String("current") && !m_sync->accounts().revokeDevice(*account, id))
            return problem(Status::NotFound, u"No such session"_s, u"This account has no signed-in device with that id."_s);
        if (id == QLatin1String("current"))
            m_sync->accounts().logOut(bearerToken(request));
        return QHttpServerResponse(Status::NoContent);
    });

    m_http->route(u"/v1/push"_s, Method::Post,
                  [this, accountAndBody, protocolProblem](const QHttpServerRequest &request) {
        if (auto incompatible = protocolProblem(request))
            return std::move(*incompatible);
        auto input = accountAndBody(request);
        if (!input)
            return std::move(input.error());
        const auto &[account, body] = *input;
        const QJsonValue ops = body.value(u"ops"_s);
        sync::Limits limits;
        limits.maxStringBytes = m_options.maxTextBytes;
        if (!ops.isArray())
            return problem(Status::BadRequest, u"Malformed request"_s, u"Send the operations as an array 'ops'."_s);
        if (ops.toArray().size() > limits.maxOpsPerPush)
            return problem(Status::PayloadTooLarge, u"Too many operations"_s,
                           u"Send at most %1 operations per request."_s.arg(limits.maxOpsPerPush));
        // An operation this server cannot take (a kind or a value it does not accept, say from a
        // newer app) is answered `rejected` on its own and the rest go on; only one that cannot
        // even be answered (no op_id) refuses the request.
        QList<sync::Operation> decoded;
        QHash<int, sync::OpResult> refused; // by position in the request
        int index = 0;
        for (const QJsonValue &op : ops.toArray()) {
            auto parsed = op.isObject() ? sync::decodeOperation(op.toObject(), limits)
                                        : std::expected<sync::Operation, QString>(std::unexpected(u"not an object"_s));
            if (parsed) {
                decoded.append(*parsed);
            } else if (const auto opId = op.isObject() ? sync::answerableOpId(op.toObject()) : std::nullopt) {
                refused.insert(index, {*opId, sync::OpResult::Status::Rejected, 0, {}, parsed.error()});
            } else {
                return problem(Status::BadRequest, u"Malformed operation"_s, u"Operation %1: %2"_s.arg(index).arg(parsed.error()));
            }
            ++index;
        }
        // The device's name for other devices' sentences ("changed on Laptop"); optional.
        const QJsonValue deviceName = body.value(u"device_name"_s);
        if (!deviceName.isUndefined() && (!deviceName.isString() || deviceName.toString().size() > 200))
            return problem(Status::BadRequest, u"Malformed request"_s, u"'device_name' is a string of at most 200 characters."_s);
        QElapsedTimer timer;
        timer.start();
        QJsonArray results;
        const QList<sync::OpResult> judged = m_sync->push(account, decoded);
        for (qsizetype at = 0, next = 0; at < index; ++at) {
            const sync::OpResult result = refused.contains(int(at)) ? refused.value(int(at)) : judged.value(next++);
            results.append(sync::encodeResult(result));
            m_metrics->countOperation(sync::statusName(result.status));
        }
        m_metrics->observePushSeconds(double(timer.nsecsElapsed()) / 1e9);
        // Named once the operations are in, for the device(s) that sent them.
        if (const QString name = deviceName.toString().trimmed(); !name.isEmpty()) {
            QStringList devices;
            for (const sync::Operation &op : std::as_const(decoded)) {
                if (!devices.contains(op.device))
                    devices << op.device;
            }
            for (const QString &device : std::as_const(devices)) {
                if (auto named = m_sync->nameDevice(account, device, name); !named)
                    qCWarning(lcServer) << "cannot store a device name:" << named.error();
            }
        }
        return jsonResponse({{u"results"_s, results}, {u"rev"_s, m_sync->revision(account)}});
    });

    m_http->route(u"/v1/changes"_s, Method::Get, [this, authenticated, protocolProblem](const QHttpServerRequest &request) {
        if (auto incompatible = protocolProblem(request))
            return std::move(*incompatible);
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        bool okSince = true;
        bool okLimit = true;
        bool okSnapshot = true;
        const QUrlQuery query = request.query();
        const QString sinceText = query.queryItemValue(u"since"_s);
        const QString limitText = query.queryItemValue(u"limit"_s);
        const QString snapshotText = query.queryItemValue(u"snapshot"_s);
        const QString afterText = query.queryItemValue(u"after"_s, QUrl::FullyDecoded);
        const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&okSince);
        const int limit = limitText.isEmpty() ? 1000 : limitText.toInt(&okLimit);
        std::optional<SnapshotPosition> snapshot;
        if (!snapshotText.isEmpty()) {
            snapshot = SnapshotPosition{snapshotText.toLongLong(&okSnapshot), afterText};
            okSnapshot = okSnapshot && snapshot->rev >= 0 && !afterText.isEmpty() && afterText.size() <= 64;
        }
        if (!okSince || since < 0 || !okLimit || limit < 1 || limit > 5000 || !okSnapshot)
            return problem(Status::BadRequest, u"Bad query"_s,
                           u"'since' is a revision (a whole number, 0 or more), 'limit' is 1 to 5000, and a snapshot "
                             "continues with the 'snapshot' and 'after' values of the page before."_s);
        auto page = m_sync->pull(*account, since, limit, snapshot);
        if (!page)
            return problem(Status::InternalServerError, u"Cannot read changes"_s, u"The server could not read its change log."_s);
        m_sync->accounts().recordPull(bearerToken(request), since);
        return jsonResponse(sync::encodePage(*page));
    });

    m_http->route(u"/v1/entities/<arg>/history"_s, Method::Get,
                  [this, authenticated](const QString &id, const QHttpServerRequest &request) {
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        const QList<QJsonObject> versions = m_sync->history(*account, id.left(64));
        if (versions.isEmpty()) // unknown, malformed and other accounts' ids look the same
            return problem(Status::NotFound, u"Not found"_s, u"There is no entity %1 in this account."_s.arg(id.left(64)));
        QJsonArray array;
        for (const QJsonObject &version : versions)
            array.append(version);
        return jsonResponse({{u"id"_s, id}, {u"versions"_s, array}});
    });

    m_http->route(u"/v1/policies"_s, Method::Get, [this, authenticated](const QHttpServerRequest &request) {
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        return jsonResponse({{u"policies"_s, m_sync->policies(*account)}});
    });

    m_http->route(u"/v1/policies"_s, Method::Put, [this, accountAndBody](const QHttpServerRequest &request) {
        auto input = accountAndBody(request);
        if (!input)
            return std::move(input.error());
        const auto &[account, body] = *input;
        const QJsonValue policies = body.value(u"policies"_s);
        if (!policies.isObject())
            return problem(Status::BadRequest, u"Malformed request"_s, u"Send 'policies' as an object of field: \"ask\" | \"later-wins\"."_s);
        if (auto stored = m_sync->setPolicies(account, policies.toObject()); !stored)
            return problem(Status::BadRequest, u"Cannot set the policies"_s, stored.error());
        return jsonResponse({{u"policies"_s, m_sync->policies(account)}});
    });

    m_http->route(u"/v1/conflicts"_s, Method::Get, [this, authenticated](const QHttpServerRequest &request) {
        auto account = authenticated(request);
        if (!account)
            return std::move(account.error());
        QJsonArray events;
        for (const sync::ConflictEvent &event : m_sync->conflicts(*account))
            events.append(sync::encodeConflictEvent(event));
        return jsonResponse({{u"conflicts"_s, events}});
    });
}

} // namespace tidemark::server
