// One test per row of docs/conflicts.md: the server's judgement of an operation that meets
// concurrent changes.
#include "sync/judgement.h"

#include <QJsonArray>
#include <QTest>

using namespace tidemark::sync;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

// A task the server has at revision 10, last changed at these HLCs; the operation is based on
// revision 5, when the fields had the `base` values.
struct Fixture
{
    OperationCase c;
    QJsonObject base;

    Fixture()
    {
        c.kind = s("task");
        c.exists = true;
        c.baseRev = 5;
        c.hlc = s("000001700000000-000000-device-b");
        c.current = {{s("title"), s("Call Anna")}, {s("notes"), s("line 1\nline 2\nline 3\n")},
                     {s("priority"), 1}, {s("tags"), QJsonArray{s("home"), s("phone")}},
                     {s("deleted"), false}, {s("sort_key"), s("V")}};
        base = c.current;
        for (const QString &field : c.current.keys())
            c.states.insert(field, {3, s("000001600000000-000000-device-a")});
        c.baseValue = [this](const QString &field) -> std::optional<QJsonValue> { return base.value(field); };
    }

    // The server changed `field` to `value` after the base, at `hlc`.
    void serverChanged(const QString &field, const QJsonValue &value, const QString &hlc = s("000001650000000-000000-device-a"))
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
    f.serverChanged(s("title"), s("Call Anna back"));
    f.c.incoming = {{s("title"), s("Call Anna back")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QVERIFY(v.changes.isEmpty());
    QVERIFY(v.decisions.isEmpty());
}

void TestConflictRules::differentFieldsBothApply()
{
    Fixture f;
    f.serverChanged(s("title"), s("Call Anna back"));
    f.c.incoming = {{s("priority"), 3}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QCOMPARE(v.changes, (QJsonObject{{s("priority"), 3}}));
    QVERIFY(v.decisions.isEmpty());
}

void TestConflictRules::sameScalarFieldLaterHlcWins()
{
    {
        Fixture f; // the operation is later: it wins, the server's value is logged as the loser
        f.serverChanged(s("title"), s("Server title"), s("000001650000000-000000-device-a"));
        f.c.incoming = {{s("title"), s("Incoming title")}};
        const auto v = judgeOperation(f.c);
        QCOMPARE(v.status, OperationVerdict::Status::Merged);
        QCOMPARE(v.changes.value(s("title")).toString(), s("Incoming title"));
        QCOMPARE(v.decisions.size(), 1);
        QCOMPARE(v.decisions.first().verdict.rule, s("scalar-later-wins"));
        QCOMPARE(v.decisions.first().verdict.outcome, FieldVerdict::Outcome::IncomingWins);
        QCOMPARE(v.decisions.first().current.toString(), s("Server title"));
    }
    {
        Fixture f; // the server's change is later: it stays, the incoming value is logged
        f.serverChanged(s("title"), s("Server title"), s("000001800000000-000000-device-a"));
        f.c.incoming = {{s("title"), s("Incoming title")}};
        const auto v = judgeOperation(f.c);
        QCOMPARE(v.status, OperationVerdict::Status::Merged);
        QVERIFY(!v.changes.contains(s("title")));
        QCOMPARE(v.decisions.first().verdict.outcome, FieldVerdict::Outcome::CurrentWins);
        QCOMPARE(v.decisions.first().incoming.toString(), s("Incoming title"));
    }
}

void TestConflictRules::sameScalarFieldTieBreaksByDevice()
{
    Fixture f;
    f.c.hlc = s("000001700000000-000000-device-b");
    f.serverChanged(s("priority"), 2, s("000001700000000-000000-device-a"));
    f.c.incoming = {{s("priority"), 3}};
    QCOMPARE(judgeOperation(f.c).changes.value(s("priority")).toInt(), 3); // "device-b" > "device-a"
    f.c.hlc = s("000001700000000-000000-device-0");
    QVERIFY(!judgeOperation(f.c).changes.contains(s("priority")));
}

void TestConflictRules::sameScalarFieldAlwaysAskPolicyLeavesAConflict()
{
    Fixture f;
    f.c.policies.insert(s("title"), FieldPolicy::AlwaysAsk);
    f.serverChanged(s("title"), s("Server title"));
    f.c.incoming = {{s("title"), s("Incoming title")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(!v.changes.contains(s("title")));
    QCOMPARE(v.decisions.first().verdict.rule, s("scalar-ask"));
    QCOMPARE(v.decisions.first().incoming.toString(), s("Incoming title"));
}

void TestConflictRules::textEditsInDifferentPlacesMerge()
{
    Fixture f;
    f.serverChanged(s("notes"), s("line 1 (server)\nline 2\nline 3\n"));
    f.c.incoming = {{s("notes"), s("line 1\nline 2\nline 3 (incoming)\n")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(s("notes")).toString(), s("line 1 (server)\nline 2\nline 3 (incoming)\n"));
    QCOMPARE(v.decisions.first().verdict.rule, s("text-merged"));
    QCOMPARE(v.decisions.first().base->toString(), s("line 1\nline 2\nline 3\n"));
}

void TestConflictRules::overlappingTextEditsConflict()
{
    Fixture f;
    f.serverChanged(s("notes"), s("line 1\nline 2 server\nline 3\n"));
    f.c.incoming = {{s("notes"), s("line 1\nline 2 incoming\nline 3\n")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(!v.changes.contains(s("notes"))); // the server's text stays
    QCOMPARE(v.decisions.first().verdict.rule, s("text-overlap"));
    QCOMPARE(v.decisions.first().incoming.toString(), s("line 1\nline 2 incoming\nline 3\n"));
    QCOMPARE(v.decisions.first().current.toString(), s("line 1\nline 2 server\nline 3\n"));
}

void TestConflictRules::tagsMergeAddWins()
{
    Fixture f; // base {home, phone}; the server added "urgent"; the operation removed "phone" and added "calls"
    f.serverChanged(s("tags"), QJsonArray{s("home"), s("phone"), s("urgent")});
    f.c.incoming = {{s("tags"), QJsonArray{s("calls"), s("home")}}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.changes.value(s("tags")).toArray(), (QJsonArray{s("calls"), s("home"), s("urgent")}));
    QCOMPARE(v.decisions.first().verdict.rule, s("tags-add-wins"));

    Fixture g; // the server removed "home" while the operation added it back: the add wins
    g.serverChanged(s("tags"), QJsonArray{s("phone")});
    g.base.insert(s("tags"), QJsonArray{s("phone")});
    g.c.incoming = {{s("tags"), QJsonArray{s("home"), s("phone")}}};
    QCOMPARE(judgeOperation(g.c).changes.value(s("tags")).toArray(), (QJsonArray{s("home"), s("phone")}));
}

void TestConflictRules::editOfADeletedEntityRestoresIt()
{
    Fixture f;
    f.serverChanged(s("deleted"), true);
    f.c.incoming = {{s("title"), s("Call Anna today")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(s("title")).toString(), s("Call Anna today"));
    QCOMPARE(v.changes.value(s("deleted")).toBool(), false);
    QCOMPARE(v.decisions.last().verdict.rule, s("edit-restores"));
}

void TestConflictRules::deleteOfAnEditedEntityLoses()
{
    Fixture f;
    f.serverChanged(s("notes"), s("line 1\nline 2\nline 3\nmore\n"));
    f.c.incoming = {{s("deleted"), true}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QVERIFY(!v.changes.contains(s("deleted")));
    QCOMPARE(v.decisions.last().verdict.rule, s("edit-beats-delete"));

    Fixture g; // nothing changed since the base: the delete simply applies
    g.c.incoming = {{s("deleted"), true}};
    const auto applied = judgeOperation(g.c);
    QCOMPARE(applied.status, OperationVerdict::Status::Applied);
    QCOMPARE(applied.changes.value(s("deleted")).toBool(), true);
}

void TestConflictRules::concurrentMovesLaterWinsSilently()
{
    Fixture f;
    f.serverChanged(s("sort_key"), s("a"), s("000001650000000-000000-device-a"));
    f.c.incoming = {{s("sort_key"), s("k")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied); // nothing for a person to see
    QCOMPARE(v.changes.value(s("sort_key")).toString(), s("k"));
    QCOMPARE(v.decisions.first().verdict.rule, s("order-later-wins"));
}

void TestConflictRules::missingBaseKeepsBothValues()
{
    Fixture f;
    f.c.baseValue = [](const QString &) { return std::optional<QJsonValue>(); }; // history thinned
    f.serverChanged(s("notes"), s("server text\n"));
    f.serverChanged(s("title"), s("Server title"));
    f.c.incoming = {{s("notes"), s("incoming text\n")}, {s("title"), s("Incoming title")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Conflict);
    QVERIFY(v.changes.isEmpty());
    QCOMPARE(v.decisions.size(), 2);
    for (const auto &d : v.decisions) {
        QVERIFY(!d.base.has_value());
        QVERIFY(d.verdict.rule.endsWith(s("-no-base")));
    }
}

void TestConflictRules::createOfANewEntityApplies()
{
    OperationCase c;
    c.kind = s("note");
    c.incoming = {{s("title"), s("New")}, {s("body"), s("text")}};
    const auto v = judgeOperation(c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QCOMPARE(v.changes, c.incoming);
}

void TestConflictRules::ownEarlierEditsNeverCollide()
{
    // The server's title, notes and tags were last changed by device-b itself (its previous
    // operation), after the revision this one is based on.
    Fixture f;
    const QString own = s("000001650000000-000000-device-b");
    f.serverChanged(s("title"), s("Call Anna at 5"), own);
    f.serverChanged(s("notes"), s("line 1, first\nline 2\nline 3\n"), own);
    f.serverChanged(s("deleted"), true, own);
    f.c.incoming = {{s("title"), s("Call Anna at 6")}, {s("notes"), s("line 1, first and second\nline 2\nline 3\n")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Applied);
    QVERIFY(v.decisions.isEmpty()); // no event, and the Trash it chose stays
    QCOMPARE(v.changes, f.c.incoming);
    QVERIFY(v.own.contains(s("title")) && v.own.contains(s("notes")));
}

void TestConflictRules::ownMergedEditIsJudgedFromWhatItSent()
{
    // device-b's notes went in at revision 8 merged with device-a's last line; device-b then types
    // on in its first line without having seen device-a's part.
    Fixture f;
    f.serverChanged(s("notes"), s("line 1 b\nline 2\nline 3 a\n"), s("000001650000000-000000-device-b"));
    f.c.own.insert(s("notes"), {8, QJsonValue(s("line 1 b\nline 2\nline 3\n")), s("000001640000000-000000-device-a")});
    f.c.incoming = {{s("notes"), s("line 1 bb\nline 2\nline 3\n")}};
    const auto v = judgeOperation(f.c);
    QCOMPARE(v.status, OperationVerdict::Status::Merged);
    QCOMPARE(v.changes.value(s("notes")).toString(), s("line 1 bb\nline 2\nline 3 a\n"));
    QCOMPARE(v.decisions.size(), 1);
    QCOMPARE(v.decisions.first().verdict.rule, s("text-merged"));
    QCOMPARE(v.decisions.first().currentHlc, s("000001640000000-000000-device-a")); // the other side is device-a
    QCOMPARE(v.own.value(s("notes")).sent, std::optional<QJsonValue>(f.c.incoming.value(s("notes"))));
}

QTEST_APPLESS_MAIN(TestConflictRules)
#include "tst_conflictrules.moc"
