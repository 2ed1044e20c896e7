#include "cli.h"

#include "model/due.h"
#include "model/store.h"

#include <tidemark/version.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace tidemark::ctl {

using namespace tidemark::model;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }
} // namespace

Cli::Cli()
    : m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(s("Tidemark's command-line client: work with the local store from scripts."));
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOptions({
        {s("db"), s("The store to use (default: the app's store)."), s("PATH")},
        {s("json"), s("Print JSON instead of text (read commands).")},
        {s("title"), s("Title."), s("TEXT")},
        {s("body"), s("A note's Markdown body."), s("TEXT")},
        {s("body-file"), s("Read the body (or a task's notes) from FILE; - for standard input."), s("FILE")},
        {s("notes"), s("A task's Markdown notes."), s("TEXT")},
        {s("collection"), s("Collection: id, unique part of an id, or name; 'none' for no collection."), s("C")},
        {s("due"), s("Due: 2026-12-01, 2026-12-01T09:30[Europe/Berlin], today, tomorrow or none."), s("WHEN")},
        {s("priority"), s("Priority 0 (none) to 3 (high)."), s("N")},
        {s("tags"), s("Comma-separated tags (replaces the tags)."), s("LIST")},
        {s("recurrence"), s("Repeat: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY[;INTERVAL=N], or none."), s("RULE")},
        {s("parent"), s("Parent task (subtask) or parent collection; 'none' to clear."), s("ID")},
        {s("pinned"), s("Pin a note: yes or no."), s("YES|NO")},
        {s("archived"), s("Archive a note: yes or no."), s("YES|NO")},
        {s("color"), s("A collection's colour, #rrggbb."), s("HEX")},
        {s("undo"), s("With done: mark the task not done again.")},
        {s("view"), s("With list: all, today, upcoming, done, archive, trash, pending or conflicts."), s("VIEW")},
        {s("tag"), s("With list: only items with this tag."), s("TAG")},
        {s("limit"), s("With search: at most N results (default 20)."), s("N")},
        {s("restore"), s("With history: restore version N (a new version, itself undoable)."), s("N")},
        {s("format"), s("With export: markdown or json."), s("FORMAT")},
        {s("server"), s("With account: the sync server, e.g. https://sync.example.org."), s("URL")},
        {s("user"), s("With account: the user name."), s("NAME")},
        {s("take"), s("With resolve: keep mine, theirs, or both (texts: both versions where they collide, mine first)."), s("SIDE")},
        {s("file"), s("With resolve: the resolved value from FILE (- for standard input)."), s("FILE")},
        {s("all"), s("With conflicts: every conflict event, not just the open ones.")},
        {s("item"), s("With audit: only the events of this item."), s("ID")},
        {s("password-stdin"), s("With account: read the password from standard input (it is read from there "
                                "anyway, without echo on a terminal).")},
    });
    m_parser.addHelpOption();
    m_parser.addVersionOption();

    const QStringList fields{s("title"), s("body"), s("body-file"), s("notes"), s("collection"), s("due"),
                             s("priority"), s("tags"), s("recurrence"), s("parent"), s("pinned"), s("archived"),
                             s("color")};
    m_commands = {
        {"add", "add note|task|collection [TITLE] [FIELD OPTIONS]   create; prints the new id", fields, &Cli::addCommand},
        {"edit", "edit ID [FIELD OPTIONS]                           change fields", fields, &Cli::editCommand},
        {"done", "done ID [--undo]                                  complete a task", {s("undo")}, &Cli::doneCommand},
        {"rm", "rm ID                                             move to the Trash (a collection: its items stay)", {}, &Cli::removeCommand},
        {"restore", "restore ID                                        bring back from the Trash", {}, &Cli::restoreCommand},
        {"mv", "mv ID COLLECTION|none                             move to a collection", {}, &Cli::moveCommand},
        {"list", "list [--view V] [--collection C] [--tag T]        list notes and tasks",
         {s("view"), s("collection"), s("tag")}, &Cli::listCommand},
        {"show", "show ID                                           every field of one item", {}, &Cli::showCommand},
        {"search", "search WORDS... [--limit N]                       full-text search", {s("limit")}, &Cli::searchCommand},
        {"history", "history ID [--restore N]                          versions of an item", {s("restore")}, &Cli::historyCommand},
        {"outbox", "outbox                                            operations not yet sent", {}, &Cli::outboxCommand},
        {"collections", "collections                                       collections with counts", {}, &Cli::collectionsCommand},
        {"tags", "tags                                              tags with counts", {}, &Cli::tagsCommand},
        {"export", "export --format markdown|json DIR                 write files", {s("format")}, &Cli::exportCommand},
        {"import", "import markdown DIR                               read Markdown files", {}, &Cli::importCommand},
        {"account", "account register|login|logout [--server URL --user NAME]   sign this store in to a sync server;\n"
                    "  account devices [--json] | signout ID | password   the account's devices, sign one out, new password",
         {s("server"), s("user"), s("password-stdin")}, &Cli::accountCommand},
        {"sync", "sync                                              push the outbox, pull until current", {}, &Cli::syncCommand},
        {"status", "status                                            sync state, pending operations, cursor", {}, &Cli::statusCommand},
        {"conflicts", "conflicts [--all]                                 open conflicts (every event with --all)", {s("all")}, &Cli::conflictsCommand},
        {"resolve", "resolve CONFLICT --take mine|theirs|both | --file F  decide a conflict", {s("take"), s("file")}, &Cli::resolveCommand},
        {"device-name", "device-name [NAME]                                this device's name as other devices show it", {}, &Cli::deviceNameCommand},
        {"audit", "audit [--item ID]                                 every conflict event and how it was settled", {s("item")}, &Cli::auditCommand},
        {"undo-resolution", "undo-resolution EVENT                             undo a choice (its conflict is back), or use a rule's other value", {}, &Cli::undoResolutionCommand},
    };
}

