#pragma once

#include "model/records.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Conflict events in words a person reads without knowing the rules: "Title of “Groceries”
/// changed on Laptop at 10:02 and on Phone at 10:05; the later one was kept." Shared by the
/// conflict centre, the audit trail, the history view and the merge dialog.
class ConflictWords final
{
    Q_DECLARE_TR_FUNCTIONS(ConflictWords)

public:
    explicit ConflictWords(const model::Store &store);

    /// "Title", "Text", "Due date"… for a field name.
    [[nodiscard]] static QString fieldLabel(const QString &field);
    /// "this device", the device's name, or "another device".
    [[nodiscard]] QString device(const QString &deviceId) const;
    /// A moment: the time today, or the date and time.
    [[nodiscard]] static QString when(qint64 ms);
    /// A value as a person reads it: a text's first line in quotes, a collection's name, Yes/No…
    [[nodiscard]] QString value(const QString &field, const QJsonValue &value) const;
    /// The item's title, or "Untitled".
    [[nodiscard]] QString itemTitle(const QString &entityId) const;

    /// Who edited each side and when: "Laptop at 10:02".
    [[nodiscard]] QString mineSide(const model::ConflictRecord &record) const;
    [[nodiscard]] QString theirsSide(const model::ConflictRecord &record) const;
    /// The device that made a person's choice (a resolution event).
    [[nodiscard]] QString chooser(const model::ConflictRecord &record) const;
    /// The value a resolution event chose.
    [[nodiscard]] static QJsonValue chosen(const model::ConflictRecord &record);
    /// The value a rule kept, for an event a rule settled (undefined where it merged both).
    [[nodiscard]] static QJsonValue kept(const model::ConflictRecord &record);

    /// What happened and what decided it, in one plain sentence.
    [[nodiscard]] QString sentence(const model::ConflictRecord &record) const;
    /// The rule in a few words: "the later edit wins".
    [[nodiscard]] static QString rule(const QString &rule);
    /// The outcome in a few words: "waiting for you", "later kept", "merged", "decided by a person".
    [[nodiscard]] static QString outcome(const model::ConflictRecord &record);

private:
    const model::Store &m_store;
};

} // namespace tidemark::ui
