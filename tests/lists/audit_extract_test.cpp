#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/audit.hpp"
#include "lists/exclusions.hpp"
#include "lists/extract.hpp"
#include "lists/import.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::read_file;
using lists_test::TempDir;
using lists_test::write_file;

namespace {

// One row per waterfall case. Rows 2-4 are the same person: exact and normalised duplicates.
const std::string crm =
    "id,email,company,name,consent,consent_source,opted_out\n"
    "1,taro@example.jp,㈱山田商事,山田 太郎,opt-in,form,no\n"              // contactable
    "2,taro@example.jp,山田商事,山田 太郎,opt-in,form,no\n"                // exact duplicate
    "3, taro@EXAMPLE.jp ,山田商事,山田太郎,opt-in,form,no\n"               // normalised duplicate
    "4,a..b@example.jp,山田商事,鈴木 一郎,opt-in,form,no\n"                // invalid
    "5,nocon@example.jp,山田商事,佐藤 花子,,,no\n"                         // no consent
    "6,out@example.jp,山田商事,高橋 次郎,opt-out,form,no\n"                // opted out
    "7,blocked@example.jp,山田商事,田中 三郎,opt-in,form,no\n"             // in opt-out file
    "8,spy@rival.co.jp,ライバル,伊藤 四郎,opt-in,form,no\n"                // competitor domain
    "9,info@partner.jp,パートナー,<script>alert(1)</script>,opt-in,,no\n"  // role address
    "10,flag@example.jp,山田商事,渡辺 五郎,opt-in,form,yes\n"              // unsubscribed flag
    "11,=cmd@gmail.com,\"=HYPERLINK(\"\"http://x\"\")\",  +81 山本,opt-in,form,no\n";  // free mail,
                                                                                       // formula

struct Workspace3 {
    TempDir dir;
    std::filesystem::path db = dir / "w.db";
    Workspace3() {
        auto ws = Workspace::create(db);
        write_file(dir / "crm.csv", crm);
        SourceConfig source;
        source.name = "crm";
        import_contacts(ws, dir / "crm.csv", source);
        write_file(dir / "optout.csv", "メールアドレス\nBLOCKED@example.jp\n");
        exclude_from_file(ws, dir / "optout.csv", "optout", "", std::nullopt);
        ExclusionRules rules;
        rules.domains = {{"rival.co.jp", "competitor"}};
        rules.role_locals = {{"info", "role"}};
        add_exclusion_rules(ws, rules);
    }
};

}  // namespace

TEST_CASE(
    "audit: waterfall imported -> invalid -> no consent -> excluded -> duplicates -> contactable") {
    Workspace3 w;
    auto ws = Workspace::open(w.db);
    auto r = build_audit(ws, {}, false);
    CHECK(r.waterfall.imported == 11);
    CHECK(r.waterfall.invalid == 1);
    CHECK(r.waterfall.no_consent == 2);
    CHECK(r.waterfall.excluded == 4);
    CHECK(r.waterfall.excluded_by_reason ==
          std::map<std::string, std::size_t>{{"competitor", 1}, {"optout", 2}, {"role", 1}});
    CHECK(r.waterfall.duplicates == 2);
    CHECK(r.waterfall.contactable == 2);
    auto count = [&](std::string_view id) {
        for (const auto& f : r.findings) {
            if (f.id == id) return f.count;
        }
        return std::size_t(999);
    };
    CHECK(count("invalid_email") == 1);
    CHECK(count("consent_missing") == 1);
    CHECK(count("consent_opt_out") == 1);
    CHECK(count("consent_no_source") == 1);
    CHECK(count("duplicate_exact") == 1);
    CHECK(count("duplicate_normalized") == 1);
    CHECK(count("role_address") == 1);
    CHECK(count("free_mail") == 1);
}

TEST_CASE("audit: missing consent becomes contactable only by explicit policy") {
    Workspace3 w;
    auto ws = Workspace::open(w.db);
    ListsConfig lenient;
    lenient.consent.require_opt_in = false;
    auto r = build_audit(ws, lenient, false);
    CHECK(r.waterfall.no_consent == 1);  // the opt-out stays out
    CHECK(r.waterfall.contactable == 3);
}

