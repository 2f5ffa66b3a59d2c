#include "core/escape.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

namespace maplan {

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\':
            case '|':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '~':
                out += '\\';
                out += c;
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += ' ';
                break;
            default:
                // Tabs and other C0 controls: a tab would make a four-space code block in a list
                // item's continuation, the rest have no business in a document.
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

namespace {

/// Characters a user cannot see at the start of a cell: Unicode White_Space, and the zero-width
/// U+200B and U+FEFF. A spreadsheet may drop them before deciding whether a cell is a formula.
bool is_leading_blank(utf8proc_int32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_formula_start(utf8proc_int32_t cp) {
    return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == '|';
}

}  // namespace

bool looks_like_formula(std::string_view cell) {
    if (cell.empty()) return false;
    // OWASP "CSV injection": a cell starting with a tab or a line break is guarded whatever
    // follows.
    if (cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n') return true;
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(cell.data());
    auto remaining = static_cast<utf8proc_ssize_t>(cell.size());
    while (remaining > 0) {
        if (*p < 0x80) {  // the usual case: ASCII, no decoding
            if (*p == ' ' || (*p >= 0x09 && *p <= 0x0D)) {
                ++p;
                --remaining;
                continue;
            }
            return is_formula_start(*p);
        }
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
        if (n <= 0) return false;  // not text a spreadsheet would parse as a formula either
        if (!is_leading_blank(cp)) {
            // Full-width and small forms (＝＋－＠｜, ﹦﹢﹣﹫) fold to the ASCII operator under
            // NFKC, which is what an input method or a spreadsheet's own conversion may apply.
            utf8proc_int32_t folded[4];
            int last_boundclass = 0;
            utf8proc_ssize_t k = utf8proc_decompose_char(
                cp, folded, 4, static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE),
                &last_boundclass);
            return k >= 1 && is_formula_start(folded[0]);
        }
        p += n;
        remaining -= n;
    }
    return false;
}

std::string csv_field(std::string_view text) {
    std::string cell;
    const bool formula = looks_like_formula(text);
    if (formula) cell += '\'';
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

namespace {

/// Code points that change what a terminal shows without being shown: C1 controls (0x9B is CSI
/// on some terminals), the bidirectional overrides and isolates ("Trojan Source"), zero-width
/// characters and the BOM.
bool is_hidden_control(utf8proc_int32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

std::string terminal_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
        if (n <= 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(*p));
            ++p;
            --remaining;
            continue;
        }
        if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        } else if (is_hidden_control(cp)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        }
        p += n;
        remaining -= n;
    }
    return out;
}

std::string github_neutralize_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(start, stop - start);
        std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line.substr(first, 2) == "::") {
            out += line.substr(0, first);
            out += "\\x3a";
            line.remove_prefix(first + 1);
        }
        // The runner's older "##[command]" form is recognised anywhere in a line.
        for (std::size_t at; (at = line.find("##[")) != std::string_view::npos;) {
            out += line.substr(0, at);
            out += "#\\x23[";
            line.remove_prefix(at + 3);
        }
        out += line;
        start = stop;
    }
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace maplan
