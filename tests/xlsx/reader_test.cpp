// Unit tests of the .xlsx reader (issue 16): workbooks written in the test by libxlsxwriter, an
// independent writer, read back cell by cell. Furigana, bombs and corrupt files, which
// libxlsxwriter cannot write, are in tests/importer/check_import_xlsx.py.
#include <catch2/catch.hpp>

#include <string>

#include "xlsx/reader.hpp"
#include "xlsx/workbook.hpp"

using namespace maplan;

namespace {

std::string cell(const xlsx::Sheet& sheet, std::size_t row, std::size_t col) {
    if (row == 0 || row > sheet.rows.size() || col >= sheet.rows[row - 1].size()) return "(none)";
    return sheet.rows[row - 1][col];
}

/// Sheet "メモ" (one cell), then sheet "表": dates, numbers, booleans, formulas with cached
/// values, a merged header.
std::string sample() {
    xlsx::Workbook book({});
    lxw_worksheet* note = book.add_sheet("メモ");
    xlsx::check(worksheet_write_string(note, 0, 0, "note", nullptr), "write");
    lxw_worksheet* ws = book.add_sheet("表");
    lxw_format* iso = book.format();
    format_set_num_format(iso, "yyyy-mm-dd");
    lxw_format* ja = book.format();
    format_set_num_format(ja, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format* stamp = book.format();
    format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
    lxw_format* builtin = book.format();
    format_set_num_format_index(builtin, 14);
    lxw_format* money = book.format();
    format_set_num_format(money, "#,##0\"円\"");
    xlsx::check(worksheet_merge_range(ws, 0, 1, 0, 3, "営業本部", nullptr), "merge");
    lxw_datetime april{2026, 4, 1, 0, 0, 0};
    lxw_datetime leap{2024, 2, 29, 0, 0, 0};
    lxw_datetime noon{2026, 4, 1, 12, 30, 0};
    lxw_datetime old{1900, 1, 1, 0, 0, 0};
    xlsx::check(worksheet_write_datetime(ws, 1, 0, &april, iso), "date");
    xlsx::check(worksheet_write_datetime(ws, 1, 1, &leap, ja), "date");
    xlsx::check(worksheet_write_datetime(ws, 1, 2, &noon, stamp), "date");
    xlsx::check(worksheet_write_datetime(ws, 1, 3, &april, builtin), "date");
    xlsx::check(worksheet_write_datetime(ws, 1, 4, &old, iso), "date");
    xlsx::check(worksheet_write_number(ws, 2, 0, 2, nullptr), "number");
    xlsx::check(worksheet_write_number(ws, 2, 1, 1.5, nullptr), "number");
    xlsx::check(worksheet_write_number(ws, 2, 2, 1234567, money), "number");
    xlsx::check(worksheet_write_boolean(ws, 2, 3, 1, nullptr), "boolean");
    xlsx::check(worksheet_write_boolean(ws, 2, 4, 0, nullptr), "boolean");
    xlsx::check(worksheet_write_formula_num(ws, 3, 0, "=1+2", nullptr, 3), "formula");
    xlsx::check(worksheet_write_formula_str(ws, 3, 1, "=\"主\"&\"担当\"", nullptr, "主担当"),
                "formula");
    xlsx::check(worksheet_write_blank(ws, 3, 2, iso), "blank");
    xlsx::check(worksheet_write_string(ws, 3, 3, "=SUM(A1)", nullptr), "text");
    return book.finish();
}

}  // namespace

TEST_CASE("sheets by name and the first by default", "[xlsx][reader]") {
    const std::string bytes = sample();
    CHECK(xlsx::sheet_names(bytes) == std::vector<std::string>{"メモ", "表"});
    xlsx::Sheet first = xlsx::read_sheet(bytes);
    CHECK(first.name == "メモ");
    CHECK(first.rows == std::vector<std::vector<std::string>>{{"note"}});
    try {
        xlsx::read_sheet(bytes, "衣");
        FAIL("no error for an unknown sheet");
    } catch (const xlsx::ReadError& e) {
        CHECK(e.where().empty());
        CHECK(e.message().en ==
              "no sheet \"衣\" in the workbook (did you mean \"表\"?); the sheets are \"メモ\", "
              "\"表\"");
    }
}

TEST_CASE("dates numbers booleans cached formulas and merged cells", "[xlsx][reader]") {
    xlsx::Sheet s = xlsx::read_sheet(sample(), "表");
    CHECK(s.name == "表");
    // The merged header holds its value in every cell of the area.
    CHECK(cell(s, 1, 0) == "");
    CHECK(cell(s, 1, 1) == "営業本部");
    CHECK(cell(s, 1, 2) == "営業本部");
    CHECK(cell(s, 1, 3) == "営業本部");
    CHECK(cell(s, 2, 0) == "2026-04-01");
    CHECK(cell(s, 2, 1) == "2024-02-29");
    CHECK(cell(s, 2, 2) == "2026-04-01T12:30:00");
    CHECK(cell(s, 2, 3) == "2026-04-01");  // built-in format 14
    CHECK(cell(s, 2, 4) == "1900-01-01");  // before Lotus's 1900-02-29
    CHECK(cell(s, 3, 0) == "2");
    CHECK(cell(s, 3, 1) == "1.5");
    CHECK(cell(s, 3, 2) == "1234567");  // 円 in quotes is no date
    CHECK(cell(s, 3, 3) == "TRUE");
    CHECK(cell(s, 3, 4) == "FALSE");
    CHECK(cell(s, 4, 0) == "3");       // the cached value, never evaluated
    CHECK(cell(s, 4, 1) == "主担当");  // a string formula's cached value
    CHECK(cell(s, 4, 2) == "");        // a styled blank cell is blank
    CHECK(cell(s, 4, 3) == "=SUM(A1)");
}

TEST_CASE("not a zip is one error for the whole file", "[xlsx][reader]") {
    try {
        xlsx::read_sheet("Task,Sales\n");
        FAIL("no error");
    } catch (const xlsx::ReadError& e) {
        CHECK(e.where().empty());
        CHECK(e.message().en == "not a readable .xlsx workbook (corrupt zip: Not a zip archive)");
    }
}
