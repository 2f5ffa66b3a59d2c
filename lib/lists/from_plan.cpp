#include "lists/from_plan.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/loader.hpp"
#include "lists/normalize.hpp"

namespace maplan::lists {

std::string_view reason_for_plan_exclusion(std::string_view kind) {
    // Every kind the plan schema allows (docs/format.md, Exclusion.kind) maps to one reason of
    // the fixed list in exclusions.hpp.
    static constexpr std::pair<std::string_view, std::string_view> table[] = {
        {"optout", "optout"},
        {"hard_bounce", "bounce"},
        {"soft_bounce_repeated", "bounce"},
        {"competitor_domains", "competitor"},
        {"internal_domains", "internal"},
        {"role_addresses", "role"},
        {"complaints", "complaint"},
        {"deceased_or_left", "other"},
        {"other", "other"},
    };
    for (const auto& [k, reason] : table) {
        if (k == kind) return reason;
    }
    return "other";
}

ListsConfig lists_config_from_plan(const Project& project) {
    ListsConfig config;
    for (const auto& ds : project.data_sources) {
        SourceConfig s;
        s.name = ds.id.value;
        if (ds.encoding.present()) s.encoding = parse_encoding(ds.encoding.value);
        s.preset = ds.preset.value;
        bool has_id = false;
        for (const auto& m : ds.columns) {
            s.columns.emplace_back(m.field.value, m.column.value);
            has_id = has_id || m.field.value == "id";
        }
        if (!has_id && !ds.customer_id.value.empty())
            s.columns.emplace_back("id", ds.customer_id.value);
        config.sources.push_back(std::move(s));
    }
    for (const auto& ex : project.exclusions) {
        const std::string& kind = ex.kind.value;
        const std::string reason(reason_for_plan_exclusion(kind));
        for (const auto& d : ex.domains) config.exclusions.domains.emplace_back(d.value, reason);
        if (kind == "role_addresses") {
            for (const auto& local : default_role_locals())
                config.exclusions.role_locals.emplace_back(local, "role");
        }
    }
    if (project.consent && project.consent->policy.value == "opt_out")
        config.consent.require_opt_in = false;
    return config;
}

ListsConfig load_lists_config(const std::filesystem::path& plan) {
    LoadResult loaded = load_project_file(plan.string());
    if (loaded.fatal || !loaded.project) {
        const Text msg =
            loaded.fatal ? loaded.fatal->message : Text{"cannot load", "読み込めません"};
        const auto pos = loaded.fatal ? loaded.fatal->pos : SourcePos{};
        // A file that could not be read has no position: "plan: error: …", not "plan:0:0:".
        const std::string where = pos.known()
                                      ? fmt::format("{}:{}:{}", plan.string(), pos.line, pos.column)
                                      : plan.string();
        throw IoError({fmt::format("{}: error: {}", where, msg.en),
                       fmt::format("{}: エラー: {}", where, msg.ja)});
    }
    for (const auto& f : loaded.findings) {
        if (f.severity == Severity::error) {
            throw IoError(
                {fmt::format("{}:{}:{}: error: {} (run ma-plan validate for all findings)",
                             plan.string(), f.pos.line, f.pos.column, f.message.en),
                 fmt::format("{}:{}:{}: エラー: {}(すべての指摘は ma-plan validate で確認)",
                             plan.string(), f.pos.line, f.pos.column, f.message.ja)});
        }
    }
    return lists_config_from_plan(*loaded.project);
}

const SourceConfig* find_source(const ListsConfig& config, std::string_view name) {
    for (const auto& s : config.sources) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

}  // namespace maplan::lists
