#include "lists/exclusions.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "lists/fields.hpp"
#include "lists/normalize.hpp"
#include "lists/table_reader.hpp"

namespace maplan::lists {

namespace {

constexpr ReasonInfo reasons[] = {
    {"optout", {"the person opted out or unsubscribed", "本人が配信停止・オプトアウトした"}, true},
    {"bounce",
     {"hard bounce: the address does not receive mail", "不達(ハードバウンス): 届かないアドレス"},
     false},
    {"complaint", {"the person reported the mail as spam", "本人が迷惑メールとして報告した"}, true},
    {"competitor", {"a competitor's address or domain", "競合企業のアドレス・ドメイン"}, false},
    {"internal", {"our own staff or group companies", "自社・グループ会社"}, false},
    {"role",
     {"a role address (info@, sales@ ...), not a person", "役割アドレス(info@、sales@ など)"},
     false},
    {"legal",
     {"a legal hold or a request by the authorities", "法的な理由(差止め・当局の要請など)"},
     false},
    {"other", {"any other reason (say which in your records)", "その他(理由は別途記録)"}, false},
};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string reason_list() {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : ", ") + std::string(r.id);
    return out;
}

/// Strips matching quotes around `s`, and one-sided leftovers ("sato@x.jp\"" from a broken
/// paste): ASCII quotes and the Japanese and typographic ones.
std::string_view strip_quotes(std::string_view s) {
    static constexpr std::string_view quotes[] = {"\"",
                                                  "'",
                                                  "`",
                                                  "\xE2\x80\x9C",
                                                  "\xE2\x80\x9D",
                                                  "\xE2\x80\x98",
                                                  "\xE2\x80\x99",
                                                  "\xE3\x80\x8C",
                                                  "\xE3\x80\x8D"};
    for (bool again = true; again;) {
        again = false;
        for (auto q : quotes) {
            if (s.starts_with(q)) {
                s.remove_prefix(q.size());
                again = true;
            }
            if (s.ends_with(q)) {
                s.remove_suffix(q.size());
                again = true;
            }
        }
        s = trim_unicode_space(s);
    }
    return s;
}

}  // namespace

std::span<const ReasonInfo> all_reasons() {
    return reasons;
}

bool is_valid_reason(std::string_view reason) {
    for (const auto& r : reasons) {
        if (r.id == reason) return true;
    }
    return false;
}

bool is_refusal_reason(std::string_view reason) {
    for (const auto& r : reasons) {
        if (r.id == reason) return r.refusal;
    }
    return false;
}

void check_reason(std::string_view reason) {
    if (is_valid_reason(reason)) return;
    std::vector<std::string_view> ids;
    for (const auto& r : reasons) ids.push_back(r.id);
    const auto guess = closest_match(reason, ids);
    throw UsageError(
        {fmt::format("unknown reason \"{}\"{} (allowed: {})", reason,
                     guess ? fmt::format("; did you mean \"{}\"?", *guess) : "", reason_list()),
         fmt::format("不明な理由「{}」です{}(使える理由: {})", reason,
                     guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "",
                     reason_list())});
}

ExclusionEntry parse_exclusion_entry(std::string_view raw) {
    ExclusionEntry entry;
    std::string folded = nfkc_text(raw);
    std::string_view s = trim_unicode_space(folded);
    // A comment: "#" at the start, or after white space ("a#b@x.jp" is a valid address).
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            s = s.substr(0, i);
            break;
        }
    }
    auto strip_trailing = [&] {
        for (bool again = true; again;) {
            s = strip_quotes(trim_unicode_space(s));
            again = !s.empty() && (s.back() == ';' || s.back() == ',');
            if (again) s.remove_suffix(1);
        }
    };
    strip_trailing();
    if (s.empty()) return entry;
    // "Hanako Sato <hanako@example.co.jp>": the address is between the last angle brackets.
    if (s.back() == '>') {
        const auto open = s.rfind('<');
        if (open != std::string_view::npos) {
            s = s.substr(open + 1, s.size() - open - 2);
            strip_trailing();
        }
    }
    if (s.size() >= 7 && lower_ascii(s.substr(0, 7)) == "mailto:") s.remove_prefix(7);
    if (s.find('@') != std::string_view::npos) {
        NormalizedEmail email = normalize_email(s);
        if (email.valid()) {
            entry.kind = ExclusionEntry::Kind::address;
            entry.value = std::move(email.key);
        } else if (email.problem == EmailProblem::bad_local && email.local.empty()) {
            entry.kind = ExclusionEntry::Kind::error;
            entry.problem = {
                "an address needs a part before \"@\" (for a whole domain, write "
                "it without \"@\")",
                "アドレスには「@」の前の部分が必要です(ドメイン全体なら「@」なしで"
                "書いてください)"};
        } else {
            const TextRef why = describe(email.problem);
            entry.kind = ExclusionEntry::Kind::error;
            entry.problem = {fmt::format("not a valid address ({})", why.en),
                             fmt::format("有効なアドレスではありません({})", why.ja)};
        }
        return entry;
    }
    const std::string domain = domain_rule_key(s);
    if (is_valid_domain(domain)) {
        entry.kind = ExclusionEntry::Kind::domain;
        entry.value = domain;
    } else {
        entry.kind = ExclusionEntry::Kind::error;
        entry.problem = {"neither an address nor a valid domain",
                         "アドレスでも有効なドメインでもありません"};
    }
    return entry;
}

