// The operation decoder: every member checked for type and size, known fields for their type.
#include "sync/protocol.h"

#include <QJsonArray>
#include <QTest>

using namespace tidemark::sync;

namespace {
QString s(const char *text) { return QString::fromUtf8(text); }

QJsonObject validOp(const QString &kind = s("task"))
{
    return {{s("op_id"), s("01930000-0000-7000-8000-000000000001")}, {s("device"), s("laptop")}, {s("kind"), kind},
            {s("entity"), s("01930000-0000-7000-8000-000000000002")}, {s("fields"), QJsonObject{{s("title"), s("x")}}},
            {s("base_rev"), 3}, {s("hlc"), s("000001700000000-000000-laptop")}};
}
} // namespace

class TestProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesAValidOperation();
    void knownFieldsMustHaveTheirType_data();
    void knownFieldsMustHaveTheirType();
    void unknownFieldsPassUntouched();
    void resultsRoundTrip();
    void aFieldIsMeasuredInUtf8Bytes();
    void versionsAreNegotiated_data();
    void versionsAreNegotiated();
    void aServerAnswersWithAVersionTheAppChecks();
    void anOperationWithAnOpIdCanBeAnsweredOnItsOwn();
};

void TestProtocol::decodesAValidOperation()
{
    const auto op = decodeOperation(validOp());
    QVERIFY(op);
    QCOMPARE(op->baseRev, 3);
    QCOMPARE(op->fields.value(s("title")).toString(), s("x"));
    QCOMPARE(encodeOperation(*op), validOp());
}

void TestProtocol::knownFieldsMustHaveTheirType_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("title number") << s("task") << s("title") << QJsonValue(5) << false;
    QTest::newRow("title text") << s("task") << s("title") << QJsonValue(s("ok")) << true;
    QTest::newRow("priority 3") << s("task") << s("priority") << QJsonValue(3) << true;
    QTest::newRow("priority 4") << s("task") << s("priority") << QJsonValue(4) << false;
    QTest::newRow("priority 1.5") << s("task") << s("priority") << QJsonValue(1.5) << false;
    QTest::newRow("priority text") << s("task") << s("priority") << QJsonValue(s("high")) << false;
    QTest::newRow("due null") << s("task") << s("due") << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("due number") << s("task") << s("due") << QJsonValue(20261201) << false;
    QTest::newRow("tags words") << s("note") << s("tags") << QJsonValue(QJsonArray{s("a"), s("b")}) << true;
    QTest::newRow("tags numbers") << s("note") << s("tags") << QJsonValue(QJsonArray{1}) << false;
    QTest::newRow("tags text") << s("note") << s("tags") << QJsonValue(s("a,b")) << false;
    QTest::newRow("deleted text") << s("note") << s("deleted") << QJsonValue(s("yes")) << false;
    QTest::newRow("pinned bool") << s("note") << s("pinned") << QJsonValue(true) << true;
    QTest::newRow("collection name null") << s("collection") << s("name") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("note sort_key is unknown to notes") << s("note") << s("sort_key") << QJsonValue(7) << true;
}

void TestProtocol::knownFieldsMustHaveTheirType()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, accepted);
    QJsonObject json = validOp(kind);
    json.insert(s("fields"), QJsonObject{{field, value}});
    const auto op = decodeOperation(json);
    QCOMPARE(op.has_value(), accepted);
    if (!accepted)
        QVERIFY2(op.error().contains(field), qPrintable(op.error()));
}

void TestProtocol::unknownFieldsPassUntouched()
{
    QJsonObject json = validOp(s("note"));
    json.insert(s("fields"), QJsonObject{{s("mood"), QJsonObject{{s("level"), 3}}}});
    const auto op = decodeOperation(json);
    QVERIFY(op);
    QCOMPARE(op->fields.value(s("mood")).toObject().value(s("level")).toInt(), 3);
}

