// tidemarkctl's command handlers.
#include "cli.h"

#include "model/exchange.h"
#include "model/itemlistmodel.h"
#include "model/listactions.h"
#include "model/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tidemark::ctl {

using namespace tidemark::model;

namespace {

QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                    .toString(Qt::ISODate)
              : QString();
}

QJsonObject entityJson(const Entity &e)
{
    QJsonObject object{{u"id"_s, e.id}, {u"kind"_s, kindName(e.kind)}, {u"rev"_s, e.rev},
                       {u"created"_s, isoTime(e.createdAt)}, {u"updated"_s, isoTime(e.updatedAt)}};
    object.insert(u"fields"_s, e.fields);
    return object;
}

QJsonObject rowJson(const ItemRow &row)
{
    QJsonObject object{{u"id"_s, row.id},
                       {u"kind"_s, kindName(row.kind)},
                       {u"title"_s, row.title},
                       {u"snippet"_s, row.snippet},
                       {u"tags"_s, QJsonArray::fromStringList(row.tags)},
                       {u"collection"_s, row.collectionId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.collectionId)},
                       {u"pinned"_s, row.pinned},
                       {u"deleted"_s, row.deleted},
                       {u"pending"_s, row.pending},
                       {u"conflict"_s, row.conflict},
                       {u"updated"_s, isoTime(row.updatedAt)}};
    if (row.kind == Kind::Task) {
        object.insert(u"due"_s, row.due.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.due));
        object.insert(u"priority"_s, row.priority);
        object.insert(u"done"_s, row.isDone());
    }
    return object;
}

QString rowText(const ItemRow &row)
{
    QString line = row.id + u"  "_s;
    line += row.kind == Kind::Task ? (row.isDone() ? u"[x] "_s : u"[ ] "_s) : u"    "_s;
    line += row.title.isEmpty() ? u"(untitled)"_s : row.title;
    if (!row.due.isEmpty())
        line += u"  due "_s + row.due;
    if (row.priority > 0)
        line += u"  "_s + QString(row.priority, QLatin1Char('!'));
    for (const QString &tag : row.tags)
        line += u"  #"_s + tag;
    if (row.pinned)
        line += u"  (pinned)"_s;
    if (row.pending)
        line += u"  (not synced)"_s;
    if (row.conflict)
        line += u"  (conflict)"_s;
    return line;
}

} // namespace

int Cli::addCommand()
{
    if (m_args.isEmpty())
        return usageError(u"add needs a kind: note, task or collection"_s);
    const auto kind = kindFromName(m_args.first());
    if (!kind)
        return usageError(u"add: '%1' is not note, task or collection"_s.arg(m_args.first()));
    auto fields = fieldsFromOptions(*kind);
    if (!fields)
        return fail(fields.error());
    const QString titleField = *kind == Kind::Collection ? u"name"_s : u"title"_s;
    if (m_args.size() > 1) {
        if (fields->contains(titleField))
            return usageError(u"add: give the title either as words or with --title, not both"_s);
        fields->insert(titleField, m_args.mid(1).join(QLatin1Char(' ')));
    }
    auto created = m_store->create(*kind, *fields);
    if (!created)
        return fail(created.error());
    if (m_parser.isSet(u"json"_s))
        printJson(entityJson(*created));
    else
        m_out << created->id << '\n';
    return 0;
}

int Cli::editCommand()
{
    if (m_args.size() != 1)
        return usageError(u"edit takes one id"_s);
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    const Kind kind = m_store->entity(*id)->kind;
    auto fields = fieldsFromOptions(kind);
    if (!fields)
        return fail(fields.error());
    if (fields->isEmpty())
        return usageError(u"edit: nothing to change (give --title, --due, --tags, ...)"_s);
    auto updated = m_store->update(*id, *fields);
    if (!updated)
        return fail(updated.error());
    if (m_parser.isSet(u"json"_s))
        printJson(entityJson(*updated));
    return 0;
}

