#include "entity.h"

#include "due.h"
#include "ids.h"
#include "recurrence.h"
#include "sortkey.h"

#include "sync/protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::model {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Collection:
        return u"collection"_s;
    case Kind::Note:
        return u"note"_s;
    case Kind::Task:
        return u"task"_s;
    }
    return {};
}

std::optional<Kind> kindFromName(QStringView name)
{
    if (name == QLatin1String("collection"))
        return Kind::Collection;
    if (name == QLatin1String("note"))
        return Kind::Note;
    if (name == QLatin1String("task"))
        return Kind::Task;
    return std::nullopt;
}

QString valueText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue valueFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().first();
}

QString plainSnippet(const QString &body)
{
    QString out;
    out.reserve(std::min<qsizetype>(body.size(), 140));
    bool lineStart = true;
    for (qsizetype i = 0; i < body.size() && out.size() < 140; ++i) {
        const QChar c = body.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(' ')))
                out += QLatin1Char(' ');
            lineStart = true;
            continue;
        }
        if (lineStart && (c == QLatin1Char('#') || c == QLatin1Char('>') || c == QLatin1Char('-')
                          || c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char(' ')))
            continue;
        lineStart = false;
        if (c == QLatin1Char('*') || c == QLatin1Char('_') || c == QLatin1Char('`'))
            continue;
        out += c;
    }
    return out.trimmed();
}

