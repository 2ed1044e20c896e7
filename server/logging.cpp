#include "logging.h"

namespace tidemark::server {

Q_LOGGING_CATEGORY(lcServer, "tidemark.server", QtWarningMsg)

} // namespace tidemark::server
