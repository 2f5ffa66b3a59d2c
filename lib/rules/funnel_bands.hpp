#pragma once
// The demand-waterfall conversion bands (citation "first-page-sage-funnel") and the reverse-funnel
// step, shared by the GOAL-007/GOAL-008 rules and the report's funnel plan so the two never
// disagree.
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>

namespace maplan::rules {

/// The usual share of leads in `from` that reach `to`.
struct FunnelBand {
    std::string_view from, to;
    double low, high;
};

/// Vendor and aggregator figures (no universal benchmark), hence warnings and configurable
/// suppression, never errors. MQL→SQL directly (no SAL stage): from about the 13% median up to the
/// SAL and SQL upper bands combined.
inline constexpr FunnelBand funnel_bands[] = {
    {"inquiry", "mql", 0.10, 0.25}, {"mql", "sal", 0.40, 0.70}, {"sal", "sql", 0.30, 0.70},
    {"mql", "sql", 0.10, 0.50},     {"sql", "won", 0.20, 0.30},
};

/// Where the bands come from, for the reader of a report.
inline constexpr std::string_view funnel_bands_source_en =
    "stages of the SiriusDecisions Demand Waterfall, as MarketOne Japan describes it; rates are "
    "ranges that vendors and aggregators publish, e.g. First Page Sage, \"Sales Lead Funnel "
    "Stages, "
    "Explained\" (firstpagesage.com); not a universal benchmark";
inline constexpr std::string_view funnel_bands_source_ja =
    "段階はマーケットワン・ジャパンが紹介する SiriusDecisions のデマンドウォーターフォール。"
    "転換率はベンダーや集計サイトが公開している範囲 (例: First Page Sage「Sales Lead Funnel "
    "Stages, Explained」firstpagesage.com) で、普遍的な基準ではありません";

/// The band for the step from stage `from` to stage `to`, or nullptr when there is none.
inline const FunnelBand* find_funnel_band(std::string_view from, std::string_view to) {
    for (const FunnelBand& b : funnel_bands) {
        if (b.from == from && b.to == to) return &b;
    }
    return nullptr;
}

/// Leads a stage needs so that `next_volume` reach the next one at `rate` (> 0): rounded up,
/// because 0.3 of a lead cannot be contacted. The small epsilon keeps 120 ÷ 0.4 from becoming 301
/// through binary rounding.
inline double required_volume(double next_volume, double rate) {
    return std::ceil(next_volume / rate - 1e-9);
}

/// Whether a KPI's `metric` names the stage (e.g. "SQL件数" names sql): the upper-cased ID not
/// glued to other ASCII letters. Plans name their KPIs in prose, so this is the one place that
/// links a goal to a lifecycle stage.
inline bool metric_names_stage(std::string_view metric, std::string_view stage) {
    auto upper = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return out;
    };
    std::string text = upper(metric), id = upper(stage);
    if (id.empty()) return false;
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
        bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
        std::size_t end = at + id.size();
        bool right = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
        if (left && right) return true;
    }
    return false;
}

}  // namespace maplan::rules
