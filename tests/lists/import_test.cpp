#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/encoding.hpp"
#include "lists/import.hpp"
#include "lists/workspace.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::TempDir;
using lists_test::write_file;

namespace {

struct Fixture {
    TempDir dir;
    std::filesystem::path db = dir / "w.db";
    Fixture() { Workspace::create(db); }
    ImportSummary import(const std::string& name, const std::string& content,
                         SourceConfig source = {}) {
        write_file(dir / name, content);
        if (source.name.empty()) source.name = "crm";
        auto ws = Workspace::open(db);
        return import_contacts(ws, dir / name, source);
    }
    /// The error message of an import that must fail, after checking it changed nothing.
    std::string failing(const std::string& name, const std::string& content,
                        SourceConfig source = {}) {
        const std::string before = lists_test::db_fingerprint(db);
        std::string message = "(no error)";
        try {
            import(name, content, std::move(source));
        } catch (const MaPlanError& e) {
            message = e.message().en;
        }
        CHECK(lists_test::db_fingerprint(db) == before);
        const std::string prefix = (dir / name).string();
        if (message.starts_with(prefix)) message = "FILE" + message.substr(prefix.size());
        return message;
    }
};

const std::string header = "顧客ID,メールアドレス,会社名,姓,名,メール配信同意\n";

}  // namespace

TEST_CASE("import: new / changed and unchanged rows per batch") {
    Fixture f;
    auto first = f.import("a.csv", header +
                                       "1,taro@example.co.jp,山田商事,山田,太郎,同意\n"
                                       "2,hanako@example.co.jp,山田商事,山田,花子,同意\n");
    CHECK(first.rows == 2);
    CHECK(first.new_rows == 2);
    CHECK(first.encoding == Encoding::utf8);
    auto second = f.import("b.csv", header +
                                        "1,taro@example.co.jp,山田商事,山田,太郎,同意\n"
                                        "2,hanako@example.co.jp,山田物産,山田,花子,同意\n"
                                        "3,jiro@example.co.jp,山田商事,山田,次郎,\n");
    CHECK(second.new_rows == 1);
    CHECK(second.changed_rows == 1);
    CHECK(second.unchanged_rows == 1);
    CHECK(second.missing_consent == 1);
    auto ws = Workspace::open(f.db);
    auto st = ws.prepare("SELECT count(*), sum(company = '山田物産') FROM contacts");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 3);
    CHECK(st.integer(1) == 1);
}

TEST_CASE(
    "import: a record repeated exactly in one file is counted once / ids continue after another "
    "source's") {
    Fixture f;
    SourceConfig event;
    event.name = "event";
    f.import("event.csv", header + "E1,ev@example.co.jp,展示会,佐藤,一郎,同意\n", event);
    // Enough rows for several hand-overs between the reading and the writing thread.
    std::string body = header;
    for (int i = 0; i < 5000; ++i)
        body += std::to_string(i) + ",u" + std::to_string(i) + "@example.jp,x,y,z,同意\n";
    body += "7,u7@example.jp,x,y,z,同意\n";  // row 5002 repeats row 9
    body += "8,u8@example.jp,x,y,z,同意\n";  // row 5003 repeats row 10
    auto s = f.import("crm.csv", body);
    CHECK(s.rows == 5002);
    CHECK(s.new_rows == 5000);
    CHECK(s.unchanged_rows == 0);
    CHECK(s.changed_rows == 0);
    CHECK(s.repeated_rows == 2);
    REQUIRE(s.repeated.size() == 2);
    CHECK(s.repeated[0].row == 5002);
    CHECK(s.repeated[0].first_row == 9);
    CHECK(s.repeated[1].row == 5003);
    CHECK(s.repeated[1].first_row == 10);
    {
        auto ws = Workspace::open(f.db);
        auto st = ws.prepare(
            "SELECT count(*), min(id), max(id), "
            "(SELECT row_no FROM contacts WHERE source_key = 'id:8') FROM contacts "
            "WHERE source_id = (SELECT id FROM sources WHERE name = 'crm')");
        REQUIRE(st.step());
        CHECK(st.integer(0) == 5000);
        CHECK(st.integer(1) == 2);  // after the event source's contact 1
        CHECK(st.integer(2) == 5001);
        CHECK(st.integer(3) == 10);  // the first of the two identical rows
        st.reset();
        CHECK(ws.integrity_check() == "ok");
    }
    // The whole file again: nothing new, nothing changed, the same repeats.
    auto again = f.import("crm2.csv", body);
    CHECK(again.new_rows == 0);
    CHECK(again.changed_rows == 0);
    CHECK(again.unchanged_rows == 5000);
    CHECK(again.repeated_rows == 2);
}

