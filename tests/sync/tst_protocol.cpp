// The operation decoder: every member checked for type and size, known fields for their type.
#include "sync/protocol.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark::sync;

namespace {

QJsonObject validOp(const QString &kind = u"task"_s)
{
    return {{u"op_id"_s, u"01930000-0000-7000-8000-000000000001"_s}, {u"device"_s, u"laptop"_s}, {u"kind"_s, kind},
            {u"entity"_s, u"01930000-0000-7000-8000-000000000002"_s}, {u"fields"_s, QJsonObject{{u"title"_s, u"x"_s}}},
            {u"base_rev"_s, 3}, {u"hlc"_s, u"000001700000000-000000-laptop"_s}};
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
    QCOMPARE(op->fields.value(u"title"_s).toString(), u"x"_s);
    QCOMPARE(encodeOperation(*op), validOp());
}

void TestProtocol::knownFieldsMustHaveTheirType_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("title number") << u"task"_s << u"title"_s << QJsonValue(5) << false;
    QTest::newRow("title text") << u"task"_s << u"title"_s << QJsonValue(u"ok"_s) << true;
    QTest::newRow("priority 3") << u"task"_s << u"priority"_s << QJsonValue(3) << true;
    QTest::newRow("priority 4") << u"task"_s << u"priority"_s << QJsonValue(4) << false;
    QTest::newRow("priority 1.5") << u"task"_s << u"priority"_s << QJsonValue(1.5) << false;
    QTest::newRow("priority text") << u"task"_s << u"priority"_s << QJsonValue(u"high"_s) << false;
    QTest::newRow("due null") << u"task"_s << u"due"_s << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("due number") << u"task"_s << u"due"_s << QJsonValue(20261201) << false;
    QTest::newRow("tags words") << u"note"_s << u"tags"_s << QJsonValue(QJsonArray{u"a"_s, u"b"_s}) << true;
    QTest::newRow("tags numbers") << u"note"_s << u"tags"_s << QJsonValue(QJsonArray{1}) << false;
    QTest::newRow("tags text") << u"note"_s << u"tags"_s << QJsonValue(u"a,b"_s) << false;
    QTest::newRow("deleted text") << u"note"_s << u"deleted"_s << QJsonValue(u"yes"_s) << false;
    QTest::newRow("pinned bool") << u"note"_s << u"pinned"_s << QJsonValue(true) << true;
    QTest::newRow("collection name null") << u"collection"_s << u"name"_s << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("note sort_key is unknown to notes") << u"note"_s << u"sort_key"_s << QJsonValue(7) << true;
}

void TestProtocol::knownFieldsMustHaveTheirType()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, accepted);
    QJsonObject json = validOp(kind);
    json.insert(u"fields"_s, QJsonObject{{field, value}});
    const auto op = decodeOperation(json);
    QCOMPARE(op.has_value(), accepted);
    if (!accepted)
        QVERIFY2(op.error().contains(field), qPrintable(op.error()));
}

void TestProtocol::unknownFieldsPassUntouched()
{
    QJsonObject json = validOp(u"note"_s);
    json.insert(u"fields"_s, QJsonObject{{u"mood"_s, QJsonObject{{u"level"_s, 3}}}});
    const auto op = decodeOperation(json);
    QVERIFY(op);
    QCOMPARE(op->fields.value(u"mood"_s).toObject().value(u"level"_s).toInt(), 3);
}

void TestProtocol::resultsRoundTrip()
{
    const OpResult result{u"op"_s, OpResult::Status::Conflict, 9, {u"c1"_s, u"c2"_s}, {}};
    const auto decoded = decodeResult(encodeResult(result));
    QVERIFY(decoded);
    QCOMPARE(decoded->status, OpResult::Status::Conflict);
    QCOMPARE(decoded->conflicts, (QStringList{u"c1"_s, u"c2"_s}));
    QVERIFY(!decodeResult(QJsonObject{{u"op_id"_s, u"x"_s}, {u"status"_s, u"maybe"_s}}));
}

void TestProtocol::aFieldIsMeasuredInUtf8Bytes()
{
    const auto withBody = [](const QString &body) {
        QJsonObject json = validOp(u"note"_s);
        json.insert(u"fields"_s, QJsonObject{{u"body"_s, body}});
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
    QVERIFY2(cjk.error().contains(u"body"_s), qPrintable(cjk.error()));
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
    QTest::newRow("only newer") << QByteArray("2") << 0 << u"update the server"_s;
    QTest::newRow("only older") << QByteArray("0") << 0 << u"update the app"_s;
    QTest::newRow("unreadable") << QByteArray("one") << 0 << u"unreadable"_s;
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
    QVERIFY2(newer.problem.contains(u"update the app"_s), qPrintable(newer.problem));
    const Negotiation older = checkServerVersion("0");
    QCOMPARE(older.version, 0);
    QVERIFY2(older.problem.contains(u"update the server"_s), qPrintable(older.problem));
}

void TestProtocol::anOperationWithAnOpIdCanBeAnsweredOnItsOwn()
{
    QJsonObject memo = validOp(u"memo"_s);
    const auto refused = decodeOperation(memo);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"memo"_s) && refused.error().contains(u"update the server"_s), qPrintable(refused.error()));
    QCOMPARE(answerableOpId(memo), std::optional(u"01930000-0000-7000-8000-000000000001"_s));
    memo.insert(u"op_id"_s, u"../x"_s);
    QVERIFY(!answerableOpId(memo));
    memo.remove(u"op_id"_s);
    QVERIFY(!answerableOpId(memo));
}

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
