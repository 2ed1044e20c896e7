// tidemarkctl's command handlers.
#include "cli.h"

#include "model/exchange.h"
#include "model/itemlistmodel.h"
#include "model/listactions.h"
#include "model/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace tidemark::ctl {

using namespace tidemark::model;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                    .toString(Qt::ISODate)
              : QString();
}

QJsonObject entityJson(const Entity &e)
{
    QJsonObject object{{s("id"), e.id}, {s("kind"), kindName(e.kind)}, {s("rev"), e.rev},
                       {s("created"), isoTime(e.createdAt)}, {s("updated"), isoTime(e.updatedAt)}};
    object.insert(s("fields"), e.fields);
    return object;
}

QJsonObject rowJson(const ItemRow &row)
{
    QJsonObject object{{s("id"), row.id},
                       {s("kind"), kindName(row.kind)},
                       {s("title"), row.title},
                       {s("snippet"), row.snippet},
                       {s("tags"), QJsonArray::fromStringList(row.tags)},
                       {s("collection"), row.collectionId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.collectionId)},
                       {s("pinned"), row.pinned},
                       {s("deleted"), row.deleted},
                       {s("pending"), row.pending},
                       {s("conflict"), row.conflict},
                       {s("updated"), isoTime(row.updatedAt)}};
    if (row.kind == Kind::Task) {
        object.insert(s("due"), row.due.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.due));
        object.insert(s("priority"), row.priority);
        object.insert(s("done"), row.isDone());
    }
    return object;
}

QString rowText(const ItemRow &row)
{
    QString line = row.id + s("  ");
    line += row.kind == Kind::Task ? (row.isDone() ? s("[x] ") : s("[ ] ")) : s("    ");
    line += row.title.isEmpty() ? s("(untitled)") : row.title;
    if (!row.due.isEmpty())
        line += s("  due ") + row.due;
    if (row.priority > 0)
        line += s("  ") + QString(row.priority, QLatin1Char('!'));
    for (const QString &tag : row.tags)
        line += s("  #") + tag;
    if (row.pinned)
        line += s("  (pinned)");
    if (row.pending)
        line += s("  (not synced)");
    if (row.conflict)
        line += s("  (conflict)");
    return line;
}

} // namespace

int Cli::addCommand()
{
    if (m_args.isEmpty())
        return usageError(s("add needs a kind: note, task or collection"));
    const auto kind = kindFromName(m_args.first());
    if (!kind)
        return usageError(s("add: '%1' is not note, task or collection").arg(m_args.first()));
    auto fields = fieldsFromOptions(*kind);
    if (!fields)
        return fail(fields.error());
    const QString titleField = *kind == Kind::Collection ? s("name") : s("title");
    if (m_args.size() > 1) {
        if (fields->contains(titleField))
            return usageError(s("add: give the title either as words or with --title, not both"));
        fields->insert(titleField, m_args.mid(1).join(QLatin1Char(' ')));
    }
    auto created = m_store->create(*kind, *fields);
    if (!created)
        return fail(created.error());
    if (m_parser.isSet(s("json")))
        printJson(entityJson(*created));
    else
        m_out << created->id << '\n';
    return 0;
}

int Cli::editCommand()
{
    if (m_args.size() != 1)
        return usageError(s("edit takes one id"));
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    const Kind kind = m_store->entity(*id)->kind;
    auto fields = fieldsFromOptions(kind);
    if (!fields)
        return fail(fields.error());
    if (fields->isEmpty())
        return usageError(s("edit: nothing to change (give --title, --due, --tags, ...)"));
    auto updated = m_store->update(*id, *fields);
    if (!updated)
        return fail(updated.error());
    if (m_parser.isSet(s("json")))
        printJson(entityJson(*updated));
    return 0;
}

int Cli::doneCommand()
{
    if (m_args.size() != 1)
        return usageError(s("done takes one task id"));
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    auto result = m_store->setDone(*id, !m_parser.isSet(s("undo")));
    if (!result)
        return fail(result.error());
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const Entity &e : *result)
            array.append(entityJson(e));
        printJson(array);
    } else if (result->size() > 1) {
        m_out << "next: " << result->at(1).id << " due " << result->at(1).string(s("due")) << '\n';
    }
    return 0;
}

