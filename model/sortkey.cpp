#include "sortkey.h"

namespace tidemark::model::SortKey {

namespace {

constexpr int kBase = 62;
constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'z')
        return u - u'a' + 36;
    return -1;
}

} // namespace

bool isValid(QStringView key)
{
    if (key.isEmpty() || key.back() == QLatin1Char('0'))
        return false;
    for (QChar c : key) {
        if (digitValue(c) < 0)
            return false;
    }
    return true;
}

QString between(const QString &before, const QString &after)
{
    Q_ASSERT(before.isEmpty() || isValid(before));
    Q_ASSERT(after.isEmpty() || isValid(after));
    Q_ASSERT(before.isEmpty() || after.isEmpty() || before < after);

    // Appending and prepending are the common moves: step the first digit that has room, so keys
    // grow by one character per ~30 such moves instead of one per six.
    if (!before.isEmpty() && after.isEmpty()) {
        for (qsizetype i = 0; i < before.size(); ++i) {
            const int d = digitValue(before[i]);
            if (d < kBase - 1)
                return before.left(i) + QLatin1Char(kDigits[d + 1]);
        }
        return before + QLatin1Char(kDigits[kBase / 2]);
    }
    if (before.isEmpty() && !after.isEmpty()) {
        for (qsizetype i = 0; i < after.size(); ++i) {
            const int d = digitValue(after[i]);
            if (d > 1)
                return after.left(i) + QLatin1Char(kDigits[d - 1]);
        }
    }

    // Walk the digits; an exhausted `before` reads as zeros and an open end as the base itself.
    QString result;
    bool upperOpen = after.isEmpty();
    for (qsizetype n = 0;; ++n) {
        const int lo = n < before.size() ? digitValue(before[n]) : 0;
        const int hi = upperOpen ? kBase : (n < after.size() ? digitValue(after[n]) : 0);
        if (hi - lo > 1) {
            result += QLatin1Char(kDigits[(lo + hi) / 2]);
            return result;
        }
        result += QLatin1Char(kDigits[lo]);
        // Once a digit lies below the upper bound's, everything longer fits: the bound opens.
        if (lo < hi)
            upperOpen = true;
    }
}

} // namespace tidemark::model::SortKey
