// `ma-plan rules`: the rule registry, as a table, Markdown (docs/rules.md) or JSON.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "render/rules_doc.hpp"
#include "rules/rule.hpp"
#include "run_options.hpp"

namespace maplan::cli {

void register_rules_command(CLI::App& app, Context& ctx) {
    auto format = std::make_shared<std::string>("text");
    auto id = std::make_shared<std::string>();
    auto run = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("rules", "List the rules ma-plan checks (ルール一覧)");
    cmd->footer(
        "Examples:\n  ma-plan rules\n  ma-plan rules RACI-001\n  ma-plan rules --format md --lang "
        "ja");
    cmd->add_option("-f,--format", *format, "text, md or json")
        ->check(CLI::IsMember({"text", "md", "json"}));
    cmd->add_option("rule", *id, "Show one rule in full");
    add_config_option(cmd, *run);
    cmd->callback([format, id, run, &ctx] {
        // No plan: the working directory's .ma-plan.yaml gives the language.
        resolve(*run, {}, ctx);
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
