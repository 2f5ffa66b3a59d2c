// Issue 12, item 2: keys and values compared after NFKC and case folding, and the Japanese words
// the tool itself prints suggested (never accepted) for enum values. One case per mistake: the
// whole message in both languages and its position.
#include "core/fold.hpp"
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

namespace {

struct Mistake {
    std::string yaml;  ///< the plan
    std::string rule;
    maplan::SourcePos pos;
    std::string en;
    std::string ja;
};

void check_mistake(const Mistake& m) {
    INFO(m.yaml);
    auto findings = rules_test::validate(m.yaml);
    std::vector<const maplan::Finding*> hits;
    for (const auto& f : findings) {
        if (f.rule_id == m.rule) hits.push_back(&f);
    }
    REQUIRE(hits.size() == 1);
    INFO(hits[0]->pos.line << ":" << hits[0]->pos.column);
    CHECK(hits[0]->pos == m.pos);
    CHECK(hits[0]->message.en == m.en);
    CHECK(hits[0]->message.ja == m.ja);
}

std::string task_status(std::string_view status) {
    return plan(fmt::format("tasks:\n  - {{name: T, step: 2, roles: {{mk: 主担当}}, status: {}}}\n",
                            status));
}

}  // namespace

TEST_CASE("a full-width key gets did-you-mean with full-width", "[fold]") {
    check_mistake({"ma_plan: 1\nproject:\n  ｎａｍｅ: テスト\n  tool: eloqua\n",
                   "SCHEMA-001",
                   {3, 3},
                   "unknown key \"ｎａｍｅ\" in project; did you mean \"name\" (full-width)?",
                   "project に未知のキー「ｎａｍｅ」があります。「name」(全角) の誤りではありま"
                   "せんか?"});
}

TEST_CASE("a full-width key with a typo still gets the key", "[fold]") {
    check_mistake(
        {bare("ｇｏａｌ:\n  - {id: g1, statement: S}\n"),
         "SCHEMA-001",
         {3, 1},
         "unknown key \"ｇｏａｌ\" at the top level; did you mean \"goals\" (full-width)?",
         "最上位に未知のキー「ｇｏａｌ」があります。「goals」(全角) の誤りではあり"
         "ませんか?"});
}

TEST_CASE("a full-width enum value gets did-you-mean with full-width", "[fold]") {
    check_mistake({"ma_plan: 1\nproject: {name: P, tool: ＥＬＯＱＵＡ}\n",
                   "SCHEMA-005",
                   {2, 26},
                   "\"ＥＬＯＱＵＡ\" is not allowed for \"tool\"; did you mean \"eloqua\" "
                   "(full-width)?",
                   "「ＥＬＯＱＵＡ」は「tool」に使えません。「eloqua」(全角) の誤りではありません"
                   "か?"});
}

TEST_CASE("the status labels the tool prints are suggested", "[fold]") {
    struct Label {
        const char* written;
        const char* value;
        const char* en;
        const char* ja;
    };
    for (const Label& l :
         {Label{"未着手", "todo", "not started", "未着手"},
          Label{"進行中", "in_progress", "in progress", "進行中"},
          Label{"完了", "done", "done", "完了"}, Label{"保留", "blocked", "blocked", "停滞"},
          Label{"停滞", "blocked", "blocked", "停滞"},
          Label{"対象外", "not_applicable", "not applicable", "対象外"}}) {
        std::string w = l.written;
        check_mistake(
            {task_status(w),
             "SCHEMA-005",
             {10, 50},
             fmt::format("\"{}\" is not allowed for \"status\"; did you mean \"{}\" ({})?", w,
                         l.value, l.en),
             fmt::format("「{}」は「status」に使えません。「{}」({}) の誤りではありませんか?", w,
                         l.value, l.ja)});
    }
}

