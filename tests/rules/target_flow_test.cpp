// Steps 3 and 4: segments, personas and the journey map; communications, hand-offs, scoring.
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

// ----- step 3 -----

RULE_CASE(
    "TARGET-001",
    bare(
        "segments:\n  - {id: a, criteria: 製造業}\n  - {id: b, criteria: その他, target: false}\n"),
    bare("segments:\n  - {id: a, criteria: 製造業, target: true}\n  - {id: b, criteria: その他}\n"),
    "plan.yaml:4:5: warning: no segment is chosen as a target (target: true) [TARGET-001]")

TEST_CASE("TARGET-001 reports missing segments once / at the top", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(bare("")), "TARGET-001") ==
          std::vector<std::string>{
              "plan.yaml:1:1: warning: the plan has no segments: the target is not chosen "
              "[TARGET-001]"});
}

RULE_CASE("TARGET-002",
          bare("segments: [{id: a, criteria: c, target: true}]\n"
               "personas:\n"
               "  - {id: p1, name: 担当者, segment: a}\n"
               "  - {id: p2, name: 工場長}\n"),
          bare("segments: [{id: a, criteria: c, target: true}]\n"
               "personas:\n"
               "  - {id: p1, name: 担当者, segment: a, buying_role: person_in_charge}\n"),
          "plan.yaml:5:5: warning: persona \"p1\" has no buying_role [TARGET-002]",
          "plan.yaml:6:5: warning: persona \"p2\" has no segment and buying_role [TARGET-002]")

RULE_CASE("TARGET-003",
          bare("personas:\n"
               "  - {id: p1, name: 担当者}\n"
               "  - {id: p2, name: 工場長}\n"
               "journey:\n"
               "  stages: [認知, 比較検討]\n"
               "  map:\n"
               "    p1:\n"
               "      認知: {wants: 動向, content: [レポート], channel: web_ads}\n"),
          bare("personas:\n"
               "  - {id: p1, name: 担当者}\n"
               "journey:\n"
               "  stages: [認知]\n"
               "  map:\n"
               "    p1:\n"
               "      認知: {wants: 動向, content: [レポート], channel: web_ads}\n"),
          "plan.yaml:5:5: warning: persona \"p2\" has no entries in the journey map [TARGET-003]")

TEST_CASE("TARGET-003 reports a missing journey map once", "[rule]") {
    auto findings = rules_test::validate(
        bare("personas:\n  - {id: p1, name: 担当者}\n  - {id: p2, name: 工場長}\n"));
    CHECK(rules_test::lines_for(findings, "TARGET-003") ==
          std::vector<std::string>{"plan.yaml:4:5: warning: no customer journey map for the 2 "
                                   "persona(s) [TARGET-003]"});
}

RULE_CASE("TARGET-004",
          bare("personas: [{id: p1, name: 担当者}]\n"
               "journey:\n"
               "  stages: [認知, 比較検討]\n"
               "  map:\n"
               "    p1:\n"
               "      認知: {wants: 動向, content: [レポート]}\n"
               "      比較検討: {wants: 比較表}\n"),
          bare("personas: [{id: p1, name: 担当者}]\n"
               "journey:\n"
               "  stages: [認知]\n"
               "  map:\n"
               "    p1:\n"
               "      認知: {wants: 動向, content: [レポート], channel: email}\n"),
          "plan.yaml:8:7: warning: journey entry \"p1\" / \"認知\" has no channel [TARGET-004]",
          "plan.yaml:9:7: warning: journey entry \"p1\" / \"比較検討\" has no content or channel "
          "[TARGET-004]")

RULE_CASE("TARGET-005", bare("segments: [{id: a, criteria: c, target: true}]\n"),
          bare("personas: [{id: p1, name: 担当者}]\n"),
          "plan.yaml:3:12: warning: the plan has no personas: nobody in the buying group is "
          "described [TARGET-005]")

