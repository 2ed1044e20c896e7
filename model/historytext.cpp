#include "historytext.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <memory>

using namespace Qt::StringLiterals;

namespace tidemark::model::HistoryText {

namespace {

// Level 3 is zstd's default: a 3 MB text packs in a few tens of milliseconds.
constexpr int kLevel = 3;
// Texts are at most 4 MB of UTF-8 (sync::kMaxTextBytes), a keyframe and a version 8 MB together:
// the window covers both so that every match into the keyframe is found.
constexpr int kMaxWindowLog = 27; // what a decoder accepts by default

struct ContextDeleter {
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
    void operator()(ZSTD_DCtx *d) const { ZSTD_freeDCtx(d); }
};

int windowLogFor(qsizetype bytes)
{
    const int log = int(std::bit_width(std::size_t(std::max<qsizetype>(bytes, 1)) - 1));
    return std::clamp(log, 10, kMaxWindowLog); // 10: the smallest window zstd has
}

QByteArray compress(const QByteArray &utf8, const QByteArray &base)
{
    std::unique_ptr<ZSTD_CCtx, ContextDeleter> context(ZSTD_createCCtx());
    if (!context)
        return {};
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, kLevel);
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
    if (!base.isEmpty()) {
        ZSTD_CCtx_setParameter(context.get(), ZSTD_c_windowLog, windowLogFor(base.size() + utf8.size()));
        ZSTD_CCtx_setParameter(context.get(), ZSTD_c_enableLongDistanceMatching, 1);
        if (ZSTD_isError(ZSTD_CCtx_refPrefix(context.get(), base.constData(), std::size_t(base.size()))))
            return {};
    }
    QByteArray out(qsizetype(ZSTD_compressBound(std::size_t(utf8.size()))), Qt::Uninitialized);
    const std::size_t n = ZSTD_compress2(context.get(), out.data(), std::size_t(out.size()), utf8.constData(),
                                         std::size_t(utf8.size()));
    if (ZSTD_isError(n))
        return {};
    out.truncate(qsizetype(n));
    return out;
}

} // namespace

QByteArray pack(const QByteArray &utf8) { return compress(utf8, {}); }

QByteArray packAgainst(const QByteArray &utf8, const QByteArray &base) { return compress(utf8, base); }

std::expected<QByteArray, QString> unpack(const QByteArray &frame, const QByteArray &base)
{
    const unsigned long long size = ZSTD_getFrameContentSize(frame.constData(), std::size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return std::unexpected(u"a version's text is damaged (not a complete zstd frame)"_s);
    // Twice the largest text a field may hold: a damaged header must not ask for gigabytes.
    if (size > 8ull * 1024 * 1024)
        return std::unexpected(u"a version's text is damaged (it claims %1 bytes)"_s.arg(size));
    std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    if (!context)
        return std::unexpected(u"cannot start zstd decoding"_s);
    if (!base.isEmpty()
        && ZSTD_isError(ZSTD_DCtx_refPrefix(context.get(), base.constData(), std::size_t(base.size()))))
        return std::unexpected(u"cannot use a version's keyframe"_s);
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const std::size_t n = ZSTD_decompressDCtx(context.get(), out.data(), std::size_t(out.size()), frame.constData(),
                                              std::size_t(frame.size()));
    if (ZSTD_isError(n) || n != size)
        return std::unexpected(u"a version's text is damaged: %1"_s
                                   .arg(ZSTD_isError(n) ? QString::fromLatin1(ZSTD_getErrorName(n)) : u"short"_s));
    return out;
}

} // namespace tidemark::model::HistoryText
