// Output files of the plan commands (validate --format F=FILE, raci/checklist/status/schema -o)
// through the built binary: refused targets with their one-line messages and exit codes, "-" as
// standard output, long names. The writer itself is tested in tests/unit/atomic_file_test.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../common/files.hpp"
#include "run.hpp"

namespace fs = std::filesystem;
using test_support::Run;
using test_support::TempDir;

namespace {

const char* const plan_text = "ma_plan: 1\nproject:\n  name: Minimal plan\n  tool: hubspot\n";

/// Runs ma-plan with `args` in `dir`, so messages show the short names a user types.
Run in_dir(const fs::path& dir, const std::string& args) {
    return test_support::run_shell("cd '" + dir.string() + "' && env NO_COLOR=1 LANG=C.UTF-8 '" +
                                   MA_PLAN_BIN "' " + args);
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const std::string input_refused =
    ": error: is an input of this run; writing the output there would destroy it, choose "
    "another output file\n";

}  // namespace

TEST_CASE("output files: writing over an input of the same run is refused and the plan survives") {
    TempDir dir;
    test_support::write_file(dir / "plan.yaml", plan_text);
    test_support::write_file(dir / ".ma-plan.yaml", "fail_on: warning\n");
    for (const char* args :
         {"raci plan.yaml -o plan.yaml", "checklist plan.yaml -o plan.yaml",
          "status plan.yaml -o plan.yaml", "validate plan.yaml --format json=plan.yaml",
          "validate plan.yaml --format text --format sarif=plan.yaml"}) {
        Run r = in_dir(dir.path, args);
        INFO(args);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "ma-plan: plan.yaml" + input_refused);
        CHECK(test_support::read_file(dir / "plan.yaml") == plan_text);
    }
    // Under another name, and the configuration file validate read.
    Run other = in_dir(dir.path, "raci plan.yaml -o ./plan.yaml");
    CHECK(other.exit_code == 2);
    CHECK(other.err ==
          "ma-plan: ./plan.yaml: error: is an input of this run (plan.yaml); writing the output "
          "there would destroy it, choose another output file\n");
    Run config = in_dir(dir.path, "validate plan.yaml --format json=.ma-plan.yaml");
    CHECK(config.exit_code == 2);
    CHECK(config.err.find("ma-plan: .ma-plan.yaml: error: is an input of this run") == 0);
    CHECK(test_support::read_file(dir / ".ma-plan.yaml") == "fail_on: warning\n");
    Run ja = in_dir(dir.path, "--lang ja raci plan.yaml -o plan.yaml");
    CHECK(ja.err ==
          "ma-plan: plan.yaml: エラー: この実行の入力ファイルです。出力すると入力が失われるため、"
          "別の出力ファイルを指定してください\n");
    CHECK(names_in(dir.path) == std::vector<std::string>{".ma-plan.yaml", "plan.yaml"});
}

TEST_CASE("output files: a device or a FIFO is refused with one line and left alone") {
    TempDir dir;
    test_support::write_file(dir / "plan.yaml", plan_text);
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    const std::string device =
        ": error: is a character device, not a regular file; ma-plan writes output to regular "
        "files only (- is standard output)\n";
    for (const char* args : {"raci plan.yaml -o /dev/null", "schema -o /dev/null",
                             "validate plan.yaml --format json=/dev/null"}) {
        Run r = in_dir(dir.path, args);
        INFO(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "ma-plan: /dev/null" + device);
    }
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));  // as root, a rename would have replaced it with a file
    Run fifo = in_dir(dir.path, "checklist plan.yaml -o pipe");
    CHECK(fifo.exit_code == 2);
    CHECK(fifo.err ==
          "ma-plan: pipe: error: is a FIFO (named pipe), not a regular file; ma-plan writes "
          "output to regular files only (- is standard output)\n");
    CHECK(fs::is_fifo(dir / "pipe"));
    Run folder = in_dir(dir.path, "raci plan.yaml -o .");
    CHECK(folder.exit_code == 2);
    CHECK(folder.err == "ma-plan: .: error: is a directory; name the file to write\n");
    CHECK(names_in(dir.path) == std::vector<std::string>{"pipe", "plan.yaml"});
}

TEST_CASE("output files: - is standard output for every command and never a file named -") {
    TempDir dir;
    test_support::write_file(dir / "plan.yaml", plan_text);
    struct Pair {
        const char* to_dash;
        const char* plain;
    };
    for (const Pair& p :
         {Pair{"raci plan.yaml -o -", "raci plan.yaml"},
          Pair{"checklist plan.yaml --today 2026-12-01 -o -",
               "checklist plan.yaml --today 2026-12-01"},
          Pair{"status plan.yaml --today 2026-12-01 --output -",
               "status plan.yaml --today 2026-12-01"},
          Pair{"schema -o -", "schema"},
          Pair{"validate plan.yaml --format json=-", "validate plan.yaml --format json"},
          Pair{"validate plan.yaml --format text --format sarif=-",
               "validate plan.yaml --format text --format sarif"}}) {
        Run dash = in_dir(dir.path, p.to_dash);
        Run plain = in_dir(dir.path, p.plain);
        INFO(p.to_dash);
        CHECK(dash.exit_code == plain.exit_code);
        CHECK(!dash.out.empty());
        CHECK(dash.out == plain.out);
        CHECK(dash.err == plain.err);
    }
    // init - prints the starter plan, the same bytes init FILE writes.
    Run starter = in_dir(dir.path, "init - --name P");
    CHECK(starter.exit_code == 0);
    REQUIRE(in_dir(dir.path, "init starter.yaml --name P").exit_code == 0);
    CHECK(starter.out == test_support::read_file(dir / "starter.yaml"));
    fs::remove(dir / "starter.yaml");
    CHECK(names_in(dir.path) == std::vector<std::string>{"plan.yaml"});
    // A file really named "-" is written as ./-
    Run file = in_dir(dir.path, "raci plan.yaml -o ./-");
    CHECK(file.exit_code == 0);
    CHECK(file.out.empty());
    CHECK(names_in(dir.path) == std::vector<std::string>{"-", "plan.yaml"});
}

TEST_CASE("output files: names of 244 to 255 bytes work and a report keeps the mode it replaces") {
    TempDir dir;
    test_support::write_file(dir / "plan.yaml", plan_text);
    const std::string expected = in_dir(dir.path, "raci plan.yaml").out;
    for (std::size_t length : {244u, 255u}) {
        const std::string name = std::string(length - 3, 'r') + ".md";
        Run r = in_dir(dir.path, "raci plan.yaml -o " + name);
        INFO(length);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(test_support::read_file(dir / name) == expected);
        fs::remove(dir / name);
    }
    test_support::write_file(dir / "roles.md", "old\n");
    fs::permissions(dir / "roles.md", static_cast<fs::perms>(0640));
    fs::create_symlink("roles.md", dir / "latest.md");
    REQUIRE(in_dir(dir.path, "raci plan.yaml -o latest.md").exit_code == 0);
    CHECK(fs::is_symlink(dir / "latest.md"));
    CHECK(test_support::read_file(dir / "roles.md") == expected);
    CHECK(fs::status(dir / "roles.md").permissions() == static_cast<fs::perms>(0640));
    CHECK(names_in(dir.path) == std::vector<std::string>{"latest.md", "plan.yaml", "roles.md"});
}
