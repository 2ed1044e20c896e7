#pragma once

#include <QLoggingCategory>

namespace tidemark::server {

/// The server layer's one logging category, "tidemark.server" (QT_LOGGING_RULES="tidemark.server.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace tidemark::server
