// Issue 9, the import side: re-import safety, sources and batches, all bad values at once, an
// unambiguous row hash, CP932 half-width kana, a file truncated under the reader, channel limits,
// and no personal data in messages.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/batches.hpp"
#include "lists/csv.hpp"
#include "lists/encoding.hpp"
#include "lists/import.hpp"
#include "lists/key_table.hpp"
#include "lists/normalize.hpp"
#include "lists/table_reader.hpp"
#include "lists/workspace.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::db_fingerprint;
using lists_test::TempDir;
using lists_test::write_file;

namespace {

struct Fixture {
    TempDir dir;
    std::filesystem::path db = dir / "w.db";
    Fixture() { Workspace::create(db); }
    ImportSummary import(const std::string& name, const std::string& content,
                         SourceConfig source = {}, const ImportOptions& options = {}) {
        write_file(dir / name, content);
        if (source.name.empty()) source.name = "crm";
        auto ws = Workspace::open(db);
        return import_contacts(ws, dir / name, source, options);
    }
    /// The message of an import that must fail, after checking it changed nothing; the file's
    /// path is written FILE.
    std::string failing(const std::string& name, const std::string& content,
                        SourceConfig source = {}, const ImportOptions& options = {}) {
        const std::string before = db_fingerprint(db);
        std::string message = "(no error)";
        try {
            import(name, content, std::move(source), options);
        } catch (const MaPlanError& e) {
            message = e.message().en;
        }
        CHECK(db_fingerprint(db) == before);
        const std::string path = (dir / name).string();
        for (std::size_t at; (at = message.find(path)) != std::string::npos;)
            message.replace(at, path.size(), "FILE");
        return message;
    }
    /// The message of a UsageError (exit 4) from `fn`, after checking it changed nothing.
    template <typename Fn>
    std::string refused(Fn fn) {
        const std::string before = db_fingerprint(db);
        std::string message = "(no error)";
        try {
            fn();
        } catch (const UsageError& e) {
            message = e.message().en;
        }
        CHECK(db_fingerprint(db) == before);
        return message;
    }
    std::int64_t count(const std::string& sql) {
        auto ws = Workspace::open(db);
        auto st = ws.prepare(sql);
        st.step();
        return st.integer(0);
    }
};

SourceConfig mapped(std::string name, std::vector<std::pair<std::string, std::string>> columns) {
    SourceConfig s;
    s.name = std::move(name);
    s.columns = std::move(columns);
    return s;
}

const std::string header = "顧客ID,メールアドレス,会社名,姓,名,同意\n";

std::string to_cp932(const std::string& utf8) {
    Cp932Codec codec(Cp932Codec::Direction::from_utf8);
    std::string out;
    REQUIRE_FALSE(codec.convert(utf8, out));
    return out;
}

}  // namespace

// ---- item 5: re-import safety ----

TEST_CASE("import safety: a field the last import mapped cannot be dropped silently") {
    Fixture f;
    // A survey-style column name no preset knows: only --map reads it.
    const std::string custom = "顧客ID,メールアドレス,会社名,姓,名,Q7\n";
    const auto with_consent = mapped("crm", {{"consent", "Q7"}});
    f.import("a.csv", custom + "1,taro@example.jp,x,山田,太郎,同意\n", with_consent);
    // The column is there but not mapped this time (the 4 contacts of the issue lost consent so).
    CHECK(f.failing("b.csv", custom + "1,taro@example.jp,x,山田,太郎,同意\n") ==
          "source \"crm\": its last import (#1) mapped consent to column \"Q7\", and this import "
          "does not map it, which would clear consent on every record it updates (the file has "
          "that column: add --map consent=Q7; or pass --allow-dropped consent to clear it)");
    // The column is gone.
    CHECK(
        f.failing("c.csv", "顧客ID,メールアドレス,会社名,姓,名\n1,taro@example.jp,x,山田,太郎\n") ==
        "source \"crm\": its last import (#1) mapped consent to column \"Q7\", and this import "
        "does not map it, which would clear consent on every record it updates (the file has "
        "no such column: map the new one with --map consent=COLUMN; or pass --allow-dropped "
        "consent to clear it)");
    // Allowed: the summary says what was dropped, and the next import no longer asks for it.
    ImportOptions allow;
    allow.allow_dropped = {"consent"};
    auto s = f.import(
        "d.csv", "顧客ID,メールアドレス,会社名,姓,名\n1,taro@example.jp,x,山田,太郎\n", {}, allow);
    REQUIRE(s.dropped.size() == 1);
    CHECK(s.dropped[0] == std::pair<std::string, std::string>("consent", "Q7"));
    CHECK(f.count("SELECT count(*) FROM contacts WHERE consent IS NULL") == 1);
    CHECK_NOTHROW(
        f.import("e.csv", "顧客ID,メールアドレス,会社名,姓,名\n1,taro@example.jp,x,山田,太郎\n"));
}

