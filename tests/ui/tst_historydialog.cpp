// The history dialog with real widgets, offscreen: the timeline a person reads, the diff of a
// version (side by side and unified), restoring a version and undoing that restore, conflict
// events among the versions, and the diff's colours in the dark palette.
#include "client/accountfile.h"
#include "model/decisions.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/historydialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>

#include <cmath>
#include <memory>

using tidemark::model::Kind;
using tidemark::model::Store;
using tidemark::ui::HistoryDialog;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QListWidget *timeline(const HistoryDialog &dialog) { return dialog.findChild<QListWidget *>(s("timeline")); }
QTextBrowser *diffView(const HistoryDialog &dialog) { return dialog.findChild<QTextBrowser *>(s("diffView")); }
QPushButton *button(const HistoryDialog &dialog, const char *name) { return dialog.findChild<QPushButton *>(s(name)); }

/// The timeline's rows as a person reads them: the headline, then the details.
QStringList rows(const HistoryDialog &dialog)
{
    QStringList texts;
    for (int i = 0; i < timeline(dialog)->count(); ++i)
        texts << timeline(dialog)->item(i)->text();
    return texts;
}

QString headline(const QString &row) { return row.section(QLatin1Char('\n'), 0, 0); }

/// Clicks the timeline row of a version, as a person would.
bool clickVersion(const HistoryDialog &dialog, int version)
{
    QListWidget *list = timeline(dialog);
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        if (item->text().section(QLatin1Char('\n'), 1).startsWith(s("Version %1").arg(version))) {
            list->scrollToItem(item);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
            return list->currentItem() == item;
        }
    }
    return false;
}

bool clickRow(const HistoryDialog &dialog, int row)
{
    QListWidget *list = timeline(dialog);
    list->scrollToItem(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    return list->currentRow() == row;
}

/// The diff's tables, row by row, each row its cells' texts; with the cells' backgrounds.
struct Cell
{
    QString text;
    QColor background;
};
QList<QList<Cell>> tableRows(QTextBrowser *view)
{
    QList<QList<Cell>> out;
    for (QTextFrame *frame : view->document()->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        for (int r = 0; r < table->rows(); ++r) {
            QList<Cell> row;
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                QTextCursor text = cell.firstCursorPosition();
                text.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
                row.append({text.selectedText(), cell.format().background().color()});
            }
            out.append(row);
        }
    }
    return out;
}

/// The first table row whose cells hold these texts at these columns.
std::optional<QList<Cell>> rowWith(QTextBrowser *view, const QList<QPair<int, QString>> &cells)
{
    for (const QList<Cell> &row : tableRows(view)) {
        if (std::ranges::all_of(cells, [&](const auto &cell) { return cell.first < row.size() && row[cell.first].text == cell.second; }))
            return row;
    }
    return std::nullopt;
}

/// WCAG's contrast ratio of two colours (1 to 21; 4.5 reads as body text).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString at(qint64 ms) { return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat); }

} // namespace

class TestHistoryDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void timelineListsTheVersionsNewestFirst();
    void otherDevicesAreNamed();
    void selectingAVersionShowsItsDiff();
    void otherFieldsAreShownInWords();
    void restoreBringsBackAnOldVersionAndIsItselfUndoable();
    void conflictEventsAppearInline();
    void aChangeWhileOpenKeepsTheSelection();
    void darkPaletteKeepsTheDiffReadable();
    void theMainWindowOpensItForTheCurrentItem();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Store> m_store;
};

void TestHistoryDialog::initTestCase()
{
    qputenv("TIDEMARK_NO_KEYCHAIN", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(s("TidemarkTests"));
    QCoreApplication::setApplicationName(s("tst_historydialog"));
    tidemark::ui::Appearance::applyLanguage();
}

void TestHistoryDialog::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
    QSettings().clear();
    QApplication::setPalette(tidemark::ui::Appearance::lightPalette());
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(s("store.db")));
    QVERIFY(store);
    m_store = std::move(*store);
}