int Cli::doneCommand()
{
    if (m_args.size() != 1)
        return usageError(u"done takes one task id"_s);
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    auto result = m_store->setDone(*id, !m_parser.isSet(u"undo"_s));
    if (!result)
        return fail(result.error());
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Entity &e : *result)
            array.append(entityJson(e));
        printJson(array);
    } else if (result->size() > 1) {
        m_out << "next: " << result->at(1).id << " due " << result->at(1).string(u"due"_s) << '\n';
    }
    return 0;
}

int Cli::removeCommand() { return tombstoneCommand("rm", true); }

int Cli::restoreCommand() { return tombstoneCommand("restore", false); }

int Cli::tombstoneCommand(const char *name, bool deleted)
{
    if (m_args.size() != 1)
        return usageError(u"%1 takes one id"_s.arg(QLatin1StringView(name)));
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    // The window's rules: a collection's items stay without it; an item restored into a deleted
    // collection comes back without one (model::ListActions).
    ListActions actions(*m_store);
    auto result = deleted ? actions.trash({*id}) : actions.restore({*id});
    return result ? 0 : fail(result.error());
}

int Cli::moveCommand()
{
    if (m_args.size() != 2)
        return usageError(u"mv takes an id and a collection (or none)"_s);
    auto id = resolve(m_args.at(0));
    if (!id)
        return fail(id.error());
    QString collection;
    if (m_args.at(1) != QLatin1String("none")) {
        auto target = resolveCollection(m_args.at(1));
        if (!target)
            return fail(target.error());
        collection = *target;
    }
    auto result = m_store->move(*id, collection);
    return result ? 0 : fail(result.error());
}

int Cli::listCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"list takes no arguments (use --view, --collection, --tag)"_s);
    ItemFilter filter;
    const int chosen = int(m_parser.isSet(u"view"_s)) + int(m_parser.isSet(u"collection"_s)) + int(m_parser.isSet(u"tag"_s));
    if (chosen > 1)
        return usageError(u"list: give one of --view, --collection and --tag"_s);
    if (m_parser.isSet(u"view"_s)) {
        static const QHash<QString, ItemFilter::Type> views{
            {u"all"_s, ItemFilter::Type::All},         {u"today"_s, ItemFilter::Type::Today},
            {u"upcoming"_s, ItemFilter::Type::Upcoming}, {u"done"_s, ItemFilter::Type::Done},
            {u"trash"_s, ItemFilter::Type::Trash},     {u"pending"_s, ItemFilter::Type::Pending},
            {u"archive"_s, ItemFilter::Type::Archive},
            {u"conflicts"_s, ItemFilter::Type::Conflicts}};
        const QString view = m_parser.value(u"view"_s).toLower();
        if (!views.contains(view))
            return usageError(u"list: unknown view '%1' (all, today, upcoming, done, archive, trash, pending, conflicts)"_s.arg(view));
        filter = ItemFilter::of(views.value(view));
    } else if (m_parser.isSet(u"collection"_s)) {
        auto id = resolveCollection(m_parser.value(u"collection"_s));
        if (!id)
            return fail(id.error());
        filter = ItemFilter::collection(*id);
    } else if (m_parser.isSet(u"tag"_s)) {
        filter = ItemFilter::tag(m_parser.value(u"tag"_s).trimmed().remove(0, m_parser.value(u"tag"_s).trimmed().startsWith(QLatin1Char('#')) ? 1 : 0));
    }
    // The same order the app shows for this view.
    ItemListModel model(m_store.get());
    model.setFilter(filter);
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (int row = 0; row < model.rowCount(); ++row)
            array.append(rowJson(model.item(row)));
        printJson(array);
    } else {
        for (int row = 0; row < model.rowCount(); ++row)
            m_out << rowText(model.item(row)) << '\n';
    }
    return 0;
}

