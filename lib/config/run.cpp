#include "config/run.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "rules/rule.hpp"

namespace maplan::config {

namespace {

namespace fs = std::filesystem;

std::string normal(const fs::path& p) {
    std::string out = p.lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

std::string absolute_in(const FileSystem& fs, const std::string& path) {
    fs::path p(path.empty() ? "." : path);
    if (p.is_relative()) p = fs::path(fs.current_directory()) / p;
    return normal(p);
}

/// `path` relative to `base` (both absolute), '/'-separated; empty when it is not below it.
std::string relative_below(const std::string& path, const std::string& base) {
    fs::path rel = fs::path(path).lexically_relative(base);
    std::string out = rel.string();
    if (out.empty() || out == "." || out.starts_with("..")) return "";
    return out;
}

std::string did_you_mean_en(const std::optional<std::string>& guess) {
    return guess ? fmt::format("; did you mean \"{}\"?", *guess) : "";
}
std::string did_you_mean_ja(const std::optional<std::string>& guess) {
    return guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "";
}

Origin from_command_line(std::string option) {
    return {Origin::Kind::command_line, std::move(option)};
}
Origin from_environment(std::string name) {
    return {Origin::Kind::environment, std::move(name)};
}
Origin from_file(const Config& c) {
    return {Origin::Kind::config_file, c.path};
}

/// Reads each configuration file once and remembers which one governs each directory.
class ConfigCache {
  public:
    ConfigCache(const FileSystem& fs, std::map<std::string, Config>& store,
                const std::optional<std::string>& explicit_path)
        : fs_(fs), store_(store) {
        store_.emplace("", Config{});
        if (explicit_path) explicit_ = &load(*explicit_path);
    }

    const Config& for_directory(const std::string& dir) {
        if (explicit_ != nullptr) return *explicit_;
        std::string key = absolute_in(fs_, dir);
        auto it = by_dir_.find(key);
        if (it != by_dir_.end()) return *it->second;
        auto found = find_config(fs_, key);
        const Config& c = found ? load(*found) : store_.at("");
        by_dir_.emplace(key, &c);
        return c;
    }

    const Config& for_plan(const std::string& path) {
        if (path == "-") return for_directory(".");
        if (fs_.is_directory(path)) return for_directory(path);
        return for_directory(fs::path(path).parent_path().string());
    }

    void throw_errors() const {
        if (errors_.empty()) return;
        std::string en, ja;
        bool unreadable = false;
        for (const ConfigError& e : errors_) {
            en += (en.empty() ? "" : "\n") + e.format(Lang::en);
            ja += (ja.empty() ? "" : "\n") + e.format(Lang::ja);
            unreadable = unreadable || e.unreadable;
        }
        if (unreadable) throw IoError({en, ja});
        throw UsageError({en, ja});
    }

    std::vector<std::string> files() const {
        std::vector<std::string> out;
        for (const auto& [file, c] : store_) {
            if (!file.empty()) out.push_back(c.path);
        }
        return out;
    }

  private:
    const Config& load(const std::string& path) {
        std::string key = absolute_in(fs_, path);
        auto it = store_.find(key);
        if (it != store_.end()) return it->second;
        LoadedConfig loaded;
        yaml::ReadResult read = fs_.read_source(path);
        if (read.error) {
            loaded.config.path = path;
            loaded.errors.push_back(ConfigError{path, read.error->pos, read.error->message, true});
        } else {
            loaded = parse_config(read.source);
        }
        errors_.insert(errors_.end(), loaded.errors.begin(), loaded.errors.end());
        return store_.emplace(key, std::move(loaded.config)).first->second;
    }

    const FileSystem& fs_;
    std::map<std::string, Config>& store_;
    const Config* explicit_ = nullptr;
    std::map<std::string, const Config*> by_dir_;
    std::vector<ConfigError> errors_;
};

bool is_yaml_name(const std::string& name) {
    fs::path p(name);
    std::string ext = p.extension().string();
    return (ext == ".yaml" || ext == ".yml") && name != ".ma-plan.yaml" && name != ".ma-plan.yml";
}

/// Every regular file below `dir` (as spelled, joined with '/'), hidden directories skipped
/// (.git and friends). Directories too when `with_directories`.
void walk(const FileSystem& fs, const std::string& dir, std::vector<std::string>& out,
          bool with_directories) {
    for (const DirEntry& e : fs.list(dir)) {
        std::string path = dir.empty() || dir == "." ? e.name
                           : dir.back() == '/'       ? dir + e.name
                                                     : dir + "/" + e.name;
        if (e.directory) {
            if (!e.name.empty() && e.name[0] == '.') continue;
            if (with_directories) out.push_back(path);
            walk(fs, path, out, with_directories);
        } else {
            out.push_back(path);
        }
    }
}

/// Expands a quoted glob the shell left alone (CI configs often quote them): `plans/*.yaml`, and
/// `plans/**/*.yaml` for any depth. Matching directories stand for their files.
std::vector<std::string> expand_glob(const FileSystem& fs, const std::string& pattern) {
    std::string root = pattern.substr(0, pattern.find_first_of("*?["));
    root = root.substr(0, root.rfind('/') == std::string::npos ? 0 : root.rfind('/'));
    std::vector<std::string> all;
    walk(fs, root.empty() ? "." : root, all, true);
    std::string shallow = pattern;
    for (std::size_t at; (at = shallow.find("**/")) != std::string::npos;) shallow.erase(at, 3);
    bool deep = pattern.find("**") != std::string::npos;
    std::vector<std::string> found;
    for (const std::string& path : all) {
        bool match = deep
                         ? ::fnmatch(pattern.c_str(), path.c_str(), 0) == 0 ||
                               ::fnmatch(shallow.c_str(), path.c_str(), FNM_PATHNAME) == 0
                         : ::fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0;
        if (!match) continue;
        if (fs.is_directory(path)) {
            walk(fs, path, found, false);
        } else {
            found.push_back(path);
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

/// A file found by searching (not named): YAML, and a plan.
enum class Found { plan, not_plan, excluded, other };

bool parse_bool(const std::string& value, bool& out) {
    static const char* const yes[] = {"1", "true", "yes", "on"};
    static const char* const no[] = {"0", "false", "no", "off"};
    std::string lower = value;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* y : yes) {
        if (lower == y) return out = true;
    }
    for (const char* n : no) {
        if (lower == n) {
            out = false;
            return true;
        }
    }
    return false;
}

[[noreturn]] void bad_environment(const std::string& name, const std::string& value,
                                  std::string_view allowed_en, std::string_view allowed_ja) {
    throw UsageError({fmt::format("{}={}: not allowed; {}", name, value, allowed_en),
                      fmt::format("{}={}: 使えない値です。{}", name, value, allowed_ja)});
}

std::optional<Severity> env_severity(const Environment& env, const std::string& name) {
    auto value = env(name);
    if (!value) return std::nullopt;
    if (auto s = parse_severity(*value)) return s;
    bad_environment(name, *value, "use error, warning or info",
                    "error・warning・info のどれかを書いてください");
}

std::optional<std::size_t> env_count(const Environment& env, const std::string& name,
                                     std::size_t maximum) {
    auto value = env(name);
    if (!value) return std::nullopt;
    std::size_t n = 0;
    bool ok =
        !value->empty() && value->size() <= 9 &&
        std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) n = static_cast<std::size_t>(std::stoul(*value));
    if (!ok || n > maximum) {
        bad_environment(name, *value, fmt::format("use a whole number from 0 to {}", maximum),
                        fmt::format("0 から {} の整数を書いてください", maximum));
    }
    return n;
}

std::optional<bool> env_flag(const Environment& env, const std::string& name) {
    auto value = env(name);
    if (!value) return std::nullopt;
    bool b = false;
    if (!parse_bool(*value, b)) {
        bad_environment(name, *value, "use true or false (1/0)",
                        "true か false (1/0) を書いてください");
    }
    return b;
}

void check_rule_ids(const std::vector<std::string>& ids, std::string_view option) {
    for (const std::string& id : ids) {
        if (rules::find_rule(id) != nullptr) continue;
        auto guess = closest_match(id, rules::rule_ids());
        throw UsageError({fmt::format("{} {}: unknown rule{}", option, id, did_you_mean_en(guess)),
                          fmt::format("{} {}: ルール「{}」はありません{}", option, id, id,
                                      did_you_mean_ja(guess))});
    }
}

}  // namespace

Environment process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr || *value == '\0') return std::nullopt;
        return std::string(value);
    };
}

