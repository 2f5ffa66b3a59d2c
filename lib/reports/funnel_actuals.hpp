#pragma once
// Actual counts per period beside the funnel plan (issue 14, PDCA's "check"): a CSV the customer
// exports from the MA tool or CRM, long form `period,stage,count` or wide form
// `period,inquiry,mql,...`, with Japanese headers (期間, ステージ, 件数) and in UTF-8 or CP932.
// It is read through the customer-list reader (lists/table_reader), so encoding detection, quoting
// and ragged rows behave as in `lists import`; every bad value is one `file:row:col` line.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/text.hpp"

namespace maplan::reports {

struct FunnelPlan;

/// One stage of one period: the plan's volume (required by the reverse funnel, else the goal's KPI
/// target), the actual count, and the gap. The plan's volumes are for the plan's whole KPI
/// period; the totals row sums every period.
struct ActualCell {
    std::string period;
    std::string stage;
    std::optional<double> plan;
    double actual = 0;
    std::optional<double> gap;        ///< actual − plan
    std::optional<double> gap_ratio;  ///< gap ÷ plan; empty when the plan is missing or 0
};

struct FunnelActuals {
    std::string file;
    std::vector<std::string> periods;  ///< in file order (only the chosen one with --period)
    std::vector<ActualCell> cells;     ///< by period, then lifecycle order
    std::vector<ActualCell> totals;    ///< per stage over all periods, when there are several
};

/// Reads `file` against the plan's lifecycle. Throws IoError (`file:row:col: error: …`) for an
/// unknown stage (with "did you mean"), a count that is not a whole number ≥ 0 (with the advice
/// for 1,200 / 1,200件 / １２００), a repeated (period, stage), a missing column; UsageError when
/// `period` is given and not in the file.
FunnelActuals read_funnel_actuals(const std::filesystem::path& file, const Project& project,
                                  const FunnelPlan& plan, const std::string& period = {});

/// The plan value for one stage: the reverse funnel's required volume, else the KPI target.
std::optional<double> planned_volume(const FunnelPlan& plan, const std::string& stage);

}  // namespace maplan::reports
