#include "corpus.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::bench {

Corpus::Corpus(quint32 seed, int vocabulary)
    : m_random(seed)
{
    QFile file(u"/usr/share/dict/words"_s);
    if (!file.open(QIODevice::ReadOnly))
        return;
    static const QRegularExpression plain(u"^[a-z]{2,14}$"_s);
    QStringList words;
    QSet<QString> seen;
    while (!file.atEnd()) {
        const QString word = QString::fromUtf8(file.readLine()).trimmed();
        if (plain.match(word).hasMatch() && !seen.contains(word)) {
            seen.insert(word);
            words << word;
        }
    }
    // Shuffle with the seed, so ranks are not alphabetical, then keep the vocabulary.
    for (qsizetype i = words.size() - 1; i > 0; --i)
        words.swapItemsAt(i, qsizetype(m_random.bounded(quint64(i + 1))));
    m_words = words.mid(0, vocabulary);
    m_cumulative.reserve(m_words.size());
    double sum = 0;
    for (qsizetype rank = 0; rank < m_words.size(); ++rank) {
        sum += 1.0 / double(rank + 1);
        m_cumulative.push_back(sum);
    }
}

QString Corpus::word()
{
    const double x = m_random.generateDouble() * m_cumulative.back();
    const auto it = std::ranges::lower_bound(m_cumulative, x);
    return m_words.at(qsizetype(it - m_cumulative.begin()));
}

QString Corpus::title(int approxLength)
{
    QString text = word();
    text[0] = text[0].toUpper();
    while (text.size() < approxLength)
        text += QLatin1Char(' ') + word();
    return text;
}

QString Corpus::markdownBody(int approxLength)
{
    QString text;
    text.reserve(approxLength + 200);
    while (text.size() < approxLength) {
        const quint32 kind = m_random.bounded(10u);
        if (kind == 0) {
            text += u"## "_s + title(24) + u"\n\n"_s;
        } else if (kind <= 2) {
            for (int i = 0; i < 3; ++i)
                text += u"- "_s + title(30) + QLatin1Char('\n');
            text += QLatin1Char('\n');
        } else {
            // A paragraph of sentences.
            for (quint32 sentences = 2 + m_random.bounded(3u); sentences > 0; --sentences) {
                QString sentence = word();
                sentence[0] = sentence[0].toUpper();
                for (quint32 words = 6 + m_random.bounded(10u); words > 0; --words)
                    sentence += QLatin1Char(' ') + (m_random.bounded(12u) == 0 ? u"*"_s + word() + u"*"_s : word());
                text += sentence + u". "_s;
            }
            text += u"\n\n"_s;
        }
    }
    return text;
}

} // namespace tidemark::bench
