#include "ui/conflicts/historydiff.h"

#include "ui/appearance.h"
#include "sync/mergedocument.h"
#include "sync/textdiff.h"

#include <QFontMetrics>
#include <QPalette>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui::Internal {

namespace {

const QColor kRed(215, 58, 73);
const QColor kGreen(46, 160, 67);

void tintCell(QTextTable *table, int row, int column, const QColor &colour)
{
    if (!colour.isValid())
        return;
    QTextTableCell cell = table->cellAt(row, column);
    QTextTableCellFormat format = cell.format().toTableCellFormat();
    format.setBackground(colour);
    cell.setFormat(format);
}

} // namespace

DiffColours::DiffColours(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    text = palette.color(QPalette::Text);
    // A dark page needs a little more of the hue for the line to stand out.
    const double share = base.lightness() < 128 ? 0.28 : 0.2;
    muted = Appearance::mix(text, base, 0.4);
    removed = Appearance::mix(base, kRed, share);
    added = Appearance::mix(base, kGreen, share);
    removedWords = Appearance::mix(base, kRed, share + 0.25);
    addedWords = Appearance::mix(base, kGreen, share + 0.25);
    gap = Appearance::mix(base, text, 0.06);
}

DiffWriter::DiffWriter(QTextDocument *document, const QPalette &palette)
    : m_cursor(document)
    , m_colours(palette)
    , m_textFont(Appearance::editorFont())
{
    m_text.setForeground(m_colours.text);
    m_mutedFormat.setForeground(m_colours.muted);
}

void DiffWriter::paragraph(const QString &text, const QTextCharFormat &format, int topMargin)
{
    m_cursor.movePosition(QTextCursor::End);
    QTextBlockFormat block;
    block.setTopMargin(m_first ? 0 : topMargin);
    block.setBottomMargin(4);
    if (m_first)
        m_cursor.setBlockFormat(block);
    else
        m_cursor.insertBlock(block);
    m_cursor.setBlockCharFormat(format);
    m_cursor.insertText(text, format);
    m_first = false;
}

void DiffWriter::heading(const QString &text)
{
    QTextCharFormat format = m_text;
    format.setFontWeight(QFont::Bold);
    format.setFontPointSize(QFont().pointSizeF() * 1.1);
    paragraph(text, format, 14);
}

void DiffWriter::note(const QString &text) { paragraph(text, m_mutedFormat); }

int DiffWriter::lineNumberWidth() const { return QFontMetrics(m_textFont).horizontalAdvance(u"00000"_s) + 6; }

int DiffWriter::signWidth() const { return QFontMetrics(m_textFont).horizontalAdvance(u"+"_s) + 8; }

void DiffWriter::change(const QString &before, const QString &after)
{
    paragraph(QString(), m_text);
    QTextCharFormat old = m_text;
    old.setBackground(m_colours.removed);
    QTextCharFormat now = m_text;
    now.setBackground(m_colours.added);
    m_cursor.insertText(u" %1 "_s.arg(before), old);
    m_cursor.insertText(u"  →  "_s, m_text);
    m_cursor.insertText(u" %1 "_s.arg(after), now);
}

void DiffWriter::sideBySide(const QString &before, const QString &after, const QString &leftCaption, const QString &rightCaption)
{
    const QList<sync::DiffRow> rows = sync::sideBySideDiff(before, after, 3);
    QTextTable *table = newTable(int(rows.size()) + 1, 4, {lineNumberWidth(), 0, lineNumberWidth(), 0});
    captionCell(table, 0, 1, leftCaption);
    captionCell(table, 0, 3, rightCaption);
    for (int r = 0; r < rows.size(); ++r) {
        const sync::DiffRow &row = rows[r];
        const int at = r + 1;
        using K = sync::DiffRow::Kind;
        if (row.kind == K::Skipped) {
            table->mergeCells(at, 0, 1, 4);
            gapCell(table, at, tr("⋯ %n unchanged line(s)", nullptr, row.skipped));
            continue;
        }
        const bool leftChanged = row.kind == K::Removed || row.kind == K::Changed;
        const bool rightChanged = row.kind == K::Added || row.kind == K::Changed;
        const QColor left = leftChanged ? m_colours.removed : row.kind == K::Added ? m_colours.gap : QColor();
        const QColor right = rightChanged ? m_colours.added : row.kind == K::Removed ? m_colours.gap : QColor();
        numberCell(table, at, 0, row.leftLine, left);
        numberCell(table, at, 2, row.rightLine, right);
        const bool words = row.kind == K::Changed;
        textCell(table, at, 1, row.left, left, words ? sync::changedWords(row.right, row.left) : Marks{},
                 m_colours.removedWords);
        textCell(table, at, 3, row.right, right, words ? sync::changedWords(row.left, row.right) : Marks{},
                 m_colours.addedWords);
    }
    m_cursor.movePosition(QTextCursor::End);
}

