#include "cli.h"

#include "model/due.h"
#include "model/store.h"

#include <tidemark/version.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tidemark::ctl {

using namespace tidemark::model;

Cli::Cli()
    : m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(u"Tidemark's command-line client: work with the local store from scripts."_s);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOptions({
        {u"db"_s, u"The store to use (default: the app's store)."_s, u"PATH"_s},
        {u"json"_s, u"Print JSON instead of text (read commands)."_s},
        {u"title"_s, u"Title."_s, u"TEXT"_s},
        {u"body"_s, u"A note's Markdown body."_s, u"TEXT"_s},
        {u"body-file"_s, u"Read the body (or a task's notes) from FILE; - for standard input."_s, u"FILE"_s},
        {u"notes"_s, u"A task's Markdown notes."_s, u"TEXT"_s},
        {u"collection"_s, u"Collection: id, unique part of an id, or name; 'none' for no collection."_s, u"C"_s},
        {u"due"_s, u"Due: 2026-12-01, 2026-12-01T09:30[Europe/Berlin], today, tomorrow or none."_s, u"WHEN"_s},
        {u"priority"_s, u"Priority 0 (none) to 3 (high)."_s, u"N"_s},
        {u"tags"_s, u"Comma-separated tags (replaces the tags)."_s, u"LIST"_s},
        {u"recurrence"_s, u"Repeat: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY[;INTERVAL=N], or none."_s, u"RULE"_s},
        {u"parent"_s, u"Parent task (subtask) or parent collection; 'none' to clear."_s, u"ID"_s},
        {u"pinned"_s, u"Pin a note: yes or no."_s, u"YES|NO"_s},
        {u"archived"_s, u"Archive a note: yes or no."_s, u"YES|NO"_s},
        {u"color"_s, u"A collection's colour, #rrggbb."_s, u"HEX"_s},
        {u"undo"_s, u"With done: mark the task not done again."_s},
        {u"view"_s, u"With list: all, today, upcoming, done, archive, trash, pending or conflicts."_s, u"VIEW"_s},
        {u"tag"_s, u"With list: only items with this tag."_s, u"TAG"_s},
        {u"limit"_s, u"With search: at most N results (default 20)."_s, u"N"_s},
        {u"restore"_s, u"With history: restore version N (a new version, itself undoable)."_s, u"N"_s},
        {u"format"_s, u"With export: markdown or json."_s, u"FORMAT"_s},
        {u"server"_s, u"With account: the sync server, e.g. https://sync.example.org."_s, u"URL"_s},
        {u"user"_s, u"With account: the user name."_s, u"NAME"_s},
        {u"take"_s, u"With resolve: keep mine, theirs, or both (texts: both versions where they collide, mine first)."_s, u"SIDE"_s},
        {u"file"_s, u"With resolve: the resolved value from FILE (- for standard input)."_s, u"FILE"_s},
        {u"all"_s, u"With conflicts: every conflict event, not just the open ones."_s},
        {u"item"_s, u"With audit: only the events of this item."_s, u"ID"_s},
        {u"password-stdin"_s, u"With account: read the password from standard input (it is read from there "
                                "anyway, without echo on a terminal)."_s},
    });
    m_parser.addHelpOption();
    m_parser.addVersionOption();

    const QStringList fields{u"title"_s, u"body"_s, u"body-file"_s, u"notes"_s, u"collection"_s, u"due"_s,
                             u"priority"_s, u"tags"_s, u"recurrence"_s, u"parent"_s, u"pinned"_s, u"archived"_s,
                             u"color"_s};
    m_commands = {
        {"add", "add note|task|collection [TITLE] [FIELD OPTIONS]   create; prints the new id", fields, &Cli::addCommand},
        {"edit", "edit ID [FIELD OPTIONS]                           change fields", fields, &Cli::editCommand},
        {"done", "done ID [--undo]                                  complete a task", {u"undo"_s}, &Cli::doneCommand},
        {"rm", "rm ID                                             move to the Trash (a collection: its items stay)", {}, &Cli::removeCommand},
        {"restore", "restore ID                                        bring back from the Trash", {}, &Cli::restoreCommand},
        {"mv", "mv ID COLLECTION|none                             move to a collection", {}, &Cli::moveCommand},
        {"list", "list [--view V] [--collection C] [--tag T]        list notes and tasks",
         {u"view"_s, u"collection"_s, u"tag"_s}, &Cli::listCommand},
        {"show", "show ID                                           every field of one item", {}, &Cli::showCommand},
        {"search", "search WORDS... [--limit N]                       full-text search", {u"limit"_s}, &Cli::searchCommand},
        {"history", "history ID [--restore N]                          versions of an item", {u"restore"_s}, &Cli::historyCommand},
        {"outbox", "outbox                                            operations not yet sent", {}, &Cli::outboxCommand},
        {"collections", "collections                                       collections with counts", {}, &Cli::collectionsCommand},
        {"tags", "tags                                              tags with counts", {}, &Cli::tagsCommand},
        {"export", "export --format markdown|json DIR                 write files", {u"format"_s}, &Cli::exportCommand},
        {"import", "import markdown DIR                               read Markdown files", {}, &Cli::importCommand},
        {"account", "account register|login|logout [--server URL --user NAME]   sign this store in to a sync server;\n"
                    "  account devices [--json] | signout ID | password   the account's devices, sign one out, new password",
         {u"server"_s, u"user"_s, u"password-stdin"_s}, &Cli::accountCommand},
        {"sync", "sync                                              push the outbox, pull until current", {}, &Cli::syncCommand},
        {"status", "status                                            sync state, pending operations, cursor", {}, &Cli::statusCommand},
        {"conflicts", "conflicts [--all]                                 open conflicts (every event with --all)", {u"all"_s}, &Cli::conflictsCommand},
        {"resolve", "resolve CONFLICT --take mine|theirs|both | --file F  decide a conflict", {u"take"_s, u"file"_s}, &Cli::resolveCommand},
        {"device-name", "device-name [NAME]                                this device's name as other devices show it", {}, &Cli::deviceNameCommand},
        {"audit", "audit [--item ID]                                 every conflict event and how it was settled", {u"item"_s}, &Cli::auditCommand},
        {"undo-resolution", "undo-resolution EVENT                             undo a choice (its conflict is back), or use a rule's other value", {}, &Cli::undoResolutionCommand},
    };
}

