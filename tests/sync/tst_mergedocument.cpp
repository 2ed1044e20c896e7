// The merge dialog's document: a text conflict cut into hunks with libgit2's line diff, and the
// result each choice gives.
#include "sync/mergedocument.h"
#include "sync/textmerge.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

using tidemark::sync::MergeChoice;
using tidemark::sync::MergeDocument;
using tidemark::sync::MergeHunk;

namespace {

// A note edited on two devices: one hunk each changed alone, one both changed.
const QString kBase = QStringLiteral("# Weekend\n\nBuy milk\nBuy bread\n\nCall the bank before noon\n\n"
                                     "Water the plants\nTake out the bins\n");
const QString kMine = QStringLiteral("# Weekend\n\nBuy oat milk\nBuy bread\n\nCall the bank before 11\n\n"
                                     "Water the plants\nTake out the bins\n");
const QString kTheirs = QStringLiteral("# Weekend\n\nBuy milk\nBuy bread\n\nCall the bank after lunch\n\n"
                                       "Water the plants and the herbs\nTake out the bins\n");

} // namespace

class TestMergeDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cutsThreeHunks();
    void eachChoiceGivesItsResult_data();
    void eachChoiceGivesItsResult();
    void bothSidesInsertingAtOnePlaceCollide();
    void theSameChangeOnBothSidesIsNotAConflict();
    void bothWithoutAFinalNewlineKeepsLinesApart();
    void cleanMergesMatchTheThreeWayMerge();
    void changedWordsMarkOnlyTheWords();
    void withoutABaseEveryDifferenceIsAskedFor();
};

void TestMergeDocument::cutsThreeHunks()
{
    const MergeDocument doc = MergeDocument::make(kBase, kMine, kTheirs);
    QCOMPARE(doc.hunks().size(), 3);
    QCOMPARE(doc.hunks()[0].changed, MergeHunk::Changed::Mine);
    QCOMPARE(doc.hunks()[0].base, QStringList{u"Buy milk\n"_s});
    QCOMPARE(doc.hunks()[0].mine, QStringList{u"Buy oat milk\n"_s});
    QCOMPARE(doc.hunks()[0].baseLine, 2);
    QCOMPARE(doc.hunks()[1].changed, MergeHunk::Changed::Both);
    QCOMPARE(doc.hunks()[1].mine, QStringList{u"Call the bank before 11\n"_s});
    QCOMPARE(doc.hunks()[1].theirs, QStringList{u"Call the bank after lunch\n"_s});
    QCOMPARE(doc.hunks()[2].changed, MergeHunk::Changed::Theirs);
    QCOMPARE(doc.hunks()[2].theirs, QStringList{u"Water the plants and the herbs\n"_s});
    QCOMPARE(doc.undecidedCount(), 1);
    QCOMPARE(doc.choice(0), MergeChoice::Mine);
    QCOMPARE(doc.choice(1), MergeChoice::Undecided);
    QCOMPARE(doc.choice(2), MergeChoice::Theirs);

    // Segments and hunks, in order, rebuild each side.
    QString mine;
    for (const auto &segment : doc.segments())
        mine += (segment.hunk < 0 ? segment.common : doc.hunks()[segment.hunk].mine).join(QString());
    QCOMPARE(mine, kMine);
}

void TestMergeDocument::eachChoiceGivesItsResult_data()
{
    QTest::addColumn<int>("hunk");
    QTest::addColumn<MergeChoice>("choice");
    QTest::addColumn<QString>("result");
    const auto text = [](const char *bank, const char *milk = "Buy oat milk\n",
                         const char *plants = "Water the plants and the herbs\n") {
        return u"# Weekend\n\n"_s + QLatin1StringView(milk) + u"Buy bread\n\n"_s
               + QLatin1StringView(bank) + u"\n"_s + QLatin1StringView(plants)
               + u"Take out the bins\n"_s;
    };
    QTest::newRow("mine") << 1 << MergeChoice::Mine << text("Call the bank before 11\n");
    QTest::newRow("theirs") << 1 << MergeChoice::Theirs << text("Call the bank after lunch\n");
    QTest::newRow("mine then theirs") << 1 << MergeChoice::MineThenTheirs
                                      << text("Call the bank before 11\nCall the bank after lunch\n");
    QTest::newRow("theirs then mine") << 1 << MergeChoice::TheirsThenMine
                                      << text("Call the bank after lunch\nCall the bank before 11\n");
    QTest::newRow("base") << 1 << MergeChoice::Base << text("Call the bank before noon\n");
    QTest::newRow("undo my own change") << 0 << MergeChoice::Theirs
                                        << text("Call the bank before 11\n", "Buy milk\n");
    QTest::newRow("refuse their change") << 2 << MergeChoice::Mine
                                         << text("Call the bank before 11\n", "Buy oat milk\n",
                                                 "Water the plants\n");
}

void TestMergeDocument::eachChoiceGivesItsResult()
{
    QFETCH(int, hunk);
    QFETCH(MergeChoice, choice);
    QFETCH(QString, result);
    MergeDocument doc = MergeDocument::make(kBase, kMine, kTheirs);
    doc.choose(1, MergeChoice::Mine);
    doc.choose(hunk, choice);
    QCOMPARE(doc.result(), result);
    QCOMPARE(doc.undecidedCount(), 0);
}

