// The built binary on the bundled examples: golden files, GFM shape through cmark-gfm, errors
// and atomic output. UPDATE_GOLDEN=1 rewrites the golden files (then review the diff).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"

using namespace reports_test;

namespace {

struct GoldenCase {
    const char* file;  ///< under tests/reports/golden/
    const char* args;
};

// --today is fixed so overdue marks do not depend on the day the tests run.
const GoldenCase golden_cases[] = {
    {"raci-seed000-plan.ja.md", "--lang ja raci config-examples/seed000-roles.yaml --group plan"},
    {"raci-seed000.en.md", "--lang en raci config-examples/seed000-roles.yaml"},
    {"raci-ja-manufacturer.ja.md", "--lang ja raci config-examples/ja-manufacturer.yaml"},
    {"raci-ja-manufacturer-raci.en.md",
     "--lang en raci config-examples/ja-manufacturer.yaml --style raci"},
    {"raci-ja-manufacturer-by-stakeholder.ja.md",
     "--lang ja raci config-examples/ja-manufacturer.yaml --by stakeholder"},
    {"checklist-ja-manufacturer.ja.md",
     "--lang ja checklist config-examples/ja-manufacturer.yaml --today 2026-12-01"},
    {"checklist-ja-manufacturer.en.md",
     "--lang en checklist config-examples/ja-manufacturer.yaml --today 2026-12-01"},
    {"checklist-minimal.en.md",
     "--lang en checklist config-examples/minimal.yaml --today 2026-12-01"},
    {"checklist-minimal.ja.md",
     "--lang ja checklist config-examples/minimal.yaml --today 2026-12-01"},
    {"status-ja-manufacturer.ja.md",
     "--lang ja status config-examples/ja-manufacturer.yaml --format md --today 2026-12-01"},
    {"status-ja-manufacturer.en.md",
     "--lang en status config-examples/ja-manufacturer.yaml --format md --today 2026-12-01"},
};

std::filesystem::path golden_path(const char* file) {
    return std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/reports/golden" / file;
}

bool update_golden() {
    const char* update = std::getenv("UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

const char* hostile_plan = R"YAML(ma_plan: 1
project: { name: "Evil | <b>plan</b>", tool: other }
stakeholders:
  - { id: mk, name: "Mark|eting <i>x</i>", kind: marketing }
  - { id: it, name: "=HYPERLINK(\"http://x\")",
           kind : internal_systems
}
personas:
  - { id: p, name: "</td><td>injected" }
tasks:
  - { name: "a | b", step: 2, roles: { mk: 主担当, it: 共有 } }
  - { name: "line1\nline2 | x", step: 2, roles: { mk: 主担当 }, status: todo, due: 2026-01-01 }
  - { name: "`code | x`", step: 3, roles: { it: 主担当 } }
  - { name: "<script>alert(1)</script>", step: 4, roles: { mk: 主担当 } }
  - { name: "back\\slash \\| pipe \\", step: 4, roles: { mk: 主担当 } }
  - { name: "-2+3", step: 5, roles: { it: 受領, mk: 主担当 } }
  - { name: "[link](javascript:alert(1)) *em* ~~s~~ &amp; <!-- c -->", step: 6, roles: { mk: 主担当 } }
  - { name: "| leading pipe", step: 7, roles: { mk: 主担当 } }
)YAML";

std::filesystem::path write_hostile_plan(const TempDir& dir) {
    auto path = dir.path / "hostile.yaml";
    std::ofstream(path, std::ios::binary) << hostile_plan;
    return path;
}

}  // namespace

TEST_CASE("cmark-gfm is installed (the README's test command installs it)", "[cli][gfm]") {
    // Fail rather than skip: without it the shape tests below prove nothing.
    INFO("install it: sudo apt-get install cmark-gfm");
    REQUIRE(std::filesystem::exists(cmark_gfm));
}

TEST_CASE("golden files of the examples", "[cli][golden]") {
    for (const GoldenCase& c : golden_cases) {
        INFO("ma-plan " << c.args);
        Run r = ma_plan(c.args);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        if (update_golden()) {
            std::ofstream(golden_path(c.file), std::ios::binary) << r.out;
            continue;
        }
        INFO("golden " << c.file << " (UPDATE_GOLDEN=1 rewrites it)");
        CHECK(read_file(golden_path(c.file)) == r.out);
    }
}

TEST_CASE("every Markdown output of the examples renders as well-formed GFM", "[cli][gfm]") {
    REQUIRE(std::filesystem::exists(cmark_gfm));
    for (const GoldenCase& c : golden_cases) {
        INFO("ma-plan " << c.args);
        Run r = ma_plan(c.args);
        REQUIRE(r.exit_code == 0);
        check_gfm_shape(r.out);
    }
}

TEST_CASE("hostile names cannot break the tables or inject markup", "[cli][gfm][hostile]") {
    REQUIRE(std::filesystem::exists(cmark_gfm));
    TempDir dir;
    auto plan = write_hostile_plan(dir).string();
    for (std::string args :
         {"raci", "raci --group plan", "raci --style raci", "raci --by stakeholder",
          "checklist --today 2026-12-01", "status --format md --today 2026-12-01"}) {
        for (const char* lang : {"ja", "en"}) {
            std::string cmd =
                std::string("--lang ") + lang + " " + args.substr(0, args.find(' ')) + " '" + plan +
                "'" + (args.find(' ') == std::string::npos ? "" : args.substr(args.find(' ')));
            INFO("ma-plan " << cmd);
            Run r = ma_plan(cmd);
            REQUIRE(r.exit_code == 0);
            check_gfm_shape(r.out);
        }
    }
    // The matrix keeps 8 task rows + header, 3 columns, whatever the names contain.
    Run r = ma_plan("--lang en raci '" + plan + "' --group plan");
    auto tables = markdown_tables(r.out);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].size() == 9);
    std::string html = gfm_to_html(r.out);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("line1 line2 | x") != std::string::npos);
    CHECK(html.find("`code | x`") != std::string::npos);
    CHECK(html.find("Mark|eting &lt;i&gt;x&lt;/i&gt;") != std::string::npos);
    CHECK(html.find("back\\slash \\| pipe \\") != std::string::npos);
}

