#pragma once

#include <QString>

#include <expected>

namespace tidemark::model {

/// Why a store operation did not happen. `code` is for programs (the UI maps it to a sentence),
/// `message` is a technical, untranslated explanation for logs and the command line.
struct Error
{
    enum class Code {
        NotFound,     ///< no entity with that id (or not of the expected kind)
        InvalidInput, ///< a field value that the rules do not allow
        Database,     ///< SQLite failed; the action was rolled back
        Io,           ///< a file could not be read or written
    };

    Code code = Code::Database;
    QString message;

    static Error notFound(const QString &what) { return {Code::NotFound, what}; }
    static Error invalid(const QString &what) { return {Code::InvalidInput, what}; }
    static Error database(const QString &what) { return {Code::Database, what}; }
    static Error io(const QString &what) { return {Code::Io, what}; }
};

template<typename T>
using Result = std::expected<T, Error>;

} // namespace tidemark::model
