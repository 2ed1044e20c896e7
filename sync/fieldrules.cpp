#include "fieldrules.h"

#include "textmerge.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::sync {

namespace {

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
    return {FieldVerdict::Outcome::Merge, toSortedArray(result), u"tags-add-wins"_s};
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
            return {FieldVerdict::Outcome::Same, c.current, u"same-value"_s};
        return {FieldVerdict::Outcome::Apply, c.incoming, u"no-collision"_s};
    }
    if (c.incoming == c.current)
        return {FieldVerdict::Outcome::Same, c.current, u"same-value"_s};

    switch (fieldKind(c.kind, c.field)) {
    case FieldKind::Set:
        return mergeSets(c);
    case FieldKind::Order:
        return laterWins(c, u"order-later-wins"_s);
    case FieldKind::Tombstone:
        // Deleted on one side while the other side's delete flag differs: whoever restores wins,
        // so that nothing edited is ever hidden. Edits to other fields restore via the caller.
        return {FieldVerdict::Outcome::Merge, false, u"edit-beats-delete"_s};
    case FieldKind::Text: {
        if (!c.base)
            return {FieldVerdict::Outcome::Conflict, c.current, u"text-no-base"_s};
        const TextMerge merged = mergeText(c.base->toString(), c.current.toString(), c.incoming.toString());
        if (merged.clean)
            return {FieldVerdict::Outcome::Merge, merged.text, u"text-merged"_s};
        return {FieldVerdict::Outcome::Conflict, c.current, u"text-overlap"_s};
    }
    case FieldKind::Scalar:
        if (!c.base)
            return {FieldVerdict::Outcome::Conflict, c.current, u"scalar-no-base"_s};
        if (c.policy == FieldPolicy::AlwaysAsk)
            return {FieldVerdict::Outcome::Conflict, c.current, u"scalar-ask"_s};
        return laterWins(c, u"scalar-later-wins"_s);
    }
    return {FieldVerdict::Outcome::Conflict, c.current, u"unknown"_s};
}

} // namespace tidemark::sync
