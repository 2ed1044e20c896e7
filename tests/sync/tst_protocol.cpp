// The operation decoder: every member checked for type and size, known fields for their type; and
// the pull codec (sync/changes.h) the same way, with its round trip.
#include "sync/changes.h"
#include "sync/protocol.h"

#include <QJsonArray>

#include <functional>
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

ConflictEvent validEvent()
{
    ConflictEvent event;
    event.id = u"01930000-0000-7000-8000-0000000000e1"_s;
    event.entity = u"01930000-0000-7000-8000-000000000002"_s;
    event.kind = u"task"_s;
    event.field = u"title"_s;
    event.rule = u"three_way_merge"_s;
    event.status = u"settled"_s;
    event.outcome = u"merged"_s;
    event.incoming = u"milk and eggs"_s;
    event.current = u"milk and bread"_s;
    event.base = QJsonValue(u"milk"_s);
    event.device = u"phone"_s;
    event.at = 1700000000123;
    event.rev = 41;
    event.opId = u"01930000-0000-7000-8000-0000000000f1"_s;
    event.incomingHlc = u"000001700000000-000000-phone"_s;
    event.currentHlc = u"000001699999000-000003-laptop"_s;
    return event;
}

ChangesPage validPage()
{
    ChangesPage page;
    Change note;
    note.id = u"01930000-0000-7000-8000-000000000003"_s;
    note.kind = u"note"_s;
    note.rev = 40;
    note.fields = QJsonObject{{u"title"_s, u"Groceries"_s}, {u"body"_s, u"milk"_s}, {u"pinned"_s, QJsonValue::Null}};
    note.device = u"laptop"_s;
    note.at = 1700000000000;
    Change thinned;
    thinned.id = u"01930000-0000-7000-8000-000000000004"_s;
    thinned.kind = u"task"_s;
    thinned.rev = 41;
    thinned.fields = QJsonObject{{u"done"_s, true}};
    page.changes = {note, thinned};
    page.conflicts = {validEvent()};
    page.devices = {{u"laptop"_s, u"Work laptop"_s}, {u"phone"_s, u"Phone"_s}};
    page.cursor = 41;
    page.hasMore = true;
    page.snapshot = true;
    page.next = SnapshotPosition{.rev = 41, .after = note.id};
    return page;
}

/// `page`'s JSON with `mutate` applied, decoded.
std::expected<ChangesPage, QString> decodeMutated(const std::function<void(QJsonObject &)> &mutate)
{
    QJsonObject json = encodePage(validPage());
    mutate(json);
    return decodePage(json);
}

