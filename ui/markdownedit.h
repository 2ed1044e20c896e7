#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace tidemark::ui {

/// A plain-text editor for Markdown, highlighted by KSyntaxHighlighting (fenced code blocks in
/// their own language), with a theme that matches the palette and follows palette changes.
/// `setTextKeepingCursor` replaces the text (a change from elsewhere) without moving the caret or
/// the scroll position more than the change requires.
class MarkdownEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MarkdownEdit(QWidget *parent = nullptr);
    ~MarkdownEdit() override;

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

private:
    void ensureHighlighter();
    void applyTheme();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    QString m_lastText;
};

} // namespace tidemark::ui
