// `ma-plan funnel` output: the reverse funnel as CSV (for a spreadsheet) or JSON (for scripts).
// Markdown and HTML are the report's own goals section, so the two never differ.
#include <fmt/format.h>

#include <algorithm>

#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "core/source.hpp"
#include "reports/funnel.hpp"
#include "reports/report_labels.hpp"
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
    return v ? fmt::format("{:.15g}", *v) : std::string();
}

namespace L = report_labels;

std::string signed_count(double v) {
    return v > 0 ? "+" + count_text(v) : count_text(v);
}

std::string opt_count(const std::optional<double>& v) {
    return v ? count_text(*v) : std::string();
}

void actual_json(JsonWriter& w, const ActualCell& c) {
    w.begin_object();
    if (!c.period.empty()) w.key("period").value(c.period);
    w.key("stage").value(c.stage);
    optional_value(w, "plan", c.plan);
    w.key("actual").value(c.actual);
    optional_value(w, "gap", c.gap);
    optional_value(w, "gap_ratio", c.gap_ratio);
    w.end_object();
}

}  // namespace

std::string gap_ratio_text(double ratio) {
    std::string r = rate_text(ratio);
    return ratio > 0 ? "+" + r : r;
}

FunnelTable forward_summary_table(const FunnelPlan& f, Lang lang) {
    FunnelTable t;
    t.text_columns = 2;
    t.header = {std::string(L::item.in(lang)), std::string(L::value.in(lang))};
    if (!f.forward_top) return t;
    t.rows.push_back({std::string(L::forward_top.in(lang)), count_text(*f.forward_top)});
    t.rows.push_back({std::string(L::forward_source.in(lang)), f.forward_source.in(lang)});
    if (f.expected_won)
        t.rows.push_back({std::string(L::expected_won.in(lang)), count_text(*f.expected_won)});
    if (f.expected_revenue_jpy)
        t.rows.push_back({std::string(L::expected_revenue.in(lang)),
                          count_text(*f.expected_revenue_jpy) + " JPY"});
    if (f.revenue_target_jpy)
        t.rows.push_back(
            {std::string(L::revenue_target.in(lang)), count_text(*f.revenue_target_jpy) + " JPY"});
    if (f.revenue_gap_jpy) {
        std::string gap = signed_count(*f.revenue_gap_jpy) + " JPY";
        if (f.revenue_target_jpy && *f.revenue_target_jpy > 0)
            gap += " (" + gap_ratio_text(*f.revenue_gap_jpy / *f.revenue_target_jpy) + ")";
        t.rows.push_back({std::string(L::revenue_gap.in(lang)), gap});
    }
    return t;
}

FunnelTable forward_table(const FunnelPlan& f, Lang lang) {
    FunnelTable t;
    t.header = {std::string(L::stage.in(lang)), std::string(L::rate.in(lang)),
                std::string(L::expected.in(lang)), std::string(L::required.in(lang))};
    if (!f.forward_top) return t;
    for (const FunnelStage& s : f.stages) {
        t.rows.push_back(
            {s.id, s.rate ? rate_text(*s.rate) : "", opt_count(s.expected), opt_count(s.required)});
    }
    return t;
}

FunnelTable actuals_table(const FunnelPlan& f, Lang lang) {
    FunnelTable t;
    t.text_columns = 2;
    t.header = {std::string(L::period.in(lang)),      std::string(L::stage.in(lang)),
                std::string(L::plan_volume.in(lang)), std::string(L::actual.in(lang)),
                std::string(L::gap.in(lang)),         std::string(L::gap_ratio.in(lang))};
    if (!f.actuals) return t;
    auto row = [&](const ActualCell& c, const std::string& period) {
        t.rows.push_back({period, c.stage, opt_count(c.plan), count_text(c.actual),
                          c.gap ? signed_count(*c.gap) : "",
                          c.gap_ratio ? gap_ratio_text(*c.gap_ratio) : ""});
    };
    for (const ActualCell& c : f.actuals->cells) row(c, c.period);
    for (const ActualCell& c : f.actuals->totals) row(c, std::string(L::all_periods.in(lang)));
    return t;
}