void TestHistoryDialog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestHistoryDialog::timelineListsTheVersionsNewestFirst()
{
    // Signed in as anna: her name is on every row.
    QVERIFY(tidemark::client::AccountFile::write(m_store->path(), {{s("server"), s("https://sync.example")}, {s("user"), s("anna")}}));
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Groceries")}, {s("body"), s("milk\n")}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("title"), s("Shopping")}, {s("body"), s("milk\nbread\n")}}));
    QVERIFY(m_store->update(note->id, {{s("tags"), QJsonArray{s("home")}}}));
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->restore(note->id));
    const auto history = m_store->history(note->id);
    QVERIFY(history && history->size() == 5);

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), s("History of “Shopping”"));
    const QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 5);
    const QStringList headlines{s("Restored from the Trash"), s("Moved to the Trash"), s("Tags changed"),
                                s("Title and text changed"), s("Created")};
    for (int i = 0; i < 5; ++i) {
        const auto &entry = (*history)[4 - i];
        QCOMPARE(headline(texts[i]), headlines[i]);
        const QString version = i == 0 ? s("Version 5 (current)") : s("Version %1").arg(entry.version);
        QCOMPARE(texts[i].section(QLatin1Char('\n'), 1), s("%1 · %2 · this device · anna").arg(version, at(entry.at)));
    }
    // The newest version is selected and cannot be restored: it is the current one.
    QCOMPARE(dialog.selectedVersion(), 5);
    QVERIFY(!button(dialog, "restoreButton")->isEnabled());
}

void TestHistoryDialog::otherDevicesAreNamed()
{
    // Not signed in: no account name. A note made on the Laptop, changed by a device nobody named.
    const QString id = s("0193c0de-0000-7000-8000-0000000000aa");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Store::RemoteChange made{Kind::Note, id, 1, {{s("title"), s("Trip")}, {s("body"), s("pack\n")}}, s("dev2"), now, {}};
    QVERIFY(m_store->applyRemotePage({made}, {}, 1, {{s("dev2"), s("Laptop")}}));
    Store::RemoteChange changed{Kind::Note, id, 2, {{s("body"), s("pack\nbook hotel\n")}}, s("dev3"), now, {}};
    QVERIFY(m_store->applyRemotePage({changed}, {}, 2));
    Store::RemoteChange unnamed{Kind::Note, id, 3, {{s("pinned"), true}}, QString(), now, {}};
    QVERIFY(m_store->applyRemotePage({unnamed}, {}, 3));

    HistoryDialog dialog(*m_store, id);
    const QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 3);
    QCOMPARE(headline(texts[0]), s("Pinned"));
    QVERIFY2(texts[0].endsWith(s(" · another device")), qPrintable(texts[0]));
    QCOMPARE(headline(texts[1]), s("Text changed"));
    QVERIFY2(texts[1].endsWith(s(" · another device")), qPrintable(texts[1]));
    QCOMPARE(headline(texts[2]), s("Created"));
    QVERIFY2(texts[2].endsWith(s(" · Laptop")), qPrintable(texts[2]));
}

