#include "storerecords.h"

namespace tidemark::client {

StoreRecords toStoreRecords(const sync::ChangesPage &page)
{
    StoreRecords records;
    records.changes.reserve(page.changes.size());
    for (const sync::Change &change : page.changes) {
        const auto kind = model::kindFromName(change.kind);
        records.changes.append({kind.value_or(model::Kind::Note), change.id, change.rev, change.fields, change.device,
                                change.at, kind ? QString() : change.kind});
    }
    for (const sync::ConflictEvent &event : page.conflicts) {
        const auto kind = model::kindFromName(event.kind);
        if (!kind)
            continue;
        // An incoming clock that does not name its device was made on the operation's device.
        model::Hlc incomingClock = model::Hlc::fromString(event.incomingHlc).value_or(model::Hlc{});
        if (incomingClock.device.isEmpty())
            incomingClock.device = event.device;
        records.conflicts.append({event.id, event.entity, *kind, event.field, event.rule, event.status, event.outcome,
                                  event.incoming, event.current, event.base.value_or(QJsonValue(QJsonValue::Undefined)),
                                  event.rev, event.device, event.at, event.settles, event.opId, incomingClock,
                                  model::Hlc::fromString(event.currentHlc).value_or(model::Hlc{})});
    }
    return records;
}

} // namespace tidemark::client
