#include "textmerge.h"

#include "gitdiff.h"

#include <git2.h>


namespace tidemark::sync {

namespace {

git_merge_file_input input(const QByteArray &bytes)
{
    git_merge_file_input in;
    git_merge_file_input_init(&in, GIT_MERGE_FILE_INPUT_VERSION);
    in.ptr = bytes.constData();
    in.size = std::size_t(bytes.size());
    return in;
}

} // namespace

TextMerge mergeText(const QString &base, const QString &mine, const QString &theirs)
{
    if (mine == theirs)
        return {true, mine};
    if (mine == base)
        return {true, theirs};
    if (theirs == base)
        return {true, mine};
    detail::initLibgit2();
    const QByteArray baseBytes = base.toUtf8();
    const QByteArray mineBytes = mine.toUtf8();
    const QByteArray theirBytes = theirs.toUtf8();
    const git_merge_file_input ancestor = input(baseBytes);
    const git_merge_file_input ours = input(mineBytes);
    const git_merge_file_input their = input(theirBytes);
    git_merge_file_options options;
    git_merge_file_options_init(&options, GIT_MERGE_FILE_OPTIONS_VERSION);
    options.favor = GIT_MERGE_FILE_FAVOR_NORMAL;
    git_merge_file_result result{};
    if (git_merge_file(&result, &ancestor, &ours, &their, &options) != 0)
        return {false, {}};
    TextMerge merged;
    merged.clean = result.automergeable != 0;
    if (merged.clean)
        merged.text = QString::fromUtf8(result.ptr, qsizetype(result.len));
    git_merge_file_result_free(&result);
    return merged;
}

} // namespace tidemark::sync
