#include "mergedocument.h"

#include "gitdiff.h"

#include <git2.h>

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::sync {

namespace {

/// Lines [start, start + count) of the base are replaced by `lines`.
struct Edit
{
    qsizetype start = 0;
    qsizetype count = 0;
    QStringList lines;
    [[nodiscard]] qsizetype end() const { return start + count; }
};

/// A zero-context diff of two buffers, one hunk per changed run: (old start, old count, new start,
/// new count), 0-based, with an empty run's start being the index it sits before.
struct Run
{
    qsizetype oldStart = 0;
    qsizetype oldCount = 0;
    qsizetype newStart = 0;
    qsizetype newCount = 0;
};

QList<Run> diffRuns(const QByteArray &before, const QByteArray &after)
{
    QList<Run> runs;
    const detail::Patch owned = detail::lineDiff(before, after, 0);
    if (!owned)
        return runs;
    git_patch *patch = owned.get();
    const std::size_t hunks = git_patch_num_hunks(patch);
    for (std::size_t i = 0; i < hunks; ++i) {
        const git_diff_hunk *hunk = nullptr;
        std::size_t lines = 0;
        if (git_patch_get_hunk(&hunk, &lines, patch, i) != 0)
            continue;
        // Unified-diff numbering: 1-based, and an empty side names the line it follows.
        Run run;
        run.oldCount = hunk->old_lines;
        run.newCount = hunk->new_lines;
        run.oldStart = hunk->old_lines == 0 ? hunk->old_start : hunk->old_start - 1;
        run.newStart = hunk->new_lines == 0 ? hunk->new_start : hunk->new_start - 1;
        runs.append(run);
    }
    return runs;
}

QList<Edit> lineEdits(const QString &base, const QString &side, const QStringList &sideLines)
{
    QList<Edit> edits;
    for (const Run &run : diffRuns(base.toUtf8(), side.toUtf8()))
        edits.append({run.oldStart, run.oldCount, sideLines.mid(run.newStart, run.newCount)});
    return edits;
}

/// The base's lines [from, to) with the given edits (all inside that span, in order) applied.
QStringList applyEdits(const QStringList &base, qsizetype from, qsizetype to, const QList<const Edit *> &edits)
{
    QStringList out;
    qsizetype at = from;
    for (const Edit *edit : edits) {
        out += base.mid(at, edit->start - at);
        out += edit->lines;
        at = edit->end();
    }
    out += base.mid(at, to - at);
    return out;
}

/// `first` then `second`, with a line break between them if `first` ends without one.
QStringList joined(QStringList first, const QStringList &second)
{
    if (!first.isEmpty() && !second.isEmpty() && !first.last().endsWith(QLatin1Char('\n')))
        first.last().append(QLatin1Char('\n'));
    return first + second;
}

} // namespace

QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            lines.append(text.sliced(start));
            break;
        }
        lines.append(text.sliced(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

MergeDocument MergeDocument::make(const QString &base, const QString &mine, const QString &theirs)
{
    const QStringList baseLines = splitLines(base);
    const QStringList mineLines = splitLines(mine);
    const QStringList theirLines = splitLines(theirs);
    const QList<Edit> mineEdits = lineEdits(base, mine, mineLines);
    const QList<Edit> theirEdits = lineEdits(base, theirs, theirLines);

    MergeDocument doc;
    qsizetype at = 0; // next base line not yet placed
    qsizetype m = 0;
    qsizetype t = 0;
    while (m < mineEdits.size() || t < theirEdits.size()) {
        // A hunk starts at the earliest pending edit and takes in every edit, of either side, that
        // overlaps or touches it: changes to adjacent lines collide, as in a three-way file merge.
        qsizetype from = 0;
        if (t >= theirEdits.size() || (m < mineEdits.size() && mineEdits[m].start <= theirEdits[t].start))
            from = mineEdits[m].start;
        else
            from = theirEdits[t].start;
        qsizetype to = from;
        QList<const Edit *> mineIn;
        QList<const Edit *> theirIn;
        for (bool grew = true; grew;) {
            grew = false;
            while (m < mineEdits.size() && mineEdits[m].start <= to && mineEdits[m].end() >= from) {
                to = std::max(to, mineEdits[m].end());
                mineIn.append(&mineEdits[m++]);
                grew = true;
            }
            while (t < theirEdits.size() && theirEdits[t].start <= to && theirEdits[t].end() >= from) {
                to = std::max(to, theirEdits[t].end());
                theirIn.append(&theirEdits[t++]);
                grew = true;
            }
        }
        if (from > at)
            doc.m_segments.append({baseLines.mid(at, from - at), -1});

        MergeHunk hunk;
        hunk.baseLine = from;
        hunk.base = baseLines.mid(from, to - from);
        hunk.mine = applyEdits(baseLines, from, to, mineIn);
        hunk.theirs = applyEdits(baseLines, from, to, theirIn);
        MergeChoice choice = MergeChoice::Undecided;
        if (theirIn.isEmpty()) {
            hunk.changed = MergeHunk::Changed::Mine;
            choice = MergeChoice::Mine;
        } else if (mineIn.isEmpty()) {
            hunk.changed = MergeHunk::Changed::Theirs;
            choice = MergeChoice::Theirs;
        } else if (hunk.mine == hunk.theirs) {
            hunk.changed = MergeHunk::Changed::Same;
            choice = MergeChoice::Mine;
        }
        doc.m_segments.append({{}, doc.m_hunks.size()});
        doc.m_hunks.append(hunk);
        doc.m_choices.append(choice);
        at = to;
    }
    if (at < baseLines.size())
        doc.m_segments.append({baseLines.mid(at), -1});
    return doc;
}

MergeDocument MergeDocument::makeTwoWay(const QString &mine, const QString &theirs)
{
    const QStringList mineLines = splitLines(mine);
    const QStringList theirLines = splitLines(theirs);
    MergeDocument doc;
    qsizetype at = 0; // next line of mine not yet placed
    for (const Run &run : diffRuns(mine.toUtf8(), theirs.toUtf8())) {
        if (run.oldStart > at)
            doc.m_segments.append({mineLines.mid(at, run.oldStart - at), -1});
        MergeHunk hunk;
        hunk.changed = MergeHunk::Changed::Both;
        hunk.baseLine = run.oldStart;
        hunk.mine = mineLines.mid(run.oldStart, run.oldCount);
        hunk.theirs = theirLines.mid(run.newStart, run.newCount);
        doc.m_segments.append({{}, doc.m_hunks.size()});
        doc.m_hunks.append(hunk);
        doc.m_choices.append(MergeChoice::Undecided);
        at = run.oldStart + run.oldCount;
    }
    if (at < mineLines.size())
        doc.m_segments.append({mineLines.mid(at), -1});
    return doc;
}

QString normalizedLineBreaks(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QChar(0x2028), QLatin1Char('\n'));
    text.replace(QChar(0x2029), QLatin1Char('\n'));
    return text;
}

void MergeDocument::choose(qsizetype hunk, MergeChoice choice)
{
    m_choices[hunk] = choice;
}

qsizetype MergeDocument::undecidedCount() const
{
    return std::count(m_choices.cbegin(), m_choices.cend(), MergeChoice::Undecided);
}

QStringList MergeDocument::resultLines(qsizetype index) const
{
    const MergeHunk &hunk = m_hunks.at(index);
    switch (m_choices.at(index)) {
    case MergeChoice::Undecided:
    case MergeChoice::Mine:
        return hunk.mine;
    case MergeChoice::Theirs:
        return hunk.theirs;
    case MergeChoice::MineThenTheirs:
        return joined(hunk.mine, hunk.theirs);
    case MergeChoice::TheirsThenMine:
        return joined(hunk.theirs, hunk.mine);
    case MergeChoice::Base:
        return hunk.base;
    }
    return hunk.mine;
}

QString MergeDocument::result() const
{
    QStringList lines;
    for (const Segment &segment : m_segments) {
        if (segment.hunk < 0) {
            lines = joined(lines, segment.common);
        } else {
            lines = joined(lines, resultLines(segment.hunk));
        }
    }
    return lines.join(QString());
}

QList<QPair<qsizetype, qsizetype>> changedWords(const QString &before, const QString &after)
{
    // Words, runs of blanks and single other characters are the units; each goes on a line of its
    // own (a line break stands for itself as "\x01") so that the line diff compares units.
    static const QRegularExpression unit(u"\\w+|[ \\t]+|\\n|[^\\w\\s]|\\s"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    const auto units = [](const QString &text, QList<qsizetype> *offsets) {
        QByteArray buffer;
        auto it = unit.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            offsets->append(match.capturedStart());
            const QString piece = match.captured();
            buffer += piece == QLatin1String("\n") ? QByteArray("\x01") : piece.toUtf8();
            buffer += '\n';
        }
        offsets->append(text.size());
        return buffer;
    };
    QList<qsizetype> beforeOffsets;
    QList<qsizetype> afterOffsets;
    const QByteArray beforeUnits = units(before, &beforeOffsets);
    const QByteArray afterUnits = units(after, &afterOffsets);

    QList<QPair<qsizetype, qsizetype>> ranges;
    for (const Run &run : diffRuns(beforeUnits, afterUnits)) {
        if (run.newCount == 0)
            continue; // a deletion leaves nothing to mark in `after`
        const qsizetype start = afterOffsets.at(run.newStart);
        const qsizetype end = afterOffsets.at(run.newStart + run.newCount);
        // Two changed runs with only blanks (not a line break) between them read as one change.
        const qsizetype lastEnd = ranges.isEmpty() ? -1 : ranges.last().first + ranges.last().second;
        const QString gap = lastEnd >= 0 ? after.sliced(lastEnd, start - lastEnd) : QString();
        if (lastEnd >= 0 && !gap.contains(QLatin1Char('\n')) && gap.trimmed().isEmpty())
            ranges.last().second = end - ranges.last().first;
        else
            ranges.append({start, end - start});
    }
    return ranges;
}

} // namespace tidemark::sync
