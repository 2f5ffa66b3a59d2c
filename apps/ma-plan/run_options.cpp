#include "run_options.hpp"

#include <fmt/format.h>

#include "config/filesystem.hpp"

namespace maplan::cli {

namespace {

/// One value per occurrence, so `--exclude a b.yaml` leaves b.yaml a path.
CLI::Option* repeatable(CLI::Option* option) {
    return option->expected(1)->allow_extra_args(false)->multi_option_policy(
        CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace

void add_config_option(CLI::App* cmd, RunOptions& options) {
    options.config_option = cmd->add_option("-c,--config", options.config,
                                            "Configuration file for every plan (default: "
                                            ".ma-plan.yaml found by walking up from each plan)")
                                ->type_name("FILE");
}

void add_rule_options(CLI::App* cmd, RunOptions& options) {
    add_config_option(cmd, options);
    repeatable(cmd->add_option("--disable", options.command_line.disable,
                               "Switch a rule off, repeatable (over .ma-plan.yaml)")
                   ->type_name("RULE"));
    repeatable(cmd->add_option("--enable", options.command_line.enable,
                               "Switch a rule back on that .ma-plan.yaml turned off, repeatable")
                   ->type_name("RULE"));
    cmd->add_flag("--no-inline-suppressions", options.command_line.no_inline_suppressions,
                  "Ignore '# ma-plan: disable-…' comments and report every finding");
}

void add_validate_options(CLI::App* cmd, RunOptions& options) {
    options.fail_on_option =
        cmd->add_option("--fail-on", options.fail_on, "Lowest severity that makes the exit code 1")
            ->check(CLI::IsMember({"error", "warning", "info"}))
            ->default_str("error");
    cmd->add_flag("--strict", options.command_line.strict, "Same as --fail-on warning");
    add_rule_options(cmd, options);
    options.max_findings_option =
        cmd->add_option("--max-findings", options.max_findings,
                        fmt::format("Findings shown per rule and file; the rest are counted in a "
                                    "line \"and N more RULE-ID\" (default {}, 0: all)",
                                    ValidateOptions::default_max_findings_per_rule))
            ->type_name("N")
            ->check(CLI::Range(std::size_t{0}, std::size_t{1'000'000}));
    cmd->add_flag("-q,--quiet", options.command_line.quiet,
                  "Show and count errors only (same as --severity error)");
    options.severity_option =
        cmd->add_option("--severity", options.severity,
                        "Lowest severity shown and counted (default: info, i.e. all)")
            ->check(CLI::IsMember({"error", "warning", "info"}));
    options.max_warnings_option = cmd->add_option("--max-warnings", options.max_warnings,
                                                  "Exit code 1 when there are more than N warnings")
                                      ->type_name("N")
                                      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000'000}));
    repeatable(cmd->add_option("--exclude", options.command_line.exclude,
                               "Leave out files found in directories and globs that match GLOB, "
                               "repeatable (named files are always read)")
                   ->type_name("GLOB"));
}

void add_color_option(CLI::App* cmd, Context& ctx) {
    cmd->add_option("--color", ctx.color_mode,
                    "Colour in text output: auto (a terminal, and NO_COLOR unset), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
}

config::ResolvedRun resolve(const RunOptions& options, const std::vector<std::string>& inputs,
                            Context& ctx) {
    config::RunRequest request;
    request.inputs = inputs;
    request.command_line = options.command_line;
    config::CommandLine& cl = request.command_line;
    if (!ctx.lang_name.empty()) cl.language = ctx.lang_name;
    if (options.fail_on_option != nullptr && options.fail_on_option->count() > 0)
        cl.fail_on = parse_severity(options.fail_on);
    if (options.severity_option != nullptr && options.severity_option->count() > 0)
        cl.min_severity = parse_severity(options.severity);
    if (options.max_findings_option != nullptr && options.max_findings_option->count() > 0)
        cl.max_findings = options.max_findings;
    if (options.max_warnings_option != nullptr && options.max_warnings_option->count() > 0)
        cl.max_warnings = options.max_warnings;
    if (options.config_option != nullptr && options.config_option->count() > 0)
        cl.config = options.config;

    config::ResolvedRun run =
        config::resolve_run(request, config::RealFileSystem{}, config::process_environment());
    if (run.language.value && run.language.origin.kind == config::Origin::Kind::config_file) {
        ctx.lang_name = *run.language.value == Lang::ja ? "ja" : "en";
    }
    if (run.skipped_not_plans > 0) {
        std::size_t n = run.skipped_not_plans;
        ctx.err << Text{fmt::format("ma-plan: skipped {} YAML file{} that {} not a plan{} (no "
                                    "ma_plan:)\n",
                                    n, n == 1 ? "" : "s", n == 1 ? "is" : "are", n == 1 ? "" : "s"),
                        fmt::format("ma-plan: プランではない YAML ファイル {} 件を飛ばしました "
                                    "(ma_plan: がありません)\n",
                                    n)}
                       .in(ctx.lang());
    }
    return run;
}

}  // namespace maplan::cli