std::string render_funnel_text(const FunnelPlan& f, Lang lang) {
    std::string out;
    auto table = [&](const FunnelTable& t) {
        if (t.rows.empty()) return;
        std::vector<std::size_t> width(t.header.size(), 0);
        auto measure = [&](const std::vector<std::string>& cells) {
            for (std::size_t i = 0; i < cells.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], display_width(cells[i]));
        };
        measure(t.header);
        for (const auto& r : t.rows) measure(r);
        auto line = [&](const std::vector<std::string>& cells) {
            std::string l;
            for (std::size_t i = 0; i < width.size(); ++i) {
                std::string c = i < cells.size() ? cells[i] : "";
                std::string pad(width[i] - display_width(c), ' ');
                if (i > 0) l += "  ";
                l += i < t.text_columns ? c + pad : pad + c;
            }
            while (!l.empty() && l.back() == ' ') l.pop_back();
            return l + "\n";
        };
        out += line(t.header);
        for (const auto& r : t.rows) out += line(r);
        out += "\n";
    };
    auto title = [&](TextRef ref) { out += std::string(ref.in(lang)) + "\n\n"; };
    auto gaps = [&](const std::vector<Text>& g) {
        if (g.empty()) return;
        out += std::string(L::missing.in(lang)) + ":\n";
        for (const Text& x : g) out += "- " + x.in(lang) + "\n";
        out += "\n";
    };

    title(L::funnel);
    FunnelTable kv;
    kv.text_columns = 2;
    kv.header = {std::string(L::item.in(lang)), std::string(L::value.in(lang))};
    if (f.revenue_target_jpy)
        kv.rows.push_back(
            {std::string(L::revenue_target.in(lang)), count_text(*f.revenue_target_jpy) + " JPY"});
    if (f.average_deal_jpy)
        kv.rows.push_back(
            {std::string(L::average_deal.in(lang)), count_text(*f.average_deal_jpy) + " JPY"});
    if (f.deals) kv.rows.push_back({std::string(L::deals.in(lang)), count_text(*f.deals)});
    if (f.budget_jpy)
        kv.rows.push_back({std::string(L::budget.in(lang)), count_text(*f.budget_jpy) + " JPY"});
    if (f.romi) kv.rows.push_back({std::string(L::romi.in(lang)), fmt::format("{:.2f}", *f.romi)});
    table(kv);
    FunnelTable stages;
    stages.header = {std::string(L::stage.in(lang)),      std::string(L::rate.in(lang)),
                     std::string(L::band.in(lang)),       std::string(L::required.in(lang)),
                     std::string(L::kpi_target.in(lang)), std::string(L::check.in(lang))};
    for (const FunnelStage& s : f.stages) {
        std::string notes;
        if (s.outside_band) notes = std::string(L::outside_band.in(lang));
        if (s.kpi_below_required) {
            if (!notes.empty()) notes += lang == Lang::ja ? "、" : ", ";
            notes += std::string(L::below_required.in(lang));
        }
        stages.rows.push_back(
            {s.id, s.rate ? rate_text(*s.rate) : "",
             s.band_low ? fmt::format("{}–{}", rate_text(*s.band_low), rate_text(*s.band_high))
                        : "",
             opt_count(s.required),
             s.kpi_target ? fmt::format("{} ({})", count_text(*s.kpi_target), s.kpi_goal) : "",
             notes});
    }
    table(stages);
    gaps(f.gaps);
    title(L::forward_funnel);
    table(forward_summary_table(f, lang));
    table(forward_table(f, lang));
    gaps(f.forward_gaps);
    if (f.actuals) {
        title(L::actuals);
        out += f.actuals->file + "\n\n";
        table(actuals_table(f, lang));
        out += std::string(L::actuals_note.in(lang)) + "\n";
    }
    return out;
}

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
        optional_value(w, "expected", s.expected);
        w.end_object();
    }
    w.end_array();
    w.key("gaps").begin_array();
    for (const Text& g : f.gaps) w.value(g.in(lang));
    w.end_array();
    w.key("forward").begin_object();
    optional_value(w, "top", f.forward_top);
    w.key("source");
    if (f.forward_top)
        w.value(f.forward_source.in(lang));
    else
        w.null();
    optional_value(w, "expected_won", f.expected_won);
    optional_value(w, "expected_revenue_jpy", f.expected_revenue_jpy);
    optional_value(w, "revenue_gap_jpy", f.revenue_gap_jpy);
    w.key("gaps").begin_array();
    for (const Text& g : f.forward_gaps) w.value(g.in(lang));
    w.end_array();
    w.end_object();
    w.key("actuals");
    if (!f.actuals) {
        w.null();
    } else {
        w.begin_object();
        w.key("file").value(f.actuals->file);
        w.key("periods").begin_array();
        for (const std::string& p : f.actuals->periods) w.value(p);
        w.end_array();
        w.key("cells").begin_array();
        for (const ActualCell& c : f.actuals->cells) actual_json(w, c);
        w.end_array();
        w.key("totals").begin_array();
        for (const ActualCell& c : f.actuals->totals) actual_json(w, c);
        w.end_array();
        w.end_object();
    }
    w.end_object();
    return w.str();
}

std::string render_funnel_csv(const FunnelPlan& f, Lang lang) {
    // Plain numbers (0.15, 3334), not "15%" or "3,334": a spreadsheet computes with them.
    if (f.actuals) {
        // One table per file: with actuals, the sheet is plan vs actual (the funnel itself is the
        // CSV without --actuals).
        std::string out = lang == Lang::ja ? "期間,段階,計画,実績,差,差率\r\n"
                                           : "period,stage,plan,actual,gap,gap_ratio\r\n";
        auto row = [&](const ActualCell& c, std::string_view period) {
            out += fmt::format("{},{},{},{},{},{}\r\n", csv_field(std::string(period)),
                               csv_field(c.stage), number(c.plan), number(c.actual), number(c.gap),
                               number(c.gap_ratio));
        };
        for (const ActualCell& c : f.actuals->cells) row(c, c.period);
        for (const ActualCell& c : f.actuals->totals) row(c, L::all_periods.in(lang));
        return out;
    }
    std::string out =
        lang == Lang::ja
            ? "段階,想定転換率,範囲下限,範囲上限,範囲外,必要件数,KPI ゴール,KPI 目標,KPI "
              "不足,見込み件数\r\n"
            : "stage,rate,band_low,band_high,outside_band,required,kpi_goal,kpi_target,kpi_below_"
              "required,expected\r\n";
    for (const FunnelStage& s : f.stages) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(s.id), number(s.rate),
                           number(s.band_low), number(s.band_high), s.outside_band ? 1 : 0,
                           number(s.required), csv_field(s.kpi_goal), number(s.kpi_target),
                           s.kpi_below_required ? 1 : 0, number(s.expected));
    }
    return out;
}

}  // namespace maplan::reports
