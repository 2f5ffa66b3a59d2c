// `ma-plan report` on the built binary (issue 14): golden Markdown in both languages, GFM shape
// through cmark-gfm, the HTML through a strict HTML5 parser and a real browser, hostile plans,
// the git revision on the cover and the workspace waterfall. UPDATE_GOLDEN=1 rewrites the golden
// files (then review the diff).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"

using namespace reports_test;

namespace {

namespace fs = std::filesystem;

const fs::path source_dir = MA_PLAN_SOURCE_DIR;
const std::string python = "/usr/bin/python3";  // Debian's, where python3-html5lib is installed
const std::string chromium = "/usr/bin/chromium";

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

/// The example copied outside any git repository, so the cover's revision does not change with
/// every commit of ma-plan itself.
fs::path copy_example(const TempDir& dir, const std::string& name) {
    fs::path to = dir / name;
    fs::copy_file(source_dir / "config-examples" / name, to);
    return to;
}

bool update_golden() {
    const char* update = std::getenv("UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

void check_golden(const std::string& file, const std::string& actual) {
    fs::path golden = source_dir / "tests/reports/golden" / file;
    if (update_golden()) {
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    INFO("golden " << file << " (UPDATE_GOLDEN=1 rewrites it)");
    CHECK(read_file(golden) == actual);
}

Run check_html(const fs::path& file) {
    return run_shell(python + " " + q(source_dir / "tests/reports/tools/check_report_html.py") +
                     " " + q(file));
}

/// Headless Chromium with everything that could reach the network switched off.
std::string chromium_command(const fs::path& profile) {
    return chromium +
           " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
           "--disable-background-networking --disable-component-update --disable-sync "
           "--user-data-dir=" +
           q(profile);
}

const char* hostile_report_plan = R"YAML(ma_plan: 1
project: { name: "Evil <script>alert(1)</script> | `x`", client: "<img src=x onerror=alert(1)>", tool: other }
stakeholders:
  - { id: mk, name: "Mark|eting <i>x</i>", kind: marketing }
  - { id: is, name: "</td></tr></table><script>alert(2)</script>", kind: inside_sales }
personas:
  - { id: p, name: "<a href=\"http://evil.example\">persona</a>" }
journey:
  stages: ["st<b>age</b>", "two | three"]
  map:
    p:
      "st<b>age</b>": { wants: "line1\nline2 | <svg onload=alert(3)>", content: ["`c`"], channel: email }
communications:
  - { id: c1, stage: "two | three", persona: p, content: "<style>body{background:url(http://x)}</style>", channel: email, owner: mk }
handoffs:
  - { from: mk, to: is, fields: ["a|b", "<x>"], sla_hours: 24 }
tasks:
  - { name: "<script>alert(4)</script>", step: 4, roles: { mk: 主担当 }, due: 2026-11-01, status: todo }
  - { name: "[link](javascript:alert(5)) *em*", step: 6, roles: { is: 主担当 }, due: 2027-01-05 }
operations:
  pause_policy:
    - { scenario: "\"><script>alert(6)</script>", on_resume: skip_missed }
)YAML";

}  // namespace

TEST_CASE("report golden Markdown of the Japanese example in ja and en", "[report][cli][golden]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    for (const char* lang : {"ja", "en"}) {
        INFO("--lang " << lang);
        Run r =
            ma_plan(std::string("--lang ") + lang + " report " + q(plan) + " --today 2026-12-01");
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        check_golden(std::string("report-ja-manufacturer.") + lang + ".md", r.out);
        check_gfm_shape(r.out);
    }
}

TEST_CASE("report of an empty plan keeps every section and says what to write",
          "[report][cli][gfm]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "minimal.yaml");
    Run r = ma_plan("--lang en report " + q(plan) + " --today 2026-12-01");
    REQUIRE(r.exit_code == 0);
    check_golden("report-minimal.en.md", r.out);
    check_gfm_shape(r.out);
    for (const char* heading :
         {"## 1. Cover", "## 2. Summary", "## 3. Goals and KPIs", "## 4. Roles",
          "## 5. Customer journey map", "## 6. Communication flow", "## 7. Hand-off sheets",
          "## 8. Customer lists", "## 9. Tool setup", "## 10. Measurement plan",
          "## 11. Operations", "## 12. Timeline", "## 13. Findings"}) {
        CHECK(r.out.find(std::string(heading) + "\n") != std::string::npos);
    }
    CHECK(count(r.out, "**To fill in:**") >= 10);
}

TEST_CASE("report Markdown of a hostile plan keeps its tables and injects nothing",
          "[report][cli][gfm][hostile]") {
    TempDir dir;
    fs::path plan = dir / "hostile.yaml";
    std::ofstream(plan, std::ios::binary) << hostile_report_plan;
    Run r = ma_plan("--lang en report " + q(plan) + " --today 2026-12-01");
    REQUIRE(r.exit_code == 0);
    check_gfm_shape(r.out);
    CHECK(r.out.find("<script>") == std::string::npos);
    CHECK(r.out.find("Mark\\|eting &lt;i&gt;x&lt;/i&gt;") != std::string::npos);
}

TEST_CASE("report HTML parses strictly and loads nothing", "[report][cli][html]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    for (const char* lang : {"ja", "en"}) {
        INFO("--lang " << lang);
        fs::path out = dir / (std::string("report.") + lang + ".html");
        Run r = ma_plan(std::string("--lang ") + lang + " report " + q(plan) +
                        " --format html --today 2026-12-16 -o " + q(out));
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.empty());
        std::string html = read_file(out);
        CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"", 0) == 0);
        CHECK(count(html, "<svg ") == 3);  // readiness, funnel, timeline
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("@media print") != std::string::npos);
        CHECK(html.find("size:A4") != std::string::npos);
        CHECK(html.find("\"Noto Sans CJK JP\"") != std::string::npos);
        CHECK(html.find("\"Yu Gothic\"") != std::string::npos);
        CHECK(html.find("\"Hiragino Kaku Gothic ProN\"") != std::string::npos);
        Run check = check_html(out);
        INFO(check.out << check.err);
        CHECK(check.exit_code == 0);
    }
}

