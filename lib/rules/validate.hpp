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
    /// Findings kept per rule per file; the rest are counted, not stored (0: keep all). Keeps
    /// memory and output proportional to what is shown, not to what a hostile plan can provoke.
    std::size_t max_findings_per_rule = default_max_findings_per_rule;
    static constexpr std::size_t default_max_findings_per_rule = 100;
};

/// Findings of one rule beyond the cap, counted per severity.
struct OmittedFindings {
    std::string rule_id;
    Severity severity = Severity::error;
    std::size_t count = 0;
};

struct FileResult {
    std::string path;                       ///< as the user gave it ("<stdin>" for -)
    SourceFilePtr source;                   ///< null if the file could not be read
    std::optional<yaml::ParseError> fatal;  ///< could not be read or parsed (exit 2)
    std::vector<Finding> findings;          ///< sorted by position
    std::unique_ptr<Project> project;       ///< null when fatal
    std::set<std::string> disabled_rules;   ///< switched off by the configuration for this file
    std::vector<OmittedFindings> omitted;   ///< beyond max_findings_per_rule, by rule ID
    std::size_t max_findings_per_rule = 0;  ///< the cap that applied (for the summary line)
};

FileResult validate_source(SourceFilePtr source, const ValidateOptions& options);
FileResult validate_file(const std::string& path, const ValidateOptions& options);

/// Runs the rules alone on an already loaded project (used by reports that show findings).
std::vector<Finding> run_rules(const Project& project, const ValidateOptions& options);

}  // namespace maplan
