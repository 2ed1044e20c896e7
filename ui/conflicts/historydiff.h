#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPair>
#include <QTextCharFormat>
#include <QTextCursor>

class QPalette;
class QTextDocument;
class QTextTable;

namespace tidemark::ui::Internal {

/// The diff's colours, mixed from a palette: red-ish and green-ish tints of its Base for removed
/// and added lines (stronger for the changed words), its Text for the text.
struct DiffColours
{
    QColor text;
    QColor muted;
    QColor removed;
    QColor added;
    QColor removedWords;
    QColor addedWords;
    QColor gap;

    explicit DiffColours(const QPalette &palette);
};

/// Writes what a version changed into a text document, the history dialog's diff view: headings,
/// text fields as line diffs in tables (side by side or unified, with line numbers and the changed
/// words of a changed line marked), other fields as "old → new".
class DiffWriter
{
    Q_DECLARE_TR_FUNCTIONS(tidemark::ui::DiffWriter)

public:
    DiffWriter(QTextDocument *document, const QPalette &palette);

    void heading(const QString &text);
    /// A muted line of words.
    void note(const QString &text);
    /// "old → new", each on its tint.
    void change(const QString &before, const QString &after);
    void sideBySide(const QString &before, const QString &after, const QString &leftCaption, const QString &rightCaption);
    void unified(const QString &before, const QString &after);

private:
    using Marks = QList<QPair<qsizetype, qsizetype>>;

    void paragraph(const QString &text, const QTextCharFormat &format, int topMargin = 4);
    [[nodiscard]] int lineNumberWidth() const;
    [[nodiscard]] int signWidth() const;
    QTextTable *newTable(int rows, int columns, const QList<int> &widths);
    void numberCell(QTextTable *table, int row, int column, int number, const QColor &tint);
    void textCell(QTextTable *table, int row, int column, const QString &text, const QColor &tint, const Marks &marks,
                  const QColor &strong);
    void captionCell(QTextTable *table, int row, int column, const QString &text);
    void gapCell(QTextTable *table, int row, const QString &text);

    QTextCursor m_cursor;
    DiffColours m_colours;
    QTextCharFormat m_text;
    QTextCharFormat m_mutedFormat;
    QFont m_textFont;
    bool m_first = true;
};

} // namespace tidemark::ui::Internal
