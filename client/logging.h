#pragma once

#include <QLoggingCategory>

namespace tidemark::client {

/// The client layer's one logging category, "tidemark.client" (QT_LOGGING_RULES="tidemark.client.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcClient)

} // namespace tidemark::client
