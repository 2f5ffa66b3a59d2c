#include "lists/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

namespace maplan::lists {

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// NFKC + case folding. Invalid UTF-8 never reaches here (the importer validates), but fall back
/// to the input rather than failing.
std::string nfkc_casefold(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char& c : out) c = ascii_lower(c);
        return out;
    }
    utf8proc_uint8_t* mapped = nullptr;
    auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                           UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    if (len < 0) return std::string(s);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
}

bool is_white_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/// NFKC without case folding (the caller lower-cases what it needs). Invalid UTF-8 falls back to
/// the input, as nfkc_casefold does.
std::string nfkc(std::string_view s) {
    utf8proc_uint8_t* mapped = nullptr;
    auto len = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
        static_cast<utf8proc_ssize_t>(s.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (len < 0) return std::string(s);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
}

std::string_view trim(std::string_view s) {
    return trim_unicode_space(s);
}

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

EmailProblem check_local(std::string_view local) {
    if (local.empty()) return EmailProblem::bad_local;
    if (local.size() > 64) return EmailProblem::local_too_long;
    if (local.front() == '.' || local.back() == '.') return EmailProblem::bad_local;
    if (local.find("..") != std::string_view::npos) return EmailProblem::consecutive_dots;
    for (char c : local) {
        if (c != '.' && !is_atext(c)) return EmailProblem::bad_local;
    }
    return EmailProblem::none;
}

EmailProblem check_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return EmailProblem::bad_domain;
    if (domain.find("..") != std::string_view::npos) return EmailProblem::consecutive_dots;
    if (domain.find('.') == std::string_view::npos) return EmailProblem::bad_domain;
    std::size_t start = 0;
    std::string_view last;
    while (start <= domain.size()) {
        std::size_t dot = domain.find('.', start);
        if (dot == std::string_view::npos) dot = domain.size();
        std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.size() > 63) return EmailProblem::bad_domain;
        if (label.front() == '-' || label.back() == '-') return EmailProblem::bad_domain;
        for (char c : label) {
            bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) return EmailProblem::bad_domain;
        }
        last = label;
        start = dot + 1;
    }
    if (std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return EmailProblem::bad_domain;
    return EmailProblem::none;
}

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            out.push_back(0xFFFD);
            n = 1;
        } else {
            out.push_back(static_cast<char32_t>(cp));
        }
        p += n;
        left -= n;
    }
    return out;
}

}  // namespace

std::string nfkc_text(std::string_view text) {
    return is_ascii(text) ? std::string(text) : nfkc(text);
}

bool is_valid_domain(std::string_view ascii_domain) {
    return check_domain(ascii_domain) == EmailProblem::none;
}

std::string_view trim_unicode_space(std::string_view s) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    // From the front: decode one code point at a time while it is white space.
    std::size_t begin = 0;
    while (begin < s.size()) {
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(p + begin, static_cast<utf8proc_ssize_t>(s.size() - begin), &cp);
        if (n <= 0 || !is_white_space(static_cast<char32_t>(cp))) break;
        begin += static_cast<std::size_t>(n);
    }
    // From the back: find the start of the last code point (skip continuation bytes).
    std::size_t end = s.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(p + start, static_cast<utf8proc_ssize_t>(end - start), &cp);
        if (n <= 0 || static_cast<std::size_t>(n) != end - start ||
            !is_white_space(static_cast<char32_t>(cp)))
            break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

TextRef describe(EmailProblem problem) {
    switch (problem) {
        case EmailProblem::none:
            return {"valid", "有効"};
        case EmailProblem::empty:
            return {"no address", "アドレスが空"};
        case EmailProblem::too_long:
            return {"longer than 254 characters", "254 文字を超えています"};
        case EmailProblem::no_at:
            return {"no \"@\"", "「@」がありません"};
        case EmailProblem::local_too_long:
            return {"more than 64 characters before \"@\"", "「@」の前が 64 文字を超えています"};
        case EmailProblem::bad_local:
            return {"characters not allowed before \"@\"", "「@」の前に使えない文字があります"};
        case EmailProblem::consecutive_dots:
            return {"consecutive dots (\"..\")", "ドットが連続しています(「..」)"};
        case EmailProblem::bad_domain:
            return {"invalid domain", "ドメインが不正です"};
        case EmailProblem::multiple_at:
            return {"more than one \"@\"", "「@」が複数あります"};
    }
    return {"invalid", "不正"};
}

