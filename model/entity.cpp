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

namespace tidemark::model {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Collection:
        return QStringLiteral("collection");
    case Kind::Note:
        return QStringLiteral("note");
    case Kind::Task:
        return QStringLiteral("task");
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

QString s(const char *text) { return QString::fromLatin1(text); }

Result<QJsonValue> expectBool(const QString &field, const QJsonValue &value)
{
    if (!value.isBool())
        return std::unexpected(Error::invalid(field + s(" must be true or false")));
    return value;
}

Result<QJsonValue> expectString(const QString &field, const QJsonValue &value, qsizetype max)
{
    if (!value.isString())
        return std::unexpected(Error::invalid(field + s(" must be text")));
    if (value.toString().size() > max)
        return std::unexpected(Error::invalid(field + s(" is longer than %1 characters").arg(max)));
    return value;
}

Result<QJsonValue> expectReference(const QString &field, const QJsonValue &value)
{
    if (value.isNull())
        return value;
    if (!value.isString() || !isValidId(value.toString()))
        return std::unexpected(Error::invalid(field + s(" must be an id or null")));
    return value;
}

Result<QJsonValue> normaliseTags(const QJsonValue &value)
{
    if (!value.isArray())
        return std::unexpected(Error::invalid(s("tags must be a list of words")));
    QStringList tags;
    for (const QJsonValue &tag : value.toArray()) {
        if (!tag.isString())
            return std::unexpected(Error::invalid(s("tags must be a list of words")));
        QString text = tag.toString().trimmed();
        if (text.startsWith(QLatin1Char('#')))
            text.remove(0, 1);
        if (text.isEmpty())
            continue;
        if (text.size() > kMaxTag || text.contains(QLatin1Char(',')))
            return std::unexpected(Error::invalid(s("tag '%1' is too long or contains a comma").arg(text)));
        tags << text;
    }
    std::ranges::sort(tags);
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    if (tags.size() > kMaxTags)
        return std::unexpected(Error::invalid(s("more than %1 tags").arg(kMaxTags)));
    return QJsonArray::fromStringList(tags);
}

} // namespace

const QStringList &known(Kind kind)
{
    static const QStringList collection{s("name"), s("color"), s("parent"), s("sort_key"), s("deleted")};
    static const QStringList note{s("collection"), s("title"), s("body"), s("tags"),
                                  s("pinned"),     s("archived"), s("deleted")};
    static const QStringList task{s("collection"), s("title"),    s("notes"),      s("due"),
                                  s("priority"),   s("done_at"),  s("parent"),     s("sort_key"),
                                  s("recurrence"), s("tags"),     s("deleted")};
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
        return {{s("name"), QString()}, {s("color"), QString()}, {s("parent"), QJsonValue::Null},
                {s("sort_key"), QString()}, {s("deleted"), false}};
    case Kind::Note:
        return {{s("collection"), QJsonValue::Null}, {s("title"), QString()}, {s("body"), QString()},
                {s("tags"), QJsonArray()}, {s("pinned"), false}, {s("archived"), false},
                {s("deleted"), false}};
    case Kind::Task:
        return {{s("collection"), QJsonValue::Null}, {s("title"), QString()}, {s("notes"), QString()},
                {s("due"), QJsonValue::Null}, {s("priority"), 0}, {s("done_at"), QJsonValue::Null},
                {s("parent"), QJsonValue::Null}, {s("sort_key"), QString()},
                {s("recurrence"), QJsonValue::Null}, {s("tags"), QJsonArray()}, {s("deleted"), false}};
    }
    return {};
}

Result<QJsonValue> validate(Kind kind, const QString &field, const QJsonValue &value)
{
    if (!isKnown(kind, field))
        return std::unexpected(Error::invalid(s("a %1 has no field '%2'").arg(kindName(kind), field)));
    if (field == QLatin1String("deleted") || field == QLatin1String("pinned")
        || field == QLatin1String("archived"))
        return expectBool(field, value);
    if (field == QLatin1String("title"))
        return expectString(field, value, kMaxTitle);
    if (field == QLatin1String("name")) {
        if (value.isString() && value.toString().trimmed().isEmpty())
            return std::unexpected(Error::invalid(s("a collection needs a name")));
        if (value.isString())
            return expectString(field, value.toString().trimmed(), kMaxName);
        return expectString(field, value, kMaxName);
    }
    if (field == QLatin1String("body") || field == QLatin1String("notes")) {
        if (!value.isString())
            return std::unexpected(Error::invalid(field + s(" must be text")));
        // The server's limit by the server's measure (sync/protocol): what saves here syncs.
        if (const qsizetype bytes = sync::utf8Length(value.toString()); bytes > sync::kMaxTextBytes)
            return std::unexpected(Error::invalid(
                (field == QLatin1String("body") ? s("the note's text is %1 (%2 bytes in UTF-8); a note can hold at most %3 "
                                                    "(%4 bytes): shorten it or split it into several notes")
                                                : s("the task's notes are %1 (%2 bytes in UTF-8); they can hold at most %3 "
                                                    "(%4 bytes): shorten them"))
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
        static const QRegularExpression hex(s("^#[0-9a-fA-F]{6}$"));
        if (!value.isString() || (!colour.isEmpty() && !hex.match(colour).hasMatch()))
            return std::unexpected(Error::invalid(s("color must be #rrggbb or empty")));
        return colour.toLower();
    }
    if (field == QLatin1String("sort_key")) {
        if (!value.isString() || (!value.toString().isEmpty() && !SortKey::isValid(value.toString())))
            return std::unexpected(Error::invalid(s("sort_key is not a valid key")));
        return value;
    }
    if (field == QLatin1String("priority")) {
        const double p = value.toDouble(-1);
        if (!value.isDouble() || p != static_cast<int>(p) || p < 0 || p > 3)
            return std::unexpected(Error::invalid(s("priority must be 0, 1, 2 or 3")));
        return static_cast<int>(p);
    }
    if (field == QLatin1String("due")) {
        if (value.isNull())
            return value;
        const auto due = value.isString() ? Due::parse(value.toString()) : std::nullopt;
        if (!due)
            return std::unexpected(Error::invalid(
                s("due must be a date (2026-12-01) or a date and time (2026-12-01T09:30[Europe/Berlin])")));
        return due->toString();
    }
    if (field == QLatin1String("done_at")) {
        if (value.isNull())
            return value;
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!value.isString() || !at.isValid())
            return std::unexpected(Error::invalid(s("done_at must be an ISO 8601 date-time or null")));
        return at.toUTC().toString(Qt::ISODateWithMs);
    }
    if (field == QLatin1String("recurrence")) {
        if (value.isNull())
            return value;
        const auto rule = value.isString() ? Recurrence::parse(value.toString()) : std::nullopt;
        if (!rule)
            return std::unexpected(
                Error::invalid(s("recurrence must be like FREQ=WEEKLY;INTERVAL=2 (DAILY, WEEKLY, MONTHLY, YEARLY)")));
        return rule->toString();
    }
    return std::unexpected(Error::invalid(s("no rule for field '%1'").arg(field)));
}

} // namespace Fields
} // namespace tidemark::model
