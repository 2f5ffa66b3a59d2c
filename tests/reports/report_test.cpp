// The rollout report's model (issue 14): the reverse-funnel arithmetic against hand-computed
// cases, and what each section holds or says is missing.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "reports/report.hpp"
#include "rules/validate.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

namespace {

const FunnelStage& stage(const FunnelPlan& f, const std::string& id) {
    for (const FunnelStage& s : f.stages) {
        if (s.id == id) return s;
    }
    throw std::runtime_error("no stage " + id);
}

std::string funnel_plan(const std::string& romi, const std::string& lifecycle,
                        const std::string& goals = "") {
    return "ma_plan: 1\nproject: { name: F, tool: other }\n" + romi + lifecycle + goals;
}

Report report_of(const Project& p, const Date& today = {2026, 12, 1}) {
    std::vector<Finding> findings = run_rules(p, ValidateOptions{});
    return build_report({.project = p, .findings = findings, .today = today});
}

}  // namespace

TEST_CASE("reverse funnel of the Japanese example: 30 won from 3334 inquiries",
          "[report][funnel]") {
    auto p = plan_from_file(example("ja-manufacturer.yaml"));
    FunnelPlan f = build_funnel(*p);
    // 90,000,000 / 3,000,000 = 30 deals; 30 / 0.25 = 120 SQL; 120 / 0.4 = 300 SAL (not 301: the
    // quotient is 300.0000000000001 in binary); 300 / 0.6 = 500 MQL; 500 / 0.15 = 3333.3 → 3334.
    REQUIRE(f.deals == 30);
    CHECK(stage(f, "won").required == 30);
    CHECK(stage(f, "sql").required == 120);
    CHECK(stage(f, "sal").required == 300);
    CHECK(stage(f, "mql").required == 500);
    CHECK(stage(f, "inquiry").required == 3334);
    CHECK(f.gaps.empty());
    REQUIRE(f.romi.has_value());
    CHECK(*f.romi == Approx(3.0));
    // Every rate of the example lies inside its band.
    for (const FunnelStage& s : f.stages) CHECK_FALSE(s.outside_band);
    // KPIs: MQL 600 ≥ 500 and SQL 120 ≥ 120, so neither falls short.
    CHECK(stage(f, "mql").kpi_target == 600);
    CHECK(stage(f, "mql").kpi_goal == "g-mql");
    CHECK_FALSE(stage(f, "mql").kpi_below_required);
    CHECK(stage(f, "sql").kpi_target == 120);
    CHECK_FALSE(stage(f, "sql").kpi_below_required);
    CHECK(f.max_required() == 3334);
}

TEST_CASE("reverse funnel rounds every stage up", "[report][funnel]") {
    // 10,000,000 / 3,000,000 = 3.33 → 4 deals; 4 / 0.3 = 13.3 → 14 SQL; 14 / 0.5 = 28 MQL;
    // 28 / 0.12 = 233.3 → 234 inquiries. Rounding the quotient of rounded values, as a planner
    // does by hand: each stage must deliver whole leads to the next.
    auto p = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 10000000, average_deal_jpy: 3000000, budget_jpy: 4000000 }\n",
        "lifecycle:\n  - inquiry\n  - mql: { conversion_rate: 0.12 }\n"
        "  - sql: { conversion_rate: 0.5 }\n  - won: { conversion_rate: 0.3 }\n"));
    FunnelPlan f = build_funnel(*p);
    CHECK(f.deals == 4);
    CHECK(stage(f, "won").required == 4);
    CHECK(stage(f, "sql").required == 14);
    CHECK(stage(f, "mql").required == 28);
    CHECK(stage(f, "inquiry").required == 234);
    CHECK(*f.romi == Approx(2.5));
    CHECK(f.gaps.empty());
}

