// Line diffs of two texts with libgit2: as unified text, and as rows for two columns.
#include "sync/textdiff.h"

#include <QTest>

using namespace Qt::StringLiterals;

using tidemark::sync::DiffRow;
using tidemark::sync::sideBySideDiff;
using tidemark::sync::unifiedDiff;
using Kind = tidemark::sync::DiffRow::Kind;

namespace {

DiffRow row(Kind kind, const char *left, const char *right, int leftLine, int rightLine)
{
    return {kind, QString::fromUtf8(left), QString::fromUtf8(right), leftLine, rightLine, 0};
}

DiffRow skipped(int count, int leftLine, int rightLine)
{
    return {Kind::Skipped, {}, {}, leftLine, rightLine, count};
}

QString numbered(int from, int to)
{
    QString text;
    for (int i = from; i <= to; ++i)
        text += u"line %1\n"_s.arg(i);
    return text;
}

} // namespace

// How QCOMPARE prints a row when two differ.
namespace tidemark::sync {
char *toString(const DiffRow &row)
{
    return qstrdup(u"{%1 '%2' '%3' %4 %5 skip %6}"_s
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
    QTest::newRow("same text") << u"a\nb\n"_s << u"a\nb\n"_s << 3 << QString();
    QTest::newRow("one line changed") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << 3
                                      << u"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"_s;
    QTest::newRow("without context") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << 0 << u"@@ -2 +2 @@\n-b\n+B\n"_s;
    QTest::newRow("from nothing") << QString() << u"milk\nbread\n"_s << 3 << u"@@ -0,0 +1,2 @@\n+milk\n+bread\n"_s;
    QTest::newRow("to nothing") << u"milk\n"_s << QString() << 3 << u"@@ -1 +0,0 @@\n-milk\n"_s;
    QTest::newRow("last line without a break")
        << u"a\nb"_s << u"a\nc"_s << 3 << u"@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"_s;
    QTest::newRow("unicode") << u"Grüße\nä\n"_s << u"Grüße\nö\n"_s << 1 << u"@@ -1,2 +1,2 @@\n Grüße\n-ä\n+ö\n"_s;
    QTest::newRow("two hunks") << numbered(1, 10) << numbered(1, 10).replace(u"line 2\n"_s, u"two\n"_s).replace(u"line 9\n"_s, u"nine\n"_s)
                               << 1
                               << u"@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n"
                                    "@@ -8,3 +8,3 @@\n line 8\n-line 9\n+nine\n line 10\n"_s;
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
    QTest::newRow("same text") << u"a\nb"_s << u"a\nb"_s
                               << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Same, "b", "b", 2, 2)};
    QTest::newRow("empty") << QString() << QString() << QList<DiffRow>{};
    QTest::newRow("changed line beside its old self")
        << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s
        << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Changed, "b", "B", 2, 2), row(Kind::Same, "c", "c", 3, 3)};
    QTest::newRow("inserted lines")
        << u"a\nc\n"_s << u"a\nb1\nb2\nc\n"_s
        << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Added, "", "b1", 0, 2), row(Kind::Added, "", "b2", 0, 3),
                          row(Kind::Same, "c", "c", 2, 4)};
    QTest::newRow("inserted at the start")
        << u"b\n"_s << u"a\nb\n"_s << QList<DiffRow>{row(Kind::Added, "", "a", 0, 1), row(Kind::Same, "b", "b", 1, 2)};
    QTest::newRow("removed at the end")
        << u"a\nb\n"_s << u"a\n"_s << QList<DiffRow>{row(Kind::Same, "a", "a", 1, 1), row(Kind::Removed, "b", "", 2, 0)};
    QTest::newRow("more removed than added")
        << u"x\nb1\nb2\nb3\ny\n"_s << u"x\nB\ny\n"_s
        << QList<DiffRow>{row(Kind::Same, "x", "x", 1, 1), row(Kind::Changed, "b1", "B", 2, 2), row(Kind::Removed, "b2", "", 3, 0),
                          row(Kind::Removed, "b3", "", 4, 0), row(Kind::Same, "y", "y", 5, 3)};
    QTest::newRow("more added than removed")
        << u"x\nb\ny"_s << u"x\nB1\nB2\ny"_s
        << QList<DiffRow>{row(Kind::Same, "x", "x", 1, 1), row(Kind::Changed, "b", "B1", 2, 2), row(Kind::Added, "", "B2", 0, 3),
                          row(Kind::Same, "y", "y", 3, 4)};
    QTest::newRow("from nothing") << QString() << u"milk\nbread"_s
                                  << QList<DiffRow>{row(Kind::Added, "", "milk", 0, 1), row(Kind::Added, "", "bread", 0, 2)};
    QTest::newRow("two changes apart")
        << u"a\nb\nc\nd\ne\n"_s << u"A\nb\nc\nd\nE\n"_s
        << QList<DiffRow>{row(Kind::Changed, "a", "A", 1, 1), row(Kind::Same, "b", "b", 2, 2), row(Kind::Same, "c", "c", 3, 3),
                          row(Kind::Same, "d", "d", 4, 4), row(Kind::Changed, "e", "E", 5, 5)};
    QTest::newRow("unicode") << u"Grüße\n"_s << u"Grüße!\n"_s << QList<DiffRow>{row(Kind::Changed, "Grüße", "Grüße!", 1, 1)};
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
    const QString after = QString(before).replace(u"line 10\n"_s, u"ten\n"_s);
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
    const QList<DiffRow> rows = sideBySideDiff(u"a\nb\nc\n"_s, u"a\nc\n"_s, 0);
    QCOMPARE(rows, (QList<DiffRow>{skipped(1, 1, 1), row(Kind::Removed, "b", "", 2, 0), skipped(1, 3, 2)}));
}

QTEST_APPLESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
