// The rollout report as one self-contained HTML file: inline CSS (screen and A4 print), charts as
// inline SVG drawn here, no script and nothing loaded from anywhere. Every piece of plan text goes
// through html_escape, in table cells, SVG labels and attributes alike.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/escape.hpp"
#include "reports/html_style.hpp"
#include "reports/report.hpp"
#include "reports/report_labels.hpp"
#include "rules/funnel_bands.hpp"

namespace maplan::reports {

namespace {

namespace L = report_labels;

/// Escaped text with `key` spans as <code>: the gap texts name plan keys that way. Escaping comes
/// first, so a backtick in plan text can only ever open a code element, never markup.
std::string with_code(std::string_view text) {
    std::string escaped = html_escape(text), out;
    bool open = false;
    for (char c : escaped) {
        if (c == '`') {
            out += open ? "</code>" : "<code>";
            open = !open;
        } else {
            out += c;
        }
    }
    if (open) out += "</code>";
    return out;
}

class HtmlWriter {
  public:
    explicit HtmlWriter(Lang lang) : lang_(lang) {}
    std::string t(TextRef ref) const { return std::string(ref.in(lang_)); }

    void raw(std::string_view s) { out_ += s; }
    void heading(int level, const std::string& text) {
        out_ += fmt::format("<h{0}>{1}</h{0}>\n", level, html_escape(text));
    }
    void paragraph(const std::string& text, std::string_view cls = "") {
        out_ += cls.empty() ? fmt::format("<p>{}</p>\n", html_escape(text))
                            : fmt::format("<p class=\"{}\">{}</p>\n", cls, html_escape(text));
    }
    void gaps(const std::vector<Text>& gaps) {
        if (gaps.empty()) return;
        out_ += fmt::format("<div class=\"gaps\"><strong>{}:</strong>\n<ul>\n",
                            html_escape(t(L::missing)));
        for (const Text& g : gaps) out_ += fmt::format("<li>{}</li>\n", with_code(g.in(lang_)));
        out_ += "</ul></div>\n";
    }
    void list(const std::vector<std::string>& items, bool numbered = false) {
        if (items.empty()) return;
        out_ += numbered ? "<ol>\n" : "<ul>\n";
        for (const std::string& i : items) out_ += fmt::format("<li>{}</li>\n", html_escape(i));
        out_ += numbered ? "</ol>\n" : "</ul>\n";
    }
    /// A cell's text and its optional class (num, flag, role-owner, ...).
    struct Cell {
        std::string text;
        std::string cls;
        Cell(std::string t_, std::string c = {}) : text(std::move(t_)), cls(std::move(c)) {}
        Cell(const char* t_) : text(t_) {}
    };
    void table(const std::vector<std::string>& header, const std::vector<std::vector<Cell>>& rows,
               std::string_view cls = "") {
        out_ += cls.empty() ? "<table>\n" : fmt::format("<table class=\"{}\">\n", cls);
        out_ += "<thead><tr>";
        for (const std::string& h : header) out_ += fmt::format("<th>{}</th>", html_escape(h));
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out_ += "<tr>";
            for (std::size_t i = 0; i < header.size(); ++i) {
                const Cell* c = i < row.size() ? &row[i] : nullptr;
                std::string text = c ? html_escape(c->text) : "";
                if (c && !c->cls.empty())
                    out_ += fmt::format("<td class=\"{}\">{}</td>", c->cls, text);
                else
                    out_ += fmt::format("<td>{}</td>", text);
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
    }
    std::string& out() { return out_; }

  private:
    Lang lang_;
    std::string out_;
};

using Cell = HtmlWriter::Cell;
using Rows = std::vector<std::vector<Cell>>;

std::string joined(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const std::string& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

/// Lists inside a cell: "、" in Japanese, ", " in English.
std::string joined_in(Lang lang, const std::vector<std::string>& v, std::string_view = {}) {
    return joined(v, lang == Lang::ja ? "、" : ", ");
}

std::string num(double v) {
    return count_text(v);
}

/// At most `max` code points, with an ellipsis: labels beside a chart must not run into it.
std::string shortened(const std::string& text, std::size_t max) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++points > max) return text.substr(0, i) + "…";
    }
    return text;
}

// ----- charts -----

/// Horizontal bars, one per step: the share of checklist items done.
std::string readiness_chart(const StatusReport& s, Lang lang) {
    constexpr int label_w = 270, bar_w = 360, row_h = 26;
    const int height = static_cast<int>(s.steps.size()) * row_h + 10;
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
        "{1}\" role=\"img\" aria-label=\"{2}\">\n",
        label_w + bar_w + 120, height, html_escape(L::readiness_chart.in(lang)));
    int y = 5;
    for (const StepStatus& st : s.steps) {
        std::string name = st.step == 0
                               ? std::string(TextRef{"Plan file", "プランファイル"}.in(lang))
                               : step_heading(st.step, lang);
        int pct = std::max(st.percent(), 0);
        const char* colour = pct >= 100 ? "#2f855a" : pct >= 50 ? "#2f6fb0" : "#b7791f";
        svg += fmt::format(
            "<text x=\"0\" y=\"{}\">{}</text>"
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#e4e7eb\"/>"
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            y + 13, html_escape(name), label_w, y, bar_w, label_w, y, bar_w * pct / 100, colour,
            label_w + bar_w + 6, y + 13,
            st.percent() < 0 ? std::string("-")
                             : fmt::format("{}% ({}/{})", st.percent(), st.done, st.total));
        y += row_h;
    }
    return svg + "</svg>\n";
}