TEST_CASE("import safety: every import reports the columns it did not map") {
    Fixture f;
    auto s = f.import("a.csv", "email,備考,name,社内メモ\ntaro@example.jp,x,山田,y\n");
    CHECK(s.unmapped_columns == std::vector<std::string>{"備考", "社内メモ"});
    auto all = f.import("b.csv", "email,name\ntaro@example.jp,山田\n");
    CHECK(all.unmapped_columns.empty());
}

// ---- item 6: sources and batches ----

TEST_CASE(
    "sources: a new name a typo away from an existing source is refused / unless --new-source") {
    Fixture f;
    SourceConfig expo;
    expo.name = "expo";
    f.import("a.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", expo);
    SourceConfig typo;
    typo.name = "exop";
    CHECK(f.failing("b.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", typo) ==
          "there is no source \"exop\", and its name is close to the source \"expo\"; did you "
          "mean \"expo\"? (to start a new source \"exop\", pass --new-source)");
    ImportOptions declared;
    declared.new_source = true;
    CHECK(f.failing("c.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", expo, declared) ==
          "--new-source: the source \"expo\" already exists; leave out --new-source to import "
          "into it");
    CHECK(f.import("d.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", typo, declared)
              .new_rows == 1);
    // Check against false positives: a name far from every source needs no flag.
    SourceConfig web;
    web.name = "webform";
    CHECK(f.import("e.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", web).new_rows == 1);
    auto ws = Workspace::open(f.db);
    const auto sources = list_sources(ws);
    REQUIRE(sources.size() == 3);
    CHECK(sources[0].name == "exop");
    CHECK(sources[1].name == "expo");
    CHECK(sources[1].contacts == 1);
    CHECK(sources[1].imports == 1);
    CHECK(sources[1].last_import == 1);
    CHECK(sources[2].name == "webform");
}

TEST_CASE("remove: an import goes in one transaction / its opt-outs stay as exclusions") {
    Fixture f;
    const auto src = mapped("expo", {{"consent", "同意"}});
    f.import("a.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", src);
    auto typo = src;
    typo.name = "exop";
    ImportOptions declared;
    declared.new_source = true;
    auto s = f.import("b.csv",
                      header +
                          "1,taro@example.jp,x,山田,太郎,同意\n"
                          "2,Hanako@Example.jp,x,山田,花子,拒否\n",
                      typo, declared);
    REQUIRE(s.batch_id == 2);
    {
        auto ws = Workspace::open(f.db);
        const RemoveSummary r = remove_import(ws, 2);
        CHECK(r.contacts == 2);
        CHECK(r.imports == 1);
        CHECK(r.suppressions == 1);
    }
    CHECK(f.count("SELECT count(*) FROM contacts") == 1);
    CHECK(f.count("SELECT count(*) FROM exclusions WHERE kind = 'email' AND value = "
                  "'hanako@example.jp' AND reason = 'optout'") == 1);
    CHECK(f.count("SELECT removed_at IS NOT NULL FROM batches WHERE id = 2") == 1);
    // Removed: not listed, and the name is again checked against its neighbours.
    {
        auto ws = Workspace::open(f.db);
        CHECK(list_sources(ws).size() == 1);
    }
    CHECK(f.failing("c.csv", header + "1,taro@example.jp,x,山田,太郎,同意\n", typo)
              .starts_with("there is no source \"exop\""));
    // A second removal, or an import that is not there, changes nothing.
    CHECK(f.refused([&] {
        auto ws = Workspace::open(f.db);
        remove_import(ws, 2);
    }) == "import #2 was removed already");
    CHECK(f.refused([&] {
        auto ws = Workspace::open(f.db);
        remove_import(ws, 9);
    }) == "there is no import #9 (imports: 1; see ma-plan lists status)");
}

