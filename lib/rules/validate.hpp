#pragma once
// The validation pipeline for one file: read, load (schema findings), run every enabled rule,
// apply the configuration (disabled rules, severity changes), sort.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/loader.hpp"
#include "rules/rule.hpp"

namespace maplan {

struct ValidateOptions {
    rules::Thresholds thresholds;
    std::set<std::string> disabled_rules;
    std::map<std::string, Severity> severity_overrides;
    bool inline_suppressions = true;
    yaml::Limits limits;
};

struct FileResult {
    std::string path;                       ///< as the user gave it ("<stdin>" for -)
    SourceFilePtr source;                   ///< null if the file could not be read
    std::optional<yaml::ParseError> fatal;  ///< could not be read or parsed (exit 2)
    std::vector<Finding> findings;          ///< sorted by position
    std::unique_ptr<Project> project;       ///< null when fatal
    std::set<std::string> disabled_rules;   ///< switched off by the configuration for this file
};

FileResult validate_source(SourceFilePtr source, const ValidateOptions& options);
FileResult validate_file(const std::string& path, const ValidateOptions& options);

/// Runs the rules alone on an already loaded project (used by reports that show findings).
std::vector<Finding> run_rules(const Project& project, const ValidateOptions& options);

}  // namespace maplan
