#include "ui/conflicts/itemwords.h"

#include "model/due.h"
#include "model/recurrence.h"
#include "model/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

namespace {

/// A field's label (a heading, a form's row) and its word inside a sentence. Two translations,
/// not one lower-cased, so that a language can keep its capitals or choose another noun.
struct FieldNames
{
    const char *field;
    const char *label;
    const char *word;
};

// clang-format off
constexpr FieldNames kFields[]{
    {"title", QT_TRANSLATE_NOOP("ItemWords", "Title"), QT_TRANSLATE_NOOP("ItemWords", "title")},
    {"body", QT_TRANSLATE_NOOP("ItemWords", "Text"), QT_TRANSLATE_NOOP("ItemWords", "text")},
    {"notes", QT_TRANSLATE_NOOP("ItemWords", "Notes"), QT_TRANSLATE_NOOP("ItemWords", "notes")},
    {"tags", QT_TRANSLATE_NOOP("ItemWords", "Tags"), QT_TRANSLATE_NOOP("ItemWords", "tags")},
    {"due", QT_TRANSLATE_NOOP("ItemWords", "Due date"), QT_TRANSLATE_NOOP("ItemWords", "due date")},
    {"priority", QT_TRANSLATE_NOOP("ItemWords", "Priority"), QT_TRANSLATE_NOOP("ItemWords", "priority")},
    {"collection", QT_TRANSLATE_NOOP("ItemWords", "Collection"), QT_TRANSLATE_NOOP("ItemWords", "collection")},
    {"pinned", QT_TRANSLATE_NOOP("ItemWords", "Pinned"), QT_TRANSLATE_NOOP("ItemWords", "pin")},
    {"archived", QT_TRANSLATE_NOOP("ItemWords", "Archived"), QT_TRANSLATE_NOOP("ItemWords", "archive state")},
    {"done_at", QT_TRANSLATE_NOOP("ItemWords", "Done"), QT_TRANSLATE_NOOP("ItemWords", "done state")},
    {"deleted", QT_TRANSLATE_NOOP("ItemWords", "Trash"), QT_TRANSLATE_NOOP("ItemWords", "place in the Trash")},
    {"recurrence", QT_TRANSLATE_NOOP("ItemWords", "Repeats"), QT_TRANSLATE_NOOP("ItemWords", "repetition")},
    {"sort_key", QT_TRANSLATE_NOOP("ItemWords", "Position"), QT_TRANSLATE_NOOP("ItemWords", "position")},
    {"name", QT_TRANSLATE_NOOP("ItemWords", "Name"), QT_TRANSLATE_NOOP("ItemWords", "name")},
    {"color", QT_TRANSLATE_NOOP("ItemWords", "Colour"), QT_TRANSLATE_NOOP("ItemWords", "colour")},
};
// A task's parent is a task; a collection's is a collection.
constexpr FieldNames kParentTask{"parent", QT_TRANSLATE_NOOP("ItemWords", "Parent task"),
                                 QT_TRANSLATE_NOOP("ItemWords", "parent task")};
constexpr FieldNames kParentCollection{"parent", QT_TRANSLATE_NOOP("ItemWords", "Parent collection"),
                                       QT_TRANSLATE_NOOP("ItemWords", "parent collection")};
// clang-format on

const FieldNames *namesOf(model::Kind kind, const QString &field)
{
    if (field == QLatin1String("parent"))
        return kind == model::Kind::Collection ? &kParentCollection : &kParentTask;
    const auto found = std::ranges::find_if(
        kFields, [&field](const FieldNames &f) { return field == QLatin1String(f.field); });
    return found == std::end(kFields) ? nullptr : found;
}

bool isNone(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty());
}

// Whether this device sent the operation that arrived (its side is then the incoming one).
bool fromHere(const model::ConflictRecord &r)
{
    return r.device.isEmpty();
}

} // namespace

