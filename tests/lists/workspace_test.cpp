#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/normalize.hpp"
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
    CHECK(ws.schema_version() == Workspace::current_version());
    auto st = ws.prepare("SELECT name FROM sources");
    REQUIRE(st.step());
    CHECK(st.text(0) == "crm");
    ws.exec("UPDATE contacts SET consent_notice = 'v3'");  // the v2 column exists
}

TEST_CASE(
    "workspace: schema 2 to 3 keeps contacts / drops keys equal to the address / hashes "
    "person keys") {
    TempDir dir;
    {
        auto ws = Workspace::create(dir / "w.db", OpenOptions{.target_version = 2});
        ws.exec(
            "INSERT INTO sources(id, name) VALUES(1, 'crm');"
            "INSERT INTO batches(id, kind, source_id, file) VALUES(1, 'import', 1, 'a.csv');"
            "INSERT INTO contacts(id, source_id, source_key, batch_id, row_no, row_hash, email, "
            "email_key, email_problem, company, person_key, consent) VALUES"
            "(1, 1, 'id:1', 1, 2, 7, 'taro@example.jp', 'taro@example.jp', 0, '㈱山田', "
            "'山田' || char(31) || '山田太郎', 'opt_in'),"
            "(2, 1, 'id:2', 1, 3, 8, ' Jiro@Example.JP', 'jiro@example.jp', 0, NULL, NULL, NULL),"
            "(3, 1, 'id:3', 1, 4, 9, '   ', NULL, 1, NULL, NULL, NULL);"
            "INSERT INTO channels(name) VALUES('line');"
            "INSERT INTO contact_channels(contact_id, channel, value) VALUES(1, 'line', 'U1');");
    }
    auto ws = Workspace::open(dir / "w.db", OpenOptions{.target_version = 3});
    CHECK(ws.schema_version() == 3);
    auto st = ws.prepare(
        "SELECT id, source_key, email, email_key, person_hash, consent FROM contacts ORDER BY id");
    REQUIRE(st.step());
    CHECK(st.text(1) == "id:1");
    CHECK(st.text(2) == "taro@example.jp");
    CHECK(st.is_null(3));  // equal to the address as written
    CHECK(static_cast<std::uint64_t>(st.integer(4)) == key_hash("山田\x1f山田太郎"));
    CHECK(st.text(5) == "opt_in");
    REQUIRE(st.step());
    CHECK(st.text(3) == "jiro@example.jp");  // differs: kept
    CHECK(st.is_null(4));
    REQUIRE(st.step());
    CHECK_FALSE(st.is_null(3));  // an empty key for a blank address is not "same as written"
    CHECK(st.text(3).empty());
    CHECK_FALSE(st.step());
    auto ch = ws.prepare("SELECT contact_id, value FROM contact_channels");
    REQUIRE(ch.step());
    CHECK(ch.integer(0) == 1);
    CHECK(ch.text(1) == "U1");
    CHECK(ws.integrity_check() == "ok");
}

TEST_CASE("workspace: the check names contacts that share a record key / dangling references") {
    TempDir dir;
    auto ws = Workspace::create(dir / "w.db");
    ws.exec(
        "INSERT INTO sources(id, name) VALUES(1, 'crm');"
        "INSERT INTO batches(id, kind, source_id, file) VALUES(1, 'import', 1, 'a.csv');"
        "INSERT INTO contacts(id, source_id, source_key, batch_id, row_no, row_hash, "
        "email_problem) VALUES(1, 1, 'email:taro@example.jp', 1, 2, 7, 0), "
        "(2, 1, 'email:taro@example.jp', 1, 3, 7, 0), (3, 1, 'id:3', 1, 4, 7, 0)");
    const std::string shared = ws.integrity_check();
    CHECK(shared == "contacts 1, 2 of source crm have the same record key");
    CHECK(shared.find("taro") == std::string::npos);  // no personal data in the message
    ws.exec("DELETE FROM contacts WHERE id = 2");
    CHECK(ws.integrity_check() == "ok");
    ws.exec("PRAGMA foreign_keys=OFF; DELETE FROM batches");
    CHECK(ws.integrity_check().starts_with("row 1 of contacts refers to a missing row of batches"));
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

TEST_CASE(
    "workspace: schema 3 to 4 adds bounced / re-keys full-width addresses / turns address-like "
    "domain exclusions into addresses") {
    TempDir dir;
    {
        auto ws = Workspace::create(dir / "w.db", OpenOptions{.target_version = 3});
        // What a schema-3 build stored: a full-width address as invalid (bad_local), "a@@b.jp" as
        // no_at, and an opt-out file entry "ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp" as a domain.
        ws.exec(
            "INSERT INTO sources(id, name) VALUES(1, 'crm');"
            "INSERT INTO batches(id, kind, source_id, file) VALUES(1, 'import', 1, 'a.csv');"
            "INSERT INTO batches(id, kind, file) VALUES(2, 'exclude', 'optout.csv');"
            "INSERT INTO contacts(id, source_id, source_key, batch_id, row_no, row_hash, email, "
            "email_key, email_problem, consent) VALUES"
            "(1, 1, 'id:1', 1, 2, 7, 'taro@example.jp', NULL, 0, 'opt_in'),"
            "(2, 1, 'id:2', 1, 3, 8, '\xEF\xBD\x8B\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x8F"
            "\xEF\xBC\xA0kato.co.jp', '\xEF\xBD\x8B\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x8F"
            "\xEF\xBC\xA0kato.co.jp', 3, 'opt_in'),"
            "(3, 1, 'id:3', 1, 4, 9, 'a@@b.jp', NULL, 3, NULL);"
            "INSERT INTO exclusions(kind, value, reason, batch_id) VALUES"
            "('domain', '\xEF\xBD\x8B\xEF\xBD\x8F\xEF\xBD\x82\xEF\xBD\x81\xEF\xBD\x99"
            "\xEF\xBD\x81\xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBC\xA0kobayashi.co.jp', "
            "'optout', 2),"
            "('domain', 'rival.co.jp', 'competitor', NULL);");
    }
    auto ws = Workspace::open(dir / "w.db", OpenOptions{.target_version = 4});
    CHECK(ws.schema_version() == 4);
    auto st = ws.prepare("SELECT id, email_key, email_problem, bounced FROM contacts ORDER BY id");
    REQUIRE(st.step());
    CHECK(st.is_null(1));  // ASCII rows are not touched
    CHECK(st.integer(2) == 0);
    CHECK(st.integer(3) == 0);
    REQUIRE(st.step());
    CHECK(st.text(1) == "kato@kato.co.jp");
    CHECK(st.integer(2) == 0);
    REQUIRE(st.step());
    CHECK(st.is_null(1));  // the key equals the address as written
    CHECK(st.integer(2) == static_cast<int>(EmailProblem::multiple_at));
    CHECK_FALSE(st.step());
    auto ex = ws.prepare("SELECT kind, value, reason FROM exclusions ORDER BY kind, value");
    REQUIRE(ex.step());
    CHECK(ex.text(0) == "domain");
    CHECK(ex.text(1) == "rival.co.jp");
    REQUIRE(ex.step());
    CHECK(ex.text(0) == "email");
    CHECK(ex.text(1) == "kobayashi@kobayashi.co.jp");
    CHECK(ex.text(2) == "optout");
    CHECK_FALSE(ex.step());
    CHECK(ws.integrity_check() == "ok");
}
