#pragma once

// libgit2 as the sync library uses it: started once, and its line diff of two texts. Internal to
// sync/; the rest of the project sees MergeDocument, textdiff and textmerge.
#include <QByteArray>

#include <memory>

struct git_patch;

namespace tidemark::sync::detail {

/// Starts libgit2 once per process (thread-safe); every call into it comes after this.
void initLibgit2();

struct PatchFree
{
    void operator()(git_patch *patch) const;
};
using Patch = std::unique_ptr<git_patch, PatchFree>;

/// libgit2's line diff of two buffers with `context` unchanged lines around each change, as text
/// even where a NUL byte is; null when libgit2 refused (out of memory). The patch points into both
/// buffers: they must outlive it.
Patch lineDiff(const QByteArray &before, const QByteArray &after, int context);

} // namespace tidemark::sync::detail
