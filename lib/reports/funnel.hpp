#pragma once
// The reverse funnel (MarketOne MA guide: make ROMI visible): revenue target ÷ average deal = deals
// to win; walking back through the lifecycle, each stage needs the next stage's volume ÷ the next
// stage's conversion rate, rounded up. The plan's KPI targets and the published bands are set
// beside it.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/text.hpp"
#include "reports/funnel_actuals.hpp"

namespace maplan::reports {

struct FunnelStage {
    std::string id;                  ///< lifecycle stage ID (inquiry, mql, ...)
    std::string definition;          ///< as written, may be empty
    std::optional<double> rate;      ///< share of the previous stage reaching this one (as planned)
    std::optional<double> required;  ///< volume needed; empty where the chain is broken
    /// The published band for (previous stage → this stage), when there is one.
    std::optional<double> band_low, band_high;
    bool outside_band = false;  ///< the planned rate lies outside [band_low, band_high]
    /// A goal whose KPI metric names this stage ("SQL件数" → sql), with its target.
    std::string kpi_goal;
    std::optional<double> kpi_target;
    bool kpi_below_required = false;
    /// The forward funnel: the top-of-funnel volume × the rates up to this stage, rounded down
    /// (whole leads); empty where a rate is missing or not in (0, 1].
    std::optional<double> expected;
};

struct FunnelPlan {
    std::optional<double> revenue_target_jpy;
    std::optional<double> average_deal_jpy;
    std::optional<double> budget_jpy;
    std::optional<double> deals;  ///< revenue ÷ deal, rounded up
    std::optional<double> romi;   ///< revenue target ÷ budget: the return the plan promises
    std::optional<double> romi_target;
    std::vector<FunnelStage> stages;  ///< lifecycle order
    /// What the plan lacks for a complete calculation, in plain words: no ROMI block, no won
    /// stage, a zero or missing rate. Never a division by zero.
    std::vector<Text> gaps;

    /// The forward funnel, from the planned top-of-funnel volume: the first stage's KPI target, or
    /// the actuals' first-stage count. Expected won deals × average deal = expected revenue,
    /// compared with the revenue target.
    std::optional<double> forward_top;
    Text forward_source;  ///< where forward_top comes from, in plain words
    std::optional<double> expected_won;
    std::optional<double> expected_revenue_jpy;
    std::optional<double> revenue_gap_jpy;  ///< expected revenue − revenue target
    std::vector<Text> forward_gaps;         ///< why the forward funnel stops short
    /// With --actuals: actual counts per period beside the plan.
    std::optional<FunnelActuals> actuals;

    /// Largest required volume (the bar chart's scale); 0 when nothing could be computed.
    double max_required() const;
};

FunnelPlan build_funnel(const Project& project);

/// Fills the forward funnel from `top` (the first stage's volume); clears it when `top` is empty.
void compute_forward(FunnelPlan& funnel, std::optional<double> top, Text source);

/// Attaches actuals; without a first-stage KPI target, the forward funnel then starts from the
/// actuals' first-stage count (summed over the periods shown).
void attach_actuals(FunnelPlan& funnel, FunnelActuals actuals);

/// A table of the funnel as text cells, laid out by each renderer (Markdown, HTML, plain text).
struct FunnelTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t text_columns = 1;  ///< the leading columns that are words, not numbers
};
/// The forward funnel's summary (top volume and its source, expected deals and revenue, the
/// target and the gap) as item/value rows; empty when there is no top volume.
FunnelTable forward_summary_table(const FunnelPlan& funnel, Lang lang);
/// Per stage: rate, expected (forward), required (reverse).
FunnelTable forward_table(const FunnelPlan& funnel, Lang lang);
/// Plan vs actual per period and stage, then the totals; empty without actuals.
FunnelTable actuals_table(const FunnelPlan& funnel, Lang lang);
/// "+12.5%", "-40%".
std::string gap_ratio_text(double ratio);

/// For `ma-plan funnel --format text`: the same tables as plain aligned text.
std::string render_funnel_text(const FunnelPlan& funnel, Lang lang);

/// For `ma-plan funnel`: JSON for scripts, RFC 4180 CSV (CRLF, plain numbers) for a spreadsheet.
std::string render_funnel_json(const FunnelPlan& funnel, Lang lang);
std::string render_funnel_csv(const FunnelPlan& funnel, Lang lang);

/// "15%", "12.5%".
std::string rate_text(double rate);
/// "3,334": thousands separated, rounded to an integer.
std::string count_text(double value);

}  // namespace maplan::reports
