#pragma once

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace tidemark::sync {

/// HTTP body compression for the sync protocol: zstd (preferred) and gzip, with libzstd and zlib.
namespace Compression {

enum class Encoding { Identity, Gzip, Zstd };

/// The encoding named by a Content-Encoding header; nullopt for one this build cannot read.
std::optional<Encoding> fromContentEncoding(const QByteArray &header);
/// The best encoding an Accept-Encoding header allows (zstd, then gzip, else identity).
Encoding preferred(const QByteArray &acceptEncoding);
QByteArray headerValue(Encoding encoding);

QByteArray compress(const QByteArray &data, Encoding encoding);
/// Decompresses, refusing output larger than `maxBytes` (a small body must not expand into a huge
/// one) and corrupt input, with a message saying which.
std::expected<QByteArray, QString> decompress(const QByteArray &data, Encoding encoding, qsizetype maxBytes);

} // namespace Compression
} // namespace tidemark::sync
