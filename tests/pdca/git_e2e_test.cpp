// The built binary on a real git repository made in a temporary directory: several commits with
// fixed dates (so hashes and golden files are stable), an unparsable commit and a rename, then
// `diff REV:path` and `history`, and every kind of bad input. UPDATE_GOLDEN=1 rewrites the golden
// Markdown files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../common/process.hpp"

namespace {

using test_support::read_file;
using test_support::run_shell;
using test_support::TempDir;
using test_support::write_file;

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

// A frozen copy of config-examples/ja-manufacturer.yaml: the tests edit exact lines of it, so it
// must not change when the bundled example does.
std::string example() {
    return read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/pdca/data/plan.yaml");
}

std::string edit(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// git with no system or global configuration, so the user's settings cannot change the result.
std::string git(const TempDir& repo, const std::string& args) {
    return "cd " + quoted(repo.path) +
           " && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -c init.defaultBranch=main " +
           args;
}

void commit(const TempDir& repo, const std::string& date, const std::string& subject) {
    auto r = run_shell(git(repo, "add -A") + " && GIT_AUTHOR_DATE='" + date +
                       "T10:00:00+0900' GIT_COMMITTER_DATE='" + date +
                       "T10:00:00+0900' GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git "
                       "commit -q -m '" +
                       subject + "'");
    REQUIRE(r.exit_code == 0);
}

/// The plan's story: a first version, the weekly review's edits, a broken save, the fix (which
/// drops the legal department and so brings in a finding), and a move into plans/.
void build_repository(const TempDir& repo) {
    REQUIRE(run_shell(git(repo, "init -q") + " && " + git(repo, "config user.name 'Hanako Test'") +
                      " && " + git(repo, "config user.email hanako@example.invalid"))
                .exit_code == 0);
    std::string v1 = example();
    write_file(repo / "plan.yaml", v1);
    commit(repo, "2026-11-01", "first plan");

    std::string v2 = edit(v1,
                          "roles: { marketing: 主担当, sales: 共有, it: 受領, legal: 共有 }\n    "
                          "status: in_progress\n    due: 2026-12-15",
                          "roles: { marketing: 共有, sales: 共有, it: 受領, legal: 主担当 }\n    "
                          "status: done\n    due: 2026-12-22");
    v2 = edit(v2, "target: 120, period", "target: 150, period");
    v2 = edit(v2, "conversion_rate: 0.15", "conversion_rate: 0.1");
    v2 = edit(v2, "{ id: exec, name: 事業本部長,", "{ id: exec, name: 事業本部長室,");
    write_file(repo / "plan.yaml", v2);
    commit(repo, "2026-11-20", "weekly review: legal owns the tool application");

    write_file(repo / "plan.yaml", "ma_plan: 1\nproject: [unclosed\n");
    commit(repo, "2026-11-25", "save in the middle of an edit");

    std::string v4 = edit(v2, "    status: in_progress\n    due: 2027-01-20",
                          "    status: todo\n    due: 2026-11-10");
    v4 = edit(v4, "    status: in_progress\n    due: 2026-12-20",
              "    status: done\n    due: 2026-12-20");
    write_file(repo / "plan.yaml", v4);
    commit(repo, "2026-11-26", "fix the broken save; list management restarts");

    std::filesystem::create_directories(repo / "plans");
    REQUIRE(run_shell(git(repo, "mv plan.yaml plans/acme.yaml")).exit_code == 0);
    commit(repo, "2026-12-01", "move the plan into plans/");
}

std::string in_repo(const TempDir& repo, const std::string& args) {
    return "cd " + quoted(repo.path) + " && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null " +
           "MA_PLAN_LANG= LANG=C.UTF-8 LC_ALL= " + std::string(MA_PLAN_BIN) + " " + args;
}

std::filesystem::path golden_path(const std::string& name) {
    return std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/pdca/golden" / name;
}

void check_golden(const std::string& name, const std::string& actual) {
    const char* update = std::getenv("UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") write_file(golden_path(name), actual);
    INFO("golden " << name << " (UPDATE_GOLDEN=1 rewrites it)");
    CHECK(read_file(golden_path(name)) == actual);
}

}  // namespace

TEST_CASE("history of a plan with a rename and an unparsable commit", "[pdca][e2e][git]") {
    TempDir repo;
    build_repository(repo);
    auto en = run_shell(in_repo(repo, "--lang en history plans/acme.yaml"));
    INFO(en.err);
    REQUIRE(en.exit_code == 0);
    CHECK(en.err.empty());
    check_golden("history.en.md", en.out);
    auto ja = run_shell(in_repo(repo, "--lang ja history plans/acme.yaml --format md"));
    REQUIRE(ja.exit_code == 0);
    check_golden("history.ja.md", ja.out);
}

TEST_CASE("history limits by date and count and writes csv and json", "[pdca][e2e][git]") {
    TempDir repo;
    build_repository(repo);
    auto csv = run_shell(in_repo(repo, "--lang en history plans/acme.yaml --max 2 --format csv"));
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.find("date,commit,author,subject,readiness,trend,1,2,3,4,5,6,7,errors,"
                       "warnings,infos,overdue\r\n") == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 3);
    auto json = run_shell(
        in_repo(repo, "--lang en history plans/acme.yaml --since 2026-11-22 --format json"));
    REQUIRE(json.exit_code == 0);
    CHECK(json.out.find("\"subject\": \"weekly review") == std::string::npos);
    CHECK(json.out.find("\"subject\": \"save in the middle of an edit\"") != std::string::npos);
    CHECK(json.out.find("\"readable\": false") != std::string::npos);
    // The file is written atomically when -o is given.
    auto out = run_shell(in_repo(repo, "history plans/acme.yaml -o trend.md"));
    REQUIRE(out.exit_code == 0);
    CHECK(read_file(repo / "trend.md").find("| 2026-12-01 |") != std::string::npos);
}

