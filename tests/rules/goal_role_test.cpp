// Steps 1 and 2: goals, lifecycle and funnel; stakeholders and the role matrix.
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

// ----- step 1 -----

RULE_CASE("GOAL-001", bare(""), bare("goals:\n  - {id: g1, statement: S}\n"),
          "plan.yaml:1:1: warning: the plan has no goals: nothing says what the rollout must "
          "achieve [GOAL-001]")

RULE_CASE("GOAL-002", plan("goals:\n  - {id: g1, statement: S, agreed_by: [mk, sa]}\n"),
          plan("goals:\n"
               "  - id: g1\n"
               "    statement: S\n"
               "    kpi: {metric: SQL, target: 10, period: 2027-H1}\n"),
          "plan.yaml:10:5: warning: goal \"g1\" has no KPI (metric, target and period) [GOAL-002]")

RULE_CASE("GOAL-003",
          plan("goals:\n"
               "  - {id: g1, statement: S, agreed_by: [mk]}\n"
               "  - {id: g2, statement: S, agreed_by: [it, lg]}\n"
               "  - {id: g3, statement: S}\n"),
          // Inside sales speaks for the sales side.
          plan("goals:\n  - {id: g1, statement: S, agreed_by: [mk, is]}\n"),
          "plan.yaml:10:40: warning: goal \"g1\" is not agreed by sales [GOAL-003]",
          "plan.yaml:11:40: warning: goal \"g2\" is not agreed by marketing or sales [GOAL-003]",
          "plan.yaml:12:5: warning: goal \"g3\" is not agreed by marketing and sales (agreed_by "
          "is empty) [GOAL-003]")

RULE_CASE("GOAL-004", bare("lifecycle: [inquiry, mql]\n"), bare("lifecycle: [inquiry, mql, sql]\n"),
          "plan.yaml:3:12: warning: the lead lifecycle has no \"sql\" stage [GOAL-004]")

TEST_CASE("GOAL-004 reports a missing lifecycle once / at the top", "[rule]") {
    auto findings = rules_test::validate(bare(""));
    CHECK(rules_test::lines_for(findings, "GOAL-004") ==
          std::vector<std::string>{"plan.yaml:1:1: warning: the plan has no lead lifecycle: MQL "
                                   "and SQL are not defined [GOAL-004]"});
}

RULE_CASE("GOAL-005", bare("lifecycle: [inquiry, sql, mql, won]\n"),
          // Custom stages between the well-known ones are allowed anywhere.
          bare("lifecycle: [inquiry, nurture, mql, sal, sql, negotiation, won]\n"),
          "plan.yaml:3:27: error: lifecycle stage \"mql\" comes after \"sql\"; the order is "
          "inquiry → mql → sal → sql → won [GOAL-005]")

RULE_CASE("GOAL-006",
          bare("lifecycle:\n"
               "  - inquiry\n"
               "  - mql:\n"
               "      definition: score ≥ 60\n"
               "  - sql\n"),
          bare("lifecycle:\n"
               "  - inquiry\n"
               "  - mql: {definition: score ≥ 60}\n"
               "  - sql: {definition: 見積依頼を受けた}\n"),
          "plan.yaml:7:5: warning: lifecycle stage \"sql\" has no written definition [GOAL-006]")

RULE_CASE("GOAL-007",
          bare("lifecycle:\n"
               "  - inquiry\n"
               "  - mql: {definition: D, conversion_rate: 0.4}\n"
               "  - sql: {definition: D, conversion_rate: 0.05}\n"
               "  - won: {definition: D, conversion_rate: 0.25}\n"),
          bare("lifecycle:\n"
               "  - inquiry\n"
               "  - mql: {definition: D, conversion_rate: 0.2}\n"
               "  - sal: {definition: D, conversion_rate: 0.7}\n"
               "  - sql: {definition: D, conversion_rate: 0.3}\n"
               "  - custom: {conversion_rate: 0.99}\n"),
          "plan.yaml:5:43: warning: assumed conversion inquiry → mql of 40% is outside the usual "
          "10%–25% [GOAL-007]",
          "plan.yaml:6:43: warning: assumed conversion mql → sql of 5% is outside the usual "
          "10%–50% [GOAL-007]")

