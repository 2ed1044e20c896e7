#include "changes.h"

#include "protocol.h"

#include <QJsonArray>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace tidemark::sync {

namespace {

/// Reads the members of one JSON object, each checked for its type; the first problem wins and is
/// reported with what the object is ("change 3: 'rev' must be …").
class Members
{
public:
    Members(const QJsonObject &json, const PageLimits &limits) : m_json(json), m_limits(limits) {}

    /// A string of 1 to `max` characters (or absent, when not `required`).
    void text(QLatin1StringView name, QString &out, qsizetype max, bool required = true)
    {
        const QJsonValue value = m_json.value(name);
        if (value.isUndefined() && !required)
            return;
        if (!value.isString() || value.toString().size() > max || (required && value.toString().isEmpty()))
            return fail(required ? u"'%1' must be text of 1 to %2 characters"_s.arg(name).arg(max)
                                 : u"'%1' must be text of at most %2 characters"_s.arg(name).arg(max));
        out = value.toString();
    }
    void id(QLatin1StringView name, QString &out, bool required = true) { text(name, out, m_limits.maxIdLength, required); }
    /// A whole number, 0 or more.
    void count(QLatin1StringView name, qint64 &out, bool required = true)
    {
        const QJsonValue value = m_json.value(name);
        if (value.isUndefined() && !required)
            return;
        const double number = value.toDouble(-1);
        // Exact in a double up to 2^53, as every JSON reader takes it.
        if (!value.isDouble() || number < 0 || number > 9007199254740992.0 || number != double(qint64(number)))
            return fail(u"'%1' must be a whole number, 0 or more"_s.arg(name));
        out = qint64(number);
    }
    void flag(QLatin1StringView name, bool &out)
    {
        const QJsonValue value = m_json.value(name);
        if (value.isUndefined())
            return;
        if (!value.isBool())
            return fail(u"'%1' must be true or false"_s.arg(name));
        out = value.toBool();
    }
    /// Any JSON value but an absent one.
    void value(QLatin1StringView name, QJsonValue &out)
    {
        out = m_json.value(name);
        if (out.isUndefined())
            fail(u"'%1' is missing"_s.arg(name));
    }
    /// The members not in `known`, kept for whoever reads them next.
    QJsonObject unknown(std::initializer_list<QLatin1StringView> known) const
    {
        QJsonObject rest;
        for (auto it = m_json.begin(); it != m_json.end(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                rest.insert(it.key(), it.value());
        }
        return rest;
    }
    void fail(const QString &problem)
    {
        if (!m_problem)
            m_problem = problem;
    }
    [[nodiscard]] const std::optional<QString> &problem() const { return m_problem; }

private:
    const QJsonObject &m_json;
    const PageLimits &m_limits;
    std::optional<QString> m_problem;
};

/// `json` with `unknown`'s members under it: what this version knows always wins.
QJsonObject withUnknown(QJsonObject json, const QJsonObject &unknown)
{
    for (auto it = unknown.begin(); it != unknown.end(); ++it) {
        if (!json.contains(it.key()))
            json.insert(it.key(), it.value());
    }
    return json;
}

} // namespace

QJsonObject encodeChange(const Change &change)
{
    QJsonObject json{{u"id"_s, change.id}, {u"kind"_s, change.kind}, {u"rev"_s, change.rev}, {u"fields"_s, change.fields}};
    if (!change.device.isEmpty())
        json.insert(u"device"_s, change.device);
    if (change.at > 0)
        json.insert(u"at"_s, change.at);
    return withUnknown(std::move(json), change.unknown);
}

QJsonObject encodeConflictEvent(const ConflictEvent &event)
{
    QJsonObject json{{u"id"_s, event.id},           {u"entity"_s, event.entity},     {u"kind"_s, event.kind},
                     {u"field"_s, event.field},     {u"rule"_s, event.rule},         {u"status"_s, event.status},
                     {u"outcome"_s, event.outcome}, {u"incoming"_s, event.incoming}, {u"current"_s, event.current},
                     {u"device"_s, event.device},   {u"at"_s, event.at},             {u"rev"_s, event.rev}};
    if (event.base)
        json.insert(u"base"_s, *event.base);
    for (const auto &[key, value] : {std::pair{u"settles"_s, &event.settles}, std::pair{u"op_id"_s, &event.opId},
                                     std::pair{u"incoming_hlc"_s, &event.incomingHlc},
                                     std::pair{u"current_hlc"_s, &event.currentHlc}}) {
        if (!value->isEmpty())
            json.insert(key, *value);
    }
    return withUnknown(std::move(json), event.unknown);
}

QJsonObject encodePage(const ChangesPage &page)
{
    QJsonArray changes;
    for (const Change &change : page.changes)
        changes.append(encodeChange(change));
    QJsonArray conflicts;
    for (const ConflictEvent &event : page.conflicts)
        conflicts.append(encodeConflictEvent(event));
    QJsonObject devices;
    for (auto it = page.devices.cbegin(); it != page.devices.cend(); ++it)
        devices.insert(it.key(), it.value());
    QJsonObject json{{u"changes"_s, changes}, {u"conflicts"_s, conflicts}, {u"devices"_s, devices},
                     {u"cursor"_s, page.cursor}, {u"has_more"_s, page.hasMore || page.next.has_value()}};
    if (page.snapshot)
        json.insert(u"snapshot"_s, true);
    if (page.next)
        json.insert(u"next"_s, QJsonObject{{u"snapshot"_s, page.next->rev}, {u"after"_s, page.next->after}});
    return withUnknown(std::move(json), page.unknown);
}

std::expected<Change, QString> decodeChange(const QJsonObject &json, const PageLimits &limits)
{
    Change change;
    Members m(json, limits);
    m.id("id"_L1, change.id);
    m.id("kind"_L1, change.kind);
    m.count("rev"_L1, change.rev);
    m.id("device"_L1, change.device, false);
    m.count("at"_L1, change.at, false);
    const QJsonValue fields = json.value("fields"_L1);
    if (!fields.isObject())
        m.fail(u"'fields' must be an object"_s);
    if (m.problem())
        return std::unexpected(*m.problem());
    change.fields = fields.toObject();
    // A newer version's kind has fields this one cannot judge: they pass as they came.
    const bool known = change.kind == "collection"_L1 || change.kind == "note"_L1 || change.kind == "task"_L1;
    for (auto it = change.fields.begin(); known && it != change.fields.end(); ++it) {
        if (it.value().isNull())
            continue; // a field the server never had
        if (auto problem = fieldTypeProblem(change.kind, it.key(), it.value()))
            return std::unexpected(*problem);
    }
    change.unknown = m.unknown({"id"_L1, "kind"_L1, "rev"_L1, "fields"_L1, "device"_L1, "at"_L1});
    return change;
}

std::expected<ConflictEvent, QString> decodeConflictEvent(const QJsonObject &json, const PageLimits &limits)
{
    ConflictEvent event;
    Members m(json, limits);
    m.id("id"_L1, event.id);
    m.id("entity"_L1, event.entity);
    m.id("kind"_L1, event.kind);
    m.id("field"_L1, event.field);
    m.text("rule"_L1, event.rule, limits.maxNameLength);
    m.text("status"_L1, event.status, limits.maxNameLength);
    m.text("outcome"_L1, event.outcome, limits.maxNameLength, false);
    m.value("incoming"_L1, event.incoming);
    m.value("current"_L1, event.current);
    if (const QJsonValue base = json.value("base"_L1); !base.isUndefined())
        event.base = base;
    m.id("device"_L1, event.device, false);
    m.count("at"_L1, event.at, false);
    m.count("rev"_L1, event.rev, false);
    m.id("settles"_L1, event.settles, false);
    m.id("op_id"_L1, event.opId, false);
    m.text("incoming_hlc"_L1, event.incomingHlc, limits.maxNameLength, false);
    m.text("current_hlc"_L1, event.currentHlc, limits.maxNameLength, false);
    if (m.problem())
        return std::unexpected(*m.problem());
    event.unknown = m.unknown({"id"_L1, "entity"_L1, "kind"_L1, "field"_L1, "rule"_L1, "status"_L1, "outcome"_L1,
                               "incoming"_L1, "current"_L1, "base"_L1, "device"_L1, "at"_L1, "rev"_L1, "settles"_L1,
                               "op_id"_L1, "incoming_hlc"_L1, "current_hlc"_L1});
    return event;
}

std::expected<ChangesPage, QString> decodePage(const QJsonObject &json, const PageLimits &limits)
{
    ChangesPage page;
    Members m(json, limits);
    m.count("cursor"_L1, page.cursor);
    m.flag("has_more"_L1, page.hasMore);
    m.flag("snapshot"_L1, page.snapshot);
    for (const char *list : {"changes", "conflicts"}) {
        const QJsonValue value = json.value(QLatin1StringView(list));
        if (!value.isUndefined() && !value.isArray())
            m.fail(u"'%1' must be a list"_s.arg(QLatin1StringView(list)));
    }
    const QJsonValue devices = json.value("devices"_L1);
    if (!devices.isUndefined() && (!devices.isObject() || devices.toObject().size() > limits.maxDevices))
        m.fail(u"'devices' must be an object of at most %1 device names"_s.arg(limits.maxDevices));
    const QJsonValue next = json.value("next"_L1);
    if (!next.isUndefined()) {
        SnapshotPosition position;
        Members n(next.toObject(), limits);
        if (!next.isObject())
            n.fail(u"it must be an object"_s);
        n.count("snapshot"_L1, position.rev);
        n.id("after"_L1, position.after);
        if (n.problem())
            m.fail(u"'next': %1"_s.arg(*n.problem()));
        page.next = position;
    }
    if (m.problem())
        return std::unexpected(*m.problem());

    const QJsonArray changes = json.value("changes"_L1).toArray();
    page.changes.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        std::expected<Change, QString> change = std::unexpected(u"it must be an object"_s);
        if (changes.at(i).isObject())
            change = decodeChange(changes.at(i).toObject(), limits);
        if (!change)
            return std::unexpected(u"change %1: %2"_s.arg(i + 1).arg(change.error()));
        page.changes.append(std::move(*change));
    }
    const QJsonArray conflicts = json.value("conflicts"_L1).toArray();
    page.conflicts.reserve(conflicts.size());
    for (qsizetype i = 0; i < conflicts.size(); ++i) {
        std::expected<ConflictEvent, QString> event = std::unexpected(u"it must be an object"_s);
        if (conflicts.at(i).isObject())
            event = decodeConflictEvent(conflicts.at(i).toObject(), limits);
        if (!event)
            return std::unexpected(u"conflict event %1: %2"_s.arg(i + 1).arg(event.error()));
        page.conflicts.append(std::move(*event));
    }
    const QJsonObject names = devices.toObject();
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > limits.maxIdLength || !it.value().isString()
            || it.value().toString().size() > limits.maxNameLength)
            return std::unexpected(u"'devices' must map device ids to names of at most %1 characters"_s.arg(limits.maxNameLength));
        page.devices.insert(it.key(), it.value().toString());
    }
    page.unknown = m.unknown({"changes"_L1, "conflicts"_L1, "devices"_L1, "cursor"_L1, "has_more"_L1, "snapshot"_L1, "next"_L1});
    return page;
}

} // namespace tidemark::sync
