// The merge dialog with real widgets, offscreen: a three-hunk conflict of a note, decided hunk by
// hunk with the dialog's own buttons and keys.
#include "model/store.h"
#include "ui/conflicts/mergedialog.h"
#include "ui/markdownedit.h"
#include "ui/editors/noteeditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QFrame>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTest>

using namespace Qt::StringLiterals;

using tidemark::sync::MergeChoice;
using tidemark::ui::MergeDialog;
using tidemark::ui::MergeInput;

namespace {

MergeInput weekend()
{
    MergeInput input;
    input.itemTitle = u"Weekend"_s;
    input.fieldLabel = u"The text"_s;
    input.mineLabel = u"this device at 10:02"_s;
    input.theirsLabel = u"Laptop at 10:05"_s;
    input.base = QStringLiteral("# Weekend\n\nBuy milk\nBuy bread\n\nCall the bank before noon\n\n"
                                "Water the plants\nTake out the bins\n");
    input.mine = QStringLiteral("# Weekend\n\nBuy oat milk\nBuy bread\n\nCall the bank before 11\n\n"
                                "Water the plants\nTake out the bins\n");
    input.theirs = QStringLiteral("# Weekend\n\nBuy milk\nBuy bread\n\nCall the bank after lunch\n\n"
                                  "Water the plants and the herbs\nTake out the bins\n");
    return input;
}

QString expected(const char *bank, const char *milk = "Buy oat milk\n",
                 const char *plants = "Water the plants and the herbs\n")
{
    return u"# Weekend\n\n"_s + QLatin1StringView(milk) + u"Buy bread\n\n"_s
           + QLatin1StringView(bank) + u"\n"_s + QLatin1StringView(plants)
           + u"Take out the bins\n"_s;
}

QPushButton *button(MergeDialog &dialog, const char *name)
{
    return dialog.findChild<QPushButton *>(QString::fromLatin1(name));
}

} // namespace

class TestMergeDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensOnThePartBothChanged();
    void eachHunkChoiceGivesItsResult_data();
    void eachHunkChoiceGivesItsResult();
    void bothSidesTakenIsNotColouredAsUndecided();
    void theFormAloneIsASmallDialog();
    void keysMoveAndChoose();
    void editsInTheResultSurviveALaterChoice();
    void panesScrollTogether();
    void proseWrapsAndThePanesStillLineUp();
    void typingAfterAPartStaysOutOfIt();
    void withoutABaseNothingIsDecidedForYou();
    void windowsLineBreaksKeepThePartsInPlace();
    void keepBothAndCancelAreTheirOwnOutcomes();
    void theNoteEditorResolvesItsConflict_data();
    void theNoteEditorResolvesItsConflict();
};

void TestMergeDialog::opensOnThePartBothChanged()
{
    MergeDialog dialog(weekend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.currentHunk(), 1);
    const auto *position = dialog.findChild<QLabel *>(u"position"_s);
    QCOMPARE(position->text(), u"Part 2 of 3 · 1 to decide"_s);
    QVERIFY(!button(dialog, "resolve")->isEnabled());
    // Until decided, the Result holds my side there, and the parts one side changed are taken.
    QCOMPARE(dialog.resultText(), expected("Call the bank before 11\n"));
    // The side panes line up: the same line number holds the same part.
    const auto *mine = dialog.findChild<QPlainTextEdit *>(u"minePane"_s);
    const auto *theirs = dialog.findChild<QPlainTextEdit *>(u"theirsPane"_s);
    QCOMPARE(mine->document()->blockCount(), theirs->document()->blockCount());
    QCOMPARE(mine->document()->findBlockByNumber(5).text(), u"Call the bank before 11"_s);
    QCOMPARE(theirs->document()->findBlockByNumber(5).text(), u"Call the bank after lunch"_s);
    QVERIFY(!dialog.findChild<QPlainTextEdit *>(u"basePane"_s)->isVisible());
    dialog.findChild<QCheckBox *>(u"showBase"_s)->click();
    QVERIFY(dialog.findChild<QPlainTextEdit *>(u"basePane"_s)->isVisible());
}