TEST_CASE("reverse funnel with a zero rate stops with a finding instead of dividing",
          "[report][funnel]") {
    auto p = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 9000000, average_deal_jpy: 3000000, budget_jpy: 1000000 }\n",
        "lifecycle:\n  - inquiry\n  - mql: { conversion_rate: 0.2 }\n"
        "  - sql: { conversion_rate: 0 }\n  - won: { conversion_rate: 0.25 }\n"));
    FunnelPlan f = build_funnel(*p);
    CHECK(stage(f, "won").required == 3);
    CHECK(stage(f, "sql").required == 12);  // 3 / 0.25: won's own rate is fine
    CHECK_FALSE(stage(f, "mql").required.has_value());
    CHECK_FALSE(stage(f, "inquiry").required.has_value());
    REQUIRE(f.gaps.size() == 1);
    CHECK(f.gaps[0].en ==
          "stage \"sql\" has conversion rate 0: a rate must be above 0 and at most 1; the stages "
          "before it cannot be computed");
    CHECK(f.gaps[0].ja ==
          "段階「sql」の転換率が 0 です。0 より大きく 1 以下にしてください。これより前の段階は逆算"
          "できません");
}

TEST_CASE("reverse funnel with a missing rate names the stage", "[report][funnel]") {
    auto p = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 9000000, average_deal_jpy: 3000000, budget_jpy: 1000000 }\n",
        "lifecycle:\n  - inquiry\n  - mql\n  - won: { conversion_rate: 0.25 }\n"));
    FunnelPlan f = build_funnel(*p);
    CHECK(stage(f, "mql").required == 12);
    CHECK_FALSE(stage(f, "inquiry").required.has_value());
    REQUIRE(f.gaps.size() == 1);
    CHECK(f.gaps[0].en ==
          "stage \"mql\" has no conversion_rate; the stages before it cannot be computed");
    CHECK(f.gaps[0].ja ==
          "段階「mql」に conversion_rate がないため、これより前の段階は逆算できません");
}

TEST_CASE("reverse funnel without romi or without a won stage says what is missing",
          "[report][funnel]") {
    auto no_romi = plan_from_text(
        funnel_plan("", "lifecycle:\n  - inquiry\n  - won: { conversion_rate: 0.1 }\n"));
    FunnelPlan a = build_funnel(*no_romi);
    CHECK_FALSE(a.deals.has_value());
    CHECK(a.max_required() == 0);
    REQUIRE(a.gaps.size() == 1);
    CHECK(a.gaps[0].en ==
          "the plan has no `romi` block: add revenue_target_jpy, average_deal_jpy and budget_jpy "
          "to compute the volumes");

    auto no_won = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 9000000, average_deal_jpy: 3000000, budget_jpy: 1000000 }\n",
        "lifecycle:\n  - inquiry\n  - mql: { conversion_rate: 0.2 }\n"));
    FunnelPlan b = build_funnel(*no_won);
    CHECK(b.deals == 3);
    REQUIRE(b.gaps.size() == 1);
    CHECK(b.gaps[0].en ==
          "the lifecycle has no `won` stage, so no volume can be computed back from the deals");
    CHECK(b.gaps[0].ja == "ライフサイクルに `won` (受注) がないため、受注件数から逆算できません");

    auto zero_deal = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 9000000, average_deal_jpy: 0, budget_jpy: 1000000 }\n",
        "lifecycle:\n  - inquiry\n  - won: { conversion_rate: 0.2 }\n"));
    FunnelPlan c = build_funnel(*zero_deal);
    CHECK_FALSE(c.deals.has_value());
    REQUIRE(c.gaps.size() == 1);
    CHECK(c.gaps[0].en == "`romi.average_deal_jpy` is missing or not above 0");
}