Cli::~Cli() = default;

QString Cli::helpText() const
{
    QString text = m_parser.helpText();
    text += u"\nCommands:\n"_s;
    for (const Command &command : m_commands)
        text += u"  "_s + QString::fromUtf8(command.synopsis) + QLatin1Char('\n');
    text += u"\nIDs can be given whole or by a unique start or end of at least six characters.\n"_s;
    return text;
}

int Cli::usageError(const QString &message)
{
    m_err << "tidemarkctl: " << message << '\n';
    m_err.flush();
    return 2;
}

int Cli::fail(const Error &error)
{
    m_err << "tidemarkctl: " << error.message << '\n';
    m_err.flush();
    return 1;
}

int Cli::run(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(u"help"_s)) {
        m_out << helpText();
        return 0;
    }
    if (m_parser.isSet(u"version"_s)) {
        m_out << "tidemarkctl " << kVersion << '\n';
        return 0;
    }
    QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << helpText();
        return 2;
    }
    const QString name = positional.takeFirst();
    const auto command = std::ranges::find_if(m_commands, [&name](const Command &c) { return name == QLatin1String(c.name); });
    if (command == m_commands.end())
        return usageError(u"unknown command '%1' (see tidemarkctl --help)"_s.arg(name));
    static const QStringList global{u"db"_s, u"json"_s, u"help"_s, u"version"_s};
    for (const QString &option : m_parser.optionNames()) {
        if (!global.contains(option) && !command->options.contains(option))
            return usageError(u"option --%1 does not apply to '%2'"_s.arg(option, name));
    }
    m_args = positional;
    if (!openStore())
        return 1;
    const int status = (this->*(command->handler))();
    m_out.flush();
    m_err.flush();
    return status;
}

bool Cli::openStore()
{
    QString path = m_parser.value(u"db"_s);
    if (path.isEmpty()) {
        path = qEnvironmentVariable("TIDEMARK_DB");
        if (path.isEmpty())
            path = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                       .filePath(u"tidemark/tidemark.db"_s);
    }
    auto store = Store::open(path);
    if (!store) {
        fail(store.error());
        return false;
    }
    m_store = std::move(*store);
    return true;
}

Result<QString> Cli::resolve(const QString &text) { return m_store->resolveId(text); }