namespace Fields {

namespace {

constexpr qsizetype kMaxTitle = 1000;
constexpr qsizetype kMaxName = 200;
constexpr qsizetype kMaxTag = 100;
constexpr qsizetype kMaxTags = 100;

Result<QJsonValue> expectBool(const QString &field, const QJsonValue &value)
{
    if (!value.isBool())
        return std::unexpected(Error::invalid(field + u" must be true or false"_s));
    return value;
}

Result<QJsonValue> expectString(const QString &field, const QJsonValue &value, qsizetype max)
{
    if (!value.isString())
        return std::unexpected(Error::invalid(field + u" must be text"_s));
    if (value.toString().size() > max)
        return std::unexpected(Error::invalid(field + u" is longer than %1 characters"_s.arg(max)));
    return value;
}

Result<QJsonValue> expectReference(const QString &field, const QJsonValue &value)
{
    if (value.isNull())
        return value;
    if (!value.isString() || !isValidId(value.toString()))
        return std::unexpected(Error::invalid(field + u" must be an id or null"_s));
    return value;
}

Result<QJsonValue> normaliseTags(const QJsonValue &value)
{
    if (!value.isArray())
        return std::unexpected(Error::invalid(u"tags must be a list of words"_s));
    QStringList tags;
    for (const QJsonValue &tag : value.toArray()) {
        if (!tag.isString())
            return std::unexpected(Error::invalid(u"tags must be a list of words"_s));
        QString text = tag.toString().trimmed();
        if (text.startsWith(QLatin1Char('#')))
            text.remove(0, 1);
        if (text.isEmpty())
            continue;
        if (text.size() > kMaxTag || text.contains(QLatin1Char(',')))
            return std::unexpected(Error::invalid(u"tag '%1' is too long or contains a comma"_s.arg(text)));
        tags << text;
    }
    std::ranges::sort(tags);
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    if (tags.size() > kMaxTags)
        return std::unexpected(Error::invalid(u"more than %1 tags"_s.arg(kMaxTags)));
    return QJsonArray::fromStringList(tags);
}

} // namespace

const QStringList &known(Kind kind)
{
    static const QStringList collection{u"name"_s, u"color"_s, u"parent"_s, u"sort_key"_s, u"deleted"_s};
    static const QStringList note{u"collection"_s, u"title"_s, u"body"_s, u"tags"_s,
                                  u"pinned"_s,     u"archived"_s, u"deleted"_s};
    static const QStringList task{u"collection"_s, u"title"_s,    u"notes"_s,      u"due"_s,
                                  u"priority"_s,   u"done_at"_s,  u"parent"_s,     u"sort_key"_s,
                                  u"recurrence"_s, u"tags"_s,     u"deleted"_s};
    switch (kind) {
    case Kind::Collection:
        return collection;
    case Kind::Note:
        return note;
    case Kind::Task:
        return task;
    }
    return note;
}

bool isKnown(Kind kind, const QString &field) { return known(kind).contains(field); }

bool isText(Kind kind, const QString &field)
{
    return (kind == Kind::Note && field == QLatin1String("body"))
        || (kind == Kind::Task && field == QLatin1String("notes"));
}

QJsonObject defaults(Kind kind)
{
    switch (kind) {
    case Kind::Collection:
        return {{u"name"_s, QString()}, {u"color"_s, QString()}, {u"parent"_s, QJsonValue::Null},
                {u"sort_key"_s, QString()}, {u"deleted"_s, false}};
    case Kind::Note:
        return {{u"collection"_s, QJsonValue::Null}, {u"title"_s, QString()}, {u"body"_s, QString()},
                {u"tags"_s, QJsonArray()}, {u"pinned"_s, false}, {u"archived"_s, false},
                {u"deleted"_s, false}};
    case Kind::Task:
        return {{u"collection"_s, QJsonValue::Null}, {u"title"_s, QString()}, {u"notes"_s, QString()},
                {u"due"_s, QJsonValue::Null}, {u"priority"_s, 0}, {u"done_at"_s, QJsonValue::Null},
                {u"parent"_s, QJsonValue::Null}, {u"sort_key"_s, QString()},
                {u"recurrence"_s, QJsonValue::Null}, {u"tags"_s, QJsonArray()}, {u"deleted"_s, false}};
    }
    return {};
}

Result<QJsonValue> validate(Kind kind, const QString &field, const QJsonValue &value)
{
    if (!isKnown(kind, field))
        return std::unexpected(Error::invalid(u"a %1 has no field '%2'"_s.arg(kindName(kind), field)));
    if (field == QLatin1String("deleted") || field == QLatin1String("pinned")
        || field == QLatin1String("archived"))
        return expectBool(field, value);
    if (field == QLatin1String("title"))
        return expectString(field, value, kMaxTitle);
    if (field == QLatin1String("name")) {
        if (value.isString() && value.toString().trimmed().isEmpty())
            return std::unexpected(Error::invalid(u"a collection needs a name"_s));
        if (value.isString())
            return expectString(field, value.toString().trimmed(), kMaxName);
        return expectString(field, value, kMaxName);
    }
    if (field == QLatin1String("body") || field == QLatin1String("notes")) {
        if (!value.isString())
            return std::unexpected(Error::invalid(field + u" must be text"_s));
        // The server's limit by the server's measure (sync/protocol): what saves here syncs.
        if (const qsizetype bytes = sync::utf8Length(value.toString()); bytes > sync::kMaxTextBytes)
            return std::unexpected(Error::invalid(
                (field == QLatin1String("body") ? u"the note's text is %1 (%2 bytes in UTF-8); a note can hold at most %3 "
                                                    "(%4 bytes): shorten it or split it into several notes"_s
                                                : u"the task's notes are %1 (%2 bytes in UTF-8); they can hold at most %3 "
                                                    "(%4 bytes): shorten them"_s)
                    .arg(sync::sizeForPeople(bytes))
                    .arg(bytes)
                    .arg(sync::sizeForPeople(sync::kMaxTextBytes))
                    .arg(sync::kMaxTextBytes)));
        return value;
    }
    if (field == QLatin1String("tags"))
        return normaliseTags(value);
    if (field == QLatin1String("collection") || field == QLatin1String("parent"))
        return expectReference(field, value);
    if (field == QLatin1String("color")) {
        const QString colour = value.toString();
        static const QRegularExpression hex(u"^#[0-9a-fA-F]{6}$"_s);
        if (!value.isString() || (!colour.isEmpty() && !hex.match(colour).hasMatch()))
            return std::unexpected(Error::invalid(u"color must be #rrggbb or empty"_s));
        return colour.toLower();
    }
    if (field == QLatin1String("sort_key")) {
        if (!value.isString() || (!value.toString().isEmpty() && !SortKey::isValid(value.toString())))
            return std::unexpected(Error::invalid(u"sort_key is not a valid key"_s));
        return value;
    }
    if (field == QLatin1String("priority")) {
        const double p = value.toDouble(-1);
        if (!value.isDouble() || p != static_cast<int>(p) || p < 0 || p > 3)
            return std::unexpected(Error::invalid(u"priority must be 0, 1, 2 or 3"_s));
        return static_cast<int>(p);
    }
    if (field == QLatin1String("due")) {
        if (value.isNull())
            return value;
        const auto due = value.isString() ? Due::parse(value.toString()) : std::nullopt;
        if (!due)
            return std::unexpected(Error::invalid(
                u"due must be a date (2026-12-01) or a date and time (2026-12-01T09:30[Europe/Berlin])"_s));
        return due->toString();
    }
    if (field == QLatin1String("done_at")) {
        if (value.isNull())
            return value;
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!value.isString() || !at.isValid())
            return std::unexpected(Error::invalid(u"done_at must be an ISO 8601 date-time or null"_s));
        return at.toUTC().toString(Qt::ISODateWithMs);
    }
    if (field == QLatin1String("recurrence")) {
        if (value.isNull())
            return value;
        const auto rule = value.isString() ? Recurrence::parse(value.toString()) : std::nullopt;
        if (!rule)
            return std::unexpected(
                Error::invalid(u"recurrence must be like FREQ=WEEKLY;INTERVAL=2 (DAILY, WEEKLY, MONTHLY, YEARLY)"_s));
        return rule->toString();
    }
    return std::unexpected(Error::invalid(u"no rule for field '%1'"_s.arg(field)));
}

} // namespace Fields
} // namespace tidemark::model
