#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace tidemark::model {

class Store;

/// Export to and import from plain files, so that notes never depend on Tidemark to be read.
///
/// Markdown: one `.md` file per note or task, named after its title, with a front-matter block
/// (`---` lines) holding id, kind, collection (by name), tags, dates and task fields, then the body.
/// JSON: one `tidemark.json` with every live collection, note and task and all their fields.
namespace Exchange {

struct Summary
{
    int collections = 0;
    int notes = 0;
    int tasks = 0;
    QStringList files;
};

Result<Summary> exportMarkdown(const Store &store, const QString &directory);
Result<Summary> exportJson(const Store &store, const QString &directory);

/// Imports every `.md` file in `directory`. All files are read and checked first; if any is
/// broken, nothing is written and the error names each bad file. A file whose front matter has the
/// id of an existing item updates that item; others become new items. Collections are matched by
/// name and created when missing.
Result<Summary> importMarkdown(Store &store, const QString &directory);

} // namespace Exchange
} // namespace tidemark::model
