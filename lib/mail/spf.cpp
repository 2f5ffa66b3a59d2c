#include "mail/spf.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>

namespace maplan::mail {

namespace {

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
char lower_char(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return lower(a) == lower(b);
}

/// Collects problems for one record; every message names the term it is about.
class Reporter {
  public:
    explicit Reporter(Problems& out) : out_(out) {}
    void error(std::size_t offset, std::size_t length, std::string en, std::string ja) {
        out_.push_back({offset, length, Severity::error, {std::move(en), std::move(ja)}});
    }
    void warning(std::size_t offset, std::size_t length, std::string en, std::string ja) {
        out_.push_back({offset, length, Severity::warning, {std::move(en), std::move(ja)}});
    }

  private:
    Problems& out_;
};

struct Token {
    std::size_t offset;
    std::string_view text;
};

/// Parses "/N" (leading zeros are not allowed by the ABNF: "0" / %x31-39 0*nDIGIT). Returns the
/// value or -1 when the text after "/" is not such a number.
int prefix_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 3) return -1;
    for (char c : digits)
        if (!is_digit(c)) return -1;
    if (digits.size() > 1 && digits.front() == '0') return -1;
    return std::stoi(std::string(digits));
}

/// RFC 7208 §12 ip4-network: four qnum, each 0-255 written without leading zeros.
bool valid_ip4(std::string_view s) {
    int parts = 0;
    std::size_t at = 0;
    while (true) {
        std::size_t dot = s.find('.', at);
        std::string_view q = s.substr(at, dot == std::string_view::npos ? s.npos : dot - at);
        if (q.empty() || q.size() > 3) return false;
        for (char c : q)
            if (!is_digit(c)) return false;
        if (q.size() > 1 && q.front() == '0') return false;
        if (std::stoi(std::string(q)) > 255) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        at = dot + 1;
    }
    return parts == 4;
}

bool valid_ip6(std::string_view s) {
    if (s.empty() || s.size() > 45) return false;
    unsigned char buf[16];
    return inet_pton(AF_INET6, std::string(s).c_str(), buf) == 1;
}

/// The offending character, printable in a message.
std::string show_char(unsigned char c) {
    if (c >= 0x21 && c < 0x7f) return fmt::format("\"{}\"", static_cast<char>(c));
    return fmt::format("0x{:02X}", c);
}

// ----- domain-spec and macro-string (§7.1) -----

/// Letters allowed in a domain-spec. c, r and t are for "exp" explanation text only (§7.1: "The
/// following macro letters are allowed only in 'exp' text").
constexpr std::string_view domain_macro_letters = "slodiphv";
constexpr std::string_view exp_only_letters = "crt";
constexpr std::string_view macro_delimiters = ".-+,/_=";

struct MacroScan {
    bool ok = true;
    bool has_macros = false;
    bool ends_with_macro = false;
    std::size_t literal_tail = 0;  ///< start of the literal text after the last macro-expand
};