/// `json[list][index]` with `member` set to `value` (removed when undefined).
void setIn(QJsonObject &json, const QString &list, qsizetype index, const QString &member, const QJsonValue &value)
{
    QJsonArray array = json.value(list).toArray();
    QJsonObject entry = array.at(index).toObject();
    if (value.isUndefined())
        entry.remove(member);
    else
        entry.insert(member, value);
    array.replace(index, entry);
    json.insert(list, array);
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

    void aPageRoundTrips();
    void aPageWithoutOptionalMembersRoundTrips();
    void everyPageMemberHasItsType_data();
    void everyPageMemberHasItsType();
    void unknownPullMembersAreKept();
    void aNewerKindsFieldsPassUnjudged();
    void hostilePagesAreRefusedWithAReason_data();
    void hostilePagesAreRefusedWithAReason();
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

void TestProtocol::aPageRoundTrips()
{
    const ChangesPage page = validPage();
    const QJsonObject json = encodePage(page);
    // The wire form is the documented one (docs/protocol.md, "Pull").
    QCOMPARE(json.value(u"has_more"_s), QJsonValue(true));
    QCOMPARE(json.value(u"next"_s).toObject().value(u"snapshot"_s), QJsonValue(41));
    const QJsonObject event = json.value(u"conflicts"_s).toArray().at(0).toObject();
    QCOMPARE(event.value(u"incoming_hlc"_s), QJsonValue(u"000001700000000-000000-phone"_s));
    QCOMPARE(event.value(u"base"_s), QJsonValue(u"milk"_s));
    const QJsonObject thinned = json.value(u"changes"_s).toArray().at(1).toObject();
    QVERIFY(!thinned.contains(u"device"_s) && !thinned.contains(u"at"_s));

    const auto decoded = decodePage(json);
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QCOMPARE(*decoded, page);
    QCOMPARE(encodePage(*decoded), json);
}

void TestProtocol::aPageWithoutOptionalMembersRoundTrips()
{
    ChangesPage page;
    page.cursor = 7;
    ConflictEvent decision = validEvent();
    decision.base.reset();
    decision.rule = u"resolution"_s;
    decision.status = u"resolved"_s;
    decision.settles = u"01930000-0000-7000-8000-0000000000e0"_s;
    decision.currentHlc.clear();
    decision.opId.clear();
    decision.incoming = QJsonValue::Null; // a choice of "no value" is a value
    page.conflicts = {decision};
    const auto decoded = decodePage(encodePage(page));
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QCOMPARE(*decoded, page);
    QVERIFY(!decoded->conflicts.at(0).base.has_value());
    QVERIFY(!encodePage(page).contains(u"next"_s));

    // The smallest page a server can send: a cursor alone.
    const auto bare = decodePage(QJsonObject{{u"cursor"_s, 0}});
    QVERIFY2(bare, qPrintable(bare.error()));
    QVERIFY(bare->changes.isEmpty() && !bare->hasMore && !bare->snapshot && !bare->next);
}

void TestProtocol::everyPageMemberHasItsType_data()
{
    QTest::addColumn<QString>("list"); // "" for the page itself, "next" for its continuation
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected"); // a part of the error

    const QJsonValue text(u"x"_s);
    const QJsonValue number(3);
    const QJsonValue list{QJsonArray{}};
    const QJsonValue object{QJsonObject{}};
    QTest::newRow("cursor as text") << QString() << u"cursor"_s << text << u"'cursor' must be a whole number"_s;
    QTest::newRow("cursor missing") << QString() << u"cursor"_s << QJsonValue(QJsonValue::Undefined) << u"'cursor'"_s;
    QTest::newRow("has_more as number") << QString() << u"has_more"_s << number << u"'has_more' must be true or false"_s;
    QTest::newRow("snapshot as text") << QString() << u"snapshot"_s << text << u"'snapshot' must be true or false"_s;
    QTest::newRow("changes as object") << QString() << u"changes"_s << object << u"'changes' must be a list"_s;
    QTest::newRow("conflicts as text") << QString() << u"conflicts"_s << text << u"'conflicts' must be a list"_s;
    QTest::newRow("devices as list") << QString() << u"devices"_s << list << u"'devices' must be an object"_s;
    QTest::newRow("next as list") << QString() << u"next"_s << list << u"'next': it must be an object"_s;

    QTest::newRow("change id as number") << u"changes"_s << u"id"_s << number << u"change 1: 'id' must be text"_s;
    QTest::newRow("change id empty") << u"changes"_s << u"id"_s << QJsonValue(QString()) << u"change 1: 'id'"_s;
    QTest::newRow("change kind missing") << u"changes"_s << u"kind"_s << QJsonValue(QJsonValue::Undefined) << u"change 1: 'kind'"_s;
    QTest::newRow("change rev as text") << u"changes"_s << u"rev"_s << text << u"change 1: 'rev' must be a whole number"_s;
    QTest::newRow("change fields as list") << u"changes"_s << u"fields"_s << list << u"change 1: 'fields' must be an object"_s;
    QTest::newRow("change device as number") << u"changes"_s << u"device"_s << number << u"change 1: 'device'"_s;
    QTest::newRow("change at as text") << u"changes"_s << u"at"_s << text << u"change 1: 'at' must be a whole number"_s;
    QTest::newRow("change field of wrong type") << u"changes"_s << u"fields"_s
                                                << QJsonValue(QJsonObject{{u"title"_s, 5}}) << u"title"_s;

    for (const char *member : {"id", "entity", "kind", "field", "rule", "status", "outcome", "device", "settles",
                               "op_id", "incoming_hlc", "current_hlc"}) {
        QTest::addRow("event %s as number", member) << u"conflicts"_s << QString::fromLatin1(member) << number
                                                    << u"conflict event 1: '%1'"_s.arg(QLatin1StringView(member));
    }
    QTest::newRow("event at as text") << u"conflicts"_s << u"at"_s << text << u"conflict event 1: 'at' must be a whole number"_s;
    QTest::newRow("event rev negative") << u"conflicts"_s << u"rev"_s << QJsonValue(-1) << u"conflict event 1: 'rev'"_s;
    QTest::newRow("event incoming missing") << u"conflicts"_s << u"incoming"_s << QJsonValue(QJsonValue::Undefined)
                                            << u"conflict event 1: 'incoming' is missing"_s;
    QTest::newRow("event current missing") << u"conflicts"_s << u"current"_s << QJsonValue(QJsonValue::Undefined)
                                           << u"conflict event 1: 'current' is missing"_s;

    QTest::newRow("next snapshot as text") << u"next"_s << u"snapshot"_s << text << u"'next': 'snapshot' must be a whole number"_s;
    QTest::newRow("next without after") << u"next"_s << u"after"_s << QJsonValue(QJsonValue::Undefined) << u"'next': 'after'"_s;
}

void TestProtocol::everyPageMemberHasItsType()
{
    QFETCH(QString, list);
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const auto decoded = decodeMutated([&](QJsonObject &json) {
        if (list.isEmpty()) {
            if (value.isUndefined())
                json.remove(member);
            else
                json.insert(member, value);
        } else if (list == "next"_L1) {
            QJsonObject next = json.value(list).toObject();
            if (value.isUndefined())
                next.remove(member);
            else
                next.insert(member, value);
            json.insert(list, next);
        } else {
            setIn(json, list, 0, member, value);
        }
    });
    QVERIFY2(!decoded, "a page with a member of the wrong type was taken");
    QVERIFY2(decoded.error().contains(expected), qPrintable(decoded.error()));
}

void TestProtocol::unknownPullMembersAreKept()
{
    QJsonObject json = encodePage(validPage());
    json.insert(u"scope"_s, QJsonObject{{u"collections"_s, QJsonArray{u"c1"_s}}});
    setIn(json, u"changes"_s, 0, u"stream"_s, u"shared-1"_s);
    setIn(json, u"conflicts"_s, 0, u"person"_s, u"anna"_s);
    const auto decoded = decodePage(json);
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QCOMPARE(decoded->unknown.value(u"scope"_s).toObject().value(u"collections"_s).toArray().at(0), QJsonValue(u"c1"_s));
    QCOMPARE(decoded->changes.at(0).unknown, QJsonObject({{u"stream"_s, u"shared-1"_s}}));
    QCOMPARE(decoded->conflicts.at(0).unknown, QJsonObject({{u"person"_s, u"anna"_s}}));
    // and written back as they came
    QCOMPARE(encodePage(*decoded), json);

    // An unknown member never overrides a known one.
    ChangesPage page = validPage();
    page.changes[0].unknown.insert(u"rev"_s, 999);
    QCOMPARE(encodePage(page).value(u"changes"_s).toArray().at(0).toObject().value(u"rev"_s), QJsonValue(40));
}

void TestProtocol::aNewerKindsFieldsPassUnjudged()
{
    const auto decoded = decodeMutated([](QJsonObject &json) {
        setIn(json, u"changes"_s, 0, u"kind"_s, u"memo"_s);
        setIn(json, u"changes"_s, 0, u"fields"_s, QJsonObject{{u"title"_s, 5}, {u"audio"_s, QJsonArray{1, 2}}});
    });
    QVERIFY2(decoded, qPrintable(decoded.error()));
    QCOMPARE(decoded->changes.at(0).kind, u"memo"_s);
    QCOMPARE(decoded->changes.at(0).fields.value(u"title"_s), QJsonValue(5));
}

void TestProtocol::hostilePagesAreRefusedWithAReason_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("expected");

    const QJsonObject valid = encodePage(validPage());
    auto with = [&](const std::function<void(QJsonObject &)> &mutate) {
        QJsonObject json = valid;
        mutate(json);
        return json;
    };
    QTest::newRow("a change that is not an object")
        << with([](QJsonObject &j) { j.insert(u"changes"_s, QJsonArray{QJsonObject{}, 5}); }) << u"change 1:"_s;
    QTest::newRow("a second change that is text")
        << with([&](QJsonObject &j) {
               j.insert(u"changes"_s, QJsonArray{valid.value(u"changes"_s).toArray().at(0), u"x"_s});
           })
        << u"change 2: it must be an object"_s;
    QTest::newRow("an event that is null")
        << with([](QJsonObject &j) { j.insert(u"conflicts"_s, QJsonArray{QJsonValue::Null}); })
        << u"conflict event 1: it must be an object"_s;
    QTest::newRow("a fractional rev")
        << with([](QJsonObject &j) { setIn(j, u"changes"_s, 0, u"rev"_s, 1.5); }) << u"'rev' must be a whole number"_s;
    QTest::newRow("a negative cursor") << with([](QJsonObject &j) { j.insert(u"cursor"_s, -4); }) << u"'cursor'"_s;
    QTest::newRow("a cursor beyond 2^53")
        << with([](QJsonObject &j) { j.insert(u"cursor"_s, 1e300); }) << u"'cursor' must be a whole number"_s;
    QTest::newRow("a huge id")
        << with([](QJsonObject &j) { setIn(j, u"changes"_s, 0, u"id"_s, QString(100000, u'a')); })
        << u"change 1: 'id' must be text of 1 to 64 characters"_s;
    QTest::newRow("a device name that is a number")
        << with([](QJsonObject &j) { j.insert(u"devices"_s, QJsonObject{{u"phone"_s, 3}}); }) << u"'devices'"_s;
    QTest::newRow("a device name of a megabyte")
        << with([](QJsonObject &j) { j.insert(u"devices"_s, QJsonObject{{u"phone"_s, QString(1 << 20, u'x')}}); })
        << u"'devices'"_s;
    QTest::newRow("a huge rule name")
        << with([](QJsonObject &j) { setIn(j, u"conflicts"_s, 0, u"rule"_s, QString(5000, u'r')); })
        << u"conflict event 1: 'rule'"_s;
}

void TestProtocol::hostilePagesAreRefusedWithAReason()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, expected);
    const auto decoded = decodePage(json);
    QVERIFY2(!decoded, "a hostile page was taken");
    QVERIFY2(decoded.error().contains(expected), qPrintable(decoded.error()));
}

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
