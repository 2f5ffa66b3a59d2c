#include "core/escape.hpp"

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
