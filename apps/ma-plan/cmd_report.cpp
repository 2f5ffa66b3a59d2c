// `ma-plan report`: the rollout report a consultant hands over (issue 14), as GFM Markdown or one
// self-contained HTML file. Thin: parse, call lib/reports, write through the one output writer.
#include <fmt/format.h>

#include <filesystem>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "pdca/history.hpp"
#include "pdca/snapshots.hpp"
#include "report_cli.hpp"
#include "reports/git_revision.hpp"
#include "reports/report.hpp"
#include "reports/report_lists.hpp"
#include "rules/validate.hpp"
#include "run_options.hpp"
#include "xlsx/reports_xlsx.hpp"

namespace maplan::cli {

namespace {

struct ReportArgs {
    std::string plan;
    std::string format = "md";
    std::string output;  ///< empty: standard output
    std::string today;
    std::string db;                            ///< empty: no lists section
    std::vector<reports::ReportSection> only;  ///< empty: every section
    std::optional<TextRef> title;              ///< empty: the report's own heading
    RunOptions run;
    std::string actuals;     ///< CSV of actual counts per period; empty: none
    std::string period;      ///< with actuals: that period only
    bool history = false;    ///< readiness over time from the plan's git log
    std::string history_db;  ///< ... or from `ma-plan snapshot` snapshots
};

/// Oldest first, as a chart reads left to right.
std::vector<reports::ReadinessPoint> readiness_points(const pdca::History& h) {
    std::vector<reports::ReadinessPoint> out;
    for (auto it = h.points.rbegin(); it != h.points.rend(); ++it) {
        reports::ReadinessPoint p;
        p.date = it->commit.date;
        p.label = it->commit.hash.substr(0, 7);
        p.readable = it->readable;
        if (p.readable) {
            p.total = it->status.total.percent();
            for (const reports::StepStatus& st : it->status.steps) {
                if (st.step >= 1 && st.step <= 7) p.steps[st.step - 1] = st.percent();
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

/// Rendered whole before anything is written; -o goes through a temporary file, so a failed run
/// never truncates an existing output. Counts only, never contacts: a document's mode.
void emit(const ReportArgs& args, const std::string& text, Context& ctx) {
    if (args.output.empty() || is_standard_output(args.output)) {
        ctx.out << text;
        ctx.out.flush();
    } else {
        std::vector<std::filesystem::path> inputs{args.plan};
        if (!args.db.empty()) inputs.emplace_back(args.db);
        if (!args.actuals.empty()) inputs.emplace_back(args.actuals);
        write_file_atomically(args.output, text, {.inputs = inputs});
    }
}

int run_report(const ReportArgs& args, Context& ctx) {
    // How the options combine is the command line's shape (exit 3), checked before any work.
    if (!args.period.empty() && args.actuals.empty()) {
        throw CommandLineError(
            {"--period needs --actuals FILE", "--period には --actuals FILE が必要です"});
    }
    if (args.history && !args.history_db.empty()) {
        throw CommandLineError({"give --history or --history-db, not both",
                                "--history と --history-db はどちらか一方だけを指定してください"});
    }
    if (args.format == "xlsx") {
        if (int code = refuse_xlsx_target(args.output, ctx)) return code;
    }
    reports::Date today = today_of(args.today);
    config::ResolvedRun run = resolve(args.run, {args.plan}, ctx);
    FileResult result =
        validate_file(args.plan, run.plans.empty() ? ValidateOptions{} : run.plans.front().options);
    if (report_fatal(args.plan, result.fatal, ctx)) return exit_code::input_error;
    std::optional<reports::ListsWaterfall> lists;
    if (!args.db.empty()) lists = reports::workspace_waterfall(args.db, *result.project);
    std::string revision;
    if (args.plan != "-") {
        revision = reports::git_revision(std::filesystem::absolute(args.plan).parent_path());
    }
    reports::Report report = reports::build_report({.project = *result.project,
                                                    .findings = result.findings,
                                                    .today = today,
                                                    .revision = revision,
                                                    .lists = lists,
                                                    .lists_requested = !args.db.empty()});
    if (!args.actuals.empty()) {
        reports::attach_actuals(report.funnel,
                                reports::read_funnel_actuals(args.actuals, *result.project,
                                                             report.funnel, args.period));
    }
    if (args.history) {
        report.readiness_history = readiness_points(pdca::build_history(args.plan, {}));
    } else if (!args.history_db.empty()) {
        report.readiness_history = readiness_points(pdca::read_snapshots(args.history_db, {}));
    }
    report.only = args.only;
    if (args.title) report.title = *args.title;
    Lang lang = report_lang(ctx, result.project.get());
    std::string text;
    if (args.format == "json") {
        text = reports::render_funnel_json(report.funnel, lang);
    } else if (args.format == "csv") {
        text = reports::render_funnel_csv(report.funnel, lang);
    } else if (args.format == "xlsx") {
        text = xlsx::render_report_xlsx(report, lang, xlsx_scratch(args.output));
    } else if (args.format == "text") {
        text = reports::render_funnel_text(report.funnel, lang);
    } else {
        text = reports::render_report(
            report,
            args.format == "html" ? reports::OutputFormat::html : reports::OutputFormat::markdown,
            lang);
    }
    emit(args, text, ctx);
    return exit_code::ok;
}

}  // namespace

void register_rollout_report_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* r = app.add_subcommand(
        "report", "The rollout report to hand over: Markdown or one HTML file / 導入レポート");
    r->add_option("plan", args->plan, "Plan file (- for standard input)")->required();
    r->add_option(
         "-f,--format", args->format,
         "md (GFM), html (one self-contained file) or xlsx (one sheet per table; needs -o)")
        ->check(CLI::IsMember({"md", "html", "xlsx"}))
        ->default_str("md");
    r->add_option("-o,--output", args->output,
                  "Write to FILE atomically (an existing file is kept if the run fails; - is "
                  "standard output; never the plan itself)")
        ->type_name("FILE");
    r->add_option("--today", args->today, "Report date and overdue marks (default: today)")
        ->type_name("YYYY-MM-DD");
    r->add_option("--db", args->db,
                  "Customer-list workspace: adds its waterfall (counts only) / ワークスペース")
        ->type_name("WORKSPACE");
    r->add_option("--actuals", args->actuals,
                  "CSV of actual counts per period (period,stage,count or period,<stages>): plan "
                  "vs actual in the funnel section")
        ->type_name("FILE");
    r->add_flag("--history", args->history,
                "Readiness over time from the plan's git log (a chart in HTML, a table in md)");
    r->add_option("--history-db", args->history_db,
                  "Readiness over time from the snapshots of ma-plan snapshot")
        ->type_name("FILE");
    r->footer(
        "Examples:\n"
        "  ma-plan report plan.yaml -o report.md\n"
        "  ma-plan report plan.yaml --format html -o report.html --today 2026-12-01\n"
        "  ma-plan --lang en report plan.yaml --db ma-plan-lists.sqlite\n"
        "Sections: cover, summary, goals and the reverse funnel, roles, journey map,\n"
        "communication flow, hand-off sheets, lists, tool setup, measurement plan, operations,\n"
        "timeline, findings. A section the plan cannot fill says what to write.\n"
        "Exit code 0 whenever the report was written. Docs: docs/report.md");
    add_rule_options(r, args->run);
    r->callback([args, &ctx] { ctx.exit_code = run_report(*args, ctx); });

    // The operations sheets alone, for pasting into a runbook (MA specialist textbook; MarketOne
    // demand center).
    auto ops = std::make_shared<ReportArgs>();
    ops->only = {reports::ReportSection::operations};
    ops->title = {"Operations sheets", "運用シート"};
    CLI::App* o = app.add_subcommand(
        "ops", "Operations sheets alone: review agenda, escalation, pause/resume / 運用シート");
    o->add_option("plan", ops->plan, "Plan file (- for standard input)")->required();
    o->add_option("-f,--format", ops->format, "md (GFM) or html (one self-contained file)")
        ->check(CLI::IsMember({"md", "html"}))
        ->default_str("md");
    o->add_option("-o,--output", ops->output,
                  "Write to FILE atomically (- is standard output; never the plan itself)")
        ->type_name("FILE");
    o->add_option("--today", ops->today, "Date for the agenda's overdue count (default: today)")
        ->type_name("YYYY-MM-DD");
    o->footer(
        "Examples:\n"
        "  ma-plan ops plan.yaml -o runbook-ops.md\n"
        "  ma-plan --lang en ops plan.yaml --format html -o ops.html\n"
        "The operations section of ma-plan report, alone. Docs: docs/report.md");
    add_rule_options(o, ops->run);
    o->callback([ops, &ctx] { ctx.exit_code = run_report(*ops, ctx); });

    // The reverse funnel beside the goals' KPI targets (MarketOne MA guide: make ROMI visible).
    auto funnel = std::make_shared<ReportArgs>();
    funnel->only = {reports::ReportSection::goals};
    funnel->title = {"Goals and the reverse funnel", "ゴールと逆算ファネル"};
    CLI::App* f = app.add_subcommand(
        "funnel", "Reverse and forward funnel, ROMI, bands, plan vs actual / ファネル");
    f->add_option("plan", funnel->plan, "Plan file (- for standard input)")->required();
    f->add_option("-f,--format", funnel->format,
                  "md (with the goals), html, json, csv (plain numbers for a spreadsheet), or text")
        ->check(CLI::IsMember({"md", "html", "json", "csv", "text"}))
        ->default_str("md");
    f->add_option("-o,--output", funnel->output,
                  "Write to FILE atomically (- is standard output; never the plan itself)")
        ->type_name("FILE");
    f->add_option("--actuals", funnel->actuals,
                  "CSV of actual counts per period (period,stage,count or period,<stages>; UTF-8 "
                  "or CP932): plan vs actual and the gap")
        ->type_name("FILE");
    f->add_option("--period", funnel->period, "With --actuals: that period only")
        ->type_name("PERIOD");
    f->footer(
        "Examples:\n"
        "  ma-plan funnel plan.yaml\n"
        "  ma-plan funnel plan.yaml --format csv -o funnel.csv\n"
        "  ma-plan funnel plan.yaml --actuals actuals.csv --period 2027-01 --format text\n"
        "Reverse: revenue target ÷ average deal = deals; ÷ each stage's conversion rate, rounded\n"
        "up. Forward: the top-of-funnel volume × the rates, rounded down = expected deals and\n"
        "revenue.\n"
        "Docs: docs/report.md#the-reverse-funnel");
    add_rule_options(f, funnel->run);
    f->callback([funnel, &ctx] { ctx.exit_code = run_report(*funnel, ctx); });
}

}  // namespace maplan::cli
