// `ma-plan init`: write a commented starter plan.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/starter.hpp"

namespace maplan::cli {

void register_init_command(CLI::App& app, Context& ctx) {
    struct Args {
        std::string path = "ma-plan.yaml";
        std::string name;
        std::string tool = "other";
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "init", "Write a commented starter plan (never overwrites) / 雛形を作成");
    cmd->footer(
        "Examples:\n  ma-plan init\n  ma-plan --lang ja init plan.yaml --name 'A社 MA導入' --tool "
        "eloqua");
    cmd->add_option("file", args->path, "File to create (- prints the plan to standard output)")
        ->default_str("ma-plan.yaml");
    cmd->add_option("--name", args->name, "Project name");
    cmd->add_option("--tool", args->tool, "MA tool")
        ->check(CLI::IsMember(
            {"eloqua", "marketo", "hubspot", "account_engagement", "mautic", "other"}))
        ->default_str("other");
    cmd->callback([args, &ctx] {
        Lang lang = ctx.lang();
        std::string name = args->name.empty()
                               ? (lang == Lang::ja ? "新しい MA 導入計画" : "New MA rollout")
                               : args->name;
        if (is_standard_output(args->path)) {  // `ma-plan init - > plan.yaml`, as -o - elsewhere
            ctx.out << starter_plan(lang, name, args->tool);
            return;
        }
        create_new_file(args->path, starter_plan(lang, name, args->tool));
        ctx.out << (lang == Lang::ja ? fmt::format("{} を作成しました。次は: ma-plan validate {}\n",
                                                   args->path, args->path)
                                     : fmt::format("created {}; next: ma-plan validate {}\n",
                                                   args->path, args->path));
    });
}

}  // namespace maplan::cli
