// Value types of the model: ids, the hybrid logical clock, sort keys, recurrence and due dates.
#include "model/due.h"
#include "model/hlc.h"
#include "model/ids.h"
#include "model/recurrence.h"
#include "model/sortkey.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark::model;

class TestBasics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreVersion7AndSortByCreation();
    void hlcNeverGoesBackwards();
    void hlcTextSortsLikeTheValue();
    void hlcObservesRemoteTime();
    void sortKeysAlwaysFitBetween();
    void sortKeysRejectMalformed();
    void recurrence_data();
    void recurrence();
    void recurrenceRejects_data();
    void recurrenceRejects();
    void due_data();
    void due();
    void dueRejects_data();
    void dueRejects();
};

void TestBasics::idsAreVersion7AndSortByCreation()
{
    QStringList ids;
    for (int i = 0; i < 5000; ++i)
        ids << newId();
    QSet<QString> unique(ids.cbegin(), ids.cend());
    QCOMPARE(unique.size(), ids.size());
    for (const QString &id : ids) {
        QVERIFY2(isValidId(id), qPrintable(id));
        QCOMPARE(id.at(14), QLatin1Char('7'));                        // version 7
        QVERIFY(u"89ab"_s.contains(id.at(19)));          // RFC 9562 variant
    }
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, ids);
    QVERIFY(!isValidId(u"not-an-id"));
    QVERIFY(!isValidId(u"0190A2B4-0000-7000-8000-000000000000")); // upper case is not canonical
}

void TestBasics::hlcNeverGoesBackwards()
{
    qint64 wall = 1'000'000;
    HybridClock clock(u"dev-a"_s, [&wall] { return wall; });
    Hlc previous = clock.tick();
    const qint64 steps[] = {0, 5, -3'600'000, 0, 1, -1, 7'200'000, -10};
    for (qint64 step : steps) {
        wall += step;
        for (int i = 0; i < 3; ++i) {
            const Hlc next = clock.tick();
            QVERIFY2(previous < next, qPrintable(previous.toString() + u" !< "_s + next.toString()));
            QVERIFY(next.ms >= wall || next.ms == previous.ms);
            previous = next;
        }
    }
}

void TestBasics::hlcTextSortsLikeTheValue()
{
    const Hlc a{999, 12, u"dev-b"_s};
    const Hlc b{1000, 0, u"dev-a"_s};
    const Hlc c{1000, 0, u"dev-b"_s};
    const Hlc d{1000, 10, u"dev-a"_s};
    QVERIFY(a < b && b < c && c < d);
    QVERIFY(a.toString() < b.toString() && b.toString() < c.toString() && c.toString() < d.toString());
    QVERIFY(Hlc::fromString(d.toString()) == d);
    QVERIFY(!Hlc::fromString(u"garbage"));
    QVERIFY(!Hlc::fromString(u"12-x-dev"));
}

void TestBasics::hlcObservesRemoteTime()
{
    qint64 wall = 5000;
    HybridClock clock(u"dev-a"_s, [&wall] { return wall; });
    clock.tick();
    clock.observe(Hlc{9000, 4, u"dev-b"_s}); // a peer whose clock runs ahead
    const Hlc next = clock.tick();
    QCOMPARE(next.ms, qint64(9000));
    QCOMPARE(next.counter, 5u);
    QCOMPARE(next.device, u"dev-a"_s);
}

void TestBasics::sortKeysAlwaysFitBetween()
{
    // Insert at random places many times; the keys must stay strictly ordered and valid.
    QStringList keys{SortKey::between({}, {})};
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 3000; ++i) {
        const int at = int(random->bounded(qint64(keys.size()) + 1));
        const QString before = at > 0 ? keys.at(at - 1) : QString();
        const QString after = at < keys.size() ? keys.at(at) : QString();
        const QString key = SortKey::between(before, after);
        QVERIFY2(SortKey::isValid(key), qPrintable(key));
        if (!before.isEmpty())
            QVERIFY2(before < key, qPrintable(before + QLatin1Char(' ') + key));
        if (!after.isEmpty())
            QVERIFY2(key < after, qPrintable(key + QLatin1Char(' ') + after));
        keys.insert(at, key);
    }
    // Appending at the end over and over keeps keys short.
    QString last;
    for (int i = 0; i < 1000; ++i)
        last = SortKey::between(last, {});
    QVERIFY(last.size() < 40);
    // Squeezing between neighbours that differ in the last digit.
    QCOMPARE(SortKey::between(u"a"_s, u"b"_s).left(1), u"a"_s);
}