TEST_CASE("the HTML checker fails on a script and on a parse error", "[report][cli][html]") {
    // Check against the checker itself: a report test that cannot fail proves nothing.
    TempDir dir;
    std::ofstream(dir / "script.html", std::ios::binary)
        << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
           "</head><body><script>1</script></body></html>";
    std::ofstream(dir / "link.html", std::ios::binary)
        << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
           "<link rel=\"stylesheet\" href=\"http://cdn.example/x.css\"></head><body></body></html>";
    std::ofstream(dir / "broken.html", std::ios::binary)
        << "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p></div>"
           "</body></html>";
    std::ofstream(dir / "ok.html", std::ios::binary)
        << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
           "</head><body><p>https://example.com/unsubscribe as text</p></body></html>";
    Run script = check_html(dir / "script.html");
    CHECK(script.exit_code == 1);
    CHECK(script.out.find("forbidden element <script>") != std::string::npos);
    Run link = check_html(dir / "link.html");
    CHECK(link.exit_code == 1);
    CHECK(link.out.find("forbidden attribute href=\"http://cdn.example/x.css\" on <link>") !=
          std::string::npos);
    Run broken = check_html(dir / "broken.html");
    CHECK(broken.exit_code == 1);
    CHECK(broken.out.find("parse error") != std::string::npos);
    Run ok = check_html(dir / "ok.html");
    INFO(ok.out);
    CHECK(ok.exit_code == 0);
}