TEST_CASE("audit: examples are masked unless PII is asked for / markup is escaped") {
    Workspace3 w;
    auto ws = Workspace::open(w.db);
    const std::string md = render_audit_markdown(build_audit(ws, {}, false), Lang::en);
    CHECK(md.find("taro@example.jp") == std::string::npos);
    CHECK(md.find("山田 太郎") == std::string::npos);
    CHECK(md.find("a\\*\\*\\*@example.jp") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    const std::string json = render_audit_json(build_audit(ws, {}, false), Lang::ja);
    CHECK(json.find("blocked@") == std::string::npos);
    CHECK(json.find("\"b***@example.jp\"") != std::string::npos);
    CHECK(json.find("\"title\": \"不正なメールアドレス\"") != std::string::npos);

    const std::string pii = render_audit_markdown(build_audit(ws, {}, true), Lang::ja);
    CHECK(pii.find("a..b@example.jp") != std::string::npos);
    CHECK(pii.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(pii.find("<script>") == std::string::npos);
    CHECK(pii.find("# 顧客リスト監査") != std::string::npos);
}

TEST_CASE("audit: contacts without a channel ID for a declared channel") {
    TempDir dir;
    auto ws = Workspace::create(dir / "w.db");
    write_file(dir / "a.csv", "email,consent,LINE\na@example.jp,同意,U1\nb@example.jp,同意,\n");
    SourceConfig s;
    s.name = "web";
    s.columns = {{"channel.line", "LINE"}};
    import_contacts(ws, dir / "a.csv", s);
    ListsConfig config;
    config.channels = {"app"};
    auto r = build_audit(ws, config, false);
    REQUIRE(r.channels == std::vector<std::string>{"app", "line"});
    CHECK(r.findings[r.findings.size() - 2].id == "missing_channel_id.app");
    CHECK(r.findings[r.findings.size() - 2].count == 2);
    CHECK(r.findings.back().id == "missing_channel_id.line");
    CHECK(r.findings.back().count == 1);
}

TEST_CASE("extract: only contactable rows / first of each address / formula-safe") {
    Workspace3 w;
    auto ws = Workspace::open(w.db);
    ListsConfig lenient;
    lenient.consent.require_opt_in = false;
    auto s = extract_contactable(ws, lenient, w.dir / "out.csv", Encoding::utf8);
    CHECK(s.waterfall.contactable == 3);
    CHECK(read_file(w.dir / "out.csv") ==
          "email,company,last_name,first_name,name,phone,consent,consent_source,consent_at,"
          "consent_notice,source,source_row\r\n"
          "taro@example.jp,㈱山田商事,,,山田 太郎,,opt_in,form,,,crm,2\r\n"
          "nocon@example.jp,山田商事,,,佐藤 花子,,,,,,crm,6\r\n"
          "'=cmd@gmail.com,\"'=HYPERLINK(\"\"http://x\"\")\",,,'  +81 "
          "山本,,opt_in,form,,,crm,12\r\n");
}

TEST_CASE("extract: UTF-8 with BOM for Excel / and CP932") {
    Workspace3 w;
    auto ws = Workspace::open(w.db);
    extract_contactable(ws, {}, w.dir / "bom.csv", Encoding::utf8_bom);
    CHECK(read_file(w.dir / "bom.csv")
              .starts_with("\xEF\xBB\xBF"
                           "email,"));
    extract_contactable(ws, {}, w.dir / "sjis.csv", Encoding::cp932);
    Cp932Codec from(Cp932Codec::Direction::to_utf8);
    std::string utf8;
    REQUIRE_FALSE(from.convert(read_file(w.dir / "sjis.csv"), utf8));
    CHECK(utf8.find("㈱山田商事") != std::string::npos);
}

TEST_CASE("extract: failures leave an existing output file untouched") {
    Workspace3 w;
    const std::string previous = "previous extract\n";
    auto out = w.dir / "out.csv";
    write_file(out, previous);
    auto files_in_dir = [&] {
        std::size_t n = 0;
        for (auto& e : std::filesystem::directory_iterator(w.dir.path)) {
            if (e.path().extension() == ".csv") ++n;  // the workspace's -wal/-shm come and go
        }
        return n;
    };

    SECTION("a character CP932 cannot hold") {
        TempDir dir;
        auto ws = Workspace::create(dir / "w.db");
        write_file(dir / "a.csv", "email,name,consent\na@example.jp,絵文字🎉,同意\n");
        SourceConfig s;
        s.name = "x";
        import_contacts(ws, dir / "a.csv", s);
        const auto before = files_in_dir();
        try {
            extract_contactable(ws, {}, out, Encoding::cp932);
            FAIL("no error");
        } catch (const IoError& e) {
            CHECK(e.message().en ==
                  out.string() +
                      ": error: output row 2 has a character that CP932 cannot "
                      "represent (emoji, some kanji variants); use --encoding utf-8-bom");
        }
        CHECK(read_file(out) == previous);
        CHECK(files_in_dir() == before);  // no temporary file left behind
    }

    SECTION("the disk fills up (file-size limit in a child process)") {
        const auto before = files_in_dir();
        pid_t pid = ::fork();
        if (pid == 0) {
            try {
                // Open first: SQLite's shared-memory file must exist before files are capped.
                auto ws = Workspace::open(w.db);
                ::signal(SIGXFSZ, SIG_IGN);
                rlimit lim{64, 64};  // the CSV header alone is longer
                ::setrlimit(RLIMIT_FSIZE, &lim);
                extract_contactable(ws, {}, out, Encoding::utf8);
            } catch (const IoError& e) {
                const bool expected =
                    e.message().en == out.string() + ": error: cannot write: File too large";
                if (!expected) std::fprintf(stderr, "unexpected: %s\n", e.message().en.c_str());
                ::_exit(expected ? 42 : 1);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "unexpected: %s\n", e.what());
                ::_exit(3);
            }
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 42);
        CHECK(read_file(out) == previous);
        CHECK(files_in_dir() == before);
    }

    SECTION("a workspace damaged half-way through (the error comes from the reading thread)") {
        TempDir dir;
        std::string body = "id,email,company,name,consent\n";
        for (int i = 0; i < 20000; ++i) {
            body += std::to_string(i) + ",user" + std::to_string(i) + "@example.jp,株式会社テスト" +
                    std::to_string(i) + ",山田 太郎,同意\n";
        }
        write_file(dir / "a.csv", body);
        {
            auto ws = Workspace::create(dir / "w.db");
            SourceConfig s;
            s.name = "x";
            import_contacts(ws, dir / "a.csv", s);
        }
        // Overwrite the middle of the file (leaf pages of contacts) with junk.
        std::string db = read_file(dir / "w.db");
        REQUIRE(db.size() > (std::size_t{1} << 20));
        for (std::size_t i = db.size() / 2; i < db.size() / 2 + 200000; ++i) db[i] = '\x5a';
        write_file(dir / "w.db", db);
        const auto before = files_in_dir();
        auto ws = Workspace::open(dir / "w.db");
        try {
            extract_contactable(ws, {}, out, Encoding::utf8);
            FAIL("no error");
        } catch (const IoError& e) {
            CAPTURE(e.message().en);
            CHECK(e.message().en.starts_with((dir / "w.db").string() +
                                             ": error: the database is damaged"));
        }
        CHECK(read_file(out) == previous);
        CHECK(files_in_dir() == before);
    }

    SECTION("a folder that cannot be written") {
        auto ws = Workspace::open(w.db);
        std::filesystem::path target;
        TempDir ro;
        if (::geteuid() == 0) {
            target = "/sys/ma-plan-extract.csv";  // root ignores mode bits; sysfs refuses new files
        } else {
            std::filesystem::permissions(
                ro.path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
            target = ro / "out.csv";
        }
        try {
            extract_contactable(ws, {}, target, Encoding::utf8);
            FAIL("no error");
        } catch (const IoError& e) {
            CHECK(e.message().en == target.string() + ": error: cannot write: Permission denied");
        }
        std::filesystem::permissions(ro.path, std::filesystem::perms::owner_all);
        CHECK_FALSE(std::filesystem::exists(target));
    }
}

TEST_CASE("exclude: addresses by match key / domains / reasons validated / all or nothing") {
    TempDir dir;
    auto ws = Workspace::create(dir / "w.db");
    write_file(dir / "x.csv", "email,note\n Taro@EXAMPLE.jp ,a\nrival.co.jp,b\nother.jp,c\n");
    auto s = exclude_from_file(ws, dir / "x.csv", "bounce", "", std::nullopt);
    CHECK(s.rows == 3);
    CHECK(s.added == 3);
    CHECK(s.domains == 2);
    auto again = exclude_from_file(ws, dir / "x.csv", "optout", "email", std::nullopt);
    CHECK(again.added == 0);
    CHECK(again.already == 3);
    auto set = load_exclusions(ws);
    CHECK(set.emails.at("taro@example.jp") == "bounce");
    REQUIRE(set.reason_for("x@mail.rival.co.jp", "x", "mail.rival.co.jp", false) != nullptr);
    CHECK(*set.reason_for("x@mail.rival.co.jp", "x", "mail.rival.co.jp", false) == "bounce");
    CHECK(set.reason_for("x@ok.jp", "x", "ok.jp", false) == nullptr);
    CHECK(*set.reason_for("x@ok.jp", "x", "ok.jp", true) == "optout");
    CHECK_THROWS_AS(exclude_from_file(ws, dir / "x.csv", "Opt Out!", "", std::nullopt), UsageError);

    write_file(dir / "bad.csv", "email\nnew@example.jp\n\"broken\n");
    const auto before = lists_test::db_fingerprint(dir / "w.db");
    CHECK_THROWS_AS(exclude_from_file(ws, dir / "bad.csv", "optout", "", std::nullopt), IoError);
    CHECK(lists_test::db_fingerprint(dir / "w.db") == before);
}
