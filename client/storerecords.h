#pragma once

#include "model/store.h"
#include "sync/changes.h"

#include <QList>

namespace tidemark::client {

/// A pulled page as the store takes it: the one place where the wire's types (sync/changes.h)
/// become store records.
struct StoreRecords
{
    QList<model::Store::RemoteChange> changes;
    QList<model::Store::RemoteConflict> conflicts;
};

/// A change of a kind this version does not know is passed on for the store to keep untouched; a
/// conflict event about such an entity is left out (not this version's to show).
StoreRecords toStoreRecords(const sync::ChangesPage &page);

} // namespace tidemark::client