TEST_CASE("remove: a whole source / did-you-mean for an unknown one") {
    Fixture f;
    const auto src = mapped("crm", {{"consent", "同意"}});
    f.import("a.csv", header + "1,a@example.jp,x,y,z,同意\n2,b@example.jp,x,y,z,opt-out\n", src);
    f.import("b.csv", header + "1,a@example.jp,x,y,z,同意\n3,c@example.jp,x,y,z,同意\n", src);
    CHECK(f.refused([&] {
        auto ws = Workspace::open(f.db);
        remove_source(ws, "CRN");
    }) == "there is no source \"CRN\"; did you mean \"crm\"? (sources: crm)");
    auto ws = Workspace::open(f.db);
    const RemoveSummary r = remove_source(ws, "crm");
    CHECK(r.contacts == 3);
    CHECK(r.imports == 2);
    CHECK(r.suppressions == 1);
    CHECK(list_sources(ws).empty());
    CHECK(ws.integrity_check() == "ok");
}

// ---- item 11e: channels ----

TEST_CASE("channels: a bounded number per workspace / lists remove --channel") {
    Fixture f;
    std::string head = "email";
    std::string row = "taro@example.jp";
    SourceConfig many;
    many.name = "crm";
    for (std::size_t i = 0; i <= max_channels; ++i) {
        head += ",ch" + std::to_string(i);
        row += ",U" + std::to_string(i);
        many.columns.emplace_back("channel.c" + std::to_string(i), "ch" + std::to_string(i));
    }
    CHECK(f.failing("many.csv", head + "\n" + row + "\n", many) ==
          "this import maps 101 channel IDs (101 of them new) and the workspace has 0; a workspace "
          "holds at most 100 (the audit and the extract read each as a column). Map fewer, or "
          "remove channels no longer used with: ma-plan lists remove --channel NAME");
    const auto two = mapped("crm", {{"channel.line", "LINE"}, {"channel.ma", "MA"}});
    f.import("two.csv", "email,LINE,MA\ntaro@example.jp,U1,M1\n", two);
    CHECK(f.refused([&] {
        auto ws = Workspace::open(f.db);
        remove_channel(ws, "lien");
    }) == "there is no channel \"lien\"; did you mean \"line\"? (2 channels; see ma-plan lists "
          "audit)");
    {
        auto ws = Workspace::open(f.db);
        CHECK(remove_channel(ws, "line").channel_ids == 1);
    }
    CHECK(f.count("SELECT count(*) FROM channels") == 1);
    CHECK(f.count("SELECT count(*) FROM contact_channels") == 1);
    // Forgotten by the re-import check too: importing without it is not "dropping" it.
    CHECK_NOTHROW(f.import("again.csv", "email,MA\ntaro@example.jp,M1\n",
                           mapped("crm", {{"channel.ma", "MA"}})));
}

// ---- item 7 and 12: all bad values at once, masked ----

