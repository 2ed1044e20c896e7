#pragma once

#include <QLoggingCategory>

namespace tidemark::model {

/// The model layer's one logging category, "tidemark.model" (QT_LOGGING_RULES="tidemark.model.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcModel)

} // namespace tidemark::model
