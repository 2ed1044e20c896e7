// Three-way text merge with libgit2.
#include "sync/textmerge.h"

#include <QTest>

using namespace Qt::StringLiterals;

using tidemark::sync::mergeText;

class TestTextMerge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merges_data();
    void merges();
};

void TestTextMerge::merges_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<bool>("clean");
    QTest::addColumn<QString>("result");
    const QString base = u"# List\n\n- milk\n- bread\n- eggs\n\nNotes at the end.\n"_s;
    QTest::newRow("edits in different places")
        << base << u"# Shopping list\n\n- milk\n- bread\n- eggs\n\nNotes at the end.\n"_s
        << u"# List\n\n- milk\n- bread\n- eggs\n\nNotes at the very end.\n"_s << true
        << u"# Shopping list\n\n- milk\n- bread\n- eggs\n\nNotes at the very end.\n"_s;
    QTest::newRow("same line changed two ways")
        << base << u"# List\n\n- oat milk\n- bread\n- eggs\n\nNotes at the end.\n"_s
        << u"# List\n\n- soy milk\n- bread\n- eggs\n\nNotes at the end.\n"_s << false << QString();
    QTest::newRow("same change on both sides") << base << base + u"x\n"_s << base + u"x\n"_s
                                               << true << base + u"x\n"_s;
    QTest::newRow("only theirs changed") << base << base << u"new\n"_s << true << u"new\n"_s;
    QTest::newRow("only mine changed") << base << u"mine\n"_s << base << true << u"mine\n"_s;
    QTest::newRow("unicode lines") << u"ä\nö\nü\n"_s << u"Ä\nö\nü\n"_s
                                   << u"ä\nö\nÜ\n"_s << true << u"Ä\nö\nÜ\n"_s;
    QTest::newRow("both append at the end") << u"a\n"_s << u"a\nb\n"_s
                                            << u"a\nc\n"_s << false << QString();
}

void TestTextMerge::merges()
{
    QFETCH(QString, base);
    QFETCH(QString, mine);
    QFETCH(QString, theirs);
    QFETCH(bool, clean);
    QFETCH(QString, result);
    const auto merged = mergeText(base, mine, theirs);
    QCOMPARE(merged.clean, clean);
    QCOMPARE(merged.text, result);
}

QTEST_APPLESS_MAIN(TestTextMerge)
#include "tst_textmerge.moc"
