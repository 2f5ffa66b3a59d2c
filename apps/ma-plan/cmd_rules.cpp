// `ma-plan rules`: the rule registry, as a table, Markdown (docs/rules.md) or JSON.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/citations.hpp"
#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "render/rules_doc.hpp"
#include "rules/rule.hpp"

namespace maplan::cli {

namespace {

/// The full citation of each source the rule's texts name, so "(DX station #4)" can be looked up.
void print_rule_sources(const rules::RuleDescriptor& rule, Lang lang, std::ostream& out) {
    std::string texts =
        std::string(rule.rationale.in(lang)) + "\n" + std::string(rule.hint.in(lang));
    auto cited = citations_in(texts);
    if (cited.empty()) return;
    out << (lang == Lang::ja ? "\n出典:\n" : "\nSources:\n");
    for (const Citation* c : cited) out << "  " << format_citation(*c, lang) << "\n";
}

}  // namespace

void register_rules_command(CLI::App& app, Context& ctx) {
    auto format = std::make_shared<std::string>("text");
    auto id = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("rules", "List the rules ma-plan checks (ルール一覧)");
    cmd->footer(
        "Examples:\n  ma-plan rules\n  ma-plan rules RACI-001\n  ma-plan rules --format md --lang "
        "ja");
    cmd->add_option("-f,--format", *format, "text, md or json")
        ->check(CLI::IsMember({"text", "md", "json"}));
    cmd->add_option("rule", *id, "Show one rule in full");
    cmd->callback([format, id, &ctx] {
        Lang lang = ctx.lang();
        if (!id->empty()) {
            const rules::RuleDescriptor* rule = rules::find_rule(*id);
            if (rule == nullptr) {
                auto guess = closest_match(*id, rules::rule_ids());
                throw UsageError(
                    {fmt::format("unknown rule \"{}\"{}", *id,
                                 guess ? fmt::format("; did you mean \"{}\"?", *guess) : ""),
                     fmt::format(
                         "ルール「{}」はありません{}", *id,
                         guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "")});
            }
            ctx.out << render::render_rule_text(*rule, lang);
            print_rule_sources(*rule, lang, ctx.out);
            return;
        }
        if (*format == "md") {
            ctx.out << render::render_rules_markdown(lang);
        } else if (*format == "json") {
            ctx.out << render::render_rules_json(lang);
        } else {
            ctx.out << render::render_rules_text(lang);
        }
    });
}

}  // namespace maplan::cli
