// The history dialog with real widgets, offscreen: the timeline a person reads, the diff of a
// version (side by side and unified), restoring a version and undoing that restore, conflict
// events among the versions, and the diff's colours in the dark palette.
#include "client/accountfile.h"
#include "model/decisions.h"
#include "model/store.h"
#include "ui/appearance.h"
#include "ui/conflicts/historydialog.h"
#include "ui/shell/mainwindow.h"

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

using namespace Qt::StringLiterals;

using tidemark::model::Kind;
using tidemark::model::Store;
using tidemark::ui::HistoryDialog;

namespace {

QListWidget *timeline(const HistoryDialog &dialog) { return dialog.findChild<QListWidget *>(u"timeline"_s); }
QTextBrowser *diffView(const HistoryDialog &dialog) { return dialog.findChild<QTextBrowser *>(u"diffView"_s); }
QPushButton *button(const HistoryDialog &dialog, const char *name) { return dialog.findChild<QPushButton *>(QString::fromUtf8(name)); }

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
        if (item->text().section(QLatin1Char('\n'), 1).startsWith(u"Version %1"_s.arg(version))) {
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
    QCoreApplication::setOrganizationName(u"TidemarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_historydialog"_s);
    tidemark::ui::Appearance::applyLanguage();
}

void TestHistoryDialog::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
    QSettings().clear();
    QApplication::setPalette(tidemark::ui::Appearance::lightPalette());
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(u"store.db"_s));
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
    QVERIFY(tidemark::client::AccountFile::write(m_store->path(), {{u"server"_s, u"https://sync.example"_s}, {u"user"_s, u"anna"_s}}));
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Groceries"_s}, {u"body"_s, u"milk\n"_s}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"title"_s, u"Shopping"_s}, {u"body"_s, u"milk\nbread\n"_s}}));
    QVERIFY(m_store->update(note->id, {{u"tags"_s, QJsonArray{u"home"_s}}}));
    QVERIFY(m_store->trash(note->id));
    QVERIFY(m_store->restore(note->id));
    const auto history = m_store->history(note->id);
    QVERIFY(history && history->size() == 5);

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), u"History of “Shopping”"_s);
    const QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 5);
    const QStringList headlines{u"Restored from the Trash"_s, u"Moved to the Trash"_s, u"Tags changed"_s,
                                u"Title and text changed"_s, u"Created"_s};
    for (int i = 0; i < 5; ++i) {
        const auto &entry = (*history)[4 - i];
        QCOMPARE(headline(texts[i]), headlines[i]);
        const QString version = i == 0 ? u"Version 5 (current)"_s : u"Version %1"_s.arg(entry.version);
        QCOMPARE(texts[i].section(QLatin1Char('\n'), 1), u"%1 · %2 · this device · anna"_s.arg(version, at(entry.at)));
    }
    // The newest version is selected and cannot be restored: it is the current one.
    QCOMPARE(dialog.selectedVersion(), 5);
    QVERIFY(!button(dialog, "restoreButton")->isEnabled());
}

void TestHistoryDialog::otherDevicesAreNamed()
{
    // Not signed in: no account name. A note made on the Laptop, changed by a device nobody named.
    const QString id = u"0193c0de-0000-7000-8000-0000000000aa"_s;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Store::RemoteChange made{Kind::Note, id, 1, {{u"title"_s, u"Trip"_s}, {u"body"_s, u"pack\n"_s}}, u"dev2"_s, now, {}};
    QVERIFY(m_store->applyRemotePage({made}, {}, 1, {{u"dev2"_s, u"Laptop"_s}}));
    Store::RemoteChange changed{Kind::Note, id, 2, {{u"body"_s, u"pack\nbook hotel\n"_s}}, u"dev3"_s, now, {}};
    QVERIFY(m_store->applyRemotePage({changed}, {}, 2));
    Store::RemoteChange unnamed{Kind::Note, id, 3, {{u"pinned"_s, true}}, QString(), now, {}};
    QVERIFY(m_store->applyRemotePage({unnamed}, {}, 3));

    HistoryDialog dialog(*m_store, id);
    const QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 3);
    QCOMPARE(headline(texts[0]), u"Pinned"_s);
    QVERIFY2(texts[0].endsWith(u" · another device"_s), qPrintable(texts[0]));
    QCOMPARE(headline(texts[1]), u"Text changed"_s);
    QVERIFY2(texts[1].endsWith(u" · another device"_s), qPrintable(texts[1]));
    QCOMPARE(headline(texts[2]), u"Created"_s);
    QVERIFY2(texts[2].endsWith(u" · Laptop"_s), qPrintable(texts[2]));
}

