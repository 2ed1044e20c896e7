#include "exchange.h"

#include "entity.h"
#include "ids.h"
#include "store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tidemark::model::Exchange {

namespace {

constexpr qint64 kMaxImportFile = 8 * 1024 * 1024;

// Front-matter values are written as JSON scalars and arrays, which YAML reads the same way.
QString yamlValue(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Plain only when YAML cannot read it as anything but text: starts with a letter.
        static const QRegularExpression plain(u"^\\p{L}[\\p{L}\\p{N} ._/+-]*$"_s);
        if (plain.match(text).hasMatch() && text.trimmed() == text && text != u"true"_s && text != u"false"_s
            && text != u"null"_s)
            return text;
    }
    QJsonArray wrapper{value};
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QJsonValue parseYamlValue(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty() || text == u"null"_s || text == u"~"_s)
        return QJsonValue::Null;
    if (text == u"true"_s)
        return true;
    if (text == u"false"_s)
        return false;
    if (text.startsWith(QLatin1Char('"')) || text.startsWith(QLatin1Char('[')) || text.front().isDigit()) {
        const QJsonDocument doc = QJsonDocument::fromJson((QLatin1Char('[') + text + QLatin1Char(']')).toUtf8());
        if (doc.isArray() && doc.array().size() == 1)
            return doc.array().first();
    }
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']'))) {
        // A YAML flow list of bare words: [a, b c, d]
        QJsonArray items;
        for (const QString &item : text.mid(1, text.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(item.trimmed());
        return items;
    }
    if (text.size() >= 2 && text.startsWith(QLatin1Char('\'')) && text.endsWith(QLatin1Char('\'')))
        return text.mid(1, text.size() - 2).replace(u"''"_s, u"'"_s);
    return text;
}

QString fileNameFor(const Entity &e)
{
    QString base = e.string(u"title"_s).trimmed();
    base.replace(QRegularExpression(u"[\\\\/:*?\"<>|\\x00-\\x1f]"_s), u" "_s);
    base = base.simplified().left(80);
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base = e.kind == Kind::Task ? u"Task"_s : u"Note"_s;
    return base + u" ("_s + e.id.right(8) + u").md"_s; // the random end of the id
}

Result<void> writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return std::unexpected(Error::io(u"cannot write %1: %2"_s.arg(path, file.errorString())));
    return {};
}

// Every live collection, note and task, after making sure the export folder exists.
Result<QList<Entity>> liveEntities(const Store &store, const QString &directory, QHash<QString, QString> &collectionNames)
{
    if (!QDir().mkpath(directory))
        return std::unexpected(Error::io(u"cannot create %1"_s.arg(directory)));
    auto collections = store.collections();
    if (!collections)
        return std::unexpected(collections.error());
    QList<Entity> entities;
    for (const CollectionRow &row : *collections) {
        collectionNames.insert(row.id, row.name);
        if (auto e = store.entity(row.id))
            entities.append(*e);
    }
    auto rows = store.items(ItemFilter::all());
    if (!rows)
        return std::unexpected(rows.error());
    for (const ItemRow &row : *rows) {
        if (auto e = store.entity(row.id))
            entities.append(*e);
    }
    return entities;
}

struct ParsedFile
{
    QString path;
    QString id;   // empty: a new item
    Kind kind = Kind::Note;
    QString collectionName;
    QJsonObject fields;
};

