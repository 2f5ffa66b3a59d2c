// config::resolve_run against an in-memory filesystem: precedence per setting, discovery,
// file selection and the errors of environment variables and rule switches.
#include <catch2/catch.hpp>

#include <map>

#include "config/filesystem.hpp"
#include "config/run.hpp"
#include "core/errors.hpp"

using namespace maplan;
using config::MemoryFileSystem;
using config::Origin;

namespace {

const char* const plan_text = "ma_plan: 1\nproject:\n  name: x\n";

config::Environment environment(std::map<std::string, std::string> vars = {}) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end() || it->second.empty()) return std::nullopt;
        return it->second;
    };
}

config::ResolvedRun resolve(const MemoryFileSystem& fs, std::vector<std::string> inputs,
                            config::CommandLine cl = {},
                            std::map<std::string, std::string> env = {}) {
    return config::resolve_run({std::move(inputs), std::move(cl)}, fs, environment(env));
}

std::vector<std::string> paths(const config::ResolvedRun& run) {
    std::vector<std::string> out;
    for (const auto& p : run.plans) out.push_back(p.path);
    return out;
}

template <class F>
std::string usage_error(F&& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.message().en;
    }
    return "(no UsageError)";
}

/// A repository at /work/repo with a plan in plans/.
MemoryFileSystem repository(const std::string& config_text) {
    MemoryFileSystem fs("/work/repo");
    fs.add_directory("/work/repo/.git");
    fs.add_file("/work/repo/.ma-plan.yaml", config_text);
    fs.add_file("/work/repo/plans/a.yaml", plan_text);
    return fs;
}

}  // namespace

TEST_CASE("run: fail_on from command line > MA_PLAN_FAIL_ON > .ma-plan.yaml > default") {
    auto fs = repository("fail_on: info\n");
    auto run = resolve(fs, {"plans/a.yaml"});
    CHECK(run.fail_on.value == Severity::info);
    CHECK(run.fail_on.origin.kind == Origin::Kind::config_file);
    CHECK(run.fail_on.origin.detail == ".ma-plan.yaml");

    run = resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_FAIL_ON", "warning"}});
    CHECK(run.fail_on.value == Severity::warning);
    CHECK(run.fail_on.origin.describe().en == "environment MA_PLAN_FAIL_ON");

    config::CommandLine cl;
    cl.fail_on = Severity::error;
    run = resolve(fs, {"plans/a.yaml"}, cl, {{"MA_PLAN_FAIL_ON", "warning"}});
    CHECK(run.fail_on.value == Severity::error);
    CHECK(run.fail_on.origin.describe().en == "command line --fail-on");

    cl = {};
    cl.strict = true;
    run = resolve(fs, {"plans/a.yaml"}, cl, {{"MA_PLAN_FAIL_ON", "info"}});
    CHECK(run.fail_on.value == Severity::warning);

    auto bare = MemoryFileSystem("/work");
    bare.add_file("plan.yaml", plan_text);
    run = resolve(bare, {"plan.yaml"});
    CHECK(run.fail_on.value == Severity::error);
    CHECK(run.fail_on.origin.kind == Origin::Kind::built_in);
    CHECK(run.fail_on.origin.describe().ja == "既定値");
}