void TestHistoryDialog::selectingAVersionShowsItsDiff()
{
    const auto note = m_store->create(Kind::Note, {{u"body"_s, u"milk\nbread\neggs\n"_s}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"milk\nbrown bread\neggs\nbutter"_s}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTextBrowser *view = diffView(dialog);
    QVERIFY(clickVersion(dialog, 1));
    // The first version against nothing: every line added.
    QVERIFY(rowWith(view, {{3, u"milk"_s}, {1, QString()}}));
    QVERIFY(clickVersion(dialog, 2));
    QCOMPARE(dialog.findChild<QLabel *>(u"diffCaption"_s)->text(), u"Version 2 compared with version 1"_s);

    // Side by side (the default): the old line beside the line it became, on red and green.
    QVERIFY(button(dialog, "sideBySideButton")->isChecked());
    QVERIFY(view->toPlainText().contains(u"Text"_s));
    QVERIFY(rowWith(view, {{1, u"Version 1"_s}, {3, u"Version 2"_s}}));
    const auto changed = rowWith(view, {{1, u"bread"_s}, {3, u"brown bread"_s}});
    QVERIFY(changed);
    QVERIFY((*changed)[1].background.red() > (*changed)[1].background.green());
    QVERIFY((*changed)[3].background.green() > (*changed)[3].background.red());
    const auto added = rowWith(view, {{1, QString()}, {2, u"4"_s}, {3, u"butter"_s}});
    QVERIFY(added);
    QVERIFY(rowWith(view, {{0, u"1"_s}, {1, u"milk"_s}, {2, u"1"_s}, {3, u"milk"_s}}));

    // Unified: removed lines, then the added ones, each with its sign and line number.
    QTest::mouseClick(button(dialog, "unifiedButton"), Qt::LeftButton);
    QVERIFY(button(dialog, "unifiedButton")->isChecked());
    QCOMPARE(dialog.diffMode(), HistoryDialog::DiffMode::Unified);
    QStringList lines;
    for (const QList<Cell> &row : tableRows(view))
        lines << (row[0].text.startsWith(u"@@"_s) ? row[0].text : row[2].text + row[3].text); // a hunk's heading spans the row
    QCOMPARE(lines, (QStringList{u"@@ -1,3 +1,4 @@"_s, u"milk"_s, u"-bread"_s, u"+brown bread"_s, u"eggs"_s, u"+butter"_s}));
    const auto removed = rowWith(view, {{0, u"2"_s}, {2, u"-"_s}, {3, u"bread"_s}});
    QVERIFY(removed);
    QVERIFY((*removed)[3].background.red() > (*removed)[3].background.green());
    QVERIFY(rowWith(view, {{1, u"2"_s}, {2, u"+"_s}, {3, u"brown bread"_s}}));

    // The choice is remembered for the next time.
    QCOMPARE(QSettings().value(u"history/diffMode"_s).toString(), u"unified"_s);
    HistoryDialog again(*m_store, note->id);
    QCOMPARE(again.diffMode(), HistoryDialog::DiffMode::Unified);
    QVERIFY(button(again, "unifiedButton")->isChecked());
    QTest::mouseClick(button(dialog, "sideBySideButton"), Qt::LeftButton);
    QCOMPARE(QSettings().value(u"history/diffMode"_s).toString(), u"sideBySide"_s);
    QVERIFY(rowWith(view, {{1, u"bread"_s}, {3, u"brown bread"_s}}));
}

void TestHistoryDialog::otherFieldsAreShownInWords()
{
    const auto work = m_store->create(Kind::Collection, {{u"name"_s, u"Work"_s}});
    QVERIFY(work);
    const auto task = m_store->create(Kind::Task, {{u"title"_s, u"Report"_s}});
    QVERIFY(task);
    QVERIFY(m_store->update(task->id, {{u"priority"_s, 3}, {u"recurrence"_s, u"FREQ=WEEKLY"_s}}));
    QVERIFY(m_store->move(task->id, work->id));

    HistoryDialog dialog(*m_store, task->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(headline(rows(dialog).value(0)), u"Moved to Work"_s);
    QCOMPARE(headline(rows(dialog).value(1)), u"Priority and repetition changed"_s);
    QVERIFY(diffView(dialog)->toPlainText().contains(u"Collection\n No collection   →   Work "_s));
    QVERIFY(clickVersion(dialog, 2));
    const QString text = diffView(dialog)->toPlainText();
    QVERIFY2(text.contains(u"Priority\n No priority   →   High "_s), qPrintable(text));
    QVERIFY2(text.contains(u"Repeats\n Does not repeat   →   Weekly "_s), qPrintable(text));
}

void TestHistoryDialog::restoreBringsBackAnOldVersionAndIsItselfUndoable()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Draft"_s}, {u"body"_s, u"first words\n"_s}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"second words\n"_s}}));
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"third words\n"_s}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *restore = button(dialog, "restoreButton");
    QVERIFY(!restore->isEnabled()); // the newest version is the current one

    // Version 1 back: a new version on top, selected, which is now the current one.
    QVERIFY(clickVersion(dialog, 1));
    QVERIFY(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), u"first words\n"_s);
    QCOMPARE(rows(dialog).size(), 4);
    QCOMPARE(headline(rows(dialog).value(0)), u"Restored version 1"_s);
    QVERIFY(rows(dialog).value(0).section(QLatin1Char('\n'), 1).startsWith(u"Version 4 (current)"_s));
    QCOMPARE(dialog.selectedVersion(), 4);
    QCOMPARE(timeline(dialog)->currentRow(), 0);
    QVERIFY(!restore->isEnabled());
    // Its diff shows what the restore changed.
    QVERIFY(rowWith(diffView(dialog), {{1, u"third words"_s}, {3, u"first words"_s}}));

    // And the restore undone: the version that was current before it, restored.
    QVERIFY(clickVersion(dialog, 3));
    QVERIFY(restore->isEnabled());
    restore->click();
    QCOMPARE(m_store->entity(note->id)->string(u"body"_s), u"third words\n"_s);
    QCOMPARE(rows(dialog).size(), 5);
    QCOMPARE(headline(rows(dialog).value(0)), u"Restored version 3"_s);
    QCOMPARE(dialog.selectedVersion(), 5);
    // Version 3 is the same as the current one now: nothing to restore there.
    QVERIFY(clickVersion(dialog, 3));
    QVERIFY(!restore->isEnabled());
}