RULE_CASE("GOAL-008",
          bare("goals:\n"
               "  - id: g-sql\n"
               "    statement: S\n"
               "    kpi: {metric: SQL count, target: 100, period: FY2027}\n"
               "  - id: g-mql\n"
               "    statement: S\n"
               "    kpi: {metric: MQLs, target: 500, period: FY2027}\n"
               "lifecycle:\n"
               "  - mql: {definition: D}\n"
               "  - sql: {definition: D, conversion_rate: 0.24}\n"
               "  - won: {definition: D, conversion_rate: 0.25}\n"
               "romi: {revenue_target_jpy: 90000000, average_deal_jpy: 3000000}\n"),
          // 90M ÷ 3M = 30 deals; ÷ 0.25 = 120 SQL; ÷ 0.24 = 500 MQL: both targets suffice.
          bare("goals:\n"
               "  - id: g-sql\n"
               "    statement: S\n"
               "    kpi: {metric: SQL件数, target: 120, period: FY2027}\n"
               "  - id: g-mql\n"
               "    statement: S\n"
               "    kpi: {metric: MQL件数, target: 500, period: FY2027}\n"
               "lifecycle:\n"
               "  - mql: {definition: D}\n"
               "  - sql: {definition: D, conversion_rate: 0.24}\n"
               "  - won: {definition: D, conversion_rate: 0.25}\n"
               "romi: {revenue_target_jpy: 90000000, average_deal_jpy: 3000000}\n"),
          "plan.yaml:6:38: info: goal \"g-sql\" targets 100 for \"SQL count\", but 30 deals of "
          "3000000 yen at the lifecycle's conversion rates need about 120 SQL [GOAL-008]")

RULE_CASE("GOAL-009", bare("goals:\n  - {id: g1, statement: S}\n"),
          bare("problems: [展示会リードの8割が放置されている]\n"),
          "plan.yaml:4:5: info: the plan lists no current problems: the goals have nothing to "
          "solve [GOAL-009]")

TEST_CASE("GOAL-009 leaves an empty step 1 to GOAL-001", "[rule]") {
    auto findings = rules_test::validate(bare(""));
    CHECK(rules_test::lines_for(findings, "GOAL-009").empty());
    CHECK(rules_test::lines_for(findings, "GOAL-001").size() == 1);
}

// ----- step 2 -----

RULE_CASE("RACI-001", plan("tasks:\n  - {name: T, step: 2, roles: {it: R, sa: 共有}}\n"),
          plan("tasks:\n  - {name: T, step: 2, roles: {mk: 主担当, sa: 共有}}\n"),
          "plan.yaml:10:5: error: task \"T\" has no lead owner (主担当) [RACI-001]")

TEST_CASE("RACI-001 leaves tasks that only share to RACI-003", "[rule]") {
    auto findings =
        rules_test::validate(plan("tasks:\n  - {name: T, step: 2, roles: {mk: 共有, sa: 共有}}\n"));
    CHECK(rules_test::lines_for(findings, "RACI-001").empty());
    CHECK(rules_test::lines_for(findings, "RACI-003").size() == 1);
}

RULE_CASE("RACI-002", plan("tasks:\n  - {name: T, step: 2, roles: {mk: 主担当, sa: A}}\n"),
          plan("tasks:\n  - {name: T, step: 2, roles: {mk: 主担当, sa: R}}\n"),
          "plan.yaml:10:41: error: task \"T\" has 2 lead owners (主担当); exactly one holds the "
          "decision [RACI-002]")

RULE_CASE("RACI-003",
          plan("tasks:\n"
               "  - {name: T, step: 2, roles: {mk: 共有, sa: C}}\n"
               "  - {name: U, step: 2, roles: {mk: 共有}, status: not_applicable}\n"),
          plan("tasks:\n  - {name: T, step: 2, roles: {it: R, sa: 共有}}\n"),
          "plan.yaml:10:5: error: task \"T\" is only shared or consulted: nobody owns or does it "
          "[RACI-003]")

