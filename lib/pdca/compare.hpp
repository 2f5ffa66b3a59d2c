#pragma once
// `ma-plan diff OLD NEW`: reads each side (a file, `-`, or `REV:path` through git), validates
// both with the same pipeline as `ma-plan validate`, and diffs the models and the findings.
#include <string>

#include "core/source.hpp"
#include "pdca/plan_diff.hpp"
#include "rules/validate.hpp"

namespace maplan::pdca {

/// Reads one side. Throws IoError (one line naming the side) when it cannot be read.
SourceFilePtr read_side(const std::string& spec);

/// Throws IoError when a side cannot be read or is not a plan at all (YAML that does not parse):
/// `SIDE:line:col: error: why`. Schema findings do not stop the diff; they are findings.
PlanDiff compare_plans(const std::string& old_spec, const std::string& new_spec,
                       const ValidateOptions& options = {});

}  // namespace maplan::pdca
