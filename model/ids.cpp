#include "ids.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace tidemark::model {

QString newId()
{
    // 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids of the same millisecond in
    // creation order (RFC 9562, method 1), then 62 random bits.
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 counter = 0;
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&mutex);
        if (ms <= lastMs) {
            ms = lastMs;
            if (++counter > 0x0fff) {
                ++ms; // counter exhausted: borrow the next millisecond
                counter = 0;
            }
        } else {
            counter = static_cast<quint16>(QRandomGenerator::system()->bounded(0x0200));
        }
        lastMs = ms;
    }
    std::array<quint8, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<quint8>(ms >> (8 * (5 - i)));
    b[6] = static_cast<quint8>(0x70 | ((counter >> 8) & 0x0f));
    b[7] = static_cast<quint8>(counter & 0xff);
    const quint64 random = QRandomGenerator::system()->generate64();
    for (int i = 8; i < 16; ++i)
        b[i] = static_cast<quint8>(random >> (8 * (15 - i)));
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3f));

    static constexpr char hex[] = "0123456789abcdef";
    QString text;
    text.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += QLatin1Char('-');
        text += QLatin1Char(hex[b[i] >> 4]);
        text += QLatin1Char(hex[b[i] & 0x0f]);
    }
    return text;
}

bool isValidId(QStringView text)
{
    static const QRegularExpression pattern(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    return pattern.matchView(text).hasMatch();
}

} // namespace tidemark::model
