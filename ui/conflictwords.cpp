#include "ui/conflictwords.h"

#include "model/store.h"
#include "sync/fieldrules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace tidemark::ui {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }
} // namespace

ConflictWords::ConflictWords(const model::Store &store)
    : m_store(store)
{
}

QString ConflictWords::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels{
        {s("title"), QT_TR_NOOP("Title")},         {s("body"), QT_TR_NOOP("Text")},
        {s("notes"), QT_TR_NOOP("Notes")},         {s("tags"), QT_TR_NOOP("Tags")},
        {s("due"), QT_TR_NOOP("Due date")},        {s("priority"), QT_TR_NOOP("Priority")},
        {s("collection"), QT_TR_NOOP("Collection")}, {s("pinned"), QT_TR_NOOP("Pinned")},
        {s("archived"), QT_TR_NOOP("Archived")},   {s("done_at"), QT_TR_NOOP("Done")},
        {s("deleted"), QT_TR_NOOP("Trash")},       {s("recurrence"), QT_TR_NOOP("Repeat")},
        {s("parent"), QT_TR_NOOP("Parent")},       {s("name"), QT_TR_NOOP("Name")},
        {s("color"), QT_TR_NOOP("Colour")},        {s("sort_key"), QT_TR_NOOP("Order")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

QString ConflictWords::device(const QString &deviceId) const
{
    if (deviceId == m_store.deviceId())
        return tr("this device");
    const QString name = deviceId.isEmpty() || deviceId == QLatin1String("server") ? QString() : m_store.deviceName(deviceId);
    return name.isEmpty() ? tr("another device") : name;
}

QString ConflictWords::when(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    if (at.date() == QDate::currentDate())
        return locale.toString(at.time(), QLocale::ShortFormat);
    return locale.toString(at, QLocale::ShortFormat);
}

QString ConflictWords::value(const QString &field, const QJsonValue &v) const
{
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())) {
        if (field == QLatin1String("done_at"))
            return tr("not done");
        if (field == QLatin1String("collection"))
            return tr("no collection");
        return tr("nothing");
    }
    if (field == QLatin1String("done_at"))
        return tr("done");
    if (field == QLatin1String("deleted"))
        return v.toBool() ? tr("in the Trash") : tr("not in the Trash");
    if (field == QLatin1String("collection")) {
        const auto row = m_store.collectionRow(v.toString());
        return row ? QStringLiteral("“%1”").arg(row->name) : tr("a collection no longer here");
    }
    if (field == QLatin1String("priority")) {
        static const char *const names[] = {QT_TR_NOOP("no priority"), QT_TR_NOOP("low"), QT_TR_NOOP("medium"), QT_TR_NOOP("high")};
        const int p = v.toInt();
        return p >= 0 && p <= 3 ? tr(names[p]) : QString::number(p);
    }
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : v.toArray())
            parts << part.toString();
        return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
    }
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    QString text = v.toString();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const bool more = lineEnd >= 0 && lineEnd < text.size() - 1;
    if (lineEnd >= 0)
        text.truncate(lineEnd);
    if (text.size() > 60)
        text = text.left(59) + QChar(0x2026);
    else if (more)
        text += QStringLiteral(" …");
    return QStringLiteral("“%1”").arg(text);
}

QString ConflictWords::itemTitle(const QString &entityId) const
{
    const auto e = m_store.entity(entityId);
    if (!e)
        return tr("an item no longer here");
    QString title = e->string(e->kind == model::Kind::Collection ? s("name") : s("title")).trimmed();
    if (title.isEmpty() && e->kind == model::Kind::Note) {
        // A note without a title is known by its first line.
        title = e->string(s("body")).section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('#')).trimmed();
    }
    return title.isEmpty() ? tr("Untitled") : title.left(80);
}

namespace {
// Whether this device sent the operation that arrived (its side is then the incoming one).
bool fromHere(const model::ConflictRecord &r) { return r.device.isEmpty(); }
} // namespace

QString ConflictWords::mineSide(const model::ConflictRecord &r) const
{
    const QString who = r.mineDevice.isEmpty() ? (fromHere(r) ? tr("this device") : tr("another device")) : device(r.mineDevice);
    return r.mineAt > 0 ? tr("%1 at %2").arg(who, when(r.mineAt)) : who;
}

QString ConflictWords::theirsSide(const model::ConflictRecord &r) const
{
    const QString id = r.theirsDevice.isEmpty() ? r.device : r.theirsDevice;
    const QString who = device(id);
    return r.theirsAt > 0 ? tr("%1 at %2").arg(who, when(r.theirsAt)) : who;
}

QString ConflictWords::chooser(const model::ConflictRecord &r) const
{
    // A resolution's "incoming" side is the choice; its device is the one that chose.
    return fromHere(r) ? tr("this device") : device(r.device);
}

