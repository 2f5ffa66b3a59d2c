#include <unistd.h>

#include <cstdlib>

#include "cli.hpp"
#include "core/errors.hpp"

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
    return color_allowed(STDOUT_FILENO);
}
bool Context::color_stderr() const {
    return color_allowed(STDERR_FILENO);
}

}  // namespace maplan::cli

int main(int argc, char** argv) {
    using namespace maplan;
    cli::Context ctx;
    CLI::App app{"ma-plan: plan, validate and audit marketing-automation rollouts"};
    app.require_subcommand(1);
    app.add_option("--lang", ctx.lang_name, "Language of messages: ja or en (default: locale)")
        ->check(CLI::IsMember({"ja", "en"}));
    app.set_version_flag("--version", "ma-plan " MA_PLAN_VERSION);
    cli::register_validate_command(app, ctx);
    cli::register_rules_command(app, ctx);
    cli::register_lists_commands(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : exit_code::usage_error;
    } catch (const UsageError& e) {
        ctx.err << "ma-plan: " << e.message().in(ctx.lang()) << "\n";
        return exit_code::bad_option;
    } catch (const MaPlanError& e) {
        ctx.err << "ma-plan: " << e.message().in(ctx.lang()) << "\n";
        return exit_code::input_error;
    }
    return ctx.exit_code;
}