RULE_CASE("RACI-004",
          plan("tasks:\n"
               "  - {name: T1, step: 2, roles: {mk: 主担当}}\n"
               "  - {name: T2, step: 3, roles: {mk: 主担当}}\n"
               "  - {name: T3, step: 4, roles: {mk: 主担当}}\n"
               "  - {name: T4, step: 5, roles: {mk: 主担当}}\n"
               "  - {name: T5, step: 7, roles: {mk: 主担当, sa: 共有}}\n"),
          // 4 of 5 is exactly the 80% threshold, which is allowed.
          plan("tasks:\n"
               "  - {name: T1, step: 2, roles: {mk: 主担当}}\n"
               "  - {name: T2, step: 3, roles: {mk: 主担当}}\n"
               "  - {name: T3, step: 4, roles: {mk: 主担当}}\n"
               "  - {name: T4, step: 5, roles: {mk: 主担当}}\n"
               "  - {name: T5, step: 4, roles: {sa: 主担当}}\n"),
          "plan.yaml:4:5: warning: stakeholder \"mk\" is lead owner (主担当) of 5 of 5 tasks "
          "(100%); decisions depend on one department [RACI-004]")

TEST_CASE("RACI-004 threshold is configurable", "[rule]") {
    maplan::ValidateOptions options;
    options.thresholds.max_owner_share = 0.7;
    auto findings = rules_test::validate(plan("tasks:\n"
                                              "  - {name: T1, step: 2, roles: {mk: 主担当}}\n"
                                              "  - {name: T2, step: 3, roles: {mk: 主担当}}\n"
                                              "  - {name: T3, step: 4, roles: {mk: 主担当}}\n"
                                              "  - {name: T4, step: 5, roles: {mk: 主担当}}\n"
                                              "  - {name: T5, step: 4, roles: {sa: 主担当}}\n"),
                                         options);
    CHECK(rules_test::lines_for(findings, "RACI-004").size() == 1);
}

RULE_CASE("ROLE-001", bare(""), plan(""),
          "plan.yaml:1:1: warning: the plan lists no stakeholders: departments and decision "
          "rights are unknown [ROLE-001]")

RULE_CASE("ROLE-002",
          bare("stakeholders:\n"
               "  - {id: mk, name: M, kind: marketing}\n"
               "  - {id: sa, name: S, kind: sales}\n"
               "  - {id: lg, name: L, kind: privacy_legal}\n"),
          plan(""),
          "plan.yaml:4:5: error: no stakeholder governs internal systems (kind: "
          "internal_systems): tool approval, procurement and network rules have no owner "
          "[ROLE-002]")

RULE_CASE("ROLE-003",
          bare("stakeholders:\n"
               "  - {id: mk, name: M, kind: marketing}\n"
               "  - {id: sa, name: S, kind: sales}\n"
               "  - {id: it, name: IT, kind: internal_systems}\n"),
          plan(""),
          "plan.yaml:4:5: error: no stakeholder governs personal-information handling (kind: "
          "privacy_legal): nobody owns the use of customer data [ROLE-003]")

RULE_CASE("ROLE-004",
          bare("stakeholders:\n"
               "  - {id: mk, name: M, kind: marketing}\n"
               "  - {id: it, name: IT, kind: internal_systems}\n"
               "  - {id: lg, name: L, kind: privacy_legal}\n"),
          bare("stakeholders:\n"
               "  - {id: mk, name: M, kind: marketing}\n"
               "  - {id: is, name: IS, kind: inside_sales}\n"
               "  - {id: it, name: IT, kind: internal_systems}\n"
               "  - {id: lg, name: L, kind: privacy_legal}\n"),
          "plan.yaml:4:5: warning: no sales or inside-sales stakeholder: nobody receives the "
          "leads [ROLE-004]")

RULE_CASE("ROLE-005", "ma_plan: 1\nproject: {name: P, tool: eloqua}\n", bare(""),
          "plan.yaml:2:10: warning: project.owner is not set: no one coordinates the demand "
          "center across marketing, inside sales and sales [ROLE-005]")

RULE_CASE("ROLE-006",
          plan("tasks:\n  - {name: 利用申請, step: 6, roles: {mk: 主担当, it: 受領}}\n"),
          plan("tasks:\n"
               "  - {name: 利用申請, step: 6, roles: {mk: 主担当, it: 受領}}\n"
               "  - {name: 個人情報利用の定義, step: 2, roles: {lg: 主担当, mk: 共有}}\n"),
          "plan.yaml:8:5: warning: stakeholder \"lg\" (privacy_legal) has no role in any task "
          "[ROLE-006]")
