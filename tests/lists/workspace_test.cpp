#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/workspace.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::TempDir;

namespace {
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const IoError& e) {
        return e.message().en;
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("workspace: created private (0600) at the current schema version") {
    TempDir dir;
    auto ws = Workspace::create(dir / "w.db");
    struct stat st {};
    REQUIRE(::stat((dir / "w.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(ws.schema_version() == Workspace::current_version());
    CHECK(ws.integrity_check() == "ok");
}

TEST_CASE("workspace: create refuses an existing file / open refuses a missing one") {
    TempDir dir;
    lists_test::write_file(dir / "exists.db", "x");
    CHECK(error_of([&] { Workspace::create(dir / "exists.db"); }) ==
          (dir / "exists.db").string() +
              ": error: already exists; use it with --db, or choose another path");
    CHECK(lists_test::read_file(dir / "exists.db") == "x");
    CHECK(error_of([&] { Workspace::open(dir / "missing.db"); }) ==
          (dir / "missing.db").string() +
              ": error: no workspace here; create it with: ma-plan lists init --db " +
              (dir / "missing.db").string());
}

TEST_CASE("workspace: a file that is not SQLite is named as such and left alone") {
    TempDir dir;
    const std::string junk(8192, 'j');
    lists_test::write_file(dir / "notes.db", junk);
    CHECK(error_of([&] { Workspace::open(dir / "notes.db"); }) ==
          (dir / "notes.db").string() +
              ": error: not an SQLite database (is --db pointing at the wrong file?)");
    CHECK(lists_test::read_file(dir / "notes.db") == junk);
}

TEST_CASE("workspace: another application's SQLite database is refused") {
    TempDir dir;
    sqlite3* db = nullptr;
    sqlite3_open((dir / "other.db").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK(error_of([&] {
              Workspace::open(dir / "other.db");
          }).ends_with("error: an SQLite database, but not an ma-plan lists workspace"));
}

TEST_CASE("workspace: migrates forward from version 1 and keeps the data") {
    TempDir dir;
    {
        auto ws = Workspace::create(dir / "w.db", OpenOptions{.target_version = 1});
        CHECK(ws.schema_version() == 1);
        ws.exec("INSERT INTO sources(name) VALUES('crm')");
    }
    auto ws = Workspace::open(dir / "w.db");
    CHECK(ws.schema_version() == 2);
    auto st = ws.prepare("SELECT name FROM sources");
    REQUIRE(st.step());
    CHECK(st.text(0) == "crm");
    ws.exec("UPDATE contacts SET consent_notice = 'v3'");  // the v2 column exists
}

TEST_CASE("workspace: a workspace from a newer ma-plan is refused") {
    TempDir dir;
    { Workspace::create(dir / "w.db").exec("PRAGMA user_version=99"); }
    CHECK(error_of([&] {
              Workspace::open(dir / "w.db");
          }).find("made by a newer ma-plan (schema 99") != std::string::npos);
}

TEST_CASE("workspace: a lock held by another run gives a clear error after the busy timeout") {
    TempDir dir;
    { Workspace::create(dir / "w.db"); }
    sqlite3* other = nullptr;
    sqlite3_open((dir / "w.db").c_str(), &other);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(error_of([&] {
              auto ws = Workspace::open(dir / "w.db", OpenOptions{.busy_timeout_ms = 20});
              Workspace::Transaction tx(ws);
          }) == (dir / "w.db").string() +
                    ": error: the workspace is locked by another run (waited 20 ms); try again "
                    "when it has finished");
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    auto ws = Workspace::open(dir / "w.db");  // free again
    Workspace::Transaction tx(ws);
    tx.commit();
}
