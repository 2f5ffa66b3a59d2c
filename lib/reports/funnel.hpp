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

    /// Largest required volume (the bar chart's scale); 0 when nothing could be computed.
    double max_required() const;
};

FunnelPlan build_funnel(const Project& project);

/// For `ma-plan funnel`: JSON for scripts, RFC 4180 CSV (CRLF, plain numbers) for a spreadsheet.
std::string render_funnel_json(const FunnelPlan& funnel, Lang lang);
std::string render_funnel_csv(const FunnelPlan& funnel, Lang lang);

/// "15%", "12.5%".
std::string rate_text(double rate);
/// "3,334": thousands separated, rounded to an integer.
std::string count_text(double value);

}  // namespace maplan::reports