RULE_CASE("TARGET-006",
          bare("segments:\n"
               "  - {id: mfg, criteria: 製造業, target: true}\n"
               "  - {id: other, criteria: その他, target: false}\n"
               "personas:\n"
               "  - {id: p1, name: 担当者, segment: other}\n"),
          bare("segments:\n"
               "  - {id: mfg, criteria: 製造業, target: true}\n"
               "  - {id: other, criteria: その他, target: false}\n"
               "personas:\n"
               "  - {id: p1, name: 担当者, segment: mfg}\n"),
          "plan.yaml:7:34: info: persona \"p1\" belongs to segment \"other\", which is not a "
          "target [TARGET-006]")

// ----- step 4 -----

RULE_CASE("FLOW-001", bare(""),
          bare("communications:\n  - {id: c1, content: 事例, channel: email}\n"),
          "plan.yaml:1:1: warning: the plan has no communication items [FLOW-001]")

RULE_CASE("FLOW-002",
          plan("communications:\n"
               "  - {id: c1, content: 事例, channel: email, owner: mk}\n"
               "  - {id: c2, content: 比較表, channel: email, timing: 翌日}\n"
               "  - {id: c3, content: 動画, channel: web}\n"),
          plan("communications:\n"
               "  - {id: c1, content: 事例, channel: email, owner: mk, timing: 資料DLの3日後}\n"),
          "plan.yaml:10:5: warning: communication \"c1\" has no timing [FLOW-002]",
          "plan.yaml:11:5: warning: communication \"c2\" has no owner [FLOW-002]",
          "plan.yaml:12:5: warning: communication \"c3\" has no owner and no timing [FLOW-002]")

// The task's name says content production, but nothing links it to the items: still fires.
// Quiet: one item names its production_task, the other is listed in a task's produces (the
// task named ホワイトペーパー作成, which the old keyword match missed).
RULE_CASE("FLOW-003",
          plan("tasks:\n"
               "  - {name: コンテンツの企画・制作, step: 4, roles: {mk: 主担当}}\n"
               "communications:\n"
               "  - {id: c1, content: 事例, channel: email, content_status: existing}\n"
               "  - {id: c2, content: 比較表, channel: email, content_status: new}\n"
               "  - {id: c3, content: 事例集, channel: email, content_status: needs_update}\n"),
          plan("tasks:\n"
               "  - {id: t-wp, name: ホワイトペーパー作成, step: 4, roles: {mk: 主担当}, "
               "produces: [c3]}\n"
               "  - {id: t-cmp, name: 比較表, step: 4, roles: {mk: 主担当}}\n"
               "communications:\n"
               "  - {id: c2, content: 比較表, channel: email, content_status: new, "
               "production_task: t-cmp}\n"
               "  - {id: c3, content: 事例集, channel: email, content_status: needs_update}\n"),
          "plan.yaml:13:60: warning: communication \"c2\" needs new content, but no task produces "
          "it (no production_task, and no task lists it in produces) [FLOW-003]",
          "plan.yaml:14:60: warning: communication \"c3\" needs updated content, but no task "
          "produces it (no production_task, and no task lists it in produces) [FLOW-003]")

TEST_CASE("FLOW-003 in Japanese", "[rule]") {
    auto findings = rules_test::validate(
        plan("communications:\n"
             "  - {id: c2, content: 比較表, channel: email, content_status: new}\n"));
    REQUIRE(rules_test::lines_for(findings, "FLOW-003").size() == 1);
    for (const auto& f : findings) {
        if (f.rule_id != "FLOW-003") continue;
        CHECK(f.pos == maplan::SourcePos{10, 60});
        CHECK(f.message.ja ==
              "コミュニケーション「c2」のコンテンツ (新規作成) を制作するタスクがありません "
              "(production_task がなく、produces に挙げたタスクもありません)");
    }
}

TEST_CASE("FLOW-003 leaves a dangling production_task to REF-002", "[rule]") {
    auto findings = rules_test::validate(
        plan("communications:\n"
             "  - {id: c2, content: 比較表, channel: email, content_status: new, "
             "production_task: t-x}\n"));
    CHECK(rules_test::lines_for(findings, "FLOW-003").empty());
    CHECK(rules_test::lines_for(findings, "REF-002") ==
          std::vector<std::string>{
              "plan.yaml:10:82: error: \"t-x\" in communications[0].production_task is not a known "
              "task [REF-002]"});
}