Cli::~Cli() = default;

QString Cli::helpText() const
{
    QString text = m_parser.helpText();
    text += s("\nCommands:\n");
    for (const Command &command : m_commands)
        text += s("  ") + QString::fromUtf8(command.synopsis) + QLatin1Char('\n');
    text += s("\nIDs can be given whole or by a unique start or end of at least six characters.\n");
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
    if (m_parser.isSet(s("help"))) {
        m_out << helpText();
        return 0;
    }
    if (m_parser.isSet(s("version"))) {
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
        return usageError(s("unknown command '%1' (see tidemarkctl --help)").arg(name));
    static const QStringList global{s("db"), s("json"), s("help"), s("version")};
    for (const QString &option : m_parser.optionNames()) {
        if (!global.contains(option) && !command->options.contains(option))
            return usageError(s("option --%1 does not apply to '%2'").arg(option, name));
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
    QString path = m_parser.value(s("db"));
    if (path.isEmpty()) {
        path = qEnvironmentVariable("TIDEMARK_DB");
        if (path.isEmpty())
            path = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                       .filePath(s("tidemark/tidemark.db"));
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
        return std::unexpected(Error::invalid(s("more than one collection is called '%1'; use its id").arg(text)));
    auto id = m_store->resolveId(text);
    if (!id)
        return std::unexpected(Error::notFound(s("no collection '%1'").arg(text)));
    if (m_store->entity(*id)->kind != Kind::Collection)
        return std::unexpected(Error::invalid(s("%1 is not a collection").arg(*id)));
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
            return reject(s("--%1 does not apply to a %2").arg(QLatin1StringView(option), kindText));
    }

    if (has("title"))
        fields.insert(kind == Kind::Collection ? s("name") : s("title"), value("title"));
    if (has("body"))
        fields.insert(s("body"), value("body"));
    if (has("notes"))
        fields.insert(s("notes"), value("notes"));
    if (has("body-file")) {
        QFile file(value("body-file"));
        const bool opened = value("body-file") == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                                      : file.open(QIODevice::ReadOnly);
        if (!opened)
            return reject(s("cannot read %1: %2").arg(value("body-file"), file.errorString()));
        constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
        const QByteArray bytes = file.read(kMaxBytes + 1);
        if (bytes.size() > kMaxBytes)
            return reject(s("%1 is larger than 16 MB").arg(value("body-file")));
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes)
            return reject(s("%1 is not UTF-8 text").arg(value("body-file")));
        fields.insert(kind == Kind::Task ? s("notes") : s("body"), text);
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
    if (auto problem = reference("collection", s("collection"), &Cli::resolveCollection))
        return std::unexpected(*problem);
    if (has("due")) {
        const QString text = value("due").trimmed().toLower();
        if (text == QLatin1String("none"))
            fields.insert(s("due"), QJsonValue::Null);
        else if (text == QLatin1String("today"))
            fields.insert(s("due"), QDate::currentDate().toString(Qt::ISODate));
        else if (text == QLatin1String("tomorrow"))
            fields.insert(s("due"), QDate::currentDate().addDays(1).toString(Qt::ISODate));
        else
            fields.insert(s("due"), value("due"));
    }
    if (has("priority")) {
        bool ok = false;
        const int priority = value("priority").toInt(&ok);
        if (!ok)
            return reject(s("priority must be 0, 1, 2 or 3, not '%1'").arg(value("priority")));
        fields.insert(s("priority"), priority);
    }
    if (has("tags")) {
        QJsonArray tags;
        for (const QString &tag : value("tags").split(QLatin1Char(','), Qt::SkipEmptyParts))
            tags.append(tag.trimmed());
        fields.insert(s("tags"), tags);
    }
    if (has("recurrence")) {
        const QString text = value("recurrence");
        fields.insert(s("recurrence"), text == QLatin1String("none") ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    }
    if (auto problem = reference("parent", s("parent"), &Cli::resolve))
        return std::unexpected(*problem);
    for (const char *flag : {"pinned", "archived"}) {
        if (!has(flag))
            continue;
        const QString text = value(flag).toLower();
        if (text != QLatin1String("yes") && text != QLatin1String("no"))
            return reject(s("--%1 takes yes or no, not '%2'").arg(QLatin1StringView(flag), value(flag)));
        fields.insert(QString::fromLatin1(flag), text == QLatin1String("yes"));
    }
    if (has("color"))
        fields.insert(s("color"), value("color"));
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