int Cli::showCommand()
{
    if (m_args.size() != 1)
        return usageError(u"show takes one id"_s);
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    const Entity e = *m_store->entity(*id);
    if (m_parser.isSet(u"json"_s)) {
        printJson(entityJson(e));
        return 0;
    }
    m_out << kindName(e.kind) << ' ' << e.id << '\n';
    QStringList keys = Fields::known(e.kind);
    for (const QString &key : e.fields.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    const QString textField = e.kind == Kind::Task ? u"notes"_s : u"body"_s;
    for (const QString &key : keys) {
        if (key == textField)
            continue;
        const QJsonValue value = e.fields.value(key);
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isNull() || value.isUndefined())
            text = u"-"_s;
        else
            text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        m_out << key << ": " << text << '\n';
    }
    m_out << "created: " << isoTime(e.createdAt) << "\nupdated: " << isoTime(e.updatedAt) << '\n';
    if (e.kind != Kind::Collection)
        m_out << "\n" << e.string(textField) << (e.string(textField).endsWith(QLatin1Char('\n')) ? "" : "\n");
    return 0;
}

int Cli::searchCommand()
{
    if (m_args.isEmpty())
        return usageError(u"search needs words to look for"_s);
    int limit = 20;
    if (m_parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = m_parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return usageError(u"--limit must be a number from 1 to 1000"_s);
    }
    // Whole words: the query is complete, so the last word is not a prefix unless it ends in *.
    QString query = m_args.join(QLatin1Char(' '));
    if (query.endsWith(QLatin1Char('*')))
        query.chop(1);
    else
        query += QLatin1Char(' ');
    auto hits = m_store->search(query, limit);
    if (!hits)
        return fail(hits.error());
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const SearchHit &hit : *hits) {
            QJsonArray highlights;
            for (const auto &[start, length] : hit.highlights)
                highlights.append(QJsonArray{start, length});
            array.append(QJsonObject{{u"id"_s, hit.id}, {u"kind"_s, kindName(hit.kind)}, {u"title"_s, hit.title},
                                     {u"snippet"_s, hit.snippet}, {u"highlights"_s, highlights}, {u"rank"_s, hit.rank}});
        }
        printJson(array);
        return 0;
    }
    for (const SearchHit &hit : *hits) {
        QString snippet = hit.snippet;
        for (auto it = hit.highlights.crbegin(); it != hit.highlights.crend(); ++it) {
            snippet.insert(it->first + it->second, QLatin1Char(']'));
            snippet.insert(it->first, QLatin1Char('['));
        }
        m_out << hit.id << "  " << (hit.title.isEmpty() ? u"(untitled)"_s : hit.title) << "\n    " << snippet << '\n';
    }
    return 0;
}

int Cli::historyCommand()
{
    if (m_args.size() != 1)
        return usageError(u"history takes one id"_s);
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(u"restore"_s)) {
        bool ok = false;
        const int version = m_parser.value(u"restore"_s).toInt(&ok);
        if (!ok || version < 1)
            return usageError(u"--restore takes a version number"_s);
        auto restored = m_store->restoreVersion(*id, version);
        if (!restored)
            return fail(restored.error());
    }
    auto history = m_store->history(*id);
    if (!history)
        return fail(history.error());
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const HistoryEntry &h : *history) {
            array.append(QJsonObject{{u"version"_s, h.version}, {u"at"_s, isoTime(h.at)}, {u"device"_s, h.device},
                                     {u"device_name"_s, deviceLabel(h.device)},
                                     {u"hlc"_s, h.hlc}, {u"origin"_s, h.origin},
                                     {u"changed"_s, QJsonArray::fromStringList(h.changed)}, {u"snapshot"_s, h.snapshot}});
        }
        printJson(array);
        return 0;
    }
    for (const HistoryEntry &h : *history) {
        m_out << 'v' << h.version << "  " << isoTime(h.at) << "  " << h.origin << " on " << deviceLabel(h.device)
              << "  changed " << h.changed.join(u", "_s) << '\n';
    }
    return 0;
}

QString Cli::deviceLabel(const QString &deviceId) const
{
    if (deviceId == m_store->deviceId())
        return u"this device"_s;
    const QString name = deviceId.isEmpty() || deviceId == QLatin1String("server") ? QString() : m_store->deviceName(deviceId);
    return name.isEmpty() ? u"another device"_s : name;
}