TEST_CASE("import: a record repeated with other values names both rows and changes nothing") {
    Fixture f;
    CHECK(f.failing("dup.csv", header + "1,a@example.jp,x,y,z,同意\n"
                                        "2,b@example.jp,x,y,z,同意\n"
                                        "1,a@example.jp,x,y,z,拒否\n") ==
          "FILE:4:1: error: the record ID in column \"顧客ID\" is also on row 2, with other "
          "values; keep one of the two rows");
    // Without an ID column the address is the record key; it is not quoted (personal data).
    CHECK(f.failing("dup-email.csv",
                    "email,consent\ntaro@example.jp,opt-in\nTaro@Example.jp,opt-out\n") ==
          "FILE:3:1: error: the address in column \"email\" (the record key: the file has no ID "
          "column) is also on row 2, with other values; keep one of the two rows");
}

TEST_CASE("import: original text is stored unchanged / keys beside it") {
    Fixture f;
    f.import(
        "a.csv",
        "email,company,name,consent\n\" Taro@Example.JP \",㈱山田商事,ＹＡＭＡＤＡ 太郎,opt-in\n");
    auto ws = Workspace::open(f.db);
    auto st = ws.prepare("SELECT email, email_key, company, full_name, consent FROM contacts");
    REQUIRE(st.step());
    CHECK(st.text(0) == " Taro@Example.JP ");
    CHECK(st.text(1) == "taro@example.jp");
    CHECK(st.text(2) == "㈱山田商事");
    CHECK(st.text(3) == "ＹＡＭＡＤＡ 太郎");
    CHECK(st.text(4) == "opt_in");
}

TEST_CASE("import: CP932 from Excel is detected / with a BOM / UTF-8") {
    Fixture f;
    Cp932Codec to(Cp932Codec::Direction::from_utf8);
    std::string sjis;
    REQUIRE_FALSE(to.convert(header + "1,taro@example.co.jp,㈱山田商事,山田,太郎,同意\r\n", sjis));
    auto s = f.import("excel.csv", sjis);
    CHECK(s.encoding == Encoding::cp932);
    CHECK(s.new_rows == 1);
    auto b = f.import("bom.csv", std::string(utf8_bom) + header +
                                     "1,taro@example.co.jp,㈱山田商事,山田,太郎,同意\n");
    CHECK(b.encoding == Encoding::utf8_bom);
    CHECK(b.unchanged_rows == 1);  // same record, decoded to the same text
}

TEST_CASE("import: presets map vendor headers / --map overrides / channels") {
    Fixture f;
    SourceConfig sf;
    sf.name = "sfdc";
    sf.preset = "salesforce";
    sf.columns = {{"consent", "Marketing Consent"}, {"channel.line", "LINE ID"}};
    auto s = f.import(
        "sf.csv",
        "Id,FirstName,LastName,Email,Account Name,HasOptedOutOfEmail,Marketing Consent,LINE ID\n"
        "003A,Taro,Yamada,taro@example.jp,Acme,false,opt-in,U1\n"
        "003B,Jiro,Sato,jiro@example.jp,Acme,true,opt-in,\n",
        sf);
    CHECK(s.new_rows == 2);
    auto ws = Workspace::open(f.db);
    auto st = ws.prepare(
        "SELECT source_key, last_name, opted_out, (SELECT count(*) FROM contact_channels) FROM "
        "contacts "
        "ORDER BY id");
    REQUIRE(st.step());
    CHECK(st.text(0) == "id:003A");
    CHECK(st.text(1) == "Yamada");
    CHECK(st.integer(2) == 0);
    CHECK(st.integer(3) == 1);
    REQUIRE(st.step());
    CHECK(st.integer(2) == 1);
}

TEST_CASE("import: bad input is one line with file / row and column / and changes nothing") {
    Fixture f;
    f.import("good.csv", header + "1,taro@example.co.jp,山田商事,山田,太郎,同意\n");

    CHECK(f.failing("ragged.csv", header + "2,a@example.jp,x,y,z,同意\n3,b@example.jp,x,y\n") ==
          "FILE:3:5: error: the row has 4 fields but the header has 6 (ragged row; a quote or "
          "separator missing?)");
    CHECK(f.failing("quote.csv", header + "2,\"a@example.jp,x,y,z,同意\n") ==
          "FILE:2:2: error: quoted field is never closed (unterminated quote)");
    CHECK(
        f.failing("nul.csv", header + "2,a@ex" + std::string(1, '\0') + "ample.jp,x,y,z,同意\n") ==
        "FILE:2:2: error: NUL byte (is the file UTF-16 or binary?)");
    CHECK(f.failing("empty.csv", "") == "FILE: error: the file is empty");
    CHECK(f.failing("header-only.csv", header) ==
          "FILE: error: the file has a header but no data rows");
    CHECK(f.failing("consent.csv", header + "2,a@example.jp,x,y,z,maybe\n") ==
          "FILE:2:6: error: unknown consent value \"m***\" (masked; --show-pii shows it) in "
          "column \"メール配信同意\"; use opt-in / opt-out (or 同意 / 拒否), or leave it empty");
    SourceConfig mapped;
    mapped.columns = {{"email", "E-Mail Address"}};
    CHECK(f.failing("nomap.csv", header + "2,a@example.jp,x,y,z,同意\n", mapped) ==
          "FILE:1:1: error: the header has no column \"E-Mail Address\" (mapped to email); columns "
          "present: 顧客ID, メールアドレス, 会社名, 姓, 名, メール配信同意");
    CHECK(f.failing("noemail.csv", "id,name\n1,x\n") ==
          "FILE:1:1: error: no email column found with preset \"generic\"; map it with --map "
          "email=COLUMN (columns present: id, name)");
}