TEST_CASE("report HTML of a hostile plan escapes every cell", "[report][cli][html][hostile]") {
    TempDir dir;
    fs::path plan = dir / "hostile.yaml";
    std::ofstream(plan, std::ios::binary) << hostile_report_plan;
    fs::path out = dir / "hostile.html";
    Run r =
        ma_plan("--lang en report " + q(plan) + " --format html --today 2026-12-01 -o " + q(out));
    REQUIRE(r.exit_code == 0);
    std::string html = read_file(out);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<svg onload") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(4)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;") != std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;script&gt;alert(6)") != std::string::npos);
    Run check = check_html(out);
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("report HTML in headless Chromium: a PDF with the Japanese text and a screenshot",
          "[report][cli][browser]") {
    INFO("install it: sudo apt-get install chromium fonts-noto-cjk poppler-utils");
    REQUIRE(fs::exists(chromium));
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    fs::path html = dir / "report.html";
    REQUIRE(
        ma_plan("--lang ja report " + q(plan) + " --format html --today 2026-12-16 -o " + q(html))
            .exit_code == 0);

    fs::path pdf = dir / "report.pdf";
    Run print = run_shell(chromium_command(dir / "profile-pdf") +
                          " --no-pdf-header-footer --print-to-pdf=" + q(pdf) + " " +
                          q("file://" + html.string()));
    INFO(print.err);
    REQUIRE(fs::exists(pdf));
    Run info = run_shell("pdfinfo " + q(pdf));
    REQUIRE(info.exit_code == 0);
    CHECK(info.out.find(" pts (A4)") != std::string::npos);  // the print CSS asks for A4
    Run text = run_shell("pdftotext -layout " + q(pdf) + " -");
    REQUIRE(text.exit_code == 0);
    for (const char* expected :
         {"MA 導入レポート", "産業機器メーカーA社", "逆算ファネル", "カスタマージャーニーマップ",
          "受け渡しシート", "停止と再開", "3,334", "期限切れ"}) {
        INFO(expected);
        CHECK(text.out.find(expected) != std::string::npos);
    }
    std::size_t pages = 0;
    if (auto at = info.out.find("Pages:"); at != std::string::npos)
        pages = std::stoul(info.out.substr(at + 6));
    CHECK(pages >= 3);

    // The screenshot is kept as a test artifact for a person to look at.
    fs::path artifacts = fs::current_path() / "test-artifacts";
    fs::create_directories(artifacts);
    fs::path png = artifacts / "report-ja-manufacturer.png";
    fs::remove(png);
    Run shot = run_shell(chromium_command(dir / "profile-png") +
                         " --hide-scrollbars --screenshot=" + q(png) + " --window-size=1200,2000 " +
                         q("file://" + html.string()));
    INFO(shot.err);
    REQUIRE(fs::exists(png));
    Run check = run_shell(python + " " + q(source_dir / "tests/reports/tools/check_png.py") + " " +
                          q(png) + " 1200 2000");
    INFO(check.out);
    CHECK(check.exit_code == 0);
    CHECK(fs::file_size(png) > 50000);
}

TEST_CASE("report cover shows the plan's git revision", "[report][cli]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    Run outside = ma_plan("--lang en report " + q(plan) + " --today 2026-12-01");
    CHECK(outside.out.find("| Plan revision (git) | not in a git repository |") !=
          std::string::npos);
    std::string git = "git -C " + q(dir.path) + " -c user.name=t -c user.email=t@example.invalid ";
    REQUIRE(
        run_shell(git + "init -q && " + git + "add . && " + git + "commit -qm plan").exit_code ==
        0);
    Run rev = run_shell("git -C " + q(dir.path) + " rev-parse --short HEAD");
    REQUIRE(rev.exit_code == 0);
    std::string revision = rev.out.substr(0, rev.out.find('\n'));
    REQUIRE(revision.size() >= 7);
    Run inside = ma_plan("--lang en report " + q(plan) + " --today 2026-12-01");
    REQUIRE(inside.exit_code == 0);
    CHECK(inside.out.find("| Plan revision (git) | " + revision + " |") != std::string::npos);
}