void TestMergeDialog::eachHunkChoiceGivesItsResult_data()
{
    QTest::addColumn<int>("hunk");
    QTest::addColumn<QString>("buttonName");
    QTest::addColumn<QString>("result");
    QTest::newRow("mine") << 1 << u"takeMine"_s << expected("Call the bank before 11\n");
    QTest::newRow("theirs") << 1 << u"takeTheirs"_s << expected("Call the bank after lunch\n");
    QTest::newRow("both, mine first") << 1 << u"bothMineFirst"_s
                                      << expected("Call the bank before 11\nCall the bank after lunch\n");
    QTest::newRow("both, theirs first") << 1 << u"bothTheirsFirst"_s
                                        << expected("Call the bank after lunch\nCall the bank before 11\n");
    QTest::newRow("their milk") << 0 << u"takeTheirs"_s
                                << expected("Call the bank after lunch\n", "Buy milk\n");
    QTest::newRow("my plants") << 2 << u"takeMine"_s
                               << expected("Call the bank after lunch\n", "Buy oat milk\n", "Water the plants\n");
    QTest::newRow("both plants") << 2 << u"bothMineFirst"_s
                                 << expected("Call the bank after lunch\n", "Buy oat milk\n",
                                             "Water the plants\nWater the plants and the herbs\n");
}

