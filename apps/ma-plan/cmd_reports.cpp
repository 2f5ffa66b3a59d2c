// `ma-plan raci`, `ma-plan checklist`, `ma-plan status`: documents a consultant hands to a client,
// generated from the plan so they never disagree with it. Thin: parse, call lib/reports, write.
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/loader.hpp"
#include "report_cli.hpp"
#include "reports/checklist.hpp"
#include "reports/raci.hpp"
#include "reports/status.hpp"
#include "rules/validate.hpp"
#include "run_options.hpp"
#include "xlsx/reports_xlsx.hpp"

namespace maplan::cli {

namespace {

struct CommonArgs {
    std::string plan;
    std::string format;
    std::string output;  ///< empty: standard output
    RunOptions run;
};

/// The plan's resolved configuration: language, and the rule settings `status` validates with.
ValidateOptions resolve_plan(const CommonArgs& args, Context& ctx) {
    config::ResolvedRun run = resolve(args.run, {args.plan}, ctx);
    return run.plans.empty() ? ValidateOptions{} : run.plans.front().options;
}

std::string shown_path(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

/// Schema errors do not stop a report (the model is still usable) but the reader should know.
void note_errors(const std::string& path, const std::vector<Finding>& findings, Context& ctx) {
    std::size_t errors = 0;
    for (const Finding& f : findings) errors += f.severity == Severity::error ? 1 : 0;
    if (errors == 0) return;
    ctx.err << (ctx.lang() == Lang::ja
                    ? fmt::format(
                          "{}: 注意: プランにエラーが {} 件あります (ma-plan validate {} で確認)\n",
                          shown_path(path), errors, path)
                    : fmt::format("{}: note: the plan has {} error(s); run ma-plan validate {}\n",
                                  shown_path(path), errors, path));
}

reports::OutputFormat format_of(const std::string& name) {
    if (auto f = reports::parse_format(name)) return *f;
    throw UsageError(
        {fmt::format("unknown format \"{}\"", name), fmt::format("不明な形式「{}」です", name)});
}

void emit(const CommonArgs& args, const std::string& text, Context& ctx) {
    // The whole document is rendered before anything is written, and -o goes through a temporary
    // file: a failed run never truncates an existing output file.
    if (args.output.empty() || is_standard_output(args.output)) {
        // JSON escapes line breaks inside strings; the other formats are guarded in CI logs.
        if (args.format == "json") {
            ctx.out << text;
        } else {
            ctx.print(text);
        }
        ctx.out.flush();
    } else {
        write_file_atomically(args.output, text, {.inputs = {args.plan}});
    }
}

bool is_xlsx(const CommonArgs& args) {
    return args.format == "xlsx";
}

int refuse_xlsx_target(const CommonArgs& args, Context& ctx) {
    return cli::refuse_xlsx_target(args.output, ctx);
}

std::filesystem::path xlsx_scratch(const CommonArgs& args) {
    return cli::xlsx_scratch(args.output);
}

void add_common(CLI::App* cmd, CommonArgs& args, const std::vector<std::string>& formats,
                const std::string& default_format, bool rule_options) {
    cmd->add_option("plan", args.plan, "Plan file (- for standard input)")->required();
    args.format = default_format;
    cmd->add_option("-f,--format", args.format, "Output format")
        ->check(CLI::IsMember(formats))
        ->default_str(default_format);
    cmd->add_option(
           "-o,--output", args.output,
           "Write to FILE atomically (an existing file is kept if the run fails; - is standard "
           "output; never the plan itself)")
        ->type_name("FILE");
    if (rule_options) {
        add_rule_options(cmd, args.run);
    } else {
        add_config_option(cmd, args.run);
    }
}

// ----- raci -----

struct RaciArgs {
    CommonArgs common;
    std::string style = "labels";
    std::string by = "task";
    std::string group = "step";
    bool bom = false;
};

int run_raci(const RaciArgs& args, Context& ctx) {
    if (is_xlsx(args.common)) {
        if (int code = refuse_xlsx_target(args.common, ctx)) return code;
        if (args.by == "stakeholder") {
            throw UsageError(
                {"--format xlsx writes the matrix; --by stakeholder is md, csv, html "
                 "or json",
                 "--format xlsx は役割分担表を書きます。--by stakeholder は md・csv・"
                 "html・json のみです"});
        }
    }
    resolve_plan(args.common, ctx);
    LoadResult loaded = load_project_file(args.common.plan);
    if (report_fatal(args.common.plan, loaded.fatal, ctx)) return exit_code::input_error;
    note_errors(args.common.plan, loaded.findings, ctx);
    reports::RenderOptions options{report_lang(ctx, loaded.project.get()), args.bom, false};
    auto matrix = reports::build_raci(
        *loaded.project,
        args.style == "raci" ? reports::RaciStyle::raci : reports::RaciStyle::labels,
        args.group == "plan" ? reports::RaciGrouping::plan : reports::RaciGrouping::step);
    if (is_xlsx(args.common)) {
        emit(args.common, xlsx::render_raci_xlsx(matrix, options, xlsx_scratch(args.common)), ctx);
        return exit_code::ok;
    }
    auto format = format_of(args.common.format);
    emit(args.common,
         args.by == "stakeholder" ? reports::render_raci_by_stakeholder(matrix, format, options)
                                  : reports::render_raci(matrix, format, options),
         ctx);
    return exit_code::ok;
}

// ----- checklist -----

struct ChecklistArgs {
    CommonArgs common;
    std::optional<int> step;
    std::optional<std::string> owner;
    std::vector<std::string> statuses;
    std::string today;
};

int run_checklist(const ChecklistArgs& args, Context& ctx) {
    if (is_xlsx(args.common)) {
        if (int code = refuse_xlsx_target(args.common, ctx)) return code;
    }
    reports::Date today = today_of(args.today);
    resolve_plan(args.common, ctx);
    LoadResult loaded = load_project_file(args.common.plan);
    if (report_fatal(args.common.plan, loaded.fatal, ctx)) return exit_code::input_error;
    note_errors(args.common.plan, loaded.findings, ctx);
    reports::RenderOptions options{report_lang(ctx, loaded.project.get()), false, false};
    reports::ChecklistFilter filter{args.step, args.owner, args.statuses};
    auto checklist = reports::filter_checklist(reports::build_checklist(*loaded.project, today),
                                               filter, *loaded.project);
    if (is_xlsx(args.common)) {
        emit(args.common,
             xlsx::render_checklist_xlsx(checklist, options, xlsx_scratch(args.common)), ctx);
        return exit_code::ok;
    }
    emit(args.common, reports::render_checklist(checklist, format_of(args.common.format), options),
         ctx);
    return exit_code::ok;
}

// ----- status -----

struct StatusArgs {
    CommonArgs common;
    std::string today;
};

int run_status(const StatusArgs& args, Context& ctx) {
    if (is_xlsx(args.common)) {
        if (int code = refuse_xlsx_target(args.common, ctx)) return code;
    }
    reports::Date today = today_of(args.today);
    FileResult result = validate_file(args.common.plan, resolve_plan(args.common, ctx));
    if (report_fatal(args.common.plan, result.fatal, ctx)) return exit_code::input_error;
    if (is_xlsx(args.common)) {
        reports::RenderOptions options{report_lang(ctx, result.project.get()), false, false};
        auto status = reports::build_status(reports::build_checklist(*result.project, today),
                                            result.findings);
        emit(args.common, xlsx::render_status_xlsx(status, options, xlsx_scratch(args.common)),
             ctx);
        return exit_code::ok;
    }
    auto format = format_of(args.common.format);
    reports::RenderOptions options{
        report_lang(ctx, result.project.get()), false,
        format == reports::OutputFormat::text &&
            (args.common.output.empty() || is_standard_output(args.common.output)) &&
            ctx.color_stdout()};
    auto status =
        reports::build_status(reports::build_checklist(*result.project, today), result.findings);
    emit(args.common, reports::render_status(status, format, options), ctx);
    return exit_code::ok;
}

}  // namespace

void register_report_commands(CLI::App& app, Context& ctx) {
    auto raci = std::make_shared<RaciArgs>();
    CLI::App* r =
        app.add_subcommand("raci", "Task × department role matrix (GFM table) / 役割分担表");
    add_common(r, raci->common, {"md", "csv", "html", "json", "xlsx"}, "md", false);
    r->add_option("--style", raci->style,
                  "labels: the plan's own labels (主担当/共有/受領); raci: R/A/C/I letters")
        ->check(CLI::IsMember({"labels", "raci"}))
        ->default_str("labels");
    r->add_option("--by", raci->by, "task: the matrix; stakeholder: one section per department")
        ->check(CLI::IsMember({"task", "stakeholder"}))
        ->default_str("task");
    r->add_option("--group", raci->group, "step: one table per step; plan: the plan's task order")
        ->check(CLI::IsMember({"step", "plan"}))
        ->default_str("step");
    r->add_flag("--bom", raci->bom,
                "CSV: start with a UTF-8 BOM so Excel reads Japanese correctly");
    r->footer(
        "Examples:\n"
        "  ma-plan raci plan.yaml\n"
        "  ma-plan raci plan.yaml --group plan --style raci\n"
        "  ma-plan raci plan.yaml --by stakeholder -o roles.md\n"
        "  ma-plan raci plan.yaml --format csv --bom -o roles.csv\n"
        "  ma-plan raci plan.yaml --format xlsx -o roles.xlsx\n"
        "RACI letters: 主担当→A, R→R, C→C, 共有→I, 受領→I (RACI has no \"receives\"; the legend\n"
        "says so). Language: --lang, else MA_PLAN_LANG, else the plan's project.language.\n"
        "Docs: docs/reports.md");
    r->callback([raci, &ctx] { ctx.exit_code = run_raci(*raci, ctx); });

    auto checklist = std::make_shared<ChecklistArgs>();
    CLI::App* c = app.add_subcommand(
        "checklist", "What the rollout still needs, per step, as GFM task lists / チェックリスト");
    add_common(c, checklist->common, {"md", "json", "xlsx"}, "md", false);
    c->add_option("--step", checklist->step, "Only this step (1-7)")->check(CLI::Range(1, 7));
    c->add_option("--owner", checklist->owner, "Only items owned by this stakeholder (ID or name)");
    c->add_option("--status", checklist->statuses,
                  "Only these states, comma-separated: todo, in_progress, done, blocked, "
                  "not_applicable")
        ->delimiter(',');
    c->add_option("--today", checklist->today, "Date for overdue marks (default: today)")
        ->type_name("YYYY-MM-DD");
    c->footer(
        "Examples:\n"
        "  ma-plan checklist plan.yaml\n"
        "  ma-plan checklist plan.yaml --step 6 --status todo,in_progress\n"
        "  ma-plan checklist plan.yaml --owner it --today 2026-12-01 -o it-checklist.md\n"
        "  ma-plan checklist plan.yaml --format xlsx -o checklist.xlsx\n"
        "Derived items count as done/todo; tracked tasks without a status count as todo.\n"
        "Docs: docs/reports.md");
    c->callback([checklist, &ctx] { ctx.exit_code = run_checklist(*checklist, ctx); });

    auto status = std::make_shared<StatusArgs>();
    CLI::App* s = app.add_subcommand(
        "status", "Readiness per step: done/total, findings, overdue tasks / 準備状況");
    add_common(s, status->common, {"text", "md", "json", "xlsx"}, "text", true);
    add_color_option(s, ctx);
    s->add_option("--today", status->today, "Date for overdue marks (default: today)")
        ->type_name("YYYY-MM-DD");
    s->footer(
        "Examples:\n"
        "  ma-plan status plan.yaml\n"
        "  ma-plan --lang en status plan.yaml --format md -o status.md\n"
        "  ma-plan status plan.yaml --format json --today 2026-12-01\n"
        "  ma-plan status plan.yaml --format xlsx -o status.xlsx\n"
        "Exit code 0 whenever the report was written (findings are shown, not failed on; use\n"
        "ma-plan validate in CI). Docs: docs/reports.md");
    s->callback([status, &ctx] { ctx.exit_code = run_status(*status, ctx); });
}

}  // namespace maplan::cli
