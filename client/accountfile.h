#pragma once

#include <QJsonObject>
#include <QString>

namespace tidemark::client::AccountFile {

/// The account of a store lives next to it (`STORE.account`), readable by its owner only:
/// {"server", "user", "token" (only when no keychain is available), "last_sync", "last_error"}.
/// The token itself goes to the system keychain (QtKeychain) when there is one; the environment
/// variable TIDEMARK_NO_KEYCHAIN keeps it out of the keychain (tests). Keychain calls wait for
/// their answer (at most 10 s): call these at start-up or from a worker thread, not from a
/// widget's event handler.
QString path(const QString &storePath);
/// The account, with its token taken from the keychain when it is there; empty when there is none.
QJsonObject read(const QString &storePath);
/// Writes the account (an empty "token" signs out and removes it from the keychain).
/// `tokenInFile` is set when the token had to go into the file because no keychain answered.
bool write(const QString &storePath, QJsonObject account, bool *tokenInFile = nullptr);

} // namespace tidemark::client::AccountFile
