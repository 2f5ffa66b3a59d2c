// `ma-plan validate`: check plan files like a compiler or linter.
#include <fmt/format.h>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/inputs.hpp"
#include "render/report.hpp"
#include "rules/validate.hpp"

namespace maplan::cli {

namespace {

struct ValidateArgs {
    std::vector<std::string> inputs;
    std::vector<std::string> formats;
    std::string fail_on = "error";
    bool strict = false;
};

struct FormatTarget {
    render::OutputFormat format;
    std::string path;  ///< empty: standard output
};

FormatTarget parse_format(const std::string& spec) {
    auto eq = spec.find('=');
    std::string name = spec.substr(0, eq);
    std::string path = eq == std::string::npos ? "" : spec.substr(eq + 1);
    auto format = render::parse_output_format(name);
    if (!format) {
        auto names = render::output_format_names();
        throw UsageError(
            {fmt::format("unknown format \"{}\"; choose one of: {}", name, fmt::join(names, ", ")),
             fmt::format("不明な形式「{}」です。次から選んでください: {}", name,
                         fmt::join(names, ", "))});
    }
    if (eq != std::string::npos && path.empty()) {
        throw UsageError(
            {fmt::format("--format {}= needs a file name after '='", name),
             fmt::format("--format {}= の '=' の後にファイル名を書いてください", name)});
    }
    return {*format, path};
}

int run_validate(const ValidateArgs& args, Context& ctx) {
    std::vector<FormatTarget> targets;
    for (const std::string& spec : args.formats) targets.push_back(parse_format(spec));
    if (targets.empty()) targets.push_back({render::OutputFormat::text, ""});
    auto fail_on = parse_severity(args.strict ? "warning" : args.fail_on);

    render::Report report;
    report.fail_on = *fail_on;
    ValidateOptions options;
    for (const std::string& path : expand_inputs(args.inputs)) {
        report.files.push_back(validate_file(path, options));
    }

    render::RenderOptions render_options;
    render_options.lang = ctx.lang();
    render_options.tool_version = MA_PLAN_VERSION;
    for (const FormatTarget& target : targets) {
        render_options.color = target.path.empty() && target.format == render::OutputFormat::text &&
                               ctx.color_stdout();
        std::string text = render::render(report, target.format, render_options);
        if (target.path.empty()) {
            ctx.out << text;
        } else {
            write_file_atomically(target.path, text);
        }
    }
    ctx.out.flush();
    if (report.unreadable() > 0) return exit_code::input_error;
    return report.failed() ? exit_code::findings : exit_code::ok;
}

}  // namespace

void register_validate_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ValidateArgs>();
    CLI::App* cmd =
        app.add_subcommand("validate", "Check plan files: schema, references and every rule");
    cmd->footer(
        "Examples:\n"
        "  ma-plan validate plan.yaml\n"
        "  ma-plan validate plans/ --format json\n"
        "  cat plan.yaml | ma-plan validate -\n"
        "  ma-plan validate plan.yaml --format text --format json=findings.json\n\n"
        "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a file could not be read or\n"
        "parsed, 3 bad command line, 4 a value that is not allowed.\n"
        "終了コード: 0 問題なし、1 指摘あり、2 ファイルを読めない、3 コマンドラインの誤り、4 "
        "不正な値");
    cmd->add_option("files", args->inputs,
                    "Plan files, directories (searched for *.yaml, *.yml) or - for stdin")
        ->required();
    cmd->add_option(
           "-f,--format", args->formats,
           "Output format, repeatable; FORMAT=FILE writes that format to FILE (text, json)")
        ->type_name("FORMAT[=FILE]");
    cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "info"}))
        ->default_str("error");
    cmd->add_flag("--strict", args->strict, "Same as --fail-on warning");
    cmd->callback([args, &ctx] { ctx.exit_code = run_validate(*args, ctx); });
}

}  // namespace maplan::cli