/// Our own words are capitalised when they stand alone; a person's text is quoted inside a
/// sentence and otherwise left as it is; dates, numbers and lists of tags are never touched.
struct ItemWords::Phrase
{
    enum class Kind { Words, Text, AsIs };
    QString text;
    Kind kind = Kind::Words;
};

ItemWords::ItemWords(const model::Store *store)
    : m_store(store)
{
}

QString ItemWords::fieldLabel(model::Kind kind, const QString &field)
{
    const FieldNames *names = namesOf(kind, field);
    return names ? tr(names->label) : field;
}

QString ItemWords::fieldWord(model::Kind kind, const QString &field)
{
    const FieldNames *names = namesOf(kind, field);
    return names ? tr(names->word) : field;
}

QString ItemWords::fieldList(model::Kind kind, const QStringList &fields)
{
    // Joined in the translation's words rather than by QLocale::createSeparatedList(), which in
    // the C locale has no "and".
    QString list;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString word = fieldWord(kind, fields.at(i));
        if (i == 0)
            list = word;
        else if (i == fields.size() - 1)
            list = tr("%1 and %2", "the last of several fields").arg(list, word);
        else
            list = tr("%1, %2", "one of several fields").arg(list, word);
    }
    return capitalised(list);
}

QString ItemWords::capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString ItemWords::device(const QString &deviceId) const
{
    if (m_store && deviceId == m_store->deviceId())
        return tr("this device");
    const bool unnamed = !m_store || deviceId.isEmpty() || deviceId == QLatin1String("server");
    const QString name = unnamed ? QString() : m_store->deviceName(deviceId);
    return name.isEmpty() ? tr("another device") : name;
}

