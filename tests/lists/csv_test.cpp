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

TEST_CASE("csv: writer output reads back to the same cells (apart from the apostrophe)") {
    std::string out;
    append_csv_record(out, {"line1\nline2", "q\"uote", "ok"});
    auto rows = read_all(out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == std::vector<std::string>{"line1\nline2", "q\"uote", "ok"});
}