TEST_CASE("CSV from the binary: BOM and formula guard", "[cli][csv]") {
    TempDir dir;
    auto plan = write_hostile_plan(dir).string();
    Run r = ma_plan("--lang en raci '" + plan + "' --format csv --bom --group plan");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("\xEF\xBB\xBFStep,Task,", 0) == 0);
    CHECK(r.out.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
    CHECK(r.out.find("\r\n6,'-2+3,") == std::string::npos);
    CHECK(r.out.find("\r\n5,'-2+3,主担当,受領\r\n") != std::string::npos);
}

TEST_CASE("a plan that cannot be read is one error line and exit 2", "[cli][errors]") {
    Run missing = ma_plan("raci no-such-plan.yaml");
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.rfind("no-such-plan.yaml: ", 0) == 0);
    CHECK(count(missing.err, "\n") == 1);

    TempDir scratch;
    const auto& dir = scratch.path;
    std::ofstream(dir / "broken.yaml") << "ma_plan: 1\nproject: [unclosed\n";
    for (const char* cmd : {"raci", "checklist", "status"}) {
        INFO(cmd);
        Run r =
            ma_plan(std::string("--lang en ") + cmd + " '" + (dir / "broken.yaml").string() + "'");
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find((dir / "broken.yaml").string() + ":") == 0);
        CHECK(r.err.find(": error: ") != std::string::npos);
        CHECK(count(r.err, "\n") == 1);
    }
}

TEST_CASE("bad option values are usage errors", "[cli][errors]") {
    CHECK(ma_plan("checklist config-examples/minimal.yaml --today 2026-02-30").exit_code == 4);
    CHECK(ma_plan("status config-examples/minimal.yaml --today yesterday").exit_code == 4);
    Run owner = ma_plan("--lang en checklist config-examples/ja-manufacturer.yaml --owner legall");
    CHECK(owner.exit_code == 4);
    CHECK(owner.err.find("did you mean \"legal\"") != std::string::npos);
    CHECK(ma_plan("checklist config-examples/minimal.yaml --step 9").exit_code != 0);
    CHECK(ma_plan("raci config-examples/minimal.yaml --format pdf").exit_code != 0);
}