/// The reverse funnel: one centred bar per stage, as wide as its required volume (linear, with a
/// visible minimum so won is never invisible), stages outside their band in red.
std::string funnel_chart(const FunnelPlan& f, Lang lang) {
    const double max = f.max_required();
    if (max <= 0) return "";
    constexpr int width = 700, label_w = 150, bar_area = 420, row_h = 34;
    const int height = static_cast<int>(f.stages.size()) * row_h + 10;
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
        "{1}\" role=\"img\" aria-label=\"{2}\">\n",
        width, height, html_escape(L::funnel.in(lang)));
    int y = 5;
    for (const FunnelStage& s : f.stages) {
        svg += fmt::format("<text x=\"0\" y=\"{}\">{}</text>", y + 17, html_escape(s.id));
        if (s.required) {
            double w = std::max(4.0, bar_area * *s.required / max);
            double x = label_w + (bar_area - w) / 2;
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"24\" fill=\"{}\"/>"
                "<text x=\"{}\" y=\"{}\">{}{}</text>",
                x, y, w, s.outside_band ? "#c53030" : "#2f6fb0", label_w + bar_area + 10, y + 17,
                html_escape(num(*s.required)),
                s.rate ? html_escape(fmt::format(" ({})", rate_text(*s.rate))) : "");
        } else {
            svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#616e7c\">?</text>",
                               label_w + bar_area / 2, y + 17);
        }
        svg += "\n";
        y += row_h;
    }
    return svg + "</svg>\n";
}