const EnvironmentVariable environment_variables[9] = {
    {"--lang", "MA_PLAN_LANG"},
    {"--fail-on", "MA_PLAN_FAIL_ON"},
    {"--strict", "MA_PLAN_STRICT"},
    {"--config", "MA_PLAN_CONFIG"},
    {"--no-inline-suppressions", "MA_PLAN_NO_INLINE_SUPPRESSIONS"},
    {"--max-findings", "MA_PLAN_MAX_FINDINGS"},
    {"--max-warnings", "MA_PLAN_MAX_WARNINGS"},
    {"--severity", "MA_PLAN_SEVERITY"},
    {"--exclude", "MA_PLAN_EXCLUDE"},
};

std::string_view environment_variable_for(std::string_view long_name) {
    for (const EnvironmentVariable& v : environment_variables) {
        if (v.option.substr(2) == long_name) return v.name;
    }
    return {};
}

Text Origin::describe() const {
    switch (kind) {
        case Kind::command_line:
            return {"command line " + detail, "コマンドライン " + detail};
        case Kind::environment:
            return {"environment " + detail, "環境変数 " + detail};
        case Kind::config_file:
            return {detail, detail};
        case Kind::built_in:
            break;
    }
    return {"default", "既定値"};
}

std::optional<std::string> find_config(const FileSystem& fs, const std::string& dir) {
    std::string cwd = fs.current_directory();
    fs::path at(absolute_in(fs, dir));
    while (true) {
        for (std::string_view name : file_names) {
            fs::path candidate = at / name;
            if (fs.is_regular_file(candidate.string())) {
                return candidate.lexically_proximate(cwd).string();  // messages quote it
            }
        }
        if (fs.exists((at / ".git").string()) || !at.has_parent_path() || at.parent_path() == at) {
            return std::nullopt;
        }
        at = at.parent_path();
    }
}

