#include "mail/txt.hpp"

#include <fmt/format.h>

namespace maplan::mail {

namespace {

Problem too_long(std::size_t offset, std::size_t length, std::size_t size) {
    return {offset,
            length,
            Severity::warning,
            {fmt::format("TXT string of {} characters; DNS allows {} per string, so split it into "
                         "several quoted strings",
                         size, max_txt_string),
             fmt::format("TXT の文字列が {} 文字です。DNS では 1 文字列 {} 文字までなので、"
                         "複数の引用符付き文字列に分けてください",
                         size, max_txt_string)},
            "txt-string-length"};
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::size_t TxtRecord::value_offset(std::size_t text_offset) const {
    if (text_offset < value_of_text_.size()) return value_of_text_[text_offset];
    if (value_of_text_.empty()) return text_offset;
    // The end of the text: just after the last byte (for a quoted string, at its closing quote).
    return value_of_text_.back() + 1;
}

TxtRecord read_txt(std::string_view value) {
    TxtRecord r;
    if (value.empty() || value.front() != '"') {
        r.text = std::string(value);
        r.strings.push_back({0, value.size(), 0, value.size()});
        r.value_of_text_.resize(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) r.value_of_text_[i] = i;
        if (value.size() > max_txt_string)
            r.problems.push_back(too_long(0, value.size(), value.size()));
        return r;
    }
    r.quoted = true;
    std::size_t at = 0;
    while (at < value.size()) {
        char c = value[at];
        if (c == ' ' || c == '\t') {
            ++at;
            continue;
        }
        if (c != '"') {
            std::size_t end = value.find('"', at);
            if (end == std::string_view::npos) end = value.size();
            r.problems.push_back(
                {at,
                 end - at,
                 Severity::error,
                 {"text outside the quoted strings of a TXT record; put it inside the quotes",
                  "TXT "
                  "レコードの引用符付き文字列の外に文字があります。引用符の中に入れてください"}});
            at = end;
            continue;
        }
        std::size_t open = at++;
        TxtString s;
        s.value_offset = at;
        s.text_offset = r.text.size();
        bool closed = false;
        while (at < value.size()) {
            char d = value[at];
            if (d == '"') {
                closed = true;
                break;
            }
            if (d == '\\' && at + 1 < value.size()) {
                // RFC 1035 §5.1: \X is X itself, \DDD is the octet with that decimal value.
                if (at + 3 < value.size() && is_digit(value[at + 1]) && is_digit(value[at + 2]) &&
                    is_digit(value[at + 3])) {
                    int octet = (value[at + 1] - '0') * 100 + (value[at + 2] - '0') * 10 +
                                (value[at + 3] - '0');
                    r.text += static_cast<char>(octet & 0xff);
                    r.value_of_text_.push_back(at);
                    at += 4;
                } else {
                    r.text += value[at + 1];
                    r.value_of_text_.push_back(at);
                    at += 2;
                }
                continue;
            }
            r.text += d;
            r.value_of_text_.push_back(at);
            ++at;
        }
        s.value_length = at - s.value_offset;
        s.size = r.text.size() - s.text_offset;
        r.strings.push_back(s);
        if (!closed) {
            r.problems.push_back(
                {open,
                 value.size() - open,
                 Severity::error,
                 {"quoted TXT string is not closed", "TXT の引用符付き文字列が閉じていません"}});
        } else {
            ++at;  // the closing quote
        }
        if (s.size > max_txt_string) r.problems.push_back(too_long(open, at - open, s.size));
    }
    return r;
}

}  // namespace maplan::mail