/// Readiness over time: one line per step (thin) and the total (thick, with a dot per point), x
/// by position (oldest left), y from 0% to 100%. Unreadable points are left out of the lines.
std::string readiness_history_chart(const std::vector<ReadinessPoint>& points, Lang lang) {
    if (points.empty()) return "";
    constexpr int width = 740, height = 280, left = 50, right = 130, top = 10, bottom = 40;
    const int plot_w = width - left - right, plot_h = height - top - bottom;
    const std::size_t n = points.size();
    auto x_of = [&](std::size_t i) {
        return n == 1 ? left + plot_w / 2.0 : left + plot_w * static_cast<double>(i) / (n - 1);
    };
    auto y_of = [&](int pct) { return top + plot_h * (100 - pct) / 100.0; };
    static constexpr const char* colours[] = {"#2f6fb0", "#2c7a4b", "#b7791f", "#805ad5",
                                              "#c05621", "#319795", "#b83280"};
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"history\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n",
        width, height, html_escape(L::readiness_over_time.in(lang)));
    for (int pct = 0; pct <= 100; pct += 25) {
        svg += fmt::format(
            "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#d9dee5\"/>"
            "<text x=\"0\" y=\"{3:.1f}\">{4}%</text>\n",
            left, y_of(pct), left + plot_w, y_of(pct) + 4, pct);
    }
    auto line = [&](auto value, const char* colour, double stroke) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            int v = points[i].readable ? value(points[i]) : -1;
            if (v < 0) continue;
            pts += fmt::format("{}{:.1f},{:.1f}", pts.empty() ? "" : " ", x_of(i), y_of(v));
        }
        if (pts.empty()) return;
        svg += fmt::format(
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" points=\"{}\"/>\n", colour,
            stroke, pts);
    };
    for (int step = 0; step < 7; ++step) {
        line([step](const ReadinessPoint& p) { return p.steps[step]; }, colours[step], 1.5);
        // A swatch beside each label: the stylesheet sets the text colour of every chart.
        svg += fmt::format(
            "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" "
            "stroke-width=\"3\"/><text x=\"{4}\" y=\"{5}\">{6}</text>\n",
            left + plot_w + 8, top + 10 + step * 18, left + plot_w + 24, colours[step],
            left + plot_w + 28, top + 14 + step * 18,
            html_escape(fmt::format("{} {}", TextRef{"step", "ステップ"}.in(lang), step + 1)));
    }
    line([](const ReadinessPoint& p) { return p.total; }, "#1f2933", 3);
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#1f2933\" "
        "stroke-width=\"3\"/><text x=\"{3}\" y=\"{4}\" font-weight=\"bold\">{5}</text>\n",
        left + plot_w + 8, top + 10 + 7 * 18, left + plot_w + 24, left + plot_w + 28,
        top + 14 + 7 * 18, html_escape(L::total.in(lang)));
    for (std::size_t i = 0; i < n; ++i) {
        const ReadinessPoint& p = points[i];
        if (p.readable && p.total >= 0) {
            svg += fmt::format(
                "<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" "
                "fill=\"#1f2933\"><title>{}</title></circle>\n",
                x_of(i), y_of(p.total),
                html_escape(fmt::format("{} {}: {}%", p.date, p.label, p.total)));
        }
        if (i == 0 || i + 1 == n || n <= 8) {
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n",
                x_of(i), height - bottom + 18, html_escape(p.date));
        }
    }
    return svg + "</svg>\n";
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long days_from_civil(const Date& d) {
    int y = d.year - (d.month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + doe - 719468;
}

/// A Gantt-like timeline: a date axis with month ticks and the report date, one row per dated
/// task. Open tasks get a bar from the report date to their due date; overdue ones a red bar from
/// the due date to the report date; a diamond marks every due date.
/// The chart shows at most this many tasks (the table below lists them all): a 2,000-task plan
/// would otherwise be a 48,000-pixel SVG no reader scrolls through.
constexpr std::size_t timeline_chart_cap = 200;

std::string timeline_chart(const std::vector<TimelineTask>& all_tasks, const Date& today,
                           Lang lang) {
    if (all_tasks.empty()) return "";
    const std::vector<TimelineTask> tasks(
        all_tasks.begin(), all_tasks.begin() + static_cast<std::ptrdiff_t>(
                                                   std::min(all_tasks.size(), timeline_chart_cap)));
    long first = days_from_civil(today), last = first;
    for (const TimelineTask& t : tasks) {
        first = std::min(first, days_from_civil(t.due));
        last = std::max(last, days_from_civil(t.due));
    }
    first -= 3;
    last += 7;
    constexpr int label_w = 280, chart_w = 560, row_h = 24, top = 30;
    const double per_day = static_cast<double>(chart_w) / static_cast<double>(last - first);
    auto x_of = [&](long day) { return label_w + (day - first) * per_day; };
    const int height = top + static_cast<int>(tasks.size()) * row_h + 10;
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
        "{1}\" role=\"img\" aria-label=\"{2}\">\n",
        label_w + chart_w + 10, height,
        html_escape(section_title(ReportSection::timeline).in(lang)));
    // Month ticks: the first day of every month in range.
    Date d{today.year, today.month, 1};
    for (long day = days_from_civil(d); day <= last;) {
        if (day >= first) {
            svg += fmt::format(
                "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#cbd2d9\"/>"
                "<text x=\"{3:.1f}\" y=\"14\">{4}-{5:02}</text>\n",
                x_of(day), top - 8, height - 5, x_of(day) + 2, d.year, d.month);
        }
        d.month = d.month == 12 ? 1 : d.month + 1;
        if (d.month == 1) ++d.year;
        day = days_from_civil(d);
    }
    // Earlier months than the report date's, when tasks are overdue by months.
    for (Date e{today.year, today.month, 1};;) {
        e.month = e.month == 1 ? 12 : e.month - 1;
        if (e.month == 12) --e.year;
        long day = days_from_civil(e);
        if (day < first) break;
        svg += fmt::format(
            "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#cbd2d9\"/>"
            "<text x=\"{3:.1f}\" y=\"14\">{4}-{5:02}</text>\n",
            x_of(day), top - 8, height - 5, x_of(day) + 2, e.year, e.month);
    }
    const long now = days_from_civil(today);
    int y = top;
    for (const TimelineTask& t : tasks) {
        long due = days_from_civil(t.due);
        bool closed = t.status == "done" || t.status == "not_applicable";
        svg += fmt::format("<text x=\"0\" y=\"{}\">{}</text>", y + 15,
                           html_escape(shortened(t.name, 22)));
        if (!closed && due > now) {
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"12\" fill=\"#90cdf4\"/>",
                x_of(now), y + 5, (due - now) * per_day);
        } else if (t.overdue) {
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"12\" fill=\"#feb2b2\"/>",
                x_of(due), y + 5, (now - due) * per_day);
        }
        double x = x_of(due);
        svg += fmt::format(
            "<path d=\"M{:.1f} {} l6 6 l-6 6 l-6 -6 z\" fill=\"{}\"><title>{}</title></path>\n", x,
            y + 5,
            t.overdue ? "#c53030"
            : closed  ? "#616e7c"
                      : "#2f6fb0",
            html_escape(fmt::format("{} {}", to_string(t.due), t.name)));
        y += row_h;
    }
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#c53030\" "
        "stroke-dasharray=\"4 3\"/><text x=\"{3:.1f}\" y=\"{4}\" fill=\"#c53030\">{5}</text>\n",
        x_of(now), top - 8, height - 5, x_of(now) + 3, top - 1,
        html_escape(L::today_marker.in(lang)));
    return svg + "</svg>\n";
}

