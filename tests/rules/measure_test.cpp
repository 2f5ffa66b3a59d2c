// Step 7: KPI measurement, reporting and the operations flow.
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

RULE_CASE("MEASURE-001",
          plan("goals:\n"
               "  - id: g1\n"
               "    statement: S\n"
               "    kpi: {metric: SQL, target: 10, period: 2027-H1}\n"
               "  - {id: g2, statement: 認知向上}\n"),
          plan("goals:\n"
               "  - id: g1\n"
               "    statement: S\n"
               "    kpi: {metric: SQL, target: 10, period: 2027-H1}\n"
               "kpi_measurement:\n"
               "  - {goal: g1, source: 商談レポート, owner: mk, cadence: weekly}\n"),
          "plan.yaml:12:10: warning: the KPI of goal \"g1\" has no kpi_measurement (source, owner, "
          "cadence) [MEASURE-001]")

RULE_CASE("MEASURE-002", bare(""),
          plan("reporting: {cadence: monthly, owner: mk, audience: [sa]}\n"),
          "plan.yaml:1:1: warning: the plan has no reporting [MEASURE-002]")

RULE_CASE("MEASURE-003", plan("reporting: {cadence: monthly, owner: mk}\n"),
          plan("reporting: {cadence: monthly, owner: mk, audience: [sa]}\n"),
          "plan.yaml:9:12: warning: reporting has no audience [MEASURE-003]")

RULE_CASE(
    "OPS-001", plan("operations:\n  error_response: {first_responder: mk}\n"),
    plan("operations:\n  review_meeting: {cadence: weekly, minutes: 30, members: [mk, is]}\n"),
    "plan.yaml:10:3: warning: operations has no regular review meeting [OPS-001]")

TEST_CASE("OPS-001 reports a missing operations section once / at the top", "[rule]") {
    auto findings = rules_test::validate(plan(""));
    CHECK(rules_test::lines_for(findings, "OPS-001") ==
          std::vector<std::string>{"plan.yaml:1:1: warning: the plan has no operations flow "
                                   "(review meeting, error response, pause policy) [OPS-001]"});
    CHECK(rules_test::lines_for(findings, "OPS-003").empty());
    CHECK(rules_test::lines_for(findings, "OPS-004").empty());
}

RULE_CASE("OPS-002", plan("operations:\n  review_meeting: {cadence: weekly, members: [mk, it]}\n"),
          plan("operations:\n  review_meeting: {cadence: weekly, members: [mk, sa]}\n"),
          "plan.yaml:10:19: warning: the review meeting does not bring marketing and sales "
          "together [OPS-002]")

RULE_CASE("OPS-003",
          plan("operations:\n  pause_policy: [{scenario: 大規模災害, on_resume: skip_missed}]\n"),
          plan("operations:\n  error_response: {first_responder: mk, escalation: it}\n"),
          "plan.yaml:10:3: warning: operations has no error-response process [OPS-003]")

RULE_CASE("OPS-004", plan("operations:\n  error_response: {first_responder: mk}\n"),
          plan("operations:\n  pause_policy: [{scenario: 年末年始, on_resume: skip_missed}]\n"),
          "plan.yaml:10:3: warning: operations does not decide what to send after a pause "
          "(pause_policy) [OPS-004]")

RULE_CASE(
    "OPS-005",
    // Must fire even though the scenario's words say 災害: only `kind` counts.
    plan("operations:\n"
         "  pause_policy:\n"
         "    - {scenario: 年末年始, kind: holiday, on_resume: skip_missed}\n"
         "    - {scenario: 大規模災害, kind: incident, on_resume: send_missed}\n"),
    plan("operations:\n"
         "  pause_policy:\n"
         "    - {scenario: 年末年始, kind: holiday, on_resume: skip_missed}\n"
         "    - {scenario: 台風で物流停止, kind: disaster, on_resume: review_each_program}\n"),
    "plan.yaml:11:7: warning: pause_policy has no scenario of kind disaster [OPS-005]")

TEST_CASE("OPS-005 in Japanese", "[rule]") {
    auto findings = rules_test::validate(
        plan("operations:\n  pause_policy:\n    - {scenario: 年末年始, on_resume: skip_missed}\n"));
    for (const auto& f : findings) {
        if (f.rule_id != "OPS-005") continue;
        CHECK(f.pos == maplan::SourcePos{11, 7});
        CHECK(f.message.ja == "pause_policy に kind: disaster (災害) のシナリオがありません");
    }
    CHECK(rules_test::lines_for(findings, "OPS-005").size() == 1);
}

RULE_CASE("OPS-006", bare("budget: {operators: 2}\n"),
          bare("budget: {operating_jpy_per_year: 12000000, operators: 2}\n"),
          "plan.yaml:3:9: warning: budget has no operating_jpy_per_year [OPS-006]")

TEST_CASE("OPS-006 reports a missing budget once / at the top", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(bare("")), "OPS-006") ==
          std::vector<std::string>{
              "plan.yaml:1:1: warning: the plan has no operating budget or staff plan [OPS-006]"});
}

TEST_CASE("OPS-006 points at a zero value", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(bare(
                                    "budget: {operating_jpy_per_year: 5000000, operators: 0}\n")),
                                "OPS-006") ==
          std::vector<std::string>{"plan.yaml:3:54: warning: budget has no operators [OPS-006]"});
}
