#include "fieldrules.h"

#include "textmerge.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace tidemark::sync {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QSet<QString> toSet(const QJsonValue &value)
{
    QSet<QString> set;
    for (const QJsonValue &item : value.toArray())
        set.insert(item.toString());
    return set;
}

QJsonArray toSortedArray(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    std::ranges::sort(list);
    return QJsonArray::fromStringList(list);
}

FieldVerdict mergeSets(const FieldCase &c)
{
    const QSet<QString> current = toSet(c.current);
    const QSet<QString> incoming = toSet(c.incoming);
    QSet<QString> result = current;
    if (c.base) {
        // What this device added joins; what it removed (and the server still had) goes.
        const QSet<QString> base = toSet(*c.base);
        result.unite(incoming - base);
        result.subtract((base - incoming) & current);
    } else {
        result.unite(incoming); // no base: nothing can be known to be removed
    }
    return {FieldVerdict::Outcome::Merge, toSortedArray(result), s("tags-add-wins")};
}

FieldVerdict laterWins(const FieldCase &c, const QString &rule)
{
    // HLC texts compare like the clocks: time, then counter, then device id.
    if (c.incomingHlc > c.currentHlc)
        return {FieldVerdict::Outcome::IncomingWins, c.incoming, rule};
    return {FieldVerdict::Outcome::CurrentWins, c.current, rule};
}

} // namespace

FieldKind fieldKind(const QString &kind, const QString &field)
{
    if ((kind == QLatin1String("note") && field == QLatin1String("body"))
        || (kind == QLatin1String("task") && field == QLatin1String("notes")))
        return FieldKind::Text;
    if (field == QLatin1String("tags"))
        return FieldKind::Set;
    if (field == QLatin1String("deleted"))
        return FieldKind::Tombstone;
    if (field == QLatin1String("sort_key"))
        return FieldKind::Order;
    return FieldKind::Scalar;
}

FieldVerdict judgeField(const FieldCase &c)
{
    if (c.current.isUndefined() || !c.changedSinceBase) {
        // Nobody else touched the field since this device saw it.
        if (c.incoming == c.current)
            return {FieldVerdict::Outcome::Same, c.current, s("same-value")};
        return {FieldVerdict::Outcome::Apply, c.incoming, s("no-collision")};
    }
    if (c.incoming == c.current)
        return {FieldVerdict::Outcome::Same, c.current, s("same-value")};

    switch (fieldKind(c.kind, c.field)) {
    case FieldKind::Set:
        return mergeSets(c);
    case FieldKind::Order:
        return laterWins(c, s("order-later-wins"));
    case FieldKind::Tombstone:
        // Deleted on one side while the other side's delete flag differs: whoever restores wins,
        // so that nothing edited is ever hidden. Edits to other fields restore via the caller.
        return {FieldVerdict::Outcome::Merge, false, s("edit-beats-delete")};
    case FieldKind::Text: {
        if (!c.base)
            return {FieldVerdict::Outcome::Conflict, c.current, s("text-no-base")};
        const TextMerge merged = mergeText(c.base->toString(), c.current.toString(), c.incoming.toString());
        if (merged.clean)
            return {FieldVerdict::Outcome::Merge, merged.text, s("text-merged")};
        return {FieldVerdict::Outcome::Conflict, c.current, s("text-overlap")};
    }
    case FieldKind::Scalar:
        if (!c.base)
            return {FieldVerdict::Outcome::Conflict, c.current, s("scalar-no-base")};
        if (c.policy == FieldPolicy::AlwaysAsk)
            return {FieldVerdict::Outcome::Conflict, c.current, s("scalar-ask")};
        return laterWins(c, s("scalar-later-wins"));
    }
    return {FieldVerdict::Outcome::Conflict, c.current, s("unknown")};
}

} // namespace tidemark::sync