QString ItemWords::when(qint64 ms, DateShown date)
{
    if (ms <= 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    if (date == DateShown::UnlessToday && at.date() == QDate::currentDate())
        return locale.toString(at.time(), QLocale::ShortFormat);
    return locale.toString(at, QLocale::ShortFormat);
}

QString ItemWords::value(const QString &field, const QJsonValue &v, ValueForm form) const
{
    const Phrase p = phrase(field, v);
    switch (p.kind) {
    case Phrase::Kind::Words:
        return form == ValueForm::Alone ? capitalised(p.text) : p.text;
    case Phrase::Kind::Text:
        return form == ValueForm::InSentence ? tr("“%1”", "a person's text quoted in a sentence").arg(p.text) : p.text;
    case Phrase::Kind::AsIs:
        break;
    }
    return p.text;
}

ItemWords::Phrase ItemWords::phrase(const QString &field, const QJsonValue &v) const
{
    using K = Phrase::Kind;
    const bool none = isNone(v);
    const QLocale locale;
    if (field == QLatin1String("deleted"))
        return {v.toBool() ? tr("in the Trash") : tr("not in the Trash")};
    if (field == QLatin1String("done_at")) {
        if (none)
            return {tr("not done")};
        const QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        return {at.isValid() ? tr("done %1").arg(locale.toString(at.toLocalTime(), QLocale::ShortFormat)) : tr("done")};
    }
    if (field == QLatin1String("collection")) {
        if (none)
            return {tr("no collection")};
        const auto row = m_store ? m_store->collectionRow(v.toString()) : std::nullopt;
        return row ? Phrase{row->name, K::Text} : Phrase{tr("a collection no longer here")};
    }
    if (field == QLatin1String("parent")) {
        if (none)
            return {tr("no parent")};
        const bool here = m_store && m_store->entity(v.toString());
        return here ? Phrase{itemTitle(v.toString()), K::Text} : Phrase{tr("an item no longer here")};
    }
    if (field == QLatin1String("priority")) {
        if (none)
            return {tr("no priority")};
        static const char *const names[]
            = {QT_TR_NOOP("no priority"), QT_TR_NOOP("low"), QT_TR_NOOP("medium"), QT_TR_NOOP("high")};
        const int p = v.toInt();
        return p >= 0 && p <= 3 ? Phrase{tr(names[p])} : Phrase{QString::number(p), K::AsIs};
    }
    if (field == QLatin1String("due")) {
        if (none)
            return {tr("no due date")};
        const auto due = model::Due::parse(v.toString());
        if (!due)
            return {v.toString(), K::Text};
        if (!due->time)
            return {locale.toString(due->date, QLocale::ShortFormat), K::AsIs};
        QString text = locale.toString(QDateTime(due->date, *due->time, due->zone), QLocale::ShortFormat);
        if (due->zone != QTimeZone::systemTimeZone())
            text += u" (%1)"_s.arg(QString::fromUtf8(due->zone.id()));
        return {text, K::AsIs};
    }
    if (field == QLatin1String("recurrence")) {
        const auto rule = none ? std::nullopt : model::Recurrence::parse(v.toString());
        if (!rule)
            return none ? Phrase{tr("does not repeat")} : Phrase{v.toString(), K::Text};
        using F = model::Recurrence::Frequency;
        if (rule->interval == 1) {
            static const char *const every[]
                = {QT_TR_NOOP("daily"), QT_TR_NOOP("weekly"), QT_TR_NOOP("monthly"), QT_TR_NOOP("yearly")};
            return {tr(every[int(rule->frequency)])};
        }
        switch (rule->frequency) {
        case F::Daily:
            return {tr("every %n day(s)", nullptr, rule->interval)};
        case F::Weekly:
            return {tr("every %n week(s)", nullptr, rule->interval)};
        case F::Monthly:
            return {tr("every %n month(s)", nullptr, rule->interval)};
        case F::Yearly:
            return {tr("every %n year(s)", nullptr, rule->interval)};
        }
        return {v.toString(), K::Text};
    }
    if (field == QLatin1String("tags") && (none || (v.isArray() && v.toArray().isEmpty())))
        return {tr("no tags")};
    if (none)
        return {tr("nothing")};
    if (v.isBool())
        return {v.toBool() ? tr("yes") : tr("no")};
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : v.toArray())
            parts << part.toVariant().toString();
        return parts.isEmpty() ? Phrase{tr("nothing")} : Phrase{parts.join(u", "_s), K::AsIs};
    }
    if (v.isDouble())
        return {locale.toString(v.toDouble()), K::AsIs};
    if (v.isObject())
        return {QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)), K::AsIs};
    // A text: its first line, and no more than a line's worth of it.
    QString text = v.toString();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const bool more = lineEnd >= 0 && lineEnd < text.size() - 1;
    if (lineEnd >= 0)
        text.truncate(lineEnd);
    if (text.size() > 60)
        text = text.left(59) + QChar(0x2026);
    else if (more)
        text += u" …"_s;
    return {text, K::Text};
}

int ItemWords::lineCount(const QString &text)
{
    if (text.isEmpty())
        return 0;
    return int(text.count(QLatin1Char('\n'))) + (text.endsWith(QLatin1Char('\n')) ? 0 : 1);
}

int ItemWords::linesNotIn(const QString &text, const QString &other)
{
    // Each line of `other` accounts for one equal line of `text`, wherever it is.
    QHash<QStringView, int> available;
    for (const QStringView line : QStringView(other).split(QLatin1Char('\n')))
        ++available[line];
    int unlike = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        if (int &left = available[line]; left > 0)
            --left;
        else
            ++unlike;
    }
    return unlike;
}

QString ItemWords::itemTitle(const QString &entityId) const
{
    const auto e = m_store ? m_store->entity(entityId) : std::nullopt;
    if (!e)
        return tr("an item no longer here");
    QString title = e->string(e->kind == model::Kind::Collection ? u"name"_s : u"title"_s).trimmed();
    if (title.isEmpty() && e->kind == model::Kind::Note) {
        // A note without a title is known by its first line.
        title = e->string(u"body"_s).section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('#')).trimmed();
    }
    return title.isEmpty() ? tr("Untitled") : title.left(80);
}

