#pragma once
// The options every plan-reading command shares, registered once here and resolved through
// config::resolve_run, so `validate`, `status`, `checklist`, `raci`, `report`, `ops`, `funnel`
// and `rules` obey the same .ma-plan.yaml, MA_PLAN_* variables and command line.
#include <string>
#include <vector>

#include "cli.hpp"
#include "config/run.hpp"

namespace maplan::cli {

struct RunOptions {
    config::CommandLine command_line;
    std::string fail_on;
    std::string severity;
    std::size_t max_findings = 0;
    std::size_t max_warnings = 0;
    std::string config;
    CLI::Option* fail_on_option = nullptr;
    CLI::Option* severity_option = nullptr;
    CLI::Option* max_findings_option = nullptr;
    CLI::Option* max_warnings_option = nullptr;
    CLI::Option* config_option = nullptr;
};

/// -c/--config FILE.
void add_config_option(CLI::App* cmd, RunOptions& options);
/// --disable RULE, --enable RULE, --no-inline-suppressions (with --config).
void add_rule_options(CLI::App* cmd, RunOptions& options);
/// validate's gates and filters: --fail-on, --strict, --max-findings, -q/--quiet, --severity,
/// --max-warnings, --exclude (with the rule options).
void add_validate_options(CLI::App* cmd, RunOptions& options);
/// --color auto|always|never, into ctx.
void add_color_option(CLI::App* cmd, Context& ctx);

/// Resolves the run for `inputs` with the real filesystem and environment; applies the
/// configured language to `ctx` and notes skipped files on stderr.
config::ResolvedRun resolve(const RunOptions& options, const std::vector<std::string>& inputs,
                            Context& ctx);

}  // namespace maplan::cli
