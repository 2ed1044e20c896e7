#pragma once

#include <QSqlQuery>
#include <QString>

#include <expected>
#include <optional>

namespace tidemark::server {

/// Accounts, passwords and device tokens, in the server database.
///
/// Passwords are stored as argon2id hashes (libsodium's crypto_pwhash_str). A login gives a device
/// a bearer token of 256 random bits; the database keeps only its SHA-256, so a copy of the
/// database does not let anyone in. Tokens are revoked one by one (log out) or all at once (a
/// password change).
class Accounts final
{
public:
    struct Session
    {
        QString account;
        QString token; ///< shown once, never stored
    };
    enum class Failure { Exists, BadName, WeakPassword, WrongPassword, Unknown, Internal };
    struct Error
    {
        Failure failure;
        QString message;
    };

    explicit Accounts(QString connection);

    /// Initialises the hashing library (the tables come with SyncService's migrations).
    bool prepare();
    /// Registering and signing in, all in one (administration and tests). The server's routes run
    /// the steps below instead, with the slow hashing on a worker thread.
    std::expected<QString, Error> registerAccount(const QString &name, const QString &password);
    std::expected<Session, Error> logIn(const QString &name, const QString &password, const QString &device);

    // --- The steps: database work on the owning thread, hashing anywhere ---------------------
    /// Whether `name` and `password` could make a new account (valid, strong enough, name free).
    std::expected<void, Error> checkNewAccount(const QString &name, const QString &password) const;
    /// Stores a new account with an argon2id hash from hashPassword().
    std::expected<QString, Error> createAccount(const QString &name, const QString &passwordHash);
    /// The account and stored hash for a user name; nullopt for an unknown name.
    std::expected<std::optional<std::pair<QString, QString>>, Error> storedHash(const QString &name) const;
    /// A new device token for the account.
    std::expected<Session, Error> startSession(const QString &account, const QString &device);
    /// The stored hash of an account's password.
    std::expected<QString, Error> passwordHashOf(const QString &account) const;
    /// Stores a new password hash (from hashPassword()) and signs every device out.
    std::expected<void, Error> replacePassword(const QString &account, const QString &newHash);
    /// argon2id (interactive limits); empty when out of memory. Thread-safe and slow (~0.2 s).
    static QString hashPassword(const QString &password);
    /// Checks a password against a stored hash; an empty hash spends the same effort and fails,
    /// so that timing does not tell unknown names from wrong passwords. Thread-safe and slow.
    static bool verifyPassword(const QString &hash, const QString &password);
    /// The account a token belongs to, if it is valid and not revoked.
    [[nodiscard]] std::optional<QString> authenticate(const QString &token) const;
    bool logOut(const QString &token);
    /// The device holding `token` has everything up to revision `pulled` (it asked for changes
    /// after it). Deleted items are purged only once every signed-in device is past them.
    void recordPull(const QString &token, qint64 pulled);

    /// A signed-in device, as the account's owner sees it.
    struct Device
    {
        QString id; ///< names the session without revealing anything of its token
        QString name;
        qint64 createdAt = 0;
        qint64 lastSeen = 0; ///< the last pull, 0 for never
        qint64 pulled = 0;   ///< the revision it has pulled up to
        bool current = false;
    };
    /// The account's signed-in devices, oldest first; `current` marks the one holding `token`.
    [[nodiscard]] QList<Device> devices(const QString &account, const QString &token) const;
    /// Signs one device of the account out; false when the account has no such device.
    bool revokeDevice(const QString &account, const QString &deviceId);
    std::expected<void, Error> changePassword(const QString &account, const QString &oldPassword, const QString &newPassword);

private:
    QString m_connection;
};

} // namespace tidemark::server
