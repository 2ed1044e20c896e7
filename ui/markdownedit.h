#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace tidemark::ui {

/// A plain-text editor for Markdown, highlighted by KSyntaxHighlighting (fenced code blocks in
/// their own language, in the fixed-width font), with a theme that matches the palette and
/// follows palette changes. Enter in a list item starts the next one ("- ", "3. ", "- [ ] ");
/// Enter on an empty item ends the list.
/// `setTextKeepingCursor` replaces the text (a change from elsewhere) without moving the caret or
/// the scroll position more than the change requires. A text opened with `setMarkdown` that is
/// larger than `kHighlightLimit` is shown plain: highlighting it whole would hold the window for
/// a second or more (docs/desktop-app.md, "Large notes").
class MarkdownEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MarkdownEdit(QWidget *parent = nullptr);
    ~MarkdownEdit() override;

    /// Characters from which a text opened with setMarkdown is not highlighted.
    static constexpr qsizetype kHighlightLimit = 512 * 1024;

    /// A line longer than this (a pasted minified file) is broken anywhere rather than at word
    /// boundaries: Qt's search for a word boundary grows with the square of a line's length
    /// (8.9 s to show one 400,000-character line), breaking anywhere with its length.
    static constexpr qsizetype kLongLine = 10'000;

    /// Opens a text (a fresh undo history), highlighted unless it is larger than kHighlightLimit.
    void setMarkdown(const QString &text);
    /// Whether the text is highlighted (false for a large one).
    [[nodiscard]] bool isHighlighted() const { return m_highlight; }

    void setTextKeepingCursor(const QString &text);
    [[nodiscard]] QString themeName() const;

Q_SIGNALS:
    /// Keyboard focus left the editor: a moment to save.
    void focusLost();
    /// The text itself changed (typing, undo, setPlainText), as opposed to textChanged(), which
    /// also fires when the highlighter recolours it.
    void textEdited();

protected:
    void changeEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void ensureHighlighter();
    void applyTheme();
    void onContentsChange(int position, int removed, int added);
    /// Enter at the end of a list item: the next item's marker, or the end of the list. False
    /// when the cursor is not in a list item (outside a code block).
    bool continueList();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    bool m_highlight = true;
    /// The text as of the last textEdited(), with QChar::ParagraphSeparator between blocks, kept
    /// up to date one change at a time: a recolouring is told from an edit by comparing only the
    /// changed range, never the whole text.
    QString m_lastText;
};

} // namespace tidemark::ui