void TestProtocol::resultsRoundTrip()
{
    const OpResult result{s("op"), OpResult::Status::Conflict, 9, {s("c1"), s("c2")}, {}};
    const auto decoded = decodeResult(encodeResult(result));
    QVERIFY(decoded);
    QCOMPARE(decoded->status, OpResult::Status::Conflict);
    QCOMPARE(decoded->conflicts, (QStringList{s("c1"), s("c2")}));
    QVERIFY(!decodeResult(QJsonObject{{s("op_id"), s("x")}, {s("status"), s("maybe")}}));
}

void TestProtocol::aFieldIsMeasuredInUtf8Bytes()
{
    const auto withBody = [](const QString &body) {
        QJsonObject json = validOp(s("note"));
        json.insert(s("fields"), QJsonObject{{s("body"), body}});
        return decodeOperation(json);
    };
    const qsizetype limit = Limits{}.maxStringBytes;
    // A 3 MB plain-text note is under the 4 MB limit; its bytes are counted, not guessed.
    QVERIFY(withBody(QString(3 * 1024 * 1024, QLatin1Char('x'))));
    QVERIFY(withBody(QString(limit, QLatin1Char('x'))));
    QVERIFY(!withBody(QString(limit + 1, QLatin1Char('x'))));
    // Japanese is 3 bytes a character, an emoji 4 (two UTF-16 halves).
    QVERIFY(withBody(QString(limit / 3, QChar(0x65E5))));
    const auto cjk = withBody(QString(limit / 3 + 1, QChar(0x65E5)));
    QVERIFY(!cjk);
    QVERIFY2(cjk.error().contains(s("body")), qPrintable(cjk.error()));
    QString emoji;
    for (qsizetype i = 0; i < limit / 4; ++i)
        emoji += QString::fromUcs4(U"\U0001F30A", 1);
    QVERIFY(withBody(emoji));
    QVERIFY(!withBody(emoji + QString::fromUcs4(U"\U0001F30A", 1)));
}

void TestProtocol::versionsAreNegotiated_data()
{
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("problem");
    QTest::newRow("before negotiation") << QByteArray() << 1 << QString();
    QTest::newRow("one") << QByteArray("1") << 1 << QString();
    QTest::newRow("a newer app that also speaks 1") << QByteArray("1, 2") << 1 << QString();
    QTest::newRow("only newer") << QByteArray("2") << 0 << s("update the server");
    QTest::newRow("only older") << QByteArray("0") << 0 << s("update the app");
    QTest::newRow("unreadable") << QByteArray("one") << 0 << s("unreadable");
}

void TestProtocol::versionsAreNegotiated()
{
    QFETCH(QByteArray, offered);
    QFETCH(int, version);
    QFETCH(QString, problem);
    const Negotiation agreed = negotiate(offered);
    QCOMPARE(agreed.version, version);
    QVERIFY2(agreed.problem.contains(problem), qPrintable(agreed.problem));
}

void TestProtocol::aServerAnswersWithAVersionTheAppChecks()
{
    QCOMPARE(checkServerVersion({}).version, 1); // a server from before negotiation
    QCOMPARE(checkServerVersion("1").version, 1);
    const Negotiation newer = checkServerVersion("2");
    QCOMPARE(newer.version, 0);
    QVERIFY2(newer.problem.contains(s("update the app")), qPrintable(newer.problem));
    const Negotiation older = checkServerVersion("0");
    QCOMPARE(older.version, 0);
    QVERIFY2(older.problem.contains(s("update the server")), qPrintable(older.problem));
}

void TestProtocol::anOperationWithAnOpIdCanBeAnsweredOnItsOwn()
{
    QJsonObject memo = validOp(s("memo"));
    const auto refused = decodeOperation(memo);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(s("memo")) && refused.error().contains(s("update the server")), qPrintable(refused.error()));
    QCOMPARE(answerableOpId(memo), std::optional(s("01930000-0000-7000-8000-000000000001")));
    memo.insert(s("op_id"), s("../x"));
    QVERIFY(!answerableOpId(memo));
    memo.remove(s("op_id"));
    QVERIFY(!answerableOpId(memo));
}

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
