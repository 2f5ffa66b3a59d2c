#pragma once
// RFC 4180 CSV: a streaming reader over bytes already in memory (a mapped file) and a writer that
// makes cells safe to open in a spreadsheet.
#include <cstddef>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/escape.hpp"
#include "core/text.hpp"

namespace maplan::lists {

/// A syntax error at a 1-based row (record number as a spreadsheet shows it; the header is row 1)
/// and column (field number).
struct CsvSyntaxError : std::runtime_error {
    CsvSyntaxError(std::size_t row_, std::size_t col_, Text what_)
        : std::runtime_error(what_.en), row(row_), col(col_), what_text(std::move(what_)) {}
    std::size_t row;
    std::size_t col;
    Text what_text;
};

/// Reads records one at a time. Fields are views into the input, or into scratch storage owned by
/// the reader for quoted fields with doubled quotes; they stay valid until the next call to next().
/// Quoted fields may contain separators, quotes ("") and line breaks. CRLF, LF and lone CR end a
/// record. Blank lines are skipped (they still count as rows). A NUL byte is an error: it is never
/// text, and usually means the file is UTF-16 or binary.
class CsvReader {
  public:
    explicit CsvReader(std::string_view data, char separator = ',')
        : data_(data), sep_(separator) {}

    bool next(std::vector<std::string_view>& fields);
    /// Row of the record last returned by next().
    std::size_t row() const { return row_; }
    /// Bytes consumed so far (for progress reporting).
    std::size_t offset() const { return pos_; }

  private:
    std::string_view data_;
    char sep_;
    std::size_t pos_ = 0;
    std::size_t row_ = 0;
    std::deque<std::string> scratch_;
};

/// The formula guard shared with the reports (core/escape.hpp).
using maplan::looks_like_formula;

/// What a cell holds, for the formula guard.
enum class CsvCell {
    text,
    /// An address the caller has validated (normalize_email). It is written unaltered when it
    /// starts with `+` or `-` (`+81@example.jp`): LibreOffice Calc 7.4 with "Evaluate formulas"
    /// keeps such cells as text (tests/lists/spreadsheet_test.cpp), and a valid address has no
    /// `(`, so it cannot call a function. Two kinds of valid address are still guarded: one that
    /// starts with `=` (LibreOffice turns `=a@example.jp` into a formula), and one that contains
    /// `|`, which Excel's DDE form `+cmd|'...'!A0` needs (Excel itself is not tested here).
    email_address,
};

/// Appends one cell to `out`: an apostrophe in front of formula-like cells, quotes around cells
/// holding separators, quotes or line breaks.
void append_csv_cell(std::string& out, std::string_view cell, CsvCell kind = CsvCell::text);

/// Appends a whole record (cells separated by commas, CRLF at the end, as Excel expects). The cell
/// at `address_column`, if any, is a CsvCell::email_address.
void append_csv_record(std::string& out, const std::vector<std::string_view>& cells,
                       std::size_t address_column = std::string_view::npos);

}  // namespace maplan::lists
