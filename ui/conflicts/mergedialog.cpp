#include "ui/conflicts/mergedialog.h"

#include "ui/appearance.h"
#include "ui/markdownedit.h"

#include <QAction>
#include <QCheckBox>
#include <QRadioButton>
#include <QButtonGroup>
#include <QGroupBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

namespace {

using sync::MergeChoice;
using sync::MergeHunk;

/// A hunk's lines as pane text: without their line breaks, padded with empty rows to `rows`.
QStringList paneLines(const QStringList &lines, qsizetype rows)
{
    QStringList out;
    for (const QString &line : lines)
        out.append(line.endsWith(QLatin1Char('\n')) ? line.chopped(1) : line);
    while (out.size() < rows)
        out.append(QString());
    return out;
}

QPlainTextEdit *sidePane(QWidget *parent, const QString &name)
{
    auto *pane = new QPlainTextEdit(parent);
    pane->setObjectName(name);
    pane->setReadOnly(true);
    // Prose wraps: the panes line up by line of text (block), not by row on screen.
    pane->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    pane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return pane;
}

// With wrapping, a pane's vertical scroll counts rows on screen; the panes agree on lines of text.
int topBlock(const QPlainTextEdit *pane)
{
    return pane->document()->findBlockByLineNumber(pane->verticalScrollBar()->value()).blockNumber();
}

void scrollToBlock(QPlainTextEdit *pane, int block)
{
    const QTextBlock target = pane->document()->findBlockByNumber(std::max(block, 0));
    pane->verticalScrollBar()->setValue(target.isValid() ? target.firstLineNumber() : pane->verticalScrollBar()->maximum());
}

QColor tint(QColor color, const QPalette &palette, int alpha)
{
    // The same hue reads on light and dark bases: mix it over the pane's own background.
    const QColor base = palette.color(QPalette::Base);
    return Appearance::mix(base, color, alpha / 255.0);
}

const QColor kMineColour(46, 160, 67);
const QColor kTheirsColour(56, 132, 255);
const QColor kBothColour(230, 140, 30); // where the sides collide, and a part still to decide
const QColor kBothChosenColour(40, 150, 170); // both sides taken: between mine's green and theirs' blue

QTextEdit::ExtraSelection lineSelection(QPlainTextEdit *pane, int block, const QColor &colour)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(pane->document()->findBlockByNumber(block));
    selection.format.setBackground(colour);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    return selection;
}

} // namespace