/// Checks a macro-string (§7.1): macro-expand = "%{" letter *DIGIT ["r"] *delimiter "}" / "%%" /
/// "%_" / "%-"; macro-literal = %x21-24 / %x26-7E. `base` is the text's offset in the record.
MacroScan scan_macro_string(std::string_view text, std::size_t base, std::string_view term,
                            Reporter& rep) {
    MacroScan scan;
    std::size_t i = 0;
    bool quote_seen = false;
    while (i < text.size()) {
        char c = text[i];
        if (c == '"' && quote_seen) {
            ++i;
            continue;
        }
        if (c == '"') {
            quote_seen = true;  // one problem per term, at its first quote
            rep.error(base + i, 1,
                      fmt::format("term \"{}\" contains a double quote; quotes belong to the zone "
                                  "file, not to the record: write the record without them, or "
                                  "quote the whole record",
                                  term),
                      fmt::format("項目「{}」に二重引用符があります。引用符はゾーンファイルの書式"
                                  "でレコードの一部ではありません。引用符を外すか、レコード全体を"
                                  "引用符で囲んでください",
                                  term));
            scan.ok = false;
            ++i;
            continue;
        }
        if (c != '%') {
            ++i;
            continue;
        }
        char n = i + 1 < text.size() ? text[i + 1] : '\0';
        if (n == '%' || n == '_' || n == '-') {
            scan.has_macros = true;
            i += 2;
            scan.literal_tail = i;
            scan.ends_with_macro = i == text.size();
            continue;
        }
        if (n != '{') {
            rep.error(base + i, n == '\0' ? 1 : 2,
                      fmt::format("term \"{}\": a lone \"%\" is not a macro; write \"%%\" for a "
                                  "percent sign or \"%{{d}}\" for a macro (RFC 7208 §7.1)",
                                  term),
                      fmt::format("項目「{}」: 単独の「%」はマクロではありません。% 記号は「%%」、"
                                  "マクロは「%{{d}}」のように書きます (RFC 7208 第7.1節)",
                                  term));
            scan.ok = false;
            ++i;
            continue;
        }
        std::size_t close = text.find('}', i + 2);
        if (close == std::string_view::npos) {
            rep.error(base + i, text.size() - i,
                      fmt::format("term \"{}\": macro \"{}\" is not closed with \"}}\"", term,
                                  text.substr(i)),
                      fmt::format("項目「{}」: マクロ「{}」が「}}」で閉じていません", term,
                                  text.substr(i)));
            scan.ok = false;
            break;
        }
        std::string_view body = text.substr(i + 2, close - i - 2);
        std::string_view macro = text.substr(i, close - i + 1);
        bool good = true;
        if (body.empty()) {
            rep.error(base + i, macro.size(),
                      fmt::format("term \"{}\": macro \"{}\" has no letter", term, macro),
                      fmt::format("項目「{}」: マクロ「{}」に文字がありません", term, macro));
            good = false;
        } else {
            char letter = lower_char(body.front());
            if (exp_only_letters.find(letter) != std::string_view::npos) {
                rep.error(
                    base + i, macro.size(),
                    fmt::format("term \"{}\": macro letter \"{}\" is allowed only in "
                                "explanation text, not in a domain (RFC 7208 §7.1)",
                                term, body.front()),
                    fmt::format("項目「{}」: マクロ文字「{}」は説明文 (exp の TXT) でのみ使え、"
                                "ドメインには使えません (RFC 7208 第7.1節)",
                                term, body.front()));
                good = false;
            } else if (domain_macro_letters.find(letter) == std::string_view::npos) {
                rep.error(base + i, macro.size(),
                          fmt::format("term \"{}\": unknown macro letter \"{}\"; the letters are "
                                      "s l o d i p h v (c r t in explanations) (RFC 7208 §7.1)",
                                      term, body.front()),
                          fmt::format("項目「{}」: マクロ文字「{}」は定義されていません。使える文字"
                                      "は s l o d i p h v (説明文では c r t も) です (RFC 7208 "
                                      "第7.1節)",
                                      term, body.front()));
                good = false;
            } else {
                std::size_t k = 1;
                while (k < body.size() && is_digit(body[k])) ++k;
                std::string_view digits = body.substr(1, k - 1);
                if (!digits.empty() && digits.find_first_not_of('0') == std::string_view::npos) {
                    rep.error(base + i, macro.size(),
                              fmt::format("term \"{}\": macro \"{}\" keeps zero labels; a digit "
                                          "transformer must be nonzero (RFC 7208 §7.1)",
                                          term, macro),
                              fmt::format("項目「{}」: マクロ「{}」は 0 個のラベルを残す指定です。"
                                          "数字の変換子は 1 以上でなければなりません (RFC 7208 "
                                          "第7.1節)",
                                          term, macro));
                    good = false;
                }
                if (k < body.size() && lower_char(body[k]) == 'r') ++k;
                for (; good && k < body.size(); ++k) {
                    if (macro_delimiters.find(body[k]) != std::string_view::npos) continue;
                    rep.error(base + i, macro.size(),
                              fmt::format("term \"{}\": macro \"{}\" has {} where a delimiter "
                                          "(. - + , / _ =) is expected (RFC 7208 §7.1)",
                                          term, macro, show_char(body[k])),
                              fmt::format("項目「{}」: マクロ「{}」の {} の位置には区切り文字 "
                                          "(. - + , / _ =) が必要です (RFC 7208 第7.1節)",
                                          term, macro, show_char(body[k])));
                    good = false;
                }
            }
        }
        scan.ok = scan.ok && good;
        scan.has_macros = true;
        i = close + 1;
        scan.literal_tail = i;
        scan.ends_with_macro = i == text.size();
    }
    return scan;
}