std::string_view problem_id(EmailProblem problem) {
    switch (problem) {
        case EmailProblem::none:
            return "valid";
        case EmailProblem::empty:
            return "empty";
        case EmailProblem::too_long:
            return "too_long";
        case EmailProblem::no_at:
            return "no_at";
        case EmailProblem::local_too_long:
            return "local_too_long";
        case EmailProblem::bad_local:
            return "bad_local";
        case EmailProblem::consecutive_dots:
            return "consecutive_dots";
        case EmailProblem::bad_domain:
            return "bad_domain";
        case EmailProblem::multiple_at:
            return "multiple_at";
    }
    return "invalid";
}

std::string punycode_encode(std::string_view utf8_label) {
    constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    const std::u32string input = decode_utf8(utf8_label);
    auto adapt = [&](std::uint32_t delta, std::uint32_t numpoints, bool first) {
        delta = first ? delta / damp : delta / 2;
        delta += delta / numpoints;
        std::uint32_t k = 0;
        while (delta > ((base - tmin) * tmax) / 2) {
            delta /= base - tmin;
            k += base;
        }
        return k + (base - tmin + 1) * delta / (delta + skew);
    };
    auto digit = [](std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + d - 26); };
    std::string out;
    for (char32_t c : input) {
        if (c < 0x80) out += static_cast<char>(c);
    }
    const std::uint32_t b = static_cast<std::uint32_t>(out.size());
    std::uint32_t h = b;
    if (b > 0) out += '-';
    std::uint32_t n = 128, delta = 0, bias = 72;
    while (h < input.size()) {
        std::uint32_t m = UINT32_MAX;
        for (char32_t c : input) {
            if (c >= n && c < m) m = c;
        }
        delta += (m - n) * (h + 1);
        n = m;
        for (char32_t c : input) {
            if (c < n) ++delta;
            if (c == n) {
                std::uint32_t q = delta;
                for (std::uint32_t k = base;; k += base) {
                    std::uint32_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
                    if (q < t) break;
                    out += digit(t + (q - t) % (base - t));
                    q = (q - t) / (base - t);
                }
                out += digit(q);
                bias = adapt(delta, h + 1, h == b);
                delta = 0;
                ++h;
            }
        }
        ++delta;
        ++n;
    }
    return out;
}

NormalizedEmail normalize_email(std::string_view raw) {
    NormalizedEmail r;
    normalize_email(raw, r);
    return r;
}

void normalize_email(std::string_view raw, NormalizedEmail& r) {
    r.key.clear();
    r.local.clear();
    r.domain.clear();
    r.problem = EmailProblem::none;
    // NFKC before anything else: "ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp" as pasted from a Japanese
    // form is an address, and U+3000 around it becomes a space that the trim removes. ASCII input
    // (almost every row) skips utf8proc.
    std::string folded;
    std::string_view s = raw;
    if (!is_ascii(raw)) {
        folded = nfkc(raw);
        s = folded;
    }
    s = trim(s);
    if (s.empty()) {
        r.problem = EmailProblem::empty;
        return;
    }
    const std::size_t at = s.rfind('@');
    if (at == std::string_view::npos || s.find('@') != at) {
        r.problem = at == std::string_view::npos ? EmailProblem::no_at : EmailProblem::multiple_at;
        for (char c : s) r.key += ascii_lower(c);
        return;
    }
    // The local part is lower-cased too. RFC 5321 lets a server treat "Taro" and "taro" as two
    // mailboxes, but no mainstream provider does, and an opt-out written "TARO@..." must still stop
    // mail to "taro@...". The original spelling stays in the workspace.
    r.local.assign(s.substr(0, at));
    for (char& c : r.local) c = ascii_lower(c);
    std::string_view raw_domain = s.substr(at + 1);
    if (is_ascii(raw_domain)) {
        r.domain.reserve(raw_domain.size());
        for (char c : raw_domain) r.domain += ascii_lower(c);
    } else {
        // IDN: map (NFKC + case fold, which also turns the full-width dot "．" into ".") and
        // convert each non-ASCII label to punycode.
        std::string mapped = nfkc_casefold(raw_domain);
        for (std::string_view ideographic_stop : {"\xE3\x80\x82", "\xEF\xBD\xA1"}) {
            std::size_t p;
            while ((p = mapped.find(ideographic_stop)) != std::string::npos)
                mapped.replace(p, ideographic_stop.size(), ".");
        }
        std::size_t start = 0;
        while (start <= mapped.size()) {
            std::size_t dot = mapped.find('.', start);
            if (dot == std::string::npos) dot = mapped.size();
            std::string_view label = std::string_view(mapped).substr(start, dot - start);
            if (!r.domain.empty() || start > 0) r.domain += '.';
            if (is_ascii(label)) {
                r.domain += label;
            } else {
                r.domain += "xn--";
                r.domain += punycode_encode(label);
            }
            start = dot + 1;
        }
    }
    r.key.append(r.local).append(1, '@').append(r.domain);
    if (s.size() > 254 || r.key.size() > 254) {
        r.problem = EmailProblem::too_long;
    } else if (EmailProblem p = check_local(r.local); p != EmailProblem::none) {
        r.problem = p;
    } else {
        r.problem = check_domain(r.domain);
    }
}

