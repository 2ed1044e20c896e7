#pragma once

#include <QString>

namespace tidemark::model {

/// A new UUID version 7 (RFC 9562) in its canonical lower-case text form. Ids made by one process
/// sort by creation time, also within one millisecond.
QString newId();

/// True for a canonical UUID text (any version), the only form ids take in the store.
bool isValidId(QStringView text);

} // namespace tidemark::model
