// `ma-plan validate`: check plan files like a compiler or linter.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "cli.hpp"
#include "config/run.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "render/report.hpp"
#include "rules/validate.hpp"
#include "run_options.hpp"

namespace maplan::cli {

namespace {

namespace fs = std::filesystem;

struct ValidateArgs {
    std::vector<std::string> inputs;
    std::vector<std::string> formats;
    RunOptions run;
    std::string print_config;
    unsigned jobs = 0;
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

/// Validates every file over `jobs` threads. Each worker takes the next index, so results land
/// in input order whatever order the threads finish in.
std::vector<FileResult> validate_all(const std::vector<std::string>& paths,
                                     const std::vector<const ValidateOptions*>& options,
                                     unsigned jobs) {
    std::vector<FileResult> results(paths.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
                results[i] = validate_file(paths[i], *options[i]);
            }
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = paths.size();
        }
    };
    unsigned workers = static_cast<unsigned>(std::min<std::size_t>(jobs, paths.size()));
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        for (unsigned i = 0; i < workers; ++i) pool.emplace_back(work);
    }
    if (failure) std::rethrow_exception(failure);
    return results;
}

int run_validate(const ValidateArgs& args, Context& ctx) {
    std::vector<FormatTarget> targets;
    for (const std::string& spec : args.formats) targets.push_back(parse_format(spec));
    if (targets.empty()) {
        targets.push_back({render::OutputFormat::text, ""});
        // In a GitHub Actions job, findings also become annotations on the pull request, as
        // yamllint's "auto" format does.
        if (ctx.in_github_actions()) {
            targets.push_back({render::OutputFormat::github, ""});
        }
    }

    if (!args.print_config.empty()) {
        config::ResolvedRun run = resolve(args.run, {args.print_config}, ctx);
        ctx.print(config::render_effective_config(run, run.plans.front(), ctx.lang()));
        return exit_code::ok;
    }
    if (args.inputs.empty()) throw CLI::RequiredError("files");
    config::ResolvedRun run = resolve(args.run, args.inputs, ctx);
    std::vector<std::string> paths;
    std::vector<const ValidateOptions*> options;
    for (const config::PlanRun& plan : run.plans) {
        paths.push_back(plan.path);
        options.push_back(&plan.options);
    }

    render::Report report;
    report.fail_on = run.fail_on.value;
    unsigned jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
    report.files = validate_all(paths, options, jobs);
    for (FileResult& file : report.files) config::drop_below(file, run.min_severity.value);

    // No output may replace a plan or a configuration file this run read.
    std::vector<fs::path> inputs(paths.begin(), paths.end());
    for (const std::string& file : run.config_files) inputs.emplace_back(file);
    render::RenderOptions render_options;
    render_options.lang = ctx.lang();
    render_options.tool_version = MA_PLAN_VERSION;
    for (const FormatTarget& target : targets) {
        const bool to_stdout = target.path.empty() || is_standard_output(target.path);
        render_options.color =
            to_stdout && target.format == render::OutputFormat::text && ctx.color_stdout();
        std::string text = render::render(report, target.format, render_options);
        // JSON and SARIF escape every line break inside strings, so no line can start with plan
        // text; github output is workflow commands on purpose, their data escaped. Text, compact
        // and JUnit (XML keeps line breaks in text) are guarded.
        bool guarded = target.format == render::OutputFormat::text ||
                       target.format == render::OutputFormat::compact ||
                       target.format == render::OutputFormat::junit;
        if (to_stdout && guarded) {
            ctx.print(text);
        } else if (to_stdout) {
            ctx.out << text;
        } else {
            write_file_atomically(target.path, text, {.inputs = inputs});
        }
    }
    ctx.out.flush();
    if (report.unreadable() > 0) return exit_code::input_error;
    if (report.failed()) return exit_code::findings;
    if (run.max_warnings.value && report.count(Severity::warning) > *run.max_warnings.value) {
        std::size_t n = report.count(Severity::warning);
        ctx.err << Text{fmt::format("ma-plan: {} warnings, more than --max-warnings {}\n", n,
                                    *run.max_warnings.value),
                        fmt::format("ma-plan: 警告が {} 件あり、--max-warnings {} を超えています\n",
                                    n, *run.max_warnings.value)}
                       .in(ctx.lang());
        return exit_code::findings;
    }
    return exit_code::ok;
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
        "  ma-plan validate plans/ --format text --format sarif=ma-plan.sarif\n"
        "  ma-plan validate plans/ --strict --format junit=ma-plan-junit.xml\n\n"
        "Configuration: .ma-plan.yaml in the plan's directory or above (docs/ci.md).\n"
        "Suppress one finding: # ma-plan: disable-next-line RULE-ID reason\n\n"
        "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a file could not be read or\n"
        "parsed, 3 bad command line, 4 a value that is not allowed (also in .ma-plan.yaml).\n"
        "終了コード: 0 問題なし、1 指摘あり、2 ファイルを読めない、3 コマンドラインの誤り、4 "
        "不正な値 (.ma-plan.yaml を含む)");
    cmd->add_option("files", args->inputs,
                    "Plan files, directories (searched for *.yaml, *.yml), quoted globs "
                    "(plans/**/*.yaml) or - "
                    "for stdin");
    auto names = render::output_format_names();
    cmd->add_option(
           "-f,--format", args->formats,
           fmt::format("Output format, repeatable; FORMAT=FILE writes that format to FILE "
                       "({}); FILE - is standard output. Default: text, plus github inside GitHub "
                       "Actions",
                       fmt::join(names, ", ")))
        ->type_name("FORMAT[=FILE]")
        ->delimiter(',')
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->envname("MA_PLAN_FORMAT");
    add_validate_options(cmd, args->run);
    cmd->add_option("--print-config", args->print_config,
                    "Print the configuration that applies to FILE, each value with where it "
                    "came from, and exit")
        ->type_name("FILE");
    add_color_option(cmd, ctx);
    cmd->add_option("-j,--jobs", args->jobs,
                    "Files validated in parallel (default: number of cores)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u))
        ->envname("MA_PLAN_JOBS");
    cmd->callback([args, &ctx] { ctx.exit_code = run_validate(*args, ctx); });
}

}  // namespace maplan::cli
