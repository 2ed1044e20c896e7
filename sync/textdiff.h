#pragma once

#include <QList>
#include <QString>

namespace tidemark::sync {

/// One row of a side-by-side comparison of two texts: a line of the old text, of the new text, or
/// of both, lined up so that an unchanged line sits beside itself and a changed line beside what
/// it became.
struct DiffRow
{
    enum class Kind {
        Same,    ///< the line is in both texts
        Removed, ///< only in the old text (right is empty)
        Added,   ///< only in the new text (left is empty)
        Changed, ///< a line of the old text beside the line that replaced it
        Skipped, ///< unchanged lines left out (`skipped` of them), far from any change
    };
    Kind kind = Kind::Same;
    QString left;  ///< the old line, without its line break
    QString right; ///< the new line, without its line break
    int leftLine = 0;  ///< 1-based line number in the old text; 0 where the row has no old line
    int rightLine = 0; ///< 1-based line number in the new text; 0 where the row has no new line
    int skipped = 0;   ///< for Skipped rows: how many unchanged lines it stands for

    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

/// The changes from `before` to `after` as a unified diff (`git diff` without file headers): hunks
/// headed "@@ -a,b +c,d @@", lines prefixed with ' ', '-' or '+', `context` unchanged lines around
/// each change, and "\ No newline at end of file" where a side's last line has no line break.
/// Empty when the texts are the same. Computed with libgit2's line diff.
QString unifiedDiff(const QString &before, const QString &after, int context = 3);

/// The same comparison as rows for two columns. Removed and added lines of one change are paired
/// up as Changed rows (first with first), the surplus stands alone. With `context` >= 0, runs of
/// unchanged lines further than `context` lines from a change become one Skipped row; with -1
/// (the default) every line is there.
QList<DiffRow> sideBySideDiff(const QString &before, const QString &after, int context = -1);

} // namespace tidemark::sync
