#include <unistd.h>

#include <cstdlib>

#include "cli.hpp"
#include "core/errors.hpp"
#include "core/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

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

int explain_unknown_command(const CLI::App& app, int argc, char** argv, Context& ctx) {
    // The first word that is not an option is the command the user meant.
    std::string word;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--lang") {
            ++i;
            continue;
        }
        if (!arg.empty() && arg[0] != '-') {
            word = arg;
            break;
        }
    }
    if (word.empty()) return 0;
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    if (std::find(names.begin(), names.end(), word) != names.end()) return 0;
    std::vector<std::string_view> views(names.begin(), names.end());
    auto guess = closest_match(word, views);
    Lang lang = ctx.lang();
    if (lang == Lang::ja) {
        ctx.err << fmt::format(
            "ma-plan: 不明なコマンド「{}」です{}\n'ma-plan --help' でコマンド一覧を表示します\n",
            word, guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "");
    } else {
        ctx.err << fmt::format(
            "ma-plan: unknown command \"{}\"{}\nRun 'ma-plan --help' for the list of commands\n",
            word, guess ? fmt::format("; did you mean \"{}\"?", *guess) : "");
    }
    return exit_code::usage_error;
}

}  // namespace maplan::cli

int main(int argc, char** argv) {
    using namespace maplan;
    cli::Context ctx;
    CLI::App app{"ma-plan: plan, validate and audit marketing-automation rollouts"};
    app.require_subcommand(1);
    // Global options (--lang) work before or after the subcommand.
    app.fallthrough();
    app.add_option("--lang", ctx.lang_name, "Language of messages: ja or en (default: locale)")
        ->check(CLI::IsMember({"ja", "en"}));
    app.set_version_flag("--version", "ma-plan " MA_PLAN_VERSION);
    cli::register_validate_command(app, ctx);
    cli::register_rules_command(app, ctx);
    cli::register_init_command(app, ctx);
    cli::register_lists_commands(app, ctx);
    cli::register_report_commands(app, ctx);
    cli::register_warmup_command(app, ctx);
    cli::register_schema_command(app, ctx);
    cli::register_domain_commands(app, ctx);
    cli::register_import_commands(app, ctx);
    cli::register_completion_command(app, ctx);  // last: it walks the commands above
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (int code = cli::explain_unknown_command(app, argc, argv, ctx); code != 0) return code;
        int code = app.exit(e);
        return code == 0 ? 0 : exit_code::usage_error;
    } catch (const UsageError& e) {
        ctx.err << "ma-plan: " << e.message().in(ctx.lang()) << "\n";
        return exit_code::bad_option;
    } catch (const MaPlanError& e) {
        ctx.err << "ma-plan: " << e.message().in(ctx.lang()) << "\n";
        return exit_code::input_error;
    } catch (...) {
        // Out of memory, or a library failing in a way ma-plan did not foresee: one line and exit
        // 2, never std::terminate. Unwinding has already rolled back any open transaction and
        // removed temporary output files.
        print_unexpected_failure(ctx.err, std::current_exception(), ctx.lang());
        return exit_code::input_error;
    }
    return ctx.exit_code;
}
