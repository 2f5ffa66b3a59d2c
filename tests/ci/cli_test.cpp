// The real binary: precedence of command line, MA_PLAN_* variables and .ma-plan.yaml, several
// formats in one run, GitHub Actions auto-detection, stable order over several workers.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include <catch2/catch.hpp>

#include "ci/helpers.hpp"

using ci_test::run;

namespace {

// No errors, only warnings (the plan is unfinished): fails only from --fail-on warning down.
const std::string warnings_only = "ma_plan: 1\nproject:\n  name: Minimal\n  tool: hubspot\n";

std::string last_line(const std::string& s) {
    auto end = s.find_last_not_of('\n');
    auto start = s.rfind('\n', end);
    return s.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

}  // namespace

TEST_CASE("cli: --fail-on from command line > MA_PLAN_FAIL_ON > .ma-plan.yaml > default") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml", warnings_only);
    std::string bin = ci_test::binary();
    CHECK(run(bin + " validate plan.yaml", tmp.path).exit_code == 0);
    ci_test::write_file(tmp / ".ma-plan.yaml", "fail_on: warning\n");
    CHECK(run(bin + " validate plan.yaml", tmp.path).exit_code == 1);
    CHECK(run("MA_PLAN_FAIL_ON=error " + bin + " validate plan.yaml", tmp.path).exit_code == 0);
    CHECK(run("MA_PLAN_FAIL_ON=error " + bin + " validate plan.yaml --fail-on warning", tmp.path)
              .exit_code == 1);
    CHECK(run(bin + " validate plan.yaml --fail-on error", tmp.path).exit_code == 0);
    CHECK(run(bin + " validate plan.yaml --fail-on error --strict", tmp.path).exit_code == 1);
}

TEST_CASE("cli: language from --lang > MA_PLAN_LANG > .ma-plan.yaml") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml", warnings_only);
    ci_test::write_file(tmp / ".ma-plan.yaml", "language: ja\n");
    std::string bin = ci_test::binary();
    CHECK(last_line(run(bin + " validate plan.yaml", tmp.path).output)
              .starts_with("1 ファイルを検査"));
    CHECK(last_line(run("MA_PLAN_LANG=en " + bin + " validate plan.yaml", tmp.path).output)
              .starts_with("1 file checked"));
    CHECK(
        last_line(run("MA_PLAN_LANG=en " + bin + " validate plan.yaml --lang ja", tmp.path).output)
            .starts_with("1 ファイルを検査"));
}

TEST_CASE("cli: rules switched off per directory - --config and MA_PLAN_CONFIG for all plans") {
    ci_test::TempDir tmp;
    std::string bad = "ma_plan: 1\nproject:\n  name: X\n  tool: hubspt\n";
    ci_test::write_file(tmp / "a/plan.yaml", bad);
    ci_test::write_file(tmp / "b/plan.yaml", bad);
    ci_test::write_file(tmp / "a/.ma-plan.yaml", "rules:\n  SCHEMA-005: warning\n");
    ci_test::write_file(tmp / "other.yaml", "rules:\n  SCHEMA-005: off\n");
    std::string bin = ci_test::binary();
    auto r = run(bin + " validate a/plan.yaml b/plan.yaml -f github", tmp.path);
    CHECK(r.output.find("::warning file=a/plan.yaml,line=4,col=9,title=SCHEMA-005::") !=
          std::string::npos);
    CHECK(r.output.find("::error file=b/plan.yaml,line=4,col=9,title=SCHEMA-005::") !=
          std::string::npos);
    CHECK(r.exit_code == 1);
    r = run(bin + " validate a/plan.yaml b/plan.yaml -f github --config other.yaml", tmp.path);
    CHECK(r.output.find("SCHEMA-005") == std::string::npos);
    r = run("MA_PLAN_CONFIG=other.yaml " + bin + " validate a/plan.yaml b/plan.yaml -f github",
            tmp.path);
    CHECK(r.output.find("SCHEMA-005") == std::string::npos);
}

TEST_CASE("cli: a mistake in .ma-plan.yaml stops the run with exit code 4") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml", warnings_only);
    ci_test::write_file(tmp / ".ma-plan.yaml", "rules:\n  RACI-01: off\n");
    auto r = run(ci_test::binary() + " validate plan.yaml --lang en", tmp.path);
    CHECK(r.exit_code == 4);
    CHECK(r.output ==
          "ma-plan: .ma-plan.yaml:2:3: unknown rule \"RACI-01\"; did you mean \"RACI-001\"?\n");
}

TEST_CASE("cli: --no-inline-suppressions and MA_PLAN_NO_INLINE_SUPPRESSIONS") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml",
                        "ma_plan: 1\nproject:\n  name: X\n"
                        "  tool: hubspt  # ma-plan: disable-line SCHEMA-005 not listed yet\n");
    std::string bin = ci_test::binary();
    auto grep = " -f github | grep -c SCHEMA-005";
    CHECK(run(bin + " validate plan.yaml" + grep, tmp.path).output == "0\n");
    CHECK(run(bin + " validate plan.yaml --no-inline-suppressions" + grep, tmp.path).output ==
          "1\n");
    CHECK(run("MA_PLAN_NO_INLINE_SUPPRESSIONS=1 " + bin + " validate plan.yaml" + grep, tmp.path)
              .output == "1\n");
    ci_test::write_file(tmp / ".ma-plan.yaml", "inline_suppressions: false\n");
    CHECK(run(bin + " validate plan.yaml" + grep, tmp.path).output == "1\n");
}