bool looks_like_plan(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        for (std::string_view key : {"ma_plan", "\"ma_plan\"", "'ma_plan'"}) {
            if (!line.starts_with(key)) continue;
            std::string_view rest = line.substr(key.size());
            while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
                rest.remove_prefix(1);
            if (rest.starts_with(":") || rest.starts_with("\xEF\xBC\x9A")) return true;  // ：
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return false;
}

bool path_matches(std::string_view pattern_in, std::string_view path_in) {
    std::string pattern(pattern_in), path(path_in);
    while (pattern.starts_with("./")) pattern.erase(0, 2);
    while (path.starts_with("./")) path.erase(0, 2);
    while (!pattern.empty() && pattern.back() == '/') pattern.pop_back();
    if (pattern.empty()) return false;
    // The path and every directory above it.
    std::vector<std::string> prefixes{path};
    for (std::size_t at = path.rfind('/'); at != std::string::npos && at > 0;
         at = path.rfind('/', at - 1)) {
        prefixes.push_back(path.substr(0, at));
        if (at == 0) break;
    }
    if (pattern.find('/') == std::string::npos) {
        std::size_t start = 0;
        while (start <= path.size()) {
            std::size_t end = path.find('/', start);
            std::string part = path.substr(start, end == std::string::npos ? end : end - start);
            if (::fnmatch(pattern.c_str(), part.c_str(), 0) == 0) return true;
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return false;
    }
    std::string shallow = pattern;
    for (std::size_t at; (at = shallow.find("**/")) != std::string::npos;) shallow.erase(at, 3);
    for (const std::string& p : prefixes) {
        if (::fnmatch(pattern.c_str(), p.c_str(), 0) == 0) return true;
        if (::fnmatch(shallow.c_str(), p.c_str(), FNM_PATHNAME) == 0) return true;
    }
    return false;
}

ResolvedRun resolve_run(const RunRequest& request, const FileSystem& fs, const Environment& env) {
    const CommandLine& cl = request.command_line;
    ResolvedRun run;
    run.command_line = cl;
    check_rule_ids(cl.disable, "--disable");
    check_rule_ids(cl.enable, "--enable");

    // Environment values are checked before anything is read, so a mistake there is named
    // first whatever the plans contain.
    std::optional<std::string> env_lang = env("MA_PLAN_LANG");
    if (env_lang && !parse_lang(*env_lang)) {
        bad_environment("MA_PLAN_LANG", *env_lang, "use ja or en", "ja か en を書いてください");
    }
    auto env_fail_on = env_severity(env, "MA_PLAN_FAIL_ON");
    auto env_strict = env_flag(env, "MA_PLAN_STRICT");
    auto env_no_suppressions = env_flag(env, "MA_PLAN_NO_INLINE_SUPPRESSIONS");
    auto env_max_findings = env_count(env, "MA_PLAN_MAX_FINDINGS", 1'000'000);
    auto env_max_warnings = env_count(env, "MA_PLAN_MAX_WARNINGS", 100'000'000);
    auto env_min_severity = env_severity(env, "MA_PLAN_SEVERITY");
    std::vector<std::string> exclude = cl.exclude;
    if (auto e = env("MA_PLAN_EXCLUDE"); e && cl.exclude.empty()) {
        for (std::size_t start = 0; start <= e->size();) {
            std::size_t comma = e->find(',', start);
            std::string part = e->substr(start, comma == std::string::npos ? comma : comma - start);
            if (!part.empty()) exclude.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    run.command_line.exclude = exclude;
    if (!cl.exclude.empty()) {
        run.exclude_origin = from_command_line("--exclude");
    } else if (!exclude.empty()) {
        run.exclude_origin = from_environment("MA_PLAN_EXCLUDE");
    }

    std::optional<std::string> config_path = cl.config;
    if (!config_path) config_path = env("MA_PLAN_CONFIG");
    ConfigCache configs(fs, run.configs, config_path);

    // ----- file selection -----
    std::string cwd = fs.current_directory();
    auto excluded = [&](const std::string& path) {
        std::string abs = absolute_in(fs, path);
        std::string from_cwd = relative_below(abs, cwd);
        for (const std::string& pattern : exclude) {
            if (path_matches(pattern, path) ||
                (!from_cwd.empty() && path_matches(pattern, from_cwd)))
                return true;
        }
        const Config& c = configs.for_plan(path);
        if (c.ignore.empty()) return false;
        std::string base =
            c.path.empty() ? cwd : normal(fs::path(absolute_in(fs, c.path)).parent_path());
        std::string from_config = relative_below(abs, base);
        if (from_config.empty()) return false;
        for (const std::string& pattern : c.ignore) {
            if (path_matches(pattern, from_config)) return true;
        }
        return false;
    };
    auto classify = [&](const std::string& path) {
        if (!is_yaml_name(fs::path(path).filename().string())) return Found::other;
        if (excluded(path)) return Found::excluded;
        yaml::ReadResult read = fs.read_source(path);
        // An unreadable file is kept: the reader reports it.
        if (!read.error && !looks_like_plan(read.source->content())) return Found::not_plan;
        return Found::plan;
    };
    std::vector<std::string> paths;
    for (const std::string& arg : request.inputs) {
        bool wildcard = arg.find_first_of("*?[") != std::string::npos;
        if (arg == "-" || (!fs.is_directory(arg) && (!wildcard || fs.exists(arg)))) {
            paths.push_back(arg);  // named: always read
            continue;
        }
        std::vector<std::string> candidates;
        if (fs.is_directory(arg)) {
            walk(fs, arg, candidates, false);
            std::sort(candidates.begin(), candidates.end());
        } else {
            candidates = expand_glob(fs, arg);
        }
        std::size_t before = paths.size();
        for (const std::string& path : candidates) {
            switch (classify(path)) {
                case Found::plan:
                    paths.push_back(path);
                    break;
                case Found::not_plan:
                    ++run.skipped_not_plans;
                    break;
                case Found::excluded:
                    ++run.skipped_excluded;
                    break;
                case Found::other:
                    break;
            }
        }
        // A directory or glob without plans stays in the list so it is reported: a mistyped
        // path in a CI job must not pass by checking nothing.
        if (paths.size() == before) paths.push_back(arg);
    }

    // ----- run-wide settings: the first plan's configuration, or the working directory's -----
    const Config& rc = paths.empty() ? configs.for_directory(".") : configs.for_plan(paths.front());
    run.run_config = &rc;

    if (cl.language && parse_lang(*cl.language)) {
        run.language = {parse_lang(*cl.language), from_command_line("--lang")};
    } else if (env_lang) {
        run.language = {parse_lang(*env_lang), from_environment("MA_PLAN_LANG")};
    } else if (rc.language) {
        run.language = {rc.language, from_file(rc)};
    } else {
        run.language = {std::nullopt, {}};
    }

    if (cl.strict) {
        run.fail_on = {Severity::warning, from_command_line("--strict")};
    } else if (cl.fail_on) {
        run.fail_on = {*cl.fail_on, from_command_line("--fail-on")};
    } else if (env_strict && *env_strict) {
        run.fail_on = {Severity::warning, from_environment("MA_PLAN_STRICT")};
    } else if (env_fail_on) {
        run.fail_on = {*env_fail_on, from_environment("MA_PLAN_FAIL_ON")};
    } else if (rc.fail_on) {
        run.fail_on = {*rc.fail_on, from_file(rc)};
    } else {
        run.fail_on = {Severity::error, {}};
    }

    if (cl.quiet) {
        run.min_severity = {Severity::error, from_command_line("--quiet")};
    } else if (cl.min_severity) {
        run.min_severity = {*cl.min_severity, from_command_line("--severity")};
    } else if (env_min_severity) {
        run.min_severity = {*env_min_severity, from_environment("MA_PLAN_SEVERITY")};
    } else {
        run.min_severity = {Severity::info, {}};
    }

    if (cl.max_warnings) {
        run.max_warnings = {cl.max_warnings, from_command_line("--max-warnings")};
    } else if (env_max_warnings) {
        run.max_warnings = {env_max_warnings, from_environment("MA_PLAN_MAX_WARNINGS")};
    } else {
        run.max_warnings = {std::nullopt, {}};
    }

    // ----- per plan: rules, thresholds, suppressions -----
    std::optional<Setting<bool>> suppressions;
    if (cl.no_inline_suppressions) {
        suppressions = Setting<bool>{false, from_command_line("--no-inline-suppressions")};
    } else if (env_no_suppressions) {
        suppressions = Setting<bool>{!*env_no_suppressions,
                                     from_environment("MA_PLAN_NO_INLINE_SUPPRESSIONS")};
    }
    std::optional<Setting<std::size_t>> max_findings;
    if (cl.max_findings) {
        max_findings = Setting<std::size_t>{*cl.max_findings, from_command_line("--max-findings")};
    } else if (env_max_findings) {
        max_findings =
            Setting<std::size_t>{*env_max_findings, from_environment("MA_PLAN_MAX_FINDINGS")};
    }
    auto settings_for = [&](const Config& c) {
        Setting<bool> s = suppressions ? *suppressions
                          : c.inline_suppressions
                              ? Setting<bool>{*c.inline_suppressions, from_file(c)}
                              : Setting<bool>{true, {}};
        Setting<std::size_t> m =
            max_findings ? *max_findings
            : c.max_findings_per_rule
                ? Setting<std::size_t>{*c.max_findings_per_rule, from_file(c)}
                : Setting<std::size_t>{ValidateOptions::default_max_findings_per_rule, {}};
        return std::pair{s, m};
    };
    std::tie(run.inline_suppressions, run.max_findings_per_rule) = settings_for(rc);

    for (const std::string& path : paths) {
        const Config& c = configs.for_plan(path);
        auto [s, m] = settings_for(c);
        ValidateOptions o = validate_options(c, s.value);
        o.max_findings_per_rule = m.value;
        for (const std::string& id : cl.disable) o.disabled_rules.insert(id);
        for (const std::string& id : cl.enable) o.disabled_rules.erase(id);
        run.plans.push_back({path, std::move(o), &c});
    }
    configs.throw_errors();
    run.config_files = configs.files();
    return run;
}

void drop_below(FileResult& file, Severity minimum) {
    std::erase_if(file.findings, [&](const Finding& f) { return f.severity < minimum; });
    std::erase_if(file.omitted, [&](const OmittedFindings& o) { return o.severity < minimum; });
}

std::string render_effective_config(const ResolvedRun& run, const PlanRun& plan, Lang lang) {
    const Config& c = *plan.config;
    const CommandLine& cl = run.command_line;
    std::string out;
    auto line = [&](std::string key, std::string value, const Origin& origin) {
        std::string text = key + ": " + value;
        out += fmt::format("{:<40} # {}\n", text, origin.describe().in(lang));
    };
    out += fmt::format("# {}: {}\n",
                       lang == Lang::ja ? "有効な設定" : "effective configuration for", plan.path);
    line("language",
         run.language.value ? std::string(*run.language.value == Lang::ja ? "ja" : "en")
                            : std::string("null"),
         run.language.value ? run.language.origin : Origin{Origin::Kind::built_in, {}});
    line("fail_on", std::string(to_string(run.fail_on.value)), run.fail_on.origin);
    line("severity", std::string(to_string(run.min_severity.value)), run.min_severity.origin);
    line("max_warnings",
         run.max_warnings.value ? std::to_string(*run.max_warnings.value) : std::string("null"),
         run.max_warnings.origin);
    line("inline_suppressions", plan.options.inline_suppressions ? "true" : "false",
         cl.no_inline_suppressions ? from_command_line("--no-inline-suppressions")
         : c.inline_suppressions   ? from_file(c)
                                   : run.inline_suppressions.origin);
    line("max_findings_per_rule", std::to_string(plan.options.max_findings_per_rule),
         cl.max_findings           ? from_command_line("--max-findings")
         : c.max_findings_per_rule ? from_file(c)
                                   : run.max_findings_per_rule.origin);

    out += "rules:";
    std::set<std::string> ids(plan.options.disabled_rules.begin(),
                              plan.options.disabled_rules.end());
    for (const auto& [id, severity] : plan.options.severity_overrides) ids.insert(id);
    for (const std::string& id : cl.enable) ids.insert(id);
    out += ids.empty() ? " {}\n" : "\n";
    for (const std::string& id : ids) {
        auto has = [&](const std::vector<std::string>& v) {
            return std::find(v.begin(), v.end(), id) != v.end();
        };
        std::string level;
        Origin origin = from_file(c);
        if (plan.options.disabled_rules.count(id) > 0) {
            level = "off";
            if (has(cl.disable)) origin = from_command_line("--disable");
        } else if (auto it = plan.options.severity_overrides.find(id);
                   it != plan.options.severity_overrides.end()) {
            level = std::string(to_string(it->second));
            if (has(cl.enable) && c.disabled_rules.count(id) > 0)
                origin = from_command_line("--enable");
        } else {
            level = "on";
            origin = has(cl.enable) ? from_command_line("--enable") : Origin{};
        }
        line("  " + id, level, origin);
    }

    out += "thresholds:\n";
    for (const auto& [key, value, default_value] : threshold_values(plan.options.thresholds)) {
        line("  " + std::string(key), fmt::format("{}", value),
             value == default_value ? Origin{} : from_file(c));
    }

    auto list = [&](const std::string& key, const std::vector<std::string>& items,
                    const Origin& origin) {
        if (items.empty()) {
            line(key, "[]", origin);
            return;
        }
        out += fmt::format("{:<40} # {}\n", key + ":", origin.describe().in(lang));
        for (const std::string& item : items) out += fmt::format("  - \"{}\"\n", item);
    };
    list("ignore", c.ignore, c.ignore.empty() ? Origin{} : from_file(c));
    list("exclude", cl.exclude, run.exclude_origin);
    return out;
}

}  // namespace maplan::config