bool valid_toplabel(std::string_view label) {
    // §7.1: toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" )
    // alphanum ): letters, digits and inner hyphens, not all digits.
    if (label.empty()) return false;
    bool has_alpha = false;
    for (char c : label) {
        if (!is_alnum(c) && c != '-') return false;
        has_alpha |= is_alpha(c);
    }
    if (label.front() == '-' || label.back() == '-') return false;
    return has_alpha || label.find('-') != std::string_view::npos;
}

/// Validates a domain-spec = macro-string domain-end (§7.1). Reports at the domain's offset.
/// Returns false if there was an error.
bool check_domain_spec(std::string_view spec, std::size_t base, std::string_view term,
                       Reporter& rep, bool& has_macros) {
    MacroScan scan = scan_macro_string(spec, base, term, rep);
    has_macros = scan.has_macros;
    if (!scan.ok) return false;
    if (scan.ends_with_macro) return true;
    std::string_view tail = spec;
    if (!tail.empty() && tail.back() == '.') tail.remove_suffix(1);
    std::size_t dot = tail.rfind('.');
    // domain-end = "." toplabel ["."]: the dot must be in the literal text after the last macro.
    if (dot == std::string_view::npos || dot < scan.literal_tail) {
        rep.error(base, spec.size(),
                  fmt::format("term \"{}\": \"{}\" is not a fully qualified domain name; a "
                              "domain-spec ends in \".\" and a top-level label (RFC 7208 §7.1)",
                              term, spec),
                  fmt::format("項目「{}」: 「{}」は完全修飾ドメイン名ではありません。ドメイン"
                              "指定は「.」とトップレベルラベルで終わります (RFC 7208 第7.1節)",
                              term, spec));
        return false;
    }
    std::string_view top = tail.substr(dot + 1);
    if (!valid_toplabel(top)) {
        bool numeric = !top.empty() && std::all_of(top.begin(), top.end(), is_digit);
        rep.error(base, spec.size(),
                  numeric ? fmt::format("term \"{}\": \"{}\" ends in the all-digit label \"{}\"; "
                                        "SPF needs a domain name here, not an IP address (RFC "
                                        "7208 §7.1)",
                                        term, spec, top)
                          : fmt::format("term \"{}\": \"{}\" ends in \"{}\", which is not a valid "
                                        "top-level label (RFC 7208 §7.1)",
                                        term, spec, top),
                  numeric
                      ? fmt::format("項目「{}」: 「{}」は数字だけのラベル「{}」で終わっています。"
                                    "ここには IP アドレスではなくドメイン名が必要です (RFC "
                                    "7208 第7.1節)",
                                    term, spec, top)
                      : fmt::format("項目「{}」: 「{}」の末尾「{}」はトップレベルラベルとして"
                                    "正しくありません (RFC 7208 第7.1節)",
                                    term, spec, top));
        return false;
    }
    if (!scan.has_macros) {
        // RFC 1035 §2.3.4 limits; RFC 7208 §4.3/§4.8 treat such names as non-existent.
        std::size_t at = 0;
        while (at <= tail.size()) {
            std::size_t end = tail.find('.', at);
            if (end == std::string_view::npos) end = tail.size();
            std::size_t len = end - at;
            if (len == 0 || len > 63) {
                rep.warning(base + at, std::max<std::size_t>(len, 1),
                            fmt::format("term \"{}\": \"{}\" has {} label; DNS labels are 1 to 63 "
                                        "characters, so the name never exists",
                                        term, spec, len == 0 ? "an empty" : "a too long"),
                            fmt::format("項目「{}」: 「{}」に{}ラベルがあります。DNS のラベルは 1〜"
                                        "63 文字なので、この名前は存在し得ません",
                                        term, spec, len == 0 ? "空の" : "長すぎる"));
                break;
            }
            at = end + 1;
        }
    }
    return true;
}

/// Where a trailing dual-cidr-length starts in a/mx's "domain/cidr": the first "/" from which
/// only slashes and digits follow; npos if none.
std::size_t cidr_start(std::string_view body) {
    std::size_t start = std::string_view::npos;
    for (std::size_t i = body.size(); i-- > 0;) {
        char c = body[i];
        if (c == '/') {
            start = i;
        } else if (!is_digit(c)) {
            break;
        }
    }
    return start;
}

