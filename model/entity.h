#pragma once

#include "error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

#include <optional>

namespace tidemark::model {

enum class Kind { Collection, Note, Task };

QString kindName(Kind kind);
std::optional<Kind> kindFromName(QStringView name);

/// One collection, note or task as the store and the sync protocol see it: its fields by their
/// wire names ("title", "due", "tags", ...), including fields this version does not know, which
/// are kept and sent back untouched. `rev` is the server revision the local state is based on
/// (0 while the server has never seen it).
struct Entity
{
    Kind kind = Kind::Note;
    QString id;
    qint64 rev = 0;
    QJsonObject fields;
    qint64 createdAt = 0; ///< ms since epoch
    qint64 updatedAt = 0;

    [[nodiscard]] QString string(const QString &field) const { return fields.value(field).toString(); }
    [[nodiscard]] bool flag(const QString &field) const { return fields.value(field).toBool(); }
    [[nodiscard]] bool isDeleted() const { return flag(QStringLiteral("deleted")); }
};

/// A field's value as the store keeps it in text columns (a JSON array of one, so that any value,
/// null too, survives) and back.
QString valueText(const QJsonValue &value);
QJsonValue valueFromText(const QString &text);

/// The start of a Markdown body as one plain line (about 140 characters) for lists: line breaks
/// flattened, heading, list, quote and emphasis marks left out.
QString plainSnippet(const QString &markdown);

/// The field catalogue: which fields each kind has, their defaults, and the rules for values.
namespace Fields {

/// The fields of a kind that this version knows, in a stable order.
const QStringList &known(Kind kind);
bool isKnown(Kind kind, const QString &field);
/// A new entity's fields: every known field at its default.
QJsonObject defaults(Kind kind);
/// Checks and normalises a value a user gives a field (trims and sorts tags, normalises dates),
/// or says why it is not allowed. References (collection, parent) are only checked for form here.
Result<QJsonValue> validate(Kind kind, const QString &field, const QJsonValue &value);
/// Text fields that the sync merges line by line.
bool isText(Kind kind, const QString &field);

/// From this size (in UTF-8 bytes) on the editor says how close a text is to the limit, which
/// is sync::kMaxTextBytes, measured by sync::utf8Length: the server's own number and measure.
inline constexpr qsizetype kNearTextBytes = 3 * 1024 * 1024;

} // namespace Fields
} // namespace tidemark::model

Q_DECLARE_METATYPE(tidemark::model::Entity)
