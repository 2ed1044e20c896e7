#pragma once

#include "sync/mergedocument.h"

#include <QDialog>
#include <QList>
#include <QTextCursor>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace tidemark::ui {

class MarkdownEdit;

/// What the merge dialog shows: the two sides of a text conflict and their common base.
struct MergeInput
{
    QString itemTitle;   ///< e.g. "Weekend"
    QString fieldLabel;  ///< e.g. "Text"
    QString mineLabel;   ///< e.g. "This device, 10:02"
    QString theirsLabel; ///< e.g. "Laptop, 10:05"
    QString base;
    QString mine;
    QString theirs;
    bool hasBase = true; ///< false: the two sides are compared with each other only
    bool hasText = true; ///< false: only fields with one value each (the compact form below)

    /// A field with one value (title, due date, priority…) that both sides changed: the compact
    /// form offers one choice, mine or theirs.
    struct Scalar
    {
        QString fieldLabel; ///< e.g. "Title"
        QString mine;       ///< the value as a person reads it
        QString theirs;
    };
    QList<Scalar> scalars;
};

/// The side-by-side merge of a text conflict: Mine | Result | Theirs, scrolled together so that
/// each part lines up, with the Base on demand. Every part where the sides differ is a hunk; the
/// buttons (and Alt+1…4) decide the current hunk: mine, theirs, or both in either order; Alt+Up and
/// Alt+Down move between hunks. The Result is editable and highlighted as Markdown; a hunk's button
/// replaces only that hunk's text in it, so edits elsewhere stay. Resolve accepts the Result;
/// "Keep Both as Separate Items" is its own outcome; Cancel changes nothing.
class MergeDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Outcome { Cancelled, Resolved, KeepBoth };

    explicit MergeDialog(const MergeInput &input, QWidget *parent = nullptr);

    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    /// The Result pane's text: what Resolve writes.
    [[nodiscard]] QString resultText() const;
    [[nodiscard]] const sync::MergeDocument &document() const { return m_doc; }
    [[nodiscard]] qsizetype currentHunk() const { return m_current; }
    /// The compact form's choice for scalar `index`: nothing yet, mine or theirs.
    enum class ScalarChoice { Undecided, Mine, Theirs };
    [[nodiscard]] ScalarChoice scalarChoice(qsizetype index) const;
    void chooseScalar(qsizetype index, ScalarChoice choice);

    void choose(sync::MergeChoice choice);
    void goToHunk(qsizetype hunk);
    void nextHunk();
    void previousHunk();
    void setBaseVisible(bool visible);

private:
    void buildPanes();
    void updateHighlights();
    void updateState();
    void syncScroll(QPlainTextEdit *from);
    void resolve();
    void keepBoth();
    /// The hunk whose lines hold the given block of a side pane (-1 for shared lines).
    qsizetype hunkAtSideBlock(int block) const;

    MergeInput m_input;
    sync::MergeDocument m_doc;
    Outcome m_outcome = Outcome::Cancelled;
    qsizetype m_current = -1;
    bool m_syncing = false;
    bool m_replacing = false; ///< the dialog itself is changing the Result
    bool m_edited = false;    ///< the person typed in the Result

    QLabel *m_summary = nullptr;
    QLabel *m_position = nullptr;
    QPlainTextEdit *m_base = nullptr;
    QPlainTextEdit *m_mine = nullptr;
    QPlainTextEdit *m_theirs = nullptr;
    MarkdownEdit *m_result = nullptr;
    QWidget *m_baseColumn = nullptr;
    QGridLayout *m_panes = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_keepBoth = nullptr;
    QList<QPair<QRadioButton *, QRadioButton *>> m_scalarButtons; ///< mine, theirs per scalar

    /// Per segment: its first block in the side panes (which are padded to line up) and its span
    /// in the Result (cursors that follow the person's edits).
    QList<int> m_sideStart;
    QList<int> m_sideLines;
    QList<QTextCursor> m_resultStart; ///< keep their place when text is typed right at them
    QList<qsizetype> m_hunkSegment; ///< hunk -> its segment
};

} // namespace tidemark::ui
