#include "lists/exclusions.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "lists/fields.hpp"
#include "lists/normalize.hpp"
#include "lists/table_reader.hpp"

namespace maplan::lists {

bool is_valid_reason(std::string_view reason) {
    if (reason.empty() || reason.size() > 32) return false;
    for (char c : reason) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

namespace {
void check_reason(std::string_view reason) {
    if (!is_valid_reason(reason)) {
        throw UsageError(
            {fmt::format("reason \"{}\" must be a short lower-case word such as optout, "
                         "bounce, competitor, internal",
                         reason),
             fmt::format("理由「{}」は optout, bounce, competitor, internal のような短い"
                         "小文字の語にしてください",
                         reason)});
    }
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}
}  // namespace

ExcludeSummary exclude_from_file(Workspace& ws, const std::filesystem::path& file,
                                 std::string_view reason, std::string_view column,
                                 std::optional<Encoding> encoding) {
    check_reason(reason);
    ExcludeSummary summary;
    summary.file = file;
    summary.reason = std::string(reason);
    TableReader table(file, encoding);
    std::optional<std::size_t> col;
    if (!column.empty()) {
        col = table.find_column(column);
        if (!col) {
            throw input_error(file, 1, 1,
                              {fmt::format("the header has no column \"{}\"", column),
                               fmt::format("見出しに列「{}」がありません", column)});
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
        "INSERT INTO exclusions(kind, value, reason, batch_id) VALUES(?, ?, ?, ?) "
        "ON CONFLICT(kind, value) DO NOTHING");
    while (table.next()) {
        std::string_view raw = table.values()[*col];
        NormalizedEmail email = normalize_email(raw);
        if (email.problem == EmailProblem::empty) continue;
        ++summary.rows;
        std::string_view kind = "email";
        std::string value = email.key;
        if (email.problem == EmailProblem::no_at) {
            kind = "domain";
            value = lower_ascii(email.key);
        } else if (email.local.empty()) {
            kind = "domain";
            value = email.domain;
        }
        if (kind == "domain") ++summary.domains;
        insert.bind(1, kind).bind(2, value).bind(3, reason).bind(4, batch_id).run();
        if (ws.changes() > 0) {
            ++summary.added;
        } else {
            ++summary.already;
        }
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
    for (const auto& [domain, reason] : rules.domains)
        add("domain", domain_rule_key(domain), reason);
    for (const auto& [local, reason] : rules.role_locals) add("role", role_rule_key(local), reason);
    return added;
}

const std::string* ExclusionSet::reason_for(std::string_view email_key, std::string_view local,
                                            std::string_view domain, bool opted_out) const {
    static const std::string optout = "optout";
    if (!emails.empty()) {
        if (auto it = emails.find(email_key); it != emails.end()) return &it->second;
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