TEST_CASE("cadence sync encoding buying role and stakeholder kind words are suggested", "[fold]") {
    check_mistake({bare("reporting: {cadence: 毎月, owner: mk}\n"),
                   "SCHEMA-005",
                   {3, 22},
                   "\"毎月\" is not allowed for \"cadence\"; did you mean \"monthly\" (monthly)?",
                   "「毎月」は「cadence」に使えません。「monthly」(毎月) の誤りではありませんか?"});
    check_mistake({bare("data_sources:\n  - {id: crm, system: CRM, sync: 都度}\n"),
                   "SCHEMA-005",
                   {4, 34},
                   "\"都度\" is not allowed for \"sync\"; did you mean \"manual\" (manual import)?",
                   "「都度」は「sync」に使えません。「manual」(手動取り込み) の誤りではありません"
                   "か?"});
    check_mistake({bare("data_sources:\n  - {id: crm, system: CRM, encoding: Shift_JIS}\n"),
                   "SCHEMA-005",
                   {4, 38},
                   "\"Shift_JIS\" is not allowed for \"encoding\"; did you mean \"cp932\" (CP932 "
                   "(Shift_JIS as Excel writes it))?",
                   "「Shift_JIS」は「encoding」に使えません。「cp932」(CP932 (Excel の Shift_JIS)) "
                   "の誤りではありませんか?"});
    check_mistake(
        {bare("personas:\n  - {id: p, name: P, buying_role: 担当者}\n"),
         "SCHEMA-005",
         {4, 35},
         "\"担当者\" is not allowed for \"buying_role\"; did you mean \"person_in_charge\" "
         "(person in charge (selects products))?",
         "「担当者」は「buying_role」に使えません。「person_in_charge」(担当者 (製品選定)) "
         "の誤りではありませんか?"});
    check_mistake({bare("stakeholders:\n  - {id: it, name: 情シス, kind: IT}\n"),
                   "SCHEMA-005",
                   {4, 31},
                   "\"IT\" is not allowed for \"kind\"; did you mean \"internal_systems\" "
                   "(department governing internal systems (IT))?",
                   "「IT」は「kind」に使えません。「internal_systems」(社内システム管理部門 "
                   "(情報システム部)) の誤りではありませんか?"});
}

TEST_CASE("a full-width role letter gets did-you-mean with full-width", "[fold]") {
    check_mistake({plan("tasks:\n  - {name: T, step: 2, roles: {mk: Ａ}}\n"),
                   "SCHEMA-005",
                   {10, 36},
                   "unknown role label \"Ａ\"; did you mean \"A\" (full-width)?",
                   "役割ラベル「Ａ」は定義されていません。「A」(全角) の誤りではありませんか?"});
}

TEST_CASE("the documented values are still the only ones accepted", "[fold]") {
    // Check against false positives, and the round trip: what validate accepts is exactly the
    // value written, so status and checklist print it back unchanged.
    for (const char* status : {"todo", "in_progress", "done", "blocked", "not_applicable"}) {
        auto findings = rules_test::validate(task_status(status));
        CHECK(rules_test::lines_for(findings, "SCHEMA-005").empty());
    }
    auto findings = rules_test::validate(
        bare("data_sources:\n  - {id: crm, system: CRM, sync: monthly, encoding: cp932}\n"));
    CHECK(rules_test::lines_for(findings, "SCHEMA-005").empty());
    // An ordinary typo gets no full-width note, and an unrelated word no suggestion.
    CHECK(maplan::did_you_mean(maplan::guess_name("nmae", {"name", "tool"})).en ==
          "; did you mean \"name\"?");
    CHECK(maplan::did_you_mean(maplan::guess_name("予算", {"name", "tool"})).en.empty());
}

TEST_CASE("nfkc_casefold folds width and case", "[fold]") {
    CHECK(maplan::nfkc_casefold("ｎａｍｅ") == "name");
    CHECK(maplan::nfkc_casefold("ＮＡＭＥ") == "name");
    CHECK(maplan::nfkc_casefold("ｶﾅ") == "カナ");
    CHECK(maplan::nfkc_casefold("Shift_JIS") == "shift_jis");
    CHECK(maplan::nfkc_casefold("\xff") == "\xff");  // not UTF-8: unchanged
}