QString ItemWords::mineSide(const model::ConflictRecord &r) const
{
    const QString who = r.mineDevice.isEmpty() ? (fromHere(r) ? tr("this device") : tr("another device"))
                                               : device(r.mineDevice);
    return r.mineAt > 0 ? tr("%1 at %2").arg(who, when(r.mineAt)) : who;
}

QString ItemWords::theirsSide(const model::ConflictRecord &r) const
{
    const QString who = device(r.theirsDevice.isEmpty() ? r.device : r.theirsDevice);
    return r.theirsAt > 0 ? tr("%1 at %2").arg(who, when(r.theirsAt)) : who;
}

QString ItemWords::chooser(const model::ConflictRecord &r) const
{
    // A resolution's "incoming" side is the choice; its device is the one that chose.
    return fromHere(r) ? tr("this device") : device(r.device);
}

QJsonValue ItemWords::chosen(const model::ConflictRecord &r)
{
    return fromHere(r) ? r.mine : r.theirs;
}

QJsonValue ItemWords::kept(const model::ConflictRecord &r)
{
    if (r.outcome == QLatin1String("incoming-kept"))
        return fromHere(r) ? r.mine : r.theirs;
    if (r.outcome == QLatin1String("current-kept"))
        return fromHere(r) ? r.theirs : r.mine;
    return QJsonValue(QJsonValue::Undefined);
}

QString ItemWords::sentence(const model::ConflictRecord &r, ItemNamed item) const
{
    const bool named = item == ItemNamed::Yes;
    const QString title = named ? itemTitle(r.entityId) : QString();
    // "Title of “Groceries”", or "Title" where the view is about the one item.
    const QString field = capitalised(fieldWord(r.kind, r.field));
    const QString subject = named ? tr("%1 of “%2”", "a field of an item").arg(field, title) : field;
    // For the events about the item as a whole.
    QString thing = tr("“%1”", "a person's text quoted in a sentence").arg(title);
    if (!named)
        thing = r.kind == model::Kind::Task     ? tr("This task")
            : r.kind == model::Kind::Collection ? tr("This collection")
                                                : tr("This note");
    const QString a = mineSide(r);
    const QString b = theirsSide(r);
    const QString &rule = r.rule;
    QString text;
    // A text is more than its first line: how long the version is, how much of it differs from
    // the other side, and how it starts.
    const bool longText = chosen(r).isString() && lineCount(chosen(r).toString()) > 1;
    const QJsonValue other = fromHere(r) ? r.theirs : r.mine;
    if (r.isUndo() && longText) {
        text = tr("%1: a choice was undone on %2 at %3; the version back has %n line(s) and starts %4.", nullptr,
                  lineCount(chosen(r).toString()))
                   .arg(subject, chooser(r), when(r.at), value(r.field, chosen(r)));
    } else if (r.isUndo()) {
        text = tr("%1: a choice was undone on %2 at %3; %4 is back.")
                   .arg(subject, chooser(r), when(r.at), value(r.field, chosen(r)));
    } else if (r.isResolution() && longText) {
        text = tr("%1 was decided on %2 at %3: the version kept has %n line(s) and starts %4.", nullptr,
                  lineCount(chosen(r).toString()))
                   .arg(subject, chooser(r), when(r.at), value(r.field, chosen(r)));
        if (const int unlike = linesNotIn(chosen(r).toString(), other.toString()); other.isString() && unlike > 0)
            text += QLatin1Char(' ') + tr("%n of its lines differ from the other version.", nullptr, unlike);
        if (r.isUndone())
            text += QLatin1Char(' ') + tr("Undone since.");
    } else if (r.isResolution()) {
        text = tr("%1 was decided on %2 at %3: %4 kept.")
                   .arg(subject, chooser(r), when(r.at), value(r.field, chosen(r)));
        if (r.isUndone())
            text += QLatin1Char(' ') + tr("Undone since.");
    } else if (rule == QLatin1String("scalar-later-wins")) {
        text = tr("%1 changed on %2 and on %3; the later one was kept: %4.")
                   .arg(subject, a, b, value(r.field, kept(r)));
    } else if (rule == QLatin1String("order-later-wins")) {
        // A position in a list has no value to show.
        text = tr("%1 changed on %2 and on %3; the later one was kept.").arg(subject, a, b);
    } else if (rule == QLatin1String("scalar-ask") || rule == QLatin1String("scalar-no-base")) {
        text = tr("%1 changed on %2 (%3) and on %4 (%5).")
                   .arg(subject, a, value(r.field, r.mine), b, value(r.field, r.theirs));
    } else if (rule == QLatin1String("text-merged")) {
        text = tr("%1 changed on %2 and on %3 in different places; both edits were merged.")
                   .arg(subject, a, b);
    } else if (rule == QLatin1String("text-overlap") || rule == QLatin1String("text-no-base")) {
        text = tr("%1 changed on %2 and on %3 in the same lines; both versions are kept.").arg(subject, a, b);
    } else if (rule == QLatin1String("edit-restores")) {
        text = tr("%1 was moved to the Trash on one device and edited on another; the edit brought it back.")
                   .arg(thing);
    } else if (rule == QLatin1String("edit-beats-delete")) {
        text = tr("%1 was edited on one device and moved to the Trash on another; it stays, because an edit "
                  "beats a delete.")
                   .arg(thing);
    } else if (rule == QLatin1String("tags-add-wins")) {
        text = tr("%1 changed on %2 and on %3; tags added on either side were kept.").arg(subject, a, b);
    } else {
        text = tr("%1 changed on %2 and on %3.").arg(subject, a, b);
    }
    if (r.isOpen())
        text += QLatin1Char(' ') + tr("Waiting for you to choose.");
    else if (r.status == QLatin1String("resolved") && !r.isResolution())
        text += QLatin1Char(' ') + tr("Since decided by a person.");
    return text;
}