TEST_CASE("funnel flags rates outside the DOMAIN bands and KPIs below the volume",
          "[report][funnel]") {
    auto p = plan_from_text(funnel_plan(
        "romi: { revenue_target_jpy: 30000000, average_deal_jpy: 3000000, budget_jpy: 1000000 }\n",
        "lifecycle:\n  - inquiry\n  - mql: { conversion_rate: 0.3 }\n"
        "  - sal: { conversion_rate: 0.7 }\n  - sql: { conversion_rate: 0.5 }\n"
        "  - won: { conversion_rate: 0.2 }\n",
        "goals:\n  - { id: g, statement: s, kpi: { metric: SQL件数, target: 49, period: H1 } }\n"));
    FunnelPlan f = build_funnel(*p);
    // Must fire: 30% is above inquiry→mql's 10–25%. Must not fire: 70% and 20% are the bands'
    // own edges, 50% is inside.
    CHECK(stage(f, "mql").outside_band);
    CHECK(*stage(f, "mql").band_low == Approx(0.10));
    CHECK(*stage(f, "mql").band_high == Approx(0.25));
    CHECK_FALSE(stage(f, "sal").outside_band);
    CHECK_FALSE(stage(f, "sql").outside_band);
    CHECK_FALSE(stage(f, "won").outside_band);
    CHECK_FALSE(stage(f, "inquiry").band_low.has_value());
    // 10 deals / 0.2 = 50 SQL needed; the KPI says 49.
    CHECK(stage(f, "sql").required == 50);
    CHECK(stage(f, "sql").kpi_below_required);
}

TEST_CASE("rate and count texts", "[report][funnel]") {
    CHECK(rate_text(0.15) == "15%");
    CHECK(rate_text(0.125) == "12.5%");
    CHECK(count_text(3334) == "3,334");
    CHECK(count_text(90000000) == "90,000,000");
    CHECK(count_text(999) == "999");
    CHECK(count_text(0) == "0");
}

TEST_CASE("report model of the Japanese example", "[report][model]") {
    auto p = plan_from_file(example("ja-manufacturer.yaml"));
    Report r = report_of(*p);
    CHECK(r.cover.project == "産業機器メーカーA社 MA導入");
    CHECK(r.cover.client == "A社");
    CHECK(r.cover.tool == "eloqua");
    CHECK(r.cover.revision.empty());
    REQUIRE(r.goals.size() == 2);
    CHECK(r.goals[0].target == "120 件");
    REQUIRE(r.journey.stages.size() == 5);
    REQUIRE(r.journey.rows.size() == 2);
    CHECK(r.journey.rows[0].persona == "製品選定担当者");
    CHECK(r.journey.rows[0].cells[0].planned);
    CHECK(r.journey.rows[0].cells[0].wants == "設備保全の最新動向");
    CHECK_FALSE(r.journey.rows[0].cells[3].planned);
    REQUIRE(r.communications.size() == 4);
    CHECK(r.communications[1].content_status == "needs_update");
    CHECK(r.communications[3].owner == "営業部");
    REQUIRE(r.handoffs.size() == 2);
    CHECK(r.handoffs[0].from == "マーケティング部");
    CHECK(r.handoffs[0].to == "インサイドセールス");
    CHECK(r.handoffs[0].sla_hours == 24);
    CHECK(r.handoffs[0].gaps.empty());
    CHECK(r.tool.sending_domain == "mail.example.co.jp");
    CHECK(r.tool.dkim == "eq1 (2048 bit)");
    CHECK(r.tool.mail_findings.empty());
    REQUIRE(r.measurement.size() == 2);
    CHECK(r.measurement[0].metric == "SQL件数 120件");
    REQUIRE(r.operations.escalation.size() == 3);
    CHECK(r.operations.escalation[0].stakeholder == "マーケティング部");
    CHECK(r.operations.escalation[1].stakeholder == "情報システム部");
    CHECK(r.operations.escalation[2].role.en == "decision (demand-center coordinator)");
    REQUIRE(r.operations.pause.size() == 3);
    CHECK(r.operations.pause[2].on_resume == "review_each_program");
    // Timeline: the five dated tasks by due date.
    REQUIRE(r.timeline.size() == 5);
    CHECK(r.timeline[0].name == "MA ツール利用申請");
    CHECK(r.timeline[4].name == "コンテンツの企画・制作");
    CHECK_FALSE(r.timeline[0].overdue);
    // The only gaps: the workspace was not given, and four open tasks have no due date.
    for (std::size_t i = 0; i < report_section_count; ++i) {
        auto s = static_cast<ReportSection>(i);
        INFO(section_title(s).en);
        if (s == ReportSection::lists || s == ReportSection::timeline)
            CHECK(r.gaps_of(s).size() == 1);
        else
            CHECK(r.gaps_of(s).empty());
    }
    CHECK(r.gaps_of(ReportSection::timeline)[0].en == "4 open task(s) have no `due` date");
}

