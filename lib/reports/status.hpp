#pragma once
// Readiness at a glance: per step, checklist items done / total, findings by severity and
// overdue tasks. Built from the checklist and the validate findings, so it never disagrees with
// either.
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "reports/checklist.hpp"

namespace maplan::reports {

struct StepStatus {
    int step = 0;  ///< 1..7; 0 = the plan file itself / tasks without a step
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t overdue = 0;
    /// Rounded down, so 99.6% never shows as a finished 100%; -1 when the step has no items.
    int percent() const;
};

struct StatusReport {
    std::string project_name;
    Date today;
    std::vector<StepStatus> steps;  ///< 1..7 always; 0 only when it has items or findings
    StepStatus total;
    std::vector<ChecklistItem> overdue;  ///< overdue tracked tasks, in checklist order
};

/// Findings are placed in the step of their rule (rules::find_rule); loader findings in step 0.
StatusReport build_status(const Checklist& checklist, const std::vector<Finding>& findings);

/// `text`: a compact terminal table with bars (widths by display width, so Japanese step names
/// line up); `markdown`: a GFM table; `json`.
std::string render_status(const StatusReport& status, OutputFormat format,
                          const RenderOptions& options);

/// `████░░░░` for a share in [0, 100]; `width` cells.
std::string progress_bar(int percent, int width);

}  // namespace maplan::reports
