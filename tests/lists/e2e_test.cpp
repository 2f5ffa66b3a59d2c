// End-to-end: the real ma-plan binary, as a marketing-ops user runs it.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "lists/workspace.hpp"

using lists_test::db_fingerprint;
using lists_test::read_file;
using lists_test::run_ma_plan;
using lists_test::TempDir;
using lists_test::write_file;

namespace {
const std::string data = LISTS_TEST_DATA;
// The schema this build writes (its number moves as migrations are added).
const std::string schema = std::to_string(maplan::lists::Workspace::current_version());

bool one_line(const std::string& s) {
    return !s.empty() && s.back() == '\n' && s.find('\n') == s.size() - 1;
}
}  // namespace

TEST_CASE("e2e: two exports (one CP932 from Excel) / an opt-out file / audit / a safe extract") {
    TempDir dir;
    auto r = run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "created workspace w.db (schema " + schema + ", readable by its owner only)\n");

    r = run_ma_plan(
        {"lists", "import", data + "/excel_cp932.csv", "--source", "event", "--db", "w.db"},
        dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "event: imported " + data +
                       "/excel_cp932.csv as import #1 (cp932): 4 rows — 4 new, 0 changed, 0 "
                       "unchanged\n"
                       "  encoding: cp932, because the byte at offset 0 (0x8C) is not UTF-8\n"
                       "  columns: id←顧客番号, email←メールアドレス, company←会社名, name←氏名, "
                       "phone←電話番号, consent←メール配信同意, consent_source←同意取得元\n"
                       "  not mapped: (none)\n"
                       "  0 invalid addresses, 1 without consent (see ma-plan lists audit)\n");
    CHECK(r.err.empty());

    r = run_ma_plan({"lists", "import", data + "/hubspot.csv", "--source", "hubspot", "--preset",
                     "hubspot", "--map", "consent=Marketing consent", "--db", "w.db"},
                    dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("(utf-8-bom): 3 rows — 3 new") != std::string::npos);

    r = run_ma_plan(
        {"lists", "exclude", data + "/optout.csv", "--reason", "optout", "--db", "w.db"}, dir.path);
    REQUIRE(r.exit_code == 0);
    r = run_ma_plan(
        {"lists", "exclude", "--domain", "rival.co.jp", "--reason", "competitor", "--db", "w.db"},
        dir.path);
    REQUIRE(r.exit_code == 0);

    r = run_ma_plan({"--lang", "ja", "lists", "audit", "--db", "w.db"}, dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("# 顧客リスト監査") == 0);
    CHECK(r.out.find("taro@") == std::string::npos);  // masked
    CHECK(r.out.find("| = 配信可能 | 3 |") != std::string::npos);

    r = run_ma_plan({"lists", "audit", "--format", "json", "--db", "w.db"}, dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"contactable\": 3") != std::string::npos);

    r = run_ma_plan(
        {"lists", "extract", "--out", "mail.csv", "--encoding", "utf-8-bom", "--db", "w.db"},
        dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("wrote 3 contactable contacts to mail.csv (utf-8-bom)") == 0);
    const std::string csv = read_file(dir / "mail.csv");
    CHECK(
        csv.starts_with("\xEF\xBB\xBF"
                        "email,"));
    CHECK(csv.find("taro@example.co.jp,㈱山田商事") !=
          std::string::npos);  // first of the two Taros
    CHECK(csv.find("'=1+2") != std::string::npos);
    CHECK(csv.find("'+81-3-0000-0000") != std::string::npos);
    CHECK(csv.find("shiro@") == std::string::npos);
    CHECK(csv.find("rival") == std::string::npos);
    CHECK(csv.find("jiro@") == std::string::npos);  // unsubscribed flag in HubSpot

    // A domain excluded by mistake can be let back in; an opt-out file cannot be "removed".
    r = run_ma_plan({"lists", "exclude", "--remove", "--domain", "rival.co.jp", "--domain",
                     "never.example", "--db", "w.db"},
                    dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "removed 1 of 2 exclusion rules given\n");
    r = run_ma_plan({"lists", "extract", "--out", "mail2.csv", "--db", "w.db"}, dir.path);
    CHECK(read_file(dir / "mail2.csv").find("rival") != std::string::npos);
    r = run_ma_plan({"lists", "exclude", "--remove", data + "/optout.csv", "--db", "w.db"},
                    dir.path);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("excluded addresses (opt-outs, bounces) are never removed") !=
          std::string::npos);

    r = run_ma_plan({"lists", "check", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "w.db: integrity ok (schema " + schema + ")\n");
}