MergeDialog::MergeDialog(const MergeInput &input, QWidget *parent)
    : QDialog(parent)
    , m_input(input)
{
    // Line breaks as a text document counts them, so that string offsets are document positions.
    m_input.base = sync::normalizedLineBreaks(m_input.base);
    m_input.mine = sync::normalizedLineBreaks(m_input.mine);
    m_input.theirs = sync::normalizedLineBreaks(m_input.theirs);
    m_doc = m_input.hasBase ? sync::MergeDocument::make(m_input.base, m_input.mine, m_input.theirs)
                            : sync::MergeDocument::makeTwoWay(m_input.mine, m_input.theirs);
    setWindowTitle(tr("Merge “%1”").arg(input.itemTitle));
    setObjectName(u"mergeDialog"_s);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    if (input.hasText)
        m_summary->setText(tr("%1 of “%2” was changed on %3 and on %4. Parts only one side changed are "
                              "already taken from it; choose what to keep where both changed, or edit the Result.")
                               .arg(input.fieldLabel, input.itemTitle, input.mineLabel, input.theirsLabel));
    else
        m_summary->setText(tr("“%1” was changed on %2 and on %3, and these fields got different values. "
                              "Choose the value to keep for each; every device will show it.")
                               .arg(input.itemTitle, input.mineLabel, input.theirsLabel));

    // The current hunk's choices, and moving between hunks.
    auto *bar = new QHBoxLayout;
    m_position = new QLabel(this);
    m_position->setObjectName(u"position"_s);
    const auto addButton = [this, bar](const QString &name, const QString &text, const QKeySequence &key,
                                       auto handler) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setShortcut(key);
        button->setToolTip(u"%1 (%2)"_s.arg(text.split(QLatin1Char('&')).join(QString()),
                                                          key.toString(QKeySequence::NativeText)));
        connect(button, &QPushButton::clicked, this, handler);
        bar->addWidget(button);
        return button;
    };
    addButton(u"previousHunk"_s, tr("Previous"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { previousHunk(); });
    addButton(u"nextHunk"_s, tr("Next"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { nextHunk(); });
    bar->addWidget(m_position);
    bar->addStretch();
    addButton(u"takeMine"_s, tr("Take Mine"), QKeySequence(Qt::ALT | Qt::Key_1),
              [this] { choose(MergeChoice::Mine); });
    addButton(u"takeTheirs"_s, tr("Take Theirs"), QKeySequence(Qt::ALT | Qt::Key_2),
              [this] { choose(MergeChoice::Theirs); });
    addButton(u"bothMineFirst"_s, tr("Both, Mine First"), QKeySequence(Qt::ALT | Qt::Key_3),
              [this] { choose(MergeChoice::MineThenTheirs); });
    addButton(u"bothTheirsFirst"_s, tr("Both, Theirs First"), QKeySequence(Qt::ALT | Qt::Key_4),
              [this] { choose(MergeChoice::TheirsThenMine); });
    auto *showBase = new QCheckBox(tr("Show Base"), this);
    showBase->setObjectName(u"showBase"_s);
    showBase->setToolTip(tr("The text as it was before either change"));
    connect(showBase, &QCheckBox::toggled, this, &MergeDialog::setBaseVisible);
    bar->addWidget(showBase);
    showBase->setVisible(m_input.hasBase);

    // The panes, each under a heading.
    m_base = sidePane(this, u"basePane"_s);
    m_mine = sidePane(this, u"minePane"_s);
    m_theirs = sidePane(this, u"theirsPane"_s);
    m_result = new MarkdownEdit(this);
    m_result->setObjectName(u"resultPane"_s);
    m_result->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *panes = new QGridLayout;
    m_panes = panes;
    const auto column = [this, panes](int at, const QString &heading, QWidget *pane) {
        auto *label = new QLabel(heading, this);
        label->setTextFormat(Qt::PlainText);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        auto *box = new QWidget(this);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(label);
        layout->addWidget(pane, 1);
        panes->addWidget(box, 0, at);
        panes->setColumnStretch(at, 1);
        return box;
    };
    m_baseColumn = column(0, tr("Base (before both changes)"), m_base);
    column(1, tr("Mine: %1").arg(input.mineLabel), m_mine);
    column(2, tr("Result"), m_result);
    column(3, tr("Theirs: %1").arg(input.theirsLabel), m_theirs);
    m_baseColumn->hide();
    panes->setColumnStretch(0, 0);

    auto *buttons = new QDialogButtonBox(this);
    auto *keepBothButton = buttons->addButton(tr("Keep Both as Separate Items"), QDialogButtonBox::ActionRole);
    m_keepBoth = keepBothButton;
    keepBothButton->setObjectName(u"keepBoth"_s);
    m_resolve = buttons->addButton(tr("Resolve"), QDialogButtonBox::AcceptRole);
    m_resolve->setObjectName(u"resolve"_s);
    buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(u"cancel"_s);
    connect(keepBothButton, &QPushButton::clicked, this, &MergeDialog::keepBoth);
    connect(m_resolve, &QPushButton::clicked, this, &MergeDialog::resolve);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The compact form: one choice per field with a single value.
    QGroupBox *fields = nullptr;
    if (!m_input.scalars.isEmpty()) {
        fields = new QGroupBox(m_input.hasText ? tr("Other fields") : tr("Fields"), this);
        fields->setObjectName(u"scalarForm"_s);
        auto *grid = new QGridLayout(fields);
        for (qsizetype i = 0; i < m_input.scalars.size(); ++i) {
            const MergeInput::Scalar &scalar = m_input.scalars.at(i);
            auto *label = new QLabel(scalar.fieldLabel, fields);
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
            auto *group = new QButtonGroup(fields);
            auto *mine = new QRadioButton(tr("Mine: %1").arg(scalar.mine), fields);
            auto *theirs = new QRadioButton(tr("Theirs: %1").arg(scalar.theirs), fields);
            mine->setObjectName(u"scalarMine%1"_s.arg(i));
            theirs->setObjectName(u"scalarTheirs%1"_s.arg(i));
            mine->setToolTip(tr("Keep the value from %1").arg(m_input.mineLabel));
            theirs->setToolTip(tr("Keep the value from %1").arg(m_input.theirsLabel));
            group->addButton(mine);
            group->addButton(theirs);
            grid->addWidget(label, int(i), 0);
            grid->addWidget(mine, int(i), 1);
            grid->addWidget(theirs, int(i), 2);
            connect(mine, &QRadioButton::toggled, this, [this] { updateState(); });
            connect(theirs, &QRadioButton::toggled, this, [this] { updateState(); });
            m_scalarButtons.append(qMakePair(mine, theirs));
        }
        grid->setColumnStretch(1, 1);
        grid->setColumnStretch(2, 1);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addLayout(panes, 1);
    if (fields)
        layout->addWidget(fields);
    if (!m_input.hasText) {
        // Only the compact form: no panes, no parts to move between, nothing to keep twice.
        for (int i = 0; i < bar->count(); ++i) {
            if (QWidget *w = bar->itemAt(i)->widget())
                w->hide();
        }
        for (int i = 0; i < panes->count(); ++i) {
            if (QWidget *w = panes->itemAt(i)->widget())
                w->hide();
        }
        keepBothButton->hide();
        layout->addStretch(1);
    }
    layout->addWidget(buttons);

    buildPanes();
    for (QPlainTextEdit *pane : {m_base, m_mine, m_theirs, static_cast<QPlainTextEdit *>(m_result)}) {
        connect(pane->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, pane] { syncScroll(pane); });
    }
    for (QPlainTextEdit *pane : {m_base, m_mine, m_theirs}) {
        connect(pane, &QPlainTextEdit::cursorPositionChanged, this, [this, pane] {
            const qsizetype hunk = hunkAtSideBlock(pane->textCursor().blockNumber());
            if (hunk >= 0 && hunk != m_current)
                goToHunk(hunk);
        });
    }
    connect(m_result, &MarkdownEdit::textEdited, this, [this] {
        if (m_replacing)
            return;
        m_edited = true;
        updateHighlights();
        updateState();
    });

    // Start at the first part that needs a decision, else the first part.
    qsizetype first = 0;
    for (qsizetype h = 0; h < m_doc.hunks().size(); ++h) {
        if (m_doc.choice(h) == MergeChoice::Undecided) {
            first = h;
            break;
        }
    }
    if (!m_doc.hunks().isEmpty())
        goToHunk(first);
    updateState();
    if (m_input.hasText)
        resize(1100, 640);
    else
        resize(std::max(560, sizeHint().width()), sizeHint().height()); // the form alone: no room for panes
}

void MergeDialog::buildPanes()
{
    QStringList base;
    QStringList mine;
    QStringList theirs;
    QString result;
    QList<qsizetype> resultOffsets;
    m_hunkSegment.fill(-1, m_doc.hunks().size());
    const auto &segments = m_doc.segments();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const auto &segment = segments[i];
        QStringList piece;
        m_sideStart.append(int(mine.size()));
        if (segment.hunk < 0) {
            const QStringList lines = paneLines(segment.common, 0);
            base += lines;
            mine += lines;
            theirs += lines;
            m_sideLines.append(int(lines.size()));
            piece = segment.common;
        } else {
            const MergeHunk &hunk = m_doc.hunks()[segment.hunk];
            const qsizetype rows = std::max({hunk.base.size(), hunk.mine.size(), hunk.theirs.size(), qsizetype(1)});
            base += paneLines(hunk.base, rows);
            mine += paneLines(hunk.mine, rows);
            theirs += paneLines(hunk.theirs, rows);
            m_sideLines.append(int(rows));
            m_hunkSegment[segment.hunk] = i;
            piece = m_doc.resultLines(segment.hunk);
        }
        if (!result.isEmpty() && !result.endsWith(QLatin1Char('\n')) && !piece.isEmpty())
            result += QLatin1Char('\n');
        resultOffsets.append(result.size());
        result += piece.join(QString());
    }
    m_base->setPlainText(base.join(QLatin1Char('\n')));
    m_mine->setPlainText(mine.join(QLatin1Char('\n')));
    m_theirs->setPlainText(theirs.join(QLatin1Char('\n')));
    m_replacing = true;
    m_result->setMarkdown(result);
    m_replacing = false;
    for (const qsizetype offset : resultOffsets) {
        QTextCursor cursor(m_result->document());
        cursor.setPosition(int(offset));
        // Text typed at the start of a segment belongs to it, not to the hunk before.
        cursor.setKeepPositionOnInsert(true);
        m_resultStart.append(cursor);
    }
}

