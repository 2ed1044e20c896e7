#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark::sync {

/// One place where the two sides differ from their common base: the base's lines there and what
/// each side made of them. Lines keep their '\n' (the text's last line may lack one).
struct MergeHunk
{
    enum class Changed {
        Mine,   ///< only this device changed these lines: taking it is safe
        Theirs, ///< only the other side changed them
        Same,   ///< both made the same change
        Both,   ///< both changed the same (or adjacent) lines, differently: a person decides
    };
    Changed changed = Changed::Both;
    QStringList base;
    QStringList mine;
    QStringList theirs;
    qsizetype baseLine = 0; ///< 0-based line in the base where the hunk starts
};

/// What goes into the result for one hunk.
enum class MergeChoice {
    Undecided,      ///< only for hunks both sides changed; counts as Mine in result() until decided
    Mine,
    Theirs,
    MineThenTheirs, ///< both, this device's lines first
    TheirsThenMine,
    Base,           ///< neither: the text as it was
};

/// A text conflict cut into what all sides share and the hunks where they differ, aligned with
/// libgit2's line diff (the base against each side). The merge dialog shows it pane by pane and
/// builds the result from one choice per hunk. Hunks only one side changed start out taking that
/// side; hunks both changed start Undecided.
class MergeDocument
{
public:
    /// One piece of the text in order: either lines every side shares, or a hunk.
    struct Segment
    {
        QStringList common; ///< when hunk < 0
        qsizetype hunk = -1;
    };

    static MergeDocument make(const QString &base, const QString &mine, const QString &theirs);
    /// Without a base (the server had none for this conflict): mine against theirs only. Every
    /// place they differ is a hunk both changed, with an empty base, and waits for a choice.
    static MergeDocument makeTwoWay(const QString &mine, const QString &theirs);

    [[nodiscard]] const QList<Segment> &segments() const { return m_segments; }
    [[nodiscard]] const QList<MergeHunk> &hunks() const { return m_hunks; }
    [[nodiscard]] MergeChoice choice(qsizetype hunk) const { return m_choices.at(hunk); }
    void choose(qsizetype hunk, MergeChoice choice);
    /// Hunks both sides changed that still wait for a choice.
    [[nodiscard]] qsizetype undecidedCount() const;

    /// The lines one hunk contributes under its current choice.
    [[nodiscard]] QStringList resultLines(qsizetype hunk) const;
    /// The whole result text under the current choices.
    [[nodiscard]] QString result() const;

private:
    QList<Segment> m_segments;
    QList<MergeHunk> m_hunks;
    QList<MergeChoice> m_choices;
};

/// The parts of `after` that differ from `before`, word by word (libgit2's diff over one word per
/// line): (start, length) in `after`, for highlighting the changed words of a changed line. Runs
/// with only blanks between them are one range.
QList<QPair<qsizetype, qsizetype>> changedWords(const QString &before, const QString &after);

/// The text with every line break as '\n' ("\r\n", a lone '\r', U+2028 and U+2029 otherwise
/// count differently in a text document than in the string).
QString normalizedLineBreaks(QString text);

/// Splits a text into lines that keep their '\n'.
QStringList splitLines(const QString &text);

} // namespace tidemark::sync
