#include "protocol.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::sync {

namespace {

bool isUuid(const QString &text)
{
    static const QRegularExpression uuid(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    return uuid.match(text).hasMatch();
}

qsizetype jsonBytes(const QJsonValue &value)
{
    if (value.isString())
        return utf8Length(value.toString());
    qsizetype total = 0;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            total += jsonBytes(item) + 1;
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            total += utf8Length(it.key()) + jsonBytes(it.value()) + 2;
    } else {
        total = 8;
    }
    return total;
}

// The JSON type of each field this version knows. The values themselves (date formats, ranges
// beyond priority, id references) are the clients' business; the server only refuses what could
// never be a valid value, so that one broken client cannot poison other devices' stores.
enum class Type { Text, OptionalText, Flag, Tags, Priority };

std::optional<Type> fieldType(const QString &kind, const QString &field)
{
    static const QHash<QString, Type> collection{{u"name"_s, Type::Text}, {u"color"_s, Type::Text},
                                                 {u"parent"_s, Type::OptionalText}, {u"sort_key"_s, Type::Text},
                                                 {u"deleted"_s, Type::Flag}};
    static const QHash<QString, Type> note{{u"collection"_s, Type::OptionalText}, {u"title"_s, Type::Text},
                                           {u"body"_s, Type::Text}, {u"tags"_s, Type::Tags},
                                           {u"pinned"_s, Type::Flag}, {u"archived"_s, Type::Flag},
                                           {u"deleted"_s, Type::Flag}};
    static const QHash<QString, Type> task{{u"collection"_s, Type::OptionalText}, {u"title"_s, Type::Text},
                                           {u"notes"_s, Type::Text}, {u"due"_s, Type::OptionalText},
                                           {u"priority"_s, Type::Priority}, {u"done_at"_s, Type::OptionalText},
                                           {u"parent"_s, Type::OptionalText}, {u"sort_key"_s, Type::Text},
                                           {u"recurrence"_s, Type::OptionalText}, {u"tags"_s, Type::Tags},
                                           {u"deleted"_s, Type::Flag}};
    const QHash<QString, Type> &known = kind == QLatin1String("collection") ? collection
                                      : kind == QLatin1String("task")       ? task
                                                                            : note;
    const auto it = known.constFind(field);
    if (it == known.cend())
        return std::nullopt; // a field from a newer version: kept as it is
    return it.value();
}

} // namespace

std::optional<QString> fieldTypeProblem(const QString &kind, const QString &field, const QJsonValue &value)
{
    const auto type = fieldType(kind, field);
    if (!type)
        return std::nullopt;
    switch (*type) {
    case Type::Text:
        if (!value.isString())
            return u"field '%1' must be text"_s.arg(field);
        break;
    case Type::OptionalText:
        if (!value.isString() && !value.isNull())
            return u"field '%1' must be text or null"_s.arg(field);
        break;
    case Type::Flag:
        if (!value.isBool())
            return u"field '%1' must be true or false"_s.arg(field);
        break;
    case Type::Tags:
        if (!value.isArray())
            return u"field 'tags' must be a list of words"_s;
        for (const QJsonValue &tag : value.toArray()) {
            if (!tag.isString())
                return u"field 'tags' must be a list of words"_s;
        }
        break;
    case Type::Priority: {
        const double p = value.toDouble(-1);
        if (!value.isDouble() || p != double(int(p)) || p < 0 || p > 3)
            return u"field 'priority' must be 0, 1, 2 or 3"_s;
        break;
    }
    }
    return std::nullopt;
}

qsizetype utf8Length(QStringView text)
{
    // What Qt's UTF-8 encoder makes of it, which is what a JSON document carries.
    return text.toUtf8().size();
}

QString sizeForPeople(qsizetype bytes)
{
    return QLocale::c().formattedDataSize(bytes, bytes % (1024 * 1024) == 0 ? 0 : 1, QLocale::DataSizeTraditionalFormat);
}