TEST_CASE("report with a workspace shows its waterfall and no contact", "[report][cli][lists]") {
    TempDir dir;
    fs::path ws = dir / "ws.sqlite";
    const std::string plan = q(source_dir / "tests/lists/data/plan.yaml");
    REQUIRE(ma_plan("lists init --db " + q(ws)).exit_code == 0);
    Run import = ma_plan("lists import " + q(source_dir / "tests/lists/data/hubspot.csv") +
                         " --source hubspot --preset hubspot --db " + q(ws) + " --plan " + plan);
    INFO(import.out << import.err);
    REQUIRE(import.exit_code == 0);
    Run audit = ma_plan("lists audit --db " + q(ws) + " --plan " + plan + " --format json");
    REQUIRE(audit.exit_code == 0);
    Run r = ma_plan("--lang en report " + plan + " --db " + q(ws) + " --today 2026-12-01");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    check_gfm_shape(r.out);
    auto section = r.out.substr(r.out.find("## 8. Customer lists"));
    section = section.substr(0, section.find("## 9."));
    INFO(section);
    CHECK(section.find("Workspace: ws.sqlite") != std::string::npos);
    CHECK(section.find("To fill in") == std::string::npos);
    // The same counts as lists audit, from the same scan.
    auto json_count = [&](const std::string& key) {
        auto at = audit.out.find("\"" + key + "\":");
        REQUIRE(at != std::string::npos);
        return std::stoul(audit.out.substr(at + key.size() + 3));
    };
    CHECK(section.find("| Imported | " + std::to_string(json_count("imported")) + " |") !=
          std::string::npos);
    CHECK(section.find("| Contactable | " + std::to_string(json_count("contactable")) + " |") !=
          std::string::npos);
    // Never personal data: no address or name from the CSV.
    CHECK(r.out.find("taro@example.co.jp") == std::string::npos);
    CHECK(r.out.find("山田") == std::string::npos);

    Run missing = ma_plan("--lang en report " + plan + " --db " + q(dir / "none.sqlite"));
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.empty());
}

TEST_CASE("report errors for an unreadable plan and bad options and an output over the plan",
          "[report][cli]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    Run none = ma_plan("--lang en report " + q(dir / "nope.yaml"));
    CHECK(none.exit_code == 2);
    CHECK(none.out.empty());
    CHECK(none.err.find((dir / "nope.yaml").string() + ": error: ") == 0);

    Run format = ma_plan("--lang en report " + q(plan) + " --format pdf");
    CHECK(format.exit_code == 4);  // a value not allowed (README "Exit codes")
    Run today = ma_plan("--lang en report " + q(plan) + " --today 2026-13-01");
    CHECK(today.exit_code == 4);
    CHECK(today.err ==
          "ma-plan: --today \"2026-13-01\" is not a real date: there is no month 13\n");

    std::string before = read_file(plan);
    Run over = ma_plan("--lang en report " + q(plan) + " -o " + q(plan));
    CHECK(over.exit_code == 2);
    CHECK(read_file(plan) == before);
}

TEST_CASE("raci HTML shares the report's stylesheet and role colours", "[report][cli][html]") {
    TempDir dir;
    fs::path out = dir / "raci.html";
    Run r =
        ma_plan("--lang ja raci config-examples/ja-manufacturer.yaml --format html -o " + q(out));
    REQUIRE(r.exit_code == 0);
    std::string html = read_file(out);
    CHECK(html.find("\"Noto Sans CJK JP\"") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<td class=\"role-owner\">主担当</td>") != std::string::npos);
    CHECK(html.find("<td class=\"role-receives\">受領</td>") != std::string::npos);
    CHECK(html.find("<td class=\"role-informed\">共有</td>") != std::string::npos);
    Run check = check_html(out);
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
}

namespace {

const fs::path mmdc = fs::path(MA_PLAN_BUILD_DIR) / "tools/node_modules/.bin/mmdc";

/// The ```mermaid block of a Markdown document, without its fences.
std::string mermaid_block(const std::string& markdown) {
    auto start = markdown.find("```mermaid\n");
    if (start == std::string::npos) return {};
    start += 11;
    return markdown.substr(start, markdown.find("\n```\n", start) + 1 - start);
}

/// Mermaid's own renderer on `diagram`, driving Debian's Chromium; the SVG, or a failed Run.
Run render_mermaid(const TempDir& dir, const std::string& diagram, const std::string& name) {
    std::ofstream(dir / "puppeteer.json", std::ios::binary)
        << "{\"executablePath\": \"" << chromium
        << "\", \"args\": [\"--no-sandbox\", \"--disable-gpu\", \"--disable-quic\", "
           "\"--no-first-run\", \"--disable-background-networking\", "
           "\"--disable-component-update\", \"--disable-sync\"]}";
    std::ofstream(dir / (name + ".mmd"), std::ios::binary) << diagram;
    return run_shell(q(mmdc) + " --quiet -p " + q(dir / "puppeteer.json") + " -i " +
                     q(dir / (name + ".mmd")) + " -o " + q(dir / (name + ".svg")));
}

}  // namespace