void TestMergeDialog::eachHunkChoiceGivesItsResult()
{
    QFETCH(int, hunk);
    QFETCH(QString, buttonName);
    QFETCH(QString, result);
    MergeDialog dialog(weekend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (hunk != 1) {
        // The part both changed first (theirs), then the part under test.
        QTest::mouseClick(button(dialog, "takeTheirs"), Qt::LeftButton);
        dialog.goToHunk(hunk);
    }
    QTest::mouseClick(button(dialog, buttonName.toLatin1().constData()), Qt::LeftButton);
    QCOMPARE(dialog.resultText(), result);
    QVERIFY(button(dialog, "resolve")->isEnabled());
    QTest::mouseClick(button(dialog, "resolve"), Qt::LeftButton);
    QCOMPARE(dialog.outcome(), MergeDialog::Outcome::Resolved);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestMergeDialog::bothSidesTakenIsNotColouredAsUndecided()
{
    MergeDialog dialog(weekend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *result = dialog.findChild<QPlainTextEdit *>(u"resultPane"_s);
    QVERIFY(result);
    const auto colours = [&] {
        QList<QRgb> found;
        for (const QTextEdit::ExtraSelection &selection : result->extraSelections())
            found << selection.format.background().color().rgb();
        return found;
    };
    const QList<QRgb> before = colours();
    QVERIFY(!before.isEmpty());
    QTest::mouseClick(button(dialog, "bothMineFirst"), Qt::LeftButton);
    QList<QRgb> added;
    for (const QRgb colour : colours())
        if (!before.contains(colour))
            added << colour;
    QVERIFY(!added.isEmpty()); // the part decided shows in a colour of its own
    // Orange stays for what is still to decide: both sides taken is another hue.
    for (const QRgb colour : std::as_const(added))
        QVERIFY2(std::abs(QColor(colour).hslHue() - 32) > 60, qPrintable(QColor(colour).name()));
}

void TestMergeDialog::theFormAloneIsASmallDialog()
{
    MergeInput input;
    input.itemTitle = u"Dentist"_s;
    input.hasText = false;
    input.hasBase = false;
    input.mineLabel = u"this device at 10:02"_s;
    input.theirsLabel = u"Laptop at 10:05"_s;
    input.scalars = {{u"Due"_s, u"Tuesday"_s, u"Wednesday"_s}};
    MergeDialog dialog(input);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.width() < 800 && dialog.height() < 420,
             qPrintable(u"%1x%2"_s.arg(dialog.width()).arg(dialog.height())));
}

void TestMergeDialog::keysMoveAndChoose()
{
    MergeDialog dialog(weekend());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.currentHunk(), 1);
    // A button's shortcut clicks it the way a mouse would, a moment later.
    QTest::keyClick(&dialog, Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(dialog.currentHunk(), 0);
    QTest::keyClick(&dialog, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(dialog.currentHunk(), 1);
    QTest::keyClick(&dialog, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(dialog.currentHunk(), 2);
    QTest::keyClick(&dialog, Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(dialog.currentHunk(), 1);
    QTest::keyClick(&dialog, Qt::Key_2, Qt::AltModifier); // Take Theirs
    QTRY_COMPARE(dialog.document().choice(1), MergeChoice::Theirs);
    QCOMPARE(dialog.resultText(), expected("Call the bank after lunch\n"));
    QVERIFY(button(dialog, "resolve")->isEnabled());
}

void TestMergeDialog::editsInTheResultSurviveALaterChoice()
{
    MergeDialog dialog(weekend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *result = dialog.findChild<QPlainTextEdit *>(u"resultPane"_s);
    // Typing in the Result's title, then deciding the part both changed.
    result->setFocus();
    QTextCursor cursor(result->document());
    cursor.movePosition(QTextCursor::EndOfBlock);
    result->setTextCursor(cursor);
    QTest::keyClicks(result, u" away"_s);
    QVERIFY(button(dialog, "resolve")->isEnabled()); // an edited Result may be resolved as it is
    dialog.goToHunk(1);
    QTest::mouseClick(button(dialog, "takeTheirs"), Qt::LeftButton);
    QCOMPARE(dialog.resultText(),
             expected("Call the bank after lunch\n").replace(u"# Weekend"_s, u"# Weekend away"_s));
    // A change of mind replaces that part again, and only that part.
    dialog.goToHunk(1);
    QTest::mouseClick(button(dialog, "takeMine"), Qt::LeftButton);
    QCOMPARE(dialog.resultText(),
             expected("Call the bank before 11\n").replace(u"# Weekend"_s, u"# Weekend away"_s));
}

void TestMergeDialog::panesScrollTogether()
{
    MergeInput input = weekend();
    // Long enough to scroll: forty shared lines before the parts that differ.
    QString lead;
    for (int i = 0; i < 40; ++i)
        lead += u"shared line %1\n"_s.arg(i);
    input.base.prepend(lead);
    input.mine.prepend(lead);
    input.theirs.prepend(lead);
    MergeDialog dialog(input);
    dialog.resize(900, 300);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *mine = dialog.findChild<QPlainTextEdit *>(u"minePane"_s);
    auto *theirs = dialog.findChild<QPlainTextEdit *>(u"theirsPane"_s);
    auto *result = dialog.findChild<QPlainTextEdit *>(u"resultPane"_s);
    mine->verticalScrollBar()->setValue(20);
    QCOMPARE(theirs->verticalScrollBar()->value(), 20);
    QCOMPARE(result->verticalScrollBar()->value(), 20);
    result->verticalScrollBar()->setValue(10);
    QCOMPARE(mine->verticalScrollBar()->value(), 10);
}

void TestMergeDialog::proseWrapsAndThePanesStillLineUp()
{
    MergeInput input = weekend();
    // Paragraphs of prose, a line each, longer than a pane is wide; mine reworded the second.
    QString lead;
    for (int i = 0; i < 30; ++i)
        lead += QStringLiteral("Paragraph %1 says a great deal about the weekend, the weather, the market and the bank, "
                               "far more than one row of a narrow pane can hold.\n").arg(i);
    input.base.prepend(lead);
    input.theirs.prepend(lead);
    input.mine.prepend(QString(lead).replace(u"Paragraph 1 says"_s, u"Paragraph 1, reworded, says"_s));
    MergeDialog dialog(input);
    dialog.resize(900, 400);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *mine = dialog.findChild<QPlainTextEdit *>(u"minePane"_s);
    auto *theirs = dialog.findChild<QPlainTextEdit *>(u"theirsPane"_s);
    auto *result = dialog.findChild<QPlainTextEdit *>(u"resultPane"_s);
    // Nothing scrolls sideways: the lines wrap (those shown are laid out: the top of the text).
    mine->verticalScrollBar()->setValue(0);
    QApplication::processEvents();
    for (const QPlainTextEdit *pane : {mine, theirs, result}) {
        QCOMPARE(pane->horizontalScrollBar()->maximum(), 0);
        QVERIFY2(pane->document()->findBlockByNumber(3).lineCount() > 1, qPrintable(pane->objectName()));
    }
    // Scrolled to a paragraph in one pane, the others show the same paragraph at the top.
    const QTextBlock twelfth = mine->document()->findBlockByNumber(12);
    mine->verticalScrollBar()->setValue(twelfth.firstLineNumber());
    const auto top = [](const QPlainTextEdit *pane) {
        return pane->document()->findBlockByLineNumber(pane->verticalScrollBar()->value()).text();
    };
    QVERIFY2(top(theirs).startsWith(u"Paragraph 12 says"_s), qPrintable(top(theirs)));
    QVERIFY2(top(result).startsWith(u"Paragraph 12 says"_s), qPrintable(top(result)));
}

void TestMergeDialog::typingAfterAPartStaysOutOfIt()
{
    MergeDialog dialog(weekend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *result = dialog.findChild<QPlainTextEdit *>(u"resultPane"_s);
    // The caret on the empty line right after "Call the bank before 11", typing there.
    QTextCursor cursor(result->document()->findBlockByNumber(6));
    result->setTextCursor(cursor);
    QTest::keyClicks(result, u"Bring ID"_s);
    QTest::mouseClick(button(dialog, "takeTheirs"), Qt::LeftButton);
    QCOMPARE(dialog.resultText(), expected("Call the bank after lunch\nBring ID"));
}

void TestMergeDialog::withoutABaseNothingIsDecidedForYou()
{
    MergeInput input = weekend();
    input.hasBase = false;
    input.base.clear();
    MergeDialog dialog(input);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.document().undecidedCount(), 3); // each difference waits for a choice
    QVERIFY(!button(dialog, "resolve")->isEnabled());
    QVERIFY(!dialog.findChild<QCheckBox *>(u"showBase"_s)->isVisible());
}

void TestMergeDialog::windowsLineBreaksKeepThePartsInPlace()
{
    MergeInput input = weekend();
    input.mine.replace(u"\n"_s, u"\r\n"_s);
    input.theirs.replace(u"\n"_s, u"\r\n"_s);
    MergeDialog dialog(input);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(button(dialog, "takeTheirs"), Qt::LeftButton);
    QCOMPARE(dialog.resultText(), expected("Call the bank after lunch\n"));
}

void TestMergeDialog::keepBothAndCancelAreTheirOwnOutcomes()
{
    {
        MergeDialog dialog(weekend());
        dialog.show();
        QTest::mouseClick(button(dialog, "keepBoth"), Qt::LeftButton);
        QCOMPARE(dialog.outcome(), MergeDialog::Outcome::KeepBoth);
    }
    {
        MergeDialog dialog(weekend());
        dialog.show();
        QTest::mouseClick(button(dialog, "takeTheirs"), Qt::LeftButton);
        QTest::mouseClick(button(dialog, "cancel"), Qt::LeftButton);
        QCOMPARE(dialog.outcome(), MergeDialog::Outcome::Cancelled);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
}

void TestMergeDialog::theNoteEditorResolvesItsConflict_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::newRow("resolve") << u"resolve"_s;
    QTest::newRow("resolve after a later edit") << u"resolve-edited"_s;
    QTest::newRow("keep both") << u"keepBoth"_s;
    QTest::newRow("cancel") << u"cancel"_s;
}

void TestMergeDialog::theNoteEditorResolvesItsConflict()
{
    // A note whose text collided with another device's edit, as a sync leaves it: the store holds
    // this device's text and an open conflict record with both sides and their base.
    QFETCH(QString, outcome);
    QTemporaryDir dir;
    auto store = tidemark::model::Store::open(dir.filePath(u"store.db"_s));
    QVERIFY(store);
    const MergeInput sides = weekend();
    const auto note = (*store)->create(tidemark::model::Kind::Note, {{u"body"_s, sides.mine}});
    QVERIFY(note);
    const tidemark::model::Store::RemoteConflict record{
        .id = u"0193c0de-0000-7000-8000-000000000001"_s, .entityId = note->id, .kind = tidemark::model::Kind::Note,
        .field = u"body"_s, .rule = u"text-overlap"_s, .status = u"open"_s, .outcome = u"open"_s, .incoming = sides.theirs,
        .current = sides.mine, .base = sides.base, .rev = 3, .device = u"laptop-device-id"_s,
        .at = QDateTime::currentMSecsSinceEpoch()};
    QVERIFY((*store)->applyRemotePage({}, {record}, 3));
    const bool editedAfter = outcome == QLatin1String("resolve-edited");
    if (editedAfter) {
        // Written after the conflict arrived: the merge starts from it, so it is not lost.
        QVERIFY((*store)->update(note->id, {{u"body"_s, sides.mine + u"P.S. bring snacks\n"_s}}));
        outcome = u"resolve"_s;
    }
    const int pendingBefore = (*store)->pendingCount();

    tidemark::ui::NoteEditor editor(store->get());
    editor.resize(700, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setNote(note->id);
    QVERIFY(editor.conflictBar()->isVisible());
    // The bar follows the palette: dark on a dark base, with light text.
    QPalette dark = editor.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    editor.setPalette(dark);
    QVERIFY(editor.conflictBar()->palette().color(QPalette::Window).lightness() < 100);
    QVERIFY(editor.conflictBar()->palette().color(QPalette::WindowText).lightness() > 180);

    // The dialog is modal: it is driven once it is up.
    bool driven = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<MergeDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // Whatever a check below says, the dialog closes, so that a failure fails and never hangs.
        const auto close = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        QCOMPARE(dialog->currentHunk(), 1); // the part both changed
        if (outcome == QLatin1String("resolve")) {
            QTest::mouseClick(button(*dialog, "takeTheirs"), Qt::LeftButton);
            auto *result = dialog->findChild<QPlainTextEdit *>(u"resultPane"_s);
            QTextCursor end(result->document());
            end.movePosition(QTextCursor::End);
            result->setTextCursor(end);
            QTest::keyClicks(result, u"Book the train"_s);
        }
        QTest::mouseClick(button(*dialog, outcome.toLatin1().constData()), Qt::LeftButton);
        driven = true;
    });
    QTest::mouseClick(editor.findChild<QPushButton *>(u"resolveConflict"_s), Qt::LeftButton);
    QVERIFY(driven);

    const auto body = (*store)->entity(note->id)->string(u"body"_s);
    const auto open = (*store)->conflictRecords(true);
    if (outcome == QLatin1String("cancel")) {
        QCOMPARE(body, sides.mine);
        QCOMPARE(open->size(), 1);
        QCOMPARE((*store)->pendingCount(), pendingBefore);
        QVERIFY(editor.conflictBar()->isVisible());
        return;
    }
    QVERIFY(open->isEmpty());
    QVERIFY(!editor.conflictBar()->isVisible());
    const auto outbox = (*store)->outbox();
    if (outcome == QLatin1String("resolve")) {
        // One edit, which carries the text and settles the conflict when it syncs.
        QCOMPARE(body, expected("Call the bank after lunch\n")
                           + (editedAfter ? u"P.S. bring snacks\n"_s : QString()) + u"Book the train"_s);
        // At most one new operation (here the note's own create, not sent yet, takes the edit in).
        QVERIFY((*store)->pendingCount() <= pendingBefore + 1);
        QCOMPARE(outbox->last().entityId, note->id);
        QCOMPARE(outbox->last().fields.value(u"body"_s).toString(), body);
        QCOMPARE(editor.bodyEditor()->toPlainText(), body);
    } else {
        // This device's text stays; the other one is a new note beside it.
        QCOMPARE(body, sides.mine);
        const auto all = (*store)->items({tidemark::model::ItemFilter::Type::All, {}});
        QCOMPARE(all->size(), 2);
        bool found = false;
        for (const auto &row : *all) {
            if (row.id != note->id) {
                QCOMPARE((*store)->entity(row.id)->string(u"body"_s), sides.theirs);
                QCOMPARE(row.title, u"Weekend (other version)"_s);
                found = true;
            }
        }
        QVERIFY(found);
    }
}

QTEST_MAIN(TestMergeDialog)
#include "tst_mergedialog.moc"
