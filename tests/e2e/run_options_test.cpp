// End-to-end: the run options every plan-reading command shares (lib/config/run.hpp), with their
// exit codes, and one configuration obeyed by validate, status and rules alike.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run.hpp"

using e2e::ma_plan;

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

/// Warnings only (17 of them, all plan-wide): no errors.
const std::string warnings_only = "ma_plan: 1\nproject:\n  name: Minimal\n  tool: hubspot\n";
/// One error (SCHEMA-005, an unknown tool) besides the warnings.
const std::string with_error = "ma_plan: 1\nproject:\n  name: X\n  tool: hubspt\n";
const std::string compose = "services:\n  db:\n    image: postgres\n";

/// A scratch directory holding the clean bundled example as plan.yaml.
fs::path clean_dir(const std::string& name) {
    auto dir = e2e::scratch_dir(name);
    fs::copy_file(fs::path(MA_PLAN_SOURCE_DIR) / "config-examples/ja-manufacturer.yaml",
                  dir / "plan.yaml");
    return dir;
}

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

/// The "Total" line of `status` text output.
std::string total_line(const std::string& out) {
    auto at = out.find("\nTotal");
    if (at == std::string::npos) at = out.find("\n合計");
    return at == std::string::npos ? "" : out.substr(at + 1, out.find('\n', at + 1) - at - 1);
}

}  // namespace

TEST_CASE("run options: a directory run skips a docker-compose.yml and says so", "[e2e]") {
    auto dir = clean_dir("compose");
    write(dir / "docker-compose.yml", compose);
    auto r = ma_plan("validate --lang en " + q(dir));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "1 file checked: 0 errors, 0 warnings, 0 info\n");
    CHECK(r.err == "ma-plan: skipped 1 YAML file that is not a plan (no ma_plan:)\n");
    r = ma_plan("validate --lang ja " + q(dir));
    CHECK(r.err ==
          "ma-plan: プランではない YAML ファイル 1 件を飛ばしました (ma_plan: がありません)\n");
    // Named, it is read: and it is not a plan.
    r = ma_plan("validate --lang en " + q(dir / "docker-compose.yml"));
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
}

TEST_CASE("run options: --exclude GLOB and ignore: leave found files out", "[e2e]") {
    auto dir = clean_dir("exclude");
    write(dir / "drafts/broken.yaml", with_error);
    CHECK(ma_plan("validate " + q(dir)).exit_code == 1);
    auto r = ma_plan("validate --exclude 'drafts' " + q(dir));
    CHECK(r.exit_code == 0);
    CHECK(ma_plan("validate " + q(dir) + " --exclude '**/broken.yaml'").exit_code == 0);
    // Named files are always read.
    CHECK(ma_plan("validate --exclude drafts " + q(dir / "drafts/broken.yaml")).exit_code == 1);
    CHECK(ma_plan("validate " + q(dir) + " --exclude").exit_code == 3);

    write(dir / ".ma-plan.yaml", "ignore:\n  - drafts/**\n");
    CHECK(ma_plan("validate " + q(dir)).exit_code == 0);
    write(dir / ".ma-plan.yaml", "ignore: {drafts: 1}\n");
    r = ma_plan("validate --lang en " + q(dir));
    CHECK(r.exit_code == 4);
    CHECK(r.err.find(".ma-plan.yaml:1:9: \"ignore\" must be a list of globs") != std::string::npos);
    write(dir / ".ma-plan.yaml", "ignor:\n  - drafts/**\n");
    r = ma_plan("validate --lang en " + q(dir));
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("unknown key \"ignor\"; did you mean \"ignore\"?") != std::string::npos);
}

TEST_CASE("run options: -q/--quiet and --severity filter what is shown and counted", "[e2e]") {
    auto dir = e2e::scratch_dir("quiet");
    write(dir / "plan.yaml", warnings_only);
    std::string plan = q(dir / "plan.yaml");
    auto r = ma_plan("validate --lang en --fail-on warning " + plan);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("warning:") != std::string::npos);
    r = ma_plan("validate --lang en --fail-on warning -q " + plan);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "1 file checked: 0 errors, 0 warnings, 0 info\n");
    CHECK(ma_plan("validate --fail-on warning --quiet " + plan).exit_code == 0);
    CHECK(ma_plan("validate --fail-on warning --severity error " + plan).exit_code == 0);
    CHECK(ma_plan("validate --fail-on warning --severity warning " + plan).exit_code == 1);
    CHECK(ma_plan("validate --severity fatal " + plan).exit_code == 4);
    CHECK(ma_plan("validate --fail-on warning " + plan, "MA_PLAN_SEVERITY=error").exit_code == 0);
    CHECK(ma_plan("validate " + plan, "MA_PLAN_SEVERITY=loud").exit_code == 4);
    // Errors still show and fail with --quiet.
    write(dir / "bad.yaml", with_error);
    CHECK(ma_plan("validate -q " + q(dir / "bad.yaml")).exit_code == 1);
}

