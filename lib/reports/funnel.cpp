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
    return f;
}

}  // namespace maplan::reports