void prefix_length_error(Reporter& rep, std::size_t offset, std::size_t length,
                         std::string_view term, std::string_view cidr, std::string_view what_en,
                         std::string_view what_ja) {
    rep.error(offset, length,
              fmt::format("term \"{}\": invalid prefix length \"{}\"; {} (RFC 7208 §5.6)", term,
                          cidr, what_en),
              fmt::format("項目「{}」: プレフィックス長「{}」が正しくありません。{} (RFC 7208 "
                          "第5.6節)",
                          term, cidr, what_ja));
}

/// a and mx: dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ], i.e. "/N", "//N"
/// or "/N//M" (§5.3, §5.4, §12).
void parse_dual_cidr(std::string_view cidr, std::size_t base, std::string_view term, SpfTerm& out,
                     Reporter& rep) {
    std::string_view rest = cidr;
    bool ok = true;
    if (rest.size() >= 1 && rest[0] == '/' && (rest.size() < 2 || rest[1] != '/')) {
        std::size_t end = rest.find('/', 1);
        std::string_view digits =
            rest.substr(1, end == std::string_view::npos ? rest.npos : end - 1);
        int n = prefix_number(digits);
        if (n < 0 || n > 32)
            ok = false;
        else
            out.cidr4 = n;
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    if (ok && !rest.empty()) {
        if (rest.size() >= 2 && rest[0] == '/' && rest[1] == '/') {
            int n = prefix_number(rest.substr(2));
            if (n < 0 || n > 128)
                ok = false;
            else
                out.cidr6 = n;
        } else {
            ok = false;
        }
    }
    if (ok) return;
    out.cidr4.reset();
    out.cidr6.reset();
    prefix_length_error(rep, base, cidr.size(), term, cidr,
                        "write /0 to /32 for IPv4 and //0 to //128 for IPv6, as in a/24//64",
                        "IPv4 は /0〜/32、IPv6 は //0〜//128 で、a/24//64 のように書きます");
}

void parse_mechanism(SpfTerm& t, std::string_view rest, std::size_t rest_offset, Reporter& rep) {
    const std::string& term = t.text;
    auto needs_domain = [&](std::string_view example) {
        rep.error(t.offset, t.length,
                  fmt::format("term \"{}\": {} needs a domain after \":\" (e.g. {})", term, t.name,
                              example),
                  fmt::format("項目「{}」: {} には「:」の後にドメインが必要です (例: {})", term,
                              t.name, example));
    };
    auto no_argument = [&]() {
        rep.error(
            t.offset, t.length,
            fmt::format("term \"{}\": \"{}\" takes no argument (RFC 7208 §5.1)", term, t.name),
            fmt::format("項目「{}」: 「{}」には引数を付けられません (RFC 7208 第5.1節)", term,
                        t.name));
    };
    auto no_prefix = [&](std::size_t at, std::size_t len) {
        rep.error(at, len, fmt::format("term \"{}\": {} takes no prefix length", term, t.name),
                  fmt::format("項目「{}」: {} にはプレフィックス長を付けられません", term, t.name));
    };
    switch (t.mechanism) {
        case SpfMechanism::all:
            if (!rest.empty()) no_argument();
            return;
        case SpfMechanism::include:
        case SpfMechanism::exists: {
            if (rest.size() < 2 || rest[0] != ':') {
                needs_domain(t.mechanism == SpfMechanism::include ? "include:_spf.example.com"
                                                                  : "exists:%{i}._spf.example.com");
                return;
            }
            std::string_view spec = rest.substr(1);
            if (std::size_t c = cidr_start(spec); c != std::string_view::npos && c > 0) {
                no_prefix(rest_offset + 1 + c, spec.size() - c);
                return;
            }
            t.argument = std::string(spec);
            t.argument_offset = rest_offset + 1;
            check_domain_spec(spec, t.argument_offset, term, rep, t.has_macros);
            return;
        }
        case SpfMechanism::ptr:
        case SpfMechanism::a:
        case SpfMechanism::mx: {
            std::string_view body = rest;
            std::size_t body_offset = rest_offset;
            if (!body.empty() && body[0] == ':') {
                body.remove_prefix(1);
                ++body_offset;
                std::size_t c = cidr_start(body);
                std::string_view spec = body.substr(0, c);
                if (spec.empty()) {
                    needs_domain(t.mechanism == SpfMechanism::mx    ? "mx:mail.example.com"
                                 : t.mechanism == SpfMechanism::ptr ? "ptr:example.com"
                                                                    : "a:mail.example.com");
                    return;
                }
                t.argument = std::string(spec);
                t.argument_offset = body_offset;
                if (!check_domain_spec(spec, body_offset, term, rep, t.has_macros)) return;
                body = c == std::string_view::npos ? std::string_view{} : body.substr(c);
                body_offset += spec.size();
            }
            if (body.empty()) return;
            if (body[0] != '/') {
                rep.error(
                    t.offset, t.length,
                    fmt::format("term \"{}\": unexpected \"{}\" after {}", term, body, t.name),
                    fmt::format("項目「{}」: {} の後の「{}」は不正です", term, t.name, body));
                return;
            }
            if (t.mechanism == SpfMechanism::ptr) {
                no_prefix(body_offset, body.size());
                return;
            }
            parse_dual_cidr(body, body_offset, term, t, rep);
            return;
        }
        case SpfMechanism::ip4:
        case SpfMechanism::ip6: {
            bool v4 = t.mechanism == SpfMechanism::ip4;
            if (rest.size() < 2 || rest[0] != ':') {
                rep.error(t.offset, t.length,
                          fmt::format("term \"{}\": {} needs an address after \":\" (e.g. {})",
                                      term, t.name, v4 ? "ip4:192.0.2.0/24" : "ip6:2001:db8::/32"),
                          fmt::format("項目「{}」: {} には「:」の後にアドレスが必要です (例: {})",
                                      term, t.name, v4 ? "ip4:192.0.2.0/24" : "ip6:2001:db8::/32"));
                return;
            }
            std::string_view body = rest.substr(1);
            std::size_t body_offset = rest_offset + 1;
            std::size_t slash = body.find('/');
            std::string_view addr = body.substr(0, slash);
            t.argument = std::string(addr);
            t.argument_offset = body_offset;
            bool addr_ok = v4 ? valid_ip4(addr) : valid_ip6(addr);
            if (!addr_ok) {
                bool other = v4 ? valid_ip6(addr) : valid_ip4(addr);
                std::string en = other ? fmt::format(
                                             "term \"{}\": \"{}\" is an IPv{} address; "
                                             "write it as {}:{}",
                                             term, addr, v4 ? 6 : 4, v4 ? "ip6" : "ip4", addr)
                                       : fmt::format(
                                             "term \"{}\": \"{}\" is not a valid IPv{} "
                                             "address (RFC 7208 §5.6)",
                                             term, addr, v4 ? 4 : 6);
                std::string ja = other ? fmt::format(
                                             "項目「{}」: 「{}」は IPv{} アドレスです。"
                                             "{}:{} と書いてください",
                                             term, addr, v4 ? 6 : 4, v4 ? "ip6" : "ip4", addr)
                                       : fmt::format(
                                             "項目「{}」: 「{}」は正しい IPv{} アドレスでは"
                                             "ありません (RFC 7208 第5.6節)",
                                             term, addr, v4 ? 4 : 6);
                rep.error(body_offset, std::max<std::size_t>(addr.size(), 1), std::move(en),
                          std::move(ja));
                t.argument.clear();
                return;
            }
            if (slash == std::string_view::npos) return;
            std::string_view cidr = body.substr(slash);
            int n = prefix_number(cidr.substr(1));
            int max = v4 ? 32 : 128;
            if (n < 0 || n > max) {
                prefix_length_error(rep, body_offset + slash, cidr.size(), term, cidr,
                                    v4 ? "an IPv4 prefix length is /0 to /32"
                                       : "an IPv6 prefix length is /0 to /128",
                                    v4 ? "IPv4 のプレフィックス長は /0〜/32 です"
                                       : "IPv6 のプレフィックス長は /0〜/128 です");
                return;
            }
            (v4 ? t.cidr4 : t.cidr6) = n;
            return;
        }
    }
}

constexpr struct {
    std::string_view name;
    SpfMechanism mechanism;
} mechanisms[] = {
    {"all", SpfMechanism::all}, {"include", SpfMechanism::include}, {"a", SpfMechanism::a},
    {"mx", SpfMechanism::mx},   {"ptr", SpfMechanism::ptr},         {"ip4", SpfMechanism::ip4},
    {"ip6", SpfMechanism::ip6}, {"exists", SpfMechanism::exists},
};

bool is_name_char(char c) {
    return is_alnum(c) || c == '-' || c == '_' || c == '.';
}

SpfTerm parse_term(const Token& tok, Reporter& rep) {
    SpfTerm t;
    t.offset = tok.offset;
    t.length = tok.text.size();
    t.text = std::string(tok.text);
    std::string_view s = tok.text;
    std::size_t i = 0;
    if (std::string_view("+-~?").find(s[0]) != std::string_view::npos) {
        t.qualifier_written = true;
        t.qualifier = s[0] == '+'   ? SpfQualifier::pass
                      : s[0] == '-' ? SpfQualifier::fail
                      : s[0] == '~' ? SpfQualifier::softfail
                                    : SpfQualifier::neutral;
        i = 1;
    }
    std::size_t name_start = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    std::string_view name = s.substr(name_start, i - name_start);
    char next = i < s.size() ? s[i] : '\0';
    if (next == '=') {
        // §4.6.1: "=" right after the name and before any ":" or "/" makes a modifier.
        t.kind = SpfTermKind::modifier;
        t.name = lower(name);
        t.value = std::string(s.substr(i + 1));
        t.value_offset = tok.offset + i + 1;
        if (name.empty()) {
            rep.error(t.offset, t.length,
                      fmt::format("term \"{}\" has no name before \"=\"", t.text),
                      fmt::format("項目「{}」は「=」の前に名前がありません", t.text));
            t.kind = SpfTermKind::invalid;
            return t;
        }
        if (!is_alpha(name.front())) {
            rep.error(t.offset, t.length,
                      fmt::format("term \"{}\": a modifier name starts with a letter (RFC 7208 "
                                  "§4.6.1)",
                                  t.text),
                      fmt::format("項目「{}」: 修飾子の名前は英字で始まります (RFC 7208 第4.6.1節)",
                                  t.text));
            t.kind = SpfTermKind::invalid;
            return t;
        }
        if (t.qualifier_written) {
            rep.error(
                t.offset, 1, fmt::format("term \"{}\": a modifier takes no qualifier", t.text),
                fmt::format("項目「{}」: 修飾子には限定子 (+ - ~ ?) を付けられません", t.text));
            t.kind = SpfTermKind::invalid;
            return t;
        }
        if (t.name == "redirect" || t.name == "exp") {
            if (t.value.empty()) {
                rep.error(t.offset, t.length,
                          fmt::format("term \"{}\": {}= needs a domain (e.g. {}=_spf.example.com)",
                                      t.text, t.name, t.name),
                          fmt::format("項目「{}」: {}= にはドメインが必要です (例: "
                                      "{}=_spf.example.com)",
                                      t.text, t.name, t.name));
                t.kind = SpfTermKind::invalid;
                return t;
            }
            if (!check_domain_spec(t.value, t.value_offset, t.text, rep, t.has_macros))
                t.kind = SpfTermKind::invalid;
            return t;
        }
        MacroScan scan = scan_macro_string(t.value, t.value_offset, t.text, rep);
        t.has_macros = scan.has_macros;
        if (!scan.ok) {
            t.kind = SpfTermKind::invalid;
            return t;
        }
        rep.warning(t.offset, t.length,
                    fmt::format("term \"{}\": unknown modifier \"{}\" is ignored by receivers "
                                "(RFC 7208 §6)",
                                t.text, name),
                    fmt::format("項目「{}」: 未知の修飾子「{}」は受信側で無視されます (RFC 7208 "
                                "第6節)",
                                t.text, name));
        return t;
    }
    std::string lname = lower(name);
    for (const auto& m : mechanisms) {
        if (lname != m.name) continue;
        t.kind = SpfTermKind::mechanism;
        t.mechanism = m.mechanism;
        t.name = lname;
        parse_mechanism(t, s.substr(i), tok.offset + i, rep);
        return t;
    }
    t.kind = SpfTermKind::invalid;
    if ((lname == "redirect" || lname == "exp") && next == ':') {
        rep.error(t.offset, t.length,
                  fmt::format("term \"{}\": {} is a modifier and is written with \"=\": {}={}",
                              t.text, lname, lname, s.substr(i + 1)),
                  fmt::format("項目「{}」: {} は修飾子なので「=」で書きます: {}={}", t.text, lname,
                              lname, s.substr(i + 1)));
    } else if (name.empty()) {
        rep.error(t.offset, t.length,
                  fmt::format("term \"{}\" is not an SPF mechanism or modifier", t.text),
                  fmt::format("項目「{}」は SPF のメカニズムでも修飾子でもありません", t.text));
    } else {
        rep.error(t.offset, t.length,
                  fmt::format("term \"{}\": unknown mechanism \"{}\"; the mechanisms are all, "
                              "include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)",
                              t.text, name),
                  fmt::format("項目「{}」: 未知のメカニズム「{}」です。メカニズムは all・include・"
                              "a・mx・ptr・ip4・ip6・exists です (RFC 7208 第5節)",
                              t.text, name));
    }
    return t;
}

/// Reports characters no SPF record may hold (§3.1 US-ASCII, §4.6.1 terms separated by SP
/// only). Returns the offsets of bad bytes so their terms are not parsed a second time.
std::vector<bool> check_characters(std::string_view record, Reporter& rep) {
    std::vector<bool> bad(record.size(), false);
    for (std::size_t i = 0; i < record.size();) {
        auto c = static_cast<unsigned char>(record[i]);
        if (c >= 0x80) {
            std::size_t j = i;
            while (j < record.size() && static_cast<unsigned char>(record[j]) >= 0x80)
                bad[j++] = true;
            rep.error(i, j - i,
                      "non-ASCII character in the SPF record; SPF records are US-ASCII only "
                      "(RFC 7208 §3.1)",
                      "SPF レコードに ASCII 以外の文字があります。SPF レコードは US-ASCII のみです "
                      "(RFC 7208 第3.1節)");
            i = j;
        } else if (c < 0x20 || c == 0x7f) {
            bad[i] = true;
            rep.error(i, 1,
                      fmt::format("control character 0x{:02X} in the SPF record; terms are "
                                  "separated by spaces only (RFC 7208 §4.6.1)",
                                  c),
                      fmt::format("SPF レコードに制御文字 0x{:02X} があります。項目の区切りは空白"
                                  "だけです (RFC 7208 第4.6.1節)",
                                  c));
            ++i;
        } else {
            ++i;
        }
    }
    return bad;
}

}  // namespace

