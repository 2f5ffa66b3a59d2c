#pragma once
// Repository configuration: `.ma-plan.yaml`, found by walking up from each plan's directory (or
// named with --config / MA_PLAN_CONFIG). Precedence for every setting: command line, then
// MA_PLAN_* environment variables, then this file, then built-in defaults (docs/ci.md).
//
//   language: ja                 # ja | en
//   fail_on: warning             # error | warning | info
//   inline_suppressions: false   # ignore `# ma-plan: disable-…` comments
//   max_findings_per_rule: 100   # per rule and file; the rest are counted (0: all)
//   rules:                       # RULE-ID: off | error | warning | info
//     RACI-002: warning
//     REF-003: off
//   ignore:                      # globs of files a directory run leaves out
//     - vendor/**
//   thresholds:                  # rules::Thresholds
//     bulk_daily_volume: 5000
//   spf_includes:                # what a vendor's SPF include costs beneath it (MAIL-004)
//     mktomail.com: {nested_lookups: 0, measured: 2026-11-30, source: "dig TXT, 2026-11-30"}
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "rules/validate.hpp"

namespace maplan::config {

/// File names looked for in each directory, in this order.
inline constexpr std::string_view file_names[] = {".ma-plan.yaml", ".ma-plan.yml"};

struct Config {
    std::string path;  ///< where it was read from; empty for the built-in defaults
    std::optional<Lang> language;
    std::optional<Severity> fail_on;
    std::optional<bool> inline_suppressions;
    std::optional<std::size_t> max_findings_per_rule;  ///< 0: no cap
    std::set<std::string> disabled_rules;
    std::map<std::string, Severity> severity_overrides;
    rules::Thresholds thresholds;
    /// `ignore:` globs, relative to the file's directory: plans a directory run leaves out.
    std::vector<std::string> ignore;
};

/// Each configurable threshold: key, value in `t`, built-in default (for --print-config).
struct ThresholdValue {
    std::string_view key;
    double value;
    double default_value;
};
std::vector<ThresholdValue> threshold_values(const rules::Thresholds& t);

/// A mistake in a configuration file, at its position.
struct ConfigError {
    std::string path;
    SourcePos pos;
    Text message;
    /// The file itself could not be read (missing, a device, too large): exit code 2, not 4.
    bool unreadable = false;
    /// "path:line:col: message" as printed.
    std::string format(Lang lang) const;
};

struct LoadedConfig {
    Config config;
    std::vector<ConfigError> errors;  ///< empty when the file is valid
};

/// Parses configuration text. Unknown keys and rule IDs are errors with "did you mean".
LoadedConfig parse_config(SourceFilePtr source);
/// Reads and parses a configuration file.
LoadedConfig load_config(const std::filesystem::path& path);

/// The nearest configuration file at or above `dir`; the walk stops after a directory that holds
/// `.git`, so a checkout never picks up a file from outside the repository.
std::optional<std::filesystem::path> find_config(std::filesystem::path dir);

/// Validation options for plans governed by `config`; `no_inline_suppressions` (command line or
/// environment) overrides the file.
ValidateOptions validate_options(const Config& config, std::optional<bool> inline_suppressions);

}  // namespace maplan::config