void TestBasics::sortKeysRejectMalformed()
{
    QVERIFY(!SortKey::isValid(u""));
    QVERIFY(!SortKey::isValid(u"a0"));
    QVERIFY(!SortKey::isValid(u"a-b"));
    QVERIFY(SortKey::isValid(u"V"));
}

void TestBasics::recurrence_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("next");
    QTest::newRow("daily") << "FREQ=DAILY" << "FREQ=DAILY" << QDate(2026, 12, 31) << QDate(2027, 1, 1);
    QTest::newRow("every 3 days") << "freq=daily;interval=3" << "FREQ=DAILY;INTERVAL=3" << QDate(2026, 2, 27)
                                  << QDate(2026, 3, 2);
    QTest::newRow("weekly") << "FREQ=WEEKLY" << "FREQ=WEEKLY" << QDate(2026, 11, 27) << QDate(2026, 12, 4);
    QTest::newRow("fortnightly") << "INTERVAL=2;FREQ=WEEKLY" << "FREQ=WEEKLY;INTERVAL=2" << QDate(2026, 11, 27)
                                 << QDate(2026, 12, 11);
    QTest::newRow("monthly clamps") << "FREQ=MONTHLY" << "FREQ=MONTHLY" << QDate(2026, 1, 31) << QDate(2026, 2, 28);
    QTest::newRow("quarterly") << "FREQ=MONTHLY;INTERVAL=3" << "FREQ=MONTHLY;INTERVAL=3" << QDate(2026, 11, 30)
                               << QDate(2027, 2, 28);
    QTest::newRow("yearly leap") << "FREQ=YEARLY" << "FREQ=YEARLY" << QDate(2028, 2, 29) << QDate(2029, 2, 28);
}

void TestBasics::recurrence()
{
    QFETCH(QString, rule);
    QFETCH(QString, canonical);
    QFETCH(QDate, from);
    QFETCH(QDate, next);
    const auto parsed = Recurrence::parse(rule);
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->next(from), next);
}

void TestBasics::recurrenceRejects_data()
{
    QTest::addColumn<QString>("rule");
    for (const char *bad : {"", "FREQ=HOURLY", "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=abc",
                            "INTERVAL=2", "FREQ=DAILY;BYDAY=MO", "FREQ=DAILY;FREQ=WEEKLY", "nonsense"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
}

void TestBasics::recurrenceRejects()
{
    QFETCH(QString, rule);
    QVERIFY(!Recurrence::parse(rule));
}

void TestBasics::due_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<qint64>("utcMs");
    const QTimeZone berlin("Europe/Berlin");
    QTest::newRow("date") << "2026-12-01" << "2026-12-01"
                          << QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::LocalTime).toMSecsSinceEpoch();
    QTest::newRow("date-time in Berlin") << "2026-12-01T09:30[Europe/Berlin]" << "2026-12-01T09:30[Europe/Berlin]"
                                         << QDateTime(QDate(2026, 12, 1), QTime(8, 30), QTimeZone::UTC).toMSecsSinceEpoch();
    QTest::newRow("summer time") << "2026-07-01 09:30[Europe/Berlin]" << "2026-07-01T09:30[Europe/Berlin]"
                                 << QDateTime(QDate(2026, 7, 1), QTime(7, 30), QTimeZone::UTC).toMSecsSinceEpoch();
    QTest::newRow("seconds, Tokyo") << "2026-12-01T09:30:15[Asia/Tokyo]" << "2026-12-01T09:30:15[Asia/Tokyo]"
                                    << QDateTime(QDate(2026, 12, 1), QTime(0, 30, 15), QTimeZone::UTC).toMSecsSinceEpoch();
}

void TestBasics::due()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(qint64, utcMs);
    const auto parsed = Due::parse(text);
    QVERIFY(parsed);
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->toMSecsSinceEpoch(), utcMs);
    // A time without a zone takes the given default zone and names it.
    const auto floating = Due::parse(u"2026-12-01T09:30", QTimeZone("America/New_York"));
    QVERIFY(floating);
    QCOMPARE(floating->toString(), u"2026-12-01T09:30[America/New_York]"_s);
}

void TestBasics::dueRejects_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad : {"", "tomorrow", "2026-13-01", "2026-02-30", "2026-12-01T25:00", "2026-12-01[Europe/Berlin]",
                            "2026-12-01T09:00[Mars/Olympus]", "01.12.2026"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
}

void TestBasics::dueRejects()
{
    QFETCH(QString, text);
    QVERIFY(!Due::parse(text).has_value());
}

QTEST_APPLESS_MAIN(TestBasics)
#include "tst_basics.moc"
