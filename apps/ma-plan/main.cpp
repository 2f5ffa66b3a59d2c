#include <unistd.h>

#include <cstdlib>

#include "cli.hpp"
#include "core/cli_text.hpp"
#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/suggest.hpp"
#include "help_format.hpp"
#include "version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <new>
#include <stdexcept>

namespace maplan::cli {

Lang Context::lang() const {
    if (!lang_name.empty()) {
        if (auto lang = parse_lang(lang_name)) return *lang;
    }
    if (const char* env = std::getenv("MA_PLAN_LANG"); env != nullptr && *env != '\0') {
        if (auto lang = parse_lang(env)) return *lang;
    }
    return lang_from_environment();
}

static bool color_allowed(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') return false;
    return ::isatty(fd) != 0;
}

bool Context::color_stdout() const {
    if (color_mode != "auto") return color_mode == "always";
    return color_allowed(STDOUT_FILENO);
}
bool Context::color_stderr() const {
    if (color_mode != "auto") return color_mode == "always";
    return color_allowed(STDERR_FILENO);
}

bool Context::in_github_actions() const {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    return gha != nullptr && std::string_view(gha) == "true";
}

void Context::print(std::string_view text) {
    if (in_github_actions()) {
        out << github_neutralize_lines(text);
    } else {
        out << text;
    }
}

int explain_unknown_command(const CLI::App& app, int argc, char** argv, Context& ctx) {
    // Follow the words that are not options down the command tree ("lists imprt"): the first
    // one that names no subcommand of a command that has subcommands is the typo.
    const CLI::App* current = &app;
    std::string parent;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--lang") {
            ++i;
            continue;
        }
        if (arg.empty() || arg[0] == '-') continue;
        auto subs = current->get_subcommands([](const CLI::App*) { return true; });
        if (subs.empty()) return 0;
        std::vector<std::string> names;
        for (const CLI::App* sub : subs) names.push_back(sub->get_name());
        auto found = std::find(names.begin(), names.end(), arg);
        if (found == names.end()) {
            ctx.err << maplan::explain_unknown_command(parent, arg, names).in(ctx.lang());
            return exit_code::usage_error;
        }
        current = subs[static_cast<std::size_t>(found - names.begin())];
        parent = parent.empty() ? arg : parent + " " + arg;
    }
    return 0;
}

int parse_error_exit_code(std::string_view kind) {
    // A value the option does not accept (IsMember, Range, a number that is not one) is "a value
    // not allowed"; everything else CLI11 reports (unknown option, missing argument, extra
    // argument, excluded combination) is a bad command line.
    if (kind == "ValidationError" || kind == "ConversionError") return exit_code::bad_option;
    return exit_code::usage_error;
}

void test_throw_hook() {
    // For tests/e2e/exit_codes_test.cpp only (not a user feature, not documented for users):
    // MA_PLAN_TEST_THROW makes the run fail the way a library bug would, to prove that such a
    // failure still ends in the last catch of main() with one line and exit code 2.
    const char* kind = std::getenv("MA_PLAN_TEST_THROW");
    if (kind == nullptr || *kind == '\0') return;
    std::string_view k = kind;
    if (k == "internal")
        throw InternalError({"test hook: broken invariant", "テスト用: 不変条件の破れ"});
    if (k == "alloc") throw std::bad_alloc();
    if (k == "int") throw 42;
    throw std::runtime_error("test hook: " + std::string(k));
}

int explain_parse_error(const CLI::App& app, const CLI::ParseError& e, Context& ctx) {
    // The deepest command parsed so far is the one whose options the user meant.
    const CLI::App* current = &app;
    std::string command;
    while (true) {
        auto parsed = current->get_subcommands();
        if (parsed.empty()) break;
        current = parsed.front();
        command = command.empty() ? current->get_name() : command + " " + current->get_name();
    }
    std::vector<std::string> options;
    for (const CLI::App* a = current; a != nullptr; a = a->get_parent()) {
        for (const CLI::Option* opt : a->get_options()) {
            for (const std::string& name : opt->get_lnames()) options.push_back("--" + name);
        }
    }
    ctx.err << maplan::explain_parse_error(e.get_name(), e.what(), options, command).in(ctx.lang());
    return parse_error_exit_code(e.get_name());
}

}  // namespace maplan::cli

namespace {

/// One invocation: builds the command tree, parses and runs the command. Everything it throws
/// that is not a command-line or MaPlanError failure reaches the last catch in main().
int run(int argc, char** argv, maplan::cli::Context& ctx) {
    using namespace maplan;
    // Named, so usage lines say "ma-plan" however the binary was started.
    CLI::App app{"ma-plan: plan, validate and audit marketing-automation rollouts", "ma-plan"};
    app.require_subcommand(1);
    // Global options (--lang) work before or after the subcommand.
    app.fallthrough();
    app.add_option("--lang", ctx.lang_name, "Language of messages: ja or en (default: locale)")
        ->check(CLI::IsMember({"ja", "en"}));
    app.set_version_flag("--version", std::string(cli::version_line()));
    cli::register_validate_command(app, ctx);
    cli::register_rules_command(app, ctx);
    cli::register_init_command(app, ctx);
    cli::register_lists_commands(app, ctx);
    cli::register_report_commands(app, ctx);
    cli::register_warmup_command(app, ctx);
    cli::register_rollout_report_command(app, ctx);
    cli::register_schema_command(app, ctx);
    cli::register_domain_commands(app, ctx);
    cli::register_diff_command(app, ctx);
    cli::register_history_command(app, ctx);
    cli::register_import_commands(app, ctx);
    cli::register_completion_command(app, ctx);  // last: it walks the commands above
    cli::install_help_formatter(app, ctx.lang());
    try {
        cli::test_throw_hook();
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (int code = cli::explain_unknown_command(app, argc, argv, ctx); code != 0) return code;
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        return cli::explain_parse_error(app, e, ctx);
    } catch (const InternalError& e) {
        print_internal_error(ctx.err, e.message().in(ctx.lang()), ctx.lang());
        return e.exit_code();
    } catch (const MaPlanError& e) {
        ctx.err << "ma-plan: " << e.message().in(ctx.lang()) << "\n";
        return e.exit_code();
    }
    return ctx.exit_code;
}

}  // namespace

// The one failure boundary: every failure ends here as one message on stderr and the exit code
// README.md "Exit codes" gives for it, never std::terminate.
int main(int argc, char** argv) {
    using namespace maplan;
    cli::Context ctx;
    Lang lang = Lang::en;
    try {
        // CLI11 stores --lang only once parsing succeeds; its own errors need the language first.
        for (int i = 1; i + 1 < argc; ++i) {
            if (std::string_view(argv[i]) == "--lang") ctx.lang_name = argv[i + 1];
        }
        for (int i = 1; i < argc; ++i) {
            if (std::string_view(argv[i]).starts_with("--lang=")) ctx.lang_name = argv[i] + 7;
        }
        lang = ctx.lang();
        return run(argc, argv, ctx);
    } catch (...) {
        // Out of memory, or a failure ma-plan did not foresee (a bug): one line and exit 2.
        // Unwinding has already rolled back any open transaction and removed temporary output
        // files.
        print_unexpected_failure(ctx.err, std::current_exception(), lang);
        return exit_code::input_error;
    }
}
