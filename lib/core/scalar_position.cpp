#include "core/scalar_position.hpp"

#include <string>
#include <vector>

namespace maplan {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The value rebuilt from the file, with the file offset of each of its bytes.
struct Rebuilt {
    std::string text;
    std::vector<std::size_t> at;
    std::size_t end = 0;  ///< file offset just after the scalar's last character
    bool ok = true;
    void push(char c, std::size_t pos) {
        text += c;
        at.push_back(pos);
    }
};

Rebuilt single_quoted(std::string_view s, std::size_t i) {
    Rebuilt r;
    for (++i; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\'') {
            if (i + 1 < s.size() && s[i + 1] == '\'') {
                r.push('\'', i++);
                continue;
            }
            r.end = i;
            return r;
        }
        if (c == '\n' || c == '\r') break;  // folding: not mapped
        r.push(c, i);
    }
    r.ok = false;
    return r;
}

Rebuilt double_quoted(std::string_view s, std::size_t i) {
    Rebuilt r;
    for (++i; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"') {
            r.end = i;
            return r;
        }
        if (c == '\n' || c == '\r') break;
        if (c != '\\') {
            r.push(c, i);
            continue;
        }
        if (i + 1 >= s.size()) break;
        std::size_t at = i;
        char e = s[++i];
        std::string bytes;
        switch (e) {
            case '0':
                bytes = std::string(1, '\0');
                break;
            case 'a':
                bytes = "\a";
                break;
            case 'b':
                bytes = "\b";
                break;
            case 't':
            case '\t':
                bytes = "\t";
                break;
            case 'n':
                bytes = "\n";
                break;
            case 'v':
                bytes = "\v";
                break;
            case 'f':
                bytes = "\f";
                break;
            case 'r':
                bytes = "\r";
                break;
            case 'e':
                bytes = "\x1b";
                break;
            case ' ':
                bytes = " ";
                break;
            case '"':
                bytes = "\"";
                break;
            case '/':
                bytes = "/";
                break;
            case '\\':
                bytes = "\\";
                break;
            case 'N':
                append_utf8(bytes, 0x85);
                break;
            case '_':
                append_utf8(bytes, 0xA0);
                break;
            case 'L':
                append_utf8(bytes, 0x2028);
                break;
            case 'P':
                append_utf8(bytes, 0x2029);
                break;
            case 'x':
            case 'u':
            case 'U': {
                std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                unsigned long cp = 0;
                for (std::size_t k = 0; k < n; ++k) {
                    int h = i + 1 + k < s.size() ? hex(s[i + 1 + k]) : -1;
                    if (h < 0) {
                        r.ok = false;
                        return r;
                    }
                    cp = cp * 16 + static_cast<unsigned long>(h);
                }
                i += n;
                append_utf8(bytes, cp);
                break;
            }
            default:
                r.ok = false;  // a line continuation or an escape we do not know
                return r;
        }
        for (char b : bytes) r.push(b, at);
    }
    r.ok = false;
    return r;
}

/// Literal (|) and folded (>) block scalars. Folded lines join with a space; a folded scalar is
/// mapped only when its lines are not more indented (those keep their line breaks, a corner the
/// verification below rejects if it gets it wrong).
Rebuilt block(std::string_view s, std::size_t i) {
    Rebuilt r;
    bool folded = s[i] == '>';
    std::size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) {
        r.ok = false;
        return r;
    }
    for (std::size_t k = i + 1; k < eol; ++k)
        if (s[k] >= '1' && s[k] <= '9') r.ok = false;  // explicit indentation: not mapped
    if (!r.ok) return r;
    std::size_t line = eol + 1;
    std::size_t indent = std::string_view::npos;
    bool first = true;
    while (line < s.size()) {
        std::size_t end = s.find('\n', line);
        if (end == std::string_view::npos) end = s.size();
        std::string_view text = s.substr(line, end - line);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        std::size_t lead = text.find_first_not_of(' ');
        if (lead == std::string_view::npos) {  // an empty line: a line break in both styles
            r.push('\n', line);
            line = end + 1;
            continue;
        }
        if (indent == std::string_view::npos) indent = lead;
        if (lead < indent) break;
        if (!first) {
            // The break after a non-empty line folds into a space.
            std::size_t n = r.text.size();
            bool join = folded && n >= 2 && r.text[n - 1] == '\n' && r.text[n - 2] != '\n';
            if (join) r.text.back() = ' ';
        }
        for (std::size_t k = indent; k < text.size(); ++k) r.push(text[k], line + k);
        r.push('\n', line + text.size());
        r.end = line + text.size();
        first = false;
        line = end + 1;
    }
    return r;
}

}  // namespace

SourcePos scalar_position(const SourceFile& file, SourcePos start, std::string_view value,
                          std::size_t offset) {
    const std::string& s = file.content();
    std::size_t i = file.offset_of(start);
    if (!start.known() || i >= s.size()) return start;
    Rebuilt r;
    char c = s[i];
    if (c == '\'') {
        r = single_quoted(s, i);
    } else if (c == '"') {
        r = double_quoted(s, i);
    } else if (c == '|' || c == '>') {
        r = block(s, i);
    } else {
        // Plain: the value is the text itself, if it stays on this line.
        std::size_t eol = s.find('\n', i);
        std::string_view line =
            std::string_view(s).substr(i, eol == std::string::npos ? s.npos : eol - i);
        if (line.substr(0, value.size()) != value) return start;
        std::size_t at = i + std::min(offset, value.size());
        return file.pos_of_offset(at);
    }
    if (!r.ok) return start;
    // Block scalars end with chomped line breaks; compare without trailing ones.
    std::string_view built = r.text, want = value;
    while (!built.empty() && built.back() == '\n') built.remove_suffix(1);
    while (!want.empty() && want.back() == '\n') want.remove_suffix(1);
    if (built != want) return start;
    if (offset < r.at.size() && offset < value.size()) return file.pos_of_offset(r.at[offset]);
    if (want.empty()) return start;
    return file.pos_of_offset(r.at[want.size() - 1] + 1);
}

}  // namespace maplan