int Cli::removeCommand() { return tombstoneCommand("rm", true); }

int Cli::restoreCommand() { return tombstoneCommand("restore", false); }

int Cli::tombstoneCommand(const char *name, bool deleted)
{
    if (m_args.size() != 1)
        return usageError(s("%1 takes one id").arg(QLatin1StringView(name)));
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
        return usageError(s("mv takes an id and a collection (or none)"));
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
        return usageError(s("list takes no arguments (use --view, --collection, --tag)"));
    ItemFilter filter;
    const int chosen = int(m_parser.isSet(s("view"))) + int(m_parser.isSet(s("collection"))) + int(m_parser.isSet(s("tag")));
    if (chosen > 1)
        return usageError(s("list: give one of --view, --collection and --tag"));
    if (m_parser.isSet(s("view"))) {
        static const QHash<QString, ItemFilter::Type> views{
            {s("all"), ItemFilter::Type::All},         {s("today"), ItemFilter::Type::Today},
            {s("upcoming"), ItemFilter::Type::Upcoming}, {s("done"), ItemFilter::Type::Done},
            {s("trash"), ItemFilter::Type::Trash},     {s("pending"), ItemFilter::Type::Pending},
            {s("archive"), ItemFilter::Type::Archive},
            {s("conflicts"), ItemFilter::Type::Conflicts}};
        const QString view = m_parser.value(s("view")).toLower();
        if (!views.contains(view))
            return usageError(s("list: unknown view '%1' (all, today, upcoming, done, archive, trash, pending, conflicts)").arg(view));
        filter = ItemFilter::of(views.value(view));
    } else if (m_parser.isSet(s("collection"))) {
        auto id = resolveCollection(m_parser.value(s("collection")));
        if (!id)
            return fail(id.error());
        filter = ItemFilter::collection(*id);
    } else if (m_parser.isSet(s("tag"))) {
        filter = ItemFilter::tag(m_parser.value(s("tag")).trimmed().remove(0, m_parser.value(s("tag")).trimmed().startsWith(QLatin1Char('#')) ? 1 : 0));
    }
    // The same order the app shows for this view.
    ItemListModel model(m_store.get());
    model.setFilter(filter);
    if (m_parser.isSet(s("json"))) {
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
        return usageError(s("show takes one id"));
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    const Entity e = *m_store->entity(*id);
    if (m_parser.isSet(s("json"))) {
        printJson(entityJson(e));
        return 0;
    }
    m_out << kindName(e.kind) << ' ' << e.id << '\n';
    QStringList keys = Fields::known(e.kind);
    for (const QString &key : e.fields.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    const QString textField = e.kind == Kind::Task ? s("notes") : s("body");
    for (const QString &key : keys) {
        if (key == textField)
            continue;
        const QJsonValue value = e.fields.value(key);
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isNull() || value.isUndefined())
            text = s("-");
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
        return usageError(s("search needs words to look for"));
    int limit = 20;
    if (m_parser.isSet(s("limit"))) {
        bool ok = false;
        limit = m_parser.value(s("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return usageError(s("--limit must be a number from 1 to 1000"));
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
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const SearchHit &hit : *hits) {
            QJsonArray highlights;
            for (const auto &[start, length] : hit.highlights)
                highlights.append(QJsonArray{start, length});
            array.append(QJsonObject{{s("id"), hit.id}, {s("kind"), kindName(hit.kind)}, {s("title"), hit.title},
                                     {s("snippet"), hit.snippet}, {s("highlights"), highlights}, {s("rank"), hit.rank}});
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
        m_out << hit.id << "  " << (hit.title.isEmpty() ? s("(untitled)") : hit.title) << "\n    " << snippet << '\n';
    }
    return 0;
}

int Cli::historyCommand()
{
    if (m_args.size() != 1)
        return usageError(s("history takes one id"));
    auto id = resolve(m_args.first());
    if (!id)
        return fail(id.error());
    if (m_parser.isSet(s("restore"))) {
        bool ok = false;
        const int version = m_parser.value(s("restore")).toInt(&ok);
        if (!ok || version < 1)
            return usageError(s("--restore takes a version number"));
        auto restored = m_store->restoreVersion(*id, version);
        if (!restored)
            return fail(restored.error());
    }
    auto history = m_store->history(*id);
    if (!history)
        return fail(history.error());
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const HistoryEntry &h : *history) {
            array.append(QJsonObject{{s("version"), h.version}, {s("at"), isoTime(h.at)}, {s("device"), h.device},
                                     {s("device_name"), deviceLabel(h.device)},
                                     {s("hlc"), h.hlc}, {s("origin"), h.origin},
                                     {s("changed"), QJsonArray::fromStringList(h.changed)}, {s("snapshot"), h.snapshot}});
        }
        printJson(array);
        return 0;
    }
    for (const HistoryEntry &h : *history) {
        m_out << 'v' << h.version << "  " << isoTime(h.at) << "  " << h.origin << " on " << deviceLabel(h.device)
              << "  changed " << h.changed.join(s(", ")) << '\n';
    }
    return 0;
}

QString Cli::deviceLabel(const QString &deviceId) const
{
    if (deviceId == m_store->deviceId())
        return s("this device");
    const QString name = deviceId.isEmpty() || deviceId == QLatin1String("server") ? QString() : m_store->deviceName(deviceId);
    return name.isEmpty() ? s("another device") : name;
}

int Cli::outboxCommand()
{
    if (!m_args.isEmpty())
        return usageError(s("outbox takes no arguments"));
    auto ops = m_store->outbox();
    if (!ops)
        return fail(ops.error());
    if (m_parser.isSet(s("json"))) {
        QJsonArray array;
        for (const OutboxOp &op : *ops) {
            array.append(QJsonObject{{s("op_id"), op.opId}, {s("device"), op.device}, {s("kind"), kindName(op.kind)},
                                     {s("entity"), op.entityId}, {s("fields"), op.fields}, {s("base_rev"), op.baseRev},
                                     {s("hlc"), op.hlc}, {s("created"), isoTime(op.createdAt)}, {s("attempts"), op.attempts},
                                     {s("refused"), op.parked},
                                     {s("reason"), op.parked ? QJsonValue(op.lastError) : QJsonValue()}});
        }
        printJson(array);
        return 0;
    }
    for (const OutboxOp &op : *ops) {
        m_out << op.opId << "  " << kindName(op.kind) << ' ' << op.entityId << "  base " << op.baseRev << "  "
              << op.fields.keys().join(s(", "));
        // Refused by the server: kept, not sent again, with the server's reason.
        if (op.parked)
            m_out << "  refused: " << (op.lastError.isEmpty() ? s("no reason given") : op.lastError);
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
        if (m_parser.isSet(s("json"))) {
            array.append(QJsonObject{{s("id"), row.id}, {s("name"), row.name}, {s("color"), row.color},
                                     {s("parent"), row.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.parentId)},
                                     {s("count"), row.itemCount}});
        } else {
            m_out << row.id << "  " << row.name << "  (" << row.itemCount << ")\n";
        }
    }
    if (m_parser.isSet(s("json")))
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
        if (m_parser.isSet(s("json")))
            array.append(QJsonObject{{s("tag"), tag}, {s("count"), count}});
        else
            m_out << '#' << tag << "  (" << count << ")\n";
    }
    if (m_parser.isSet(s("json")))
        printJson(array);
    return 0;
}

int Cli::exportCommand()
{
    if (m_args.size() != 1)
        return usageError(s("export takes one folder"));
    const QString format = m_parser.value(s("format")).toLower();
    if (format != QLatin1String("markdown") && format != QLatin1String("json"))
        return usageError(s("export needs --format markdown or --format json"));
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
        return usageError(s("usage: import markdown DIR"));
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