Result<ParsedFile> parseMarkdown(const QString &path)
{
    QFile file(path);
    if (file.size() > kMaxImportFile)
        return std::unexpected(Error::invalid(u"%1: larger than %2 MB"_s.arg(path).arg(kMaxImportFile >> 20)));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error::io(u"%1: %2"_s.arg(path, file.errorString())));
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::unexpected(Error::invalid(u"%1: not UTF-8 text"_s.arg(path)));
    text.replace(u"\r\n"_s, u"\n"_s);

    ParsedFile parsed;
    parsed.path = path;
    QJsonObject front;
    QString body = text;
    if (text.startsWith(u"---\n"_s)) {
        // The closing line is exactly "---" (an empty block closes on the second line).
        static const QRegularExpression closing(u"^---[ \\t]*$"_s, QRegularExpression::MultilineOption);
        const auto close = closing.match(text, 4);
        if (!close.hasMatch())
            return std::unexpected(Error::invalid(u"%1: the front matter has no closing ---"_s.arg(path)));
        const qsizetype end = close.capturedStart() - 1; // the newline before it
        const QStringList lines = end > 4 ? text.mid(4, end - 4).split(QLatin1Char('\n')) : QStringList();
        int number = 1;
        for (const QString &line : lines) {
            ++number;
            if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
                continue;
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return std::unexpected(Error::invalid(u"%1:%2: expected 'key: value'"_s.arg(path).arg(number)));
            front.insert(line.left(colon).trimmed(), parseYamlValue(line.mid(colon + 1)));
        }
        qsizetype bodyStart = close.capturedEnd();
        if (bodyStart < text.size() && text.at(bodyStart) == QLatin1Char('\n'))
            ++bodyStart;
        body = text.mid(bodyStart);
    }

    const QString kind = front.value(u"kind"_s).toString(u"note"_s);
    const auto parsedKind = kindFromName(kind);
    if (!parsedKind || *parsedKind == Kind::Collection)
        return std::unexpected(Error::invalid(u"%1: kind must be note or task, not '%2'"_s.arg(path, kind)));
    parsed.kind = *parsedKind;
    parsed.id = front.value(u"id"_s).toString();
    if (!parsed.id.isEmpty() && !isValidId(parsed.id))
        return std::unexpected(Error::invalid(u"%1: id '%2' is not a valid id"_s.arg(path, parsed.id)));
    // Front matter written by hand may leave a number unquoted (title: 2024).
    const auto textOf = [&front](const char *key) {
        const QJsonValue value = front.value(QLatin1StringView(key));
        return value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    };
    parsed.collectionName = textOf("collection").trimmed();

    QString title = textOf("title");
    if (title.isEmpty()) {
        // The first heading, else the file name.
        static const QRegularExpression heading(u"^#\\s+(.+)$"_s, QRegularExpression::MultilineOption);
        const auto match = heading.match(body);
        title = match.hasMatch() ? match.captured(1).trimmed() : QFileInfo(path).completeBaseName();
    }
    parsed.fields.insert(u"title"_s, title);
    parsed.fields.insert(parsed.kind == Kind::Task ? u"notes"_s : u"body"_s, body);
    const QStringList taskOnly{u"due"_s, u"priority"_s, u"recurrence"_s, u"done_at"_s};
    const QStringList noteOnly{u"pinned"_s, u"archived"_s};
    for (const QString &field : taskOnly + noteOnly + QStringList{u"tags"_s}) {
        if (!front.contains(field) || front.value(field).isNull())
            continue;
        if ((parsed.kind == Kind::Note && taskOnly.contains(field)) || (parsed.kind == Kind::Task && noteOnly.contains(field)))
            return std::unexpected(Error::invalid(u"%1: a %2 has no field '%3'"_s.arg(path, kind, field)));
        auto valid = Fields::validate(parsed.kind, field, front.value(field));
        if (!valid)
            return std::unexpected(Error::invalid(u"%1: %2"_s.arg(path, valid.error().message)));
        parsed.fields.insert(field, *valid);
    }
    for (const QString &field : {u"title"_s, parsed.kind == Kind::Task ? u"notes"_s : u"body"_s}) {
        auto valid = Fields::validate(parsed.kind, field, parsed.fields.value(field));
        if (!valid)
            return std::unexpected(Error::invalid(u"%1: %2"_s.arg(path, valid.error().message)));
    }
    return parsed;
}

} // namespace

Result<Summary> exportMarkdown(const Store &store, const QString &directory)
{
    QHash<QString, QString> names;
    auto entities = liveEntities(store, directory, names);
    if (!entities)
        return std::unexpected(entities.error());
    Summary summary;
    const QDir dir(directory);
    for (const Entity &e : *entities) {
        if (e.kind == Kind::Collection) {
            ++summary.collections;
            continue;
        }
        QString out = u"---\n"_s;
        const auto line = [&out](const QString &key, const QJsonValue &value) {
            out += key + u": "_s + yamlValue(value) + QLatin1Char('\n');
        };
        line(u"id"_s, e.id);
        line(u"kind"_s, kindName(e.kind));
        line(u"title"_s, e.string(u"title"_s));
        const QString collection = names.value(e.string(u"collection"_s));
        if (!collection.isEmpty())
            line(u"collection"_s, collection);
        if (!e.fields.value(u"tags"_s).toArray().isEmpty())
            line(u"tags"_s, e.fields.value(u"tags"_s));
        if (e.kind == Kind::Note) {
            if (e.flag(u"pinned"_s))
                line(u"pinned"_s, true);
            if (e.flag(u"archived"_s))
                line(u"archived"_s, true);
        } else {
            for (const QString &field : {u"due"_s, u"priority"_s, u"recurrence"_s, u"done_at"_s}) {
                const QJsonValue value = e.fields.value(field);
                if (!value.isNull() && !(field == u"priority"_s && value.toInt() == 0))
                    line(field, value);
            }
        }
        line(u"created"_s, QDateTime::fromMSecsSinceEpoch(e.createdAt, QTimeZone::UTC).toString(Qt::ISODate));
        line(u"updated"_s, QDateTime::fromMSecsSinceEpoch(e.updatedAt, QTimeZone::UTC).toString(Qt::ISODate));
        out += u"---\n"_s;
        out += e.string(e.kind == Kind::Task ? u"notes"_s : u"body"_s);
        const QString path = dir.filePath(fileNameFor(e));
        if (auto written = writeFile(path, out.toUtf8()); !written)
            return std::unexpected(written.error());
        summary.files << path;
        ++(e.kind == Kind::Task ? summary.tasks : summary.notes);
    }
    return summary;
}

