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

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
