#include "core/yaml_lex.hpp"

#include <string_view>

namespace maplan::yaml {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool is_flow_indicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

enum class Mode { normal, block_scalar, quoted };

}  // namespace

LexicalScan scan_lexical(const SourceFile& file) {
    LexicalScan out;
    Mode mode = Mode::normal;
    std::size_t block_parent_indent = 0;  // lines indented more than this belong to the scalar
    char quote = 0;
    std::size_t quote_at = 0;
    std::size_t quote_min_indent = 0;  // a continuation line indented less ends the document
    int flow_depth = 0;
    std::size_t flow_indent = 0;  // indentation of the line that opened the outermost [ or {

    for (std::uint32_t n = 1; n <= file.line_count(); ++n) {
        std::string_view text = file.line(n);
        const std::size_t base = file.offset_of(SourcePos{n, 1});
        std::size_t indent = 0;
        while (indent < text.size() && text[indent] == ' ') ++indent;
        std::size_t first = text.find_first_not_of(" \t\r");
        bool blank = first == std::string_view::npos;

        if (mode == Mode::block_scalar) {
            if (blank || indent > block_parent_indent) continue;
            mode = Mode::normal;
        }
        std::size_t i = 0;
        if (mode == Mode::quoted) {
            // Less indented than the block it belongs to: not a continuation (YAML 1.2 §7.3),
            // whatever a lenient parser makes of it.
            if (!blank && indent < quote_min_indent) {
                out.open_quote = OpenQuote{quote_at, n};
                return out;
            }
        } else if ((text.starts_with("---") || text.starts_with("...")) &&
                   (text.size() == 3 || is_blank(text[3]))) {
            i = 3;
        } else if (flow_depth == 0 && text.starts_with("%")) {
            continue;  // a directive (%YAML 1.2)
        } else {
            i = indent;
        }

        bool token_start = true;    // a scalar may begin here
        bool in_plain = false;      // inside a plain scalar on this line: quotes are text
        bool after_quoted = false;  // just after a closing quote: `"key":value` in JSON
        while (i < text.size()) {
            const char c = text[i];
            if (mode == Mode::quoted) {
                if (quote == '"' && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                        i += 2;
                        continue;
                    }
                    mode = Mode::normal;
                    token_start = false;
                    after_quoted = true;
                }
                ++i;
                continue;
            }
            if (is_blank(c)) {
                if (!in_plain) token_start = true;
                ++i;
                continue;
            }
            if (c == '#' && (i == 0 || is_blank(text[i - 1]))) {
                out.comments.push_back(base + i);
                break;
            }
            const bool next_is_end = i + 1 == text.size() || is_blank(text[i + 1]);
            if (in_plain) {
                bool value_indicator =
                    c == ':' && (next_is_end || (flow_depth > 0 && is_flow_indicator(text[i + 1])));
                if (value_indicator) {
                    in_plain = false;
                    token_start = true;
                    ++i;
                    continue;
                }
                if (!(flow_depth > 0 && is_flow_indicator(c))) {
                    ++i;
                    continue;
                }
                in_plain = false;  // a flow indicator ends the plain scalar; handled below
            }
            const bool was_after_quoted = after_quoted;
            after_quoted = false;
            if ((c == '"' || c == '\'') && token_start) {
                mode = Mode::quoted;
                quote = c;
                quote_at = base + i;
                quote_min_indent = (flow_depth > 0 ? flow_indent : indent) + 1;
                ++i;
                continue;
            }
            if (c == '[' || c == '{') {
                if (flow_depth++ == 0) flow_indent = indent;
                token_start = true;
                ++i;
                continue;
            }
            if (c == ']' || c == '}') {
                if (flow_depth > 0) --flow_depth;
                token_start = false;
                ++i;
                continue;
            }
            if (c == ',' && flow_depth > 0) {
                token_start = true;
                ++i;
                continue;
            }
            if ((c == '-' || c == '?' || c == ':') &&
                (next_is_end || (c == ':' && flow_depth > 0 &&
                                 (was_after_quoted || is_flow_indicator(text[i + 1]))))) {
                token_start = true;
                ++i;
                continue;
            }
            if ((c == '|' || c == '>') && token_start && flow_depth == 0) {
                std::size_t j = i + 1;
                while (j < text.size() &&
                       (text[j] == '-' || text[j] == '+' || (text[j] >= '0' && text[j] <= '9'))) {
                    ++j;
                }
                std::size_t after_header = j;
                while (j < text.size() && is_blank(text[j])) ++j;
                if (j == text.size() || (text[j] == '#' && j > after_header)) {
                    if (j < text.size()) out.comments.push_back(base + j);
                    mode = Mode::block_scalar;
                    block_parent_indent = indent;
                    break;
                }
            }
            if ((c == '&' || c == '!' || c == '*') && token_start) {
                // Anchor, tag or alias: a word of its own; a scalar may follow it.
                while (i < text.size() && !is_blank(text[i]) &&
                       !(flow_depth > 0 && is_flow_indicator(text[i]))) {
                    ++i;
                }
                continue;
            }
            in_plain = true;
            token_start = false;
            ++i;
        }
    }
    if (mode == Mode::quoted) out.open_quote = OpenQuote{quote_at, 0};
    return out;
}

}  // namespace maplan::yaml
