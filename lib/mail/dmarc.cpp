#include "mail/dmarc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

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
bool is_wsp(char c) {
    return c == ' ' || c == '\t';
}
char lower_char(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

constexpr std::string_view known_tags[] = {"v",  "p",   "sp", "np",  "adkim", "aspf",
                                           "fo", "psd", "t",  "rua", "ruf"};
constexpr std::string_view removed_tags[] = {"pct", "rf", "ri"};

bool contains(std::span<const std::string_view> list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

class Reporter {
  public:
    explicit Reporter(Problems& out) : out_(out) {}
    Problem& error(std::size_t offset, std::size_t length, std::string en, std::string ja) {
        out_.push_back({offset, length, Severity::error, {std::move(en), std::move(ja)}, {}});
        return out_.back();
    }
    Problem& warning(std::size_t offset, std::size_t length, std::string en, std::string ja) {
        out_.push_back({offset, length, Severity::warning, {std::move(en), std::move(ja)}, {}});
        return out_.back();
    }

  private:
    Problems& out_;
};

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    c = lower_char(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/// RFC 5322 atext, the characters of a dot-atom local part.
bool is_atext(char c) {
    return is_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool valid_hostname(std::string_view domain) {
    if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos)
        return false;
    std::size_t at = 0;
    std::string_view last;
    while (at <= domain.size()) {
        std::size_t end = domain.find('.', at);
        if (end == std::string_view::npos) end = domain.size();
        std::string_view label = domain.substr(at, end - at);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label)
            if (!is_alnum(c) && c != '-' && c != '_') return false;
        last = label;
        at = end + 1;
    }
    return !std::all_of(last.begin(), last.end(), is_digit);
}

bool valid_local_part(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos)
        return false;
    return std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || is_atext(c); });
}

