#include "gitdiff.h"

#include <git2.h>

#include <algorithm>
#include <mutex>

namespace tidemark::sync::detail {

void initLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

void PatchFree::operator()(git_patch *patch) const { git_patch_free(patch); }

Patch lineDiff(const QByteArray &before, const QByteArray &after, int context)
{
    initLibgit2();
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.context_lines = std::uint32_t(std::max(context, 0));
    options.interhunk_lines = 0;
    // A note that happens to hold a NUL byte is still text to a person.
    options.flags |= GIT_DIFF_FORCE_TEXT;
    git_patch *patch = nullptr;
    if (git_patch_from_buffers(&patch, before.constData(), std::size_t(before.size()), nullptr, after.constData(),
                               std::size_t(after.size()), nullptr, &options)
        != 0)
        return nullptr;
    return Patch(patch);
}

} // namespace tidemark::sync::detail
