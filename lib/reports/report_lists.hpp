#pragma once
// The customer-list waterfall of a workspace for the rollout report (`report --db`): counts per
// stage only, from the same scan `lists audit` and `lists extract` use, so the three agree.
#include <filesystem>

#include "core/model.hpp"
#include "reports/report.hpp"

namespace maplan::reports {

/// Opens the existing workspace (never creates one), applies the plan's step-5 configuration and
/// counts. Throws IoError when the workspace is missing, not a workspace, or locked.
ListsWaterfall workspace_waterfall(const std::filesystem::path& workspace, const Project& project);

}  // namespace maplan::reports
