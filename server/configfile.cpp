#include "server/configfile.h"

#include <QFile>
#include <QRegularExpression>

namespace tidemark::server {

QStringList configKeys()
{
    return {QStringLiteral("TIDEMARK_LISTEN"),        QStringLiteral("TIDEMARK_PORT"),
            QStringLiteral("TIDEMARK_DATABASE"),      QStringLiteral("TIDEMARK_REGISTRATION"),
            QStringLiteral("TIDEMARK_LOG_LEVEL"),     QStringLiteral("TIDEMARK_TLS_CERT"),
            QStringLiteral("TIDEMARK_TLS_KEY"),       QStringLiteral("TIDEMARK_MAX_BODY_MB"),
            QStringLiteral("TIDEMARK_MAX_TEXT_MB"),
            QStringLiteral("TIDEMARK_MAX_REQUESTS_PER_MINUTE"), QStringLiteral("TIDEMARK_RETENTION_DAYS")};
}

std::expected<QList<QPair<QString, QString>>, QString> readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return std::unexpected(QStringLiteral("%1: larger than 1 MiB, not a configuration file").arg(path));

    static const QRegularExpression keyPattern(QStringLiteral("^[A-Z_][A-Z0-9_]*$"));
    const QStringList known = configKeys();
    QList<QPair<QString, QString>> settings;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        const auto where = [&] { return QStringLiteral("%1:%2: ").arg(path).arg(lineNumber); };
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            return std::unexpected(where() + QStringLiteral("expected KEY=VALUE, got '%1'").arg(line));
        const QString key = line.first(equals).trimmed();
        QString value = line.sliced(equals + 1).trimmed();
        if (!keyPattern.match(key).hasMatch() || !known.contains(key))
            return std::unexpected(where() + QStringLiteral("unknown setting '%1' (known: %2)")
                                                 .arg(key, known.join(QStringLiteral(", "))));
        if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))) {
            if (value.back() != value.front())
                return std::unexpected(where() + QStringLiteral("unterminated quote in the value of %1").arg(key));
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