SpfRecord parse_spf(std::string_view record) {
    SpfRecord r;
    Reporter rep(r.problems);
    if (record.find_first_not_of(' ') == std::string_view::npos) {
        rep.error(0, record.size(), "SPF record is empty", "SPF レコードが空です");
        return r;
    }
    std::vector<bool> bad = check_characters(record, rep);
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < record.size();) {
        if (record[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = record.find(' ', i);
        if (end == std::string_view::npos) end = record.size();
        tokens.push_back({i, record.substr(i, end - i)});
        i = end;
    }
    if (record.front() == ' ') {
        std::size_t n = record.find_first_not_of(' ');
        rep.error(0, n,
                  "SPF record starts with white space; it must start with \"v=spf1\" (RFC 7208 "
                  "§4.5)",
                  "SPF レコードが空白で始まっています。「v=spf1」で始めてください (RFC 7208 "
                  "第4.5節)");
    }
    std::size_t first = 0;
    if (iequals(tokens.front().text, "v=spf1")) {
        r.is_spf = record.front() != ' ';
        SpfTerm v;
        v.offset = tokens.front().offset;
        v.length = tokens.front().text.size();
        v.text = std::string(tokens.front().text);
        v.kind = SpfTermKind::version;
        r.terms.push_back(std::move(v));
        first = 1;
    } else if (record.front() != ' ') {
        rep.error(tokens.front().offset, tokens.front().text.size(),
                  "SPF record does not start with \"v=spf1\" (RFC 7208 §4.5)",
                  "SPF レコードが「v=spf1」で始まっていません (RFC 7208 第4.5節)");
        // "spf1 ..." or "v=spf10": the first word is the broken version, not a term.
        first = 1;
    }
    std::size_t all_index = std::string_view::npos;
    constexpr std::size_t none = std::string_view::npos;
    std::size_t redirect = none, exp = none;  // indices into r.terms (it grows in the loop)
    for (std::size_t k = first; k < tokens.size(); ++k) {
        const Token& tok = tokens[k];
        bool has_bad = false;
        for (std::size_t b = tok.offset; b < tok.offset + tok.text.size(); ++b) has_bad |= bad[b];
        if (iequals(tok.text, "v=spf1")) {
            rep.error(
                tok.offset, tok.text.size(),
                "a second \"v=spf1\" inside the SPF record: two records were run together; "
                "publish exactly one SPF record per domain (RFC 7208 §4.5)",
                "SPF レコードの途中に 2 つ目の「v=spf1」があります。2 つのレコードがつながって"
                "います。SPF レコードはドメインごとに 1 つだけにしてください (RFC 7208 "
                "第4.5節)");
            continue;
        }
        if (has_bad) {
            SpfTerm t;
            t.offset = tok.offset;
            t.length = tok.text.size();
            t.text = std::string(tok.text);
            r.terms.push_back(std::move(t));
            continue;
        }
        r.terms.push_back(parse_term(tok, rep));
        const SpfTerm& t = r.terms.back();
        if (t.kind == SpfTermKind::mechanism) {
            if (all_index != std::string_view::npos) {
                rep.warning(t.offset, t.length,
                            fmt::format("term \"{}\" comes after \"all\" and is never evaluated "
                                        "(RFC 7208 §5.1)",
                                        t.text),
                            fmt::format("項目「{}」は「all」の後にあり、評価されません (RFC 7208 "
                                        "第5.1節)",
                                        t.text));
            }
            if (t.mechanism == SpfMechanism::all) {
                if (all_index == std::string_view::npos) all_index = r.terms.size() - 1;
                if (t.qualifier == SpfQualifier::pass) {
                    rep.error(t.offset, t.length,
                              t.qualifier_written
                                  ? std::string("\"+all\" lets every server on the internet send "
                                                "as this domain")
                                  : std::string("\"all\" without a qualifier means \"+all\": every "
                                                "server on the internet may send as this domain"),
                              t.qualifier_written
                                  ? std::string("「+all」はインターネット上のどのサーバーにもこの"
                                                "ドメインでの送信を許可します")
                                  : std::string("限定子のない「all」は「+all」と同じで、インター"
                                                "ネット上のどのサーバーにもこのドメインでの送信を"
                                                "許可します"));
                }
            }
        } else if (t.kind == SpfTermKind::modifier && (t.name == "redirect" || t.name == "exp")) {
            std::size_t& seen = t.name == "redirect" ? redirect : exp;
            if (seen != none) {
                rep.error(t.offset, t.length,
                          fmt::format("term \"{}\": \"{}\" appears more than once; it may appear "
                                      "at most once (RFC 7208 §6)",
                                      t.text, t.name),
                          fmt::format("項目「{}」: 「{}」が複数回あります。1 回までです (RFC 7208 "
                                      "第6節)",
                                      t.text, t.name));
            } else {
                seen = r.terms.size() - 1;
            }
        }
    }
    if (redirect != none && all_index != none) {
        const SpfTerm& t = r.terms[redirect];
        rep.warning(t.offset, t.length,
                    fmt::format("term \"{}\" is ignored because the record has an \"all\" "
                                "mechanism (RFC 7208 §6.1)",
                                t.text),
                    fmt::format("項目「{}」は、レコードに「all」があるため無視されます (RFC 7208 "
                                "第6.1節)",
                                t.text));
    }
    if (record.size() > spf_max_record_bytes) {
        rep.warning(0, record.size(),
                    fmt::format("SPF record of {} bytes; keep it within {} so the DNS answer fits "
                                "one UDP packet (RFC 7208 §3.4)",
                                record.size(), spf_max_record_bytes),
                    fmt::format("SPF レコードが {} バイトです。DNS の応答が UDP 1 パケットに収まる"
                                "よう {} バイト以内にしてください (RFC 7208 第3.4節)",
                                record.size(), spf_max_record_bytes));
        r.problems.back().code = "spf-record-length";
    }
    std::stable_sort(r.problems.begin(), r.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
    return r;
}

std::vector<SpfLookup> spf_lookups(const SpfRecord& record) {
    std::vector<SpfLookup> out;
    bool has_all = std::any_of(record.terms.begin(), record.terms.end(), [](const SpfTerm& t) {
        return t.kind == SpfTermKind::mechanism && t.mechanism == SpfMechanism::all;
    });
    for (std::size_t i = 0; i < record.terms.size(); ++i) {
        const SpfTerm& t = record.terms[i];
        if (t.kind == SpfTermKind::mechanism) {
            switch (t.mechanism) {
                case SpfMechanism::include:
                case SpfMechanism::a:
                case SpfMechanism::mx:
                case SpfMechanism::ptr:
                case SpfMechanism::exists:
                    out.push_back({i, t.name, lower(t.argument), t.has_macros});
                    break;
                default:
                    break;
            }
        } else if (t.kind == SpfTermKind::modifier && t.name == "redirect" && !has_all) {
            out.push_back({i, "redirect", lower(t.value), t.has_macros});
        }
    }
    return out;
}

}  // namespace maplan::mail
