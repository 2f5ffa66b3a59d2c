#pragma once
// Source files and positions. Positions are 1-based lines and 1-based columns counted in Unicode
// code points, so a column points at the character a user sees in a Japanese line.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace maplan {

struct SourcePos {
    std::uint32_t line = 0;    ///< 1-based; 0 means "no position" (e.g. a whole-file finding)
    std::uint32_t column = 0;  ///< 1-based, in code points
    bool known() const { return line != 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
    friend auto operator<=>(const SourcePos&, const SourcePos&) = default;
};

/// The text of one input, kept for the whole run so renderers can quote lines.
class SourceFile {
  public:
    SourceFile(std::string path, std::string content);

    const std::string& path() const { return path_; }
    const std::string& content() const { return content_; }
    std::size_t line_count() const { return line_starts_.size(); }

    /// The text of a 1-based line without its line break; empty if out of range.
    std::string_view line(std::uint32_t line) const;
    /// 1-based line and code-point column of a byte offset. Constant time in the line's length.
    SourcePos pos_of_offset(std::size_t offset) const;
    /// Byte offset of a position (clamped to the line). Constant time in the line's length.
    std::size_t offset_of(SourcePos pos) const;

  private:
    /// Code points in content_[0, offset): a stored count per block plus at most one block scan.
    std::size_t code_points_before(std::size_t offset) const;

    std::string path_;
    std::string content_;
    std::vector<std::size_t> line_starts_;
    /// block_code_points_[k] = code points in content_[0, k * block_bytes). With it a position
    /// costs O(log lines + block_bytes) instead of a walk from the line start, which made a
    /// one-line file (minified JSON) quadratic in its length.
    static constexpr std::size_t block_bytes = 256;
    std::vector<std::uint32_t> block_code_points_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

/// Number of code points in a UTF-8 string (invalid bytes count as one each).
std::size_t utf8_length(std::string_view text);
/// Terminal display width (East Asian wide and fullwidth characters take two cells).
std::size_t display_width(std::string_view text);

}  // namespace maplan
