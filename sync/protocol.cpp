#include "protocol.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace tidemark::sync {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

bool isUuid(const QString &text)
{
    static const QRegularExpression uuid(
        s("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
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
    static const QHash<QString, Type> collection{{s("name"), Type::Text}, {s("color"), Type::Text},
                                                 {s("parent"), Type::OptionalText}, {s("sort_key"), Type::Text},
                                                 {s("deleted"), Type::Flag}};
    static const QHash<QString, Type> note{{s("collection"), Type::OptionalText}, {s("title"), Type::Text},
                                           {s("body"), Type::Text}, {s("tags"), Type::Tags},
                                           {s("pinned"), Type::Flag}, {s("archived"), Type::Flag},
                                           {s("deleted"), Type::Flag}};
    static const QHash<QString, Type> task{{s("collection"), Type::OptionalText}, {s("title"), Type::Text},
                                           {s("notes"), Type::Text}, {s("due"), Type::OptionalText},
                                           {s("priority"), Type::Priority}, {s("done_at"), Type::OptionalText},
                                           {s("parent"), Type::OptionalText}, {s("sort_key"), Type::Text},
                                           {s("recurrence"), Type::OptionalText}, {s("tags"), Type::Tags},
                                           {s("deleted"), Type::Flag}};
    const QHash<QString, Type> &known = kind == QLatin1String("collection") ? collection
                                      : kind == QLatin1String("task")       ? task
                                                                            : note;
    const auto it = known.constFind(field);
    if (it == known.cend())
        return std::nullopt; // a field from a newer version: kept as it is
    return it.value();
}

std::optional<QString> typeProblem(const QString &kind, const QString &field, const QJsonValue &value)
{
    const auto type = fieldType(kind, field);
    if (!type)
        return std::nullopt;
    switch (*type) {
    case Type::Text:
        if (!value.isString())
            return s("field '%1' must be text").arg(field);
        break;
    case Type::OptionalText:
        if (!value.isString() && !value.isNull())
            return s("field '%1' must be text or null").arg(field);
        break;
    case Type::Flag:
        if (!value.isBool())
            return s("field '%1' must be true or false").arg(field);
        break;
    case Type::Tags:
        if (!value.isArray())
            return s("field 'tags' must be a list of words");
        for (const QJsonValue &tag : value.toArray()) {
            if (!tag.isString())
                return s("field 'tags' must be a list of words");
        }
        break;
    case Type::Priority: {
        const double p = value.toDouble(-1);
        if (!value.isDouble() || p != double(int(p)) || p < 0 || p > 3)
            return s("field 'priority' must be 0, 1, 2 or 3");
        break;
    }
    }
    return std::nullopt;
}

} // namespace

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
            return {0, s("The app sent an unreadable protocol version ('%1').").arg(QString::fromLatin1(offered.left(40)))};
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
                                                                      : s("%1 to %2").arg(kOldestProtocolVersion).arg(kProtocolVersion);
    if (newest > kProtocolVersion)
        return {0, s("This server speaks sync protocol %1 and the app speaks %2: update the server.")
                       .arg(speaks, QString::fromLatin1(offered.trimmed().left(40)))};
    return {0, s("This server speaks sync protocol %1 and the app speaks %2: update the app.")
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
        return {0, s("The server speaks sync protocol %1 and this app speaks %2: update the app.")
                       .arg(version).arg(kProtocolVersion)};
    return {0, s("The server speaks sync protocol '%1' and this app speaks %2: update the server.")
                   .arg(QString::fromLatin1(answered.left(40))).arg(kProtocolVersion)};
}

QString statusName(OpResult::Status status)
{
    switch (status) {
    case OpResult::Status::Applied:
        return s("applied");
    case OpResult::Status::Merged:
        return s("merged");
    case OpResult::Status::Conflict:
        return s("conflict");
    case OpResult::Status::Rejected:
        return s("rejected");
    }
    return {};
}

std::expected<Operation, QString> decodeOperation(const QJsonObject &json, const Limits &limits)
{
    const auto text = [&](const char *name, QString &out) -> std::optional<QString> {
        const QJsonValue value = json.value(QLatin1StringView(name));
        if (!value.isString())
            return s("'%1' must be a string").arg(QLatin1StringView(name));
        out = value.toString();
        if (out.isEmpty() || out.size() > limits.maxIdLength)
            return s("'%1' must be 1 to %2 characters").arg(QLatin1StringView(name)).arg(limits.maxIdLength);
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
        return std::unexpected(s("'op_id' must be a lower-case UUID"));
    if (!isUuid(op.entityId))
        return std::unexpected(s("'entity' must be a lower-case UUID"));
    if (op.kind != QLatin1String("collection") && op.kind != QLatin1String("note") && op.kind != QLatin1String("task"))
        return std::unexpected(s("this server does not know the kind '%1' (it knows collection, note and task); update the server to sync it")
                                   .arg(op.kind));
    const QJsonValue base = json.value(s("base_rev"));
    if (!base.isDouble() || base.toDouble() < 0 || base.toDouble() != double(qint64(base.toDouble())))
        return std::unexpected(s("'base_rev' must be a whole number, 0 or more"));
    op.baseRev = qint64(base.toDouble());
    const QJsonValue resolves = json.value(s("resolves"));
    if (!resolves.isUndefined()) {
        if (!resolves.isArray() || resolves.toArray().size() > 50)
            return std::unexpected(s("'resolves' must be a list of at most 50 conflict ids"));
        for (const QJsonValue &id : resolves.toArray()) {
            if (!id.isString() || !isUuid(id.toString()))
                return std::unexpected(s("'resolves' must hold conflict ids"));
            op.resolves << id.toString();
        }
    }
    const QJsonValue fields = json.value(s("fields"));
    if (!fields.isObject())
        return std::unexpected(s("'fields' must be an object"));
    op.fields = fields.toObject();
    if (op.fields.isEmpty() || op.fields.size() > limits.maxFieldsPerOp)
        return std::unexpected(s("'fields' must have 1 to %1 members").arg(limits.maxFieldsPerOp));
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > limits.maxIdLength)
            return std::unexpected(s("a field name must be 1 to %1 characters").arg(limits.maxIdLength));
        if (const qsizetype bytes = jsonBytes(it.value()); bytes > limits.maxStringBytes)
            return std::unexpected(s("field '%1' is %2 (%3 bytes), more than the %4 (%5 bytes) a field may hold")
                                       .arg(it.key(), sizeForPeople(bytes), QLocale::c().toString(bytes),
                                            sizeForPeople(limits.maxStringBytes),
                                            QLocale::c().toString(limits.maxStringBytes)));
        if (auto problem = typeProblem(op.kind, it.key(), it.value()))
            return std::unexpected(*problem);
    }
    return op;
}

