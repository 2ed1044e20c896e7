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

namespace tidemark::model::Exchange {

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

constexpr qint64 kMaxImportFile = 8 * 1024 * 1024;

// Front-matter values are written as JSON scalars and arrays, which YAML reads the same way.
QString yamlValue(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Plain only when YAML cannot read it as anything but text: starts with a letter.
        static const QRegularExpression plain(s("^\\p{L}[\\p{L}\\p{N} ._/+-]*$"));
        if (plain.match(text).hasMatch() && text.trimmed() == text && text != s("true") && text != s("false")
            && text != s("null"))
            return text;
    }
    QJsonArray wrapper{value};
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QJsonValue parseYamlValue(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty() || text == s("null") || text == s("~"))
        return QJsonValue::Null;
    if (text == s("true"))
        return true;
    if (text == s("false"))
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
        return text.mid(1, text.size() - 2).replace(s("''"), s("'"));
    return text;
}

QString fileNameFor(const Entity &e)
{
    QString base = e.string(s("title")).trimmed();
    base.replace(QRegularExpression(s("[\\\\/:*?\"<>|\\x00-\\x1f]")), s(" "));
    base = base.simplified().left(80);
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base = e.kind == Kind::Task ? s("Task") : s("Note");
    return base + s(" (") + e.id.right(8) + s(").md"); // the random end of the id
}

Result<void> writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return std::unexpected(Error::io(s("cannot write %1: %2").arg(path, file.errorString())));
    return {};
}

// Every live collection, note and task, after making sure the export folder exists.
Result<QList<Entity>> liveEntities(const Store &store, const QString &directory, QHash<QString, QString> &collectionNames)
{
    if (!QDir().mkpath(directory))
        return std::unexpected(Error::io(s("cannot create %1").arg(directory)));
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
        return std::unexpected(Error::invalid(s("%1: larger than %2 MB").arg(path).arg(kMaxImportFile >> 20)));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error::io(s("%1: %2").arg(path, file.errorString())));
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::unexpected(Error::invalid(s("%1: not UTF-8 text").arg(path)));
    text.replace(s("\r\n"), s("\n"));

    ParsedFile parsed;
    parsed.path = path;
    QJsonObject front;
    QString body = text;
    if (text.startsWith(s("---\n"))) {
        // The closing line is exactly "---" (an empty block closes on the second line).
        static const QRegularExpression closing(s("^---[ \\t]*$"), QRegularExpression::MultilineOption);
        const auto close = closing.match(text, 4);
        if (!close.hasMatch())
            return std::unexpected(Error::invalid(s("%1: the front matter has no closing ---").arg(path)));
        const qsizetype end = close.capturedStart() - 1; // the newline before it
        const QStringList lines = end > 4 ? text.mid(4, end - 4).split(QLatin1Char('\n')) : QStringList();
        int number = 1;
        for (const QString &line : lines) {
            ++number;
            if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
                continue;
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return std::unexpected(Error::invalid(s("%1:%2: expected 'key: value'").arg(path).arg(number)));
            front.insert(line.left(colon).trimmed(), parseYamlValue(line.mid(colon + 1)));
        }
        qsizetype bodyStart = close.capturedEnd();
        if (bodyStart < text.size() && text.at(bodyStart) == QLatin1Char('\n'))
            ++bodyStart;
        body = text.mid(bodyStart);
    }

    const QString kind = front.value(s("kind")).toString(s("note"));
    const auto parsedKind = kindFromName(kind);
    if (!parsedKind || *parsedKind == Kind::Collection)
        return std::unexpected(Error::invalid(s("%1: kind must be note or task, not '%2'").arg(path, kind)));
    parsed.kind = *parsedKind;
    parsed.id = front.value(s("id")).toString();
    if (!parsed.id.isEmpty() && !isValidId(parsed.id))
        return std::unexpected(Error::invalid(s("%1: id '%2' is not a valid id").arg(path, parsed.id)));
    // Front matter written by hand may leave a number unquoted (title: 2024).
    const auto textOf = [&front](const char *key) {
        const QJsonValue value = front.value(QLatin1StringView(key));
        return value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    };
    parsed.collectionName = textOf("collection").trimmed();

    QString title = textOf("title");
    if (title.isEmpty()) {
        // The first heading, else the file name.
        static const QRegularExpression heading(s("^#\\s+(.+)$"), QRegularExpression::MultilineOption);
        const auto match = heading.match(body);
        title = match.hasMatch() ? match.captured(1).trimmed() : QFileInfo(path).completeBaseName();
    }
    parsed.fields.insert(s("title"), title);
    parsed.fields.insert(parsed.kind == Kind::Task ? s("notes") : s("body"), body);
    const QStringList taskOnly{s("due"), s("priority"), s("recurrence"), s("done_at")};
    const QStringList noteOnly{s("pinned"), s("archived")};
    for (const QString &field : taskOnly + noteOnly + QStringList{s("tags")}) {
        if (!front.contains(field) || front.value(field).isNull())
            continue;
        if ((parsed.kind == Kind::Note && taskOnly.contains(field)) || (parsed.kind == Kind::Task && noteOnly.contains(field)))
            return std::unexpected(Error::invalid(s("%1: a %2 has no field '%3'").arg(path, kind, field)));
        auto valid = Fields::validate(parsed.kind, field, front.value(field));
        if (!valid)
            return std::unexpected(Error::invalid(s("%1: %2").arg(path, valid.error().message)));
        parsed.fields.insert(field, *valid);
    }
    for (const QString &field : {s("title"), parsed.kind == Kind::Task ? s("notes") : s("body")}) {
        auto valid = Fields::validate(parsed.kind, field, parsed.fields.value(field));
        if (!valid)
            return std::unexpected(Error::invalid(s("%1: %2").arg(path, valid.error().message)));
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
        QString out = s("---\n");
        const auto line = [&out](const QString &key, const QJsonValue &value) {
            out += key + s(": ") + yamlValue(value) + QLatin1Char('\n');
        };
        line(s("id"), e.id);
        line(s("kind"), kindName(e.kind));
        line(s("title"), e.string(s("title")));
        const QString collection = names.value(e.string(s("collection")));
        if (!collection.isEmpty())
            line(s("collection"), collection);
        if (!e.fields.value(s("tags")).toArray().isEmpty())
            line(s("tags"), e.fields.value(s("tags")));
        if (e.kind == Kind::Note) {
            if (e.flag(s("pinned")))
                line(s("pinned"), true);
            if (e.flag(s("archived")))
                line(s("archived"), true);
        } else {
            for (const QString &field : {s("due"), s("priority"), s("recurrence"), s("done_at")}) {
                const QJsonValue value = e.fields.value(field);
                if (!value.isNull() && !(field == s("priority") && value.toInt() == 0))
                    line(field, value);
            }
        }
        line(s("created"), QDateTime::fromMSecsSinceEpoch(e.createdAt, QTimeZone::UTC).toString(Qt::ISODate));
        line(s("updated"), QDateTime::fromMSecsSinceEpoch(e.updatedAt, QTimeZone::UTC).toString(Qt::ISODate));
        out += s("---\n");
        out += e.string(e.kind == Kind::Task ? s("notes") : s("body"));
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
        object.insert(s("id"), e.id);
        object.insert(s("created"), QDateTime::fromMSecsSinceEpoch(e.createdAt, QTimeZone::UTC).toString(Qt::ISODateWithMs));
        object.insert(s("updated"), QDateTime::fromMSecsSinceEpoch(e.updatedAt, QTimeZone::UTC).toString(Qt::ISODateWithMs));
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
    const QJsonObject root{{s("format"), s("tidemark-export")}, {s("version"), 1}, {s("collections"), collections},
                           {s("notes"), notes}, {s("tasks"), tasks}};
    const QString path = QDir(directory).filePath(s("tidemark.json"));
    if (auto written = writeFile(path, QJsonDocument(root).toJson(QJsonDocument::Indented)); !written)
        return std::unexpected(written.error());
    summary.files << path;
    return summary;
}