Result<QString> Cli::resolveCollection(const QString &text)
{
    auto collections = m_store->collections();
    if (!collections)
        return std::unexpected(collections.error());
    QStringList byName;
    for (const CollectionRow &row : *collections) {
        if (row.name.compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            byName << row.id;
    }
    if (byName.size() == 1)
        return byName.first();
    if (byName.size() > 1)
        return std::unexpected(Error::invalid(u"more than one collection is called '%1'; use its id"_s.arg(text)));
    auto id = m_store->resolveId(text);
    if (!id)
        return std::unexpected(Error::notFound(u"no collection '%1'"_s.arg(text)));
    if (m_store->entity(*id)->kind != Kind::Collection)
        return std::unexpected(Error::invalid(u"%1 is not a collection"_s.arg(*id)));
    return id;
}

Result<QJsonObject> Cli::fieldsFromOptions(Kind kind)
{
    QJsonObject fields;
    const auto has = [this](const char *option) { return m_parser.isSet(QString::fromLatin1(option)); };
    const auto value = [this](const char *option) { return m_parser.value(QString::fromLatin1(option)); };
    const auto reject = [](const QString &message) -> Result<QJsonObject> {
        return std::unexpected(Error::invalid(message));
    };
    const QString kindText = kindName(kind);
    // Which kinds each field option applies to.
    static const QList<QPair<const char *, QList<Kind>>> applies{
        {"body", {Kind::Note}},           {"notes", {Kind::Task}},       {"due", {Kind::Task}},
        {"priority", {Kind::Task}},       {"recurrence", {Kind::Task}},  {"pinned", {Kind::Note}},
        {"archived", {Kind::Note}},       {"color", {Kind::Collection}}, {"tags", {Kind::Note, Kind::Task}},
        {"collection", {Kind::Note, Kind::Task}}, {"body-file", {Kind::Note, Kind::Task}}};
    for (const auto &[option, kinds] : applies) {
        if (has(option) && !kinds.contains(kind))
            return reject(u"--%1 does not apply to a %2"_s.arg(QLatin1StringView(option), kindText));
    }

    if (has("title"))
        fields.insert(kind == Kind::Collection ? u"name"_s : u"title"_s, value("title"));
    if (has("body"))
        fields.insert(u"body"_s, value("body"));
    if (has("notes"))
        fields.insert(u"notes"_s, value("notes"));
    if (has("body-file")) {
        QFile file(value("body-file"));
        const bool opened = value("body-file") == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                                      : file.open(QIODevice::ReadOnly);
        if (!opened)
            return reject(u"cannot read %1: %2"_s.arg(value("body-file"), file.errorString()));
        constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
        const QByteArray bytes = file.read(kMaxBytes + 1);
        if (bytes.size() > kMaxBytes)
            return reject(u"%1 is larger than 16 MB"_s.arg(value("body-file")));
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes)
            return reject(u"%1 is not UTF-8 text"_s.arg(value("body-file")));
        fields.insert(kind == Kind::Task ? u"notes"_s : u"body"_s, text);
    }
    // A reference option: 'none' clears it, anything else must name an existing entity.
    const auto reference = [&](const char *option, const QString &field, auto resolver) -> std::optional<Error> {
        if (!has(option))
            return std::nullopt;
        if (value(option) == QLatin1String("none")) {
            fields.insert(field, QJsonValue::Null);
            return std::nullopt;
        }
        auto id = (this->*resolver)(value(option));
        if (!id)
            return id.error();
        fields.insert(field, *id);
        return std::nullopt;
    };
    if (auto problem = reference("collection", u"collection"_s, &Cli::resolveCollection))
        return std::unexpected(*problem);
    if (has("due")) {
        const QString text = value("due").trimmed().toLower();
        if (text == QLatin1String("none"))
            fields.insert(u"due"_s, QJsonValue::Null);
        else if (text == QLatin1String("today"))
            fields.insert(u"due"_s, QDate::currentDate().toString(Qt::ISODate));
        else if (text == QLatin1String("tomorrow"))
            fields.insert(u"due"_s, QDate::currentDate().addDays(1).toString(Qt::ISODate));
        else
            fields.insert(u"due"_s, value("due"));
    }
    if (has("priority")) {
        bool ok = false;
        const int priority = value("priority").toInt(&ok);
        if (!ok)
            return reject(u"priority must be 0, 1, 2 or 3, not '%1'"_s.arg(value("priority")));
        fields.insert(u"priority"_s, priority);
    }
    if (has("tags")) {
        QJsonArray tags;
        for (const QString &tag : value("tags").split(QLatin1Char(','), Qt::SkipEmptyParts))
            tags.append(tag.trimmed());
        fields.insert(u"tags"_s, tags);
    }
    if (has("recurrence")) {
        const QString text = value("recurrence");
        fields.insert(u"recurrence"_s, text == QLatin1String("none") ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    }
    if (auto problem = reference("parent", u"parent"_s, &Cli::resolve))
        return std::unexpected(*problem);
    for (const char *flag : {"pinned", "archived"}) {
        if (!has(flag))
            continue;
        const QString text = value(flag).toLower();
        if (text != QLatin1String("yes") && text != QLatin1String("no"))
            return reject(u"--%1 takes yes or no, not '%2'"_s.arg(QLatin1StringView(flag), value(flag)));
        fields.insert(QString::fromLatin1(flag), text == QLatin1String("yes"));
    }
    if (has("color"))
        fields.insert(u"color"_s, value("color"));
    // Check every value now, so that a bad one stops the command before anything is written.
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        auto valid = Fields::validate(kind, it.key(), it.value());
        if (!valid)
            return std::unexpected(valid.error());
    }
    return fields;
}

void Cli::printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
}

} // namespace tidemark::ctl