TEST_CASE("bad values: all of them at once / the first 20 listed / masked unless --show-pii") {
    Fixture f;
    std::string body = header;
    for (int i = 0; i < 24; ++i)
        body += std::to_string(i) + ",u" + std::to_string(i) +
                "@example.jp,x,y,z,山田太郎 090-1234-5678\n";
    body += "99,z@example.jp,x,y\n";  // ragged, row 26
    const std::string message = f.failing("bad.csv", body);
    std::string expected =
        "FILE: error: 25 bad values; nothing was imported (fix them all, then import again):";
    for (int row = 2; row < 22; ++row) {
        expected += "\n  FILE:" + std::to_string(row) +
                    ":6: error: unknown consent value \"山***\" (masked; --show-pii shows it) in "
                    "column \"同意\"; use opt-in / opt-out (or 同意 / 拒否), or leave it empty";
    }
    expected += "\n  ... and 5 more";
    CHECK(message == expected);
    CHECK(message.find("090") == std::string::npos);
    ImportOptions pii;
    pii.show_pii = true;
    CHECK(f.failing("one.csv", header + "1,a@example.jp,x,y,z,山田太郎 090-1234-5678\n", {}, pii) ==
          "FILE:2:6: error: unknown consent value \"山田太郎 090-1234-5678\" in column \"同意\"; "
          "use opt-in / opt-out (or 同意 / 拒否), or leave it empty");
}

TEST_CASE("bad values: undecodable fields and consent values are reported together") {
    Fixture f;
    SourceConfig cp932;
    cp932.encoding = Encoding::cp932;
    CHECK(f.failing("mixed.csv",
                    "email,company,consent\na@example.jp,\x82,yes\nb@example.jp,x,maybe\n"
                    "c@example.jp,\x82,no\n",
                    cp932) ==
          "FILE: error: 3 bad values; nothing was imported (fix them all, then import again):\n"
          "  FILE:2:2: error: byte 0x82 at offset 0 of the field cannot be decoded as CP932\n"
          "  FILE:3:3: error: unknown consent value \"m***\" (masked; --show-pii shows it) in "
          "column \"consent\"; use opt-in / opt-out (or 同意 / 拒否), or leave it empty\n"
          "  FILE:4:2: error: byte 0x82 at offset 0 of the field cannot be decoded as CP932");
    // A broken structure stops the reading, after the bad values found before it.
    CHECK(f.failing("stop.csv", "email,consent\na@example.jp,maybe\n\"b@example.jp,yes\n") ==
          "FILE: error: 2 bad values; nothing was imported (fix them all, then import again):\n"
          "  FILE:2:2: error: unknown consent value \"m***\" (masked; --show-pii shows it) in "
          "column \"consent\"; use opt-in / opt-out (or 同意 / 拒否), or leave it empty\n"
          "  FILE:3:1: error: quoted field is never closed (unterminated quote)");
}

// ---- item 11a: the row hash ----

TEST_CASE("row hash: a 0x1F inside a value cannot hide a change of consent") {
    Fixture f;
    // Joined with 0x1F, both rows hash as "A 1F 1 1F n o 1F S 1F": phone, consent, source.
    const auto src =
        mapped("crm", {{"phone", "phone"}, {"consent", "consent"}, {"consent_source", "src"}});
    f.import("a.csv", "id,email,phone,consent,src\n1,a@example.jp,A,1,no\x1fS\n", src);
    auto s = f.import("b.csv",
                      "id,email,phone,consent,src\n1,a@example.jp,A\x1f"
                      "1,no,S\n",
                      src);
    CHECK(s.changed_rows == 1);
    CHECK(s.unchanged_rows == 0);
    CHECK(f.count("SELECT consent = 'opt_out' FROM contacts") == 1);
    // The same text under another field is another row too.
    const auto moved =
        mapped("crm", {{"company", "phone"}, {"consent", "consent"}, {"consent_source", "src"}});
    ImportOptions allow;
    allow.allow_dropped = {"phone"};
    CHECK(f.import("c.csv",
                   "id,email,phone,consent,src\n1,a@example.jp,A\x1f"
                   "1,no,S\n",
                   moved, allow)
              .changed_rows == 1);
}

