#include "lists/encoding.hpp"

#include <thread>

#include <fmt/format.h>
#include <iconv.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <stdexcept>

#include "core/errors.hpp"

namespace maplan::lists {

std::optional<Encoding> parse_encoding(std::string_view name) {
    std::string n;
    for (char c : name) {
        if (c != '-' && c != '_')
            n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (n == "utf8") return Encoding::utf8;
    if (n == "utf8bom" || n == "utf8sig") return Encoding::utf8_bom;
    if (n == "cp932" || n == "shiftjis" || n == "sjis" || n == "ms932" || n == "windows31j")
        return Encoding::cp932;
    return std::nullopt;
}

std::string_view encoding_name(Encoding e) {
    switch (e) {
        case Encoding::utf8:
            return "utf-8";
        case Encoding::utf8_bom:
            return "utf-8-bom";
        case Encoding::cp932:
            return "cp932";
    }
    return "utf-8";
}

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::copy_n(s + i, 8, reinterpret_cast<unsigned char*>(&w));
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Fast path for the common three-byte characters (kana, most kanji): a lead byte that
        // allows any continuation (not E0 or ED) and two continuation bytes.
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
        }
        i += len;
    }
    return std::nullopt;
}

std::optional<std::size_t> find_invalid_utf8_parallel(std::string_view bytes) {
    if (bytes.size() < (std::size_t{8} << 20)) return find_invalid_utf8(bytes);
    // Split at a character boundary: never just before a continuation byte.
    std::size_t mid = bytes.size() / 2;
    while (mid < bytes.size() && (static_cast<unsigned char>(bytes[mid]) & 0xC0) == 0x80) ++mid;
    std::optional<std::size_t> second;
    std::thread helper([&] { second = find_invalid_utf8(bytes.substr(mid)); });
    const auto first = find_invalid_utf8(bytes.substr(0, mid));
    helper.join();
    if (first) return first;
    if (second) return mid + *second;
    return std::nullopt;
}