TEST_CASE("report gantt block renders in Mermaid without error", "[report][cli][mermaid]") {
    INFO("install it: scripts/setup.sh (npm install --prefix build/tools @mermaid-js/mermaid-cli)");
    REQUIRE(fs::exists(mmdc));
    REQUIRE(fs::exists(chromium));
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    Run r = ma_plan("--lang ja report " + q(plan) + " --today 2026-12-16");
    REQUIRE(r.exit_code == 0);
    std::string diagram = mermaid_block(r.out);
    REQUIRE(diagram.rfind("gantt\n", 0) == 0);
    Run render = render_mermaid(dir, diagram, "ja");
    INFO(render.out << render.err);
    REQUIRE(render.exit_code == 0);
    std::string svg = read_file(dir / "ja.svg");
    for (const char* task :
         {"MA ツール利用申請", "送信ドメイン認証の設定", "リード定義(スコアリング)",
          "顧客リストの管理", "コンテンツの企画・制作"}) {
        INFO(task);
        CHECK(svg.find(task) != std::string::npos);
    }

    // Check against the check: a broken diagram must fail.
    Run broken = render_mermaid(dir, "gantt\n    dateFormat YYYY-MM-DD\n    a :x, 2026-13-45, zz\n",
                                "broken");
    CHECK(broken.exit_code != 0);
}

TEST_CASE("report gantt block of hostile task names stays one task per line",
          "[report][cli][mermaid][hostile]") {
    REQUIRE(fs::exists(mmdc));
    TempDir dir;
    fs::path plan = dir / "gantt.yaml";
    std::ofstream(plan, std::ios::binary)
        << "ma_plan: 1\nproject: { name: G, tool: other }\n"
           "stakeholders: [{ id: mk, kind: marketing }]\ntasks:\n"
           "  - { name: \"section Evil\", step: 2, roles: { mk: 主担当 }, due: 2027-01-05 }\n"
           "  - { name: \"a: b; c #35; %% d\", step: 2, roles: { mk: 主担当 }, due: 2027-01-06 }\n"
           "  - { name: \"line1\\n```\\ntitle x\", step: 3, roles: { mk: 主担当 }, due: 2027-01-07 "
           "}\n"
           "  - { name: \"<b>bold</b>\", step: 3, roles: { mk: 主担当 }, due: 2027-01-08, status: "
           "done }\n";
    Run r = ma_plan("--lang en report " + q(plan) + " --today 2026-12-01");
    REQUIRE(r.exit_code == 0);
    check_gfm_shape(r.out);
    std::string diagram = mermaid_block(r.out);
    INFO(diagram);
    CHECK(diagram ==
          "gantt\n"
          "    title Timeline\n"
          "    dateFormat YYYY-MM-DD\n"
          "    axisFormat %Y-%m-%d\n"
          "    todayMarker off\n"
          "    section 2. Organisation and roles\n"
          "    - section Evil :active, 2026-12-01, 2027-01-05\n"
          "    a： b； c ＃35； ％％ d :active, 2026-12-01, 2027-01-06\n"
          "    section 3. Targets\n"
          "    line1 ``` title x :active, 2026-12-01, 2027-01-07\n"
          "    ＜b＞bold＜/b＞ :done, milestone, 2027-01-08, 0d\n");
    Run render = render_mermaid(dir, diagram, "hostile");
    INFO(render.out << render.err);
    CHECK(render.exit_code == 0);
}

