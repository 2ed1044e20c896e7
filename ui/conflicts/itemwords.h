#pragma once

#include "model/records.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Items, their fields and values, devices and conflict events in words a person reads without
/// knowing the rules: "Title of “Groceries” changed on Laptop at 10:02 and on Phone at 10:05; the
/// later one was kept: “Groceries”." The one place these words are made, so that the conflict
/// centre, the audit trail, the merge dialog, the history view, the pending changes and the
/// settings call a field, a value or a device the same.
class ItemWords final
{
    Q_DECLARE_TR_FUNCTIONS(ItemWords)

public:
    /// A value inside a sentence (our words in lower case, a person's text in quotes: "no
    /// priority", "“Groceries”") or on its own, as in "old → new" ("No priority", "Groceries").
    enum class ValueForm { InSentence, Alone };
    /// A moment with its date only when it is not today (events of the last days), or always (a
    /// timeline that spans months).
    enum class DateShown { UnlessToday, Always };
    /// Whether a conflict sentence names the item ("Title of “Groceries” changed…"), or leaves it
    /// out where the whole view is about that one item ("Title changed…").
    enum class ItemNamed { Yes, No };

    /// `store` may be null (closed meanwhile): devices then read "another device", items and
    /// collections "no longer here".
    explicit ItemWords(const model::Store *store);

    /// "Title", "Due date", "Repeats"…: a field as a label or a heading. Unknown fields keep their
    /// wire name.
    [[nodiscard]] static QString fieldLabel(model::Kind kind, const QString &field);
    /// "title", "due date", "repetition"…: a field inside a sentence ("put back … as the due date").
    /// Its own translation, for languages that do not lower-case nouns.
    [[nodiscard]] static QString fieldWord(model::Kind kind, const QString &field);
    /// "Title, text and tags": fields at the start of a sentence.
    [[nodiscard]] static QString fieldList(model::Kind kind, const QStringList &fields);
    /// `text` with its first letter in upper case, for words that start a sentence or stand alone.
    [[nodiscard]] static QString capitalised(QString text);

    /// "this device", the device's name, or "another device".
    [[nodiscard]] QString device(const QString &deviceId) const;
    /// A moment: by default the time today, or the date and time.
    [[nodiscard]] static QString when(qint64 ms, DateShown date = DateShown::UnlessToday);
    /// A value as a person reads it: a text's first line, a collection's name, a date, "weekly", "yes"…
    [[nodiscard]] QString value(const QString &field, const QJsonValue &value,
                                ValueForm form = ValueForm::InSentence) const;
    /// The item's title, or "Untitled".
    [[nodiscard]] QString itemTitle(const QString &entityId) const;

    /// Who edited each side and when: "Laptop at 10:02".
    [[nodiscard]] QString mineSide(const model::ConflictRecord &record) const;
    [[nodiscard]] QString theirsSide(const model::ConflictRecord &record) const;
    /// The device that made a person's choice (a resolution event).
    [[nodiscard]] QString chooser(const model::ConflictRecord &record) const;
    /// The value a resolution event chose.
    [[nodiscard]] static QJsonValue chosen(const model::ConflictRecord &record);
    /// A text's lines (a last line break ends the last line, it does not start another).
    [[nodiscard]] static int lineCount(const QString &text);
    /// How many non-empty lines of `text` have no equal line in `other`.
    [[nodiscard]] static int linesNotIn(const QString &text, const QString &other);
    /// The value a rule kept, for an event a rule settled (undefined where it merged both).
    [[nodiscard]] static QJsonValue kept(const model::ConflictRecord &record);

    /// What happened and what decided it, in one plain sentence; `item` No leaves out the item's
    /// title (the history of that item).
    [[nodiscard]] QString sentence(const model::ConflictRecord &record,
                                   ItemNamed item = ItemNamed::Yes) const;
    /// The rule in a few words: "the later edit wins".
    [[nodiscard]] static QString rule(const QString &rule);
    /// The outcome in a few words: "waiting for you", "one side kept", "merged", "chosen by a person".
    [[nodiscard]] static QString outcome(const model::ConflictRecord &record);

private:
    struct Phrase;
    /// A value's words, before they are dressed for a sentence or to stand alone.
    [[nodiscard]] Phrase phrase(const QString &field, const QJsonValue &value) const;

    const model::Store *m_store = nullptr;
};

} // namespace tidemark::ui