void TestMergeDocument::bothSidesInsertingAtOnePlaceCollide()
{
    const QString base = u"one\ntwo\n"_s;
    MergeDocument doc = MergeDocument::make(base, u"one\nmine\ntwo\n"_s,
                                            u"one\ntheirs\ntwo\n"_s);
    QCOMPARE(doc.hunks().size(), 1);
    QCOMPARE(doc.hunks()[0].changed, MergeHunk::Changed::Both);
    QVERIFY(doc.hunks()[0].base.isEmpty());
    doc.choose(0, MergeChoice::TheirsThenMine);
    QCOMPARE(doc.result(), u"one\ntheirs\nmine\ntwo\n"_s);
    doc.choose(0, MergeChoice::Base);
    QCOMPARE(doc.result(), base);
}

void TestMergeDocument::theSameChangeOnBothSidesIsNotAConflict()
{
    const MergeDocument doc = MergeDocument::make(u"a\nb\nc\n"_s, u"a\nB\nc\n"_s,
                                                  u"a\nB\nc\n"_s);
    QCOMPARE(doc.hunks().size(), 1);
    QCOMPARE(doc.hunks()[0].changed, MergeHunk::Changed::Same);
    QCOMPARE(doc.undecidedCount(), 0);
    QCOMPARE(doc.result(), u"a\nB\nc\n"_s);
}

void TestMergeDocument::bothWithoutAFinalNewlineKeepsLinesApart()
{
    MergeDocument doc = MergeDocument::make(u"title\nend"_s, u"title\nmy end"_s,
                                            u"title\ntheir end"_s);
    QCOMPARE(doc.hunks().size(), 1);
    doc.choose(0, MergeChoice::MineThenTheirs);
    QCOMPARE(doc.result(), u"title\nmy end\ntheir end"_s);
}

void TestMergeDocument::cleanMergesMatchTheThreeWayMerge()
{
    // Random edits of a 40-line text on two sides. Whenever libgit2's three-way merge combines
    // them cleanly, the document (with its default choices) gives the same text and asks nothing.
    int clean = 0;
    for (quint32 seed = 1; seed <= 300; ++seed) {
        QRandomGenerator random(seed);
        QStringList lines;
        for (int i = 0; i < 40; ++i)
            lines.append(u"line %1\n"_s.arg(i));
        const auto edit = [&random](QStringList text, const QString &who) {
            const int edits = random.bounded(1, 4);
            for (int e = 0; e < edits; ++e) {
                const auto at = qsizetype(random.bounded(int(text.size()) + 1));
                switch (random.bounded(3)) {
                case 0:
                    text.insert(at, u"%1 added %2\n"_s.arg(who).arg(e));
                    break;
                case 1:
                    if (at < text.size())
                        text.removeAt(at);
                    break;
                default:
                    if (at < text.size())
                        text[at] = u"%1 changed %2\n"_s.arg(who).arg(e);
                }
            }
            return text.join(QString());
        };
        const QString base = lines.join(QString());
        const QString mine = edit(lines, u"mine"_s);
        const QString theirs = edit(lines, u"theirs"_s);
        const auto merged = tidemark::sync::mergeText(base, mine, theirs);
        const MergeDocument doc = MergeDocument::make(base, mine, theirs);
        if (merged.clean) {
            ++clean;
            QVERIFY2(doc.undecidedCount() == 0, qPrintable(u"seed %1"_s.arg(seed)));
            QVERIFY2(doc.result() == merged.text, qPrintable(u"seed %1"_s.arg(seed)));
        } else {
            QVERIFY2(doc.undecidedCount() > 0, qPrintable(u"seed %1"_s.arg(seed)));
        }
    }
    QVERIFY2(clean > 50, qPrintable(QString::number(clean)));
}

void TestMergeDocument::changedWordsMarkOnlyTheWords()
{
    const QString after = u"Call the bank after lunch"_s;
    const auto ranges = tidemark::sync::changedWords(u"Call the bank before noon"_s, after);
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(after.mid(ranges[0].first, ranges[0].second), u"after lunch"_s);

    const QString two = u"Buy oat milk and honey"_s;
    const auto both = tidemark::sync::changedWords(u"Buy milk and bread"_s, two);
    QCOMPARE(both.size(), 2);
    QCOMPARE(two.mid(both[0].first, both[0].second).trimmed(), u"oat"_s);
    QCOMPARE(two.mid(both[1].first, both[1].second), u"honey"_s);

    QVERIFY(tidemark::sync::changedWords(after, after).isEmpty());
}

void TestMergeDocument::withoutABaseEveryDifferenceIsAskedFor()
{
    // No base: nothing may be taken silently from either side.
    MergeDocument doc = MergeDocument::makeTwoWay(u"same\nmine\nsame too\n"_s,
                                                  u"same\ntheirs\nsame too\n"_s);
    QCOMPARE(doc.hunks().size(), 1);
    QCOMPARE(doc.hunks()[0].changed, MergeHunk::Changed::Both);
    QCOMPARE(doc.undecidedCount(), 1);
    doc.choose(0, MergeChoice::TheirsThenMine);
    QCOMPARE(doc.result(), u"same\ntheirs\nmine\nsame too\n"_s);
    QCOMPARE(MergeDocument::makeTwoWay(u"a\n"_s, u"a\n"_s).hunks().size(), 0);
    QCOMPARE(tidemark::sync::normalizedLineBreaks(u"a\r\nb\rc"_s), u"a\nb\nc"_s);
    // Changed words on two lines are two ranges, not one across the line break.
    QCOMPARE(tidemark::sync::changedWords(u"x a\ny b"_s, u"x A\ny B"_s).size(), 2);
}

QTEST_GUILESS_MAIN(TestMergeDocument)
#include "tst_mergedocument.moc"