TEST_CASE(
    "e2e: bad input is one line naming file / row and column / exit code 2 / nothing changed") {
    TempDir dir;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    REQUIRE(run_ma_plan({"lists", "import", data + "/hubspot.csv", "--source", "hs", "--preset",
                         "hubspot", "--db", "w.db"},
                        dir.path)
                .exit_code == 0);
    const auto before = db_fingerprint(dir / "w.db");
    write_file(dir / "ragged.csv", "email,name\na@example.jp,x\nb@example.jp\n");
    auto r =
        run_ma_plan({"lists", "import", "ragged.csv", "--source", "x", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 2);
    CHECK(
        r.err ==
        "ma-plan: ragged.csv:3:2: error: the row has 1 fields but the header has 2 (ragged row; a "
        "quote or separator missing?)\n");
    r = run_ma_plan(
        {"--lang", "ja", "lists", "import", "ragged.csv", "--source", "x", "--db", "w.db"},
        dir.path);
    CHECK(r.exit_code == 2);
    CHECK(r.err.starts_with(
        "ma-plan: ragged.csv:3:2: エラー: この行のフィールド数は 1 ですが見出しは 2 列です"));
    CHECK(one_line(r.err));
    CHECK(db_fingerprint(dir / "w.db") == before);

    write_file(dir / "notdb.sqlite",
               "this is a text file, not a database, but long enough to have a header......");
    r = run_ma_plan({"lists", "audit", "--db", "notdb.sqlite"}, dir.path);
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: notdb.sqlite: error: not an SQLite database (is --db pointing at the wrong "
          "file?)\n");

    r = run_ma_plan(
        {"lists", "import", "ragged.csv", "--source", "x", "--map", "mail=Email", "--db", "w.db"},
        dir.path);
    CHECK(r.exit_code == 4);
    CHECK(one_line(r.err));

    r = run_ma_plan({"lists", "extract", "--out", "no/such/dir/out.csv", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: no/such/dir/out.csv: error: cannot write: No such file or directory\n");
}

TEST_CASE("e2e: a second run waits for the lock / then fails clearly without touching anything") {
    TempDir dir;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    write_file(dir / "a.csv", "email,consent\na@example.jp,同意\n");
    const auto before = db_fingerprint(dir / "w.db");
    sqlite3* other = nullptr;
    sqlite3_open((dir / "w.db").c_str(), &other);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    auto r = run_ma_plan(
        {"lists", "import", "a.csv", "--source", "x", "--db", "w.db", "--busy-timeout", "10"},
        dir.path);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: w.db: error: the workspace is locked by another run (waited 10 ms); try again "
          "when it has finished\n");
    CHECK(db_fingerprint(dir / "w.db") == before);
}

TEST_CASE("e2e: an import killed midway (SIGKILL) leaves the workspace intact and unchanged") {
    TempDir dir;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    write_file(dir / "first.csv", "id,email,consent\n1,keep@example.jp,同意\n");
    REQUIRE(
        run_ma_plan({"lists", "import", "first.csv", "--source", "crm", "--db", "w.db"}, dir.path)
            .exit_code == 0);
    std::string big = "id,email,company,consent\n";
    for (int i = 0; i < 40000; ++i)
        big += std::to_string(i) + ",user" + std::to_string(i) + "@example.jp,株式会社テスト" +
               std::to_string(i % 97) + ",同意\n";
    write_file(dir / "big.csv", big);
    const auto before = db_fingerprint(dir / "w.db");

    int err_pipe[2];
    REQUIRE(::pipe(err_pipe) == 0);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(err_pipe[1], 2);
        ::close(err_pipe[0]);
        if (::chdir(dir.path.c_str()) != 0) ::_exit(127);
        ::setenv("MA_PLAN_LISTS_TEST_PAUSE", "1", 1);         // stop half-way
        ::setenv("MA_PLAN_LISTS_TEST_CACHE_KIB", "1024", 1);  // spill pages before that
        std::string bin = MA_PLAN_BINARY;
        std::vector<std::string> args = {bin,        "lists", "import", "big.csv",
                                         "--source", "crm",   "--db",   "w.db"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(err_pipe[1]);
    std::string err;
    char buf[256];
    ssize_t n;
    while (err.find("paused\n") == std::string::npos &&
           (n = ::read(err_pipe[0], buf, sizeof buf)) > 0)
        err.append(buf, static_cast<std::size_t>(n));
    REQUIRE(err == "paused\n");
    // Mid-transaction with pages already on disk: the rollback journal holds the old pages.
    CHECK(std::filesystem::file_size(dir / "w.db-journal") > 0);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(err_pipe[0]);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    // The next run rolls the killed transaction back (hot journal) and finds the database intact.
    auto r = run_ma_plan({"lists", "check", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "w.db: integrity ok (schema " + schema + ")\n");
    CHECK(db_fingerprint(dir / "w.db") == before);
    // And the same import then runs to the end.
    r = run_ma_plan({"lists", "import", "big.csv", "--source", "crm", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("40000 rows — 39999 new, 1 changed") != std::string::npos);
}
