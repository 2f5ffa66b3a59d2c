#include "core/yaml_lex.hpp"

#include <limits>
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

// The characters an input method types in place of YAML syntax, all three bytes in UTF-8.
constexpr char32_t ideographic_space = 0x3000;
constexpr char32_t fullwidth_colon = 0xFF1A;
constexpr char32_t fullwidth_left_bracket = 0xFF3B;
constexpr char32_t fullwidth_right_bracket = 0xFF3D;
constexpr char32_t fullwidth_left_brace = 0xFF5B;
constexpr char32_t fullwidth_right_brace = 0xFF5D;

bool is_fullwidth_dash(char32_t cp) {
    switch (cp) {
        case 0xFF0D:  // FULLWIDTH HYPHEN-MINUS
        case 0x30FC:  // KATAKANA-HIRAGANA PROLONGED SOUND MARK
        case 0xFF70:  // HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK
        case 0x2015:  // HORIZONTAL BAR
        case 0x2010:  // HYPHEN
        case 0x2011:  // NON-BREAKING HYPHEN
        case 0x2013:  // EN DASH
        case 0x2014:  // EM DASH
        case 0x2212:  // MINUS SIGN
            return true;
        default:
            return false;
    }
}

bool is_fullwidth_comma(char32_t cp) {
    return cp == 0xFF0C || cp == 0x3001;  // FULLWIDTH COMMA, IDEOGRAPHIC COMMA
}

/// The code point of a three-byte UTF-8 sequence at `i`, or 0 (ASCII, other lengths, invalid).
/// Every character the scan looks for is three bytes long.
char32_t three_byte_at(std::string_view s, std::size_t i) {
    if (i + 2 >= s.size()) {
        return 0;
    }
    auto b0 = static_cast<unsigned char>(s[i]);
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
        return 0;
    }
    return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
}

/// What a slip's text becomes in ASCII YAML: the full-width forms of the syntax characters.
std::string to_ascii_syntax(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = three_byte_at(s, i);
        char ascii = 0;
        if (cp == fullwidth_left_bracket) {
            ascii = '[';
        }
        if (cp == fullwidth_right_bracket) {
            ascii = ']';
        }
        if (cp == fullwidth_left_brace) {
            ascii = '{';
        }
        if (cp == fullwidth_right_brace) {
            ascii = '}';
        }
        if (cp == fullwidth_colon) {
            ascii = ':';
        }
        if (cp == ideographic_space) {
            ascii = ' ';
        }
        if (is_fullwidth_comma(cp)) {
            ascii = ',';
        }
        if (ascii != 0) {
            out += ascii;
            // "a、b" reads as "a,b", which YAML takes too; "a, b" is how a plan is written.
            if (ascii == ',' && i + 3 < s.size() && s[i + 3] != ' ' &&
                three_byte_at(s, i + 3) != ideographic_space) {
                out += ' ';
            }
            i += 3;
        } else {
            out += s[i++];
        }
    }
    return out;
}

/// The end of a value that fills the rest of the line: before a comment, without trailing blanks.
std::size_t value_end(std::string_view text, std::size_t from) {
    std::size_t end = text.size();
    for (std::size_t j = from + 1; j < text.size(); ++j) {
        if (text[j] == '#' && is_blank(text[j - 1])) {
            end = j;
            break;
        }
    }
    while (end > from) {
        if (is_blank(text[end - 1])) {
            --end;
        } else if (end >= from + 3 && three_byte_at(text, end - 3) == ideographic_space) {
            end -= 3;
        } else {
            break;
        }
    }
    return end;
}

/// `［a, b］` or `｛a: 1｝` filling a value: brackets with a separator inside (or nothing), so
/// meant as a flow collection. `［重要］ お知らせ` or `［重要］` alone stay text.
bool looks_like_fullwidth_flow(std::string_view value, char32_t open) {
    const char32_t close =
        open == fullwidth_left_bracket ? fullwidth_right_bracket : fullwidth_right_brace;
    if (value.size() < 6 || three_byte_at(value, value.size() - 3) != close) {
        return false;
    }
    std::string_view inside = value.substr(3, value.size() - 6);
    bool only_blanks = true;
    for (std::size_t j = 0; j < inside.size();) {
        char32_t cp = three_byte_at(inside, j);
        if (cp == three_byte_at(value, 0)) {
            return false;  // nested full-width brackets: text
        }
        if (cp != 0) {
            if (cp != ideographic_space) {
                only_blanks = false;
            }
            if (is_fullwidth_comma(cp) && open == fullwidth_left_bracket) {
                return true;
            }
            if (cp == fullwidth_colon && open == fullwidth_left_brace) {
                return true;
            }
            j += 3;
            continue;
        }
        if (!is_blank(inside[j])) {
            only_blanks = false;
        }
        if (inside[j] == ',' && open == fullwidth_left_bracket) {
            return true;
        }
        if (inside[j] == ':' && open == fullwidth_left_brace) {
            return true;
        }
        ++j;
    }
    return only_blanks;
}

