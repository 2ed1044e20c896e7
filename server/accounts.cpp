#include "accounts.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace tidemark::server {

namespace {

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Accounts::Error internal(const QSqlQuery &q) { return {Accounts::Failure::Internal, q.lastError().text()}; }

} // namespace

Accounts::Accounts(QString connection)
    : m_connection(std::move(connection))
{
}

bool Accounts::prepare()
{
    return sodium_init() >= 0; // the tables come with the server's migrations
}

QString Accounts::hashPassword(const QString &password)
{
    char hash[crypto_pwhash_STRBYTES];
    const QByteArray secret = password.toUtf8();
    if (crypto_pwhash_str(hash, secret.constData(), quint64(secret.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(hash);
}

bool Accounts::verifyPassword(const QString &hash, const QString &password)
{
    const QByteArray secret = password.toUtf8();
    if (hash.isEmpty()) {
        [[maybe_unused]] const QString wasted = hashPassword(password);
        return false;
    }
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), secret.constData(), quint64(secret.size())) == 0;
}

std::expected<void, Accounts::Error> Accounts::checkNewAccount(const QString &name, const QString &password) const
{
    static const QRegularExpression valid(u"^[\\p{L}\\p{N}._@+-]{1,64}$"_s);
    if (!valid.match(name).hasMatch())
        return std::unexpected(Error{Failure::BadName, u"a user name is 1 to 64 letters, digits or . _ @ + -"_s});
    if (password.size() < 8 || password.size() > 1024)
        return std::unexpected(Error{Failure::WeakPassword, u"a password needs at least 8 characters"_s});
    QSqlQuery exists(QSqlDatabase::database(m_connection, false));
    exists.prepare(u"SELECT 1 FROM accounts WHERE name = ?"_s);
    exists.addBindValue(name);
    if (!exists.exec())
        return std::unexpected(internal(exists));
    if (exists.next())
        return std::unexpected(Error{Failure::Exists, u"the name '%1' is taken"_s.arg(name)});
    return {};
}

std::expected<QString, Accounts::Error> Accounts::createAccount(const QString &name, const QString &passwordHash)
{
    if (passwordHash.isEmpty())
        return std::unexpected(Error{Failure::Internal, u"out of memory while hashing the password"_s});
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!db.transaction())
        return std::unexpected(Error{Failure::Internal, db.lastError().text()});
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO accounts (id, name, rev, created_at) VALUES (?, ?, 0, ?)"_s);
    insert.addBindValue(id);
    insert.addBindValue(name);
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    QSqlQuery store(db);
    store.prepare(u"INSERT INTO passwords (account_id, hash) VALUES (?, ?)"_s);
    store.addBindValue(id);
    store.addBindValue(passwordHash);
    if (!insert.exec() || !store.exec()) {
        const Error error = internal(insert.lastError().isValid() ? insert : store);
        db.rollback();
        // Taken meanwhile (while the password was being hashed): the UNIQUE name says so.
        if (auto taken = checkNewAccount(name, u"long enough"_s); !taken && taken.error().failure == Failure::Exists)
            return std::unexpected(taken.error());
        return std::unexpected(error);
    }
    if (!db.commit())
        return std::unexpected(Error{Failure::Internal, db.lastError().text()});
    return id;
}

std::expected<QString, Accounts::Error> Accounts::registerAccount(const QString &name, const QString &password)
{
    if (auto ok = checkNewAccount(name, password); !ok)
        return std::unexpected(ok.error());
    return createAccount(name, hashPassword(password));
}

std::expected<std::optional<std::pair<QString, QString>>, Accounts::Error> Accounts::storedHash(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT a.id, p.hash FROM accounts a JOIN passwords p ON p.account_id = a.id WHERE a.name = ?"_s);
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(internal(q));
    if (!q.next())
        return std::optional<std::pair<QString, QString>>();
    return std::optional(std::pair{q.value(0).toString(), q.value(1).toString()});
}

std::expected<Accounts::Session, Accounts::Error> Accounts::startSession(const QString &account, const QString &device)
{
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    const QString token = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(random), sizeof random).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QSqlQuery insert(QSqlDatabase::database(m_connection, false));
    insert.prepare(u"INSERT INTO tokens (hash, account_id, device, created_at) VALUES (?, ?, ?, ?)"_s);
    insert.addBindValue(tokenHash(token));
    insert.addBindValue(account);
    insert.addBindValue(device.trimmed().isEmpty() ? u"unnamed device"_s : device.trimmed().left(200));
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec())
        return std::unexpected(internal(insert));
    return Session{account, token};
}

