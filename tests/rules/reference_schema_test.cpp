// Step 0: the file format (loader findings, SCHEMA-*) and references between entries (REF-*).
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

RULE_CASE("SCHEMA-001", bare("goal:\n  - {id: g1, statement: S}\n"),
          bare("goals:\n  - {id: g1, statement: S}\n"),
          "plan.yaml:3:1: error: unknown key \"goal\" at the top level; did you mean \"goals\"? "
          "[SCHEMA-001]")

RULE_CASE("SCHEMA-002", bare("goals: {id: g1}\n"), bare("goals: []\n"),
          "plan.yaml:3:8: error: \"goals\" must be a list, not a mapping [SCHEMA-002]")

RULE_CASE(
    "SCHEMA-003", bare("goals:\n  - {id: g1}\n"), bare("goals:\n  - {id: g1, statement: S}\n"),
    "plan.yaml:4:5: error: goals[0] is missing required key \"statement\" (the goal in words) "
    "[SCHEMA-003]")

RULE_CASE("SCHEMA-004", bare("budget:\n  operators: 1\n  operators: 2\n"),
          bare("budget:\n  operators: 1\n"),
          "plan.yaml:5:3: error: duplicate key \"operators\" (first at line 4); only the first is "
          "used [SCHEMA-004]")

RULE_CASE("SCHEMA-005", bare("consent: {policy: opt-in}\n"), bare("consent: {policy: opt_in}\n"),
          "plan.yaml:3:19: error: \"opt-in\" is not allowed for \"policy\"; did you mean "
          "\"opt_in\"? [SCHEMA-005]")

RULE_CASE("SCHEMA-006", bare("tasks:\n  - {name: T, step: 2, due: 2026-02-30}\n"),
          bare("tasks:\n  - {name: T, step: 2, due: 2026-02-28}\n"),
          "plan.yaml:4:29: error: \"2026-02-30\" in tasks[0].due is not a real date: February has "
          "no day 30 [SCHEMA-006]")

RULE_CASE("SCHEMA-007", "ma_plan: 2\nproject: {name: P, tool: eloqua, owner: mk}\n", bare(""),
          "plan.yaml:1:10: error: format version 2 is not supported; this ma-plan reads version 1 "
          "[SCHEMA-007]")

RULE_CASE("REF-001", plan("reporting: {cadence: monthly, owner: mk, audience: [sales]}\n"),
          plan("reporting: {cadence: monthly, owner: mk, audience: [sa]}\n"),
          "plan.yaml:9:53: error: \"sales\" in reporting.audience[0] is not a known stakeholder "
          "[REF-001]")

RULE_CASE(
    "REF-002",
    bare("segments: [{id: mfg, criteria: 製造業, target: true}]\n"
         "personas: [{id: p1, name: 担当者, segment: mgf}]\n"),
    bare("segments: [{id: mfg, criteria: 製造業, target: true}]\n"
         "personas: [{id: p1, name: 担当者, segment: mfg}]\n"),
    "plan.yaml:4:41: error: \"mgf\" in personas[0].segment is not a known segment; did you mean "
    "\"mfg\"? [REF-002]")

RULE_CASE("REF-003",
          bare("personas: [{id: p1, name: 担当者}]\n"
               "journey:\n"
               "  stages: [認知, 比較検討]\n"
               "  map:\n"
               "    p1:\n"
               "      検討: {wants: 比較表, content: [比較資料], channel: email}\n"),
          bare("personas: [{id: p1, name: 担当者}]\n"
               "journey:\n"
               "  stages: [認知, 比較検討]\n"
               "  map:\n"
               "    p1:\n"
               "      比較検討: {wants: 比較表, content: [比較資料], channel: email}\n"),
          "plan.yaml:8:7: warning: \"検討\" in journey.map.p1.検討 is not a known journey stage "
          "[REF-003]")

RULE_CASE("REF-004",
          bare("segments:\n"
               "  - {id: mfg, criteria: 製造業, target: true}\n"
               "  - {id: mfg, criteria: 製造業 (中堅)}\n"),
          bare("segments:\n"
               "  - {id: mfg, criteria: 製造業, target: true}\n"
               "  - {id: mfg-mid, criteria: 製造業 (中堅)}\n"),
          "plan.yaml:5:10: error: segments[1].id \"mfg\" is used twice (first at segments[0], line "
          "4) [REF-004]")

// Inline suppressions (rules/suppress.hpp) are findings of the pipeline too.

RULE_CASE("SUPPRESS-001",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line GOAL-005 the order is fine\n"
          "project: {name: P, tool: eloqua, owner: mk}\n",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line ROLE-005 the coordinator is appointed in January\n"
          "project: {name: P, tool: eloqua}\n",
          "plan.yaml:2:30: warning: suppression of GOAL-005 matches no finding on line 3 "
          "[SUPPRESS-001]")

RULE_CASE("SUPPRESS-002",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line\n"
          "project: {name: P, tool: eloqua}\n",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line ROLE-005 the coordinator is appointed in January\n"
          "project: {name: P, tool: eloqua}\n",
          "plan.yaml:2:1: error: \"disable-next-line\" names no rule to suppress [SUPPRESS-002]")

RULE_CASE("SUPPRESS-003",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line ROLE-005\n"
          "project: {name: P, tool: eloqua}\n",
          "ma_plan: 1\n"
          "# ma-plan: disable-next-line ROLE-005 the coordinator is appointed in January\n"
          "project: {name: P, tool: eloqua}\n",
          "plan.yaml:2:1: warning: suppression of ROLE-005 gives no reason [SUPPRESS-003]")

TEST_CASE("REF-001 and REF-004 count every item of the list including an unreadable one",
          "[rules][REF-001]") {
    // communications[0] is not a mapping (SCHEMA-003) and is missing from the model; the message
    // must still say [1] and [2], which is where the user looks.
    auto findings = rules_test::validate(
        rules_test::plan("communications:\n"
                         "  - 資料請求のお礼メール\n"
                         "  - {id: c1, stage: 認知, content: 事例, channel: email, owner: mk}\n"
                         "  - {id: c1, stage: 認知, content: 事例, channel: email, owner: mkt}\n"));
    std::vector<std::string> ref;
    for (const auto& f : findings) {
        if (f.rule_id == "REF-001" || f.rule_id == "REF-004")
            ref.push_back(
                fmt::format("{}:{} {} | {}", f.pos.line, f.pos.column, f.message.en, f.message.ja));
    }
    CHECK(ref ==
          std::vector<std::string>{
              "12:10 communications[2].id \"c1\" is used twice (first at "
              "communications[1], line 11) | communications[2].id の「c1」が重複しています "
              "(最初は communications[1]、11 行目)",
              "12:61 \"mkt\" in communications[2].owner is not a known stakeholder; did "
              "you mean \"mk\"? | communications[2].owner の「mkt」は定義されていないステーク"
              "ホルダーです。「mk」の誤りではありませんか?"});
}

TEST_CASE("REF-001 names the element of a list of IDs", "[rules][REF-001]") {
    auto findings = rules_test::validate(
        rules_test::plan("goals:\n"
                         "  - {id: g1, statement: 商談化率の向上, agreed_by: [mk, sa]}\n"
                         "  - {id: g2, statement: 受注の増加, agreed_by: [mk, sales]}\n"));
    CHECK(rules_test::lines_for(findings, "REF-001") ==
          std::vector<std::string>{"plan.yaml:11:48: error: \"sales\" in goals[1].agreed_by[1] is "
                                   "not a known stakeholder [REF-001]"});
}