/// Parses one URI of a rua/ruf list (§4.8 dmarc-uri / obs-dmarc-uri).
DmarcUri parse_uri(std::string_view text, std::size_t offset, std::string_view tag, Reporter& rep) {
    DmarcUri u;
    u.offset = offset;
    u.length = text.size();
    u.text = std::string(text);
    std::string_view uri = text;
    if (std::size_t bang = uri.rfind('!'); bang != std::string_view::npos) {
        std::string_view size = uri.substr(bang + 1);
        std::size_t digits = 0;
        while (digits < size.size() && is_digit(size[digits])) ++digits;
        bool ok = digits > 0 &&
                  (digits == size.size() ||
                   (digits + 1 == size.size() &&
                    std::string_view("kmgtKMGT").find(size.back()) != std::string_view::npos));
        if (!ok) {
            rep.error(offset + bang, text.size() - bang,
                      fmt::format("{}: size limit \"{}\" is not a number with an optional k, m, g "
                                  "or t (RFC 9989 §4.8)",
                                  tag, uri.substr(bang)),
                      fmt::format("{}: サイズ上限「{}」は数字 (k・m・g・t を付けてもよい) ではあり"
                                  "ません (RFC 9989 第4.8節)",
                                  tag, uri.substr(bang)));
            return u;
        }
        u.size = std::string(size);
        rep.warning(offset + bang, text.size() - bang,
                    fmt::format("{}: the size limit \"{}\" is obsolete; RFC 9989 reporters ignore "
                                "it (RFC 7489 reporters still honour it)",
                                tag, uri.substr(bang)),
                    fmt::format("{}: サイズ上限「{}」は廃止された書式で、RFC 9989 の送信側は無視"
                                "します (RFC 7489 の送信側はまだ従います)",
                                tag, uri.substr(bang)));
        uri = uri.substr(0, bang);
    }
    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
    std::size_t colon = uri.find(':');
    bool has_scheme = colon != std::string_view::npos && colon > 0 && is_alpha(uri[0]) &&
                      std::all_of(uri.begin(), uri.begin() + static_cast<long>(colon), [](char c) {
                          return is_alnum(c) || c == '+' || c == '-' || c == '.';
                      });
    if (!has_scheme) {
        if (uri.find('@') != std::string_view::npos) {
            rep.error(offset, uri.size(),
                      fmt::format("{}: \"{}\" is an address, not a URI; write \"mailto:{}\"", tag,
                                  uri, uri),
                      fmt::format("{}: 「{}」はアドレスで URI ではありません。「mailto:{}」と書いて"
                                  "ください",
                                  tag, uri, uri));
        } else {
            rep.error(offset, std::max<std::size_t>(uri.size(), 1),
                      fmt::format("{}: \"{}\" is not a URI; report addresses are written "
                                  "\"mailto:dmarc@example.com\" (RFC 9989 §4.7)",
                                  tag, uri),
                      fmt::format("{}: 「{}」は URI ではありません。レポートの送付先は "
                                  "「mailto:dmarc@example.com」の形で書きます (RFC 9989 第4.7節)",
                                  tag, uri));
        }
        return u;
    }
    u.scheme = lower(uri.substr(0, colon));
    if (u.scheme != "mailto") {
        rep.error(offset, uri.size(),
                  fmt::format("{}: \"{}\" uses the {}: scheme; receivers are only required to "
                              "send reports by mailto: and ignore other schemes, so no report "
                              "arrives (RFC 9989 §4.7)",
                              tag, uri, u.scheme),
                  fmt::format("{}: 「{}」は {}: スキームです。受信側に求められているのは mailto: "
                              "での送付だけで、他のスキームは無視されるため、レポートは届きません "
                              "(RFC 9989 第4.7節)",
                              tag, uri, u.scheme));
        return u;
    }
    std::string_view rest = uri.substr(colon + 1);
    rest = rest.substr(0, rest.find('?'));  // RFC 6068 header fields (?subject=...) are allowed
    std::string address;
    bool decoded = true;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '%') {
            int hi = i + 2 < rest.size() ? hex_value(rest[i + 1]) : -1;
            int lo = i + 2 < rest.size() ? hex_value(rest[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                decoded = false;
                break;
            }
            address += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            address += c;
        }
    }
    std::size_t at = address.rfind('@');
    bool ok = decoded && at != std::string::npos &&
              valid_local_part(std::string_view(address).substr(0, at)) &&
              valid_hostname(std::string_view(address).substr(at + 1));
    if (!ok) {
        rep.error(
            offset, uri.size(),
            fmt::format("{}: \"{}\" does not hold a valid email address (local@domain.example)",
                        tag, uri),
            fmt::format("{}: 「{}」に正しいメールアドレス (local@domain.example) がありません", tag,
                        uri));
        return u;
    }
    u.address = address;
    u.domain = lower(std::string_view(address).substr(at + 1));
    u.valid = true;
    return u;
}

void check_value(DmarcTag& tag, Reporter& rep) {
    const std::string& n = tag.name;
    std::string v = lower(tag.value);
    auto bad = [&](std::string_view allowed_en, std::string_view allowed_ja) {
        rep.error(tag.offset, tag.length,
                  fmt::format("DMARC tag {}={} is not {}", n, tag.value, allowed_en),
                  fmt::format("DMARC の {}={} は{}ではありません", n, tag.value, allowed_ja));
    };
    if (n == "p" || n == "sp" || n == "np") {
        if (v != "none" && v != "quarantine" && v != "reject")
            bad("none, quarantine or reject", " none・quarantine・reject のいずれ");
    } else if (n == "adkim" || n == "aspf") {
        if (v != "r" && v != "s") bad("r or s", " r か s ");
    } else if (n == "t") {
        if (v != "y" && v != "n") bad("y or n", " y か n ");
    } else if (n == "psd") {
        if (v != "y" && v != "n" && v != "u") bad("y, n or u", " y・n・u のいずれ");
    } else if (n == "fo") {
        // §4.8 dmarc-fo: colon-separated 0 1 d s; "0" and "1" exclude each other; each once.
        std::string seen;
        bool ok = true;
        std::size_t at = 0;
        while (ok && at <= v.size()) {
            std::size_t end = v.find(':', at);
            if (end == std::string::npos) end = v.size();
            std::string_view item = std::string_view(v).substr(at, end - at);
            if (item.size() != 1 ||
                std::string_view("01ds").find(item[0]) == std::string_view::npos ||
                seen.find(item[0]) != std::string::npos)
                ok = false;
            else
                seen += item[0];
            at = end + 1;
        }
        if (ok && seen.find('0') != std::string::npos && seen.find('1') != std::string::npos)
            ok = false;
        if (!ok)
            bad("a colon-separated list of 0, 1, d and s (0 and 1 not both, each once)",
                " 0・1・d・s をコロンで区切ったもの (0 と 1 は併用不可、各 1 回)");
    } else if (n == "rua" || n == "ruf") {
        std::size_t at = 0;
        std::string_view value = tag.value;
        while (at <= value.size()) {
            std::size_t end = value.find(',', at);
            if (end == std::string_view::npos) end = value.size();
            std::size_t b = at, e = end;
            while (b < e && is_wsp(value[b])) ++b;
            while (e > b && is_wsp(value[e - 1])) --e;
            std::string_view item = value.substr(b, e - b);
            if (item.empty()) {
                rep.error(tag.value_offset + at, 1,
                          fmt::format("{}: empty entry in the URI list", n),
                          fmt::format("{}: URI の一覧に空の項目があります", n));
            } else if (item.find_first_of(" \t") != std::string_view::npos) {
                rep.error(tag.value_offset + b, item.size(),
                          fmt::format("{}: \"{}\" contains white space; separate URIs with commas",
                                      n, item),
                          fmt::format("{}: 「{}」に空白があります。URI はコンマで区切ってください",
                                      n, item));
            } else {
                tag.uris.push_back(parse_uri(item, tag.value_offset + b, n, rep));
            }
            at = end + 1;
        }
    }
}

}  // namespace

