#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "reports/raci.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

namespace {

// Seed 000's role matrix exactly as DOMAIN.md ("Step 2 in detail") and the seed print it:
// tasks × マーケティング部隊 / 営業部隊 / 情報システム部隊 / 法務部門; empty cells are empty.
const std::vector<std::string> seed000_header = {"タスク", "マーケティング部隊", "営業部隊",
                                                 "情報システム部隊", "法務部門"};
const std::vector<std::vector<std::string>> seed000_rows = {
    {"個人情報利用の定義", "共有", "共有", "共有", "主担当"},
    {"MA ツール利用申請", "主担当", "共有", "受領", "共有"},
    {"ターゲットの策定", "主担当", "共有", "", ""},
    {"顧客リストの管理", "主担当", "共有", "", ""},
    {"コンテンツの企画・制作", "主担当", "共有", "", ""},
    {"リード定義(スコアリング)", "主担当", "共有", "", ""},
    {"MA ツールの運用", "主担当", "共有", "", ""},
    {"HOT リードの受け渡し", "主担当", "共有", "", ""},
    {"HOT リードへのフォロー", "共有", "主担当", "", ""},
    {"レポーティング", "主担当", "共有", "", ""},
};

void check_seed000_table(const std::string& markdown) {
    auto tables = markdown_tables(markdown);
    REQUIRE(tables.size() == 1);
    const auto& table = tables.front();
    REQUIRE(table.size() == seed000_rows.size() + 1);
    CHECK(table[0] == seed000_header);
    for (std::size_t r = 0; r < seed000_rows.size(); ++r) {
        INFO("row " << r + 1);
        REQUIRE(table[r + 1].size() == seed000_header.size());
        for (std::size_t c = 0; c < seed000_header.size(); ++c) {
            INFO("column " << seed000_header[c]);
            CHECK(table[r + 1][c] == seed000_rows[r][c]);
        }
    }
}

}  // namespace

TEST_CASE("seed 000's matrix comes out cell for cell (library)", "[raci][seed000]") {
    auto project = plan_from_file(example("seed000-roles.yaml"));
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::plan);
    std::string md = render_raci(matrix, OutputFormat::markdown, {Lang::ja});
    check_seed000_table(md);
}

TEST_CASE("seed 000's matrix comes out cell for cell (ma-plan raci --group plan)",
          "[raci][seed000][cli]") {
    Run r = ma_plan("raci config-examples/seed000-roles.yaml --group plan");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    check_seed000_table(r.out);
}

TEST_CASE("grouping by step keeps every task once / in step order", "[raci]") {
    auto project = plan_from_file(example("seed000-roles.yaml"));
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::step);
    std::vector<int> steps;
    std::size_t rows = 0;
    for (const RaciGroup& g : matrix.groups) {
        steps.push_back(g.step);
        rows += g.rows.size();
    }
    CHECK(steps == std::vector<int>{2, 3, 4, 5, 6, 7});
    CHECK(rows == 10);
    REQUIRE(matrix.groups[2].rows.size() == 4);  // step 4, plan order kept inside the step
    CHECK(matrix.groups[2].rows[0].task == "コンテンツの企画・制作");
    CHECK(matrix.groups[2].rows[3].task == "HOT リードへのフォロー");
    std::string md = render_raci(matrix, OutputFormat::markdown, {Lang::en});
    CHECK(md.find("## 4. Communication flow") != std::string::npos);
    CHECK(md.find("| Task | マーケティング部隊 |") != std::string::npos);
}

TEST_CASE("RACI style maps owner to A / informed and receives to I / with a legend", "[raci]") {
    auto project = plan_from_file(example("seed000-roles.yaml"));
    auto matrix = build_raci(*project, RaciStyle::raci, RaciGrouping::plan);
    const RaciRow& application = matrix.groups[0].rows[1];  // MA ツール利用申請
    REQUIRE(application.cells.size() == 4);
    CHECK(application.cells[0].text == "A");
    CHECK(application.cells[1].text == "I");
    CHECK(application.cells[2].text == "I");
    CHECK(application.cells[2].kind == RoleKind::receives);
    CHECK(application.cells[3].text == "I");
    std::vector<std::string> symbols;
    for (const LegendEntry& e : matrix.legend) symbols.push_back(e.symbol);
    CHECK(symbols == std::vector<std::string>{"A", "I"});
    std::string md = render_raci(matrix, OutputFormat::markdown, {Lang::ja});
    CHECK(md.find("凡例") != std::string::npos);
    CHECK(md.find("受領") != std::string::npos);  // the legend names what I stands for
}