TEST_CASE("diff of a revision against the work tree as a Markdown change log", "[pdca][e2e][git]") {
    TempDir repo;
    build_repository(repo);
    // The first commit knew the file as plan.yaml; the work tree has it under plans/.
    auto ja =
        run_shell(in_repo(repo, "--lang ja diff HEAD~4:plan.yaml plans/acme.yaml --format md"));
    INFO(ja.err);
    REQUIRE(ja.exit_code == 0);
    check_golden("diff.ja.md", ja.out);
    auto en = run_shell(
        in_repo(repo, "--lang en diff HEAD~4:plan.yaml HEAD:plans/acme.yaml --format md"));
    REQUIRE(en.exit_code == 0);
    check_golden("diff.en.md", en.out);
    // The change log from a sub-directory names the same file.
    auto sub = run_shell("cd " + quoted(repo / "plans") + " && MA_PLAN_LANG= " + MA_PLAN_BIN +
                         " --lang en diff HEAD~4:../plan.yaml HEAD:./acme.yaml --format md");
    CHECK(sub.exit_code == 0);
}

TEST_CASE("diff --exit-code is 1 for differences and 0 for none", "[pdca][e2e][git]") {
    TempDir repo;
    build_repository(repo);
    CHECK(run_shell(in_repo(repo, "diff HEAD~4:plan.yaml plans/acme.yaml --exit-code")).exit_code ==
          1);
    CHECK(run_shell(in_repo(repo, "diff HEAD~4:plan.yaml plans/acme.yaml")).exit_code == 0);
    auto same =
        run_shell(in_repo(repo, "--lang en diff HEAD:plans/acme.yaml plans/acme.yaml --exit-code"));
    CHECK(same.exit_code == 0);
    CHECK(same.out ==
          "HEAD:plans/acme.yaml → plans/acme.yaml\n\n0 change(s); findings: 0 introduced, 0 "
          "resolved\n");
    // Standard input as one side.
    auto piped =
        run_shell(in_repo(repo, "--lang en diff - plans/acme.yaml --exit-code < plans/acme.yaml"));
    CHECK(piped.exit_code == 0);
}