Negotiation negotiate(const QByteArray &offered)
{
    if (offered.trimmed().isEmpty())
        return {1, {}};
    QList<int> versions;
    for (const QByteArray &part : offered.split(',')) {
        bool ok = false;
        const int version = part.trimmed().toInt(&ok);
        if (!ok || version < 0)
            return {0, u"The app sent an unreadable protocol version ('%1')."_s.arg(QString::fromLatin1(offered.left(40)))};
        versions << version;
    }
    int chosen = 0;
    for (int version : std::as_const(versions)) {
        if (version >= kOldestProtocolVersion && version <= kProtocolVersion)
            chosen = std::max(chosen, version);
    }
    if (chosen > 0)
        return {chosen, {}};
    const int newest = *std::max_element(versions.cbegin(), versions.cend());
    const QString speaks = kOldestProtocolVersion == kProtocolVersion ? QString::number(kProtocolVersion)
                                                                      : u"%1 to %2"_s.arg(kOldestProtocolVersion).arg(kProtocolVersion);
    if (newest > kProtocolVersion)
        return {0, u"This server speaks sync protocol %1 and the app speaks %2: update the server."_s
                       .arg(speaks, QString::fromLatin1(offered.trimmed().left(40)))};
    return {0, u"This server speaks sync protocol %1 and the app speaks %2: update the app."_s
                   .arg(speaks, QString::fromLatin1(offered.trimmed().left(40)))};
}

Negotiation checkServerVersion(const QByteArray &answered)
{
    if (answered.trimmed().isEmpty())
        return {1, {}};
    bool ok = false;
    const int version = answered.trimmed().toInt(&ok);
    if (ok && version >= kOldestProtocolVersion && version <= kProtocolVersion)
        return {version, {}};
    if (ok && version > kProtocolVersion)
        return {0, u"The server speaks sync protocol %1 and this app speaks %2: update the app."_s
                       .arg(version).arg(kProtocolVersion)};
    return {0, u"The server speaks sync protocol '%1' and this app speaks %2: update the server."_s
                   .arg(QString::fromLatin1(answered.left(40))).arg(kProtocolVersion)};
}

QString statusName(OpResult::Status status)
{
    switch (status) {
    case OpResult::Status::Applied:
        return u"applied"_s;
    case OpResult::Status::Merged:
        return u"merged"_s;
    case OpResult::Status::Conflict:
        return u"conflict"_s;
    case OpResult::Status::Rejected:
        return u"rejected"_s;
    }
    return {};
}

std::expected<Operation, QString> decodeOperation(const QJsonObject &json, const Limits &limits)
{
    const auto text = [&](const char *name, QString &out) -> std::optional<QString> {
        const QJsonValue value = json.value(QLatin1StringView(name));
        if (!value.isString())
            return u"'%1' must be a string"_s.arg(QLatin1StringView(name));
        out = value.toString();
        if (out.isEmpty() || out.size() > limits.maxIdLength)
            return u"'%1' must be 1 to %2 characters"_s.arg(QLatin1StringView(name)).arg(limits.maxIdLength);
        return std::nullopt;
    };
    Operation op;
    for (auto [name, target] : {std::pair{"op_id", &op.opId}, std::pair{"device", &op.device},
                                std::pair{"kind", &op.kind}, std::pair{"entity", &op.entityId},
                                std::pair{"hlc", &op.hlc}}) {
        if (auto problem = text(name, *target))
            return std::unexpected(*problem);
    }
    if (!isUuid(op.opId))
        return std::unexpected(u"'op_id' must be a lower-case UUID"_s);
    if (!isUuid(op.entityId))
        return std::unexpected(u"'entity' must be a lower-case UUID"_s);
    if (op.kind != QLatin1String("collection") && op.kind != QLatin1String("note") && op.kind != QLatin1String("task"))
        return std::unexpected(u"this server does not know the kind '%1' (it knows collection, note and task); update the server to sync it"_s
                                   .arg(op.kind));
    const QJsonValue base = json.value(u"base_rev"_s);
    if (!base.isDouble() || base.toDouble() < 0 || base.toDouble() != double(qint64(base.toDouble())))
        return std::unexpected(u"'base_rev' must be a whole number, 0 or more"_s);
    op.baseRev = qint64(base.toDouble());
    const QJsonValue resolves = json.value(u"resolves"_s);
    if (!resolves.isUndefined()) {
        if (!resolves.isArray() || resolves.toArray().size() > 50)
            return std::unexpected(u"'resolves' must be a list of at most 50 conflict ids"_s);
        for (const QJsonValue &id : resolves.toArray()) {
            if (!id.isString() || !isUuid(id.toString()))
                return std::unexpected(u"'resolves' must hold conflict ids"_s);
            op.resolves << id.toString();
        }
    }
    const QJsonValue fields = json.value(u"fields"_s);
    if (!fields.isObject())
        return std::unexpected(u"'fields' must be an object"_s);
    op.fields = fields.toObject();
    if (op.fields.isEmpty() || op.fields.size() > limits.maxFieldsPerOp)
        return std::unexpected(u"'fields' must have 1 to %1 members"_s.arg(limits.maxFieldsPerOp));
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > limits.maxIdLength)
            return std::unexpected(u"a field name must be 1 to %1 characters"_s.arg(limits.maxIdLength));
        if (const qsizetype bytes = jsonBytes(it.value()); bytes > limits.maxStringBytes)
            return std::unexpected(u"field '%1' is %2 (%3 bytes), more than the %4 (%5 bytes) a field may hold"_s
                                       .arg(it.key(), sizeForPeople(bytes), QLocale::c().toString(bytes),
                                            sizeForPeople(limits.maxStringBytes),
                                            QLocale::c().toString(limits.maxStringBytes)));
        if (auto problem = fieldTypeProblem(op.kind, it.key(), it.value()))
            return std::unexpected(*problem);
    }
    return op;
}

