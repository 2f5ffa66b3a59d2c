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

std::string csv_field(std::string_view text) {
    std::string cell;
    std::size_t first = text.find_first_not_of(' ');
    bool formula = false;
    if (!text.empty() && (text[0] == '\t' || text[0] == '\r')) formula = true;
    if (first != std::string_view::npos) {
        const char c = text[first];
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') formula = true;
    }
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
