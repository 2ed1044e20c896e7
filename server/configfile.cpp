#include "server/configfile.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tidemark::server {

QStringList configKeys()
{
    return {u"TIDEMARK_LISTEN"_s,        u"TIDEMARK_PORT"_s,
            u"TIDEMARK_DATABASE"_s,      u"TIDEMARK_REGISTRATION"_s,
            u"TIDEMARK_LOG_LEVEL"_s,     u"TIDEMARK_TLS_CERT"_s,
            u"TIDEMARK_TLS_KEY"_s,       u"TIDEMARK_MAX_BODY_MB"_s,
            u"TIDEMARK_MAX_TEXT_MB"_s,
            u"TIDEMARK_MAX_REQUESTS_PER_MINUTE"_s, u"TIDEMARK_RETENTION_DAYS"_s};
}

std::expected<QList<QPair<QString, QString>>, QString> readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(u"%1: %2"_s.arg(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return std::unexpected(u"%1: larger than 1 MiB, not a configuration file"_s.arg(path));

    static const QRegularExpression keyPattern(u"^[A-Z_][A-Z0-9_]*$"_s);
    const QStringList known = configKeys();
    QList<QPair<QString, QString>> settings;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        const auto where = [&] { return u"%1:%2: "_s.arg(path).arg(lineNumber); };
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            return std::unexpected(where() + u"expected KEY=VALUE, got '%1'"_s.arg(line));
        const QString key = line.first(equals).trimmed();
        QString value = line.sliced(equals + 1).trimmed();
        if (!keyPattern.match(key).hasMatch() || !known.contains(key))
            return std::unexpected(where() + u"unknown setting '%1' (known: %2)"_s
                                                 .arg(key, known.join(u", "_s)));
        if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))) {
            if (value.back() != value.front())
                return std::unexpected(where() + u"unterminated quote in the value of %1"_s.arg(key));
            value = value.sliced(1, value.size() - 2);
        }
        settings.append({key, value});
    }
    return settings;
}

std::expected<void, QString> applyConfigFile(const QString &path)
{
    auto settings = readConfigFile(path);
    if (!settings)
        return std::unexpected(settings.error());
    QStringList fromEnvironment;
    for (const QString &key : configKeys()) {
        if (qEnvironmentVariableIsSet(key.toLatin1().constData()))
            fromEnvironment.append(key);
    }
    // A key given twice takes its last value.
    for (const auto &[key, value] : *settings) {
        if (!fromEnvironment.contains(key))
            qputenv(key.toLatin1().constData(), value.toUtf8());
    }
    return {};
}

} // namespace tidemark::server
