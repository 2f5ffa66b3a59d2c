#include "lists/encoding.hpp"

#include <thread>

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <stdexcept>

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

Encoding detect_encoding(std::string_view bytes) {
    return detect_encoding(bytes, find_invalid_utf8(bytes));
}

Encoding detect_encoding(std::string_view bytes, std::optional<std::size_t> bad) {
    if (bytes.starts_with(utf8_bom)) return Encoding::utf8_bom;
    if (!bad) return Encoding::utf8;
    // CP932 text breaks UTF-8 at its first kanji or kana (its lead bytes 0x81-0x9F are UTF-8
    // continuation bytes). A file with several well-formed multi-byte characters before the first
    // bad byte is UTF-8 with one damaged byte: say so at that byte, not "cannot decode as CP932".
    std::size_t multibyte = 0;
    for (std::size_t i = 0; i < *bad; ++i) {
        if (static_cast<unsigned char>(bytes[i]) >= 0xC2) ++multibyte;
    }
    return multibyte >= 4 ? Encoding::utf8 : Encoding::cp932;
}

Cp932Codec::Cp932Codec(Direction direction) {
    cd_ = direction == Direction::to_utf8 ? ::iconv_open("UTF-8", "CP932")
                                          : ::iconv_open("CP932", "UTF-8");
    if (cd_ == reinterpret_cast<void*>(-1)) throw std::runtime_error("iconv: CP932 not available");
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
