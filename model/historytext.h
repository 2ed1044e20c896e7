#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace tidemark::model {

/// How the history keeps long texts: not the whole text again for every save, but a zstd frame of
/// the text (a keyframe) and, for the versions after it, zstd frames made with the keyframe as
/// their prefix (zstd's "patch from"), which hold little more than what changed. A version is then
/// two decompressions away, whichever it is. docs/local-store.md, "History".
namespace HistoryText {

/// Text fields shorter than this (in UTF-16 units) stay in the version's snapshot as they are.
inline constexpr qsizetype kMinChars = 16 * 1024;
/// A keyframe is followed by at most this many deltas; then, or when a delta is no longer small
/// beside its keyframe, the next version is a keyframe again.
inline constexpr int kMaxDeltas = 64;

/// The text's UTF-8 bytes compressed on their own.
QByteArray pack(const QByteArray &utf8);
/// The text's UTF-8 bytes compressed against `base` (the keyframe's UTF-8 bytes).
QByteArray packAgainst(const QByteArray &utf8, const QByteArray &base);
/// The UTF-8 bytes back from a frame (with the `base` it was packed against, if any), or why not.
std::expected<QByteArray, QString> unpack(const QByteArray &frame, const QByteArray &base = {});
/// Whether a delta of `deltaBytes` is still worth keeping against a keyframe of `keyframeBytes`.
inline bool deltaIsSmall(qsizetype deltaBytes, qsizetype keyframeBytes) { return deltaBytes * 4 <= keyframeBytes; }

} // namespace HistoryText
} // namespace tidemark::model
