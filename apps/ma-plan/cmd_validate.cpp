// `ma-plan validate`: check plan files like a compiler or linter.
#include <fmt/format.h>
#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "cli.hpp"
#include "config/config.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/inputs.hpp"
#include "render/report.hpp"
#include "rules/validate.hpp"

namespace maplan::cli {

namespace {

namespace fs = std::filesystem;

struct ValidateArgs {
    std::vector<std::string> inputs;
    std::vector<std::string> formats;
    std::string fail_on = "error";
    bool strict = false;
    std::string config;
    bool no_inline_suppressions = false;
    unsigned jobs = 0;
    std::size_t max_findings = 0;
    // Set when the value came from the command line or its MA_PLAN_* variable, which both win
    // over the configuration file.
    CLI::Option* fail_on_option = nullptr;
    CLI::Option* strict_option = nullptr;
    CLI::Option* suppressions_option = nullptr;
    CLI::Option* max_findings_option = nullptr;
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

/// Reads configuration files once each and remembers which one governs each directory.
class ConfigCache {
  public:
    explicit ConfigCache(const std::string& explicit_path) {
        if (!explicit_path.empty()) explicit_ = &load(fs::path(explicit_path));
    }

    /// The configuration for plans in `dir` (the built-in defaults if there is none).
    const config::Config& for_directory(const fs::path& dir) {
        if (explicit_ != nullptr) return *explicit_;
        std::error_code ec;
        fs::path key = fs::absolute(dir.empty() ? fs::path(".") : dir, ec).lexically_normal();
        auto it = by_dir_.find(key);
        if (it != by_dir_.end()) return *it->second;
        auto found = config::find_config(key);
        const config::Config& c = found ? load(*found) : defaults_;
        by_dir_.emplace(key, &c);
        return c;
    }

    /// The configuration for one plan path ("-": the current directory).
    const config::Config& for_plan(const std::string& path) {
        if (path == "-") return for_directory(".");
        std::error_code ec;
        if (fs::is_directory(path, ec)) return for_directory(path);
        return for_directory(fs::path(path).parent_path());
    }

    /// Every mistake in every file read, as one message: exit code 4, or 2 when a file could
    /// not be read at all.
    void throw_errors() const {
        if (errors_.empty()) return;
        std::string en, ja;
        bool unreadable = false;
        for (const config::ConfigError& e : errors_) {
            en += (en.empty() ? "" : "\n") + e.format(Lang::en);
            ja += (ja.empty() ? "" : "\n") + e.format(Lang::ja);
            unreadable = unreadable || e.unreadable;
        }
        if (unreadable) throw IoError({en, ja});
        throw UsageError({en, ja});
    }

    /// Every configuration file read so far.
    std::vector<fs::path> files() const {
        std::vector<fs::path> out;
        for (const auto& [file, config] : by_file_) out.emplace_back(file);
        return out;
    }

  private:
    const config::Config& load(const fs::path& path) {
        std::string key = path.lexically_normal().string();
        auto it = by_file_.find(key);
        if (it != by_file_.end()) return it->second;
        config::LoadedConfig loaded = config::load_config(path);
        errors_.insert(errors_.end(), loaded.errors.begin(), loaded.errors.end());
        return by_file_.emplace(key, std::move(loaded.config)).first->second;
    }