TEST_CASE("cli: GitHub Actions gets text and annotations unless a format is chosen") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml", "ma_plan: 1\nproject:\n  name: X\n  tool: hubspt\n");
    std::string bin = ci_test::binary();
    auto r = run("GITHUB_ACTIONS=true " + bin + " validate plan.yaml --lang en", tmp.path);
    CHECK(r.output.find("plan.yaml:4:9: error: \"hubspt\" is not allowed") != std::string::npos);
    CHECK(r.output.find("::error file=plan.yaml,line=4,col=9,title=SCHEMA-005::") !=
          std::string::npos);
    r = run("GITHUB_ACTIONS=true " + bin + " validate plan.yaml -f text", tmp.path);
    CHECK(r.output.find("::error") == std::string::npos);
    r = run(bin + " validate plan.yaml", tmp.path);
    CHECK(r.output.find("::error") == std::string::npos);
}

TEST_CASE("cli: several formats in one run / each to its own file - MA_PLAN_FORMAT") {
    ci_test::TempDir tmp;
    ci_test::write_file(tmp / "plan.yaml", "ma_plan: 1\nproject:\n  name: X\n  tool: hubspt\n");
    std::string bin = ci_test::binary();
    auto r = run(bin + " validate plan.yaml -f text -f sarif=out.sarif -f junit=out.xml", tmp.path);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("plan.yaml:4:9:") != std::string::npos);
    CHECK(ci_test::read_file(tmp / "out.sarif").find("\"ruleId\": \"SCHEMA-005\"") !=
          std::string::npos);
    CHECK(ci_test::read_file(tmp / "out.xml").find("<testcase name=\"SCHEMA-005\"") !=
          std::string::npos);
    r = run("MA_PLAN_FORMAT=github,json=out.json " + bin + " validate plan.yaml", tmp.path);
    CHECK(r.output.find("::error file=plan.yaml,line=4,col=9,title=SCHEMA-005::") !=
          std::string::npos);
    CHECK(ci_test::read_file(tmp / "out.json").find("\"rule\": \"SCHEMA-005\"") !=
          std::string::npos);
    r = run(bin + " validate plan.yaml -f sarif2 --lang en", tmp.path);
    CHECK(r.exit_code == 4);
    CHECK(r.output.find("unknown format \"sarif2\"; choose one of: text, compact, json, sarif, "
                        "junit, github") != std::string::npos);
}

TEST_CASE("cli: results keep the input order whatever the number of workers") {
    ci_test::TempDir tmp;
    for (int i = 0; i < 40; ++i) {
        ci_test::write_file(tmp / fmt::format("plans/p{:02}.yaml", i),
                            fmt::format("ma_plan: 1\nproject:\n  name: P{}\n  tool: {}\n", i,
                                        i % 3 == 0 ? "hubspt" : "hubspot"));
    }
    std::string bin = ci_test::binary();
    auto one = run(bin + " validate plans -f json -j 1", tmp.path);
    auto four = run(bin + " validate plans -f json -j 4", tmp.path);
    auto env = run("MA_PLAN_JOBS=3 " + bin + " validate plans -f json", tmp.path);
    CHECK(one.exit_code == 1);
    CHECK(one.output == four.output);
    CHECK(one.output == env.output);
    CHECK(one.output.find("plans/p00.yaml") < one.output.find("plans/p39.yaml"));
    CHECK(run(bin + " validate plans -j 0", tmp.path).exit_code == 4);  // a value not allowed
}

TEST_CASE("cli: every command is in the man page and in the completion scripts") {
    std::string bin = ci_test::binary();
    auto commands = run(bin + " completion commands", ".", false);
    REQUIRE(commands.exit_code == 0);
    std::string man =
        ci_test::read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) / "docs/ma-plan.1");
    std::string bash = run(bin + " completion bash").output;
    std::string zsh = run(bin + " completion zsh").output;
    std::istringstream lines(commands.output);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line == "ma-plan") continue;
        ++count;
        std::string name = line.substr(std::string("ma-plan ").size());
        CHECK_THAT(
            man, Catch::Contains(".SS " + name + "\n") || Catch::Contains(".SS \"" + name + "\""));
        std::string path = "ma-plan/" + name;
        std::replace(path.begin(), path.end(), ' ', '/');
        CHECK_THAT(bash, Catch::Contains("\"" + path + "\")"));
        CHECK_THAT(zsh, Catch::Contains("(\"" + path + "\")"));
    }
    CHECK(count >= 5);
    // On failure: ma-plan completion man > docs/ma-plan.1
    CHECK(man == run(bin + " completion man", ".", false).output);
    CHECK_THAT(bash, Catch::Contains("\"ma-plan/validate:--fail-on\") COMPREPLY=($(compgen -W "
                                     "'error warning info' -- \"$cur\")); return ;;"));
    CHECK_THAT(zsh, Catch::Contains("'--no-inline-suppressions:Ignore "));
}

TEST_CASE("cli: quoted globs expand in sorted order with double-star at any depth") {
    ci_test::TempDir tmp;
    for (const char* p : {"plans/x.yaml", "plans/a/b/y.yaml", "plans/a/z.yml", "other/w.yaml"}) {
        ci_test::write_file(tmp / p, warnings_only);
    }
    std::string bin = ci_test::binary();
    auto paths = [&](const std::string& pattern) {
        std::string out =
            run(bin + " validate '" + pattern + "' -f json | grep '\"path\"'", tmp.path).output;
        std::string compact;
        for (char c : out) compact += c == ' ' ? std::string() : std::string(1, c);
        return compact;
    };
    CHECK(paths("plans/*.yaml") == "\"path\":\"plans/x.yaml\",\n");
    CHECK(paths("plans/**/*.yaml") ==
          "\"path\":\"plans/a/b/y.yaml\",\n\"path\":\"plans/x.yaml\",\n");
    auto r = run(bin + " validate 'nothing/*.yaml' --lang en", tmp.path);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("nothing/*.yaml: error: no such file") != std::string::npos);
}