int Cli::outboxCommand()
{
    if (!m_args.isEmpty())
        return usageError(u"outbox takes no arguments"_s);
    auto ops = m_store->outbox();
    if (!ops)
        return fail(ops.error());
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const OutboxOp &op : *ops) {
            array.append(QJsonObject{{u"op_id"_s, op.opId}, {u"device"_s, op.device}, {u"kind"_s, kindName(op.kind)},
                                     {u"entity"_s, op.entityId}, {u"fields"_s, op.fields}, {u"base_rev"_s, op.baseRev},
                                     {u"hlc"_s, op.hlc}, {u"created"_s, isoTime(op.createdAt)}, {u"attempts"_s, op.attempts},
                                     {u"refused"_s, op.parked},
                                     {u"reason"_s, op.parked ? QJsonValue(op.lastError) : QJsonValue()}});
        }
        printJson(array);
        return 0;
    }
    for (const OutboxOp &op : *ops) {
        m_out << op.opId << "  " << kindName(op.kind) << ' ' << op.entityId << "  base " << op.baseRev << "  "
              << op.fields.keys().join(u", "_s);
        // Refused by the server: kept, not sent again, with the server's reason.
        if (op.parked)
            m_out << "  refused: " << (op.lastError.isEmpty() ? u"no reason given"_s : op.lastError);
        m_out << '\n';
    }
    return 0;
}

int Cli::collectionsCommand()
{
    auto rows = m_store->collections();
    if (!rows)
        return fail(rows.error());
    QJsonArray array;
    for (const CollectionRow &row : *rows) {
        if (m_parser.isSet(u"json"_s)) {
            array.append(QJsonObject{{u"id"_s, row.id}, {u"name"_s, row.name}, {u"color"_s, row.color},
                                     {u"parent"_s, row.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.parentId)},
                                     {u"count"_s, row.itemCount}});
        } else {
            m_out << row.id << "  " << row.name << "  (" << row.itemCount << ")\n";
        }
    }
    if (m_parser.isSet(u"json"_s))
        printJson(array);
    return 0;
}

int Cli::tagsCommand()
{
    auto tags = m_store->tags();
    if (!tags)
        return fail(tags.error());
    QJsonArray array;
    for (const auto &[tag, count] : *tags) {
        if (m_parser.isSet(u"json"_s))
            array.append(QJsonObject{{u"tag"_s, tag}, {u"count"_s, count}});
        else
            m_out << '#' << tag << "  (" << count << ")\n";
    }
    if (m_parser.isSet(u"json"_s))
        printJson(array);
    return 0;
}

int Cli::exportCommand()
{
    if (m_args.size() != 1)
        return usageError(u"export takes one folder"_s);
    const QString format = m_parser.value(u"format"_s).toLower();
    if (format != QLatin1String("markdown") && format != QLatin1String("json"))
        return usageError(u"export needs --format markdown or --format json"_s);
    auto summary = format == QLatin1String("json") ? Exchange::exportJson(*m_store, m_args.first())
                                                   : Exchange::exportMarkdown(*m_store, m_args.first());
    if (!summary)
        return fail(summary.error());
    m_out << "exported " << summary->notes << " notes, " << summary->tasks << " tasks and " << summary->collections
          << " collections to " << m_args.first() << '\n';
    return 0;
}

int Cli::importCommand()
{
    if (m_args.size() != 2 || m_args.first() != QLatin1String("markdown"))
        return usageError(u"usage: import markdown DIR"_s);
    auto summary = Exchange::importMarkdown(*m_store, m_args.at(1));
    if (!summary)
        return fail(summary.error());
    m_out << "imported " << summary->notes << " notes and " << summary->tasks << " tasks";
    if (summary->collections)
        m_out << " (new collections: " << summary->collections << ')';
    m_out << '\n';
    return 0;
}

} // namespace tidemark::ctl
