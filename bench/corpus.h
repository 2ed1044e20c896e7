#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <vector>

namespace tidemark::bench {

/// Natural-looking text for benchmarks: real English words drawn with a Zipf-like distribution
/// (rank r has weight 1/r), as word frequencies are in real notes. Deterministic for a seed.
class Corpus
{
public:
    /// Uses the system word list (/usr/share/dict/words); `vocabulary` words at most.
    Corpus(quint32 seed, int vocabulary = 20000);

    [[nodiscard]] bool isValid() const { return !m_words.isEmpty(); }
    [[nodiscard]] int vocabularySize() const { return int(m_words.size()); }
    /// The word of a frequency rank (0 = most common).
    [[nodiscard]] const QString &wordOfRank(int rank) const { return m_words.at(rank); }

    QString word();
    QString title(int approxLength = 40);
    QString markdownBody(int approxLength = 1500);

private:
    QStringList m_words;
    std::vector<double> m_cumulative;
    QRandomGenerator m_random;
};

} // namespace tidemark::bench
