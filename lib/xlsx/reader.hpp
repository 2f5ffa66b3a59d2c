#pragma once
// Reading one worksheet of an .xlsx workbook as a grid of cell strings (issue 16, `import roles
// FILE.xlsx`). libzip opens the container from memory and expat parses the parts as they are
// inflated; nothing is evaluated: a formula gives its cached value, never a computed one.
//
// The workbook is untrusted input. Limits, each a ReadError with one reason:
// - at most max_entries entries, at most max_expanded_bytes inflated in all, counted while
//   inflating (the sizes in the zip headers are not trusted);
// - XML nested at most max_xml_depth deep; a DOCTYPE (and so any entity, the billion laughs) is
//   refused;
// - an OLE compound file (D0 CF 11 E0 A1 B1 1A E1) is an encrypted workbook or a legacy .xls.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace maplan::xlsx {

/// "A", "B", … "Z", "AA": the spreadsheet name of a 0-based column (CSV matrices use it too).
std::string column_name(std::size_t col);
/// "C4" for 0-based column 2, 1-based row 4.
std::string cell_name(std::size_t col, std::size_t row);

constexpr std::size_t max_entries = 10'000;
constexpr std::size_t max_expanded_bytes = std::size_t{100} << 20;
constexpr int max_xml_depth = 64;
/// The largest merged area spread into its cells, and the grid's bounds: a role matrix is small,
/// and a cell at XFD1048576 must not make the reader allocate a sheet's worth of rows.
constexpr std::size_t max_merge_cells = 10'000;
constexpr std::size_t max_rows = 100'000;
constexpr std::size_t max_columns = 1'000;

/// One problem in the workbook. `where` is "Sheet!C4" at a cell, "Sheet" for a sheet, the part's
/// name ("xl/sharedStrings.xml") for a part, empty for the file as a whole.
class ReadError : public MaPlanError {
  public:
    ReadError(std::string where, Text reason)
        : MaPlanError(std::move(reason)), where_(std::move(where)) {}
    const std::string& where() const { return where_; }

  private:
    std::string where_;
};

struct Sheet {
    std::string name;
    /// rows[r][c] is the text of cell (c, r+1) in A1 terms; rows are as long as their last
    /// non-empty cell. Merged areas hold the top-left value in every cell.
    std::vector<std::vector<std::string>> rows;
};

/// The sheet names in workbook order.
std::vector<std::string> sheet_names(std::string_view bytes);

/// Reads the sheet called `name`, or the first sheet when `name` is empty. An unknown name is a
/// ReadError with "did you mean" over the sheet names. Cells: shared and inline strings (without
/// the phonetic <rPh> runs, the furigana), numbers as the shortest decimal, TRUE/FALSE, date cells
/// (by their number format) as ISO dates, formulas as their cached value.
Sheet read_sheet(std::string_view bytes, std::string_view name = {});

}  // namespace maplan::xlsx