ExcludeSummary exclude_from_file(Workspace& ws, const std::filesystem::path& file,
                                 std::string_view reason, const ExcludeOptions& options) {
    check_reason(reason);
    ExcludeSummary summary;
    summary.file = file;
    summary.reason = std::string(reason);
    TableReader table(file, options.encoding);
    std::optional<std::size_t> col;
    if (!options.column.empty()) {
        col = table.find_column(options.column);
        if (!col) {
            throw input_error(file, 1, 1,
                              {fmt::format("the header has no column \"{}\"", options.column),
                               fmt::format("見出しに列「{}」がありません", options.column)});
        }
    } else {
        for (auto candidate : preset_candidates("generic", Field::email)) {
            if ((col = table.find_column(candidate))) break;
        }
        if (!col && table.header().size() == 1) col = 0;
        if (!col) {
            throw input_error(file, 1, 1,
                              {"no email column found; name it with --column",
                               "メールアドレスの列が見つかりません。--column で指定してください"});
        }
    }
    Workspace::Transaction tx(ws);
    auto batch = ws.prepare("INSERT INTO batches(kind, file, encoding) VALUES('exclude', ?, ?)");
    batch.bind(1, file.string()).bind(2, encoding_name(table.encoding())).run();
    const std::int64_t batch_id = ws.last_insert_rowid();
    auto insert = ws.prepare(
        "INSERT INTO exclusions(kind, value, reason, batch_id, row_no) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(kind, value) DO NOTHING");
    // Every bad row is collected, so the user fixes the file once; nothing is stored if any.
    constexpr std::size_t listed = 20;
    std::vector<std::string> errors_en, errors_ja;
    std::size_t bad_rows = 0;
    while (table.next()) {
        const std::string_view raw = table.values()[*col];
        const ExclusionEntry entry = parse_exclusion_entry(raw);
        if (entry.kind == ExclusionEntry::Kind::blank) continue;
        if (entry.kind == ExclusionEntry::Kind::error) {
            if (++bad_rows <= listed) {
                const std::string shown = options.show_pii ? std::string(raw)
                                          : raw.find('@') != std::string_view::npos
                                              ? mask_email(raw)
                                              : mask_name(raw);
                const std::string where =
                    fmt::format("{}:{}:{}", file.string(), table.row(), *col + 1);
                errors_en.push_back(
                    fmt::format("{}: error: \"{}\": {}", where, shown, entry.problem.en));
                errors_ja.push_back(
                    fmt::format("{}: エラー: 「{}」: {}", where, shown, entry.problem.ja));
            }
            continue;
        }
        ++summary.rows;
        const std::string_view kind =
            entry.kind == ExclusionEntry::Kind::address ? "email" : "domain";
        if (entry.kind == ExclusionEntry::Kind::domain) ++summary.domains;
        insert.bind(1, kind)
            .bind(2, entry.value)
            .bind(3, reason)
            .bind(4, batch_id)
            .bind(5, static_cast<std::int64_t>(table.row()))
            .run();
        if (ws.changes() > 0) {
            ++summary.added;
        } else {
            ++summary.already;
        }
    }
    if (bad_rows > 0) {
        std::string en, ja;
        for (std::size_t i = 0; i < errors_en.size(); ++i) {
            en += errors_en[i] + "\n";
            ja += errors_ja[i] + "\n";
        }
        if (bad_rows > listed) {
            en += fmt::format("{}: error: ... and {} more such rows\n", file.string(),
                              bad_rows - listed);
            ja += fmt::format("{}: エラー: ほかに同様の行が {} 行あります\n", file.string(),
                              bad_rows - listed);
        }
        en += fmt::format(
            "{}: error: {} neither an address nor a valid domain; nothing was "
            "excluded (fix the file and run again)",
            file.string(),
            bad_rows == 1 ? std::string("1 row is") : fmt::format("{} rows are", bad_rows));
        ja += fmt::format(
            "{}: エラー: アドレスでも有効なドメインでもない行が {} 行あります。何も"
            "除外していません(ファイルを直してからやり直してください)",
            file.string(), bad_rows);
        throw IoError({en, ja});
    }
    auto finish = ws.prepare("UPDATE batches SET rows = ?, new_rows = ? WHERE id = ?");
    finish.bind(1, static_cast<std::int64_t>(summary.rows))
        .bind(2, static_cast<std::int64_t>(summary.added))
        .bind(3, batch_id)
        .run();
    tx.commit();
    return summary;
}

