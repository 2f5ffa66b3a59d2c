#pragma once
// Text encodings of customer-list files. Excel on Japanese Windows writes CP932 (Microsoft's
// Shift_JIS); everything else we meet is UTF-8, with or without a byte-order mark.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace maplan::lists {

enum class Encoding { utf8, utf8_bom, cp932 };

/// "utf-8", "utf8", "utf-8-bom", "cp932", "shift_jis", "sjis" (case-insensitive); nullopt
/// otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
std::string_view encoding_name(Encoding e);

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);
/// The same on two threads for inputs of 8 MiB and more (a whole file is checked before its first
/// row can be read, so this is time every import waits).
std::optional<std::size_t> find_invalid_utf8_parallel(std::string_view bytes);

/// Guesses the encoding of a whole file: a BOM means UTF-8; valid UTF-8 is UTF-8, and so is a file
/// with several UTF-8 characters before its first bad byte; otherwise CP932.
Encoding detect_encoding(std::string_view bytes);
/// The same, given find_invalid_utf8(bytes) already computed.
Encoding detect_encoding(std::string_view bytes, std::optional<std::size_t> first_invalid);

/// Converts between CP932 and UTF-8 with glibc iconv. One converter per direction, reused across
/// calls (opening an iconv descriptor is much dearer than converting a field).
class Cp932Codec {
  public:
    enum class Direction { to_utf8, from_utf8 };
    explicit Cp932Codec(Direction direction);
    ~Cp932Codec();
    Cp932Codec(const Cp932Codec&) = delete;
    Cp932Codec& operator=(const Cp932Codec&) = delete;

    /// Converts `in` into `out` (replacing its contents). On failure returns the byte offset in
    /// `in` of the first byte that cannot be converted; `out` is then unspecified.
    std::optional<std::size_t> convert(std::string_view in, std::string& out);

  private:
    void* cd_;
};

}  // namespace maplan::lists
