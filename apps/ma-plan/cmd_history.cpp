// `ma-plan history PLAN`: readiness, findings and overdue tasks per commit of the plan's git
// history. Thin: parse, call lib/pdca, write.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "pdca/history.hpp"
#include "pdca/snapshots.hpp"
#include "reports/common.hpp"

namespace maplan::cli {

namespace {

struct HistoryArgs {
    std::string plan;
    std::string since;
    std::size_t max = 0;
    std::string format = "md";
    std::string output;
    std::string db;  ///< snapshots from `ma-plan snapshot` instead of git
};

int run_history(const HistoryArgs& args, Context& ctx) {
    if (!args.since.empty() && !reports::parse_date(args.since)) {
        throw UsageError(date_option_message("--since", args.since));
    }
    // Neither or both is the command line's shape (exit 3), like a missing argument.
    if (args.plan.empty() && args.db.empty()) {
        throw CommandLineError({"history needs PLAN (its git log) or --db FILE (snapshots)",
                                "history には PLAN (git の履歴) か --db FILE (スナップショット) "
                                "を指定してください"});
    }
    if (!args.plan.empty() && !args.db.empty()) {
        throw CommandLineError({"history takes PLAN or --db FILE, not both",
                                "history には PLAN と --db FILE のどちらか一方だけを指定してくだ"
                                "さい"});
    }
    pdca::History history = args.db.empty() ? pdca::build_history(args.plan, {args.since, args.max})
                                            : pdca::read_snapshots(args.db, {args.since, args.max});
    auto format = args.format == "json"  ? pdca::HistoryFormat::json
                  : args.format == "csv" ? pdca::HistoryFormat::csv
                                         : pdca::HistoryFormat::markdown;
    std::string text = pdca::render_history(history, format, ctx.lang());
    if (args.output.empty() || is_standard_output(args.output)) {
        ctx.out << text;
        ctx.out.flush();
    } else {
        write_file_atomically(args.output, text,
                              {.inputs = {args.db.empty() ? args.plan : args.db}});
    }
    return exit_code::ok;
}

}  // namespace

void register_history_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<HistoryArgs>();
    CLI::App* h = app.add_subcommand(
        "history", "Readiness and findings per commit of a plan (git log) / プランの履歴");
    h->add_option("plan", args->plan, "Plan file inside a git work tree");
    h->add_option("--db", args->db, "Read the snapshots of ma-plan snapshot instead of git")
        ->type_name("FILE");
    h->add_option("--since", args->since, "Only commits on or after this date")
        ->type_name("YYYY-MM-DD");
    h->add_option("--max", args->max, "At most N commits (newest first)")->type_name("N");
    h->add_option("-f,--format", args->format, "Output format")
        ->check(CLI::IsMember({"md", "json", "csv"}))
        ->default_str("md");
    h->add_option("-o,--output", args->output,
                  "Write to FILE atomically (- is standard output; never the plan itself)")
        ->type_name("FILE");
    h->footer(
        "Examples:\n"
        "  ma-plan history plan.yaml\n"
        "  ma-plan history plans/acme.yaml --since 2026-11-01 --max 20 --format csv -o trend.csv\n"
        "Follows renames (git log --follow). A commit where the plan cannot be parsed is marked\n"
        "and the history goes on. Overdue tasks are counted as of each commit's date.\n"
        "Docs: docs/pdca.md");
    h->callback([args, &ctx] { ctx.exit_code = run_history(*args, ctx); });
    register_snapshot_command(app, ctx);  // its pair, listed right after history
}

}  // namespace maplan::cli
