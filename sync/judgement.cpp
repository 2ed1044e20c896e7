#include "judgement.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::sync {

namespace {
const QString kDeleted = u"deleted"_s;

// How a field stands for the sending device: whether a change it has not seen touched it, and
// if so, what it started from and whose change it meets.
struct Seen
{
    bool changed = false;
    std::optional<QJsonValue> base;
    QString currentHlc;
};
} // namespace

QString deviceOfHlc(const QString &hlc)
{
    const qsizetype first = hlc.indexOf(QLatin1Char('-'));
    const qsizetype second = first < 0 ? -1 : hlc.indexOf(QLatin1Char('-'), first + 1);
    return second < 0 ? QString() : hlc.sliced(second + 1);
}

OperationVerdict judgeOperation(const OperationCase &c)
{
    OperationVerdict verdict;
    const auto record = [&verdict](const QString &field, const FieldVerdict &v, const QJsonValue &incoming,
                                   const QJsonValue &current, const std::optional<QJsonValue> &base,
                                   const QString &currentHlc) {
        verdict.decisions.append({field, v, incoming, current, base, currentHlc});
    };
    const QString device = c.device.isEmpty() ? deviceOfHlc(c.hlc) : c.device;

    const auto seen = [&](const QString &field, bool withBase) {
        Seen result;
        if (!c.exists)
            return result;
        const FieldState state = c.states.value(field);
        const auto own = c.own.constFind(field);
        const bool ownNewer = own != c.own.cend() && own->rev > c.baseRev;
        if (ownNewer && own->sent && state.rev == own->rev) {
            // This device's own write, merged with another device's change it has not seen: the
            // other device's part is news to it, judged from what it sent.
            result.changed = true;
            result.base = own->sent;
            result.currentHlc = own->otherHlc;
            return result;
        }
        const qint64 seenRev = ownNewer ? own->rev : c.baseRev;
        // Changed after what this device saw, and not by this device itself: its own operations
        // arrive in the order it made them, each having seen the ones before.
        if (state.rev <= seenRev || (!device.isEmpty() && deviceOfHlc(state.hlc) == device))
            return result;
        result.changed = true;
        result.currentHlc = state.hlc;
        if (!withBase)
            return result;
        if (ownNewer)
            result.base = own->sent ? own->sent : (c.valueAt ? c.valueAt(field, own->rev) : std::nullopt);
        else if (c.baseValue)
            result.base = c.baseValue(field);
        return result;
    };

    bool editedOtherFields = false;
    for (auto it = c.incoming.begin(); it != c.incoming.end(); ++it) {
        const QString &field = it.key();
        FieldCase f;
        f.kind = c.kind;
        f.field = field;
        f.incoming = it.value();
        f.current = c.exists ? c.current.value(field) : QJsonValue(QJsonValue::Undefined);
        if (c.exists && f.current.isUndefined())
            f.current = QJsonValue::Null; // a field the server never had: treat as empty
        const Seen status = seen(field, true);
        f.changedSinceBase = status.changed;
        f.currentHlc = status.changed ? status.currentHlc : c.states.value(field).hlc;
        f.incomingHlc = c.hlc;
        f.policy = c.policies.value(field, FieldPolicy::LaterWins);
        f.base = status.base;
        const FieldVerdict v = judgeField(f);
        if (v.outcome != FieldVerdict::Outcome::Same && field != kDeleted)
            editedOtherFields = true;
        if (v.value != f.current || !c.exists)
            verdict.changes.insert(field, v.value);
        if (v.outcome != FieldVerdict::Outcome::Apply && v.outcome != FieldVerdict::Outcome::Same)
            record(field, v, f.incoming, f.current, f.base, f.currentHlc);
        switch (v.outcome) {
        case FieldVerdict::Outcome::Apply:
        case FieldVerdict::Outcome::IncomingWins:
            verdict.own.insert(field, {});
            break;
        case FieldVerdict::Outcome::Same:
            if (c.states.value(field).rev > 0)
                verdict.own.insert(field, {c.states.value(field).rev, std::nullopt, {}});
            break;
        case FieldVerdict::Outcome::Merge:
            if (v.value == f.incoming)
                verdict.own.insert(field, {});
            else
                verdict.own.insert(field, {0, f.incoming, f.currentHlc});
            break;
        case FieldVerdict::Outcome::CurrentWins:
        case FieldVerdict::Outcome::Conflict:
            break; // its value did not go in: what it saw before still stands
        }
    }

    if (c.exists) {
        const Seen deletion = seen(kDeleted, false);
        const bool serverDeletedSinceBase = c.current.value(kDeleted).toBool() && deletion.changed;
        if (serverDeletedSinceBase && editedOtherFields && !c.incoming.contains(kDeleted)) {
            // Someone deleted it while this device was editing it: the edit brings it back.
            verdict.changes.insert(kDeleted, false);
            record(kDeleted, {FieldVerdict::Outcome::IncomingWins, false, u"edit-restores"_s}, false, true, true,
                   deletion.currentHlc);
        }
        if (c.incoming.value(kDeleted).toBool() && !c.current.value(kDeleted).toBool()) {
            bool editedSinceBase = false;
            QString editHlc; // the latest unseen edit: the side the delete meets
            for (auto it = c.states.begin(); it != c.states.end(); ++it) {
                if (it.key() == kDeleted)
                    continue;
                const Seen edit = seen(it.key(), false);
                if (edit.changed) {
                    editedSinceBase = true;
                    editHlc = std::max(editHlc, edit.currentHlc);
                }
            }
            if (editedSinceBase) {
                // This device deleted it while another edited it: the edit wins, nothing is hidden.
                verdict.changes.remove(kDeleted);
                verdict.own.remove(kDeleted);
                record(kDeleted, {FieldVerdict::Outcome::CurrentWins, false, u"edit-beats-delete"_s}, true, false,
                       std::nullopt, editHlc);
            }
        }
    }

    for (const auto &decision : verdict.decisions) {
        if (decision.verdict.outcome == FieldVerdict::Outcome::Conflict)
            verdict.status = OperationVerdict::Status::Conflict;
        else if (verdict.status == OperationVerdict::Status::Applied
                 && decision.verdict.rule != QLatin1String("order-later-wins"))
            verdict.status = OperationVerdict::Status::Merged;
    }
    return verdict;
}

} // namespace tidemark::sync
