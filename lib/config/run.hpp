#pragma once
// One resolved configuration for a whole run, the same for every command that reads a plan
// (validate, status, checklist, raci, report, ops, funnel) and for `rules`.
//
// Precedence for every setting: command line > environment (MA_PLAN_*) > the governing
// .ma-plan.yaml > built-in defaults. The governing file is --config / MA_PLAN_CONFIG for every
// plan, else the nearest one at or above each plan's directory (the walk stops at a `.git`).
//
// File selection: files named on the command line are always read. Directories and quoted globs
// give only YAML files that are plans (a top-level `ma_plan:` key), minus those matched by
// --exclude (relative to the working directory) or the config's `ignore:` (relative to the
// config file's directory).
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/filesystem.hpp"
#include "core/finding.hpp"
#include "core/text.hpp"
#include "rules/validate.hpp"

namespace maplan::config {

/// Looks up an environment variable; nullopt when unset. Empty values count as unset.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
Environment process_environment();

/// Where a setting's value came from, as --print-config shows it.
struct Origin {
    enum class Kind { built_in, config_file, environment, command_line };
    Kind kind = Kind::built_in;
    std::string detail;  ///< the file, the variable or the option
    Text describe() const;
};

template <class T>
struct Setting {
    T value;
    Origin origin;
};

/// What the command line said; unset optionals and empty lists: not given.
struct CommandLine {
    std::optional<std::string> language;  ///< --lang
    std::optional<Severity> fail_on;
    bool strict = false;
    bool no_inline_suppressions = false;
    std::optional<std::size_t> max_findings;
    std::optional<std::string> config;
    std::vector<std::string> disable;  ///< rule IDs
    std::vector<std::string> enable;   ///< rule IDs
    std::vector<std::string> exclude;  ///< globs
    bool quiet = false;
    std::optional<Severity> min_severity;
    std::optional<std::size_t> max_warnings;
};

struct RunRequest {
    /// Files, directories, quoted globs or "-", as given. Empty: no plan (the configuration of
    /// the working directory still applies, e.g. its `language:` for `rules`).
    std::vector<std::string> inputs;
    CommandLine command_line;
};

/// One plan to read and the options it is validated with.
struct PlanRun {
    std::string path;
    ValidateOptions options;
    const Config* config = nullptr;  ///< the governing file's settings (built-in if none)
};

/// The environment variables resolve_run reads, by the option they stand for.
struct EnvironmentVariable {
    std::string_view option;  ///< "--fail-on"
    std::string_view name;    ///< "MA_PLAN_FAIL_ON"
};
extern const EnvironmentVariable environment_variables[9];
/// The variable of an option's long name ("fail-on"), or empty.
std::string_view environment_variable_for(std::string_view long_name);

struct ResolvedRun {
    Setting<std::optional<Lang>> language;  ///< nullopt: the locale decides
    Setting<Severity> fail_on;
    Setting<Severity> min_severity;  ///< findings below it are neither shown nor counted
    Setting<std::optional<std::size_t>> max_warnings;
    Setting<bool> inline_suppressions;
    Setting<std::size_t> max_findings_per_rule;
    std::vector<PlanRun> plans;
    /// YAML files in directories and globs that are not plans, and files excluded by a pattern.
    std::size_t skipped_not_plans = 0;
    std::size_t skipped_excluded = 0;
    /// Every configuration file read (outputs must never replace one).
    std::vector<std::string> config_files;
    Origin exclude_origin;  ///< of command_line.exclude
    /// The configuration governing the working directory (or --config): run-wide settings.
    const Config* run_config = nullptr;
    CommandLine command_line;

    /// Owns the configurations the pointers above refer to (std::map: stable addresses).
    std::map<std::string, Config> configs;
};

/// Resolves the whole run. Throws UsageError (exit 4) for a value that is not allowed in the
/// environment, on the command line or in a configuration file, and IoError (exit 2) for a
/// configuration file that cannot be read.
ResolvedRun resolve_run(const RunRequest& request, const FileSystem& fs, const Environment& env);

/// The nearest configuration file at or above `dir` (see find_config), through `fs`.
std::optional<std::string> find_config(const FileSystem& fs, const std::string& dir);

/// True when `text` is a plan: it has a top-level `ma_plan` key (also with a full-width colon,
/// so an input-method slip is reported, not skipped).
bool looks_like_plan(std::string_view text);

/// Whether a path (relative, '/'-separated) is matched by a glob: a pattern without '/' matches
/// any path component; one with '/' matches the whole path or a directory above it; `**` spans
/// directories.
bool path_matches(std::string_view pattern, std::string_view path);

/// Removes findings below `minimum` (--quiet, --severity) from one file's result, counted ones
/// included, so what is hidden is neither shown nor counted towards the exit code.
void drop_below(FileResult& file, Severity minimum);

/// The effective configuration for one plan as YAML, each value with where it came from.
std::string render_effective_config(const ResolvedRun& run, const PlanRun& plan, Lang lang);

}  // namespace maplan::config