TEST_CASE("ops prints the operations sheets alone", "[report][cli][golden]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    Run r = ma_plan("--lang ja ops " + q(plan) + " --today 2026-12-16");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    check_golden("ops-ja-manufacturer.ja.md", r.out);
    check_gfm_shape(r.out);
    CHECK(count(r.out, "\n## ") == 1);

    fs::path html = dir / "ops.html";
    REQUIRE(ma_plan("--lang en ops " + q(plan) + " --format html -o " + q(html)).exit_code == 0);
    std::string text = read_file(html);
    CHECK(text.find("<h1>Operations sheets: ") != std::string::npos);
    CHECK(count(text, "<section") == 1);
    Run check = check_html(html);
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);

    Run minimal = ma_plan("--lang en ops config-examples/minimal.yaml --today 2026-12-01");
    REQUIRE(minimal.exit_code == 0);
    CHECK(minimal.out.find("- the plan has no \\`operations.pause\\_policy\\`: per scenario") !=
          std::string::npos);
}

TEST_CASE("funnel as CSV for a spreadsheet and as JSON for scripts", "[report][cli][funnel]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    Run csv = ma_plan("--lang en funnel " + q(plan) + " --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out ==
          "stage,rate,band_low,band_high,outside_band,required,kpi_goal,kpi_target,"
          "kpi_below_required,expected\r\n"
          "inquiry,,,,0,3334,,,0,\r\n"
          "mql,0.15,0.1,0.25,0,500,g-mql,600,0,\r\n"
          "sal,0.6,0.4,0.7,0,300,,,0,\r\n"
          "sql,0.4,0.3,0.7,0,120,g-sql,120,0,\r\n"
          "won,0.25,0.2,0.3,0,30,,,0,\r\n");

    fs::path json = dir / "funnel.json";
    REQUIRE(ma_plan("--lang en funnel " + q(plan) + " --format json -o " + q(json)).exit_code == 0);
    Run parsed = run_shell(python +
                           " -c 'import json,sys; d=json.load(open(sys.argv[1])); "
                           "print(d[\"deals\"], d[\"romi\"], [s[\"required\"] for s in "
                           "d[\"stages\"]], d[\"gaps\"])' " +
                           q(json));
    INFO(parsed.err);
    CHECK(parsed.out == "30 3 [3334, 500, 300, 120, 30] []\n");

    Run md = ma_plan("--lang en funnel " + q(plan));
    REQUIRE(md.exit_code == 0);
    check_gfm_shape(md.out);
    CHECK(md.out.rfind("# Goals and the reverse funnel: ", 0) == 0);
    CHECK(md.out.find("| inquiry |  |  | 3,334 |  |  |") != std::string::npos);

    Run minimal = ma_plan("--lang en funnel config-examples/minimal.yaml --format json");
    REQUIRE(minimal.exit_code == 0);
    CHECK(minimal.out.find("\"deals\": null") != std::string::npos);
    CHECK(minimal.out.find("the plan has no `romi` block") != std::string::npos);
}

TEST_CASE("funnel --actuals: plan vs actual in Markdown (golden ja and en)",
          "[report][cli][funnel][actuals]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    const std::string actuals = "tests/reports/data/actuals-ja-manufacturer.csv";
    for (const std::string lang : {"ja", "en"}) {
        Run md = ma_plan("--lang " + lang + " funnel " + q(plan) + " --actuals " + actuals);
        INFO(md.err);
        REQUIRE(md.exit_code == 0);
        std::string out = md.out;
        // The plan's temporary path is in the heading; the golden file keeps its name only.
        for (auto pos = out.find(dir.path.string()); pos != std::string::npos;
             pos = out.find(dir.path.string()))
            out.replace(pos, dir.path.string().size(), "TMP");
        check_golden("funnel-actuals-ja-manufacturer." + lang + ".md", out);
        check_gfm_shape(md.out);
    }
    Run text = ma_plan("--lang en funnel " + q(plan) + " --actuals " + actuals +
                       " --period 2027-02 --format text");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("2027-02  inquiry  3,334   1,100  -2,234    -67%\n") != std::string::npos);
    CHECK(text.out.find("2027-01") == std::string::npos);
    Run csv = ma_plan("--lang en funnel " + q(plan) + " --actuals " + actuals + " --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("period,stage,plan,actual,gap,gap_ratio\r\n2027-01,inquiry,3334,1200,"
                        "-2134,",
                        0) == 0);
    CHECK(csv.out.find("all periods,inquiry,3334,2300,-1034,") != std::string::npos);

    // The report's funnel section carries the same tables, in both formats.
    Run report =
        ma_plan("--lang en report " + q(plan) + " --today 2026-12-01 --actuals " + actuals);
    REQUIRE(report.exit_code == 0);
    CHECK(report.out.find("### Forward funnel") != std::string::npos);
    CHECK(report.out.find("### Plan vs actual") != std::string::npos);
    fs::path html = dir / "report.html";
    REQUIRE(ma_plan("--lang en report " + q(plan) + " --format html --today 2026-12-01 --actuals " +
                    actuals + " -o " + q(html))
                .exit_code == 0);
    std::string h = read_file(html);
    CHECK(h.find("<h3>Plan vs actual</h3>") != std::string::npos);
    Run parsed = check_html(html);
    INFO(parsed.out << parsed.err);
    CHECK(parsed.exit_code == 0);
}