TEST_CASE("report timeline marks overdue tasks against the report date", "[report][model]") {
    auto p = plan_from_file(example("ja-manufacturer.yaml"));
    Report r = report_of(*p, Date{2026, 12, 16});
    REQUIRE(r.timeline.size() == 5);
    CHECK(r.timeline[0].overdue);  // due 2026-12-15, in progress
    CHECK_FALSE(r.timeline[1].overdue);
    CHECK(r.status.overdue.size() == 1);
    CHECK(r.operations.agenda[4].en == "tasks: 1 overdue, the next due dates");
}

TEST_CASE("every section of an empty plan says what to write", "[report][model]") {
    auto p = plan_from_file(example("minimal.yaml"));
    Report r = report_of(*p);
    for (ReportSection s :
         {ReportSection::cover, ReportSection::goals, ReportSection::roles, ReportSection::journey,
          ReportSection::communications, ReportSection::handoffs, ReportSection::lists,
          ReportSection::tool_setup, ReportSection::measurement, ReportSection::operations}) {
        INFO(section_title(s).en);
        CHECK_FALSE(r.gaps_of(s).empty());
    }
    CHECK(r.gaps_of(ReportSection::journey)[0].en ==
          "the plan has no `journey`: list the stages and, per persona and stage, what the "
          "persona wants, the content and the channel");
    CHECK(r.gaps_of(ReportSection::journey)[0].ja ==
          "プランに `journey` がありません。段階と、ペルソナ×段階ごとに求める情報・コンテンツ・"
          "チャネルを書いてください");
    CHECK(r.gaps_of(ReportSection::operations).size() == 3);
    // The agenda still lists what every review covers, from the plan's (empty) structure.
    CHECK(r.operations.agenda.size() == 2);
    CHECK(r.operations.escalation.empty());
    CHECK_FALSE(r.findings.empty());
}

TEST_CASE("a hand-off sheet lists each missing piece", "[report][model]") {
    auto p = plan_from_text(
        "ma_plan: 1\nproject: { name: H, tool: other }\n"
        "stakeholders:\n  - { id: mk, name: Marketing, kind: marketing }\n"
        "  - { id: is, kind: inside_sales }\n"
        "handoffs:\n  - { from: mk, to: is }\n");
    Report r = report_of(*p);
    REQUIRE(r.handoffs.size() == 1);
    CHECK(r.handoffs[0].from == "Marketing");
    CHECK(r.handoffs[0].to == "is");
    REQUIRE(r.handoffs[0].gaps.size() == 4);
    CHECK(r.handoffs[0].gaps[0].en == "`when`: the attributes and the state a lead must have");
    CHECK(r.handoffs[0].gaps[3].ja ==
          "`closed_lost_reasons_to`: 「ニーズなし」の理由を受け取る部門");
}

TEST_CASE("schema labels come from the plan format's own descriptions", "[report][model]") {
    CHECK(schema_label("Communication", "content_status", "needs_update").ja == "要更新");
    CHECK(schema_label("PausePolicy", "on_resume", "skip_missed").en ==
          "skip what would have been sent during the pause");
    CHECK(schema_label("Communication", "channel", "carrier_pigeon").en == "carrier_pigeon");
}
