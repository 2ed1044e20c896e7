#pragma once

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tidemark::model {
class Store;
enum class Kind;
}

namespace tidemark::ui {

class ConflictBar;

class MarkdownEdit;

/// The editor of one note: a title field, tags, and the Markdown body. Typing is saved through
/// the store after a short pause, when focus leaves a field, when another note is opened and
/// before the window closes, so nothing typed is lost. While the title field is empty the note is
/// titled by its first heading (or first line). A change to the open note that comes from
/// elsewhere updates the fields the user has not edited since the last save, without moving the
/// caret.
class NoteEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit NoteEditor(model::Store *store, QWidget *parent = nullptr);

    /// Opens a note, saving what is unsaved of the previous one first; an empty id clears.
    void setNote(const QString &id);
    [[nodiscard]] QString noteId() const { return m_id; }
    void saveNow();
    [[nodiscard]] bool hasUnsavedChanges() const { return !m_dirty.isEmpty(); }
    void focusBody();
    void focusTitle();

    [[nodiscard]] QLineEdit *titleField() const { return m_title; }
    /// The bar over the note that says it has an open text conflict, with Resolve….
    [[nodiscard]] QFrame *conflictBar() const;
    /// Opens the merge dialog for the note's open text conflict, and writes what the person
    /// decides: the Result as one edit that settles the conflict, or both versions kept (the other
    /// one as a new note). Cancel leaves the conflict open and the note untouched.
    void resolveConflict();
    [[nodiscard]] MarkdownEdit *bodyEditor() const { return m_body; }

    /// The title a note gets from its body: its first heading, else its first non-empty line.
    static QString titleFromBody(const QString &markdown);

Q_SIGNALS:
    void saved(const QDateTime &at);
    void failed(const QString &reason);

private:
    void markDirty(const QString &field);
    /// `info` with, near the limit, the note's size and the limit, and a word when it is shown
    /// without highlighting.
    QString withSize(const QString &info, const QString &body);
    void setInfoWarning(bool warning);
    void load();
    void onEntityChanged(model::Kind kind, const QString &id);
    void updateConflictBar();
    [[nodiscard]] QStringList tagsFromField() const;

    QPointer<model::Store> m_store;
    QString m_id;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_tags = nullptr;
    MarkdownEdit *m_body = nullptr;
    QLabel *m_info = nullptr;
    ConflictBar *m_conflictBar = nullptr; ///< while the text has an open conflict
    QTimer m_saveTimer;
    QSet<QString> m_dirty;
    bool m_titleFromBody = false; ///< the title follows the body's first heading
    bool m_loading = false;
};

} // namespace tidemark::ui
