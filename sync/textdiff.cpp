#include "textdiff.h"

#include "gitdiff.h"
#include "mergedocument.h"

#include <git2.h>

#include <algorithm>
#include <memory>

namespace tidemark::sync {

namespace {

QString withoutBreak(const QString &line)
{
    return line.endsWith(QLatin1Char('\n')) ? line.chopped(1) : line;
}

/// Unchanged lines further than `context` rows from any change, folded into Skipped rows.
QList<DiffRow> folded(const QList<DiffRow> &rows, int context)
{
    QList<bool> keep(rows.size(), false);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].kind == DiffRow::Kind::Same)
            continue;
        for (qsizetype k = std::max<qsizetype>(0, i - context); k <= std::min(rows.size() - 1, i + context); ++k)
            keep[k] = true;
    }
    QList<DiffRow> out;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (keep[i]) {
            out.append(rows[i]);
            continue;
        }
        if (out.isEmpty() || out.last().kind != DiffRow::Kind::Skipped) {
            DiffRow gap;
            gap.kind = DiffRow::Kind::Skipped;
            gap.leftLine = rows[i].leftLine;
            gap.rightLine = rows[i].rightLine;
            out.append(gap);
        }
        ++out.last().skipped;
    }
    return out;
}

} // namespace

QString unifiedDiff(const QString &before, const QString &after, int context)
{
    if (before == after)
        return {};
    // The patch points into these buffers: they live as long as it.
    const QByteArray beforeBytes = before.toUtf8();
    const QByteArray afterBytes = after.toUtf8();
    const detail::Patch patch = detail::lineDiff(beforeBytes, afterBytes, context);
    if (!patch)
        return {};
    QByteArray out;
    const std::size_t hunks = git_patch_num_hunks(patch.get());
    for (std::size_t h = 0; h < hunks; ++h) {
        const git_diff_hunk *hunk = nullptr;
        std::size_t lines = 0;
        if (git_patch_get_hunk(&hunk, &lines, patch.get(), h) != 0)
            continue;
        // Without the "function context" git puts after the numbers: for prose it is just the
        // line before the hunk.
        const QByteArray header(hunk->header, qsizetype(hunk->header_len));
        const qsizetype close = header.indexOf(" @@", 2);
        out.append(close > 0 ? header.left(close + 3) : header.trimmed());
        out.append('\n');
        for (std::size_t l = 0; l < lines; ++l) {
            const git_diff_line *line = nullptr;
            if (git_patch_get_line_in_hunk(&line, patch.get(), h, l) != 0)
                continue;
            switch (line->origin) {
            case GIT_DIFF_LINE_CONTEXT:
            case GIT_DIFF_LINE_ADDITION:
            case GIT_DIFF_LINE_DELETION:
                out.append(char(line->origin));
                out.append(line->content, qsizetype(line->content_len));
                if (!out.endsWith('\n'))
                    out.append('\n');
                break;
            case GIT_DIFF_LINE_CONTEXT_EOFNL:
            case GIT_DIFF_LINE_ADD_EOFNL:
            case GIT_DIFF_LINE_DEL_EOFNL:
                out.append("\\ No newline at end of file\n");
                break;
            default:
                break;
            }
        }
    }
    return QString::fromUtf8(out);
}

QList<DiffRow> sideBySideDiff(const QString &before, const QString &after, int context)
{
    const QStringList oldLines = splitLines(before);
    const QStringList newLines = splitLines(after);
    QList<DiffRow> rows;
    qsizetype oldAt = 0;
    qsizetype newAt = 0;
    const auto same = [&](qsizetype oldEnd) {
        while (oldAt < oldEnd && oldAt < oldLines.size() && newAt < newLines.size()) {
            rows.append({DiffRow::Kind::Same, withoutBreak(oldLines[oldAt]), withoutBreak(newLines[newAt]),
                         int(oldAt + 1), int(newAt + 1), 0});
            ++oldAt;
            ++newAt;
        }
    };
    if (before != after) {
        const QByteArray beforeBytes = before.toUtf8();
        const QByteArray afterBytes = after.toUtf8();
        const detail::Patch patch = detail::lineDiff(beforeBytes, afterBytes, 0);
        const std::size_t hunks = patch ? git_patch_num_hunks(patch.get()) : 0;
        for (std::size_t h = 0; h < hunks; ++h) {
            const git_diff_hunk *hunk = nullptr;
            std::size_t lines = 0;
            if (git_patch_get_hunk(&hunk, &lines, patch.get(), h) != 0)
                continue;
            // Unified-diff numbering: 1-based, and an empty side names the line it follows.
            const qsizetype oldStart = hunk->old_lines == 0 ? hunk->old_start : hunk->old_start - 1;
            const qsizetype newStart = hunk->new_lines == 0 ? hunk->new_start : hunk->new_start - 1;
            same(oldStart);
            newAt = newStart; // the same as where the unchanged lines led, unless libgit2 disagrees
            const qsizetype removed = std::min<qsizetype>(hunk->old_lines, oldLines.size() - oldAt);
            const qsizetype added = std::min<qsizetype>(hunk->new_lines, newLines.size() - newAt);
            for (qsizetype k = 0; k < std::max(removed, added); ++k) {
                DiffRow row;
                if (k < removed) {
                    row.left = withoutBreak(oldLines[oldAt + k]);
                    row.leftLine = int(oldAt + k + 1);
                }
                if (k < added) {
                    row.right = withoutBreak(newLines[newAt + k]);
                    row.rightLine = int(newAt + k + 1);
                }
                row.kind = k < removed && k < added ? DiffRow::Kind::Changed
                           : k < removed           ? DiffRow::Kind::Removed
                                                   : DiffRow::Kind::Added;
                rows.append(row);
            }
            oldAt += removed;
            newAt += added;
        }
    }
    same(oldLines.size());
    return context >= 0 ? folded(rows, context) : rows;
}

} // namespace tidemark::sync