std::string name_key(std::string_view text) {
    std::string folded = nfkc_casefold(trim(text));
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
    }
    return out;
}

std::string company_key(std::string_view text) {
    // English legal-form suffixes are removed before spaces disappear, so "Zinc" keeps its "inc".
    std::string folded = nfkc_casefold(trim(text));
    static const std::array<std::string_view, 12> english_suffixes = {
        " co., ltd.", " co.,ltd.", " co., ltd", " co.ltd.", " corporation", " corp.",
        " inc.",      " inc",      " ltd.",     " ltd",     " llc",         " k.k."};
    for (bool again = true; again;) {
        again = false;
        while (!folded.empty() && (folded.back() == ' ' || folded.back() == ',')) folded.pop_back();
        for (std::string_view suffix : english_suffixes) {
            if (folded.size() > suffix.size() && folded.ends_with(suffix)) {
                folded.resize(folded.size() - suffix.size());
                again = true;
                break;
            }
        }
    }
    std::string key = name_key(folded);
    // After NFKC, ㈱ and （株） are both "(株)" and ㍿ is "株式会社".
    static const std::array<std::string_view, 14> japanese_forms = {
        "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)",
        "(同)",     "(資)",     "(名)",     "(株",      "株)",      "(有",  "有)"};
    for (std::string_view form : japanese_forms) {
        std::size_t p;
        while ((p = key.find(form)) != std::string::npos) key.erase(p, form.size());
    }
    return key;
}

const std::vector<std::string>& default_role_locals() {
    static const std::vector<std::string> roles = {
        "info",      "sales",      "support",  "contact", "admin",    "office",
        "webmaster", "postmaster", "abuse",    "noreply", "no-reply", "marketing",
        "pr",        "press",      "hr",       "recruit", "inquiry",  "inquiries",
        "help",      "service",    "toiawase", "soumu",   "eigyo",    "mail"};
    return roles;
}

bool is_role_address(std::string_view local, const std::vector<std::string>& role_locals) {
    for (const auto& role : role_locals) {
        if (role.size() == local.size() &&
            std::equal(role.begin(), role.end(), local.begin(),
                       [](char a, char b) { return a == ascii_lower(b); }))
            return true;
    }
    return false;
}

bool is_free_mail_domain(std::string_view domain) {
    static constexpr std::array<std::string_view, 28> free_mail = {
        "gmail.com",      "googlemail.com", "yahoo.co.jp",   "yahoo.com",  "ymail.ne.jp",
        "hotmail.com",    "hotmail.co.jp",  "outlook.com",   "outlook.jp", "live.jp",
        "live.com",       "msn.com",        "icloud.com",    "me.com",     "mac.com",
        "aol.com",        "docomo.ne.jp",   "ezweb.ne.jp",   "au.com",     "softbank.ne.jp",
        "i.softbank.jp",  "nifty.com",      "biglobe.ne.jp", "ocn.ne.jp",  "so-net.ne.jp",
        "protonmail.com", "proton.me",      "gmx.com"};
    return std::find(free_mail.begin(), free_mail.end(), domain) != free_mail.end();
}

namespace {
std::string_view first_code_point(std::string_view s) {
    if (s.empty()) return s;
    auto c = static_cast<unsigned char>(s[0]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return s.substr(0, std::min(len, s.size()));
}
}  // namespace

std::string mask_email(std::string_view email) {
    std::string_view s = trim(email);
    if (s.empty()) return "";
    std::size_t at = s.rfind('@');
    if (at == std::string_view::npos) return std::string(first_code_point(s)) + "***";
    return std::string(first_code_point(s.substr(0, at))) + "***" + std::string(s.substr(at));
}

std::string mask_name(std::string_view name) {
    std::string_view s = trim(name);
    if (s.empty()) return "";
    return std::string(first_code_point(s)) + "***";
}

}  // namespace maplan::lists