/// A key as shown in a message: at most 40 code points, so a hostile one-line file stays short.
std::string key_for_message(std::string_view key) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80 && ++points > 40) {
            return std::string(key.substr(0, i)) + "…";
        }
    }
    return std::string(key);
}

}  // namespace

LexicalScan scan_lexical(const SourceFile& file) {
    LexicalScan out;
    Mode mode = Mode::normal;
    std::size_t block_parent_indent = 0;  // lines indented more than this belong to the scalar
    char quote = 0;
    std::size_t quote_at = 0;
    std::size_t quote_min_indent = 0;  // a continuation line indented less ends the document
    std::vector<char> flows;           // the open flow collections, '[' or '{', innermost last
    std::size_t flow_indent = 0;       // indentation of the line that opened the outermost [ or {
    std::size_t flow_at = 0;           // byte offset of the outermost [ or {
    bool flow_key_position = false;    // in a { } mapping, a key may start here
    // A plain scalar left open at the end of a block line goes on in lines indented more than
    // this (YAML 1.2 §7.3.3); such lines are text, whatever characters they start with.
    constexpr long no_plain_open = std::numeric_limits<long>::max();
    long plain_continues_over = no_plain_open;

    auto add_slip = [&](ImeSlip slip) {
        if (out.slips.size() < LexicalScan::max_slips) {
            out.slips.push_back(std::move(slip));
        }
    };

    for (std::uint32_t n = 1; n <= file.line_count(); ++n) {
        std::string_view text = file.line(n);
        const std::size_t base = file.offset_of(SourcePos{n, 1});
        std::size_t indent = 0;
        while (indent < text.size() && text[indent] == ' ') {
            ++indent;
        }
        std::size_t first = text.find_first_not_of(" \t\r");
        bool blank = first == std::string_view::npos;

        if (mode == Mode::block_scalar) {
            if (blank || indent > block_parent_indent) {
                continue;
            }
            mode = Mode::normal;
        }
        std::size_t i = 0;
        bool continuation = false;  // this line goes on with a plain scalar from above
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
            plain_continues_over = no_plain_open;
        } else if (flows.empty() && text.starts_with("%")) {
            continue;  // a directive (%YAML 1.2)
        } else {
            i = indent;
            // A comment line ends a multi-line plain scalar; a blank line does not.
            if (!blank && text[first] != '#' && flows.empty() &&
                static_cast<long>(indent) > plain_continues_over) {
                continuation = true;
            } else if (!blank) {
                plain_continues_over = no_plain_open;
            }
            if (!blank && !flows.empty() && indent <= flow_indent && text[first] != '#' &&
                !out.open_flow) {
                out.open_flow = OpenFlow{flow_at, n};
            }
            // U+3000 in the indentation: YAML reads it as text, so `　name:` is a key「　name」
            // or breaks the mapping a line later.
            if (!continuation) {
                std::size_t j = indent, fullwidth = 0, spaces = indent;
                std::size_t first_fullwidth = 0;
                while (j < text.size()) {
                    if (text[j] == ' ') {
                        ++spaces;
                        ++j;
                    } else if (three_byte_at(text, j) == ideographic_space) {
                        if (fullwidth++ == 0) {
                            first_fullwidth = j;
                        }
                        j += 3;
                    } else {
                        break;
                    }
                }
                if (fullwidth > 0) {
                    ImeSlip slip;
                    slip.kind = SlipKind::ideographic_space;
                    slip.slot = SpaceSlot::indentation;
                    slip.offset = base + first_fullwidth;
                    slip.written = std::string(text.substr(first_fullwidth, j - first_fullwidth));
                    slip.indent_columns = spaces + 2 * fullwidth;
                    slip.replacement = std::string(spaces - indent + 2 * fullwidth, ' ');
                    add_slip(std::move(slip));
                    i = j;
                }
            }
        }

        bool token_start = !continuation;  // a scalar may begin here
        bool in_plain = continuation;      // inside a plain scalar on this line: quotes are text
        bool after_quoted = false;         // just after a closing quote: `"key":value` in JSON
        bool first_token = !continuation;  // nothing but `- ` so far: a key or a dash may come
        bool plain_is_key = false;         // the plain scalar started where a key starts
        bool plain_after_dash = false;     // ... after the dash of a block list item
        bool plain_has_fullwidth_open = false;  // the plain scalar holds ［ or ｛ (text brackets)
        bool dash_seen = false;                 // a list dash came before on this line
        bool plain_starts_line = false;         // the plain scalar is the line's first token
        std::size_t plain_start = i;
        bool ended_in_comment = false;

        // After a character at `at` of `len` bytes: the end of a token (line end, blank, U+3000,
        // or a flow indicator inside a flow collection)?
        auto ends_token = [&](std::size_t at) {
            return at >= text.size() || is_blank(text[at]) ||
                   three_byte_at(text, at) == ideographic_space ||
                   (!flows.empty() && is_flow_indicator(text[at]));
        };
        // Length of a U+3000 right after `at` (written with the slip, replaced by a space).
        auto trailing_space = [&](std::size_t at) -> std::size_t {
            return three_byte_at(text, at) == ideographic_space ? 3 : 0;
        };
        auto close_flow = [&] {
            if (!flows.empty()) {
                flows.pop_back();
            }
            flow_key_position = false;
        };

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
                if (!in_plain) {
                    token_start = true;
                }
                ++i;
                continue;
            }
            if (c == '#' && (i == 0 || is_blank(text[i - 1]))) {
                out.comments.push_back(base + i);
                ended_in_comment = true;
                break;
            }
            const char32_t cp = three_byte_at(text, i);
            // Inside a flow collection, a full-width comma is the separator the user meant.
            if (!flows.empty() && is_fullwidth_comma(cp)) {
                std::size_t len = 3 + trailing_space(i + 3);
                add_slip({SlipKind::fullwidth_comma,
                          base + i,
                          std::string(text.substr(i, len)),
                          len > 3 ? ", " : ",",
                          SpaceSlot::indentation,
                          0,
                          {}});
                in_plain = false;
                token_start = true;
                flow_key_position = flows.back() == '{';
                i += len;
                continue;
            }
            // A full-width closing bracket where the ASCII collection ends: `[a, b］`.
            if (!flows.empty() && (cp == fullwidth_right_bracket || cp == fullwidth_right_brace) &&
                !(in_plain && plain_has_fullwidth_open) && ends_token(i + 3)) {
                add_slip({SlipKind::fullwidth_bracket,
                          base + i,
                          std::string(text.substr(i, 3)),
                          cp == fullwidth_right_bracket ? "]" : "}",
                          SpaceSlot::indentation,
                          0,
                          {}});
                in_plain = false;
                token_start = false;
                close_flow();
                i += 3;
                continue;
            }
            const bool next_is_end = i + 1 == text.size() || is_blank(text[i + 1]);
            if (in_plain) {
                if (plain_is_key &&
                    (cp == fullwidth_colon || (c == ':' && trailing_space(i + 1)))) {
                    const std::size_t len = cp == fullwidth_colon ? 3 : 1;
                    std::string key(text.substr(plain_start, i - plain_start));
                    while (!key.empty() && is_blank(key.back())) {
                        key.pop_back();
                    }
                    // A list item's text may hold "注意： …" as prose (YAML reads `- a： b` as
                    // the string), so after a dash only a yaml-cpp failure makes it a slip.
                    if (!plain_after_dash && (c == ':' || ends_token(i + 3))) {
                        std::size_t space = trailing_space(i + len);
                        ImeSlip slip;
                        slip.kind =
                            c == ':' ? SlipKind::ideographic_space : SlipKind::fullwidth_colon;
                        slip.slot = SpaceSlot::after_colon;
                        slip.offset = base + i + (c == ':' ? 1 : 0);
                        slip.written = std::string(text.substr(i, len + space));
                        slip.replacement = space > 0 ? ": " : ":";
                        slip.key = key_for_message(key);
                        const bool value_follows =
                            space > 0 || (i + len < text.size() && is_blank(text[i + len]));
                        slip.fixed = slip.key + (value_follows ? ": " : ":");
                        add_slip(std::move(slip));
                        in_plain = false;
                        token_start = true;
                        first_token = false;
                        flow_key_position = false;
                        i += len + space;
                        continue;
                    }
                    if (cp == fullwidth_colon &&
                        out.colon_suspects.size() < LexicalScan::max_slips) {
                        out.colon_suspects.push_back({base + i, base + plain_start, n});
                    }
                }
                if (cp == fullwidth_left_bracket || cp == fullwidth_left_brace) {
                    plain_has_fullwidth_open = true;
                }
                bool value_indicator =
                    c == ':' && (next_is_end || (!flows.empty() && is_flow_indicator(text[i + 1])));
                if (value_indicator) {
                    in_plain = false;
                    token_start = true;
                    first_token = false;
                    flow_key_position = false;
                    ++i;
                    continue;
                }
                if (!(!flows.empty() && is_flow_indicator(c))) {
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
                quote_min_indent = (!flows.empty() ? flow_indent : indent) + 1;
                first_token = false;
                ++i;
                continue;
            }
            if (c == '[' || c == '{') {
                if (flows.empty()) {
                    flow_indent = indent;
                    flow_at = base + i;
                }
                flows.push_back(c);
                flow_key_position = c == '{';
                token_start = true;
                first_token = false;
                ++i;
                continue;
            }
            if (c == ']' || c == '}') {
                close_flow();
                token_start = false;
                ++i;
                continue;
            }
            if (c == ',' && !flows.empty()) {
                token_start = true;
                flow_key_position = flows.back() == '{';
                ++i;
                continue;
            }
            if ((c == '-' || c == '?' || c == ':') &&
                (next_is_end || (c == ':' && !flows.empty() &&
                                 (was_after_quoted || is_flow_indicator(text[i + 1]))))) {
                if (c == ':') {
                    first_token = false;
                    flow_key_position = false;
                }
                if (c == '-') {
                    dash_seen = true;
                }
                token_start = true;
                ++i;
                continue;
            }
            // The dash of a list item: `－ 項目`, `ー 項目`, or `-　項目` with a full-width space.
            if (token_start && first_token && flows.empty() &&
                ((is_fullwidth_dash(cp) && (i + 3 < text.size()) &&
                  (is_blank(text[i + 3]) || trailing_space(i + 3))) ||
                 (c == '-' && trailing_space(i + 1)))) {
                const std::size_t len = c == '-' ? 1 : 3;
                const std::size_t space = trailing_space(i + len);
                ImeSlip slip;
                slip.kind = c == '-' ? SlipKind::ideographic_space : SlipKind::fullwidth_dash;
                slip.slot = SpaceSlot::after_dash;
                slip.offset = base + i + (c == '-' ? 1 : 0);
                slip.written = std::string(text.substr(i, len + space));
                slip.replacement = space > 0 || c == '-' ? "- " : "-";
                slip.fixed = "- ";
                add_slip(std::move(slip));
                token_start = true;
                dash_seen = true;
                i += len + space;
                continue;
            }
            // `key: ［a, b］` in a block: a flow collection typed with full-width brackets.
            if (token_start && flows.empty() &&
                (cp == fullwidth_left_bracket || cp == fullwidth_left_brace)) {
                std::size_t end = value_end(text, i);
                std::string_view value = text.substr(i, end - i);
                if (looks_like_fullwidth_flow(value, cp)) {
                    add_slip({SlipKind::fullwidth_bracket,
                              base + i,
                              std::string(value),
                              to_ascii_syntax(value),
                              SpaceSlot::indentation,
                              0,
                              {}});
                    first_token = false;
                    token_start = false;
                    i = end;
                    continue;
                }
            }
            if ((c == '|' || c == '>') && token_start && flows.empty()) {
                std::size_t j = i + 1;
                while (j < text.size() &&
                       (text[j] == '-' || text[j] == '+' || (text[j] >= '0' && text[j] <= '9'))) {
                    ++j;
                }
                std::size_t after_header = j;
                while (j < text.size() && is_blank(text[j])) {
                    ++j;
                }
                if (j == text.size() || (text[j] == '#' && j > after_header)) {
                    if (j < text.size()) {
                        out.comments.push_back(base + j);
                    }
                    mode = Mode::block_scalar;
                    block_parent_indent = indent;
                    ended_in_comment = true;  // no plain scalar goes on after a block header
                    break;
                }
            }
            if ((c == '&' || c == '!' || c == '*') && token_start) {
                // Anchor, tag or alias: a word of its own; a scalar may follow it.
                while (i < text.size() && !is_blank(text[i]) &&
                       !(!flows.empty() && is_flow_indicator(text[i]))) {
                    ++i;
                }
                continue;
            }
            in_plain = true;
            plain_is_key = flows.empty() ? first_token : flows.back() == '{' && flow_key_position;
            plain_after_dash = flows.empty() && dash_seen;
            plain_has_fullwidth_open = cp == fullwidth_left_bracket || cp == fullwidth_left_brace;
            plain_start = i;
            plain_starts_line = flows.empty() && first_token && !dash_seen;
            first_token = false;
            flow_key_position = false;
            token_start = false;
            ++i;
        }
        if (mode == Mode::normal && flows.empty() && in_plain && !ended_in_comment &&
            !continuation) {
            // `key: value` and `- value` go on in lines indented more than this one; a scalar
            // that starts the line (the value of `key:` above) also in lines indented as much.
            plain_continues_over = static_cast<long>(indent) - (plain_starts_line ? 1 : 0);
        } else if (ended_in_comment) {
            plain_continues_over = no_plain_open;
        }
    }
    if (mode == Mode::quoted) {
        out.open_quote = OpenQuote{quote_at, 0};
    }
    if (!flows.empty() && !out.open_flow) {
        out.open_flow = OpenFlow{flow_at, 0};
    }
    return out;
}

}  // namespace maplan::yaml
