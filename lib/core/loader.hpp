#pragma once
// Builds the typed Project from a plan file. Strict: unknown keys (with "did you mean"), wrong
// types, missing required keys, duplicate keys and values outside an enum are findings at their
// exact position. Only a file that cannot be read or parsed at all is a fatal error (exit 2).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "core/yaml_tree.hpp"

namespace maplan {

/// Rule IDs of the findings the loader itself produces. Their descriptors live in the rule
/// registry with the other rules, so `ma-plan rules`, docs and SARIF list them too.
namespace schema_rule {
inline constexpr std::string_view unknown_key = "SCHEMA-001";
inline constexpr std::string_view wrong_type = "SCHEMA-002";
inline constexpr std::string_view missing_key = "SCHEMA-003";
inline constexpr std::string_view duplicate_key = "SCHEMA-004";
inline constexpr std::string_view value_not_allowed = "SCHEMA-005";
inline constexpr std::string_view bad_value = "SCHEMA-006";
inline constexpr std::string_view unsupported_version = "SCHEMA-007";
}  // namespace schema_rule

struct LoadResult {
    SourceFilePtr source;                   ///< null only if the file could not be read
    std::unique_ptr<Project> project;       ///< null if the file could not be parsed
    std::optional<yaml::ParseError> fatal;  ///< why it could not be read or parsed
    std::vector<Finding> findings;          ///< schema findings (the project is still usable)
    /// Keys the schema accepts but the loader never read: always empty unless the loader has a
    /// bug. Tests assert it on files that use every key.
    std::vector<std::string> unread_schema_keys;
};

/// Loads a plan from already-read text.
LoadResult load_project(SourceFilePtr source, const yaml::Limits& limits = {});
/// Reads and loads a file ("-" for standard input).
LoadResult load_project_file(const std::string& path, const yaml::Limits& limits = {});

}  // namespace maplan
