#include "reports/funnel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "rules/funnel_bands.hpp"

namespace maplan::reports {

double FunnelPlan::max_required() const {
    double m = 0;
    for (const FunnelStage& s : stages) m = std::max(m, s.required.value_or(0));
    return m;
}

std::string rate_text(double rate) {
    return fmt::format("{:g}%", std::round(rate * 1000) / 10);
}

std::string count_text(double value) {
    std::string digits = fmt::format("{:.0f}", std::abs(value));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

namespace {

std::optional<double> positive(const LNumber& n) {
    if (n.present() && n.value > 0) return n.value;
    return std::nullopt;
}

}  // namespace

FunnelPlan build_funnel(const Project& project) {
    FunnelPlan f;
    for (std::size_t i = 0; i < project.lifecycle.size(); ++i) {
        const LifecycleStage& ls = project.lifecycle[i];
        FunnelStage s;
        s.id = ls.id.value;
        s.definition = ls.definition.value;
        if (ls.conversion_rate.present()) s.rate = ls.conversion_rate.value;
        if (i > 0) {
            if (const auto* band =
                    rules::find_funnel_band(project.lifecycle[i - 1].id.value, s.id)) {
                s.band_low = band->low;
                s.band_high = band->high;
                s.outside_band = s.rate && (*s.rate < band->low || *s.rate > band->high);
            }
        }
        for (const Goal& g : project.goals) {
            if (!g.kpi || !g.kpi->target.present() || s.id == "won") continue;
            if (!rules::metric_names_stage(g.kpi->metric.value, s.id)) continue;
            s.kpi_goal = g.id.value;
            s.kpi_target = g.kpi->target.value;
            break;
        }
        f.stages.push_back(std::move(s));
    }

    if (!project.romi) {
        f.gaps.push_back(
            {"the plan has no `romi` block: add revenue_target_jpy, average_deal_jpy "
             "and budget_jpy to compute the volumes",
             "`romi` がありません。revenue_target_jpy・average_deal_jpy・budget_jpy "
             "を書くと必要件数を逆算できます"});
    } else {
        f.revenue_target_jpy = positive(project.romi->revenue_target_jpy);
        f.average_deal_jpy = positive(project.romi->average_deal_jpy);
        f.budget_jpy = positive(project.romi->budget_jpy);
        f.romi_target = positive(project.romi->target_ratio);
        if (!f.revenue_target_jpy)
            f.gaps.push_back({"`romi.revenue_target_jpy` is missing or not above 0",
                              "`romi.revenue_target_jpy` がないか 0 以下です"});
        if (!f.average_deal_jpy)
            f.gaps.push_back({"`romi.average_deal_jpy` is missing or not above 0",
                              "`romi.average_deal_jpy` がないか 0 以下です"});
        if (!f.budget_jpy)
            f.gaps.push_back({"`romi.budget_jpy` is missing or not above 0: no ROMI can be shown",
                              "`romi.budget_jpy` がないか 0 以下のため ROMI を示せません"});
        if (f.revenue_target_jpy && f.budget_jpy) f.romi = *f.revenue_target_jpy / *f.budget_jpy;
        if (f.revenue_target_jpy && f.average_deal_jpy)
            f.deals = rules::required_volume(*f.revenue_target_jpy, *f.average_deal_jpy);
    }

    auto won = std::find_if(f.stages.begin(), f.stages.end(),
                            [](const FunnelStage& s) { return s.id == "won"; });
    if (f.stages.empty()) {
        f.gaps.push_back(
            {"the plan has no `lifecycle`: list the stages (inquiry, mql, sal, sql, "
             "won) with their conversion rates",
             "`lifecycle` がありません。段階 (inquiry, mql, sal, sql, won) と転換率を"
             "書いてください"});
    } else if (won == f.stages.end()) {
        f.gaps.push_back(
            {"the lifecycle has no `won` stage, so no volume can be computed back "
             "from the deals",
             "ライフサイクルに `won` (受注) がないため、受注件数から逆算できません"});
    } else if (f.deals) {
        double volume = *f.deals;
        for (auto it = won;; --it) {
            it->required = volume;
            if (it == f.stages.begin()) break;
            if (!it->rate || *it->rate <= 0 || *it->rate > 1) {
                f.gaps.push_back(
                    it->rate ? Text{fmt::format("stage \"{}\" has conversion rate {:g}: a rate "
                                                "must be above 0 and at most 1; the stages "
                                                "before it cannot be computed",
                                                it->id, *it->rate),
                                    fmt::format("段階「{}」の転換率が {:g} です。0 より大きく 1 "
                                                "以下にしてください。これより前の段階は逆算でき"
                                                "ません",
                                                it->id, *it->rate)}
                             : Text{fmt::format("stage \"{}\" has no conversion_rate; the stages "
                                                "before it cannot be computed",
                                                it->id),
                                    fmt::format("段階「{}」に conversion_rate がないため、これより"
                                                "前の段階は逆算できません",
                                                it->id)});
                break;
            }
            volume = rules::required_volume(volume, *it->rate);
        }
    }
    for (FunnelStage& s : f.stages) {
        s.kpi_below_required = s.kpi_target && s.required && *s.kpi_target < *s.required;
    }
    if (!f.stages.empty() && f.stages.front().kpi_target) {
        const FunnelStage& top = f.stages.front();
        compute_forward(f, top.kpi_target,
                        {fmt::format("the KPI target of goal \"{}\" ({} {})", top.kpi_goal,
                                     count_text(*top.kpi_target), top.id),
                         fmt::format("ゴール「{}」の KPI 目標 ({} {} 件)", top.kpi_goal, top.id,
                                     count_text(*top.kpi_target))});
    } else {
        compute_forward(f, std::nullopt, {});
    }
    return f;
}

void compute_forward(FunnelPlan& f, std::optional<double> top, Text source) {
    f.forward_top = top;
    f.forward_source = std::move(source);
    f.expected_won.reset();
    f.expected_revenue_jpy.reset();
    f.revenue_gap_jpy.reset();
    f.forward_gaps.clear();
    for (FunnelStage& s : f.stages) s.expected.reset();
    if (f.stages.empty()) return;
    if (!top) {
        f.forward_gaps.push_back(
            {fmt::format("no top-of-funnel volume: give the first stage (\"{}\") a goal KPI "
                         "target, or pass --actuals with its count",
                         f.stages.front().id),
             fmt::format("ファネル最上段の件数がありません。最初の段階 (「{}」) を KPI に持つ"
                         "ゴールを書くか、--actuals で実績件数を渡してください",
                         f.stages.front().id)});
        return;
    }
    // Forward, each stage keeps whole leads: the volume × the rate, rounded down (the reverse
    // funnel rounds up, so the two meet at the same integers when the rates allow it).
    double volume = *top;
    f.stages.front().expected = volume;
    for (std::size_t i = 1; i < f.stages.size(); ++i) {
        FunnelStage& s = f.stages[i];
        if (!s.rate || *s.rate <= 0 || *s.rate > 1) {
            f.forward_gaps.push_back(
                s.rate ? Text{fmt::format("stage \"{}\" has conversion rate {:g}: the stages from "
                                          "it on cannot be projected forward",
                                          s.id, *s.rate),
                              fmt::format("段階「{}」の転換率が {:g} のため、これ以降の段階は"
                                          "見込みを出せません",
                                          s.id, *s.rate)}
                       : Text{fmt::format("stage \"{}\" has no conversion_rate: the stages from "
                                          "it on cannot be projected forward",
                                          s.id),
                              fmt::format("段階「{}」に conversion_rate がないため、これ以降の"
                                          "段階は見込みを出せません",
                                          s.id)});
            return;
        }
        volume = std::floor(volume * *s.rate + 1e-9);
        s.expected = volume;
    }
    const FunnelStage& last = f.stages.back();
    if (last.id != "won") {
        f.forward_gaps.push_back(
            {"the lifecycle has no `won` stage: no expected deals or revenue",
             "ライフサイクルに `won` (受注) がないため、受注見込みと売上見込みを出せません"});
        return;
    }
    f.expected_won = last.expected;
    if (!f.average_deal_jpy) {
        f.forward_gaps.push_back({"`romi.average_deal_jpy` is missing: no expected revenue",
                                  "`romi.average_deal_jpy` がないため売上見込みを出せません"});
        return;
    }
    f.expected_revenue_jpy = *f.expected_won * *f.average_deal_jpy;
    if (f.revenue_target_jpy) f.revenue_gap_jpy = *f.expected_revenue_jpy - *f.revenue_target_jpy;
}

void attach_actuals(FunnelPlan& f, FunnelActuals actuals) {
    if (!f.forward_top && !f.stages.empty()) {
        const std::string& first = f.stages.front().id;
        const auto& cells = actuals.totals.empty() ? actuals.cells : actuals.totals;
        for (const ActualCell& c : cells) {
            if (c.stage != first) continue;
            std::string periods =
                actuals.periods.size() == 1
                    ? actuals.periods.front()
                    : fmt::format("{}–{}", actuals.periods.front(), actuals.periods.back());
            compute_forward(
                f, c.actual,
                {fmt::format("the actual {} count in {} ({})", first, actuals.file, periods),
                 fmt::format("{} の {} 実績件数 ({})", actuals.file, first, periods)});
            break;
        }
    }
    f.actuals = std::move(actuals);
}

}  // namespace maplan::reports