std::string role_class(const std::optional<RoleKind>& kind) {
    if (!kind) return {};
    return "role-" + std::string(to_string(*kind));
}

}  // namespace

std::string render_report_html(const Report& r, Lang lang) {
    HtmlWriter w(lang);
    auto t = [&](TextRef ref) { return w.t(ref); };
    std::size_t n = 0;
    auto section = [&](ReportSection s, std::string_view cls = "") {
        if (n > 0) w.raw("</section>\n");
        w.raw(cls.empty() ? "<section>\n" : fmt::format("<section class=\"{}\">\n", cls));
        w.heading(2, fmt::format("{}. {}", ++n, section_title(s).in(lang)));
        w.gaps(r.gaps_of(s));
    };
    const std::string title = fmt::format("{}: {}", t(r.title), r.cover.project);
    w.raw(
        fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                    lang == Lang::ja ? "ja" : "en", html_escape(title), html_stylesheet()));
    w.heading(1, title);

    if (r.shows(ReportSection::cover)) {
        section(ReportSection::cover, "cover");
        w.table({t(L::item), t(L::value)},
                {{t(L::client), r.cover.client},
                 {t(L::project), r.cover.project},
                 {t(L::tool), r.cover.tool},
                 {t(L::date), to_string(r.cover.date)},
                 {t(L::revision), r.cover.revision.empty() ? t(L::not_in_git) : r.cover.revision}},
                "cover");
    }

    if (r.shows(ReportSection::summary)) {
        section(ReportSection::summary);
        w.raw(readiness_chart(r.status, lang));
        {
            Rows rows;
            auto row = [&](std::string name, const StepStatus& st) {
                rows.push_back(
                    {std::move(name), Cell(fmt::format("{}/{}", st.done, st.total), "num"),
                     Cell(st.percent() < 0 ? "-" : fmt::format("{}%", st.percent()), "num"),
                     Cell(std::to_string(st.errors), st.errors ? "num flag" : "num"),
                     Cell(std::to_string(st.warnings), "num"),
                     Cell(std::to_string(st.infos), "num"),
                     Cell(std::to_string(st.overdue), st.overdue ? "num flag" : "num")});
            };
            for (const StepStatus& st : r.status.steps) {
                row(st.step == 0 ? std::string(TextRef{"Plan file / tasks without a step",
                                                       "プランファイル・ステップ未設定"}
                                                   .in(lang))
                                 : step_heading(st.step, lang),
                    st);
            }
            row(t(L::total), r.status.total);
            w.table({t(L::step), t(L::done), "%", t(L::errors), t(L::warnings), t(L::infos),
                     t(L::overdue)},
                    rows);
            if (!r.readiness_history.empty()) {
                w.heading(3, t(L::readiness_over_time));
                w.raw(readiness_history_chart(r.readiness_history, lang));
            }
            w.heading(3, t(L::overdue_tasks));
            if (r.status.overdue.empty()) w.paragraph(t(L::none));
            std::vector<std::string> items;
            for (const ChecklistItem& item : r.status.overdue) {
                items.push_back(fmt::format("{} ({} {}) — {}", item.text.in(lang), t(L::due),
                                            item.due, step_heading(item.step, lang)));
            }
            w.list(items);
        }
    }

    if (r.shows(ReportSection::goals)) {
        section(ReportSection::goals);
        if (!r.goals.empty()) {
            Rows rows;
            for (const GoalRow& g : r.goals)
                rows.push_back({g.id, g.statement, g.metric, Cell(g.target, "num"), g.period,
                                joined_in(lang, g.agreed_by)});
            w.table({t(L::goal), t(L::statement), t(L::kpi), t(L::target), t(L::period),
                     t(L::agreed_by)},
                    rows);
        }
        w.heading(3, t(L::funnel));
        {
            const FunnelPlan& f = r.funnel;
            Rows kv;
            if (f.revenue_target_jpy)
                kv.push_back({t(L::revenue_target), num(*f.revenue_target_jpy) + " JPY"});
            if (f.average_deal_jpy)
                kv.push_back({t(L::average_deal), num(*f.average_deal_jpy) + " JPY"});
            if (f.deals) kv.push_back({t(L::deals), num(*f.deals)});
            if (f.budget_jpy) kv.push_back({t(L::budget), num(*f.budget_jpy) + " JPY"});
            if (f.romi) kv.push_back({t(L::romi), fmt::format("{:.2f}", *f.romi)});
            if (f.romi_target)
                kv.push_back({t(L::romi_target), fmt::format("{:.2f}", *f.romi_target)});
            if (!kv.empty()) w.table({t(L::item), t(L::value)}, kv, "cover");
            w.raw(funnel_chart(f, lang));
            if (!f.stages.empty()) {
                Rows rows;
                for (const FunnelStage& s : f.stages) {
                    std::vector<std::string> notes;
                    if (s.outside_band) notes.push_back(t(L::outside_band));
                    if (s.kpi_below_required) notes.push_back(t(L::below_required));
                    rows.push_back(
                        {s.id, Cell(s.rate ? rate_text(*s.rate) : "", "num"),
                         Cell(s.band_low ? fmt::format("{}–{}", rate_text(*s.band_low),
                                                       rate_text(*s.band_high))
                                         : "",
                              "num"),
                         Cell(s.required ? num(*s.required) : "", "num"),
                         Cell(s.kpi_target ? fmt::format("{} ({})", num(*s.kpi_target), s.kpi_goal)
                                           : "",
                              "num"),
                         Cell(joined_in(lang, notes, " "), "flag")});
                }
                w.table({t(L::stage), t(L::rate), t(L::band), t(L::required), t(L::kpi_target),
                         t(L::check)},
                        rows);
                w.paragraph(fmt::format("{}: {}", t(L::bands_source),
                                        lang == Lang::ja ? rules::funnel_bands_source_ja
                                                         : rules::funnel_bands_source_en),
                            "muted");
            }
            // The forward funnel and the actuals: the same tables as the Markdown; numbers right.
            auto cells = [](const FunnelTable& ft) {
                Rows rows;
                for (const auto& r : ft.rows) {
                    std::vector<Cell> cs;
                    for (std::size_t i = 0; i < r.size(); ++i)
                        cs.push_back(i < ft.text_columns ? Cell(r[i]) : Cell(r[i], "num"));
                    rows.push_back(std::move(cs));
                }
                return rows;
            };
            if (!f.stages.empty()) {
                w.heading(3, t(L::forward_funnel));
                if (FunnelTable kvf = forward_summary_table(f, lang); !kvf.rows.empty())
                    w.table(kvf.header, cells(kvf), "cover");
                if (FunnelTable ft = forward_table(f, lang); !ft.rows.empty())
                    w.table(ft.header, cells(ft));
                w.gaps(f.forward_gaps);
            }
            if (f.actuals) {
                w.heading(3, t(L::actuals));
                FunnelTable at = actuals_table(f, lang);
                w.table(at.header, cells(at));
                w.paragraph(fmt::format("{} — {}", f.actuals->file, t(L::actuals_note)), "muted");
            }
        }
    }

    if (r.shows(ReportSection::roles)) {
        section(ReportSection::roles);
        if (!r.roles.groups.empty()) {
            std::vector<std::string> header{t(L::task)};
            for (const RaciColumn& c : r.roles.columns) header.push_back(c.name);
            for (const RaciGroup& g : r.roles.groups) {
                w.heading(3, step_heading(g.step, lang));
                Rows rows;
                for (const RaciRow& row : g.rows) {
                    std::vector<Cell> cells{row.task};
                    for (const RaciCell& c : row.cells)
                        cells.emplace_back(c.text, role_class(c.kind));
                    rows.push_back(std::move(cells));
                }
                w.table(header, rows, "raci");
            }
            std::vector<std::string> legend;
            for (const LegendEntry& e : r.roles.legend)
                legend.push_back(fmt::format("{}: {}", e.symbol, e.meaning.in(lang)));
            w.list(legend);
            w.heading(3, t(L::roles_by_stakeholder));
            Rows rows;
            for (const StakeholderDuties& sd : duties_by_stakeholder(r.roles)) {
                for (const StakeholderDuty& d : sd.duties) {
                    if (d.tasks.empty()) continue;
                    std::vector<std::string> names;
                    for (const RaciRow* row : d.tasks) names.push_back(row->task);
                    rows.push_back({sd.stakeholder.name, Cell(d.symbol, role_class(d.kind)),
                                    joined_in(lang, names)});
                }
            }
            w.table({t(L::stakeholder), t(L::role), t(L::tasks)}, rows, "duties");
        }
    }

    if (r.shows(ReportSection::journey)) {
        section(ReportSection::journey);
        if (!r.journey.stages.empty()) {
            std::vector<std::string> header{t(L::persona)};
            for (const std::string& s : r.journey.stages) header.push_back(s);
            // Cells hold three lines, so this table is written by hand rather than through table().
            w.raw("<table class=\"journey\">\n<thead><tr>");
            for (const std::string& h : header) w.raw(fmt::format("<th>{}</th>", html_escape(h)));
            w.raw("</tr></thead>\n<tbody>\n");
            for (const JourneyRow& row : r.journey.rows) {
                w.raw(fmt::format("<tr><th>{}</th>", html_escape(row.persona)));
                for (const JourneyCell& c : row.cells) {
                    if (!c.planned) {
                        w.raw("<td class=\"muted\">—</td>");
                        continue;
                    }
                    w.raw(fmt::format(
                        "<td><strong>{}</strong><br>{}<br><span class=\"muted\">{}</span></td>",
                        html_escape(c.wants), html_escape(joined_in(lang, c.content)),
                        html_escape(schema_label("JourneyEntry", "channel", c.channel).in(lang))));
                }
                w.raw("</tr>\n");
            }
            w.raw("</tbody>\n</table>\n");
        }
    }

    if (r.shows(ReportSection::communications)) {
        section(ReportSection::communications);
        if (!r.communications.empty()) {
            Rows rows;
            for (const CommunicationRow& c : r.communications) {
                rows.push_back(
                    {c.stage, c.id, c.persona, c.content,
                     Cell(std::string(
                              schema_label("Communication", "content_status", c.content_status)
                                  .in(lang)),
                          c.content_status == "new" || c.content_status == "existing" ||
                                  c.content_status == "needs_update"
                              ? "status-" + c.content_status
                              : ""),
                     std::string(schema_label("Communication", "channel", c.channel).in(lang)),
                     c.timing, c.owner});
            }
            w.table({t(L::stage), t(L::id), t(L::persona), t(L::content), t(L::content_status),
                     t(L::channel), t(L::timing), t(L::owner)},
                    rows);
        }
    }

    if (r.shows(ReportSection::handoffs)) {
        section(ReportSection::handoffs);
        for (const HandoffSheet& h : r.handoffs) {
            w.heading(3, fmt::format("{} → {}", h.from, h.to));
            std::string sla =
                h.sla_hours ? fmt::format("{:g} {}", *h.sla_hours, t(L::hours)) : std::string();
            w.table({t(L::item), t(L::value)},
                    {{t(L::attributes), joined_in(lang, h.attributes)},
                     {t(L::state), h.state},
                     {t(L::fields), joined_in(lang, h.fields)},
                     {t(L::sla), sla},
                     {t(L::reasons_to), h.closed_lost_reasons_to}},
                    "cover");
            w.gaps(h.gaps);
        }
    }

    if (r.shows(ReportSection::lists)) {
        section(ReportSection::lists);
        if (r.lists) {
            const ListsWaterfall& l = *r.lists;
            auto c = [](std::size_t v) { return Cell(count_text(static_cast<double>(v)), "num"); };
            Rows rows{{t(L::imported), c(l.imported)},
                      {t(L::invalid), c(l.invalid)},
                      {t(L::no_consent), c(l.no_consent)},
                      {t(L::excluded), c(l.excluded)}};
            for (const auto& [reason, count] : l.excluded_by_reason)
                rows.push_back({t(L::excluded) + ": " + reason, c(count)});
            rows.push_back({t(L::duplicates), c(l.duplicates)});
            rows.push_back({t(L::contactable), c(l.contactable)});
            w.paragraph(fmt::format("{}: {}", t(L::workspace), l.workspace));
            w.table({t(L::stage), t(L::count)}, rows);
        }
    }

    if (r.shows(ReportSection::tool_setup)) {
        section(ReportSection::tool_setup);
        if (!r.tool.sending_domain.empty() || !r.tool.spf.empty()) {
            w.table({t(L::item), t(L::value)},
                    {{t(L::sending_domain), r.tool.sending_domain},
                     {"SPF", r.tool.spf},
                     {"DKIM", r.tool.dkim},
                     {"DMARC", r.tool.dmarc},
                     {t(L::ip_warming), r.tool.ip_warming},
                     {t(L::daily_volume), r.tool.daily_volume},
                     {t(L::one_click), r.tool.one_click_unsubscribe
                                           ? t(*r.tool.one_click_unsubscribe ? L::yes : L::no)
                                           : ""}},
                    "cover");
        }
        w.heading(3, t(L::domain_status));
        if (r.tool.mail_findings.empty()) {
            w.paragraph(t(L::no_mail_findings));
        } else {
            Rows rows;
            for (const Finding& f : r.tool.mail_findings)
                rows.push_back(
                    {f.rule_id, std::string(severity_label(f.severity, lang)), f.message.in(lang)});
            w.table({t(L::rule), t(L::severity), t(L::message)}, rows);
        }
    }

    if (r.shows(ReportSection::measurement)) {
        section(ReportSection::measurement);
        if (!r.measurement.empty()) {
            Rows rows;
            for (const MeasurementRow& m : r.measurement) {
                rows.push_back(
                    {m.goal, m.metric, m.source, m.owner,
                     std::string(schema_label("KpiMeasurement", "cadence", m.cadence).in(lang))});
            }
            w.table({t(L::goal), t(L::kpi), t(L::source), t(L::owner), t(L::cadence)}, rows);
        }
    }

    if (r.shows(ReportSection::operations)) {
        section(ReportSection::operations);
        {
            const OperationsSheet& o = r.operations;
            w.heading(3, t(L::weekly_review));
            if (o.review_cadence) {
                std::string when = std::string(
                    schema_label("ReviewMeeting", "cadence", *o.review_cadence).in(lang));
                if (o.review_minutes)
                    when += fmt::format(fmt::runtime(lang == Lang::ja ? "・{:g} {}" : ", {:g} {}"),
                                        *o.review_minutes, t(L::minutes));
                w.paragraph(
                    fmt::format(fmt::runtime(lang == Lang::ja ? "{}。{}: {}" : "{}. {}: {}"), when,
                                t(L::members), joined_in(lang, o.review_members)));
            }
            w.paragraph(t(L::agenda) + ":");
            std::vector<std::string> agenda;
            for (const Text& a : o.agenda) agenda.push_back(a.in(lang));
            w.list(agenda, true);
            w.heading(3, t(L::escalation));
            if (!o.escalation.empty()) {
                Rows rows;
                for (std::size_t i = 0; i < o.escalation.size(); ++i)
                    rows.push_back({Cell(std::to_string(i + 1), "num"),
                                    o.escalation[i].role.in(lang), o.escalation[i].stakeholder});
                w.table({t(L::level), t(L::role), t(L::stakeholder)}, rows);
            }
            if (!o.runbook.empty()) w.paragraph(fmt::format("{}: {}", t(L::runbook), o.runbook));
            w.heading(3, t(L::pause));
            if (!o.pause.empty()) {
                Rows rows;
                for (const PauseRow& p : o.pause)
                    rows.push_back(
                        {p.scenario,
                         std::string(
                             schema_label("PausePolicy", "on_resume", p.on_resume).in(lang))});
                w.table({t(L::scenario), t(L::on_resume)}, rows);
            }
        }
    }

    if (r.shows(ReportSection::timeline)) {
        section(ReportSection::timeline);
        if (r.timeline.empty()) {
            w.paragraph(t(L::no_dated_tasks));
        } else {
            w.raw(timeline_chart(r.timeline, r.cover.date, lang));
            if (r.timeline.size() > timeline_chart_cap) {
                w.paragraph(fmt::format(fmt::runtime(TextRef{
                                            "The chart shows the first {} tasks by due date; {} "
                                            "more are in the table below.",
                                            "グラフは期限順に最初の {} 件を表示しています。"
                                            "残り {} 件は下の表にあります。"}
                                                         .in(lang)),
                                        timeline_chart_cap, r.timeline.size() - timeline_chart_cap),
                            "muted");
            }
            Rows rows;
            for (const TimelineTask& task : r.timeline) {
                rows.push_back({Cell(to_string(task.due), task.overdue ? "flag" : ""), task.name,
                                step_heading(task.step, lang), task.owner,
                                std::string(task_state_label(task.status).in(lang)),
                                Cell(task.overdue ? t(L::overdue) : "", "flag")});
            }
            w.table({t(L::due), t(L::task), t(L::step), t(L::owner), t(L::status), t(L::overdue)},
                    rows);
        }
    }

    if (r.shows(ReportSection::findings)) {
        section(ReportSection::findings);
        if (r.findings.empty()) {
            w.paragraph(t(L::no_findings));
        } else {
            Rows rows;
            for (const Finding& f : r.findings) {
                rows.push_back({f.rule_id,
                                Cell(std::string(severity_label(f.severity, lang)),
                                     f.severity == Severity::error ? "flag" : ""),
                                f.pos.known() ? fmt::format("{}:{}", f.pos.line, f.pos.column) : "",
                                f.message.in(lang)});
            }
            w.table({t(L::rule), t(L::severity), t(L::position), t(L::message)}, rows);
        }
    }
    if (n > 0) w.raw("</section>\n");
    w.raw("</body>\n</html>\n");
    return w.out();
}

}  // namespace maplan::reports
