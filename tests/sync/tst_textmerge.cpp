// Three-way text merge with libgit2.
#include "sync/textmerge.h"

#include <QTest>

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
    const QString base = QStringLiteral("# List\n\n- milk\n- bread\n- eggs\n\nNotes at the end.\n");
    QTest::newRow("edits in different places")
        << base << QStringLiteral("# Shopping list\n\n- milk\n- bread\n- eggs\n\nNotes at the end.\n")
        << QStringLiteral("# List\n\n- milk\n- bread\n- eggs\n\nNotes at the very end.\n") << true
        << QStringLiteral("# Shopping list\n\n- milk\n- bread\n- eggs\n\nNotes at the very end.\n");
    QTest::newRow("same line changed two ways")
        << base << QStringLiteral("# List\n\n- oat milk\n- bread\n- eggs\n\nNotes at the end.\n")
        << QStringLiteral("# List\n\n- soy milk\n- bread\n- eggs\n\nNotes at the end.\n") << false << QString();
    QTest::newRow("same change on both sides") << base << base + QStringLiteral("x\n") << base + QStringLiteral("x\n")
                                               << true << base + QStringLiteral("x\n");
    QTest::newRow("only theirs changed") << base << base << QStringLiteral("new\n") << true << QStringLiteral("new\n");
    QTest::newRow("only mine changed") << base << QStringLiteral("mine\n") << base << true << QStringLiteral("mine\n");
    QTest::newRow("unicode lines") << QStringLiteral("ä\nö\nü\n") << QStringLiteral("Ä\nö\nü\n")
                                   << QStringLiteral("ä\nö\nÜ\n") << true << QStringLiteral("Ä\nö\nÜ\n");
    QTest::newRow("both append at the end") << QStringLiteral("a\n") << QStringLiteral("a\nb\n")
                                            << QStringLiteral("a\nc\n") << false << QString();
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
