#include "logging.h"

namespace tidemark::model {

Q_LOGGING_CATEGORY(lcModel, "tidemark.model", QtWarningMsg)

} // namespace tidemark::model
