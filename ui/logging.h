#pragma once

#include <QLoggingCategory>

namespace tidemark::ui {

/// The ui layer's one logging category, "tidemark.ui" (QT_LOGGING_RULES="tidemark.ui.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace tidemark::ui