TEST_CASE("funnel --actuals: bad input is one line with exit 2 or 4 and no output file",
          "[report][cli][funnel][actuals]") {
    TempDir dir;
    fs::path plan = copy_example(dir, "ja-manufacturer.yaml");
    fs::path out = dir / "out.md";
    auto run = [&](const std::string& csv_text, const std::string& extra = "") {
        fs::path csv = dir / "actuals.csv";
        std::ofstream(csv, std::ios::binary) << csv_text;
        return ma_plan("--lang en funnel " + q(plan) + " --actuals " + q(csv) + extra + " -o " +
                       q(out));
    };
    Run stage = run("period,stage,count\n2027-01,sqll,5\n");
    CHECK(stage.exit_code == 2);
    CHECK(stage.err == "ma-plan: " + (dir / "actuals.csv").string() +
                           ":2:2: error: unknown stage \"sqll\"; did you mean \"sql\"? (the plan's "
                           "lifecycle: inquiry, mql, sal, sql, won)\n");
    Run count = run("期間,ステージ,件数\n2027-01,sql,１２件\n");
    CHECK(count.exit_code == 2);
    CHECK(count.err.find(":2:3: error: the count must be a whole number of 0 or more, not "
                         "\"１２件\": write 12") != std::string::npos);
    Run dup = run("period,sql\n2027-01,5\n2027-01,6\n");
    CHECK(dup.exit_code == 2);
    CHECK(dup.err.find(":3:2: error: period \"2027-01\", stage \"sql\" is given twice") !=
          std::string::npos);
    Run period = run("period,sql\n2027-01,5\n", " --period 2027-13");
    CHECK(period.exit_code == 4);
    CHECK(period.err.find("ma-plan: --period \"2027-13\" is not in ") == 0);
    CHECK_FALSE(fs::exists(out));
    Run ok = run("period,sql\n2027-01,5\n", " --period 2027-01");
    CHECK(ok.exit_code == 0);
    CHECK(fs::exists(out));
}

TEST_CASE("report HTML caps the timeline chart at 200 tasks with a note on the rest",
          "[report][cli][timeline]") {
    TempDir dir;
    std::string plan = read_file(source_dir / "config-examples/ja-manufacturer.yaml");
    std::string extra;
    for (int i = 0; i < 230; ++i) {
        extra += fmt::format(
            "  - name: 追加タスク{}\n    step: 4\n    roles: {{ marketing: 主担当 }}\n    "
            "status: todo\n    due: 2027-01-{:02}\n",
            i, i % 28 + 1);
    }
    plan.replace(plan.find("tasks:\n") + 7, 0, extra);
    std::ofstream(dir / "big.yaml", std::ios::binary) << plan;
    fs::path html = dir / "big.html";
    Run r = ma_plan("--lang en report " + q(dir / "big.yaml") +
                    " --format html --today 2026-12-01 -o " + q(html));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string text = read_file(html);
    CHECK(text.find("The chart shows the first 200 tasks by due date;") != std::string::npos);
    // Below the cap, no note (false-positive check).
    Run small =
        ma_plan("--lang en report " + q(source_dir / "config-examples/ja-manufacturer.yaml") +
                " --format html --today 2026-12-01");
    REQUIRE(small.exit_code == 0);
    CHECK(small.out.find("The chart shows the first") == std::string::npos);
}
