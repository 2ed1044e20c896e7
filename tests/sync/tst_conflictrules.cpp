// One test per row of docs/conflicts.md: the server's judgement of an operation that meets
// concurrent changes.
#include "sync/judgement.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace tidemark::sync;

namespace {

// A task the server has at revision 10, last changed at these HLCs; the operation is based on
// revision 5, when the fields had the `base` values.
struct Fixture
{
    OperationCase c;
    QJsonObject base;

    Fixture()
    {
        c.kind = u"task"_s;
        c.exists = true;
        c.baseRev = 5;
        c.hlc = u"000001700000000-000000-device-b"_s;
        c.current = {{u"title"_s, u"Call Anna"_s}, {u"notes"_s, u"line 1\nline 2\nline 3\n"_s},
                     {u"priority"_s, 1}, {u"tags"_s, QJsonArray{u"home"_s, u"phone"_s}},
                     {u"deleted"_s, false}, {u"sort_key"_s, u"V"_s}};
        base = c.current;
        for (const QString &field : c.current.keys())
            c.states.insert(field, {3, u"000001600000000-000000-device-a"_s});
        c.baseValue = [this](const QString &field) -> std::optional<QJsonValue> { return base.value(field); };
    }

    // The server changed `field` to `value` after the base, at `hlc`.
    void serverChanged(const QString &field, const QJsonValue &value, const QString &hlc = u"000001650000000-000000-device-a"_s)
    {
        c.current.insert(field, value);
        c.states.insert(field, {8, hlc});
    }
};

} // namespace

class TestConflictRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameValueOnBothSidesIsNoConflict();
    void differentFieldsBothApply();
    void sameScalarFieldLaterHlcWins();
    void sameScalarFieldTieBreaksByDevice();
    void sameScalarFieldAlwaysAskPolicyLeavesAConflict();
    void textEditsInDifferentPlacesMerge();
    void overlappingTextEditsConflict();
    void tagsMergeAddWins();
    void editOfADeletedEntityRestoresIt();
    void deleteOfAnEditedEntityLoses();
    void ownEarlierEditsNeverCollide();
    void ownMergedEditIsJudgedFromWhatItSent();
    void concurrentMovesLaterWinsSilently();
    void missingBaseKeepsBothValues();
    void createOfANewEntityApplies();
};

