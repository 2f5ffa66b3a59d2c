#pragma once
// RFC 4180 CSV: a streaming reader (over bytes in memory or read chunk by chunk) and a writer that
// makes cells safe to open in a spreadsheet.
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/text.hpp"

namespace maplan::lists {

/// A syntax error at a 1-based row (record number as a spreadsheet shows it; the header is row 1)
/// and column (field number).
struct CsvSyntaxError : MaPlanError {
    CsvSyntaxError(std::size_t row_, std::size_t col_, Text what_)
        : MaPlanError(what_), row(row_), col(col_), what_text(std::move(what_)) {}
    std::size_t row;
    std::size_t col;
    Text what_text;
};

/// Reads records one at a time, from bytes in memory or from a source read chunk by chunk (a file
/// read with pread: never memory-mapped, because a mapped file that shrinks under the reader kills
/// the process with SIGBUS). Fields are views into the input, or into scratch storage owned by
/// the reader for quoted fields with doubled quotes; they stay valid until the next call to next().
/// Quoted fields may contain separators, quotes ("") and line breaks. CRLF, LF and lone CR end a
/// record. Blank lines are skipped (they still count as rows). A NUL byte is an error: it is never
/// text, and usually means the file is UTF-16 or binary.
class CsvReader {
  public:
    /// Gives the next bytes of the input into `buf` (at most `size`); 0 at the end. May throw.
    using Source = std::function<std::size_t(char* buf, std::size_t size)>;
    /// The longest record a streaming reader holds (an unclosed quote would otherwise read the
    /// whole file into memory).
    static constexpr std::size_t max_record_bytes = std::size_t{64} << 20;

    explicit CsvReader(std::string_view data, char separator = ',')
        : data_(data), final_(true), sep_(separator) {}
    CsvReader(Source source, std::size_t chunk_bytes, char separator = ',');

    bool next(std::vector<std::string_view>& fields);
    /// Row of the record last returned by next().
    std::size_t row() const { return row_; }
    /// Bytes consumed so far (for progress reporting).
    std::size_t offset() const { return base_ + pos_; }

  private:
    enum class Parsed { record, end, need_more };
    Parsed parse(std::vector<std::string_view>& fields);
    /// Drops the bytes before the current record and appends the next chunk; sets final_ at the
    /// end of the source.
    void refill();

    std::string_view data_;
    bool final_;  ///< data_ holds the rest of the input (no more to read)
    char sep_;
    std::size_t pos_ = 0;   ///< in data_
    std::size_t base_ = 0;  ///< input offset of data_[0]
    std::size_t row_ = 0;
    std::deque<std::string> scratch_;
    Source source_;
    std::unique_ptr<char[]> buffer_;  ///< not a std::string: resizing one zero-fills every chunk
    std::size_t capacity_ = 0;
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