std::expected<Accounts::Session, Accounts::Error> Accounts::logIn(const QString &name, const QString &password,
                                                                  const QString &device)
{
    auto stored = storedHash(name);
    if (!stored)
        return std::unexpected(stored.error());
    if (!verifyPassword(*stored ? (*stored)->second : QString(), password) || !*stored)
        return std::unexpected(Error{Failure::WrongPassword, u"wrong user name or password"_s});
    return startSession((*stored)->first, device);
}

std::optional<QString> Accounts::authenticate(const QString &token) const
{
    if (token.isEmpty() || token.size() > 100)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT account_id FROM tokens WHERE hash = ? AND revoked = 0"_s);
    q.addBindValue(tokenHash(token));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

bool Accounts::logOut(const QString &token)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"UPDATE tokens SET revoked = 1 WHERE hash = ?"_s);
    q.addBindValue(tokenHash(token));
    return q.exec() && q.numRowsAffected() == 1;
}

void Accounts::recordPull(const QString &token, qint64 pulled)
{
    // Written when the device moved on, or at most once a minute for "last seen".
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"UPDATE tokens SET pulled = CASE WHEN pulled < ? THEN ? ELSE pulled END, last_seen = ? "
                "WHERE hash = ? AND (pulled < ? OR last_seen < ?)"_s);
    for (const QVariant &value : QVariantList{pulled, pulled, now, tokenHash(token), pulled, now - 60000})
        q.addBindValue(value);
    q.exec();
}

QList<Accounts::Device> Accounts::devices(const QString &account, const QString &token) const
{
    QList<Device> devices;
    const QString mine = tokenHash(token);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT hash, device, created_at, last_seen, pulled FROM tokens WHERE account_id = ? AND revoked = 0 "
                "ORDER BY created_at, hash"_s);
    q.addBindValue(account);
    if (q.exec()) {
        while (q.next()) {
            const QString hash = q.value(0).toString();
            devices.append({hash.left(16), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                            q.value(4).toLongLong(), hash == mine});
        }
    }
    return devices;
}

bool Accounts::revokeDevice(const QString &account, const QString &deviceId)
{
    static const QRegularExpression hex(u"^[0-9a-f]{16}$"_s);
    if (!hex.match(deviceId).hasMatch())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"UPDATE tokens SET revoked = 1 WHERE account_id = ? AND substr(hash, 1, 16) = ? AND revoked = 0"_s);
    q.addBindValue(account);
    q.addBindValue(deviceId);
    return q.exec() && q.numRowsAffected() > 0;
}

std::expected<QString, Accounts::Error> Accounts::passwordHashOf(const QString &account) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT hash FROM passwords WHERE account_id = ?"_s);
    q.addBindValue(account);
    if (!q.exec())
        return std::unexpected(internal(q));
    if (!q.next())
        return std::unexpected(Error{Failure::Unknown, u"no such account"_s});
    return q.value(0).toString();
}

std::expected<void, Accounts::Error> Accounts::replacePassword(const QString &account, const QString &newHash)
{
    if (newHash.isEmpty())
        return std::unexpected(Error{Failure::Internal, u"out of memory while hashing the password"_s});
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return std::unexpected(Error{Failure::Internal, db.lastError().text()});
    QSqlQuery update(db);
    update.prepare(u"UPDATE passwords SET hash = ? WHERE account_id = ?"_s);
    update.addBindValue(newHash);
    update.addBindValue(account);
    QSqlQuery revoke(db);
    revoke.prepare(u"UPDATE tokens SET revoked = 1 WHERE account_id = ?"_s); // every device signs in again
    revoke.addBindValue(account);
    if (!update.exec() || !revoke.exec()) {
        db.rollback();
        return std::unexpected(Error{Failure::Internal, u"cannot store the new password"_s});
    }
    if (!db.commit())
        return std::unexpected(Error{Failure::Internal, db.lastError().text()});
    return {};
}

std::expected<void, Accounts::Error> Accounts::changePassword(const QString &account, const QString &oldPassword,
                                                              const QString &newPassword)
{
    auto hash = passwordHashOf(account);
    if (!hash)
        return std::unexpected(hash.error());
    if (!verifyPassword(*hash, oldPassword))
        return std::unexpected(Error{Failure::WrongPassword, u"the current password is wrong"_s});
    if (newPassword.size() < 8 || newPassword.size() > 1024)
        return std::unexpected(Error{Failure::WeakPassword, u"a password needs at least 8 characters"_s});
    return replacePassword(account, hashPassword(newPassword));
}

} // namespace tidemark::server
