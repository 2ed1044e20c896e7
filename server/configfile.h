// The server's configuration file: KEY=VALUE lines naming the options' environment variables, so
// that one file in /etc/tidemark/ configures the service and the administrator's commands.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <expected>

namespace tidemark::server {

// The settings a configuration file may hold: each is an option's environment variable.
QStringList configKeys();

// Reads FILE: blank lines and lines starting with # or ; are skipped; every other line is
// KEY=VALUE, with optional blanks around both and VALUE optionally in single or double quotes.
// An unknown KEY, a line without '=' or a file that cannot be read is an error naming the file and
// line. Returns the settings in file order.
std::expected<QList<QPair<QString, QString>>, QString> readConfigFile(const QString &path);

// Puts each setting of FILE into the process environment unless the environment already has it:
// the command line wins over the environment, which wins over the file. A key given twice in the
// file takes its last value.
std::expected<void, QString> applyConfigFile(const QString &path);

} // namespace tidemark::server