Result<Summary> exportJson(const Store &store, const QString &directory)
{
    QHash<QString, QString> names;
    auto entities = liveEntities(store, directory, names);
    if (!entities)
        return std::unexpected(entities.error());
    Summary summary;
    QJsonArray collections, notes, tasks;
    for (const Entity &e : *entities) {
        QJsonObject object = e.fields;
        object.insert(u"id"_s, e.id);
        object.insert(u"created"_s, QDateTime::fromMSecsSinceEpoch(e.createdAt, QTimeZone::UTC).toString(Qt::ISODateWithMs));
        object.insert(u"updated"_s, QDateTime::fromMSecsSinceEpoch(e.updatedAt, QTimeZone::UTC).toString(Qt::ISODateWithMs));
        switch (e.kind) {
        case Kind::Collection:
            collections.append(object);
            ++summary.collections;
            break;
        case Kind::Note:
            notes.append(object);
            ++summary.notes;
            break;
        case Kind::Task:
            tasks.append(object);
            ++summary.tasks;
            break;
        }
    }
    const QJsonObject root{{u"format"_s, u"tidemark-export"_s}, {u"version"_s, 1}, {u"collections"_s, collections},
                           {u"notes"_s, notes}, {u"tasks"_s, tasks}};
    const QString path = QDir(directory).filePath(u"tidemark.json"_s);
    if (auto written = writeFile(path, QJsonDocument(root).toJson(QJsonDocument::Indented)); !written)
        return std::unexpected(written.error());
    summary.files << path;
    return summary;
}

Result<Summary> importMarkdown(Store &store, const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return std::unexpected(Error::io(u"no folder %1"_s.arg(directory)));
    QList<ParsedFile> files;
    QStringList problems;
    for (const QFileInfo &info : dir.entryInfoList({u"*.md"_s, u"*.markdown"_s}, QDir::Files, QDir::Name)) {
        auto parsed = parseMarkdown(info.filePath());
        if (parsed)
            files.append(*parsed);
        else
            problems << parsed.error().message;
    }
    for (const ParsedFile &file : files) {
        if (file.id.isEmpty())
            continue;
        if (const auto existing = store.entity(file.id); existing && existing->kind != file.kind)
            problems << u"%1: id %2 belongs to a %3 here"_s.arg(file.path, file.id, kindName(existing->kind));
    }
    if (!problems.isEmpty())
        return std::unexpected(Error::invalid(u"nothing imported; fix these files first:\n"_s + problems.join(QLatin1Char('\n'))));

    auto collections = store.collections();
    if (!collections)
        return std::unexpected(collections.error());
    QHash<QString, QString> collectionByName;
    for (const CollectionRow &row : *collections)
        collectionByName.insert(row.name, row.id);

    Summary summary;
    // One transaction: an import that fails half-way (a full disk, say) leaves nothing behind.
    const auto imported = store.bulk([&]() -> Result<void> {
        for (ParsedFile &file : files) {
            if (!file.collectionName.isEmpty()) {
                if (!collectionByName.contains(file.collectionName)) {
                    auto created = store.create(Kind::Collection, {{u"name"_s, file.collectionName}});
                    if (!created)
                        return std::unexpected(created.error());
                    collectionByName.insert(file.collectionName, created->id);
                    ++summary.collections;
                }
                file.fields.insert(u"collection"_s, collectionByName.value(file.collectionName));
            }
            // Keeping the id makes a second import of the same files update instead of duplicating.
            const bool exists = !file.id.isEmpty() && store.entity(file.id).has_value();
            auto result = exists ? store.update(file.id, file.fields) : store.create(file.kind, file.fields, file.id);
            if (!result)
                return std::unexpected(Error{result.error().code, u"%1: %2"_s.arg(file.path, result.error().message)});
            summary.files << file.path;
            ++(file.kind == Kind::Task ? summary.tasks : summary.notes);
        }
        return {};
    });
    if (!imported)
        return std::unexpected(imported.error());
    return summary;
}

} // namespace tidemark::model::Exchange