std::optional<QString> answerableOpId(const QJsonObject &json)
{
    const QJsonValue opId = json.value(s("op_id"));
    if (!opId.isString() || !isUuid(opId.toString()))
        return std::nullopt;
    return opId.toString();
}

QJsonObject encodeOperation(const Operation &op)
{
    QJsonObject json{{s("op_id"), op.opId}, {s("device"), op.device}, {s("kind"), op.kind}, {s("entity"), op.entityId},
                     {s("fields"), op.fields}, {s("base_rev"), op.baseRev}, {s("hlc"), op.hlc}};
    if (!op.resolves.isEmpty())
        json.insert(s("resolves"), QJsonArray::fromStringList(op.resolves));
    return json;
}

QJsonObject encodeResult(const OpResult &result)
{
    QJsonObject json{{s("op_id"), result.opId}, {s("status"), statusName(result.status)}, {s("rev"), result.rev}};
    if (!result.conflicts.isEmpty())
        json.insert(s("conflicts"), QJsonArray::fromStringList(result.conflicts));
    if (!result.reason.isEmpty())
        json.insert(s("reason"), result.reason);
    return json;
}

std::expected<OpResult, QString> decodeResult(const QJsonObject &json)
{
    OpResult result;
    result.opId = json.value(s("op_id")).toString();
    const QString status = json.value(s("status")).toString();
    if (status == QLatin1String("applied"))
        result.status = OpResult::Status::Applied;
    else if (status == QLatin1String("merged"))
        result.status = OpResult::Status::Merged;
    else if (status == QLatin1String("conflict"))
        result.status = OpResult::Status::Conflict;
    else if (status == QLatin1String("rejected"))
        result.status = OpResult::Status::Rejected;
    else
        return std::unexpected(s("unknown status '%1'").arg(status));
    if (result.opId.isEmpty())
        return std::unexpected(s("a result without 'op_id'"));
    result.rev = qint64(json.value(s("rev")).toDouble());
    for (const QJsonValue &id : json.value(s("conflicts")).toArray())
        result.conflicts << id.toString();
    result.reason = json.value(s("reason")).toString();
    return result;
}

QString decisionEventId(const QString &opId, const QString &decided)
{
    static const QUuid kDecisions = QUuid::fromString(QLatin1String("6f1e2a8c-3b7d-4e0a-9c55-2d8f4b1a7e63"));
    return QUuid::createUuidV5(kDecisions, opId + QLatin1Char('/') + decided).toString(QUuid::WithoutBraces);
}

} // namespace tidemark::sync