TEST_CASE("row hash: rows stored with the old hash are still recognised as unchanged") {
    TempDir dir;
    const auto db = dir / "w.db";
    {
        auto ws = Workspace::create(db, OpenOptions{.target_version = 3});
        // The old hash of (id "1", email "a@example.jp"): each value followed by 0x1F.
        std::uint64_t h = key_hash_seed;
        for (std::string_view v : {"1", "a@example.jp"})
            h = key_hash_append(key_hash_append(h, v), "\x1f");
        ws.exec(
            "INSERT INTO sources(id, name) VALUES(1, 'crm');"
            "INSERT INTO batches(id, kind, source_id, file) VALUES(1, 'import', 1, 'old.csv');");
        auto st = ws.prepare(
            "INSERT INTO contacts(source_id, source_key, batch_id, row_no, row_hash, email, "
            "email_problem) VALUES(1, 'id:1', 1, 2, ?, 'a@example.jp', 0)");
        st.bind(1, static_cast<std::int64_t>(h)).run();
    }
    write_file(dir / "a.csv", "id,email\n1,a@example.jp\n");
    SourceConfig src;
    src.name = "crm";
    auto ws = Workspace::open(db);
    auto s = import_contacts(ws, dir / "a.csv", src);
    CHECK(s.unchanged_rows == 1);
    CHECK(s.changed_rows == 0);
    // And now stored with the new hash: unchanged again.
    auto again = import_contacts(ws, dir / "a.csv", src);
    CHECK(again.unchanged_rows == 1);
    CHECK(again.changed_rows == 0);
}

// ---- item 11b: encoding ----

TEST_CASE("encoding: CP932 half-width kana that happen to be valid UTF-8 are read as CP932") {
    Fixture f;
    const std::string bytes = to_cp932("email,name\nnaito@example.co.jp,ﾅｲﾄｳ ﾐｷ\n");
    REQUIRE(bytes.find("\xC5\xB2\xC4\xB3 \xD0\xB7") != std::string::npos);  // Ųĳ з in UTF-8
    REQUIRE_FALSE(find_invalid_utf8(bytes));
    auto s = f.import("kana.csv", bytes);
    CHECK(s.encoding == Encoding::cp932);
    CHECK(s.encoding_reason.en ==
          "it is valid UTF-8 too, but as UTF-8 2 of its 2 non-ASCII words are stray letters "
          "(such as Ųĳ) and none is Japanese, while CP932 reads them as half-width kana");
    CHECK(f.count("SELECT full_name = 'ﾅｲﾄｳ ﾐｷ' FROM contacts") == 1);
    // More names of the same kind, in a file of several rows.
    const std::string more =
        to_cp932("email,name\na@example.jp,ﾅｲﾄｳ ﾐｷ\nb@example.jp,ﾄﾐﾀ ｹﾝ\nc@example.jp,Tanaka\n");
    if (!find_invalid_utf8(more)) CHECK(detect_encoding(more) == Encoding::cp932);
}

TEST_CASE(
    "encoding: UTF-8 with accents / Cyrillic / symbols / Japanese stays UTF-8 (false positives)") {
    for (const std::string text :
         {"email,name\nm@example.de,Müller\n", "email,name\ni@example.ru,Иванов Пётр\n",
          "email,note\nc@example.com,© 2026\n", "email,name\nj@example.fr,José Zoë\n",
          "email,name\nt@example.jp,山田 太郎\n", "email,city\nx@example.pl,Łódź\n"}) {
        INFO(text);
        EncodingEvidence evidence;
        evidence.feed(text);
        CHECK(evidence.choose().encoding == Encoding::utf8);
    }
    EncodingEvidence ascii;
    ascii.feed("email\na@example.jp\n");
    CHECK(ascii.choose().reason.en == "every byte is ASCII");
    EncodingEvidence japanese;
    japanese.feed("email,name\nt@example.jp,山田 太郎\n");
    CHECK(japanese.choose().reason.en ==
          "the whole file is valid UTF-8, and 2 of its 2 non-ASCII words are Japanese");
}

// ---- item 11c: the reader ----

