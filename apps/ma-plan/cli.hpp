#pragma once
// Shared state of one ma-plan invocation. The app layer is thin: it parses the command line,
// calls the library and turns the result into an exit code.
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "core/exit_codes.hpp"
#include "core/text.hpp"

namespace maplan::cli {

struct Context {
    std::string lang_name;  ///< --lang as given (empty: from the locale / MA_PLAN_LANG)
    std::ostream& out = std::cout;
    std::ostream& err = std::cerr;
    int exit_code = exit_code::ok;
    /// --color: auto (a terminal and no NO_COLOR), always or never.
    std::string color_mode = "auto";

    Lang lang() const;
    /// Colour on stdout/stderr: only on a terminal, never with NO_COLOR set (https://no-color.org).
    bool color_stdout() const;
    bool color_stderr() const;
    /// Inside a GitHub Actions job (GITHUB_ACTIONS=true), where stdout lines can be commands.
    bool in_github_actions() const;
    /// Writes text for people to stdout; inside GitHub Actions no line of it can start a
    /// workflow command (github_neutralize_lines). Not for --format github itself.
    void print(std::string_view text);
};

/// If a command word (at any level: "lists imprt") is not a known command, prints "did you
/// mean" and returns the exit code; else 0.
int explain_unknown_command(const CLI::App& app, int argc, char** argv, Context& ctx);
/// The exit code for a CLI11 error of this kind (its get_name()): 4 for a value the option does
/// not accept, 3 for any other bad command line.
int parse_error_exit_code(std::string_view kind);
/// Throws when the test-only MA_PLAN_TEST_THROW is set (main.cpp says how); else nothing.
void test_throw_hook();
/// Prints a CLI11 parse error in the user's language with the nearest option (lib/core/cli_text).
int explain_parse_error(const CLI::App& app, const CLI::ParseError& e, Context& ctx);

/// Each command group registers its subcommands; each file owns one group.
void register_validate_command(CLI::App& app, Context& ctx);
void register_rules_command(CLI::App& app, Context& ctx);
void register_init_command(CLI::App& app, Context& ctx);
void register_lists_commands(CLI::App& app, Context& ctx);
void register_report_commands(CLI::App& app, Context& ctx);
void register_warmup_command(CLI::App& app, Context& ctx);
void register_rollout_report_command(CLI::App& app, Context& ctx);
void register_schema_command(CLI::App& app, Context& ctx);
void register_domain_commands(CLI::App& app, Context& ctx);
void register_diff_command(CLI::App& app, Context& ctx);
void register_history_command(CLI::App& app, Context& ctx);
/// Registered by register_history_command (cmd_snapshot.cpp).
void register_snapshot_command(CLI::App& app, Context& ctx);
void register_import_commands(CLI::App& app, Context& ctx);
void register_completion_command(CLI::App& app, Context& ctx);

}  // namespace maplan::cli
