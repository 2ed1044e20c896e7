#pragma once

#include <QString>

namespace tidemark::sync {

/// Three-way merge of two edits of one text, with libgit2's file merge (the algorithm of
/// `git merge-file`): changes in different places combine; changes to the same lines collide.
struct TextMerge
{
    bool clean = false; ///< every change combined without a collision
    QString text;       ///< the merged text when clean; otherwise empty
};

/// Merges `mine` and `theirs`, both edited from `base`.
TextMerge mergeText(const QString &base, const QString &mine, const QString &theirs);

} // namespace tidemark::sync