void TestHistoryDialog::conflictEventsAppearInline()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Plans"_s}, {u"body"_s, u"a\n"_s}});
    QVERIFY(note);
    QTest::qWait(5);
    const qint64 conflictAt = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(5);
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"b\n"_s}}));

    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(clickVersion(dialog, 1));
    // A sync brings the server's record of a merge while the dialog is open: it appears in time
    // order, between the two versions, and the selection stays.
    const tidemark::model::Store::RemoteConflict merged{.id = u"c1"_s, .entityId = note->id, .kind = tidemark::model::Kind::Note,
                                                         .field = u"body"_s, .rule = u"text-merged"_s, .status = u"settled"_s,
                                                         .outcome = u"merged"_s, .incoming = u"a\n"_s, .current = u"b\n"_s,
                                                         .rev = 5, .device = u"dev2"_s, .at = conflictAt};
    const auto applied = m_store->applyRemotePage({}, {merged}, 5, {{u"dev2"_s, u"Laptop"_s}});
    QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
    QStringList texts = rows(dialog);
    QCOMPARE(texts.size(), 3);
    // The conflict centre's sentence, without the item's title: the dialog is about that item.
    QCOMPARE(headline(texts[1]), u"Text changed on another device and on Laptop in different places; both edits were merged."_s);
    QCOMPARE(texts[1].section(QLatin1Char('\n'), 1), u"%1 · Settled automatically"_s.arg(at(conflictAt)));
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
    QVERIFY(rowWith(diffView(dialog), {{1, u"Another device"_s}, {3, u"Laptop"_s}}));
    QVERIFY(rowWith(diffView(dialog), {{1, u"b"_s}, {3, u"a"_s}}));

    // An open overlap from a device not named, and this device's resolution of it.
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1000;
    auto overlap = merged;
    overlap.id = u"c2"_s;
    overlap.rule = u"text-overlap"_s;
    overlap.status = u"open"_s;
    overlap.outcome = u"open"_s;
    overlap.device = m_store->deviceId();
    overlap.at = later;
    overlap.rev = 6;
    QVERIFY(m_store->applyRemotePage({}, {overlap}, 6));
    texts = rows(dialog);
    QCOMPARE(headline(texts[0]),
             u"Text changed on this device and on another device in the same lines; both versions are kept. "
               "Waiting for you to choose."_s);
    QCOMPARE(texts[0].section(QLatin1Char('\n'), 1), u"%1 · Open conflict"_s.arg(at(later)));
    QCOMPARE(dialog.selectedVersion(), 0); // still the first event
    QCOMPARE(timeline(dialog)->currentRow(), 2);
    QVERIFY(tidemark::model::Decisions(*m_store).decide({{u"c2"_s, u"a\nb\n"_s}}));
    auto resolution = merged;
    resolution.id = u"c3"_s;
    resolution.rule = u"resolution"_s;
    resolution.status = u"settled"_s;
    resolution.device = m_store->deviceId();
    resolution.settles = u"c2"_s;
    resolution.incoming = u"a\nb\nc\n"_s; // the choice, made here
    resolution.current = u"a\nx\n"_s;
    resolution.at = later + 1000;
    resolution.rev = 7;
    QVERIFY(m_store->applyRemotePage({}, {resolution}, 7));
    texts = rows(dialog);
    // A text decision is told by the version kept, not its first line alone.
    QVERIFY2(headline(texts[0]).startsWith(u"Text was decided on this device at "_s)
                 && headline(texts[0]).endsWith(u": the version kept has 3 lines and starts “a …”. "
                                                  "2 of its lines differ from the other version."_s),
             qPrintable(texts[0]));
    QCOMPARE(headline(texts[1]),
             u"Text changed on this device and on another device in the same lines; both versions are kept. "
               "Since decided by a person."_s);
}