const DmarcTag* DmarcRecord::find(std::string_view name) const {
    for (const DmarcTag& t : tags)
        if (t.name == name) return &t;
    return nullptr;
}

DmarcRecord parse_dmarc(std::string_view record) {
    DmarcRecord r;
    Reporter rep(r.problems);
    if (record.find_first_not_of(" \t") == std::string_view::npos) {
        rep.error(0, record.size(), "DMARC record is empty", "DMARC レコードが空です");
        return r;
    }
    if (is_wsp(record.front())) {
        rep.error(0, record.find_first_not_of(" \t"),
                  "DMARC record starts with white space; it must start with \"v=DMARC1\" (RFC "
                  "9989 §4.8)",
                  "DMARC レコードが空白で始まっています。「v=DMARC1」で始めてください (RFC 9989 "
                  "第4.8節)");
    }
    // Characters: dmarc-value is %x20-3A / %x3C-7E; tabs are WSP around separators.
    std::vector<bool> bad(record.size(), false);
    for (std::size_t i = 0; i < record.size(); ++i) {
        auto c = static_cast<unsigned char>(record[i]);
        if (c == '\t' || (c >= 0x20 && c < 0x7f)) continue;
        std::size_t j = i;
        while (j < record.size() &&
               (static_cast<unsigned char>(record[j]) >= 0x80 ||
                static_cast<unsigned char>(record[j]) < 0x20 ||
                static_cast<unsigned char>(record[j]) == 0x7f) &&
               record[j] != '\t')
            bad[j++] = true;
        rep.error(i, j - i,
                  c >= 0x80
                      ? std::string("non-ASCII character in the DMARC record (RFC 9989 §4.8)")
                      : fmt::format("control character 0x{:02X} in the DMARC record (RFC 9989 "
                                    "§4.8)",
                                    c),
                  c >= 0x80 ? std::string("DMARC レコードに ASCII 以外の文字があります (RFC 9989 "
                                          "第4.8節)")
                            : fmt::format("DMARC レコードに制御文字 0x{:02X} があります (RFC 9989 "
                                          "第4.8節)",
                                          c));
        i = j - 1;
    }
    // Split into tags at ";".
    std::size_t at = 0;
    bool first = true;
    std::vector<std::string> seen;
    while (at <= record.size()) {
        std::size_t end = record.find(';', at);
        if (end == std::string_view::npos) end = record.size();
        std::size_t b = at, e = end;
        while (b < e && is_wsp(record[b])) ++b;
        while (e > b && is_wsp(record[e - 1])) --e;
        std::string_view part = record.substr(b, e - b);
        bool last = end == record.size();
        at = end + 1;
        if (part.empty()) {
            if (!last) {
                rep.warning(end, 1, "empty tag between semicolons in the DMARC record",
                            "DMARC レコードのセミコロンの間に空のタグがあります");
            }
            first = false;
            continue;
        }
        bool has_bad = std::any_of(bad.begin() + static_cast<long>(b),
                                   bad.begin() + static_cast<long>(e), [](bool x) { return x; });
        DmarcTag tag;
        tag.offset = b;
        tag.length = part.size();
        std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            rep.error(
                b, part.size(),
                fmt::format("DMARC tag \"{}\" has no \"=\"; tags are written name=value", part),
                fmt::format("DMARC のタグ「{}」に「=」がありません。タグは 名前=値 の形です",
                            part));
            if (first) {
                rep.error(b, part.size(), "DMARC record does not start with \"v=DMARC1\"",
                          "DMARC レコードが「v=DMARC1」で始まっていません");
            }
            first = false;
            continue;
        }
        std::string_view name = part.substr(0, eq);
        while (!name.empty() && is_wsp(name.back())) name.remove_suffix(1);
        std::size_t vb = eq + 1;
        while (vb < part.size() && is_wsp(part[vb])) ++vb;
        tag.name = std::string(name);
        tag.value = std::string(part.substr(vb));
        tag.value_offset = b + vb;
        tag.known = contains(known_tags, tag.name);
        bool was_first = first;
        first = false;
        if (was_first) {
            if (tag.name != "v" || tag.value != "DMARC1") {
                if (tag.name == "v" && lower(tag.value) == "dmarc1") {
                    rep.error(
                        b, part.size(),
                        fmt::format("DMARC record starts with \"{}\"; the version is case-"
                                    "sensitive: \"v=DMARC1\" (RFC 9989 §4.7)",
                                    part),
                        fmt::format("DMARC レコードが「{}」で始まっています。バージョンは大文字"
                                    "小文字を区別し「v=DMARC1」です (RFC 9989 第4.7節)",
                                    part));
                    r.tags.push_back(std::move(tag));
                    seen.push_back("v");
                    continue;
                }
                rep.error(b, part.size(), "DMARC record does not start with \"v=DMARC1\"",
                          "DMARC レコードが「v=DMARC1」で始まっていません");
                // Not a version tag: check it like any other tag below.
            } else {
                r.is_dmarc = !is_wsp(record.front());
                r.tags.push_back(std::move(tag));
                seen.push_back("v");
                continue;
            }
        }
        if (has_bad) {
            r.tags.push_back(std::move(tag));
            continue;
        }
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_alpha)) {
            rep.error(
                b, part.size(),
                fmt::format("DMARC tag \"{}\": a tag name is letters only (RFC 9989 §4.8)", part),
                fmt::format("DMARC のタグ「{}」: タグ名は英字だけです (RFC 9989 第4.8節)", part));
            continue;
        }
        if (tag.value.empty()) {
            rep.error(b, part.size(), fmt::format("DMARC tag {} has no value", tag.name),
                      fmt::format("DMARC のタグ {} に値がありません", tag.name));
            r.tags.push_back(std::move(tag));
            continue;
        }
        if (std::find(seen.begin(), seen.end(), tag.name) != seen.end()) {
            rep.error(b, part.size(),
                      fmt::format("DMARC tag {} appears more than once; a tag-list holds each tag "
                                  "once, or the whole record is invalid (RFC 6376 §3.2)",
                                  tag.name),
                      fmt::format("DMARC のタグ {} が複数回あります。タグは 1 回だけで、重複すると"
                                  "レコード全体が無効です (RFC 6376 第3.2節)",
                                  tag.name));
            r.tags.push_back(std::move(tag));
            continue;
        }
        seen.push_back(tag.name);
        if (tag.name == "v") {
            rep.error(b, part.size(), "DMARC tag v must be the first tag (RFC 9989 §4.7)",
                      "DMARC のタグ v は先頭に置かなければなりません (RFC 9989 第4.7節)");
        } else if (contains(removed_tags, tag.name)) {
            rep.warning(
                   b, part.size(),
                   fmt::format("DMARC tag {} was removed by RFC 9989 and is ignored{}", tag.name,
                               tag.name == "pct" ? "; the policy applies to all mail" : ""),
                   fmt::format("DMARC のタグ {} は RFC 9989 で廃止され、無視されます{}", tag.name,
                               tag.name == "pct" ? "。ポリシーはすべてのメールに適用されます" : ""))
                .code = "dmarc-removed-tag";
        } else if (!tag.known) {
            std::string l = lower(tag.name);
            bool case_only = contains(known_tags, l) || contains(removed_tags, l);
            rep.warning(b, part.size(),
                        case_only
                            ? fmt::format("DMARC tag \"{}\" is unknown and ignored; tag names "
                                          "are case-sensitive: write \"{}\"",
                                          tag.name, l)
                            : fmt::format("DMARC tag \"{}\" is unknown and ignored (RFC 9989 "
                                          "§4.7)",
                                          tag.name),
                        case_only ? fmt::format("DMARC のタグ「{}」は未知のタグとして無視されます。"
                                                "タグ名は大文字小文字を区別するので「{}」と書いて"
                                                "ください",
                                                tag.name, l)
                                  : fmt::format("DMARC のタグ「{}」は未知のタグとして無視されます "
                                                "(RFC 9989 第4.7節)",
                                                tag.name));
        } else {
            check_value(tag, rep);
        }
        r.tags.push_back(std::move(tag));
    }
    // What a receiver does with the policy (§4.10.1), and what RFC 7489 receivers do.
    const DmarcTag* p = r.find("p");
    bool rua_ok = false;
    if (const DmarcTag* rua = r.find("rua"))
        rua_ok = std::any_of(rua->uris.begin(), rua->uris.end(),
                             [](const DmarcUri& u) { return u.valid; });
    std::string pv = p ? lower(p->value) : "";
    bool p_valid = pv == "none" || pv == "quarantine" || pv == "reject";
    if (r.is_dmarc) r.policy = p_valid ? pv : (rua_ok ? "none" : "");
    if (r.is_dmarc && p == nullptr) {
        if (rua_ok) {
            rep.warning(record.size(), 0,
                        "DMARC record has no p tag: RFC 9989 reads it as p=none because rua is "
                        "valid, but RFC 7489 receivers ignore a record without p; write p=none "
                        "(RFC 9989 §4.10.1)",
                        "DMARC レコードに p タグがありません。rua が正しいので RFC 9989 では "
                        "p=none として扱われますが、RFC 7489 の受信側は p のないレコードを無視"
                        "します。p=none と書いてください (RFC 9989 第4.10.1節)");
        } else {
            rep.error(record.size(), 0,
                      "DMARC record has no p tag and no valid rua address, so receivers apply no "
                      "DMARC processing (RFC 9989 §4.10.1)",
                      "DMARC レコードに p タグも正しい rua の送付先もないため、受信側は DMARC の"
                      "処理を行いません (RFC 9989 第4.10.1節)");
        }
    } else if (r.is_dmarc && r.tags.size() >= 2 && r.tags[1].name != "p") {
        rep.warning(p->offset, p->length,
                    "p is not the second tag; RFC 9989 allows any order, but RFC 7489 receivers "
                    "require p right after v",
                    "p が 2 番目のタグではありません。RFC 9989 では順序は自由ですが、RFC 7489 の"
                    "受信側は v の直後に p を求めます");
    }
    if (r.find("fo") != nullptr && r.find("ruf") == nullptr) {
        const DmarcTag* fo = r.find("fo");
        rep.warning(fo->offset, fo->length,
                    "DMARC tag fo has no effect without ruf (RFC 9989 §4.7)",
                    "DMARC のタグ fo は ruf がないと効果がありません (RFC 9989 第4.7節)");
    }
    std::stable_sort(r.problems.begin(), r.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
    return r;
}

std::vector<DmarcReportUri> dmarc_report_uris(const DmarcRecord& record) {
    std::vector<DmarcReportUri> out;
    for (const DmarcTag& t : record.tags) {
        if (t.name != "rua" && t.name != "ruf") continue;
        for (const DmarcUri& u : t.uris)
            if (u.valid) out.push_back({t.name, u});
    }
    return out;
}

}  // namespace maplan::mail
