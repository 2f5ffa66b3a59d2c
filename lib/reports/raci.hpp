#pragma once
// The task × stakeholder role matrix (DX station #4) as one model, and its renderers.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "reports/common.hpp"

namespace maplan::reports {

/// `labels`: the plan's own vocabulary (Project::role_label: 主担当 / 共有 / 受領 by default).
/// `raci`: letters. owner → A, responsible → R, consulted → C, informed → I, and receives → I:
/// RACI has no "receives the deliverable" role, and a department that receives (IT receiving the
/// tool application) is kept informed of the outcome without doing or deciding the work. The
/// legend says so, so nothing is hidden from the reader.
enum class RaciStyle { labels, raci };
/// `step`: one table per step (1..7, then tasks without a valid step); `plan`: one table in the
/// order the plan lists its tasks.
enum class RaciGrouping { step, plan };

struct RaciColumn {
    std::string stakeholder_id;
    std::string name;  ///< the stakeholder's name (its ID when unnamed)
};

struct RaciCell {
    std::optional<RoleKind> kind;  ///< empty: no role, or a label the plan never defined
    std::string text;              ///< what the cell shows; empty when the task has no role here
};

struct RaciRow {
    std::string task_id;
    std::string task;             ///< name, else ID
    int step = 0;                 ///< 1..7, 0 when missing or out of range
    std::vector<RaciCell> cells;  ///< one per column
};

struct RaciGroup {
    int step = 0;  ///< meaningful with RaciGrouping::step only
    std::vector<RaciRow> rows;
};

struct LegendEntry {
    std::string symbol;
    Text meaning;
};

struct RaciMatrix {
    std::string project_name;
    RaciStyle style = RaciStyle::labels;
    RaciGrouping grouping = RaciGrouping::step;
    std::vector<RaciColumn> columns;  ///< stakeholders in plan order
    std::vector<RaciGroup> groups;
    std::vector<LegendEntry> legend;  ///< only the symbols the matrix uses
};

/// Roles naming an undeclared stakeholder are left out (validate reports them as REF-001).
RaciMatrix build_raci(const Project& project, RaciStyle style, RaciGrouping grouping);

/// The department head's view: per stakeholder, the tasks it leads, does, is consulted on, is
/// informed of and receives.
struct StakeholderDuty {
    RoleKind kind;
    std::string symbol;                 ///< the label or letter the matrix shows
    std::vector<const RaciRow*> tasks;  ///< in matrix order; points into the matrix
};
struct StakeholderDuties {
    RaciColumn stakeholder;
    std::vector<StakeholderDuty> duties;  ///< owner, responsible, consulted, informed, receives
};
std::vector<StakeholderDuties> duties_by_stakeholder(const RaciMatrix& matrix);

/// Markdown (GFM), CSV, HTML or JSON. Text is not a matrix format (UsageError).
std::string render_raci(const RaciMatrix& matrix, OutputFormat format,
                        const RenderOptions& options);
std::string render_raci_by_stakeholder(const RaciMatrix& matrix, OutputFormat format,
                                       const RenderOptions& options);

}  // namespace maplan::reports
