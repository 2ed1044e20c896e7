#include "accountfile.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace tidemark::client::AccountFile {
namespace {

const QString kKeychainService = u"Tidemark"_s;

// Runs a keychain job to its end; false when no keychain answered.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit); // a keychain that never answers
    job.start();
    if (!finished)
        loop.exec();
    return finished && job.error() == QKeychain::NoError;
}

bool keychainDisabled() { return qEnvironmentVariableIsSet("TIDEMARK_NO_KEYCHAIN"); }

} // namespace

QString path(const QString &storePath) { return storePath + u".account"_s; }

QJsonObject read(const QString &storePath)
{
    QFile file(path(storePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject account = QJsonDocument::fromJson(file.readAll()).object();
    if (account.value(u"token_in_keychain"_s).toBool() && !keychainDisabled()) {
        QKeychain::ReadPasswordJob job(kKeychainService);
        job.setKey(storePath);
        if (runJob(job))
            account.insert(u"token"_s, job.textData());
    }
    return account;
}

bool write(const QString &storePath, QJsonObject account, bool *tokenInFile)
{
    const QString token = account.take(u"token"_s).toString();
    account.remove(u"token_in_keychain"_s);
    if (tokenInFile)
        *tokenInFile = false;
    if (!token.isEmpty()) {
        bool stored = false;
        if (!keychainDisabled()) {
            QKeychain::WritePasswordJob job(kKeychainService);
            job.setKey(storePath);
            job.setTextData(token);
            stored = runJob(job);
        }
        if (stored) {
            account.insert(u"token_in_keychain"_s, true);
        } else {
            account.insert(u"token"_s, token);
            if (tokenInFile)
                *tokenInFile = true;
        }
    } else if (!keychainDisabled()) {
        QKeychain::DeletePasswordJob job(kKeychainService);
        job.setKey(storePath);
        runJob(job);
    }
    QSaveFile file(path(storePath));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(account).toJson());
    return file.commit();
}

} // namespace tidemark::client::AccountFile
