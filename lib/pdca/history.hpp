#pragma once
// `ma-plan history PLAN`: is the rollout getting better? For each commit that touched the plan
// (following renames): readiness per step, findings by severity and the tasks overdue as of that
// commit's own date, so an old commit is judged by the calendar of its day, not today's.
#include <string>
#include <vector>

#include "core/text.hpp"
#include "pdca/git.hpp"
#include "reports/status.hpp"

namespace maplan::pdca {

struct HistoryPoint {
    CommitInfo commit;
    /// False when the plan could not be read or parsed in that commit; `problem` says why and
    /// `status` is empty. History goes on past such a commit.
    bool readable = true;
    Text problem;
    reports::StatusReport status;
};

struct History {
    std::string plan;
    std::vector<HistoryPoint> points;  ///< newest first, as git log lists them
};

struct HistoryOptions {
    std::string since;  ///< YYYY-MM-DD, empty for no limit
    std::size_t max = 0;
};

/// Throws IoError for a plan outside a repository, a repository without commits, or a file that
/// no commit touched.
History build_history(const std::string& plan, const HistoryOptions& options);

enum class HistoryFormat { markdown, json, csv };

/// One row per commit with the readiness of every step, findings by severity, overdue tasks and
/// the change of overall readiness against the commit before (the trend column).
std::string render_history(const History& history, HistoryFormat format, Lang lang);

}  // namespace maplan::pdca