QString MergeDialog::resultText() const
{
    return m_result->toPlainText();
}

qsizetype MergeDialog::hunkAtSideBlock(int block) const
{
    for (qsizetype i = 0; i < m_sideStart.size(); ++i) {
        if (block >= m_sideStart[i] && block < m_sideStart[i] + std::max(m_sideLines[i], 1))
            return m_doc.segments()[i].hunk;
    }
    return -1;
}

void MergeDialog::choose(MergeChoice choice)
{
    if (m_current < 0)
        return;
    m_doc.choose(m_current, choice);
    // Replace only this hunk's span of the Result, so that edits elsewhere stay.
    const qsizetype segment = m_hunkSegment[m_current];
    const int start = m_resultStart[segment].position();
    const int end = segment + 1 < m_resultStart.size() ? m_resultStart[segment + 1].position()
                                                       : m_result->document()->characterCount() - 1;
    QString text = m_doc.resultLines(m_current).join(QString());
    // The span keeps ending in a line break when something follows it.
    if (segment + 1 < m_resultStart.size() && !text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    QTextCursor edit(m_result->document());
    edit.setPosition(start);
    edit.setPosition(end, QTextCursor::KeepAnchor);
    m_replacing = true;
    edit.insertText(text);
    m_replacing = false;
    m_resultStart[segment].setPosition(start);
    if (segment + 1 < m_resultStart.size())
        m_resultStart[segment + 1].setPosition(start + int(text.size()));
    // Undoing a choice with Ctrl+Z would leave the parts' bounds behind: a choice is undone by
    // choosing again.
    m_result->document()->clearUndoRedoStacks();
    updateHighlights();
    updateState();
    // A decided part: go on to the next one that waits.
    for (qsizetype h = m_current + 1; h < m_doc.hunks().size(); ++h) {
        if (m_doc.choice(h) == MergeChoice::Undecided) {
            goToHunk(h);
            break;
        }
    }
}

void MergeDialog::goToHunk(qsizetype hunk)
{
    if (hunk < 0 || hunk >= m_doc.hunks().size())
        return;
    m_current = hunk;
    const int block = m_sideStart[m_hunkSegment[hunk]];
    // The hunk a third of the way down the panes.
    const int lead = std::max(0, block - std::max(1, m_mine->height() / (3 * m_mine->fontMetrics().lineSpacing())));
    scrollToBlock(m_mine, lead);
    updateHighlights();
    updateState();
}

void MergeDialog::nextHunk()
{
    goToHunk(std::min(m_current + 1, m_doc.hunks().size() - 1));
}

void MergeDialog::previousHunk()
{
    goToHunk(std::max<qsizetype>(m_current - 1, 0));
}

void MergeDialog::setBaseVisible(bool visible)
{
    m_baseColumn->setVisible(visible);
    m_panes->setColumnStretch(0, visible ? 1 : 0);
    syncScroll(m_mine);
}

void MergeDialog::syncScroll(QPlainTextEdit *from)
{
    if (m_syncing)
        return;
    m_syncing = true;
    const int first = topBlock(from);
    int sideBlock = first;
    if (from == m_result) {
        // The Result's first visible line: which segment, and how far into it.
        const int position = m_result->document()->findBlockByNumber(first).position();
        for (qsizetype i = m_resultStart.size() - 1; i >= 0; --i) {
            const int start = m_resultStart[i].position();
            if (position >= start) {
                const int into = first - m_result->document()->findBlock(start).blockNumber();
                sideBlock = m_sideStart[i] + std::min(into, std::max(m_sideLines[i] - 1, 0));
                break;
            }
        }
    }
    for (QPlainTextEdit *pane : {m_base, m_mine, m_theirs}) {
        if (pane != from)
            scrollToBlock(pane, sideBlock);
    }
    if (from != m_result) {
        for (qsizetype i = m_sideStart.size() - 1; i >= 0; --i) {
            if (sideBlock >= m_sideStart[i]) {
                const QTextDocument *doc = m_result->document();
                const int start = doc->findBlock(m_resultStart[i].position()).blockNumber();
                const int end = i + 1 < m_resultStart.size() ? doc->findBlock(m_resultStart[i + 1].position()).blockNumber()
                                                             : doc->blockCount();
                scrollToBlock(m_result, start + std::min(sideBlock - m_sideStart[i], std::max(end - start - 1, 0)));
                break;
            }
        }
    }
    m_syncing = false;
}

void MergeDialog::updateHighlights()
{
    const QPalette &palette = m_mine->palette();
    QList<QTextEdit::ExtraSelection> base;
    QList<QTextEdit::ExtraSelection> mine;
    QList<QTextEdit::ExtraSelection> theirs;
    QList<QTextEdit::ExtraSelection> result;
    for (qsizetype h = 0; h < m_doc.hunks().size(); ++h) {
        const MergeHunk &hunk = m_doc.hunks()[h];
        const qsizetype segment = m_hunkSegment[h];
        const int first = m_sideStart[segment];
        const int alpha = h == m_current ? 110 : 55;
        const bool mineChanged = hunk.changed != MergeHunk::Changed::Theirs;
        const bool theirsChanged = hunk.changed != MergeHunk::Changed::Mine;
        const QColor both = tint(kBothColour, palette, alpha);
        const QColor filler = tint(palette.color(QPalette::Mid), palette, 60);
        const auto mark = [&](QPlainTextEdit *pane, QList<QTextEdit::ExtraSelection> &list, const QStringList &lines,
                              bool changed, const QColor &colour) {
            for (int row = 0; row < m_sideLines[segment]; ++row) {
                if (row >= lines.size())
                    list.append(lineSelection(pane, first + row, filler));
                else if (changed)
                    list.append(lineSelection(pane, first + row, colour));
            }
        };
        const bool collision = hunk.changed == MergeHunk::Changed::Both;
        mark(m_base, base, hunk.base, true, tint(palette.color(QPalette::Mid), palette, alpha));
        mark(m_mine, mine, hunk.mine, mineChanged, collision ? both : tint(kMineColour, palette, alpha));
        mark(m_theirs, theirs, hunk.theirs, theirsChanged, collision ? both : tint(kTheirsColour, palette, alpha));

        // Within the changed lines, the changed words, against the other side (or the base).
        const auto words = [&](QPlainTextEdit *pane, QList<QTextEdit::ExtraSelection> &list, const QStringList &lines,
                               const QStringList &against, const QColor &colour) {
            const QString text = paneLines(lines, 0).join(QLatin1Char('\n'));
            const int at = pane->document()->findBlockByNumber(first).position();
            for (const auto &[start, length] : sync::changedWords(paneLines(against, 0).join(QLatin1Char('\n')), text)) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(pane->document());
                selection.cursor.setPosition(at + int(start));
                selection.cursor.setPosition(at + int(start + length), QTextCursor::KeepAnchor);
                selection.format.setBackground(colour);
                list.append(selection);
            }
        };
        if (mineChanged && !hunk.mine.isEmpty())
            words(m_mine, mine, hunk.mine, collision ? hunk.theirs : hunk.base,
                  tint(collision ? kBothColour : kMineColour, palette, 200));
        if (theirsChanged && !hunk.theirs.isEmpty())
            words(m_theirs, theirs, hunk.theirs, collision ? hunk.mine : hunk.base,
                  tint(collision ? kBothColour : kTheirsColour, palette, 200));

        // The Result: its span of this hunk, coloured by where its text came from.
        QColor colour = tint(kBothColour, palette, alpha);
        switch (m_doc.choice(h)) {
        case MergeChoice::Mine:
            colour = tint(kMineColour, palette, alpha);
            break;
        case MergeChoice::Theirs:
            colour = tint(kTheirsColour, palette, alpha);
            break;
        case MergeChoice::Undecided:
            colour = tint(kBothColour, palette, alpha + 60);
            break;
        case MergeChoice::MineThenTheirs:
        case MergeChoice::TheirsThenMine:
            colour = tint(kBothChosenColour, palette, alpha); // decided: not the orange of a part to decide
            break;
        default:
            break;
        }
        const int start = m_resultStart[segment].position();
        const int end = segment + 1 < m_resultStart.size() ? m_resultStart[segment + 1].position()
                                                           : m_result->document()->characterCount() - 1;
        for (QTextBlock block = m_result->document()->findBlock(start); block.isValid() && block.position() < end;
             block = block.next())
            result.append(lineSelection(m_result, block.blockNumber(), colour));
    }
    m_base->setExtraSelections(base);
    m_mine->setExtraSelections(mine);
    m_theirs->setExtraSelections(theirs);
    m_result->setExtraSelections(result);
}