QString ItemWords::rule(const QString &rule)
{
    static const QHash<QString, const char *> rules{
        {u"scalar-later-wins"_s, QT_TR_NOOP("the later edit wins")},
        {u"scalar-ask"_s, QT_TR_NOOP("always ask me (your setting for this field)")},
        {u"scalar-no-base"_s, QT_TR_NOOP("the earlier version is no longer known, so you choose")},
        {u"text-merged"_s, QT_TR_NOOP("edits in different places are merged")},
        {u"text-overlap"_s, QT_TR_NOOP("edits of the same lines wait for you")},
        {u"text-no-base"_s, QT_TR_NOOP("the earlier text is no longer known, so you choose")},
        {u"edit-restores"_s, QT_TR_NOOP("an edit brings a deleted item back")},
        {u"edit-beats-delete"_s, QT_TR_NOOP("an edit beats a delete")},
        {u"tags-add-wins"_s, QT_TR_NOOP("tags added on either side are kept")},
        {u"order-later-wins"_s, QT_TR_NOOP("the later move wins")},
        {u"resolution"_s, QT_TR_NOOP("a person's choice")},
        {u"undo"_s, QT_TR_NOOP("a person undid a choice")},
    };
    const char *text = rules.value(rule);
    return text ? tr(text) : rule;
}

QString ItemWords::outcome(const model::ConflictRecord &r)
{
    if (r.isOpen())
        return tr("waiting for you");
    if (r.isUndo())
        return tr("undone by a person");
    if (r.isResolution())
        return r.isUndone() ? tr("chosen by a person, then undone") : tr("chosen by a person");
    QString text;
    if (r.outcome == QLatin1String("merged"))
        text = tr("merged");
    else if (r.outcome == QLatin1String("incoming-kept") || r.outcome == QLatin1String("current-kept"))
        text = tr("one side kept");
    else
        text = tr("settled");
    if (r.status == QLatin1String("resolved"))
        text += u", "_s + tr("then decided by a person");
    return text;
}

} // namespace tidemark::ui
