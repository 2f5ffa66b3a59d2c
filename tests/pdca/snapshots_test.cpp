// Snapshots outside git (issue 15): `ma-plan snapshot PLAN --db FILE` appends readiness, findings
// and overdue tasks to SQLite, and `history --db FILE` reads them back as git history does. Unit
// tests of the store, then the built binary with every kind of bad database.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "../common/process.hpp"
#include "core/errors.hpp"
#include "pdca/snapshots.hpp"

namespace {

using test_support::read_file;
using test_support::run_shell;
using test_support::TempDir;
using test_support::write_file;
using namespace maplan;

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

test_support::Run ma_plan(const std::string& args) {
    return run_shell("cd '" MA_PLAN_SOURCE_DIR "' && MA_PLAN_LANG= LANG=C.UTF-8 LC_ALL= " +
                     std::string(MA_PLAN_BIN) + " " + args);
}

reports::StatusReport status_of(std::size_t done, std::size_t total, std::size_t errors,
                                std::size_t overdue) {
    reports::StatusReport s;
    s.project_name = "P";
    reports::StepStatus st;
    st.step = 1;
    st.done = done;
    st.total = total;
    st.errors = errors;
    s.steps.push_back(st);
    s.total = st;
    s.total.step = 0;
    s.overdue.resize(overdue);
    return s;
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

TEST_CASE("snapshots: saved and read back newest first with the schema marks", "[pdca][snapshot]") {
    TempDir dir;
    auto db = dir / "h.sqlite";
    auto s1 = status_of(1, 4, 2, 1);
    auto s2 = status_of(3, 4, 0, 0);
    CHECK(pdca::save_snapshot(db, {"plan.yaml", "ma_plan: 1\n", "2026-11-01", &s1}) == 1);
    CHECK(pdca::save_snapshot(db, {"plan.yaml", "ma_plan: 1\n", "2026-11-08", &s2}) == 2);
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    pdca::History h = pdca::read_snapshots(db, {});
    REQUIRE(h.points.size() == 2);
    CHECK(h.points[0].commit.hash == "#2");
    CHECK(h.points[0].commit.date == "2026-11-08");
    CHECK(h.points[0].status.total.percent() == 75);
    CHECK(h.points[1].status.total.percent() == 25);
    CHECK(h.points[1].status.total.errors == 2);
    CHECK(h.points[1].status.overdue.size() == 1);
    std::string md = pdca::render_history(h, pdca::HistoryFormat::markdown, Lang::en);
    CHECK(md.find("| 2026-11-08 | #2 |  | plan.yaml | 75% | +50 | 75% |") != std::string::npos);

    CHECK(pdca::read_snapshots(db, {"2026-11-05", 0}).points.size() == 1);
    CHECK(pdca::read_snapshots(db, {"", 1}).points.front().commit.hash == "#2");

    auto sql = run_shell("sqlite3 " + quoted(db) +
                         " 'PRAGMA application_id; PRAGMA user_version; SELECT count(*), "
                         "min(plan_text) FROM snapshot'");
    CHECK(sql.out == "1296126035\n1\n2|ma_plan: 1\n\n");
}

TEST_CASE("snapshots: a foreign or newer or missing database is one line", "[pdca][snapshot]") {
    TempDir dir;
    auto s = status_of(1, 1, 0, 0);
    write_file(dir / "text.db", "not a database\n");
    CHECK(error_of([&] { pdca::read_snapshots(dir / "text.db", {}); }) ==
          (dir / "text.db").string() +
              ": error: not an SQLite database (is --db pointing at the wrong file?)");
    REQUIRE(run_shell("sqlite3 " + quoted(dir / "other.db") + " 'CREATE TABLE t(x)'").exit_code ==
            0);
    CHECK(error_of([&] {
              pdca::save_snapshot(dir / "other.db", {"p", "", "2026-11-01", &s});
          }) == (dir / "other.db").string() + ": error: not an ma-plan snapshot database");
    REQUIRE(run_shell("sqlite3 " + quoted(dir / "newer.db") +
                      " 'PRAGMA application_id=1296126035; CREATE TABLE t(x); PRAGMA "
                      "user_version=7'")
                .exit_code == 0);
    CHECK(error_of([&] { pdca::read_snapshots(dir / "newer.db", {}); }) ==
          (dir / "newer.db").string() +
              ": error: made by a newer ma-plan (schema 7, this build knows up to 1); upgrade "
              "ma-plan");
    CHECK(error_of([&] { pdca::read_snapshots(dir / "absent.db", {}); }) ==
          (dir / "absent.db").string() +
              ": error: no such snapshot database (create one with ma-plan snapshot)");
    CHECK_FALSE(std::filesystem::exists(dir / "absent.db"));  // reading never creates
}

TEST_CASE("snapshot and history --db on the built binary", "[pdca][snapshot][e2e]") {
    TempDir dir;
    auto db = dir / "trend.sqlite";
    const std::string plan = "config-examples/ja-manufacturer.yaml";
    auto first = ma_plan("--lang en snapshot " + plan + " --db " + quoted(db) + " --at 2026-11-01");
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.rfind("snapshot #1 of " + plan + " saved in ", 0) == 0);
    REQUIRE(ma_plan("--lang en snapshot " + plan + " --db " + quoted(db) + " --at 2027-02-01")
                .exit_code == 0);
    auto csv = ma_plan("--lang en history --db " + quoted(db) + " --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("date,commit,author,subject,readiness,trend,1,2,3,4,5,6,7,errors,warnings,"
                        "infos,overdue\r\n2027-02-01,#2,,config-examples/ja-manufacturer.yaml,",
                        0) == 0);
    // Overdue is counted as of the snapshot's date: later, more tasks are past their due date.
    auto json = ma_plan("history --db " + quoted(db) + " --format json");
    REQUIRE(json.exit_code == 0);
    write_file(dir / "h.json", json.out);
    auto counts = run_shell(
        "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
        "print([c[\"overdue\"] for c in d[\"commits\"]])' " +
        quoted(dir / "h.json"));
    CHECK(counts.out != "[0, 0]\n");
    CHECK(counts.out.rfind("[", 0) == 0);