std::optional<QString> answerableOpId(const QJsonObject &json)
{
    const QJsonValue opId = json.value(u"op_id"_s);
    if (!opId.isString() || !isUuid(opId.toString()))
        return std::nullopt;
    return opId.toString();
}

QJsonObject encodeOperation(const Operation &op)
{
    QJsonObject json{{u"op_id"_s, op.opId}, {u"device"_s, op.device}, {u"kind"_s, op.kind}, {u"entity"_s, op.entityId},
                     {u"fields"_s, op.fields}, {u"base_rev"_s, op.baseRev}, {u"hlc"_s, op.hlc}};
    if (!op.resolves.isEmpty())
        json.insert(u"resolves"_s, QJsonArray::fromStringList(op.resolves));
    return json;
}

QJsonObject encodeResult(const OpResult &result)
{
    QJsonObject json{{u"op_id"_s, result.opId}, {u"status"_s, statusName(result.status)}, {u"rev"_s, result.rev}};
    if (!result.conflicts.isEmpty())
        json.insert(u"conflicts"_s, QJsonArray::fromStringList(result.conflicts));
    if (!result.reason.isEmpty())
        json.insert(u"reason"_s, result.reason);
    return json;
}

std::expected<OpResult, QString> decodeResult(const QJsonObject &json)
{
    OpResult result;
    result.opId = json.value(u"op_id"_s).toString();
    const QString status = json.value(u"status"_s).toString();
    if (status == QLatin1String("applied"))
        result.status = OpResult::Status::Applied;
    else if (status == QLatin1String("merged"))
        result.status = OpResult::Status::Merged;
    else if (status == QLatin1String("conflict"))
        result.status = OpResult::Status::Conflict;
    else if (status == QLatin1String("rejected"))
        result.status = OpResult::Status::Rejected;
    else
        return std::unexpected(u"unknown status '%1'"_s.arg(status));
    if (result.opId.isEmpty())
        return std::unexpected(u"a result without 'op_id'"_s);
    result.rev = qint64(json.value(u"rev"_s).toDouble());
    for (const QJsonValue &id : json.value(u"conflicts"_s).toArray())
        result.conflicts << id.toString();
    result.reason = json.value(u"reason"_s).toString();
    return result;
}

QString decisionEventId(const QString &opId, const QString &decided)
{
    static const QUuid kDecisions = QUuid::fromString(QLatin1String("6f1e2a8c-3b7d-4e0a-9c55-2d8f4b1a7e63"));
    return QUuid::createUuidV5(kDecisions, opId + QLatin1Char('/') + decided).toString(QUuid::WithoutBraces);
}

} // namespace tidemark::sync
