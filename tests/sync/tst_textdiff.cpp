// Line diffs of two texts with libgit2: as unified text, and as rows for two columns.
#include "sync/textdiff.h"

#include <QTest>

using tidemark::sync::DiffRow;
using tidemark::sync::sideBySideDiff;
using tidemark::sync::unifiedDiff;
using Kind = tidemark::sync::DiffRow::Kind;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

DiffRow row(Kind kind, const char *left, const char *right, int leftLine, int rightLine)
{
    return {kind, s(left), s(right), leftLine, rightLine, 0};
}

DiffRow skipped(int count, int leftLine, int rightLine)
{
    return {Kind::Skipped, {}, {}, leftLine, rightLine, count};
}

QString numbered(int from, int to)
{
    QString text;
    for (int i = from; i <= to; ++i)
        text += s("line %1\n").arg(i);
    return text;
}

} // namespace

// How QCOMPARE prints a row when two differ.
namespace tidemark::sync {
char *toString(const DiffRow &row)
{
    return qstrdup(QStringLiteral("{%1 '%2' '%3' %4 %5 skip %6}")
                       .arg(int(row.kind))
                       .arg(row.left, row.right)
                       .arg(row.leftLine)
                       .arg(row.rightLine)
                       .arg(row.skipped)
                       .toUtf8()
                       .constData());
}
} // namespace tidemark::sync

class TestTextDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unified_data();
    void unified();
    void sideBySide_data();
    void sideBySide();
    void farUnchangedLinesAreFolded();
    void contextZeroKeepsOnlyTheChange();
};

void TestTextDiff::unified_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("context");
    QTest::addColumn<QString>("diff");
    QTest::newRow("same text") << s("a\nb\n") << s("a\nb\n") << 3 << QString();
    QTest::newRow("one line changed") << s("a\nb\nc\n") << s("a\nB\nc\n") << 3
                                      << s("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    QTest::newRow("without context") << s("a\nb\nc\n") << s("a\nB\nc\n") << 0 << s("@@ -2 +2 @@\n-b\n+B\n");
    QTest::newRow("from nothing") << QString() << s("milk\nbread\n") << 3 << s("@@ -0,0 +1,2 @@\n+milk\n+bread\n");
    QTest::newRow("to nothing") << s("milk\n") << QString() << 3 << s("@@ -1 +0,0 @@\n-milk\n");
    QTest::newRow("last line without a break")
        << s("a\nb") << s("a\nc") << 3 << s("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
    QTest::newRow("unicode") << s("Grüße\nä\n") << s("Grüße\nö\n") << 1 << s("@@ -1,2 +1,2 @@\n Grüße\n-ä\n+ö\n");
    QTest::newRow("two hunks") << numbered(1, 10) << numbered(1, 10).replace(s("line 2\n"), s("two\n")).replace(s("line 9\n"), s("nine\n"))
                               << 1
                               << s("@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n"
                                    "@@ -8,3 +8,3 @@\n line 8\n-line 9\n+nine\n line 10\n");
}

void TestTextDiff::unified()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, context);
    QFETCH(QString, diff);
    QCOMPARE(unifiedDiff(before, after, context), diff);
}

void TestTextDiff::sideBySide_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QList<DiffRow>>("rows");
    QTest::newRow("same text") << s("a\nb") << s("a\nb")
                               << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Same, "b", "b", 2, 2)};
    QTest::newRow("empty") << QString() << QString() << QList<DiffRow>{};
    QTest::newRow("changed line beside its old self")
        << s("a\nb\nc\n") << s("a\nB\nc\n")
        << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Changed, "b", "B", 2, 2), row(Kind::Same, "c", "c", 3, 3)};
    QTest::newRow("inserted lines")
        << s("a\nc\n") << s("a\nb1\nb2\nc\n")
        << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Added, "", "b1", 0, 2), row(Kind::Added, "", "b2", 0, 3),
                          row(Kind::Same, "c", "c", 2, 4)};
    QTest::newRow("inserted at the start")
        << s("b\n") << s("a\nb\n") << QList<DiffRow>{row(Kind::Added, "", "a", 0, 1), row(Kind::Same, "b", "b", 1, 2)};
    QTest::newRow("removed at the end")
        << s("a\nb\n") << s("a\n") << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Removed, "b", "", 2, 0)};
    QTest::newRow("more removed than added")
        << s("x\nb1\nb2\nb3\ny\n") << s("x\nB\ny\n")
        << QList<DiffRow>{row(Kind::Same, "x", "x", 1, 1), row(Kind::Changed, "b1", "B", 2, 2), row(Kind::Removed, "b2", "", 3, 0),
                          row(Kind::Removed, "b3", "", 4, 0), row(Kind::Same, "y", "y", 5, 3)};
    QTest::newRow("more added than removed")
        << s("x\nb\ny") << s("x\nB1\nB2\ny")
        << QList<DiffRow>{row(Kind::Same, "x", "x", 1, 1), row(Kind::Changed, "b", "B1", 2, 2), row(Kind::Added, "", "B2", 0, 3),
                          row(Kind::Same, "y", "y", 3, 4)};
    QTest::newRow("from nothing") << QString() << s("milk\nbread")
                                  << QList<DiffRow>{row(Kind::Added, "", "milk", 0, 1), row(Kind::Added, "", "bread", 0, 2)};
    QTest::newRow("two changes apart")
        << s("a\nb\nc\nd\ne\n") << s("A\nb\nc\nd\nE\n")
        << QList<DiffRow>{row(Kind::Changed, "a", "A", 1, 1), row(Kind::Same, "b", "b", 2, 2), row(Kind::Same, "c", "c", 3, 3),
                          row(Kind::Same, "d", "d", 4, 4), row(Kind::Changed, "e", "E", 5, 5)};
    QTest::newRow("unicode") << s("Grüße\n") << s("Grüße!\n") << QList<DiffRow>{row(Kind::Changed, "Grüße", "Grüße!", 1, 1)};
}

void TestTextDiff::sideBySide()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QList<DiffRow>, rows);
    QCOMPARE(sideBySideDiff(before, after), rows);
}

void TestTextDiff::farUnchangedLinesAreFolded()
{
    const QString before = numbered(1, 20);
    const QString after = QString(before).replace(s("line 10\n"), s("ten\n"));
    const QList<DiffRow> rows = sideBySideDiff(before, after, 2);
    const QList<DiffRow> expected{skipped(7, 1, 1),
                                  row(Kind::Same, "line 8", "line 8", 8, 8),
                                  row(Kind::Same, "line 9", "line 9", 9, 9),
                                  row(Kind::Changed, "line 10", "ten", 10, 10),
                                  row(Kind::Same, "line 11", "line 11", 11, 11),
                                  row(Kind::Same, "line 12", "line 12", 12, 12),
                                  skipped(8, 13, 13)};
    QCOMPARE(rows, expected);
    // The same text with nothing changed folds into one row.
    QCOMPARE(sideBySideDiff(before, before, 2), QList<DiffRow>{skipped(20, 1, 1)});
    // Every line without a limit.
    QCOMPARE(sideBySideDiff(before, after).size(), 20);
}

void TestTextDiff::contextZeroKeepsOnlyTheChange()
{
    const QList<DiffRow> rows = sideBySideDiff(s("a\nb\nc\n"), s("a\nc\n"), 0);
    QCOMPARE(rows, (QList<DiffRow>{skipped(1, 1, 1), row(Kind::Removed, "b", "", 2, 0), skipped(1, 3, 2)}));
}

QTEST_APPLESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
