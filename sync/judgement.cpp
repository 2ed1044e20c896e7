#include "judgement.h"

namespace tidemark::sync {

namespace {
QString s(const char *text) { return QString::fromLatin1(text); }
const QString kDeleted = QStringLiteral("deleted");
} // namespace

OperationVerdict judgeOperation(const OperationCase &c)
{
    OperationVerdict verdict;
    const auto record = [&verdict](const QString &field, const FieldVerdict &v, const QJsonValue &incoming,
                                   const QJsonValue &current, const std::optional<QJsonValue> &base) {
        verdict.decisions.append({field, v, incoming, current, base});
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
        const FieldState state = c.states.value(field);
        f.changedSinceBase = c.exists && state.rev > c.baseRev;
        f.currentHlc = state.hlc;
        f.incomingHlc = c.hlc;
        f.policy = c.policies.value(field, FieldPolicy::LaterWins);
        if (f.changedSinceBase && c.baseValue)
            f.base = c.baseValue(field);
        const FieldVerdict v = judgeField(f);
        if (v.outcome != FieldVerdict::Outcome::Same && field != kDeleted)
            editedOtherFields = true;
        if (v.value != f.current || !c.exists)
            verdict.changes.insert(field, v.value);
        if (v.outcome != FieldVerdict::Outcome::Apply && v.outcome != FieldVerdict::Outcome::Same)
            record(field, v, f.incoming, f.current, f.base);
    }

    if (c.exists) {
        const FieldState deletedState = c.states.value(kDeleted);
        const bool serverDeletedSinceBase = c.current.value(kDeleted).toBool() && deletedState.rev > c.baseRev;
        if (serverDeletedSinceBase && editedOtherFields && !c.incoming.contains(kDeleted)) {
            // Someone deleted it while this device was editing it: the edit brings it back.
            verdict.changes.insert(kDeleted, false);
            record(kDeleted, {FieldVerdict::Outcome::IncomingWins, false, s("edit-restores")}, false, true, true);
        }
        if (c.incoming.value(kDeleted).toBool() && !c.current.value(kDeleted).toBool()) {
            bool editedSinceBase = false;
            for (auto it = c.states.begin(); it != c.states.end(); ++it)
                editedSinceBase = editedSinceBase || (it.key() != kDeleted && it.value().rev > c.baseRev);
            if (editedSinceBase) {
                // This device deleted it while another edited it: the edit wins, nothing is hidden.
                verdict.changes.remove(kDeleted);
                record(kDeleted, {FieldVerdict::Outcome::CurrentWins, false, s("edit-beats-delete")}, true, false,
                       std::nullopt);
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
