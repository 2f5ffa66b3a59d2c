#include <catch2/catch.hpp>

#include "lists/csv.hpp"

using namespace maplan::lists;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view data) {
    CsvReader r(data);
    std::vector<std::string_view> f;
    std::vector<std::vector<std::string>> rows;
    while (r.next(f)) rows.emplace_back(f.begin(), f.end());
    return rows;
}

CsvSyntaxError syntax_error(std::string_view data) {
    CsvReader r(data);
    std::vector<std::string_view> f;
    try {
        while (r.next(f)) {
        }
    } catch (const CsvSyntaxError& e) {
        return e;
    }
    FAIL("no syntax error");
    throw;
}
}  // namespace

TEST_CASE("csv: quoted fields with separators / doubled quotes and line breaks") {
    auto rows = read_all("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n,,\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"x,1", "say \"hi\"", "line1\nline2"});
    CHECK(rows[2] == std::vector<std::string>{"", "", ""});
}

TEST_CASE("csv: last record without a line break / lone CR line ends") {
    auto rows = read_all("a,b\rc,d");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1] == std::vector<std::string>{"c", "d"});
}

TEST_CASE("csv: rows are record numbers as a spreadsheet shows them / blank lines included") {
    CsvReader r("h\n\"multi\nline\"\n\nlast\n");
    std::vector<std::string_view> f;
    REQUIRE(r.next(f));
    CHECK(r.row() == 1);
    REQUIRE(r.next(f));
    CHECK(r.row() == 2);
    REQUIRE(r.next(f));
    CHECK(f[0] == "last");
    CHECK(r.row() == 4);
    CHECK_FALSE(r.next(f));
}

TEST_CASE("csv: an unterminated quote names the row and column where the field starts") {
    auto e = syntax_error("a,b\n1,\"never closed\n2,3\n");
    CHECK(e.row == 2);
    CHECK(e.col == 2);
    CHECK(e.what_text.en == "quoted field is never closed (unterminated quote)");
}

TEST_CASE("csv: a NUL byte is an error / in plain and in quoted fields") {
    auto e = syntax_error(std::string_view("a,b\n1,x\0y\n", 10));
    CHECK(e.row == 2);
    CHECK(e.col == 2);
    auto q = syntax_error(std::string_view("a\n\"x\0\"\n", 7));
    CHECK(q.row == 2);
    CHECK(q.col == 1);
}

TEST_CASE("csv: text after a closing quote is an error") {
    auto e = syntax_error("a,b\n\"x\"y,2\n");
    CHECK(e.row == 2);
    CHECK(e.col == 1);
}

TEST_CASE("csv: formula-like cells get a leading apostrophe / also after leading spaces") {
    for (std::string_view cell : {"=1+2", "+81", "-5", "@SUM(A1)", "\tx", "\rx", "  =cmd"}) {
        CAPTURE(cell);
        CHECK(looks_like_formula(cell));
    }
    for (std::string_view cell : {"", "   ", "a=b", "taro@example.jp", "山田"}) {
        CAPTURE(cell);
        CHECK_FALSE(looks_like_formula(cell));
    }
    std::string out;
    append_csv_record(out, {"=HYPERLINK(\"x\")", "  @a", "plain", "a,b", "-"});
    CHECK(out == "\"'=HYPERLINK(\"\"x\"\")\",'  @a,plain,\"a,b\",'-\r\n");
}

// Must fire: OWASP's CSV-injection list (= + - @ tab CR), plus what the issue found missing: any
// leading Unicode white space, the full-width and small forms that NFKC folds to an operator, and
// the pipe of a DDE call.
TEST_CASE("csv: the formula guard sees through white space of any kind and full-width operators") {
    for (std::string_view cell :
         {"\n=1+1",     "\r\n=1",       "\v=1",     "\f=1",      "\u00a0=1+1",
          "\u3000=1+1", "\u2003+1",     "\u200b=1", "\ufeff=1",  "\u0085@x",
          "\u2028-1",   " \u3000 \t=1", "＝1+1",    "＋1",       "－1",
          "＠SUM(A1)",  "﹦1",          "﹢1",      "﹣1",       "﹫x",
          "|cmd",       "｜cmd",        "  |x",     "\u3000＝1", "=cmd|'/C calc'!A0"}) {
        CAPTURE(cell);
        CHECK(looks_like_formula(cell));
    }
    // Must not fire: an operator after the first character, or a look-alike that is not one.
    for (std::string_view cell : {"a|b", "1+1", "株式会社=テスト", "\u3000", "\u00a0 ",
                                  "−1" /* U+2212 MINUS SIGN is not NFKC '-' */, "'=1", "\xff=1"}) {
        CAPTURE(cell);
        CHECK_FALSE(looks_like_formula(cell));
    }
}

TEST_CASE(
    "csv: a valid address in the email column is left alone unless it starts with = or holds a "
    "pipe") {
    std::string out;
    append_csv_record(out, {"+81@example.jp", "+81@example.jp"}, 0);
    CHECK(out == "+81@example.jp,'+81@example.jp\r\n");  // only the address column is exempt
    out.clear();
    append_csv_record(out, {"-info@example.jp", "=a@example.jp", "+a|b@example.jp"}, 0);
    append_csv_record(out, {"=a@example.jp"}, 0);
    append_csv_record(out, {"+a|b@example.jp"}, 0);
    CHECK(out ==
          "-info@example.jp,'=a@example.jp,'+a|b@example.jp\r\n'=a@example.jp\r\n'+a|b@example."
          "jp\r\n");
}

TEST_CASE("csv: writer output reads back to the same cells (apart from the apostrophe)") {
    std::string out;
    append_csv_record(out, {"line1\nline2", "q\"uote", "ok"});
    auto rows = read_all(out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == std::vector<std::string>{"line1\nline2", "q\"uote", "ok"});
}
