#include "ui/conflicts/conflictresolver.h"

#include "model/decisions.h"
#include "model/store.h"
#include "ui/conflicts/itemwords.h"
#include "ui/conflicts/mergedialog.h"

#include <QPointer>

#include <algorithm>

namespace tidemark::ui {

ConflictResolver::Outcome ConflictResolver::run(model::Store &store, const QString &entityId, QWidget *parent, QString *error)
{
    model::Decisions decisions(store);
    const auto conflicts = decisions.openConflicts(entityId);
    if (!conflicts) {
        if (error)
            *error = conflicts.error().message;
        return Outcome::Failed;
    }
    const QList<model::ConflictRecord> &open = conflicts->shown;
    if (open.isEmpty())
        return Outcome::Nothing;
    if (!store.entity(entityId))
        return Outcome::Nothing;
    const ItemWords words(&store);
    const auto text = std::ranges::find_if(open, &model::Decisions::isText);
    QList<model::ConflictRecord> scalars;
    for (const model::ConflictRecord &r : open) {
        if (!model::Decisions::isText(r))
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
        const model::Decisions::TextSides sides = decisions.textSides(*text);
        input.mine = sides.mine;
        input.theirs = sides.theirs;
        input.hasBase = sides.hasBase;
        input.base = sides.base;
    }
    for (const model::ConflictRecord &r : std::as_const(scalars))
        input.scalars.append({ItemWords::fieldLabel(r.kind, r.field), words.value(r.field, r.mine), words.value(r.field, r.theirs)});

    QPointer<MergeDialog> dialog = new MergeDialog(input, parent);
    dialog->exec();
    if (!dialog)
        return Outcome::Cancelled;
    const MergeDialog::Outcome outcome = dialog->outcome();
    const QString result = dialog->resultText();
    QList<model::Decisions::Choice> choices;
    for (qsizetype i = 0; i < scalars.size(); ++i) {
        const model::ConflictRecord &r = scalars.at(i);
        choices.append({r.id, dialog->scalarChoice(i) == MergeDialog::ScalarChoice::Theirs ? r.theirs : r.mine});
    }
    delete dialog;
    if (outcome == MergeDialog::Outcome::Cancelled)
        return Outcome::Cancelled;

    // A sync may have settled the conflicts while the dialog was open: then nothing is written.
    const auto still = decisions.openConflicts(entityId);
    const auto isOpen = [&still](const model::ConflictRecord &r) {
        return still && std::ranges::any_of(still->shown, [&r](const model::ConflictRecord &o) { return o.id == r.id; });
    };
    if (!std::ranges::all_of(open, isOpen))
        return Outcome::SettledMeanwhile;

    model::Result<void> done;
    if (text != open.end() && outcome == MergeDialog::Outcome::KeepBoth) {
        const auto kept = decisions.keepBothAsItems(text->id, tr("%1 (other version)").arg(input.itemTitle), choices);
        if (!kept)
            done = std::unexpected(kept.error());
    } else {
        if (text != open.end())
            choices.append({text->id, result});
        if (const auto decided = decisions.decide(choices); !decided)
            done = std::unexpected(decided.error());
    }
    if (!done) {
        if (error)
            *error = done.error().message;
        return Outcome::Failed;
    }
    return outcome == MergeDialog::Outcome::KeepBoth ? Outcome::KeptBoth : Outcome::Resolved;
}

} // namespace tidemark::ui
