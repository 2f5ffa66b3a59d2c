// `ma-plan diff OLD NEW`: what changed between two versions of a plan, per step, and which
// findings the change brought in or fixed. Thin: parse, call lib/pdca, write.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "pdca/compare.hpp"
#include "pdca/git.hpp"

namespace maplan::cli {

namespace {

struct DiffArgs {
    std::string old_side;
    std::string new_side;
    std::string format = "text";
    std::string output;
    bool exit_code = false;
};

pdca::DiffFormat diff_format(const std::string& name) {
    if (name == "md") return pdca::DiffFormat::markdown;
    if (name == "json") return pdca::DiffFormat::json;
    return pdca::DiffFormat::text;
}

int run_diff(const DiffArgs& args, Context& ctx) {
    pdca::PlanDiff diff = pdca::compare_plans(args.old_side, args.new_side);
    std::string text = pdca::render_diff(diff, diff_format(args.format), ctx.lang());
    if (args.output.empty() || is_standard_output(args.output)) {
        ctx.out << text;
        ctx.out.flush();
    } else {
        std::vector<std::filesystem::path> inputs;
        for (const std::string* side : {&args.old_side, &args.new_side}) {
            if (!pdca::parse_revision_spec(*side)) inputs.emplace_back(*side);
        }
        write_file_atomically(args.output, text, {.inputs = inputs});
    }
    return args.exit_code && !diff.empty() ? 1 : exit_code::ok;
}

}  // namespace

void register_diff_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<DiffArgs>();
    CLI::App* d = app.add_subcommand(
        "diff", "What changed between two versions of a plan, per step / プランの変更点");
    d->add_option("old", args->old_side, "Old version: a file, - or REV:path (read through git)")
        ->required();
    d->add_option("new", args->new_side, "New version: a file, - or REV:path")->required();
    d->add_option("-f,--format", args->format, "Output format")
        ->check(CLI::IsMember({"text", "md", "json"}))
        ->default_str("text");
    d->add_option("-o,--output", args->output,
                  "Write to FILE atomically (- is standard output; never one of the inputs)")
        ->type_name("FILE");
    d->add_flag("--exit-code", args->exit_code,
                "Exit 1 when there are differences (like git diff --exit-code)");
    d->footer(
        "Examples:\n"
        "  ma-plan diff HEAD~1:plan.yaml plan.yaml\n"
        "  ma-plan diff main:plans/acme.yaml plans/acme.yaml --format md -o changes.md\n"
        "  git show v1:plan.yaml | ma-plan diff - plan.yaml --exit-code\n"
        "Items are matched by ID (tasks without an ID by name): reordering and YAML formatting\n"
        "are not changes, a new name under the same ID is a rename. Findings of validate are\n"
        "compared by rule and message. Docs: docs/pdca.md");
    d->callback([args, &ctx] { ctx.exit_code = run_diff(*args, ctx); });
}

}  // namespace maplan::cli
