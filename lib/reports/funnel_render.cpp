// `ma-plan funnel` output: the reverse funnel as CSV (for a spreadsheet) or JSON (for scripts).
// Markdown and HTML are the report's own goals section, so the two never differ.
#include <fmt/format.h>

#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "reports/funnel.hpp"
#include "rules/funnel_bands.hpp"

namespace maplan::reports {

namespace {

template <class T>
void optional_value(JsonWriter& w, std::string_view key, const std::optional<T>& v) {
    w.key(key);
    if (v)
        w.value(*v);
    else
        w.null();
}

std::string number(const std::optional<double>& v) {
    return v ? fmt::format("{:g}", *v) : std::string();
}

}  // namespace

std::string render_funnel_json(const FunnelPlan& f, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    optional_value(w, "revenue_target_jpy", f.revenue_target_jpy);
    optional_value(w, "average_deal_jpy", f.average_deal_jpy);
    optional_value(w, "budget_jpy", f.budget_jpy);
    optional_value(w, "deals", f.deals);
    optional_value(w, "romi", f.romi);
    optional_value(w, "romi_target", f.romi_target);
    w.key("bands_source")
        .value(lang == Lang::ja ? rules::funnel_bands_source_ja : rules::funnel_bands_source_en);
    w.key("stages").begin_array();
    for (const FunnelStage& s : f.stages) {
        w.begin_object();
        w.key("id").value(s.id);
        optional_value(w, "rate", s.rate);
        optional_value(w, "band_low", s.band_low);
        optional_value(w, "band_high", s.band_high);
        w.key("outside_band").value(s.outside_band);
        optional_value(w, "required", s.required);
        w.key("kpi_goal");
        if (s.kpi_goal.empty())
            w.null();
        else
            w.value(s.kpi_goal);
        optional_value(w, "kpi_target", s.kpi_target);
        w.key("kpi_below_required").value(s.kpi_below_required);
        w.end_object();
    }
    w.end_array();
    w.key("gaps").begin_array();
    for (const Text& g : f.gaps) w.value(g.in(lang));
    w.end_array();
    w.end_object();
    return w.str();
}

std::string render_funnel_csv(const FunnelPlan& f, Lang lang) {
    // Plain numbers (0.15, 3334), not "15%" or "3,334": a spreadsheet computes with them.
    std::string out =
        lang == Lang::ja
            ? "段階,想定転換率,範囲下限,範囲上限,範囲外,必要件数,KPI ゴール,KPI 目標,KPI 不足\r\n"
            : "stage,rate,band_low,band_high,outside_band,required,kpi_goal,kpi_target,kpi_below_"
              "required\r\n";
    for (const FunnelStage& s : f.stages) {
        out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_field(s.id), number(s.rate),
                           number(s.band_low), number(s.band_high), s.outside_band ? 1 : 0,
                           number(s.required), csv_field(s.kpi_goal), number(s.kpi_target),
                           s.kpi_below_required ? 1 : 0);
    }
    return out;
}

}  // namespace maplan::reports
