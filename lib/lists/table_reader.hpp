#pragma once
// A CSV file as decoded text: maps the file, picks the encoding, checks every record against the
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

/// A read-only memory mapping of a whole file (the CSV reader streams over it; the kernel pages it
/// in and out, so a 1M-row file never sits in our heap).
class MappedFile {
  public:
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

/// The error thrown for bad input: the message starts with "FILE:ROW:COL: error:".
IoError input_error(const std::filesystem::path& file, std::size_t row, std::size_t col,
                    const Text& what);

class TableReader {
  public:
    TableReader(const std::filesystem::path& path, std::optional<Encoding> forced);

    const std::vector<std::string>& header() const { return header_; }
    /// Reads and decodes the next record; false at the end of the file.
    bool next();
    /// The current record's fields, decoded; valid until the next call to next().
    const std::vector<std::string_view>& values() const { return views_; }
    std::size_t row() const { return csv_.row(); }
    Encoding encoding() const { return encoding_; }
    std::size_t bytes_done() const { return csv_.offset(); }
    std::size_t bytes_total() const { return body_.size(); }
    const std::filesystem::path& path() const { return path_; }

    /// Throws input_error for the current row and a 1-based column.
    [[noreturn]] void fail(std::size_t col, const Text& what) const;
    /// Index of the header matching `name` (case-insensitive, trimmed), or nullopt.
    std::optional<std::size_t> find_column(std::string_view name) const;

  private:
    /// The field as UTF-8: `raw` itself when it needs no decoding, else decoded into `storage`.
    std::string_view decode(std::string_view raw, std::string& storage, std::size_t col);
    bool read_raw();

    std::filesystem::path path_;
    MappedFile file_;
    std::string_view body_;
    Encoding encoding_;
    bool all_valid_utf8_ = false;  ///< the whole file is valid UTF-8 (fields need no check)
    CsvReader csv_;
    std::optional<Cp932Codec> codec_;
    std::vector<std::string_view> raw_;
    std::vector<std::string> header_;
    std::vector<std::string> decoded_;     ///< storage for fields that needed decoding
    std::vector<std::string_view> views_;  ///< into the file, the CSV reader or decoded_
};

}  // namespace maplan::lists
