#pragma once
// Text encodings of customer-list files. Excel on Japanese Windows writes CP932 (Microsoft's
// Shift_JIS); everything else we meet is UTF-8, with or without a byte-order mark.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

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

/// The encoding a file is read with, and why (shown in the import summary).
struct EncodingChoice {
    Encoding encoding = Encoding::utf8;
    Text reason;
    bool all_valid_utf8 = false;  ///< every byte is well-formed UTF-8 (fields need no check)
};

/// What a whole file says about its encoding, fed chunk by chunk in file order. A chunk must end
/// at an ASCII byte (a line break, say) unless it is the last, so that no character is split.
///
/// The decision: a UTF-8 byte-order mark means UTF-8. A file that is not valid UTF-8 is CP932,
/// unless several UTF-8 characters come before its first bad byte (then it is UTF-8 with a damaged
/// byte, reported at that byte). A file that is valid UTF-8 is UTF-8, except when it is also valid
/// CP932 and more of its non-ASCII words read as stray letters in UTF-8 than as text: CP932
/// half-width kana pairs (ﾅｲﾄｳ = C5 B2 C4 B3) are well-formed two-byte UTF-8 (Ųĳ), but a Latin
/// word with accents touches ASCII letters (Müller), and Greek or Cyrillic words are runs of one
/// script (Иванов), while misread kana are neither.
class EncodingEvidence {
  public:
    /// `at_file_start`: false for evidence of a later part of a file (see append()).
    explicit EncodingEvidence(bool at_file_start = true) : at_file_start_(at_file_start) {}
    void feed(std::string_view chunk);
    /// Adds the evidence of the bytes right after those fed here; they were fed to `later`
    /// (constructed with at_file_start false), and the bytes fed here end at an ASCII byte. Lets
    /// two threads read the two halves of a large file.
    void append(const EncodingEvidence& later);
    /// True once the file is known not to be valid UTF-8 (the rest need not be fed).
    bool decided() const { return first_invalid_.has_value(); }
    EncodingChoice choose() const;

  private:
    void scan_words(std::string_view chunk);
    void finish_word(unsigned char after);

    bool at_file_start_;
    std::size_t offset_ = 0;  ///< bytes fed so far
    bool bom_ = false;
    std::optional<std::size_t> first_invalid_;
    unsigned char first_invalid_byte_ = 0;
    std::size_t multibyte_ = 0;  ///< multi-byte characters in the chunks before
    std::size_t multibyte_before_invalid_ = 0;
    unsigned char last_byte_ = '\n';
    // Non-ASCII words (runs of non-ASCII characters between ASCII bytes).
    std::size_t words_ = 0;
    std::size_t japanese_words_ = 0;  ///< with kana, kanji or full-width forms in UTF-8
    std::size_t plausible_words_ = 0;
    std::size_t stray_words_ = 0;  ///< letters that read as text only in CP932
    bool cp932_valid_ = true;
    bool cp932_unchecked_ = false;      ///< a word of wide characters was not checked as CP932
    bool scanned_all_ = true;           ///< every word was judged (not stopped once CP932 was out)
    bool cp932_trail_pending_ = false;  ///< a CP932 lead byte ended the last chunk
    struct Word {
        bool touches_letter = false;
        bool wide = false;  ///< has a character of three or more bytes
        bool japanese = false;
        bool all_letters = true;
        int script = -1;  ///< one script so far, or 99 for mixed
        std::size_t chars = 0;
    } word_;
};

/// Guesses the encoding of a whole file in memory (EncodingEvidence over one chunk).
Encoding detect_encoding(std::string_view bytes);

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