TEST_CASE("run: language from --lang > MA_PLAN_LANG > .ma-plan.yaml > the locale") {
    auto fs = repository("language: ja\n");
    CHECK(resolve(fs, {"plans/a.yaml"}).language.value == Lang::ja);
    CHECK(resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_LANG", "en"}}).language.value == Lang::en);
    config::CommandLine cl;
    cl.language = "ja";
    CHECK(resolve(fs, {"plans/a.yaml"}, cl, {{"MA_PLAN_LANG", "en"}}).language.value == Lang::ja);
    // No plan (`rules`): the working directory's file.
    auto run = resolve(fs, {});
    CHECK(run.language.value == Lang::ja);
    CHECK(run.plans.empty());
    MemoryFileSystem empty("/work");
    CHECK_FALSE(resolve(empty, {}).language.value);
}

TEST_CASE("run: suppressions - max findings - rules per plan with the command line over the file") {
    auto fs = repository(
        "inline_suppressions: false\n"
        "max_findings_per_rule: 5\n"
        "rules:\n"
        "  GOAL-001: off\n"
        "  RACI-001: warning\n");
    auto run = resolve(fs, {"plans/a.yaml"});
    REQUIRE(run.plans.size() == 1);
    const ValidateOptions& o = run.plans[0].options;
    CHECK_FALSE(o.inline_suppressions);
    CHECK(o.max_findings_per_rule == 5);
    CHECK(o.disabled_rules == std::set<std::string>{"GOAL-001"});
    CHECK(o.severity_overrides.at("RACI-001") == Severity::warning);

    config::CommandLine cl;
    cl.max_findings = 0;
    cl.enable = {"GOAL-001"};
    cl.disable = {"REF-003"};
    run = resolve(fs, {"plans/a.yaml"}, cl, {{"MA_PLAN_MAX_FINDINGS", "7"}});
    CHECK(run.plans[0].options.max_findings_per_rule == 0);
    CHECK(run.plans[0].options.disabled_rules == std::set<std::string>{"REF-003"});

    run = resolve(fs, {"plans/a.yaml"}, {},
                  {{"MA_PLAN_MAX_FINDINGS", "7"}, {"MA_PLAN_NO_INLINE_SUPPRESSIONS", "0"}});
    CHECK(run.plans[0].options.max_findings_per_rule == 7);
    CHECK(run.plans[0].options.inline_suppressions);
}

TEST_CASE("run: each plan gets its nearest file and the walk stops at the repository's .git") {
    MemoryFileSystem fs("/work");
    fs.add_file("/work/.ma-plan.yaml", "language: en\n");
    fs.add_directory("/work/repo/.git");
    fs.add_file("/work/repo/a/plan.yaml", plan_text);
    fs.add_file("/work/repo/b/plan.yaml", plan_text);
    fs.add_file("/work/repo/b/.ma-plan.yml", "rules:\n  GOAL-001: off\n");
    auto run = resolve(fs, {"repo/a/plan.yaml", "repo/b/plan.yaml"});
    REQUIRE(run.plans.size() == 2);
    CHECK(run.plans[0].config->path.empty());  // /work/.ma-plan.yaml is outside the repository
    CHECK(run.plans[0].options.disabled_rules.empty());
    CHECK(run.plans[1].config->path == "repo/b/.ma-plan.yml");
    CHECK(run.plans[1].options.disabled_rules.count("GOAL-001") == 1);
    CHECK_FALSE(run.language.value);

    // Without a .git the walk goes on up.
    MemoryFileSystem open("/work");
    open.add_file("/work/.ma-plan.yaml", "language: en\n");
    open.add_file("/work/x/y/plan.yaml", plan_text);
    CHECK(config::find_config(open, "x/y") == ".ma-plan.yaml");
    CHECK(resolve(open, {"x/y/plan.yaml"}).language.value == Lang::en);

    // --config and MA_PLAN_CONFIG name one file for every plan.
    fs.add_file("/work/other.yaml", "rules:\n  RACI-001: off\n");
    run = resolve(fs, {"repo/a/plan.yaml", "repo/b/plan.yaml"}, {},
                  {{"MA_PLAN_CONFIG", "other.yaml"}});
    CHECK(run.plans[0].options.disabled_rules == std::set<std::string>{"RACI-001"});
    CHECK(run.plans[1].options.disabled_rules == std::set<std::string>{"RACI-001"});
    CHECK(run.config_files == std::vector<std::string>{"other.yaml"});
}

TEST_CASE("run: a directory gives only its plans and counts the YAML files that are not") {
    auto fs = repository("");
    fs.add_file("plans/docker-compose.yml", "services:\n  db:\n    image: postgres\n");
    fs.add_file("plans/nested/b.yml", "# a plan\n\"ma_plan\" : 1\n");
    fs.add_file("plans/slip.yaml", "ma_plan：1\n");  // a full-width colon is still a plan
    fs.add_file("plans/notes.txt", "ma_plan: 1\n");
    fs.add_file("plans/.hidden/c.yaml", plan_text);
    fs.add_file("plans/.ma-plan.yaml", "");
    auto run = resolve(fs, {"plans"});
    CHECK(paths(run) ==
          std::vector<std::string>{"plans/a.yaml", "plans/nested/b.yml", "plans/slip.yaml"});
    CHECK(run.skipped_not_plans == 1);

    // Named files are always read.
    run = resolve(fs, {"plans/docker-compose.yml"});
    CHECK(paths(run) == std::vector<std::string>{"plans/docker-compose.yml"});
    CHECK(run.skipped_not_plans == 0);

    // A directory without plans stays, so the reader reports it.
    fs.add_file("empty/compose.yaml", "services: {}\n");
    run = resolve(fs, {"empty"});
    CHECK(paths(run) == std::vector<std::string>{"empty"});
    CHECK(run.skipped_not_plans == 1);
}

TEST_CASE("run: quoted globs expand and only plans are taken") {
    auto fs = repository("");
    fs.add_file("plans/team/b.yaml", plan_text);
    fs.add_file("plans/compose.yaml", "services: {}\n");
    CHECK(paths(resolve(fs, {"plans/*.yaml"})) == std::vector<std::string>{"plans/a.yaml"});
    CHECK(paths(resolve(fs, {"plans/**/*.yaml"})) ==
          std::vector<std::string>{"plans/a.yaml", "plans/team/b.yaml"});
    CHECK(paths(resolve(fs, {"nothing/*.yaml"})) == std::vector<std::string>{"nothing/*.yaml"});
}

TEST_CASE("run: --exclude (from the working directory) and ignore: (from the config's directory)") {
    auto fs = repository("ignore:\n  - vendor/**\n  - \"*.draft.yaml\"\n");
    fs.add_file("plans/vendor/v.yaml", plan_text);
    fs.add_file("vendor/w.yaml", plan_text);
    fs.add_file("plans/b.draft.yaml", plan_text);
    fs.add_file("plans/old/c.yaml", plan_text);
    auto run = resolve(fs, {"."});
    CHECK(paths(run) ==
          std::vector<std::string>{"plans/a.yaml", "plans/old/c.yaml", "plans/vendor/v.yaml"});
    CHECK(run.skipped_excluded == 2);

    config::CommandLine cl;
    cl.exclude = {"plans/old", "vendor"};
    run = resolve(fs, {"plans"}, cl);
    CHECK(paths(run) == std::vector<std::string>{"plans/a.yaml"});
    CHECK(run.skipped_excluded == 3);

    run = resolve(fs, {"plans"}, {}, {{"MA_PLAN_EXCLUDE", "plans/old/**,**/v.yaml"}});
    CHECK(paths(run) == std::vector<std::string>{"plans/a.yaml"});
    CHECK(run.exclude_origin.describe().en == "environment MA_PLAN_EXCLUDE");

    // A named file is read even when a pattern matches it.
    CHECK(paths(resolve(fs, {"plans/b.draft.yaml"}, cl)) ==
          std::vector<std::string>{"plans/b.draft.yaml"});
}

TEST_CASE("run: path_matches - components / whole paths / directories above / double star") {
    CHECK(config::path_matches("docker-compose.yml", "a/b/docker-compose.yml"));
    CHECK(config::path_matches("vendor", "vendor/x/plan.yaml"));
    CHECK(config::path_matches("*.draft.yaml", "plans/x.draft.yaml"));
    CHECK(config::path_matches("plans/old", "plans/old/a.yaml"));
    CHECK(config::path_matches("plans/old/", "plans/old/a.yaml"));
    CHECK(config::path_matches("./plans/*.yaml", "plans/a.yaml"));
    CHECK(config::path_matches("**/v.yaml", "v.yaml"));
    CHECK(config::path_matches("**/v.yaml", "a/b/v.yaml"));
    // check against false positives
    CHECK_FALSE(config::path_matches("vendor", "vendors/plan.yaml"));
    CHECK_FALSE(config::path_matches("plans/old", "plans/older/a.yaml"));
    CHECK_FALSE(config::path_matches("old/a.yaml", "plans/old/a.yaml"));
    CHECK_FALSE(config::path_matches("", "a.yaml"));
}

TEST_CASE("run: looks_like_plan - a top-level ma_plan key only") {
    CHECK(config::looks_like_plan("ma_plan: 1\n"));
    CHECK(config::looks_like_plan("\xEF\xBB\xBF# comment\nproject: {}\nma_plan: 1"));
    CHECK(config::looks_like_plan("'ma_plan': 1\n"));
    CHECK_FALSE(config::looks_like_plan("services:\n  ma_plan: 1\n"));
    CHECK_FALSE(config::looks_like_plan("ma_planner: 1\n"));
    CHECK_FALSE(config::looks_like_plan("# ma_plan: 1\n"));
    CHECK_FALSE(config::looks_like_plan(""));
}

TEST_CASE("run: environment values that are not allowed are errors naming the variable") {
    auto fs = repository("");
    CHECK(usage_error([&] {
              resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_FAIL_ON", "fatal"}});
          }) == "MA_PLAN_FAIL_ON=fatal: not allowed; use error, warning or info");
    CHECK(usage_error([&] {
              resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_STRICT", "maybe"}});
          }) == "MA_PLAN_STRICT=maybe: not allowed; use true or false (1/0)");
    CHECK(usage_error([&] {
              resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_MAX_WARNINGS", "-1"}});
          }) == "MA_PLAN_MAX_WARNINGS=-1: not allowed; use a whole number from 0 to 100000000");
    CHECK(usage_error([&] {
              resolve(fs, {"plans/a.yaml"}, {}, {{"MA_PLAN_LANG", "fr"}});
          }) == "MA_PLAN_LANG=fr: not allowed; use ja or en");
}

TEST_CASE("run: an unknown rule in --disable / --enable is an error with did-you-mean") {
    auto fs = repository("");
    config::CommandLine cl;
    cl.disable = {"GOAL-01"};
    CHECK(usage_error([&] { resolve(fs, {"plans/a.yaml"}, cl); }) ==
          "--disable GOAL-01: unknown rule; did you mean \"GOAL-001\"?");
    cl = {};
    cl.enable = {"raci-001"};
    CHECK(usage_error([&] { resolve(fs, {"plans/a.yaml"}, cl); }) ==
          "--enable raci-001: unknown rule; did you mean \"RACI-001\"?");
}

TEST_CASE("run: mistakes in the configuration file are one error with positions") {
    auto fs = repository("ignore: {a: 1}\nfail_on: fatal\n");
    CHECK(usage_error([&] { resolve(fs, {"plans/a.yaml"}); }) ==
          ".ma-plan.yaml:1:9: \"ignore\" must be a list of globs, e.g. [\"vendor/**\"]\n"
          ".ma-plan.yaml:2:10: \"fatal\" is not allowed for \"fail_on\" (allowed: error, warning, "
          "info)");
    MemoryFileSystem fs2("/work");
    fs2.add_file("plan.yaml", plan_text);
    config::CommandLine cl;
    cl.config = "missing.yaml";
    CHECK_THROWS_AS(resolve(fs2, {"plan.yaml"}, cl), IoError);
}

TEST_CASE("run: the effective configuration names where each value came from") {
    auto fs = repository(
        "fail_on: warning\nrules:\n  GOAL-001: off\nthresholds:\n  min_dkim_bits: 2048\n");
    config::CommandLine cl;
    cl.disable = {"RACI-001"};
    auto run = resolve(fs, {"plans/a.yaml"}, cl, {{"MA_PLAN_LANG", "en"}});
    std::string text = config::render_effective_config(run, run.plans[0], Lang::en);
    CHECK(text ==
          "# effective configuration for: plans/a.yaml\n"
          "language: en                             # environment MA_PLAN_LANG\n"
          "fail_on: warning                         # .ma-plan.yaml\n"
          "severity: info                           # default\n"
          "max_warnings: null                       # default\n"
          "inline_suppressions: true                # default\n"
          "max_findings_per_rule: 100               # default\n"
          "rules:\n"
          "  GOAL-001: off                          # .ma-plan.yaml\n"
          "  RACI-001: off                          # command line --disable\n"
          "thresholds:\n"
          "  bulk_daily_volume: 5000                # default\n"
          "  min_ip_warming_weeks: 4                # default\n"
          "  min_dkim_bits: 2048                    # .ma-plan.yaml\n"
          "  recommended_dkim_bits: 2048            # default\n"
          "  max_owner_share: 0.8                   # default\n"
          "  unsubscribe_max_days: 2                # default\n"
          "ignore: []                               # default\n"
          "exclude: []                              # default\n");
}