void MergeDialog::updateState()
{
    const qsizetype undecided = m_doc.undecidedCount();
    const qsizetype hunks = m_doc.hunks().size();
    QString position = hunks == 0 ? tr("The two versions are the same.")
                                  : tr("Part %1 of %2").arg(m_current + 1).arg(hunks);
    if (undecided > 0)
        position += u" · "_s + tr("%n to decide", nullptr, int(undecided));
    m_position->setText(position);
    const bool textDone = !m_input.hasText || undecided == 0 || m_edited;
    const bool fieldsDone = std::ranges::all_of(m_scalarButtons, [](const auto &pair) {
        return pair.first->isChecked() || pair.second->isChecked();
    });
    m_resolve->setEnabled(textDone && fieldsDone);
    // Keeping both texts still settles the fields: only once each has a choice.
    m_keepBoth->setEnabled(fieldsDone);
    m_keepBoth->setToolTip(fieldsDone ? tr("Keep this version here and save the other one as a new item")
                                      : tr("Choose a value for every field first"));
    m_resolve->setToolTip(m_resolve->isEnabled() ? tr("Save your choices, on every device")
                          : !textDone            ? tr("Choose for every part both sides changed, or edit the Result")
                                                 : tr("Choose a value for every field"));
}

MergeDialog::ScalarChoice MergeDialog::scalarChoice(qsizetype index) const
{
    if (index < 0 || index >= m_scalarButtons.size())
        return ScalarChoice::Undecided;
    const auto &[mine, theirs] = m_scalarButtons.at(index);
    return mine->isChecked() ? ScalarChoice::Mine : theirs->isChecked() ? ScalarChoice::Theirs : ScalarChoice::Undecided;
}

void MergeDialog::chooseScalar(qsizetype index, ScalarChoice choice)
{
    if (index < 0 || index >= m_scalarButtons.size() || choice == ScalarChoice::Undecided)
        return;
    (choice == ScalarChoice::Mine ? m_scalarButtons.at(index).first : m_scalarButtons.at(index).second)->setChecked(true);
}

void MergeDialog::resolve()
{
    m_outcome = Outcome::Resolved;
    accept();
}

void MergeDialog::keepBoth()
{
    m_outcome = Outcome::KeepBoth;
    accept();
}

} // namespace tidemark::ui