RULE_CASE("FLOW-004",
          plan("communications:\n"
               "  - {id: c1, content: 新製品案内, channel: email, kind: one_off}\n"
               "  - {id: c2, content: 展示会御礼, channel: email, kind: event_follow}\n"),
          plan("communications:\n"
               "  - {id: c1, content: 新製品案内, channel: email, kind: one_off}\n"
               "  - {id: c2, content: 事例, channel: email, kind: nurture}\n"),
          "plan.yaml:10:5: warning: none of the 2 communication item(s) is an always-on or "
          "nurture program; the plan is one-off sends only [FLOW-004]")

RULE_CASE(
    "FLOW-005", bare("lifecycle:\n  - mql: {definition: D}\n  - sql: {definition: D}\n"),
    bare("lifecycle:\n  - mql: {definition: D}\n  - sql: {definition: D, trigger: 見積依頼}\n"),
    "plan.yaml:5:5: warning: lifecycle stage \"sql\" has no trigger: what moves a lead from "
    "MQL to SQL is not defined [FLOW-005]")

RULE_CASE(
    "FLOW-006",
    plan("handoffs:\n"
         "  - from: mk\n"
         "    to: is\n"
         "    when: {attributes: [製造業]}\n"
         "    sla_hours: 24\n"
         "    closed_lost_reasons_to: mk\n"
         "  - {from: is, to: sa, fields: [決裁者], sla_hours: 48, closed_lost_reasons_to: mk}\n"),
    plan("handoffs:\n"
         "  - from: mk\n"
         "    to: is\n"
         "    when: {attributes: [製造業], state: MQL到達}\n"
         "    fields: [会社名, スコア]\n"),
    "plan.yaml:10:5: warning: hand-off mk → is does not define when.state, fields "
    "[FLOW-006]",
    "plan.yaml:15:5: warning: hand-off is → sa does not define when.state, when.attributes "
    "[FLOW-006]")

RULE_CASE("FLOW-007", plan("handoffs:\n  - {from: is, to: sa}\n"),
          plan("handoffs:\n  - {from: mk, to: is}\n"),
          "plan.yaml:10:5: warning: no hand-off goes from marketing to sales or inside sales "
          "[FLOW-007]")

TEST_CASE("FLOW-007 reports missing hand-offs once / at the top", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(plan("")), "FLOW-007") ==
          std::vector<std::string>{"plan.yaml:1:1: warning: the plan defines no hand-off from "
                                   "marketing to sales [FLOW-007]"});
}

RULE_CASE("FLOW-008", plan("handoffs:\n  - {from: mk, to: is}\n  - {from: mk, to: it}\n"),
          plan("handoffs:\n  - {from: mk, to: is, closed_lost_reasons_to: mk}\n"),
          "plan.yaml:10:5: warning: hand-off mk → is does not say who receives the reasons of "
          "leads closed as \"no need\" (closed_lost_reasons_to) [FLOW-008]")

RULE_CASE("FLOW-009", plan("handoffs:\n  - {from: mk, to: is}\n"),
          plan("handoffs:\n  - {from: mk, to: is, sla_hours: 24}\n"),
          "plan.yaml:10:5: warning: hand-off mk → is has no SLA (sla_hours) [FLOW-009]")

RULE_CASE("FLOW-010",
          bare("scoring:\n"
               "  profile: [{if: 部長以上, points: 20}]\n"
               "  behavior: [{if: 価格ページ閲覧, points: 15}]\n"),
          bare("scoring:\n"
               "  profile: [{if: 部長以上, points: 20}]\n"
               "  behavior: [{if: 90日間無反応, points: -10}]\n"),
          "plan.yaml:4:3: info: scoring only adds points: no negative or decay rule (e.g. 90 "
          "days inactive) [FLOW-010]")
