#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "reports/status.hpp"
#include "rules/validate.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

TEST_CASE("status counts agree with the checklist", "[status]") {
    auto project = plan_from_file(example("ja-manufacturer.yaml"));
    Checklist c = build_checklist(*project, Date{2026, 12, 16});
    StatusReport s = build_status(c, {});
    REQUIRE(s.steps.size() == 7);
    CHECK(s.total.done == c.done_count());
    CHECK(s.total.total == c.item_count());
    CHECK(s.total.overdue == 1);  // MA ツール利用申請, due 2026-12-15
    REQUIRE(s.overdue.size() == 1);
    CHECK(s.overdue[0].text.ja == "MA ツール利用申請");
    CHECK(s.steps[5].overdue == 1);
}

TEST_CASE("findings land in the step of their rule", "[status]") {
    auto project = plan_from_file(example("minimal.yaml"));
    Checklist c = build_checklist(*project, Date{2026, 12, 1});
    std::vector<Finding> findings(3);
    findings[0].rule_id = "RACI-001";  // step 2
    findings[0].severity = Severity::error;
    findings[1].rule_id = "SCHEMA-001";  // the file itself
    findings[1].severity = Severity::warning;
    findings[2].rule_id = "RACI-002";
    findings[2].severity = Severity::info;
    StatusReport s = build_status(c, findings);
    REQUIRE(s.steps.size() == 8);  // step 0 shown because it has a finding
    CHECK(s.steps[0].step == 0);
    CHECK(s.steps[0].warnings == 1);
    CHECK(s.steps[2].step == 2);
    CHECK(s.steps[2].errors == 1);
    CHECK(s.steps[2].infos == 1);
    CHECK(s.total.errors == 1);
    CHECK(s.total.warnings == 1);
}

TEST_CASE("percentages round down and bars have a fixed width", "[status]") {
    StepStatus st;
    CHECK(st.percent() == -1);
    st.total = 3;
    st.done = 2;
    CHECK(st.percent() == 66);
    st.total = 1000;
    st.done = 999;
    CHECK(st.percent() == 99);
    CHECK(progress_bar(0, 8) == "░░░░░░░░");
    CHECK(progress_bar(50, 8) == "████░░░░");
    CHECK(progress_bar(100, 4) == "████");
    CHECK(progress_bar(250, 4) == "████");
}

TEST_CASE("terminal table lines up Japanese step names by display width", "[status]") {
    auto project = plan_from_file(example("ja-manufacturer.yaml"));
    StatusReport s = build_status(build_checklist(*project, Date{2026, 12, 16}), {});
    std::string text = render_status(s, OutputFormat::text, {Lang::ja});
    std::vector<std::size_t> bar_columns;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        if (auto pos = line.find("█"); pos != std::string::npos) {
            bar_columns.push_back(display_width(line.substr(0, pos)));
        }
        start = end + 1;
    }
    REQUIRE(bar_columns.size() == 8);  // seven steps and the total
    for (std::size_t col : bar_columns) CHECK(col == bar_columns.front());
    CHECK(text.find(
              "⚠ 期限切れ:\n  - MA ツール利用申請 (期限 2026-12-15, 主担当 マーケティング部)") !=
          std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);
    std::string colored = render_status(s, OutputFormat::text, {Lang::ja, false, true});
    CHECK(colored.find("\x1b[32m██████████\x1b[0m") != std::string::npos);
}

TEST_CASE("status JSON", "[status][json]") {
    auto project = plan_from_file(example("minimal.yaml"));
    StatusReport s = build_status(build_checklist(*project, Date{2026, 12, 1}), {});
    std::string json = render_status(s, OutputFormat::json, {Lang::en});
    CHECK(json.find(R"("percent": 0)") != std::string::npos);
    CHECK(json.find(R"("overdue_tasks": [])") != std::string::npos);
    CHECK(json.find(R"("title": "7. Measurement and operations")") != std::string::npos);
}
