#pragma once
// A CSV file as decoded text: reads the file, picks the encoding, checks every record against the
// header and turns every problem into one "FILE:ROW:COL: error: ..." line.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "lists/csv.hpp"
#include "lists/encoding.hpp"

namespace maplan::lists {

/// A file read with pread, never memory-mapped: a mapped file that is truncated while it is read
/// kills the process with SIGBUS; a read just comes back short, which we report.
class InputFile {
  public:
    explicit InputFile(const std::filesystem::path& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    /// The size when the file was opened: all we read.
    std::size_t size() const { return size_; }
    /// Reads up to `n` bytes at `offset` (less only at the size above). Throws IoError when the
    /// file has become shorter or cannot be read.
    std::size_t read_at(char* buf, std::size_t n, std::size_t offset) const;

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    std::size_t size_ = 0;
};

/// The error thrown for bad input: the message starts with "FILE:ROW:COL: error:".
IoError input_error(const std::filesystem::path& file, std::size_t row, std::size_t col,
                    const Text& what);

/// The bad values of one file, collected so that the user can fix them all at once: every one is
/// counted, the first `shown` are kept with their position.
class InputProblems {
  public:
    static constexpr std::size_t shown = 20;
    explicit InputProblems(std::filesystem::path file) : file_(std::move(file)) {}
    void add(std::size_t row, std::size_t col, const Text& what);
    /// A whole "FILE:ROW:COL: error: ..." line (an error that stopped the reading).
    void add_line(const Text& line);
    bool empty() const { return count_ == 0; }
    std::size_t count() const { return count_; }
    /// One problem: its line. Several: a line with the count, then one line each for the first
    /// `shown`, then how many more.
    IoError error() const;

  private:
    std::filesystem::path file_;
    std::vector<Text> lines_;
    std::size_t count_ = 0;
};

/// A cell value for a message: masked ("山***") unless the user asked for personal data.
std::string shown_value(std::string_view value, bool show_pii);

class TableReader {
  public:
    /// Reads `path`: first the whole file once to choose its encoding (unless `forced` is CP932),
    /// then record by record. With `problems`, a bad field (undecodable bytes) or a ragged row is
    /// recorded there and reading goes on (row_has_problem() tells); without, it is thrown.
    TableReader(const std::filesystem::path& path, std::optional<Encoding> forced,
                InputProblems* problems = nullptr, std::size_t chunk_bytes = default_chunk);
    TableReader(const TableReader&) = delete;  // the CSV reader reads through `this`
    TableReader& operator=(const TableReader&) = delete;

    static constexpr std::size_t default_chunk = std::size_t{1} << 20;

    const std::vector<std::string>& header() const { return header_; }
    /// Reads and decodes the next record; false at the end of the file.
    bool next();
    /// The current record's fields, decoded; valid until the next call to next().
    const std::vector<std::string_view>& values() const { return views_; }
    /// The current record had a problem, recorded in `problems`.
    bool row_has_problem() const { return row_problem_; }
    std::size_t row() const { return csv_.row(); }
    Encoding encoding() const { return choice_.encoding; }
    const EncodingChoice& encoding_choice() const { return choice_; }
    std::size_t bytes_done() const { return body_start_ + csv_.offset(); }
    std::size_t bytes_total() const { return file_.size(); }
    const std::filesystem::path& path() const { return path_; }

    /// Throws input_error for the current row and a 1-based column.
    [[noreturn]] void fail(std::size_t col, const Text& what) const;
    /// Records a problem of the current row (or throws it, without `problems`).
    void problem(std::size_t col, const Text& what);
    /// Index of the header matching `name` (case-insensitive, trimmed), or nullopt.
    std::optional<std::size_t> find_column(std::string_view name) const;

  private:
    /// The field as UTF-8: `raw` itself when it needs no decoding, else decoded into `storage`.
    std::string_view decode(std::string_view raw, std::string& storage, std::size_t col);
    bool read_raw();

    std::filesystem::path path_;
    InputFile file_;
    EncodingChoice choice_;
    std::size_t body_start_ = 0;  ///< after a byte-order mark
    std::size_t read_offset_ = 0;
    InputProblems* problems_;
    bool row_problem_ = false;
    CsvReader csv_;
    std::optional<Cp932Codec> codec_;
    std::vector<std::string_view> raw_;
    std::vector<std::string> header_;
    std::vector<std::string> decoded_;     ///< storage for fields that needed decoding
    std::vector<std::string_view> views_;  ///< into the CSV reader's buffer or decoded_
};

}  // namespace maplan::lists