void TestConflictRules::sameValueOnBothSidesIsNoConflict()
{
    Fixture f;
    f.serverChanged(u"title"_s, u"Call Anna back"_s);
    f.c.incoming = {{u"title"_s, u"Call Anna back"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QVERIFY(v.changes.isEmpty());
    QVERIFY(v.decisions.isEmpty());
}

void TestConflictRules::differentFieldsBothApply()
{
    Fixture f;
    f.serverChanged(u"title"_s, u"Call Anna back"_s);
    f.c.incoming = {{u"priority"_s, 3}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QCOMPARE(v.changes, (QJsonObject{{u"priority"_s, 3}}));
    QVERIFY(v.decisions.isEmpty());
}

void TestConflictRules::sameScalarFieldLaterHlcWins()
{
    {
        Fixture f; // the operation is later: it wins, the server's value is logged as the loser
        f.serverChanged(u"title"_s, u"Server title"_s, u"000001650000000-000000-device-a"_s);
        f.c.incoming = {{u"title"_s, u"Incoming title"_s}};
        const auto v = judgeOperation(f.c);
        QCOMPARE(v.status, OperationVerdict::Status::Merged);
        QCOMPARE(v.changes.value(u"title"_s).toString(), u"Incoming title"_s);
        QCOMPARE(v.decisions.size(), 1);
        QCOMPARE(v.decisions.first().verdict.rule, u"scalar-later-wins"_s);
        QCOMPARE(v.decisions.first().verdict.outcome, FieldVerdict::Outcome::IncomingWins);
        QCOMPARE(v.decisions.first().current.toString(), u"Server title"_s);
    }
    {
        Fixture f; // the server's change is later: it stays, the incoming value is logged
        f.serverChanged(u"title"_s, u"Server title"_s, u"000001800000000-000000-device-a"_s);
        f.c.incoming = {{u"title"_s, u"Incoming title"_s}};
        const auto v = judgeOperation(f.c);
        QCOMPARE(v.status, OperationVerdict::Status::Merged);
        QVERIFY(!v.changes.contains(u"title"_s));
        QCOMPARE(v.decisions.first().verdict.outcome, FieldVerdict::Outcome::CurrentWins);
        QCOMPARE(v.decisions.first().incoming.toString(), u"Incoming title"_s);
    }
}

void TestConflictRules::sameScalarFieldTieBreaksByDevice()
{
    Fixture f;
    f.c.hlc = u"000001700000000-000000-device-b"_s;
    f.serverChanged(u"priority"_s, 2, u"000001700000000-000000-device-a"_s);
    f.c.incoming = {{u"priority"_s, 3}};
    QCOMPARE(judgeOperation(f.c).changes.value(u"priority"_s).toInt(), 3); // "device-b" > "device-a"
    f.c.hlc = u"000001700000000-000000-device-0"_s;
    QVERIFY(!judgeOperation(f.c).changes.contains(u"priority"_s));
}

void TestConflictRules::sameScalarFieldAlwaysAskPolicyLeavesAConflict()
{
    Fixture f;
    f.c.policies.insert(u"title"_s, FieldPolicy::AlwaysAsk);
    f.serverChanged(u"title"_s, u"Server title"_s);
    f.c.incoming = {{u"title"_s, u"Incoming title"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(!v.changes.contains(u"title"_s));
    QCOMPARE(v.decisions.first().verdict.rule, u"scalar-ask"_s);
    QCOMPARE(v.decisions.first().incoming.toString(), u"Incoming title"_s);
}

void TestConflictRules::textEditsInDifferentPlacesMerge()
{
    Fixture f;
    f.serverChanged(u"notes"_s, u"line 1 (server)\nline 2\nline 3\n"_s);
    f.c.incoming = {{u"notes"_s, u"line 1\nline 2\nline 3 (incoming)\n"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(u"notes"_s).toString(), u"line 1 (server)\nline 2\nline 3 (incoming)\n"_s);
    QCOMPARE(v.decisions.first().verdict.rule, u"text-merged"_s);
    QCOMPARE(v.decisions.first().base->toString(), u"line 1\nline 2\nline 3\n"_s);
}

void TestConflictRules::overlappingTextEditsConflict()
{
    Fixture f;
    f.serverChanged(u"notes"_s, u"line 1\nline 2 server\nline 3\n"_s);
    f.c.incoming = {{u"notes"_s, u"line 1\nline 2 incoming\nline 3\n"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(!v.changes.contains(u"notes"_s)); // the server's text stays
    QCOMPARE(v.decisions.first().verdict.rule, u"text-overlap"_s);
    QCOMPARE(v.decisions.first().incoming.toString(), u"line 1\nline 2 incoming\nline 3\n"_s);
    QCOMPARE(v.decisions.first().current.toString(), u"line 1\nline 2 server\nline 3\n"_s);
}

void TestConflictRules::tagsMergeAddWins()
{
    Fixture f; // base {home, phone}; the server added "urgent"; the operation removed "phone" and added "calls"
    f.serverChanged(u"tags"_s, QJsonArray{u"home"_s, u"phone"_s, u"urgent"_s});
    f.c.incoming = {{u"tags"_s, QJsonArray{u"calls"_s, u"home"_s}}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.changes.value(u"tags"_s).toArray(), (QJsonArray{u"calls"_s, u"home"_s, u"urgent"_s}));
    QCOMPARE(v.decisions.first().verdict.rule, u"tags-add-wins"_s);

    Fixture g; // the server removed "home" while the operation added it back: the add wins
    g.serverChanged(u"tags"_s, QJsonArray{u"phone"_s});
    g.base.insert(u"tags"_s, QJsonArray{u"phone"_s});
    g.c.incoming = {{u"tags"_s, QJsonArray{u"home"_s, u"phone"_s}}};
    QCOMPARE(judgeOperation(g.c).changes.value(u"tags"_s).toArray(), (QJsonArray{u"home"_s, u"phone"_s}));
}

void TestConflictRules::editOfADeletedEntityRestoresIt()
{
    Fixture f;
    f.serverChanged(u"deleted"_s, true);
    f.c.incoming = {{u"title"_s, u"Call Anna today"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(u"title"_s).toString(), u"Call Anna today"_s);
    QCOMPARE(v.changes.value(u"deleted"_s).toBool(), false);
    QCOMPARE(v.decisions.last().verdict.rule, u"edit-restores"_s);
}

void TestConflictRules::deleteOfAnEditedEntityLoses()
{
    Fixture f;
    f.serverChanged(u"notes"_s, u"line 1\nline 2\nline 3\nmore\n"_s);
    f.c.incoming = {{u"deleted"_s, true}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QVERIFY(!v.changes.contains(u"deleted"_s));
    QCOMPARE(v.decisions.last().verdict.rule, u"edit-beats-delete"_s);

    Fixture g; // nothing changed since the base: the delete simply applies
    g.c.incoming = {{u"deleted"_s, true}};
    const auto applied = judgeOperation(g.c);
    QCOMPARE(applied.status, OperationVerdict::Status::Applied);
    QCOMPARE(applied.changes.value(u"deleted"_s).toBool(), true);
}

void TestConflictRules::concurrentMovesLaterWinsSilently()
{
    Fixture f;
    f.serverChanged(u"sort_key"_s, u"a"_s, u"000001650000000-000000-device-a"_s);
    f.c.incoming = {{u"sort_key"_s, u"k"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied); // nothing for a person to see
    QCOMPARE(v.changes.value(u"sort_key"_s).toString(), u"k"_s);
    QCOMPARE(v.decisions.first().verdict.rule, u"order-later-wins"_s);
}

void TestConflictRules::missingBaseKeepsBothValues()
{
    Fixture f;
    f.c.baseValue = [](const QString &) { return std::optional<QJsonValue>(); }; // history thinned
    f.serverChanged(u"notes"_s, u"server text\n"_s);
    f.serverChanged(u"title"_s, u"Server title"_s);
    f.c.incoming = {{u"notes"_s, u"incoming text\n"_s}, {u"title"_s, u"Incoming title"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(v.changes.isEmpty());
    QCOMPARE(v.decisions.size(), 2);
    for (const auto &d : v.decisions) {
        QVERIFY(!d.base.has_value());
        QVERIFY(d.verdict.rule.endsWith(u"-no-base"_s));
    }
}

void TestConflictRules::createOfANewEntityApplies()
{
    OperationCase c;
    c.kind = u"note"_s;
    c.incoming = {{u"title"_s, u"New"_s}, {u"body"_s, u"text"_s}};
    const auto v = judgeOperation(c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QCOMPARE(v.changes, c.incoming);
}

void TestConflictRules::ownEarlierEditsNeverCollide()
{
    // The server's title, notes and tags were last changed by device-b itself (its previous
    // operation), after the revision this one is based on.
    Fixture f;
    const QString own = u"000001650000000-000000-device-b"_s;
    f.serverChanged(u"title"_s, u"Call Anna at 5"_s, own);
    f.serverChanged(u"notes"_s, u"line 1, first\nline 2\nline 3\n"_s, own);
    f.serverChanged(u"deleted"_s, true, own);
    f.c.incoming = {{u"title"_s, u"Call Anna at 6"_s}, {u"notes"_s, u"line 1, first and second\nline 2\nline 3\n"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QVERIFY(v.decisions.isEmpty()); // no event, and the Trash it chose stays
    QCOMPARE(v.changes, f.c.incoming);
    QVERIFY(v.own.contains(u"title"_s) && v.own.contains(u"notes"_s));
}

void TestConflictRules::ownMergedEditIsJudgedFromWhatItSent()
{
    // device-b's notes went in at revision 8 merged with device-a's last line; device-b then types
    // on in its first line without having seen device-a's part.
    Fixture f;
    f.serverChanged(u"notes"_s, u"line 1 b\nline 2\nline 3 a\n"_s, u"000001650000000-000000-device-b"_s);
    f.c.own.insert(u"notes"_s, {8, QJsonValue(u"line 1 b\nline 2\nline 3\n"_s), u"000001640000000-000000-device-a"_s});
    f.c.incoming = {{u"notes"_s, u"line 1 bb\nline 2\nline 3\n"_s}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(u"notes"_s).toString(), u"line 1 bb\nline 2\nline 3 a\n"_s);
    QCOMPARE(v.decisions.size(), 1);
    QCOMPARE(v.decisions.first().verdict.rule, u"text-merged"_s);
    QCOMPARE(v.decisions.first().currentHlc, u"000001640000000-000000-device-a"_s); // the other side is device-a
    QCOMPARE(v.own.value(u"notes"_s).sent, std::optional<QJsonValue>(f.c.incoming.value(u"notes"_s)));
}

QTEST_APPLESS_MAIN(TestConflictRules)
#include "tst_conflictrules.moc"