namespace {

bool is_ascii_letter(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_japanese(char32_t cp) {
    return (cp >= 0x3000 && cp <= 0x30FF) ||  // CJK punctuation, hiragana, katakana
           (cp >= 0x31F0 && cp <= 0x31FF) ||  // katakana extensions
           (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
           (cp >= 0xFF00 && cp <= 0xFFEF);    // full-width forms, half-width katakana
}

/// The script of a two-byte UTF-8 character (U+0080 to U+07FF), by Unicode block.
int script_of(char32_t cp) {
    if (cp < 0x0250) return 1;  // Latin-1 Supplement, Latin Extended-A and -B
    if (cp < 0x0370) return 2;  // IPA, spacing modifiers, combining marks
    if (cp < 0x0400) return 3;  // Greek
    if (cp < 0x0530) return 4;  // Cyrillic
    if (cp < 0x0590) return 5;  // Armenian
    if (cp < 0x0600) return 6;  // Hebrew
    return 7;                   // Arabic, Syriac, Thaana, NKo
}

bool is_letter(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool is_cp932_lead(unsigned char c) {
    return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
}
bool is_cp932_trail(unsigned char c) {
    return (c >= 0x40 && c <= 0x7E) || (c >= 0x80 && c <= 0xFC);
}

}  // namespace

void EncodingEvidence::feed(std::string_view chunk) {
    if (first_invalid_ || chunk.empty()) return;
    if (at_file_start_ && offset_ == 0 && chunk.starts_with(utf8_bom)) bom_ = true;
    if (const auto bad = find_invalid_utf8(chunk)) {
        first_invalid_ = offset_ + *bad;
        first_invalid_byte_ = static_cast<unsigned char>(chunk[*bad]);
        multibyte_before_invalid_ = multibyte_;
        for (std::size_t i = 0; i < *bad; ++i) {
            if (static_cast<unsigned char>(chunk[i]) >= 0xC2) ++multibyte_before_invalid_;
        }
        return;
    }
    if (!bom_) scan_words(chunk);
    offset_ += chunk.size();
}

void EncodingEvidence::append(const EncodingEvidence& later) {
    if (first_invalid_) return;  // decided by the earlier bytes
    if (later.first_invalid_) {
        first_invalid_ = offset_ + *later.first_invalid_;
        first_invalid_byte_ = later.first_invalid_byte_;
        multibyte_before_invalid_ = multibyte_ + later.multibyte_before_invalid_;
    }
    offset_ += later.offset_;
    multibyte_ += later.multibyte_;
    words_ += later.words_;
    japanese_words_ += later.japanese_words_;
    plausible_words_ += later.plausible_words_;
    stray_words_ += later.stray_words_;
    cp932_valid_ = cp932_valid_ && later.cp932_valid_;
    cp932_unchecked_ = cp932_unchecked_ || later.cp932_unchecked_;
    scanned_all_ = scanned_all_ && later.scanned_all_;
    cp932_trail_pending_ = later.cp932_trail_pending_;
    if (later.offset_ > 0) last_byte_ = later.last_byte_;
}

void EncodingEvidence::scan_words(std::string_view chunk) {
    const auto* s = reinterpret_cast<const unsigned char*>(chunk.data());
    const std::size_t n = chunk.size();
    std::size_t i = 0;
    if (cp932_trail_pending_ && n > 0) {
        if (!is_cp932_trail(s[0])) cp932_valid_ = false;
        cp932_trail_pending_ = false;
    }
    while (i < n) {
        // Once CP932 is ruled out, the words cannot change the choice; only enough multi-byte
        // characters to call a later bad byte damage are still counted. (Most of a Japanese UTF-8
        // file comes after its first kanji: this pass is time every import waits.)
        if ((cp932_unchecked_ || !cp932_valid_) && multibyte_ >= 4) {
            scanned_all_ = false;
            break;
        }
        // ASCII between words: 8 bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::copy_n(s + i, 8, reinterpret_cast<unsigned char*>(&w));
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        while (i < n && s[i] < 0x80) ++i;
        if (i >= n) break;
        // A word: the non-ASCII characters from i on.
        word_ = Word{};
        word_.touches_letter = is_ascii_letter(i > 0 ? s[i - 1] : last_byte_);
        const std::size_t start = i;
        while (i < n && s[i] >= 0x80) {
            // Well-formed (checked by feed), so the lead byte gives the length.
            const unsigned char c = s[i];
            const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
            for (std::size_t k = 1; k < len; ++k) cp = cp << 6 | (s[i + k] & 0x3F);
            i += len;
            ++word_.chars;
            if (len > 2) {
                // A three- or four-byte character: plausible UTF-8 whatever follows, so the rest
                // of the word need not be decoded (most of a Japanese file is such words).
                word_.wide = true;
                word_.japanese = is_japanese(cp);
                while (i + 8 <= n) {
                    std::uint64_t w;
                    std::copy_n(s + i, 8, reinterpret_cast<unsigned char*>(&w));
                    if ((w & 0x8080808080808080ULL) != 0x8080808080808080ULL) break;
                    i += 8;
                }
                while (i < n && s[i] >= 0x80) ++i;
                break;
            }
            if (!is_letter(cp)) word_.all_letters = false;
            const int script = script_of(cp);
            if (word_.script == -1) {
                word_.script = script;
            } else if (word_.script != script) {
                word_.script = 99;
            }
        }
        // The same bytes as CP932: lead bytes take the next byte, which may be ASCII. Only for
        // words of two-byte characters: CP932 is chosen only when those outnumber the rest, and
        // then only if no wide word went unchecked.
        if (word_.wide) cp932_unchecked_ = true;
        for (std::size_t k = start; k < i && !word_.wide; ++k) {
            if (s[k] == 0x80 || s[k] == 0xA0 || s[k] >= 0xFD) {
                cp932_valid_ = false;
            } else if (is_cp932_lead(s[k])) {
                if (k + 1 >= n) {
                    cp932_trail_pending_ = true;
                } else if (!is_cp932_trail(s[k + 1])) {
                    cp932_valid_ = false;
                }
                ++k;
            }
        }
        multibyte_ += word_.chars;
        finish_word(i < n ? s[i] : 0);
    }
    if (n > 0) last_byte_ = s[n - 1];
}

void EncodingEvidence::finish_word(unsigned char after) {
    ++words_;
    if (is_ascii_letter(after)) word_.touches_letter = true;
    if (word_.japanese) ++japanese_words_;
    if (word_.wide || word_.touches_letter) {
        ++plausible_words_;  // CJK, punctuation such as ’ or —, or accents inside a Latin word
    } else if (word_.script != 1 && word_.script != 99 && word_.chars >= 2) {
        ++plausible_words_;  // a Greek, Cyrillic, Hebrew ... word
    } else if (word_.all_letters) {
        ++stray_words_;  // Ųĳ, з: letters that only CP932 half-width kana explain
    }
    // Anything else (a lone ©, °) says nothing either way.
}

EncodingChoice EncodingEvidence::choose() const {
    EncodingChoice c;
    if (bom_) {
        c.encoding = Encoding::utf8_bom;
        c.all_valid_utf8 = !first_invalid_;
        c.reason = {"it starts with a UTF-8 byte-order mark", "UTF-8 の BOM で始まるため"};
        return c;
    }
    if (first_invalid_) {
        if (multibyte_before_invalid_ >= 4) {
            // CP932 text breaks UTF-8 at its first kanji or kana (its lead bytes 0x81-0x9F are
            // UTF-8 continuation bytes). Several well-formed characters before the first bad byte
            // mean UTF-8 with one damaged byte: say so at that byte, not "cannot decode as CP932".
            c.encoding = Encoding::utf8;
            c.reason = {
                fmt::format("it is valid UTF-8 up to offset {} (byte 0x{:02X}), reported below",
                            *first_invalid_, first_invalid_byte_),
                fmt::format("オフセット {} (バイト 0x{:02X})までは UTF-8 として正しいため(その"
                            "バイトは下で報告)",
                            *first_invalid_, first_invalid_byte_)};
            return c;
        }
        c.encoding = Encoding::cp932;
        c.reason = {fmt::format("the byte at offset {} (0x{:02X}) is not UTF-8", *first_invalid_,
                                first_invalid_byte_),
                    fmt::format("オフセット {} のバイト(0x{:02X})が UTF-8 ではないため",
                                *first_invalid_, first_invalid_byte_)};
        return c;
    }
    c.all_valid_utf8 = true;
    if (words_ == 0) {
        c.encoding = Encoding::utf8;
        c.reason = {"every byte is ASCII", "すべて ASCII のため"};
        return c;
    }
    if (cp932_valid_ && !cp932_unchecked_ && !cp932_trail_pending_ &&
        stray_words_ > plausible_words_) {
        c.encoding = Encoding::cp932;
        c.reason = {
            fmt::format("it is valid UTF-8 too, but as UTF-8 {} of its {} non-ASCII words are "
                        "stray letters (such as Ųĳ) and none is Japanese, while CP932 "
                        "reads them as half-width kana",
                        stray_words_, words_),
            fmt::format("UTF-8 としても読めますが、非 ASCII の語 {} 個のうち {} 個が UTF-8 "
                        "では意味をなさない文字(Ųĳ など)になり、CP932 では半角カナに"
                        "なるため",
                        words_, stray_words_)};
        if (japanese_words_ > 0) {
            c.reason = {
                fmt::format("it is valid UTF-8 too, but as UTF-8 {} of its {} non-ASCII words "
                            "are stray letters (such as Ųĳ), against {} Japanese, while "
                            "CP932 reads them as half-width kana",
                            stray_words_, words_, japanese_words_),
                fmt::format("UTF-8 としても読めますが、非 ASCII の語 {} 個のうち {} 個が "
                            "UTF-8 では意味をなさない文字(Ųĳ など)になり(日本語は {} "
                            "個)、CP932 では半角カナになるため",
                            words_, stray_words_, japanese_words_)};
        }
        return c;
    }
    c.encoding = Encoding::utf8;
    if (!scanned_all_ && cp932_unchecked_) {
        c.reason = {
            "the whole file is valid UTF-8, with characters of three bytes or more (kana, "
            "kanji ...) that CP932 half-width kana never produce",
            "ファイル全体が UTF-8 として正しく、CP932 の半角カナからは生じない 3 バイト以上の"
            "文字(かな・漢字など)を含むため"};
        return c;
    }
    if (!scanned_all_) {
        c.reason = {"the whole file is valid UTF-8 and is not valid CP932",
                    "ファイル全体が UTF-8 として正しく、CP932 としては不正なため"};
        return c;
    }
    c.reason = {fmt::format("the whole file is valid UTF-8, and {} of its {} non-ASCII words are "
                            "Japanese",
                            japanese_words_, words_),
                fmt::format("ファイル全体が UTF-8 として正しく、非 ASCII の語 {} 個のうち日本語が "
                            "{} 個のため",
                            words_, japanese_words_)};
    return c;
}

Encoding detect_encoding(std::string_view bytes) {
    EncodingEvidence evidence;
    evidence.feed(bytes);
    return evidence.choose().encoding;
}

Cp932Codec::Cp932Codec(Direction direction) {
    cd_ = direction == Direction::to_utf8 ? ::iconv_open("UTF-8", "CP932")
                                          : ::iconv_open("CP932", "UTF-8");
    if (cd_ == reinterpret_cast<void*>(-1)) {
        throw MaPlanError(
            {"iconv: CP932 is not available on this system (install the locales "
             "of glibc)",
             "iconv: この環境では CP932 を使えません (glibc のロケールを入れて"
             "ください)"});
    }
}

Cp932Codec::~Cp932Codec() {
    ::iconv_close(static_cast<iconv_t>(cd_));
}

std::optional<std::size_t> Cp932Codec::convert(std::string_view in, std::string& out) {
    auto cd = static_cast<iconv_t>(cd_);
    ::iconv(cd, nullptr, nullptr, nullptr, nullptr);
    out.resize(in.size() * 3 + 4);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    while (src_left > 0) {
        std::size_t r = ::iconv(cd, &src, &src_left, &dst, &dst_left);
        if (r == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                std::size_t used = static_cast<std::size_t>(dst - out.data());
                out.resize(out.size() * 2);
                dst = out.data() + used;
                dst_left = out.size() - used;
                continue;
            }
            return static_cast<std::size_t>(src - in.data());
        }
    }
    out.resize(static_cast<std::size_t>(dst - out.data()));
    return std::nullopt;
}

}  // namespace maplan::lists