TEST_CASE("diff and history reject bad revisions and paths with one line", "[pdca][e2e][git]") {
    TempDir repo;
    build_repository(repo);
    struct Case {
        std::string args;
        std::string err;
    };
    const Case cases[] = {
        {"diff nope:plan.yaml plans/acme.yaml",
         "ma-plan: nope:plan.yaml: no revision \"nope\" in this repository\n"},
        {"diff HEAD:plan.yaml plans/acme.yaml",
         "ma-plan: HEAD:plan.yaml: \"plan.yaml\" is not in revision HEAD\n"},
        {"diff HEAD~2:plan.yaml plans/acme.yaml",
         "ma-plan: HEAD~2:plan.yaml:2:10: error: unclosed \"[\": the flow collection opened here "
         "is never closed with \"]\"\n"},
        {"diff missing.yaml plans/acme.yaml", ""},
        {"history missing.yaml",
         "ma-plan: missing.yaml: no commit in this repository touches this file\n"},
        {"history plans/acme.yaml --since yesterday",
         "ma-plan: --since \"yesterday\" is not a date; write YYYY-MM-DD (e.g. 2026-12-15)\n"},
        {"diff - -", "ma-plan: only one side of a diff can be standard input (-)\n"},
    };
    for (const Case& c : cases) {
        auto r = run_shell(in_repo(repo, "--lang en " + c.args));
        INFO(c.args << "\n" << r.err);
        CHECK(r.out.empty());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        if (!c.err.empty()) CHECK(r.err == c.err);
        bool usage = c.args.find("--since") != std::string::npos || c.args == "diff - -";
        CHECK(r.exit_code == (usage ? 4 : 2));
    }
}

TEST_CASE("history outside a repository and in one without commits", "[pdca][e2e][git]") {
    TempDir plain;
    write_file(plain / "plan.yaml", example());
    auto outside = run_shell("cd " + quoted(plain.path) +
                             " && GIT_CEILING_DIRECTORIES=" + quoted(plain.path.parent_path()) +
                             " MA_PLAN_LANG= " + MA_PLAN_BIN + " --lang en history plan.yaml");
    CHECK(outside.exit_code == 2);
    CHECK(outside.err == "ma-plan: plan.yaml: not inside a git repository\n");

    REQUIRE(run_shell(git(plain, "init -q")).exit_code == 0);
    auto empty = run_shell(in_repo(plain, "--lang ja history plan.yaml"));
    CHECK(empty.exit_code == 2);
    CHECK(empty.err == "ma-plan: plan.yaml: git リポジトリにまだコミットがありません\n");
    auto diff = run_shell(in_repo(plain, "--lang en diff HEAD:plan.yaml plan.yaml"));
    CHECK(diff.exit_code == 2);
    CHECK(diff.err == "ma-plan: HEAD:plan.yaml: the git repository has no commits yet\n");
}

TEST_CASE("history marks a commit that deleted the plan and goes on", "[pdca][e2e][git]") {
    TempDir repo;
    REQUIRE(run_shell(git(repo, "init -q") + " && " + git(repo, "config user.name 'Hanako Test'") +
                      " && " + git(repo, "config user.email hanako@example.invalid"))
                .exit_code == 0);
    write_file(repo / "plan.yaml", example());
    commit(repo, "2026-11-01", "first plan");
    std::filesystem::remove(repo / "plan.yaml");
    write_file(repo / "README", "moved out for a while\n");
    commit(repo, "2026-11-02", "remove the plan");
    write_file(repo / "plan.yaml", example());
    commit(repo, "2026-11-03", "bring the plan back");
    auto r = run_shell(in_repo(repo, "--lang en history plan.yaml --format csv"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find(",Hanako Test,remove the plan,unreadable (not readable in this commit),") !=
          std::string::npos);
    CHECK(r.out.find(",Hanako Test,bring the plan back,87%,") != std::string::npos);
    CHECK(r.out.find(",Hanako Test,first plan,87%,") != std::string::npos);
}