QJsonValue ConflictWords::chosen(const model::ConflictRecord &r)
{
    return fromHere(r) ? r.mine : r.theirs;
}

QJsonValue ConflictWords::kept(const model::ConflictRecord &r)
{
    if (r.outcome == QLatin1String("incoming-kept"))
        return fromHere(r) ? r.mine : r.theirs;
    if (r.outcome == QLatin1String("current-kept"))
        return fromHere(r) ? r.theirs : r.mine;
    return QJsonValue(QJsonValue::Undefined);
}

QString ConflictWords::sentence(const model::ConflictRecord &r) const
{
    const QString field = fieldLabel(r.field);
    const QString item = itemTitle(r.entityId);
    const QString a = mineSide(r);
    const QString b = theirsSide(r);
    const QString rule = r.rule;
    QString text;
    if (r.isResolution()) {
        text = tr("%1 of “%2” was decided on %3 at %4: %5 kept.")
                   .arg(field, item, chooser(r), when(r.at), value(r.field, chosen(r)));
    } else if (rule == QLatin1String("scalar-later-wins")) {
        text = tr("%1 of “%2” changed on %3 and on %4; the later one was kept: %5.")
                   .arg(field, item, a, b, value(r.field, kept(r)));
    } else if (rule == QLatin1String("scalar-ask") || rule == QLatin1String("scalar-no-base")) {
        text = tr("%1 of “%2” changed on %3 (%4) and on %5 (%6).")
                   .arg(field, item, a, value(r.field, r.mine), b, value(r.field, r.theirs));
    } else if (rule == QLatin1String("text-merged")) {
        text = tr("%1 of “%2” changed on %3 and on %4 in different places; both edits were merged.").arg(field, item, a, b);
    } else if (rule == QLatin1String("text-overlap") || rule == QLatin1String("text-no-base")) {
        text = tr("%1 of “%2” changed on %3 and on %4 in the same lines; both versions are kept.").arg(field, item, a, b);
    } else if (rule == QLatin1String("edit-restores")) {
        text = tr("“%1” was moved to the Trash on one device and edited on another; the edit brought it back.").arg(item);
    } else if (rule == QLatin1String("edit-beats-delete")) {
        text = tr("“%1” was edited on one device and moved to the Trash on another; it stays, because an edit beats a delete.")
                   .arg(item);
    } else if (rule == QLatin1String("tags-add-wins")) {
        text = tr("Tags of “%1” changed on %2 and on %3; tags added on either side were kept.").arg(item, a, b);
    } else {
        text = tr("%1 of “%2” changed on %3 and on %4.").arg(field, item, a, b);
    }
    if (r.isOpen())
        text += QLatin1Char(' ') + tr("Waiting for you to choose.");
    else if (r.status == QLatin1String("resolved") && !r.isResolution())
        text += QLatin1Char(' ') + tr("Since decided by a person.");
    return text;
}

QString ConflictWords::rule(const QString &rule)
{
    static const QHash<QString, const char *> rules{
        {s("scalar-later-wins"), QT_TR_NOOP("the later edit wins")},
        {s("scalar-ask"), QT_TR_NOOP("always ask me (your setting for this field)")},
        {s("scalar-no-base"), QT_TR_NOOP("the earlier version is no longer known, so you choose")},
        {s("text-merged"), QT_TR_NOOP("edits in different places are merged")},
        {s("text-overlap"), QT_TR_NOOP("edits of the same lines wait for you")},
        {s("text-no-base"), QT_TR_NOOP("the earlier text is no longer known, so you choose")},
        {s("edit-restores"), QT_TR_NOOP("an edit brings a deleted item back")},
        {s("edit-beats-delete"), QT_TR_NOOP("an edit beats a delete")},
        {s("tags-add-wins"), QT_TR_NOOP("added tags are kept")},
        {s("order-later-wins"), QT_TR_NOOP("the later move wins")},
        {s("resolution"), QT_TR_NOOP("a person's choice")},
    };
    const char *text = rules.value(rule);
    return text ? tr(text) : rule;
}

QString ConflictWords::outcome(const model::ConflictRecord &r)
{
    if (r.isOpen())
        return tr("waiting for you");
    if (r.isResolution())
        return tr("chosen by a person");
    QString text;
    if (r.outcome == QLatin1String("merged"))
        text = tr("merged");
    else if (r.outcome == QLatin1String("incoming-kept") || r.outcome == QLatin1String("current-kept"))
        text = tr("one side kept");
    else
        text = tr("settled");
    if (r.status == QLatin1String("resolved"))
        text += QStringLiteral(", ") + tr("then decided by a person");
    return text;
}

} // namespace tidemark::ui
