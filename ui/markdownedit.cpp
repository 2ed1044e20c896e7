#include "ui/markdownedit.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <KSyntaxHighlighting/Format>

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

// One repository for the whole app: loading the definitions takes tens of milliseconds.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

/// Markdown's highlighting with code in the fixed-width font: the text of a fenced block (in its
/// own language's formats, or Markdown's code format) and inline code.
class CodeHighlighter final : public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    explicit CodeHighlighter(QObject *parent)
        : KSyntaxHighlighting::SyntaxHighlighter(parent)
    {
    }

    void useMarkdown(const KSyntaxHighlighting::Definition &markdown)
    {
        setDefinition(markdown);
        m_markdown.clear();
        m_markdownCode.clear();
        for (const KSyntaxHighlighting::Format &format : markdown.formats()) {
            m_markdown.insert(format.id());
            if (format.name().contains(QLatin1String("Code"), Qt::CaseInsensitive))
                m_markdownCode.insert(format.id());
        }
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        KSyntaxHighlighting::SyntaxHighlighter::applyFormat(offset, length, format);
        // A format Markdown does not have is an embedded language's: inside a fenced block.
        if (length <= 0 || (m_markdown.contains(format.id()) && !m_markdownCode.contains(format.id())))
            return;
        QTextCharFormat code = QSyntaxHighlighter::format(offset);
        code.setFontFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
        code.setFontFixedPitch(true);
        setFormat(offset, length, code);
    }

private:
    QSet<int> m_markdown;
    QSet<int> m_markdownCode;
};

/// A list item's start: indentation, a marker ("-", "*", "+", "1." or "1)") and, for a task list,
/// its box; then the item's text.
const QRegularExpression &listItem()
{
    static const QRegularExpression item(QStringLiteral(R"(^(\s*)([-*+]|(\d{1,9})([.)]))(\s+)(\[[ xX]\]\s+)?(.*)$)"));
    return item;
}

} // namespace

MarkdownEdit::MarkdownEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    connect(document(), &QTextDocument::contentsChange, this, &MarkdownEdit::onContentsChange);
}

void MarkdownEdit::onContentsChange(int position, int removed, int added)
{
    // Positions count a block's end as one character; the document's last one is not text.
    const qsizetype textEnd = std::max(document()->characterCount() - 1, 0);
    const qsizetype from = std::clamp<qsizetype>(position, 0, m_lastText.size());
    const qsizetype oldLength = std::clamp<qsizetype>(removed, 0, m_lastText.size() - from);
    const qsizetype newLength = std::clamp<qsizetype>(qsizetype(position) + added, from, textEnd) - from;
    QString now;
    if (newLength > 0) {
        QTextCursor range(document());
        range.setPosition(int(from));
        range.setPosition(int(from + newLength), QTextCursor::KeepAnchor);
        now = range.selectedText();
    }
    if (oldLength == newLength && QStringView(m_lastText).mid(from, oldLength) == now)
        return; // only formats changed (the highlighter recoloured)
    if (wordWrapMode() != QTextOption::WrapAnywhere) {
        // Before the layout of the change: a long line is laid out breaking anywhere at once.
        const QTextBlock last = document()->findBlock(int(from + newLength));
        for (QTextBlock block = document()->findBlock(int(from)); block.isValid(); block = block.next()) {
            if (block.length() > kLongLine) {
                setWordWrapMode(QTextOption::WrapAnywhere); // until another text is opened
                break;
            }
            if (block == last)
                break;
        }
    }
    m_lastText.replace(from, oldLength, now);
    Q_EMIT textEdited();
}

void MarkdownEdit::setMarkdown(const QString &text)
{
    qsizetype longest = 0;
    for (qsizetype start = 0; start <= text.size() && longest <= kLongLine;) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        longest = std::max(longest, end - start);
        start = end + 1;
    }
    setWordWrapMode(longest > kLongLine ? QTextOption::WrapAnywhere : QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_highlight = text.size() <= kHighlightLimit;
    if (m_highlighter && !m_highlight)
        m_highlighter->setDocument(nullptr);
    setPlainText(text);
    if (m_highlighter && m_highlight && !m_highlighter->document())
        m_highlighter->setDocument(document());
}

void MarkdownEdit::ensureHighlighter()
{
    // Made when the editor is first shown: loading the definitions takes ~60 ms, which the
    // window's start need not wait for.
    if (m_highlighter)
        return;
    auto *highlighter = new CodeHighlighter(this);
    m_highlighter = highlighter;
    if (m_highlight)
        m_highlighter->setDocument(document());
    highlighter->useMarkdown(repository().definitionForName(u"Markdown"_s));
    applyTheme();
}

void MarkdownEdit::showEvent(QShowEvent *event)
{
    ensureHighlighter();
    QPlainTextEdit::showEvent(event);
}

MarkdownEdit::~MarkdownEdit() = default;

QString MarkdownEdit::themeName() const { return m_highlighter ? m_highlighter->theme().name() : QString(); }

void MarkdownEdit::applyTheme()
{
    if (!m_highlighter)
        return;
    const auto theme = repository().themeForPalette(palette());
    if (theme.name() == m_highlighter->theme().name())
        return;
    m_highlighter->setTheme(theme);
    if (m_highlighter->document())
        m_highlighter->rehighlight();
}

void MarkdownEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void MarkdownEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
                       && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (enter && !isReadOnly() && continueList()) {
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MarkdownEdit::continueList()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const QTextBlock block = cursor.block();
    const QString line = block.text();
    const int column = cursor.positionInBlock();
    const auto match = listItem().match(line);
    if (!match.hasMatch() || column < match.capturedStart(7))
        return false;
    // Not in a fenced code block: an odd number of fences above means inside one.
    int fences = 0;
    for (QTextBlock above = block.previous(); above.isValid(); above = above.previous()) {
        const QString text = above.text().trimmed();
        if (text.startsWith(QLatin1String("```")) || text.startsWith(QLatin1String("~~~")))
            ++fences;
    }
    if (fences % 2 == 1)
        return false;
    cursor.beginEditBlock();
    if (match.capturedView(7).trimmed().isEmpty() && column == line.size()) {
        // Enter on an empty item ends the list: the marker goes, the line stays empty.
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else {
        QString marker = match.captured(2);
        if (!match.captured(3).isEmpty())
            marker = QString::number(match.captured(3).toLongLong() + 1) + match.captured(4);
        QString next = match.captured(1) + marker + match.captured(5);
        if (!match.captured(6).isEmpty())
            next += u"[ ] "_s;
        cursor.insertBlock();
        cursor.insertText(next);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    return true;
}

void MarkdownEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    Q_EMIT focusLost();
}

void MarkdownEdit::setTextKeepingCursor(const QString &text)
{
    if (text == toPlainText())
        return;
    const QString old = toPlainText();
    // Replace only the part that differs, in one edit block, so that the caret and the selection
    // outside it stay where they were and undo takes the whole change back at once.
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(old.size(), text.size());
    while (prefix < shorter && old.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old.at(old.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    const int scroll = verticalScrollBar()->value();
    QTextCursor edit(document());
    edit.beginEditBlock();
    edit.setPosition(int(prefix));
    edit.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    edit.insertText(text.mid(prefix, text.size() - suffix - prefix));
    edit.endEditBlock();
    verticalScrollBar()->setValue(scroll);
}

} // namespace tidemark::ui
