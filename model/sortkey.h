#pragma once

#include <QString>

namespace tidemark::model {

/// Fractional indexing for manual order: keys are strings over 62 digits that compare as plain
/// byte strings, and between any two keys there is always room for another, so a move rewrites
/// one item's key only and two devices' concurrent moves stay independent.
namespace SortKey {

/// A key ordered strictly between `before` and `after`; an empty `before` means "the start", an
/// empty `after` "the end". Requires before < after when both are given.
QString between(const QString &before, const QString &after);

/// True for a non-empty key of digits 0-9A-Za-z that does not end in '0'.
bool isValid(QStringView key);

} // namespace SortKey
} // namespace tidemark::model