TEST_CASE("run options: --max-warnings N fails on more than N warnings", "[e2e]") {
    auto dir = e2e::scratch_dir("maxwarn");
    write(dir / "plan.yaml", warnings_only);
    std::string plan = q(dir / "plan.yaml");
    CHECK(ma_plan("validate " + plan).exit_code == 0);
    auto r = ma_plan("validate --lang en --max-warnings 16 " + plan);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "ma-plan: 17 warnings, more than --max-warnings 16\n");
    CHECK(ma_plan("validate --max-warnings 17 " + plan).exit_code == 0);
    CHECK(ma_plan("validate " + plan, "MA_PLAN_MAX_WARNINGS=0").exit_code == 1);
    CHECK(ma_plan("validate --max-warnings many " + plan).exit_code == 4);
    CHECK(ma_plan("validate " + plan, "MA_PLAN_MAX_WARNINGS=many").exit_code == 4);
}

TEST_CASE("run options: --disable RULE / --enable RULE and unknown IDs exit 4", "[e2e]") {
    auto dir = e2e::scratch_dir("disable");
    write(dir / "plan.yaml", with_error);
    std::string plan = q(dir / "plan.yaml");
    CHECK(ma_plan("validate " + plan).exit_code == 1);
    auto r = ma_plan("validate --disable SCHEMA-005 " + plan);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("SCHEMA-005") == std::string::npos);
    r = ma_plan("validate --lang en --disable SCHEMA-05 " + plan);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "ma-plan: --disable SCHEMA-05: unknown rule; did you mean \"SCHEMA-005\"?\n");
    write(dir / ".ma-plan.yaml", "rules:\n  SCHEMA-005: off\n");
    CHECK(ma_plan("validate " + plan).exit_code == 0);
    CHECK(ma_plan("validate --enable SCHEMA-005 " + plan).exit_code == 1);
    CHECK(ma_plan("validate --lang en --enable schema-005 " + plan).exit_code == 4);
    CHECK(ma_plan("validate " + plan + " --disable").exit_code == 3);
}

TEST_CASE("run options: --print-config FILE shows each value and where it came from", "[e2e]") {
    auto dir = e2e::scratch_dir("printconfig");
    write(dir / "plan.yaml", warnings_only);
    write(dir / ".ma-plan.yaml", "fail_on: warning\nrules:\n  GOAL-001: off\n");
    auto r = ma_plan("validate --lang en --print-config " + q(dir / "plan.yaml") +
                     " --disable RACI-001");
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    std::string cfg = (fs::path(dir) / ".ma-plan.yaml").lexically_proximate(MA_PLAN_SOURCE_DIR);
    CHECK(r.out.find("language: en                             # command line --lang\n") !=
          std::string::npos);
    CHECK(r.out.find("fail_on: warning                         # " + cfg + "\n") !=
          std::string::npos);
    CHECK(r.out.find("  GOAL-001: off                          # " + cfg + "\n") !=
          std::string::npos);
    CHECK(r.out.find("  RACI-001: off                          # command line --disable\n") !=
          std::string::npos);
    r = ma_plan("validate --print-config " + q(dir / "plan.yaml"), "MA_PLAN_FAIL_ON=info");
    CHECK(r.out.find("fail_on: info                            # environment MA_PLAN_FAIL_ON\n") !=
          std::string::npos);
    write(dir / ".ma-plan.yaml", "fail_on: fatal\n");
    CHECK(ma_plan("validate --print-config " + q(dir / "plan.yaml")).exit_code == 4);
    CHECK(ma_plan("validate --print-config").exit_code == 3);
    CHECK(ma_plan("validate").exit_code == 3);
}

