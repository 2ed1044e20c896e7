#include "ui/conflictresolver.h"

#include "model/store.h"
#include "sync/fieldrules.h"
#include "sync/mergedocument.h"
#include "ui/itemwords.h"
#include "ui/mergedialog.h"

#include <QPointer>

#include <algorithm>

namespace tidemark::ui {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }

bool isText(const model::ConflictRecord &r)
{
    return sync::fieldKind(model::kindName(r.kind), r.field) == sync::FieldKind::Text && r.mine.isString()
        && r.theirs.isString();
}

// How far apart two texts are, in changed lines.
qsizetype distance(const QString &a, const QString &b)
{
    qsizetype lines = 0;
    const sync::MergeDocument diff = sync::MergeDocument::makeTwoWay(a, b);
    for (const auto &hunk : diff.hunks())
        lines += hunk.mine.size() + hunk.theirs.size();
    return lines;
}
} // namespace

ConflictResolver::Outcome ConflictResolver::run(model::Store &store, const QString &entityId, QWidget *parent, QString *error)
{
    const auto records = store.conflictRecords(true);
    if (!records) {
        if (error)
            *error = records.error().message;
        return Outcome::Failed;
    }
    // The newest open conflict of each field (records come newest first) is the one shown; older
    // open ones of the same field are settled by the same choice.
    QList<model::ConflictRecord> open;
    QList<model::ConflictRecord> older;
    for (const model::ConflictRecord &r : std::as_const(*records)) {
        if (r.entityId != entityId)
            continue;
        if (std::ranges::none_of(open, [&r](const auto &o) { return o.field == r.field; }))
            open.append(r);
        else
            older.append(r);
    }
    if (open.isEmpty())
        return Outcome::Nothing;
    const auto entity = store.entity(entityId);
    if (!entity)
        return Outcome::Nothing;
    const ItemWords words(&store);
    const auto text = std::ranges::find_if(open, isText);
    QList<model::ConflictRecord> scalars;
    for (const model::ConflictRecord &r : std::as_const(open)) {
        if (!isText(r))
            scalars.append(r);
    }

    MergeInput input;
    input.itemTitle = words.itemTitle(entityId);
    const model::ConflictRecord &first = text != open.end() ? *text : open.first();
    input.mineLabel = words.mineSide(first);
    input.theirsLabel = words.theirsSide(first);
    input.hasText = text != open.end();
    if (input.hasText) {
        input.fieldLabel = ItemWords::fieldLabel(text->kind, text->field);
        input.mine = text->mine.toString();
        input.theirs = text->theirs.toString();
        // The item shows the side the server kept. Edited since (here, or by a later sync), that
        // side is its text now, so that nothing written after the conflict is lost.
        const QString now = entity->string(text->field);
        if (now != input.mine && now != input.theirs) {
            if (distance(now, input.mine) <= distance(now, input.theirs))
                input.mine = now;
            else
                input.theirs = now;
        }
        // Without a base (the rule had none, or it predates this version), the sides are
        // compared with each other only.
        input.hasBase = text->base.isString() || text->base.isNull();
        input.base = text->base.toString();
    }
    for (const model::ConflictRecord &r : std::as_const(scalars))
        input.scalars.append({ItemWords::fieldLabel(r.kind, r.field), words.value(r.field, r.mine), words.value(r.field, r.theirs)});

    QPointer<MergeDialog> dialog = new MergeDialog(input, parent);
    dialog->exec();
    if (!dialog)
        return Outcome::Cancelled;
    const MergeDialog::Outcome outcome = dialog->outcome();
    const QString result = dialog->resultText();
    QList<MergeDialog::ScalarChoice> choices;
    for (qsizetype i = 0; i < scalars.size(); ++i)
        choices.append(dialog->scalarChoice(i));
    delete dialog;
    if (outcome == MergeDialog::Outcome::Cancelled)
        return Outcome::Cancelled;

    // A sync may have settled the conflicts while the dialog was open: then nothing is written.
    const auto still = store.conflictRecords(true);
    const auto isOpen = [&still](const model::ConflictRecord &r) {
        return still && std::ranges::any_of(*still, [&r](const model::ConflictRecord &o) { return o.id == r.id; });
    };
    if (!std::ranges::all_of(open, isOpen))
        return Outcome::SettledMeanwhile;

    // One choice settles the field's conflict and any older open one of the same field.
    const auto settle = [&](const model::ConflictRecord &r, const QJsonValue &value) -> model::Result<void> {
        if (auto resolved = store.resolveConflict(r.id, value); !resolved)
            return std::unexpected(resolved.error());
        for (const model::ConflictRecord &o : std::as_const(older)) {
            if (o.field == r.field && isOpen(o)) {
                if (auto resolved = store.resolveConflict(o.id, value); !resolved)
                    return std::unexpected(resolved.error());
            }
        }
        return {};
    };
    const auto done = store.batch([&]() -> model::Result<void> {
        for (qsizetype i = 0; i < scalars.size(); ++i) {
            const model::ConflictRecord &r = scalars.at(i);
            const QJsonValue value = choices.at(i) == MergeDialog::ScalarChoice::Theirs ? r.theirs : r.mine;
            if (auto settled = settle(r, value); !settled)
                return settled;
        }
        if (text == open.end())
            return {};
        if (outcome == MergeDialog::Outcome::KeepBoth) {
            const model::Kind kind = entity->kind;
            QJsonObject other{{text->field, input.theirs},
                              {kind == model::Kind::Collection ? s("name") : s("title"),
                               tr("%1 (other version)").arg(input.itemTitle)}};
            if (entity->fields.value(s("collection")).isString())
                other.insert(s("collection"), entity->fields.value(s("collection")));
            if (auto copy = store.create(kind, other); !copy)
                return std::unexpected(copy.error());
            return settle(*text, input.mine);
        }
        return settle(*text, result);
    });
    if (!done) {
        if (error)
            *error = done.error().message;
        return Outcome::Failed;
    }
    return outcome == MergeDialog::Outcome::KeepBoth ? Outcome::KeptBoth : Outcome::Resolved;
}

} // namespace tidemark::ui