TEST_CASE("output file (-o) is written atomically and keeps the old file when the run fails",
          "[cli][output]") {
    TempDir scratch;
    const auto& dir = scratch.path;
    auto out = (dir / "roles.md").string();
    Run ok = ma_plan("raci config-examples/seed000-roles.yaml --group plan -o '" + out + "'");
    REQUIRE(ok.exit_code == 0);
    CHECK(ok.out.empty());
    CHECK(read_file(out) == ma_plan("raci config-examples/seed000-roles.yaml --group plan").out);

    std::ofstream(out, std::ios::trunc) << "previous report\n";
    Run failed = ma_plan("raci no-such-plan.yaml -o '" + out + "'");
    CHECK(failed.exit_code == 2);
    CHECK(read_file(out) == "previous report\n");
    Run bad_date =
        ma_plan("checklist config-examples/minimal.yaml --today 2026-99-01 -o '" + out + "'");
    CHECK(bad_date.exit_code == 4);
    CHECK(read_file(out) == "previous report\n");
    // An unwritable target is an I/O error (exit 2), not a crash.
    Run no_dir =
        ma_plan("raci config-examples/minimal.yaml -o '" + (dir / "missing/x.md").string() + "'");
    CHECK(no_dir.exit_code == 2);
    std::size_t leftovers = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        ++leftovers;
    }
    CHECK(leftovers == 1);  // no temporary file left behind
}

TEST_CASE("language: --lang / else MA_PLAN_LANG / else the plan's project.language",
          "[cli][lang]") {
    // seed000-roles.yaml says language: ja; the environment of ma_plan() names no language.
    CHECK(ma_plan("raci config-examples/seed000-roles.yaml").out.rfind("# 役割分担表", 0) == 0);
    CHECK(ma_plan("--lang en raci config-examples/seed000-roles.yaml")
              .out.rfind("# Role matrix", 0) == 0);
    Run env = run_shell("cd '" MA_PLAN_SOURCE_DIR "' && MA_PLAN_LANG=en '" MA_PLAN_BIN
                        "' raci config-examples/seed000-roles.yaml");
    CHECK(env.out.rfind("# Role matrix", 0) == 0);
    // minimal.yaml names no language: the locale decides (C.UTF-8 → English).
    CHECK(ma_plan("status config-examples/minimal.yaml --today 2026-12-01")
              .out.rfind("Readiness", 0) == 0);
}

TEST_CASE("help shows examples", "[cli][help]") {
    for (const char* cmd : {"raci", "checklist", "status"}) {
        Run r = ma_plan(std::string(cmd) + " --help");
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("Examples:") != std::string::npos);
    }
}

TEST_CASE("checklist filters combine on the command line", "[cli][filter]") {
    Run r = ma_plan(
        "--lang en checklist config-examples/ja-manufacturer.yaml --owner 情報システム部 "
        "--status todo,in_progress --today 2026-12-01");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out ==
          "# Rollout checklist: 産業機器メーカーA社 MA導入\n\nAs of 2026-12-01 · 0 of 1 done\n\n"
          "## 6. Tool setup\n\nTasks in the plan:\n\n"
          "- [ ] **送信ドメイン認証の設定** — owner: 情報システム部 · in progress · due "
          "2026-12-20\n");
    Run step = ma_plan(
        "--lang en checklist config-examples/ja-manufacturer.yaml --step 3 --today 2026-12-01");
    CHECK(step.out.find("## 3. Targets") != std::string::npos);
    CHECK(count(step.out, "\n## ") == 1);
}

TEST_CASE("the plan can come from standard input", "[cli][stdin]") {
    Run r = ma_plan("raci - --group plan < config-examples/seed000-roles.yaml");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == ma_plan("raci config-examples/seed000-roles.yaml --group plan").out);
}

TEST_CASE("status on the terminal shows bars and overdue tasks", "[cli][status]") {
    Run r = ma_plan("--lang en status config-examples/ja-manufacturer.yaml --today 2026-12-16");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Total ") != std::string::npos);
    CHECK(r.out.find("█████████░") != std::string::npos);
    CHECK(
        r.out.find("⚠ overdue:\n  - MA ツール利用申請 (due 2026-12-15, owner マーケティング部)") !=
        std::string::npos);
    CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal
}