TEST_CASE("run options: --color auto|always|never", "[e2e]") {
    auto dir = e2e::scratch_dir("color");
    write(dir / "plan.yaml", warnings_only);
    std::string plan = q(dir / "plan.yaml");
    // The harness pipes stdout: auto means no colour.
    CHECK(ma_plan("validate " + plan, "LANG=C.UTF-8").out.find("\x1b[") == std::string::npos);
    auto r = ma_plan("validate --color always " + plan);  // NO_COLOR=1 set: always wins
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\x1b[") != std::string::npos);
    CHECK(ma_plan("validate --color never " + plan).out.find("\x1b[") == std::string::npos);
    CHECK(ma_plan("status --color always --today 2026-12-01 " + plan).out.find("\x1b[") !=
          std::string::npos);
    CHECK(ma_plan("validate --color sometimes " + plan).exit_code == 4);
}

TEST_CASE("run options: options before or after paths - --format does not take a path", "[e2e]") {
    auto dir = clean_dir("order");
    fs::copy_file(dir / "plan.yaml", dir / "second.yaml");
    std::string a = q(dir / "plan.yaml"), b = q(dir / "second.yaml");
    auto r = ma_plan("validate --format sarif " + a + " " + b);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"version\": \"2.1.0\"") != std::string::npos);
    r = ma_plan("validate --lang en " + a + " --format text " + b);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "2 files checked: 0 errors, 0 warnings, 0 info\n");
    CHECK(ma_plan("validate --exclude x " + a + " --disable GOAL-001 " + b).exit_code == 0);
}

TEST_CASE("run options: status and validate agree under the same .ma-plan.yaml", "[e2e]") {
    auto dir = e2e::scratch_dir("agree");
    write(dir / "plan.yaml", warnings_only);
    std::string plan = q(dir / "plan.yaml");
    auto v = ma_plan("validate --lang en " + plan);
    auto s = ma_plan("status --lang en --today 2026-12-01 " + plan);
    CHECK(v.out.find("0 errors, 17 warnings") != std::string::npos);
    CHECK(total_line(s.out).find(" 17 ") != std::string::npos);

    write(dir / ".ma-plan.yaml", "rules:\n  GOAL-001: off\n  ROLE-001: error\n");
    v = ma_plan("validate --lang en " + plan);
    s = ma_plan("status --lang en --today 2026-12-01 " + plan);
    CHECK(v.out.find("1 file checked: 1 error, 15 warnings") != std::string::npos);
    CHECK(total_line(s.out) ==
          "Total                          0/48  0%  ░░░░░░░░░░       1        15        0");
    // The command line's switches apply to status too.
    s = ma_plan("status --lang en --today 2026-12-01 --enable GOAL-001 " + plan);
    CHECK(total_line(s.out).find(" 16 ") != std::string::npos);
    CHECK(ma_plan("status --disable GOAL-01 " + plan).exit_code == 4);
}

TEST_CASE("run options: language: in .ma-plan.yaml changes rules and status too", "[e2e]") {
    auto dir = e2e::scratch_dir("language");
    write(dir / "plan.yaml", warnings_only);
    std::string plan = q(dir / "plan.yaml");
    write(dir / ".ma-plan.yaml", "language: ja\n");
    auto s = ma_plan("status --today 2026-12-01 " + plan);
    CHECK(s.out.starts_with("準備状況"));
    auto r = ma_plan("rules --config " + q(dir / ".ma-plan.yaml"));
    CHECK(r.out.find("0. プランファイル") != std::string::npos);
    r = e2e::ma_plan("rules", "NO_COLOR=1 LANG=C.UTF-8");
    CHECK(r.out.find("0. Plan file") != std::string::npos);
    // rules in a directory governed by the file: through a subshell there.
    auto in_dir =
        test_support::run_shell("cd " + q(dir) + " && env LANG=C.UTF-8 '" MA_PLAN_BIN "' rules");
    CHECK(in_dir.out.find("0. プランファイル") != std::string::npos);
    // --lang still wins.
    CHECK(ma_plan("--lang en status --today 2026-12-01 " + plan).out.starts_with("Readiness"));
    CHECK(ma_plan("checklist " + plan).out.find("チェックリスト") != std::string::npos);
    // lists: the plan's configuration, else the working directory's, else --config.
    auto ws = q(dir / "ws.sqlite");
    CHECK(ma_plan("lists init --db " + ws + " --plan " + plan).out.starts_with("ワークスペース"));
    CHECK(ma_plan("lists status --db " + ws + " --config " + q(dir / ".ma-plan.yaml"))
              .out.find("| 種類 |") != std::string::npos);
    auto lists_in_dir = test_support::run_shell(
        "cd " + q(dir) + " && env LANG=C.UTF-8 '" MA_PLAN_BIN "' lists status --db ws.sqlite");
    CHECK(lists_in_dir.out.find("| 種類 |") != std::string::npos);
    CHECK(ma_plan("--lang en lists status --db " + ws + " --plan " + plan).out.find("| 種類 |") ==
          std::string::npos);
}
