#include "compression.h"

#include <zlib.h>
#include <zstd.h>

#include <QList>

using namespace Qt::StringLiterals;

namespace tidemark::sync::Compression {

namespace {

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper rather than zlib's.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

std::expected<QByteArray, QString> gunzip(const QByteArray &data, qsizetype maxBytes)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return std::unexpected(u"cannot start gzip decoding"_s);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    QByteArray out;
    char chunk[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&stream);
            return std::unexpected(u"the gzip body is corrupt or cut short"_s);
        }
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
        if (out.size() > maxBytes) {
            inflateEnd(&stream);
            return std::unexpected(u"the body expands to more than %1 bytes"_s.arg(maxBytes));
        }
        if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            return std::unexpected(u"the gzip body is corrupt or cut short"_s);
        }
    }
    inflateEnd(&stream);
    return out;
}

std::expected<QByteArray, QString> unzstd(const QByteArray &data, qsizetype maxBytes)
{
    ZSTD_DCtx *context = ZSTD_createDCtx();
    if (!context)
        return std::unexpected(u"cannot start zstd decoding"_s);
    ZSTD_inBuffer in{data.constData(), std::size_t(data.size()), 0};
    QByteArray out;
    QByteArray chunk(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    std::size_t rc = 1;
    while (in.pos < in.size || rc != 0) {
        ZSTD_outBuffer buffer{chunk.data(), std::size_t(chunk.size()), 0};
        rc = ZSTD_decompressStream(context, &buffer, &in);
        if (ZSTD_isError(rc)) {
            ZSTD_freeDCtx(context);
            return std::unexpected(u"the zstd body is corrupt: %1"_s.arg(QString::fromLatin1(ZSTD_getErrorName(rc))));
        }
        out.append(chunk.constData(), qsizetype(buffer.pos));
        if (out.size() > maxBytes) {
            ZSTD_freeDCtx(context);
            return std::unexpected(u"the body expands to more than %1 bytes"_s.arg(maxBytes));
        }
        if (in.pos == in.size && buffer.pos == 0 && rc != 0) {
            ZSTD_freeDCtx(context);
            return std::unexpected(u"the zstd body is cut short"_s);
        }
    }
    ZSTD_freeDCtx(context);
    return out;
}

} // namespace

std::optional<Encoding> fromContentEncoding(const QByteArray &header)
{
    const QByteArray value = header.trimmed().toLower();
    if (value.isEmpty() || value == "identity")
        return Encoding::Identity;
    if (value == "gzip" || value == "x-gzip")
        return Encoding::Gzip;
    if (value == "zstd")
        return Encoding::Zstd;
    return std::nullopt;
}

Encoding preferred(const QByteArray &acceptEncoding)
{
    bool gzipOk = false;
    for (const QByteArray &part : acceptEncoding.toLower().split(',')) {
        const QList<QByteArray> pieces = part.split(';');
        const QByteArray name = pieces.first().trimmed();
        const bool refused = pieces.size() > 1 && pieces.at(1).trimmed() == "q=0";
        if (refused)
            continue;
        if (name == "zstd")
            return Encoding::Zstd;
        if (name == "gzip")
            gzipOk = true;
    }
    return gzipOk ? Encoding::Gzip : Encoding::Identity;
}

QByteArray headerValue(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Gzip:
        return "gzip";
    case Encoding::Zstd:
        return "zstd";
    case Encoding::Identity:
        break;
    }
    return "identity";
}

QByteArray compress(const QByteArray &data, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Identity:
        return data;
    case Encoding::Gzip:
        return gzip(data);
    case Encoding::Zstd: {
        QByteArray out(qsizetype(ZSTD_compressBound(std::size_t(data.size()))), Qt::Uninitialized);
        const std::size_t size = ZSTD_compress(out.data(), std::size_t(out.size()), data.constData(), std::size_t(data.size()), 3);
        if (ZSTD_isError(size))
            return {};
        out.resize(qsizetype(size));
        return out;
    }
    }
    return data;
}

std::expected<QByteArray, QString> decompress(const QByteArray &data, Encoding encoding, qsizetype maxBytes)
{
    switch (encoding) {
    case Encoding::Identity:
        if (data.size() > maxBytes)
            return std::unexpected(u"the body is larger than %1 bytes"_s.arg(maxBytes));
        return data;
    case Encoding::Gzip:
        return gunzip(data, maxBytes);
    case Encoding::Zstd:
        return unzstd(data, maxBytes);
    }
    return data;
}

} // namespace tidemark::sync::Compression
