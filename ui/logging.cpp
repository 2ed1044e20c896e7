#include "ui/logging.h"

namespace tidemark::ui {

Q_LOGGING_CATEGORY(lcUi, "tidemark.ui", QtWarningMsg)

} // namespace tidemark::ui
