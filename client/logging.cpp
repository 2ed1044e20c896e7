#include "logging.h"

namespace tidemark::client {

Q_LOGGING_CATEGORY(lcClient, "tidemark.client", QtWarningMsg)

} // namespace tidemark::client
