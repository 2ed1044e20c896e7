#pragma once

#include "model/entity.h"
#include "model/error.h"
#include "model/records.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace tidemark::model {
class Store;
}

namespace tidemark::ctl {

/// tidemarkctl's commands over the local store. Each command checks all of its arguments before it
/// writes anything; a problem is one line on stderr and a non-zero exit status (2 for a usage
/// error, 1 for anything else).
class Cli final
{
public:
    Cli();
    ~Cli();

    int run(const QStringList &arguments);

private:
    using Handler = int (Cli::*)();
    struct Command
    {
        const char *name;
        const char *synopsis;
        QStringList options;
        Handler handler;
    };

    int usageError(const QString &message);
    int fail(const model::Error &error);
    bool openStore();
    model::Result<QString> resolve(const QString &text);
    model::Result<QString> resolveCollection(const QString &text);
    model::Result<QJsonObject> fieldsFromOptions(model::Kind kind);
    QString helpText() const;

    int addCommand();
    int editCommand();
    int doneCommand();
    int removeCommand();
    int restoreCommand();
    int tombstoneCommand(const char *name, bool deleted);
    int moveCommand();
    int listCommand();
    int showCommand();
    int searchCommand();
    int historyCommand();
    int outboxCommand();
    int collectionsCommand();
    int tagsCommand();
    int exportCommand();
    int importCommand();
    int accountCommand();
    int syncCommand();
    int statusCommand();
    [[nodiscard]] QJsonObject metrics() const;
    int conflictsCommand();
    int resolveCommand();
    int auditCommand();
    int deviceNameCommand();
    /// account devices | signout ID | password: the account's signed-in devices.
    int accountSessionCommand(const QString &action);
    /// A device as a person knows it: "this device", its name, or "another device".
    [[nodiscard]] QString deviceLabel(const QString &deviceId) const;
    int undoResolutionCommand();
    /// The conflict event a person named by its id or a unique start or end of it.
    [[nodiscard]] model::Result<model::ConflictRecord> findConflict(const QString &wanted) const;
    [[nodiscard]] QJsonObject conflictJson(const model::ConflictRecord &record) const;

    void printJson(const QJsonValue &value);

    QCommandLineParser m_parser;
    QList<Command> m_commands;
    QStringList m_args; ///< positional arguments after the command name
    std::unique_ptr<model::Store> m_store;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace tidemark::ctl