TEST_CASE("import: undecodable bytes name row and column / per encoding") {
    Fixture f;
    // Valid UTF-8 everywhere except one byte in row 3, column 3: detection picks CP932, in which
    // the UTF-8 text is not decodable either; forced UTF-8 names the byte.
    SourceConfig utf8;
    utf8.encoding = Encoding::utf8;
    CHECK(f.failing("bad.csv",
                    header + "2,a@example.jp,x,y,z,同意\n3,b@example.jp,ab\xFF,y,z,同意\n", utf8) ==
          "FILE:3:3: error: byte 0xFF at offset 2 of the field is not valid UTF-8 (is the file "
          "CP932? try --encoding cp932)");
    // Detected, not forced: the Japanese header proves UTF-8, so the same byte is named.
    CHECK(
        f.failing("bad-auto.csv",
                  header + "2,a@example.jp,x,y,z,同意\n3,b@example.jp,ab\xFF,y,z,同意\n")
            .starts_with("FILE:3:3: error: byte 0xFF at offset 2 of the field is not valid UTF-8"));
    SourceConfig cp932;
    cp932.encoding = Encoding::cp932;
    CHECK(f.failing("bad932.csv", "email,company\na@example.jp,\x82\n", cp932) ==
          "FILE:2:2: error: byte 0x82 at offset 0 of the field cannot be decoded as CP932");
}

TEST_CASE("import: a failure on the last row rolls back every earlier row") {
    Fixture f;
    std::string body = header;
    for (int i = 0; i < 5000; ++i)
        body += std::to_string(i) + ",u" + std::to_string(i) + "@example.jp,x,y,z,同意\n";
    body += "9999,last@example.jp,x,y,z,perhaps\n";
    CHECK(f.failing("late.csv", body).starts_with("FILE:5002:6: error: unknown consent value"));
    auto ws = Workspace::open(f.db);
    auto st = ws.prepare("SELECT count(*) FROM contacts");
    st.step();
    CHECK(st.integer(0) == 0);
}

TEST_CASE("import: consent vocabulary / unknown values are never consent") {
    CHECK(parse_consent("Opt-In") == Consent::opt_in);
    CHECK(parse_consent("同意済み") == Consent::opt_in);
    CHECK(parse_consent("ＹＥＳ") == Consent::opt_in);
    CHECK(parse_consent("配信停止") == Consent::opt_out);
    CHECK(parse_consent("") == Consent::none);
    CHECK_FALSE(parse_consent("maybe"));
    CHECK_FALSE(parse_consent("2024-01-01"));
    CHECK(parse_flag("TRUE") == true);
    CHECK(parse_flag("") == false);
    CHECK_FALSE(parse_flag("sometimes"));
}

TEST_CASE("import: the disk filling up mid-import changes nothing (file-size limit in a child)") {
    Fixture f;
    f.import("good.csv", header + "1,taro@example.co.jp,山田商事,山田,太郎,同意\n");
    std::string body = header;
    for (int i = 0; i < 30000; ++i)
        body += std::to_string(i) + ",user" + std::to_string(i) +
                "@example.jp,株式会社テスト,山田,太郎,同意\n";
    write_file(f.dir / "big.csv", body);
    const std::string before = lists_test::db_fingerprint(f.db);
    const auto db_size = std::filesystem::file_size(f.db);
    pid_t pid = ::fork();
    if (pid == 0) {
        try {
            // A small page cache spills pages to the file long before commit; the cap stops them.
            auto ws = Workspace::open(f.db, OpenOptions{.cache_kib = 256});
            ::signal(SIGXFSZ, SIG_IGN);
            const rlim_t cap = db_size + 512 * 1024;
            rlimit lim{cap, cap};
            ::setrlimit(RLIMIT_FSIZE, &lim);
            SourceConfig s;
            s.name = "crm";
            import_contacts(ws, f.dir / "big.csv", s);
        } catch (const IoError& e) {
            const bool expected =
                e.message().en == f.db.string() +
                                      ": error: cannot read or write the database (File too "
                                      "large); nothing was changed";
            if (!expected) std::fprintf(stderr, "unexpected: %s\n", e.message().en.c_str());
            ::_exit(expected ? 42 : 1);
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 42);
    {
        auto ws = Workspace::open(f.db);  // rolls back a journal the child may have left
        CHECK(ws.integrity_check() == "ok");
    }
    CHECK(lists_test::db_fingerprint(f.db) == before);
}