void TestHistoryDialog::aChangeWhileOpenKeepsTheSelection()
{
    const auto note = m_store->create(Kind::Note, {{u"body"_s, u"one\n"_s}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"two\n"_s}}));
    HistoryDialog dialog(*m_store, note->id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(clickVersion(dialog, 1));
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"three\n"_s}}));
    QCOMPARE(rows(dialog).size(), 3);
    QVERIFY(rows(dialog).value(0).section(QLatin1Char('\n'), 1).startsWith(u"Version 3 (current)"_s));
    QCOMPARE(dialog.selectedVersion(), 1);
    // Now that there is a newer version, version 2 can be restored.
    QVERIFY(clickVersion(dialog, 2));
    QVERIFY(button(dialog, "restoreButton")->isEnabled());
}

void TestHistoryDialog::darkPaletteKeepsTheDiffReadable()
{
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Colours"_s}, {u"body"_s, u"# Colours\n\nred\nblue\n"_s}});
    QVERIFY(note);
    QVERIFY(m_store->update(note->id, {{u"body"_s, u"# Colours\n\nred\ngreen\nblue\n"_s}}));
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? tidemark::ui::Appearance::darkPalette() : tidemark::ui::Appearance::lightPalette());
        HistoryDialog dialog(*m_store, note->id);
        dialog.resize(900, 500);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTextBrowser *view = diffView(dialog);
        const QPalette palette = view->palette();
        QCOMPARE(palette.color(QPalette::Base).lightness() < 100, dark);
        const auto added = rowWith(view, {{3, u"green"_s}});
        QVERIFY(added);
        const QColor background = (*added)[3].background;
        const QColor text = palette.color(QPalette::Text);
        // The text reads on the tint (WCAG AA for body text), and the tint stands out from the page.
        QVERIFY2(contrast(background, text) >= 4.5, qPrintable(u"contrast %1"_s.arg(contrast(background, text))));
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
    const QColor light = rowWith(diffView(dialog), {{3, u"green"_s}}).value()[3].background;
    QApplication::setPalette(tidemark::ui::Appearance::darkPalette());
    QTRY_VERIFY(rowWith(diffView(dialog), {{3, u"green"_s}}).value()[3].background.lightness() < light.lightness() - 80);
    QApplication::setPalette(tidemark::ui::Appearance::lightPalette());
}

void TestHistoryDialog::theMainWindowOpensItForTheCurrentItem()
{
    tidemark::ui::MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *show = window.action(u"showHistory"_s);
    QVERIFY(show);
    QCOMPARE(show->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    QVERIFY(!show->isEnabled()); // nothing to show the history of
    const auto note = m_store->create(Kind::Note, {{u"title"_s, u"Ideas"_s}, {u"body"_s, u"one\n"_s}});
    QVERIFY(note);
    window.openItem(note->id);
    QVERIFY(show->isEnabled());
    show->trigger();
    HistoryDialog *dialog = window.findChild<HistoryDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->itemId(), note->id);
    QCOMPARE(headline(rows(*dialog).value(0)), u"Created"_s);
    dialog->close();
}

QTEST_MAIN(TestHistoryDialog)
#include "tst_historydialog.moc"