std::string domain_rule_key(std::string_view domain) {
    if (domain.starts_with('@')) domain.remove_prefix(1);
    return normalize_email("x@" + std::string(domain)).domain;
}

std::string role_rule_key(std::string_view local) {
    return lower_ascii(local);
}

std::size_t add_exclusion_rules(Workspace& ws, const ExclusionRules& rules) {
    Workspace::Transaction tx(ws);
    const std::size_t added = store_exclusion_rules(ws, rules);
    tx.commit();
    return added;
}

std::size_t remove_exclusion_rules(Workspace& ws, const ExclusionRules& rules) {
    std::size_t removed = 0;
    Workspace::Transaction tx(ws);
    auto remove = ws.prepare("DELETE FROM exclusions WHERE kind = ? AND value = ?");
    for (const auto& [domain, reason] : rules.domains) {
        remove.bind(1, std::string_view("domain")).bind(2, domain_rule_key(domain)).run();
        removed += static_cast<std::size_t>(ws.changes());
    }
    for (const auto& [local, reason] : rules.role_locals) {
        remove.bind(1, std::string_view("role")).bind(2, role_rule_key(local)).run();
        removed += static_cast<std::size_t>(ws.changes());
    }
    tx.commit();
    return removed;
}

std::size_t store_exclusion_rules(Workspace& ws, const ExclusionRules& rules) {
    std::size_t added = 0;
    if (rules.domains.empty() && rules.role_locals.empty()) return 0;
    auto insert = ws.prepare(
        "INSERT INTO exclusions(kind, value, reason) VALUES(?, ?, ?) "
        "ON CONFLICT(kind, value) DO UPDATE SET reason = excluded.reason");
    auto add = [&](std::string_view kind, const std::string& value, const std::string& reason) {
        check_reason(reason);
        insert.bind(1, kind).bind(2, value).bind(3, reason).run();
        added += static_cast<std::size_t>(ws.changes());
    };
    for (const auto& [domain, reason] : rules.domains) {
        const std::string key = domain_rule_key(domain);
        // "--domain @rival.co.jp" is a domain by the flag; a second "@" is not.
        const std::string_view bare = std::string_view(domain).substr(domain.starts_with('@'));
        if (bare.find('@') != std::string_view::npos || !is_valid_domain(key)) {
            throw UsageError(
                {fmt::format("\"{}\" is not a valid domain (a domain rule is written like "
                             "rival.co.jp, without \"@\")",
                             domain),
                 fmt::format("「{}」は有効なドメインではありません(rival.co.jp のように「@」なしで"
                             "書いてください)",
                             domain)});
        }
        add("domain", key, reason);
    }
    for (const auto& [local, reason] : rules.role_locals) add("role", role_rule_key(local), reason);
    return added;
}

const std::string* ExclusionSet::reason_for(std::string_view email_key, std::string_view local,
                                            std::string_view domain, bool opted_out, bool bounced,
                                            bool refusal_lifted) const {
    static const std::string optout = "optout";
    static const std::string bounce = "bounce";
    if (!emails.empty()) {
        if (auto it = emails.find(email_key);
            it != emails.end() && !(refusal_lifted && is_refusal_reason(it->second)))
            return &it->second;
    }
    if (!domains.empty()) {
        // The domain and each parent domain: excluding example.com also excludes mail.example.com.
        std::string_view d = domain;
        for (;;) {
            if (auto it = domains.find(d); it != domains.end()) return &it->second;
            auto dot = d.find('.');
            if (dot == std::string_view::npos) break;
            d.remove_prefix(dot + 1);
        }
    }
    if (!roles.empty()) {
        // The local part of an email key is lower-case already.
        if (auto it = roles.find(local); it != roles.end()) return &it->second;
    }
    if (opted_out) return &optout;
    if (bounced) return &bounce;
    return nullptr;
}

ExclusionSet load_exclusions(Workspace& ws) {
    ExclusionSet set;
    auto st = ws.prepare("SELECT kind, value, reason FROM exclusions");
    while (st.step()) {
        std::string_view kind = st.text(0);
        auto& target = kind == "email" ? set.emails : kind == "domain" ? set.domains : set.roles;
        target.emplace(std::string(st.text(1)), std::string(st.text(2)));
    }
    return set;
}

ExclusionSet exclusions_for(Workspace& ws, const ExclusionRules& plan_rules) {
    ExclusionSet set = load_exclusions(ws);
    // Rules stored in the workspace win; the plan's fill in what is not stored (yet).
    for (const auto& [domain, reason] : plan_rules.domains)
        set.domains.try_emplace(domain_rule_key(domain), reason);
    for (const auto& [local, reason] : plan_rules.role_locals)
        set.roles.try_emplace(role_rule_key(local), reason);
    return set;
}

}  // namespace maplan::lists
