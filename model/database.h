#pragma once

#include "error.h"

#include <QString>

class QSqlDatabase;

namespace tidemark::model {

/// Opening the local SQLite store and keeping its schema current. Each thread opens its own
/// connection under its own name; the file is in WAL mode with a busy timeout, so the app's UI
/// thread, its workers and tidemarkctl can use one store at once.
namespace Database {

/// The schema version this build writes (`PRAGMA user_version`).
int latestVersion();

/// Opens (creating if needed) the store at `path` as connection `connectionName`, sets the
/// pragmas and migrates to the latest version. `path` ":memory:" gives a private in-memory store.
Result<void> open(const QString &path, const QString &connectionName);

/// Migrates an open connection from its version up to `targetVersion` (forward only), one
/// transaction per step. A store newer than this build is refused, not touched.
Result<void> migrate(const QSqlDatabase &db, int targetVersion);

/// The version the connection's store is at.
Result<int> version(const QSqlDatabase &db);

/// Closes and removes the named connection.
void close(const QString &connectionName);

} // namespace Database
} // namespace tidemark::model
