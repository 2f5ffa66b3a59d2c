// `ma-plan snapshot PLAN --db FILE`: records readiness, findings and overdue tasks now (or as of
// --at), so that `history --db FILE` shows the trend of a plan kept outside git. Thin: validate,
// build the status, hand it to lib/pdca.
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "cli.hpp"
#include "core/errors.hpp"
#include "pdca/snapshots.hpp"
#include "report_cli.hpp"
#include "reports/checklist.hpp"
#include "reports/status.hpp"
#include "rules/validate.hpp"

namespace maplan::cli {

namespace {

struct SnapshotArgs {
    std::string plan;
    std::string db;
    std::string at;  ///< YYYY-MM-DD; empty: now (UTC, to the second)
};

std::string now_utc() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int run_snapshot(const SnapshotArgs& args, Context& ctx) {
    if (!args.at.empty() && !reports::parse_date(args.at)) {
        throw UsageError(date_option_message("--at", args.at));
    }
    reports::Date day = today_of(args.at);
    FileResult result = validate_file(args.plan, ValidateOptions{});
    if (report_fatal(args.plan, result.fatal, ctx)) return exit_code::input_error;
    reports::StatusReport status =
        reports::build_status(reports::build_checklist(*result.project, day), result.findings);
    std::string taken_at = args.at.empty() ? now_utc() : args.at;
    std::int64_t id = pdca::save_snapshot(
        args.db, {.plan = args.plan,
                  .plan_text = result.source ? result.source->content() : std::string(),
                  .taken_at = taken_at,
                  .status = &status});
    int percent = status.total.percent();
    ctx.out << Text{fmt::format("snapshot #{} of {} saved in {} ({}; readiness {}; {} errors, {} "
                                "warnings, {} overdue)\n",
                                id, args.plan, args.db, taken_at,
                                percent < 0 ? "–" : fmt::format("{}%", percent),
                                status.total.errors, status.total.warnings, status.overdue.size()),
                    fmt::format("スナップショット #{} ({}) を {} に保存しました ({}。準備度 {}、"
                                "エラー {}、警告 {}、期限切れ {})\n",
                                id, args.plan, args.db, taken_at,
                                percent < 0 ? "–" : fmt::format("{}%", percent),
                                status.total.errors, status.total.warnings, status.overdue.size())}
                   .in(ctx.lang());
    return exit_code::ok;
}

}  // namespace

void register_snapshot_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<SnapshotArgs>();
    CLI::App* s = app.add_subcommand(
        "snapshot", "Record readiness and findings in SQLite for history --db / スナップショット");
    s->add_option("plan", args->plan, "Plan file")->required();
    s->add_option("--db", args->db, "Snapshot database (created 0600 when absent)")
        ->type_name("FILE")
        ->required();
    s->add_option("--at", args->at, "Date of the snapshot and of the overdue count (default: now)")
        ->type_name("YYYY-MM-DD");
    s->footer(
        "Examples:\n"
        "  ma-plan snapshot plan.yaml --db ma-plan-history.sqlite\n"
        "  ma-plan history --db ma-plan-history.sqlite --format csv\n"
        "For a plan kept outside git: each run appends one snapshot (plan text, readiness per\n"
        "step, findings by severity, overdue tasks). Docs: docs/pdca.md");
    s->callback([args, &ctx] { ctx.exit_code = run_snapshot(*args, ctx); });
}

}  // namespace maplan::cli