TEST_CASE("declared labels and unknown labels", "[raci]") {
    auto project = plan_from_text(R"YAML(ma_plan: 1
project: { name: P, tool: other }
stakeholders:
  - { id: a, name: 部門A, kind: marketing }
  - { id: b, kind: sales }
role_labels: { owner: 責任者, informed: 報告 }
tasks:
  - { name: T1, step: 2, roles: { a: 責任者, b: 報告 } }
  - { name: T2, step: 9, roles: { a: A, b: XX, ghost: 責任者 } }
)YAML");
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::step);
    REQUIRE(matrix.columns.size() == 2);
    CHECK(matrix.columns[1].name == "b");  // unnamed: its ID
    REQUIRE(matrix.groups.size() == 2);
    CHECK(matrix.groups[0].rows[0].cells[1].text == "報告");
    CHECK(matrix.groups[1].step == 0);  // step 9 is no step: kept, not dropped
    const RaciRow& t2 = matrix.groups[1].rows[0];
    CHECK(t2.cells[0].text == "責任者");  // "A" shown in the plan's own vocabulary
    CHECK(t2.cells[1].text == "XX");      // unknown label shown as written
    CHECK_FALSE(t2.cells[1].kind.has_value());
    std::string md = render_raci(matrix, OutputFormat::markdown, {Lang::ja});
    CHECK(md.find("## ステップ未設定のタスク") != std::string::npos);
}

TEST_CASE("per-stakeholder view lists what each department leads / is informed of / receives",
          "[raci]") {
    auto project = plan_from_file(example("seed000-roles.yaml"));
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::plan);
    auto duties = duties_by_stakeholder(matrix);
    REQUIRE(duties.size() == 4);
    const StakeholderDuties& it = duties[2];
    CHECK(it.stakeholder.name == "情報システム部隊");
    REQUIRE(it.duties.size() == 2);
    CHECK(it.duties[0].kind == RoleKind::informed);
    CHECK(it.duties[0].tasks.size() == 1);
    CHECK(it.duties[1].kind == RoleKind::receives);
    CHECK(it.duties[1].tasks.front()->task == "MA ツール利用申請");
    CHECK(duties[0].duties[0].kind == RoleKind::owner);
    CHECK(duties[0].duties[0].tasks.size() == 8);
    std::string md = render_raci_by_stakeholder(matrix, OutputFormat::markdown, {Lang::ja});
    CHECK(md.find("## 法務部門\n\n### 主担当として進めるタスク (主担当)\n\n- 個人情報利用の定義") !=
          std::string::npos);
}

TEST_CASE("CSV: header / BOM / CRLF and formula guard on hostile names", "[raci][csv]") {
    auto project = plan_from_text(R"YAML(ma_plan: 1
project: { name: P, tool: other }
stakeholders:
  - { id: a, name: "=HYPERLINK(\"http://evil\")", kind: marketing }
tasks:
  - { name: "-2+3", step: 2, roles: { a: 主担当 } }
  - { name: "a, \"b\"", step: 2, roles: { a: 共有 } }
)YAML");
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::plan);
    std::string csv = render_raci(matrix, OutputFormat::csv, {Lang::en, true});
    CHECK(csv ==
          "\xEF\xBB\xBFStep,Task,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"
          "2,'-2+3,主担当\r\n"
          "2,\"a, \"\"b\"\"\",共有\r\n");
    std::string no_bom = render_raci(matrix, OutputFormat::csv, {Lang::ja});
    CHECK(no_bom.rfind("ステップ,タスク,", 0) == 0);
}

TEST_CASE("HTML and JSON escape hostile names", "[raci]") {
    auto project = plan_from_text(R"YAML(ma_plan: 1
project: { name: "<b>P</b>", tool: other }
stakeholders:
  - { id: a, name: "<img src=x onerror=alert(1)>", kind: marketing }
tasks:
  - { name: "<script>alert(1)</script>", step: 2, roles: { a: 主担当 } }
  - { name: "quote \" and \\ backslash", step: 2, roles: { a: 主担当 } }
)YAML");
    auto matrix = build_raci(*project, RaciStyle::labels, RaciGrouping::step);
    std::string html = render_raci(matrix, OutputFormat::html, {Lang::en});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<title>Role matrix: &lt;b&gt;P&lt;/b&gt;</title>") != std::string::npos);
    std::string json = render_raci(matrix, OutputFormat::json, {Lang::en});
    CHECK(json.find(R"("name": "quote \" and \\ backslash")") != std::string::npos);
    CHECK(json.find(R"("kind": "owner")") != std::string::npos);
}

TEST_CASE("per-stakeholder view in CSV / HTML and JSON", "[raci][by-stakeholder]") {
    auto project = plan_from_file(example("seed000-roles.yaml"));
    auto matrix = build_raci(*project, RaciStyle::raci, RaciGrouping::step);
    std::string csv = render_raci_by_stakeholder(matrix, OutputFormat::csv, {Lang::en});
    CHECK(csv.rfind("Department,Role,Step,Task\r\n", 0) == 0);
    CHECK(csv.find("\r\n情報システム部隊,I,6,MA ツール利用申請\r\n") != std::string::npos);
    CHECK(csv.find("\r\n法務部門,A,2,個人情報利用の定義\r\n") != std::string::npos);
    std::string html = render_raci_by_stakeholder(matrix, OutputFormat::html, {Lang::ja});
    CHECK(html.find("<h2>法務部門</h2>\n<h3>主担当として進めるタスク (A)</h3>") !=
          std::string::npos);
    std::string json = render_raci_by_stakeholder(matrix, OutputFormat::json, {Lang::en});
    CHECK(json.find(R"("kind": "receives")") != std::string::npos);
    CHECK_THROWS(render_raci_by_stakeholder(matrix, OutputFormat::text, {Lang::en}));
}