TEST_CASE("reader: a file truncated after it was opened is a clear error / not SIGBUS") {
    TempDir dir;
    const auto path = dir / "big.csv";
    std::string body = "email,name\n";
    while (body.size() < (std::size_t{3} << 20)) body += "someone@example.co.jp,山田 太郎\n";
    write_file(path, body);
    TableReader table(path, std::nullopt);  // reads the first chunk
    REQUIRE(::truncate(path.c_str(), 1 << 20) == 0);
    std::string message = "(no error)";
    try {
        while (table.next()) {
        }
    } catch (const IoError& e) {
        message = e.message().en;
    }
    CHECK(message == path.string() + ": error: the file became shorter while it was read (" +
                         std::to_string(body.size()) +
                         " bytes when opened, 1048576 now); was it still being written? nothing "
                         "was imported");
}

TEST_CASE("reader: records split across chunks of every size read the same as in memory") {
    const std::string text =
        "a,b,c\r\n\"x,1\",\"q\"\"q\",\r\n\r\nplain,\"multi\nline\",z\rlast,\"\",\"end\"\"\"";
    std::vector<std::vector<std::string>> expected;
    {
        CsvReader whole(text);
        std::vector<std::string_view> fields;
        while (whole.next(fields)) expected.emplace_back(fields.begin(), fields.end());
    }
    REQUIRE(expected.size() == 4);
    for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
        INFO("chunk " << chunk);
        std::size_t at = 0;
        CsvReader streamed(
            [&](char* buf, std::size_t n) {
                const std::size_t take = std::min(n, text.size() - at);
                std::copy_n(text.data() + at, take, buf);
                at += take;
                return take;
            },
            chunk);
        std::vector<std::vector<std::string>> got;
        std::vector<std::size_t> rows;
        std::vector<std::string_view> fields;
        while (streamed.next(fields)) {
            got.emplace_back(fields.begin(), fields.end());
            rows.push_back(streamed.row());
        }
        CHECK(got == expected);
        CHECK(rows ==
              std::vector<std::size_t>{1, 2, 4, 5});  // a record is one row, line breaks or not
    }
}

// ---- item 11f ----

TEST_CASE("key table: an empty key (no name column) is found without touching its bytes") {
    KeyTable table;
    CHECK(table.try_emplace(std::string_view(), 7).second);
    const std::uint64_t* found = table.find(std::string_view());
    REQUIRE(found != nullptr);
    CHECK(*found == 7);
    CHECK(table.find("x") == nullptr);
}

TEST_CASE("encoding: evidence of two halves appended equals that of the whole") {
    const std::string first = "email,name\na@example.jp,Müller\nb@example.jp,ﾅ\n";
    for (const std::string second :
         {std::string("c@example.jp,山田\nd@example.jp,Иванов\n"),
          std::string("e@example.jp,x\xFF\n"),  // a bad byte: its offset counts the first half
          to_cp932("f@example.jp,ﾅｲﾄｳ ﾐｷ\ng@example.jp,ﾄﾐﾀ\n")}) {
        EncodingEvidence whole;
        whole.feed(first + second);
        EncodingEvidence a;
        EncodingEvidence b(false);
        a.feed(first);
        b.feed(second);
        a.append(b);
        CHECK(a.choose().encoding == whole.choose().encoding);
        CHECK(a.choose().reason.en == whole.choose().reason.en);
        CHECK(a.choose().all_valid_utf8 == whole.choose().all_valid_utf8);
    }
    // And through a file large enough to be read by two threads.
    TempDir dir;
    std::string big = "email,name\n";
    while (big.size() < (std::size_t{9} << 20)) big += "someone@example.co.jp,山田 太郎\n";
    const std::size_t bad_at = big.size() + 13;
    big += "x@example.jp,\x82\xA0\n";
    write_file(dir / "big.csv", big);
    TableReader table(dir / "big.csv", std::nullopt);
    CHECK(table.encoding() == Encoding::utf8);
    CHECK(table.encoding_choice().reason.en == "it is valid UTF-8 up to offset " +
                                                   std::to_string(bad_at) +
                                                   " (byte 0x82), reported below");
}
