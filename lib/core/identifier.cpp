#include "core/identifier.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace maplan {

namespace {

bool allowed(utf8proc_int32_t cp) {
    if (cp == '_' || cp == '-' || cp == '.' || cp == 0x30FB) return true;  // 0x30FB: ・
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ND:
            return true;
        default:
            return false;
    }
}

/// Names of the characters people paste into IDs without seeing them (Unicode names).
std::string_view known_name(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x0000:
            return "NULL";
        case 0x0009:
            return "CHARACTER TABULATION";
        case 0x000A:
            return "LINE FEED";
        case 0x000D:
            return "CARRIAGE RETURN";
        case 0x001B:
            return "ESCAPE";
        case 0x0020:
            return "SPACE";
        case 0x00A0:
            return "NO-BREAK SPACE";
        case 0x00AD:
            return "SOFT HYPHEN";
        case 0x200B:
            return "ZERO WIDTH SPACE";
        case 0x200C:
            return "ZERO WIDTH NON-JOINER";
        case 0x200D:
            return "ZERO WIDTH JOINER";
        case 0x200E:
            return "LEFT-TO-RIGHT MARK";
        case 0x200F:
            return "RIGHT-TO-LEFT MARK";
        case 0x202A:
            return "LEFT-TO-RIGHT EMBEDDING";
        case 0x202B:
            return "RIGHT-TO-LEFT EMBEDDING";
        case 0x202C:
            return "POP DIRECTIONAL FORMATTING";
        case 0x202D:
            return "LEFT-TO-RIGHT OVERRIDE";
        case 0x202E:
            return "RIGHT-TO-LEFT OVERRIDE";
        case 0x2060:
            return "WORD JOINER";
        case 0x2066:
            return "LEFT-TO-RIGHT ISOLATE";
        case 0x2067:
            return "RIGHT-TO-LEFT ISOLATE";
        case 0x2068:
            return "FIRST STRONG ISOLATE";
        case 0x2069:
            return "POP DIRECTIONAL ISOLATE";
        case 0x3000:
            return "IDEOGRAPHIC SPACE";
        case 0xFEFF:
            return "ZERO WIDTH NO-BREAK SPACE";
        default:
            return {};
    }
}

/// Unicode has no name table in utf8proc; characters outside the list are described by category.
std::string describe(utf8proc_int32_t cp) {
    std::string_view name = known_name(cp);
    if (!name.empty()) return fmt::format("U+{:04X} {}", cp, name);
    std::string_view kind;
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_CC:
            kind = "a control character";
            break;
        case UTF8PROC_CATEGORY_CF:
            kind = "an invisible format character";
            break;
        case UTF8PROC_CATEGORY_ZS:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP:
            kind = "a space or line separator";
            break;
        case UTF8PROC_CATEGORY_SM:
        case UTF8PROC_CATEGORY_SC:
        case UTF8PROC_CATEGORY_SK:
        case UTF8PROC_CATEGORY_SO:
            kind = "a symbol";
            break;
        default:
            kind = "punctuation or another character";
            break;
    }
    return fmt::format("U+{:04X} ({})", cp, kind);
}

template <class Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
        if (n <= 0) {
            fn(-static_cast<utf8proc_int32_t>(*p) - 1,
               std::string_view(reinterpret_cast<const char*>(p), 1));
            ++p;
            --remaining;
            continue;
        }
        fn(cp, std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)));
        p += n;
        remaining -= n;
    }
}

}  // namespace

std::optional<IdProblem> find_id_problem(std::string_view id) {
    std::optional<IdProblem> problem;
    std::size_t index = 0;
    for_each_code_point(id, [&](utf8proc_int32_t cp, std::string_view) {
        ++index;
        if (problem) return;
        if (cp < 0) {
            auto byte = static_cast<std::uint32_t>(-cp - 1);
            problem = IdProblem{index, byte, fmt::format("byte 0x{:02X} (not UTF-8)", byte)};
        } else if (!allowed(cp)) {
            problem = IdProblem{index, static_cast<std::uint32_t>(cp), describe(cp)};
        }
    });
    return problem;
}

std::string id_for_message(std::string_view id) {
    std::string out;
    for_each_code_point(id, [&](utf8proc_int32_t cp, std::string_view bytes) {
        if (cp < 0) {
            out += fmt::format("\\x{:02x}", -cp - 1);
        } else if (!allowed(cp) && (cp < 0x21 || cp == 0x7F || known_name(cp).size() > 0 ||
                                    utf8proc_category(cp) == UTF8PROC_CATEGORY_CC ||
                                    utf8proc_category(cp) == UTF8PROC_CATEGORY_CF ||
                                    utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)) {
            out += fmt::format("\\u{:04x}", cp);  // invisible: show where it is
        } else {
            out += bytes;  // visible punctuation (a slash, a colon) is shown as itself
        }
    });
    return out;
}

std::string id_key(std::string_view id) {
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(id.data()),
        static_cast<utf8proc_ssize_t>(id.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n < 0) return std::string(id);  // not UTF-8: compared as bytes
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

}  // namespace maplan