Result<Summary> importMarkdown(Store &store, const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return std::unexpected(Error::io(s("no folder %1").arg(directory)));
    QList<ParsedFile> files;
    QStringList problems;
    for (const QFileInfo &info : dir.entryInfoList({s("*.md"), s("*.markdown")}, QDir::Files, QDir::Name)) {
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
            problems << s("%1: id %2 belongs to a %3 here").arg(file.path, file.id, kindName(existing->kind));
    }
    if (!problems.isEmpty())
        return std::unexpected(Error::invalid(s("nothing imported; fix these files first:\n") + problems.join(QLatin1Char('\n'))));

    auto collections = store.collections();
    if (!collections)
        return std::unexpected(collections.error());
    QHash<QString, QString> collectionByName;
    for (const CollectionRow &row : *collections)
        collectionByName.insert(row.name, row.id);

    Summary summary;
    // One transaction: an import that fails half-way (a full disk, say) leaves nothing behind.
    const auto imported = store.batch([&]() -> Result<void> {
        for (ParsedFile &file : files) {
            if (!file.collectionName.isEmpty()) {
                if (!collectionByName.contains(file.collectionName)) {
                    auto created = store.create(Kind::Collection, {{s("name"), file.collectionName}});
                    if (!created)
                        return std::unexpected(created.error());
                    collectionByName.insert(file.collectionName, created->id);
                    ++summary.collections;
                }
                file.fields.insert(s("collection"), collectionByName.value(file.collectionName));
            }
            // Keeping the id makes a second import of the same files update instead of duplicating.
            const bool exists = !file.id.isEmpty() && store.entity(file.id).has_value();
            auto result = exists ? store.update(file.id, file.fields) : store.create(file.kind, file.fields, file.id);
            if (!result)
                return std::unexpected(Error{result.error().code, s("%1: %2").arg(file.path, result.error().message)});
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
