// The forward funnel's arithmetic and the actuals CSV (issues 14, 15): plan vs actual per period
// and stage, read through the customer-list CSV reader. Must-fire cases take their numbers from
// the worked example (30 won ← 120 SQL ← 300 SAL ← 500 MQL ← 3,334 inquiries), computed
// by hand here, not by the code under test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "reports/funnel.hpp"
#include "reports/funnel_actuals.hpp"

using namespace reports_test;
using namespace maplan;
using namespace maplan::reports;

namespace {

std::string plan_text(const std::string& lifecycle, const std::string& goals = "") {
    return "ma_plan: 1\nproject: { name: P }\n" + goals +
           "romi: { budget_jpy: 30000000, revenue_target_jpy: 90000000, average_deal_jpy: "
           "3000000 }\n" +
           lifecycle;
}

const std::string standard_lifecycle =
    "lifecycle:\n"
    "  - inquiry\n"
    "  - mql: { conversion_rate: 0.15 }\n"
    "  - sal: { conversion_rate: 0.6 }\n"
    "  - sql: { conversion_rate: 0.4 }\n"
    "  - won: { conversion_rate: 0.25 }\n";

std::string inquiry_goal(const std::string& target) {
    return "goals:\n  - id: g-inq\n    statement: 問い合わせを増やす\n    kpi: { metric: "
           "inquiry件数, "
           "target: " +
           target + " }\n";
}

std::vector<std::optional<double>> expected_of(const FunnelPlan& f) {
    std::vector<std::optional<double>> out;
    for (const FunnelStage& s : f.stages) out.push_back(s.expected);
    return out;
}

std::filesystem::path write_csv(const TempDir& dir, const std::string& name,
                                const std::string& text) {
    std::filesystem::path p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const MaPlanError& e) {
        return e.message().en;
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("forward funnel: the issue's example walks forward to 30 deals", "[funnel][forward]") {
    auto project = plan_from_text(plan_text(standard_lifecycle, inquiry_goal("3334")));
    FunnelPlan f = build_funnel(*project);
    REQUIRE(f.forward_top == 3334);
    // 3334 × 0.15 = 500.1 → 500; × 0.6 = 300; × 0.4 = 120; × 0.25 = 30.
    CHECK(expected_of(f) == std::vector<std::optional<double>>{3334, 500, 300, 120, 30});
    CHECK(f.expected_won == 30);
    CHECK(f.expected_revenue_jpy == 90000000);
    CHECK(f.revenue_gap_jpy == 0);
    CHECK(f.forward_gaps.empty());
    CHECK(f.forward_source.en == "the KPI target of goal \"g-inq\" (3,334 inquiry)");
}

TEST_CASE("forward funnel rounds each stage down to whole leads", "[funnel][forward]") {
    auto project = plan_from_text(plan_text(standard_lifecycle, inquiry_goal("3333")));
    FunnelPlan f = build_funnel(*project);
    // 3333 × 0.15 = 499.95 → 499; × 0.6 = 299.4 → 299; × 0.4 = 119.6 → 119; × 0.25 = 29.75 → 29.
    CHECK(expected_of(f) == std::vector<std::optional<double>>{3333, 499, 299, 119, 29});
    CHECK(f.expected_revenue_jpy == 87000000);
    CHECK(f.revenue_gap_jpy == -3000000);
}

TEST_CASE("forward funnel: a zero or missing rate is a gap and never a division",
          "[funnel][forward]") {
    SECTION("zero rate") {
        auto project = plan_from_text(
            plan_text("lifecycle:\n  - inquiry\n  - mql: { conversion_rate: 0.15 }\n  - sal: { "
                      "conversion_rate: 0 }\n  - won: { conversion_rate: 0.25 }\n",
                      inquiry_goal("1000")));
        FunnelPlan f = build_funnel(*project);
        CHECK(expected_of(f) ==
              std::vector<std::optional<double>>{1000, 150, std::nullopt, std::nullopt});
        CHECK_FALSE(f.expected_won);
        CHECK_FALSE(f.expected_revenue_jpy);
        REQUIRE(f.forward_gaps.size() == 1);
        CHECK(f.forward_gaps[0].en ==
              "stage \"sal\" has conversion rate 0: the stages from it on cannot be projected "
              "forward");
    }
    SECTION("missing rate") {
        auto project = plan_from_text(
            plan_text("lifecycle:\n  - inquiry\n  - mql\n  - won: { conversion_rate: 0.25 }\n",
                      inquiry_goal("1000")));
        FunnelPlan f = build_funnel(*project);
        REQUIRE(f.forward_gaps.size() == 1);
        CHECK(f.forward_gaps[0].en ==
              "stage \"mql\" has no conversion_rate: the stages from it on cannot be projected "
              "forward");
        CHECK_FALSE(f.expected_won);
    }
    SECTION("no top-of-funnel volume") {
        auto project = plan_from_text(plan_text(standard_lifecycle));
        FunnelPlan f = build_funnel(*project);
        CHECK_FALSE(f.forward_top);
        REQUIRE(f.forward_gaps.size() == 1);
        CHECK(f.forward_gaps[0].en.find("no top-of-funnel volume") == 0);
    }
}

TEST_CASE("forward funnel: a complete plan has no forward gap (false positive check)",
          "[funnel][forward]") {
    auto project = plan_from_text(plan_text(standard_lifecycle, inquiry_goal("5000")));
    FunnelPlan f = build_funnel(*project);
    CHECK(f.forward_gaps.empty());
    CHECK(f.expected_won == 45);  // 5000 → 750 → 450 → 180 → 45
    CHECK(f.revenue_gap_jpy == 45000000);
}

TEST_CASE("actuals: wide form with Japanese header and empty cells skipped", "[funnel][actuals]") {
    TempDir dir;
    auto project = plan_from_text(plan_text(standard_lifecycle));
    FunnelPlan f = build_funnel(*project);
    auto csv =
        write_csv(dir, "a.csv", "期間,inquiry,MQL,sal\n2027-01,600,90,\n2027-02,550,100,60\n");
    FunnelActuals a = read_funnel_actuals(csv, *project, f);
    CHECK(a.periods == std::vector<std::string>{"2027-01", "2027-02"});
    REQUIRE(a.cells.size() == 5);
    CHECK(a.cells[0].stage == "inquiry");
    CHECK(a.cells[0].plan == 3334);
    CHECK(a.cells[0].actual == 600);
    CHECK(a.cells[0].gap == -2734);
    CHECK(a.cells[1].stage == "mql");              // matched without case
    CHECK(a.cells[1].gap_ratio == Approx(-0.82));  // (90 − 500) ÷ 500
    REQUIRE(a.totals.size() == 3);
    CHECK(a.totals[0].actual == 1150);
    CHECK(a.totals[2].stage == "sal");
    CHECK(a.totals[2].actual == 60);

    attach_actuals(f, std::move(a));
    CHECK(f.forward_top == 1150);  // no inquiry KPI: the actuals' first stage
    CHECK(f.expected_won == 10);   // 1150 → 172 → 103 → 41 → 10
}

TEST_CASE("actuals: long form with English and Japanese headers and CP932", "[funnel][actuals]") {
    TempDir dir;
    auto project = plan_from_text(plan_text(standard_lifecycle));
    FunnelPlan f = build_funnel(*project);
    auto en = write_csv(dir, "en.csv", "period,stage,count\n2027-01,sql,20\n2027-01,inquiry,600\n");
    FunnelActuals a = read_funnel_actuals(en, *project, f);
    REQUIRE(a.cells.size() == 2);
    CHECK(a.cells[0].stage == "inquiry");  // lifecycle order
    CHECK(a.cells[1].stage == "sql");
    CHECK(a.totals.empty());  // one period

    // 期間,ステージ,件数 in CP932 (bytes written out, so no converter is under test twice).
    auto sj = write_csv(dir, "sj.csv",
                        "\x8a\xfa\x8a\xd4,\x83X\x83"
                        "e\x81[\x83W,\x8c\x8f\x90\x94\r\n"
                        "2027-01,mql,90\r\n");
    FunnelActuals b = read_funnel_actuals(sj, *project, f);
    REQUIRE(b.cells.size() == 1);
    CHECK(b.cells[0].actual == 90);
    CHECK(b.cells[0].plan == 500);
}

TEST_CASE("actuals: --period keeps one period and an unknown one is a usage error",
          "[funnel][actuals]") {
    TempDir dir;
    auto project = plan_from_text(plan_text(standard_lifecycle));
    FunnelPlan f = build_funnel(*project);
    auto csv = write_csv(dir, "a.csv", "period,inquiry\n2027-01,600\n2027-02,550\n");
    FunnelActuals a = read_funnel_actuals(csv, *project, f, "2027-02");
    REQUIRE(a.cells.size() == 1);
    CHECK(a.cells[0].actual == 550);
    CHECK(a.totals.empty());
    CHECK_THROWS_AS(read_funnel_actuals(csv, *project, f, "2027-2"), UsageError);
    CHECK(error_of([&] { read_funnel_actuals(csv, *project, f, "2027-2"); }) ==
          "--period \"2027-2\" is not in " + csv.string() +
              ". Did you mean \"2027-02\"? (periods: 2027-01, 2027-02)");
}

TEST_CASE("actuals: bad input is one line with its position", "[funnel][actuals]") {
    TempDir dir;
    auto project = plan_from_text(plan_text(standard_lifecycle));
    FunnelPlan f = build_funnel(*project);
    auto err = [&](const std::string& text) {
        auto csv = write_csv(dir, "bad.csv", text);
        std::string e = error_of([&] { read_funnel_actuals(csv, *project, f); });
        std::string prefix = csv.string() + ":";
        return e.rfind(prefix, 0) == 0 ? e.substr(prefix.size()) : e;
    };
    CHECK(err("period,stage,count\n2027-01,mqll,5\n") ==
          "2:2: error: unknown stage \"mqll\"; did you mean \"mql\"? (the plan's lifecycle: "
          "inquiry, mql, sal, sql, won)");
    CHECK(err("period,inquiry,salx\n2027-01,1,2\n") ==
          "1:3: error: unknown stage \"salx\"; did you mean \"sal\"? (the plan's lifecycle: "
          "inquiry, mql, sal, sql, won)");
    CHECK(err("period,stage,count\n2027-01,mql,\"1,200\"\n") ==
          "2:3: error: the count must be a whole number of 0 or more, not \"1,200\": write 1200, "
          "without thousands separators");
    CHECK(err("period,stage,count\n2027-01,mql,TBD\n") ==
          "2:3: error: the count must be a whole number of 0 or more, not \"TBD\"");
    CHECK(err("period,stage,count\n2027-01,mql,-3\n") ==
          "2:3: error: the count must be a whole number of 0 or more, not \"-3\"");
    CHECK(err("period,stage,count\n2027-01,mql,5\n2027-01,mql,6\n") ==
          "3:3: error: period \"2027-01\", stage \"mql\" is given twice (first at row 2)");
    CHECK(err("stage,count\nmql,5\n").find("1:1: error: no period column") == 0);
    CHECK(err("period,stage\n2027-01,mql\n") ==
          "1:1: error: the long form needs the columns period, stage and count; \"count\" is "
          "missing");
    CHECK(err("period,stage,count\n,mql,5\n") == "2:1: error: the period is empty");
}