void TestHistoryDialog::selectingAVersionShowsItsDiff()
{
    const auto note = m_store->create(Kind::Note, {{s("body"), s("milk\nbread\neggs\n")}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("body"), s("milk\nbrown bread\neggs\nbutter")}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTextBrowser *view = diffView(dialog);
    QVERIFY(clickVersion(dialog, 1));
    // The first version against nothing: every line added.
    QVERIFY(rowWith(view, {{3, s("milk")}, {1, QString()}}));
    QVERIFY(clickVersion(dialog, 2));
    QCOMPARE(dialog.findChild<QLabel *>(s("diffCaption"))->text(), s("Version 2 compared with version 1"));

    // Side by side (the default): the old line beside the line it became, on red and green.
    QVERIFY(button(dialog, "sideBySideButton")->isChecked());
    QVERIFY(view->toPlainText().contains(s("Text")));
    QVERIFY(rowWith(view, {{1, s("Version 1")}, {3, s("Version 2")}}));
    const auto changed = rowWith(view, {{1, s("bread")}, {3, s("brown bread")}});
    QVERIFY(changed);
    QVERIFY((*changed)[1].background.red() > (*changed)[1].background.green());
    QVERIFY((*changed)[3].background.green() > (*changed)[3].background.red());
    const auto added = rowWith(view, {{1, QString()}, {2, s("4")}, {3, s("butter")}});
    QVERIFY(added);
    QVERIFY(rowWith(view, {{0, s("1")}, {1, s("milk")}, {2, s("1")}, {3, s("milk")}}));

    // Unified: removed lines, then the added ones, each with its sign and line number.
    QTest::mouseClick(button(dialog, "unifiedButton"), Qt::LeftButton);
    QVERIFY(button(dialog, "unifiedButton")->isChecked());
    QCOMPARE(dialog.diffMode(), HistoryDialog::DiffMode::Unified);
    QStringList lines;
    for (const QList<Cell> &row : tableRows(view))
        lines << (row[0].text.startsWith(s("@@")) ? row[0].text : row[2].text + row[3].text); // a hunk's heading spans the row
    QCOMPARE(lines, (QStringList{s("@@ -1,3 +1,4 @@"), s("milk"), s("-bread"), s("+brown bread"), s("eggs"), s("+butter")}));
    const auto removed = rowWith(view, {{0, s("2")}, {2, s("-")}, {3, s("bread")}});
    QVERIFY(removed);
    QVERIFY((*removed)[3].background.red() > (*removed)[3].background.green());
    QVERIFY(rowWith(view, {{1, s("2")}, {2, s("+")}, {3, s("brown bread")}}));

    // The choice is remembered for the next time.
    QCOMPARE(QSettings().value(s("history/diffMode")).toString(), s("unified"));
    HistoryDialog again(*m_store, note->id);
    QCOMPARE(again.diffMode(), HistoryDialog::DiffMode::Unified);
    QVERIFY(button(again, "unifiedButton")->isChecked());
    QTest::mouseClick(button(dialog, "sideBySideButton"), Qt::LeftButton);
    QCOMPARE(QSettings().value(s("history/diffMode")).toString(), s("sideBySide"));
    QVERIFY(rowWith(view, {{1, s("bread")}, {3, s("brown bread")}}));
}

void TestHistoryDialog::otherFieldsAreShownInWords()
{
    const auto work = m_store->create(Kind::Collection, {{s("name"), s("Work")}});
    QVERIFY(work);
    const auto task = m_store->create(Kind::Task, {{s("title"), s("Report")}});
    QVERIFY(task);
    QVERIFY(m_store->update(task->id, {{s("priority"), 3}, {s("recurrence"), s("FREQ=WEEKLY")}}));
    QVERIFY(m_store->move(task->id, work->id));

    HistoryDialog dialog(*m_store, task->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(headline(rows(dialog).value(0)), s("Moved to Work"));
    QCOMPARE(headline(rows(dialog).value(1)), s("Priority and repetition changed"));
    QVERIFY(diffView(dialog)->toPlainText().contains(s("Collection\n No collection   →   Work ")));
    QVERIFY(clickVersion(dialog, 2));
    const QString text = diffView(dialog)->toPlainText();
    QVERIFY2(text.contains(s("Priority\n No priority   →   High ")), qPrintable(text));
    QVERIFY2(text.contains(s("Repeats\n Does not repeat   →   Weekly ")), qPrintable(text));
}

void TestHistoryDialog::restoreBringsBackAnOldVersionAndIsItselfUndoable()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Draft")}, {s("body"), s("first words\n")}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("body"), s("second words\n")}}));
    QVERIFY(m_store->update(note->id, {{s("body"), s("third words\n")}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *restore = button(dialog, "restoreButton");
    QVERIFY(!restore->isEnabled()); // the newest version is the current one

    // Version 1 back: a new version on top, selected, which is now the current one.
    QVERIFY(clickVersion(dialog, 1));
    QVERIFY(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(m_store->entity(note->id)->string(s("body")), s("first words\n"));
    QCOMPARE(rows(dialog).size(), 4);
    QCOMPARE(headline(rows(dialog).value(0)), s("Restored version 1"));
    QVERIFY(rows(dialog).value(0).section(QLatin1Char('\n'), 1).startsWith(s("Version 4 (current)")));
    QCOMPARE(dialog.selectedVersion(), 4);
    QCOMPARE(timeline(dialog)->currentRow(), 0);
    QVERIFY(!restore->isEnabled());
    // Its diff shows what the restore changed.
    QVERIFY(rowWith(diffView(dialog), {{1, s("third words")}, {3, s("first words")}}));

    // And the restore undone: the version that was current before it, restored.
    QVERIFY(clickVersion(dialog, 3));
    QVERIFY(restore->isEnabled());
    restore->click();
    QCOMPARE(m_store->entity(note->id)->string(s("body")), s("third words\n"));
    QCOMPARE(rows(dialog).size(), 5);
    QCOMPARE(headline(rows(dialog).value(0)), s("Restored version 3"));
    QCOMPARE(dialog.selectedVersion(), 5);
    // Version 3 is the same as the current one now: nothing to restore there.
    QVERIFY(clickVersion(dialog, 3));
    QVERIFY(!restore->isEnabled());
}

void TestHistoryDialog::conflictEventsAppearInline()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Plans")}, {s("body"), s("a\n")}});
    QVERIFY(note);
    QTest::qWait(5);
    const qint64 conflictAt = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(5);
    QVERIFY(m_store->update(note->id, {{s("body"), s("b\n")}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(clickVersion(dialog, 1));
    // A sync brings the server's record of a merge while the dialog is open: it appears in time
    // order, between the two versions, and the selection stays.
    const QJsonObject merged{{s("id"), s("c1")},         {s("entity"), note->id},  {s("kind"), s("note")},
                             {s("field"), s("body")},    {s("rule"), s("text-merged")}, {s("status"), s("settled")},
                             {s("outcome"), s("merged")}, {s("incoming"), s("a\n")}, {s("current"), s("b\n")},
                             {s("rev"), 5},               {s("device"), s("dev2")}, {s("at"), conflictAt}};
    const auto applied = m_store->applyRemotePage({}, {merged}, 5, {{s("dev2"), s("Laptop")}});
    QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
    QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 3);
    // The conflict centre's sentence, without the item's title: the dialog is about that item.
    QCOMPARE(headline(texts[1]), s("Text changed on another device and on Laptop in different places; both edits were merged."));
    QCOMPARE(texts[1].section(QLatin1Char('\n'), 1), s("%1 · Settled automatically").arg(at(conflictAt)));
    QCOMPARE(dialog.selectedVersion(), 1);
    // Drawn apart from the versions: a tint of its own and the conflict icon.
    QListWidgetItem *event = timeline(dialog)->item(1);
    const QColor base = dialog.palette().color(QPalette::Base);
    QVERIFY(event->background().color().isValid() && event->background().color() != base);
    QVERIFY(!event->icon().isNull());
    QCOMPARE(timeline(dialog)->item(0)->background().style(), Qt::NoBrush);

    // Selected, it shows both sides; nothing to restore there.
    QVERIFY(clickRow(dialog, 1));
    QCOMPARE(dialog.selectedVersion(), 0);
    QVERIFY(!button(dialog, "restoreButton")->isEnabled());
    QVERIFY(rowWith(diffView(dialog), {{1, s("Another device")}, {3, s("Laptop")}}));
    QVERIFY(rowWith(diffView(dialog), {{1, s("b")}, {3, s("a")}}));

    // An open overlap from a device not named, and this device's resolution of it.
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1000;
    QJsonObject overlap = merged;
    overlap[s("id")] = s("c2");
    overlap[s("rule")] = s("text-overlap");
    overlap[s("status")] = s("open");
    overlap[s("outcome")] = s("open");
    overlap[s("device")] = m_store->deviceId();
    overlap[s("at")] = later;
    overlap[s("rev")] = 6;
    QVERIFY(m_store->applyRemotePage({}, {overlap}, 6));
    texts = rows(dialog);
    QCOMPARE(headline(texts[0]),
             s("Text changed on this device and on another device in the same lines; both versions are kept. "
               "Waiting for you to choose."));
    QCOMPARE(texts[0].section(QLatin1Char('\n'), 1), s("%1 · Open conflict").arg(at(later)));
    QCOMPARE(dialog.selectedVersion(), 0); // still the first event
    QCOMPARE(timeline(dialog)->currentRow(), 2);
    QVERIFY(tidemark::model::Decisions(*m_store).decide({{s("c2"), s("a\nb\n")}}));
    QJsonObject resolution = merged;
    resolution[s("id")] = s("c3");
    resolution[s("rule")] = s("resolution");
    resolution[s("status")] = s("settled");
    resolution[s("device")] = m_store->deviceId();
    resolution[s("settles")] = s("c2");
    resolution[s("incoming")] = s("a\nb\nc\n"); // the choice, made here
    resolution[s("current")] = s("a\nx\n");
    resolution[s("at")] = later + 1000;
    resolution[s("rev")] = 7;
    QVERIFY(m_store->applyRemotePage({}, {resolution}, 7));
    texts = rows(dialog);
    // A text decision is told by the version kept, not its first line alone.
    QVERIFY2(headline(texts[0]).startsWith(s("Text was decided on this device at "))
                 && headline(texts[0]).endsWith(s(": the version kept has 3 lines and starts “a …”. "
                                                  "2 of its lines differ from the other version.")),
             qPrintable(texts[0]));
    QCOMPARE(headline(texts[1]),
             s("Text changed on this device and on another device in the same lines; both versions are kept. "
               "Since decided by a person."));
}

void TestHistoryDialog::aChangeWhileOpenKeepsTheSelection()
{
    const auto note = m_store->create(Kind::Note, {{s("body"), s("one\n")}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("body"), s("two\n")}}));
    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(clickVersion(dialog, 1));
    QVERIFY(m_store->update(note->id, {{s("body"), s("three\n")}}));
    QCOMPARE(rows(dialog).size(), 3);
    QVERIFY(rows(dialog).value(0).section(QLatin1Char('\n'), 1).startsWith(s("Version 3 (current)")));
    QCOMPARE(dialog.selectedVersion(), 1);
    // Now that there is a newer version, version 2 can be restored.
    QVERIFY(clickVersion(dialog, 2));
    QVERIFY(button(dialog, "restoreButton")->isEnabled());
}

void TestHistoryDialog::darkPaletteKeepsTheDiffReadable()
{
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Colours")}, {s("body"), s("# Colours\n\nred\nblue\n")}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{s("body"), s("# Colours\n\nred\ngreen\nblue\n")}}));
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? tidemark::ui::Appearance::darkPalette() : tidemark::ui::Appearance::lightPalette());
        HistoryDialog dialog(*m_store, note->id);
        dialog.resize(900, 500);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTextBrowser *view = diffView(dialog);
        const QPalette palette = view->palette();
        QCOMPARE(palette.color(QPalette::Base).lightness() < 100, dark);
        const auto added = rowWith(view, {{3, s("green")}});
        QVERIFY(added);
        const QColor background = (*added)[3].background;
        const QColor text = palette.color(QPalette::Text);
        // The text reads on the tint (WCAG AA for body text), and the tint stands out from the page.
        QVERIFY2(contrast(background, text) >= 4.5, qPrintable(s("contrast %1").arg(contrast(background, text))));
        QVERIFY(background.green() > background.red());
        QVERIFY(std::abs(background.lightness() - palette.color(QPalette::Base).lightness()) < 60);
        QVERIFY(background != palette.color(QPalette::Base));
        // The changed row of the timeline reads too.
        QVERIFY(contrast(palette.color(QPalette::Base), text) >= 4.5);
    }
    // Switched while open: the tints follow.
    QApplication::setPalette(tidemark::ui::Appearance::lightPalette());
    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QColor light = rowWith(diffView(dialog), {{3, s("green")}}).value()[3].background;
    QApplication::setPalette(tidemark::ui::Appearance::darkPalette());
    QTRY_VERIFY(rowWith(diffView(dialog), {{3, s("green")}}).value()[3].background.lightness() < light.lightness() - 80);
    QApplication::setPalette(tidemark::ui::Appearance::lightPalette());
}

void TestHistoryDialog::theMainWindowOpensItForTheCurrentItem()
{
    tidemark::ui::MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *show = window.action(s("showHistory"));
    QVERIFY(show);
    QCOMPARE(show->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    QVERIFY(!show->isEnabled()); // nothing to show the history of
    const auto note = m_store->create(Kind::Note, {{s("title"), s("Ideas")}, {s("body"), s("one\n")}});
    QVERIFY(note);
    window.openItem(note->id);
    QVERIFY(show->isEnabled());
    show->trigger();
    HistoryDialog *dialog = window.findChild<HistoryDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->itemId(), note->id);
    QCOMPARE(headline(rows(*dialog).value(0)), s("Created"));
    dialog->close();
}

QTEST_MAIN(TestHistoryDialog)
#include "tst_historydialog.moc"