    const config::Config* explicit_ = nullptr;
    config::Config defaults_;
    std::map<std::string, config::Config> by_file_;  // std::map: references stay valid
    std::map<fs::path, const config::Config*> by_dir_;
    std::vector<config::ConfigError> errors_;
};

/// Expands a quoted glob the shell left alone (CI configs often quote them): `plans/*.yaml`, and
/// `plans/**/*.yaml` for any depth. Sorted; a pattern that matches nothing is passed through so
/// the reader reports it as a missing file.
std::vector<std::string> expand_globs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (arg == "-" || arg.find_first_of("*?[") == std::string::npos || fs::exists(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        if (arg.find("**") != std::string::npos) {
            // glob(3) has no "**": walk from the directory before the first wildcard and match
            // the whole path, with "**/" also standing for no directory at all.
            std::string root = arg.substr(0, arg.find_first_of("*?["));
            root = root.substr(0, root.rfind('/') == std::string::npos ? 0 : root.rfind('/'));
            std::string shallow = arg;
            for (std::size_t at; (at = shallow.find("**/")) != std::string::npos;)
                shallow.erase(at, 3);
            auto options = fs::directory_options::skip_permission_denied;
            for (fs::recursive_directory_iterator it(root.empty() ? "." : root, options, ec), end;
                 !ec && it != end; it.increment(ec)) {
                if (!it->is_regular_file(ec)) continue;
                std::string path = root.empty() ? it->path().lexically_relative(".").string()
                                                : it->path().string();
                if (::fnmatch(arg.c_str(), path.c_str(), 0) == 0 ||
                    ::fnmatch(shallow.c_str(), path.c_str(), FNM_PATHNAME) == 0) {
                    found.push_back(path);
                }
            }
        } else {
            glob_t g{};
            if (::glob(arg.c_str(), 0, nullptr, &g) == 0) {
                for (std::size_t i = 0; i < g.gl_pathc; ++i) found.emplace_back(g.gl_pathv[i]);
            }
            ::globfree(&g);
        }
        std::sort(found.begin(), found.end());
        if (found.empty()) found.push_back(arg);
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
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

    ConfigCache configs(args.config);
    std::vector<std::string> paths = expand_inputs(expand_globs(args.inputs));
    // Run-wide settings (language, failing severity) come from the configuration of the first
    // plan named, or from --config.
    const config::Config& run_config =
        configs.for_plan(paths.empty() ? args.inputs.front() : paths.front());
    std::optional<bool> inline_suppressions;
    if (args.suppressions_option->count() > 0) inline_suppressions = !args.no_inline_suppressions;
    std::map<const config::Config*, ValidateOptions> options_by_config;
    std::vector<const ValidateOptions*> options;
    for (const std::string& path : paths) {
        const config::Config* c = &configs.for_plan(path);
        auto it = options_by_config.find(c);
        if (it == options_by_config.end()) {
            ValidateOptions o = config::validate_options(*c, inline_suppressions);
            if (args.max_findings_option->count() > 0) o.max_findings_per_rule = args.max_findings;
            it = options_by_config.emplace(c, std::move(o)).first;
        }
        options.push_back(&it->second);
    }
    configs.throw_errors();

    const char* env_lang = std::getenv("MA_PLAN_LANG");
    if (ctx.lang_name.empty() && (env_lang == nullptr || *env_lang == '\0') &&
        run_config.language) {
        ctx.lang_name = *run_config.language == Lang::ja ? "ja" : "en";
    }
    Severity fail_on = Severity::error;
    if (args.strict_option->count() > 0 && args.strict) {
        fail_on = Severity::warning;
    } else if (args.fail_on_option->count() > 0) {
        fail_on = *parse_severity(args.fail_on);
    } else if (run_config.fail_on) {
        fail_on = *run_config.fail_on;
    }

    render::Report report;
    report.fail_on = fail_on;
    unsigned jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
    report.files = validate_all(paths, options, jobs);

    // No output may replace a plan or a configuration file this run read.
    std::vector<fs::path> inputs(paths.begin(), paths.end());
    for (const fs::path& file : configs.files()) inputs.push_back(file);
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
                    "for stdin")
        ->required();
    auto names = render::output_format_names();
    cmd->add_option(
           "-f,--format", args->formats,
           fmt::format("Output format, repeatable; FORMAT=FILE writes that format to FILE "
                       "({}); FILE - is standard output. Default: text, plus github inside GitHub "
                       "Actions",
                       fmt::join(names, ", ")))
        ->type_name("FORMAT[=FILE]")
        ->delimiter(',')
        ->envname("MA_PLAN_FORMAT");
    args->fail_on_option =
        cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit code 1")
            ->check(CLI::IsMember({"error", "warning", "info"}))
            ->default_str("error")
            ->envname("MA_PLAN_FAIL_ON");
    args->strict_option = cmd->add_flag("--strict", args->strict, "Same as --fail-on warning")
                              ->envname("MA_PLAN_STRICT");
    cmd->add_option("-c,--config", args->config,
                    "Configuration file for every plan (default: .ma-plan.yaml found by walking "
                    "up from each plan)")
        ->type_name("FILE")
        ->envname("MA_PLAN_CONFIG");
    args->suppressions_option =
        cmd->add_flag("--no-inline-suppressions", args->no_inline_suppressions,
                      "Ignore '# ma-plan: disable-…' comments and report every finding")
            ->envname("MA_PLAN_NO_INLINE_SUPPRESSIONS");
    args->max_findings_option =
        cmd->add_option("--max-findings", args->max_findings,
                        fmt::format("Findings shown per rule and file; the rest are counted in a "
                                    "line \"and N more RULE-ID\" (default {}, 0: all)",
                                    ValidateOptions::default_max_findings_per_rule))
            ->type_name("N")
            ->check(CLI::Range(std::size_t{0}, std::size_t{1'000'000}))
            ->envname("MA_PLAN_MAX_FINDINGS");
    cmd->add_option("-j,--jobs", args->jobs,
                    "Files validated in parallel (default: number of cores)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u))
        ->envname("MA_PLAN_JOBS");
    cmd->callback([args, &ctx] { ctx.exit_code = run_validate(*args, ctx); });
}

}  // namespace maplan::cli