    write_file(dir / "bad.db", "x");
    auto bad = ma_plan("--lang en history --db " + quoted(dir / "bad.db"));
    CHECK(bad.exit_code == 2);
    // One byte is too short for an SQLite header: SQLite reads it as empty, and it is no snapshot
    // database either.
    CHECK(bad.err ==
          "ma-plan: " + (dir / "bad.db").string() + ": error: not an ma-plan snapshot database\n");
    auto both = ma_plan("--lang en history " + plan + " --db " + quoted(db));
    CHECK(both.exit_code == 3);
    CHECK(both.err == "ma-plan: history takes PLAN or --db FILE, not both\n");
    auto date = ma_plan("--lang en snapshot " + plan + " --db " + quoted(db) + " --at 2026-13-01");
    CHECK(date.exit_code == 4);
    auto unreadable = ma_plan("--lang en snapshot /nonexistent.yaml --db " + quoted(db));
    CHECK(unreadable.exit_code == 2);
    CHECK(ma_plan("history --db " + quoted(db) + " --format csv").out.find("#3") ==
          std::string::npos);
}

TEST_CASE("report --history-db draws readiness over time as inline SVG and a Markdown table",
          "[pdca][snapshot][report]") {
    TempDir dir;
    auto db = dir / "trend.sqlite";
    std::string plan =
        read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/pdca/data/plan.yaml");
    // Three versions, fewer tasks done in the older ones.
    std::string older = plan, oldest = plan;
    for (std::size_t at; (at = oldest.find("status: done")) != std::string::npos;)
        oldest.replace(at, 12, "status: todo");
    if (auto at = older.find("status: done"); at != std::string::npos)
        older.replace(at, 12, "status: todo");
    write_file(dir / "p1.yaml", oldest);
    write_file(dir / "p2.yaml", older);
    write_file(dir / "plan.yaml", plan);
    const std::pair<const char*, const char*> versions[] = {
        {"p1.yaml", "2026-10-01"}, {"p2.yaml", "2026-11-01"}, {"plan.yaml", "2026-12-01"}};
    for (const auto& [file, date] : versions) {
        REQUIRE(ma_plan("snapshot " + quoted(dir / file) + " --db " + quoted(db) + " --at " + date)
                    .exit_code == 0);
    }
    auto html = dir / "report.html";
    auto r = ma_plan("--lang en report " + quoted(dir / "plan.yaml") +
                     " --today 2026-12-01 --format html --history-db " + quoted(db) + " -o " +
                     quoted(html));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string text = read_file(html);
    auto chart = text.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"history\"");
    REQUIRE(chart != std::string::npos);
    std::string svg = text.substr(chart, text.find("</svg>", chart) - chart);
    std::size_t points = 0;
    for (auto at = svg.find("class=\"point\""); at != std::string::npos;
         at = svg.find("class=\"point\"", at + 1))
        ++points;
    CHECK(points == 3);
    CHECK(svg.find("<polyline") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    auto parsed = run_shell("/usr/bin/python3 " +
                            quoted(std::filesystem::path(MA_PLAN_SOURCE_DIR) /
                                   "tests/reports/tools/check_report_html.py") +
                            " " + quoted(html));
    INFO(parsed.out << parsed.err);
    CHECK(parsed.exit_code == 0);

    auto md = ma_plan("--lang en report " + quoted(dir / "plan.yaml") +
                      " --today 2026-12-01 --history-db " + quoted(db));
    REQUIRE(md.exit_code == 0);
    auto table = md.out.find("### Readiness over time\n\n| Date | Commit / snapshot | % |");
    REQUIRE(table != std::string::npos);
    CHECK(md.out.find("| 2026-10-01 | #1 |", table) != std::string::npos);
    CHECK(md.out.find("| 2026-12-01 | #3 |", table) != std::string::npos);

    auto both = ma_plan("--lang en report " + quoted(dir / "plan.yaml") +
                        " --history --history-db " + quoted(db));
    CHECK(both.exit_code == 3);
    CHECK(both.err == "ma-plan: give --history or --history-db, not both\n");
}
