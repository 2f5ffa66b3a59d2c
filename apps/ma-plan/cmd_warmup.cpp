// `ma-plan warmup PLAN`: the day-by-day IP warm-up schedule and the bulk-sender gate (issue 10).
// Thin: read the plan and its .ma-plan.yaml, run MAIL-014 with the same thresholds, call
// lib/reports, write.
#include <fmt/format.h>

#include <cstdlib>

#include "cli.hpp"
#include "config/run.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "reports/warmup.hpp"
#include "rules/validate.hpp"
#include "run_options.hpp"

namespace maplan::cli {

namespace {

struct WarmupArgs {
    std::string plan;
    std::string format = "md";
    std::string output;
    std::string start;
    long long first_day = 50;
    bool bom = false;
    RunOptions run;
};

/// Same precedence as the other reports: --lang, MA_PLAN_LANG, the plan's language, the locale.
Lang warmup_lang(const Context& ctx, const Project* project) {
    const char* env = std::getenv("MA_PLAN_LANG");
    bool explicit_lang = !ctx.lang_name.empty() || (env != nullptr && *env != '\0');
    if (!explicit_lang && project != nullptr) {
        if (auto lang = parse_lang(project->project.language.value)) return *lang;
    }
    return ctx.lang();
}

std::string shown(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

int run_warmup(const WarmupArgs& args, Context& ctx) {
    reports::Date start = reports::today_local();
    if (!args.start.empty()) {
        auto d = reports::parse_date(args.start);
        if (!d) throw UsageError(date_option_message("--start", args.start));
        start = *d;
    }
    if (args.first_day < 1)
        throw UsageError({"--first-day must be at least 1", "--first-day は 1 以上にしてください"});
    auto format = reports::parse_format(args.format);
    // The plan's .ma-plan.yaml (as validate finds it), so MAIL-014 and the schedule use the
    // repository's thresholds; a broken configuration stops the run (exit 4), as in validate.
    config::ResolvedRun run = resolve(args.run, {args.plan}, ctx);
    ValidateOptions options = run.plans.empty() ? ValidateOptions{} : run.plans.front().options;
    FileResult result = validate_file(args.plan, options);
    Lang lang = warmup_lang(ctx, result.project.get());
    if (result.fatal) {
        const auto& f = *result.fatal;
        std::string where =
            f.pos.known() ? fmt::format("{}:{}:{}", shown(args.plan), f.pos.line, f.pos.column)
                          : shown(args.plan);
        ctx.err << fmt::format("{}: {}: {}\n", where, severity_label(Severity::error, ctx.lang()),
                               f.message.in(ctx.lang()));
        return exit_code::input_error;
    }
    std::vector<Finding> mail014;
    for (const Finding& f : result.findings)
        if (f.rule_id == "MAIL-014") mail014.push_back(f);
    reports::WarmupResult built = reports::build_warmup(*result.project, {start, args.first_day},
                                                        options.thresholds, std::move(mail014));
    if (built.error) {
        const auto& e = *built.error;
        ctx.err << fmt::format("{}:{}:{}: {}: {}\n", shown(args.plan), e.pos.line, e.pos.column,
                               severity_label(Severity::error, ctx.lang()),
                               e.message.in(ctx.lang()));
        return e.value_not_allowed ? exit_code::bad_option : exit_code::input_error;
    }
    reports::RenderOptions render{lang, args.bom, false};
    std::string text = reports::render_warmup(*built.schedule, *format, render);
    if (args.output.empty() || args.output == "-") {
        ctx.out << text;
        ctx.out.flush();
    } else {
        write_file_atomically(args.output, text);
    }
    return exit_code::ok;
}

}  // namespace

void register_warmup_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<WarmupArgs>();
    CLI::App* w = app.add_subcommand(
        "warmup", "Day-by-day IP warm-up schedule and bulk-sender checks / IP ウォーミング計画");
    w->add_option("plan", args->plan, "Plan file (- for standard input)")->required();
    w->add_option("-f,--format", args->format, "Output format")
        ->check(CLI::IsMember({"md", "csv", "json"}))
        ->default_str("md");
    w->add_option("-o,--output", args->output,
                  "Write to FILE atomically (an existing file is kept if the run fails)")
        ->type_name("FILE");
    w->add_option("--start", args->start, "First sending day (default: today)")
        ->type_name("YYYY-MM-DD");
    w->add_option("--first-day", args->first_day, "Messages on the first sending day")
        ->default_str("50");
    w->add_flag("--bom", args->bom, "CSV: start with a UTF-8 BOM so Excel reads Japanese");
    w->footer(
        "Examples:\n"
        "  ma-plan warmup plan.yaml --start 2027-01-04\n"
        "  ma-plan warmup plan.yaml --format csv --bom -o warmup.csv\n"
        "  ma-plan --lang en warmup plan.yaml --format json\n"
        "Reads email.daily_volume, email.ip_warming (weeks, days_per_week, providers) and the\n"
        "MAIL-014 findings with the repository's thresholds. Exit 2 when the plan has no\n"
        "daily_volume or ip_warming.weeks, 4 for a value out of range. Docs: docs/mail.md");
    add_rule_options(w, args->run);
    w->callback([args, &ctx] { ctx.exit_code = run_warmup(*args, ctx); });
}

}  // namespace maplan::cli