void DiffWriter::unified(const QString &before, const QString &after)
{
    struct Line
    {
        QChar sign;
        QString text;
        int oldLine = 0;
        int newLine = 0;
        Marks marks;
    };
    static const QRegularExpression hunk(u"^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@"_s);
    QList<Line> lines;
    int oldLine = 0;
    int newLine = 0;
    const QString diff = sync::unifiedDiff(before, after, 3);
    for (const QString &text : diff.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QChar sign = text.at(0);
        if (const auto match = hunk.match(text); match.hasMatch()) {
            // (An empty side names the line before the hunk, but then has no lines to number.)
            oldLine = match.captured(1).toInt();
            newLine = match.captured(2).toInt();
            lines.append({QLatin1Char('@'), text, 0, 0, {}});
        } else if (sign == QLatin1Char('-')) {
            lines.append({sign, text.mid(1), oldLine++, 0, {}});
        } else if (sign == QLatin1Char('+')) {
            lines.append({sign, text.mid(1), 0, newLine++, {}});
        } else if (sign == QLatin1Char(' ')) {
            lines.append({sign, text.mid(1), oldLine++, newLine++, {}});
        }
        // "\ No newline at end of file" cannot happen: both texts end with a line break.
    }
    // A run of removed lines followed by added ones: the k-th removed line became the k-th
    // added one, whose changed words are marked.
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype minus = i;
        while (minus < lines.size() && lines[minus].sign == QLatin1Char('-'))
            ++minus;
        qsizetype plus = minus;
        while (plus < lines.size() && lines[plus].sign == QLatin1Char('+'))
            ++plus;
        for (qsizetype k = 0; k < std::min(minus - i, plus - minus); ++k) {
            Line &removed = lines[i + k];
            Line &added = lines[minus + k];
            removed.marks = sync::changedWords(added.text, removed.text);
            added.marks = sync::changedWords(removed.text, added.text);
        }
        i = std::max(plus, i + 1);
    }
    QTextTable *table = newTable(int(lines.size()), 4, {lineNumberWidth(), lineNumberWidth(), signWidth(), 0});
    for (int r = 0; r < lines.size(); ++r) {
        const Line &line = lines[r];
        if (line.sign == QLatin1Char('@')) {
            table->mergeCells(r, 0, 1, 4);
            gapCell(table, r, line.text);
            continue;
        }
        const bool removed = line.sign == QLatin1Char('-');
        const bool added = line.sign == QLatin1Char('+');
        const QColor tint = removed ? m_colours.removed : added ? m_colours.added : QColor();
        numberCell(table, r, 0, line.oldLine, tint);
        numberCell(table, r, 1, line.newLine, tint);
        textCell(table, r, 2, line.sign == QLatin1Char(' ') ? QString() : QString(line.sign), tint, {}, {});
        textCell(table, r, 3, line.text, tint, line.marks, removed ? m_colours.removedWords : m_colours.addedWords);
    }
    m_cursor.movePosition(QTextCursor::End);
}

QTextTable *DiffWriter::newTable(int rows, int columns, const QList<int> &widths)
{
    m_cursor.movePosition(QTextCursor::End);
    QTextTableFormat format;
    format.setBorder(0);
    format.setCellSpacing(0);
    format.setCellPadding(2);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    const auto flexible = std::ranges::count(widths, 0);
    QList<QTextLength> constraints;
    for (int w : widths)
        constraints.append(w > 0 ? QTextLength(QTextLength::FixedLength, w)
                                 : QTextLength(QTextLength::PercentageLength, 100.0 / double(flexible)));
    format.setColumnWidthConstraints(constraints);
    return m_cursor.insertTable(std::max(rows, 1), columns, format);
}

void DiffWriter::numberCell(QTextTable *table, int row, int column, int number, const QColor &tint)
{
    tintCell(table, row, column, tint);
    QTextCursor at = table->cellAt(row, column).firstCursorPosition();
    QTextBlockFormat right;
    right.setAlignment(Qt::AlignRight);
    at.setBlockFormat(right);
    QTextCharFormat format = m_mutedFormat;
    format.setFont(m_textFont, QTextCharFormat::FontPropertiesSpecifiedOnly);
    at.insertText(number > 0 ? QString::number(number) : QString(), format);
}

void DiffWriter::textCell(QTextTable *table, int row, int column, const QString &text, const QColor &tint, const Marks &marks,
                            const QColor &strong)
{
    tintCell(table, row, column, tint);
    QTextCursor at = table->cellAt(row, column).firstCursorPosition();
    QTextCharFormat normal = m_text;
    normal.setFont(m_textFont, QTextCharFormat::FontPropertiesSpecifiedOnly);
    QTextCharFormat marked = normal;
    marked.setBackground(strong);
    qsizetype done = 0;
    for (const auto &[start, length] : marks) {
        if (start < done || start + length > text.size())
            continue;
        at.insertText(text.mid(done, start - done), normal);
        at.insertText(text.mid(start, length), marked);
        done = start + length;
    }
    at.insertText(text.mid(done), normal);
}

void DiffWriter::captionCell(QTextTable *table, int row, int column, const QString &text)
{
    QTextCharFormat format = m_mutedFormat;
    format.setFontWeight(QFont::DemiBold);
    table->cellAt(row, column).firstCursorPosition().insertText(text, format);
}

void DiffWriter::gapCell(QTextTable *table, int row, const QString &text)
{
    tintCell(table, row, 0, m_colours.gap);
    table->cellAt(row, 0).firstCursorPosition().insertText(text, m_mutedFormat);
}

} // namespace tidemark::ui::Internal
