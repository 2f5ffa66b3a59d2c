// The rollout report as GitHub-flavoured Markdown: GFM tables with every cell escaped, the funnel
// and the timeline as tables (a Markdown reader has no charts).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/escape.hpp"
#include "reports/report.hpp"
#include "reports/report_labels.hpp"
#include "rules/funnel_bands.hpp"

namespace maplan::reports {

namespace {

namespace L = report_labels;

class MarkdownWriter {
  public:
    explicit MarkdownWriter(Lang lang) : lang_(lang) {}

    std::string t(TextRef ref) const { return std::string(ref.in(lang_)); }
    const std::string& t(const Text& text) const { return text.in(lang_); }

    void heading(int level, const std::string& text) {
        out_ += fmt::format("{} {}\n\n", std::string(level, '#'), markdown_escape(text));
    }
    void section(ReportSection s, std::size_t number) {
        heading(2, fmt::format("{}. {}", number, section_title(s).in(lang_)));
    }
    void paragraph(const std::string& text) { out_ += markdown_escape(text) + "\n\n"; }
    void gaps(const std::vector<Text>& gaps) {
        if (gaps.empty()) return;
        out_ += fmt::format("**{}:**\n\n", markdown_escape(t(L::missing)));
        for (const Text& g : gaps) out_ += "- " + markdown_escape(t(g)) + "\n";
        out_ += "\n";
    }
    void list(const std::vector<std::string>& items, bool numbered = false) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            out_ += (numbered ? fmt::format("{}. ", i + 1) : std::string("- ")) +
                    markdown_escape(items[i]) + "\n";
        }
        if (!items.empty()) out_ += "\n";
    }
    /// A GFM table: the header decides the column count; every cell is escaped.
    void table(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
        auto line = [&](const std::vector<std::string>& cells) {
            std::string s = "|";
            for (std::size_t i = 0; i < header.size(); ++i) {
                std::string cell = i < cells.size() ? markdown_escape(cells[i]) : "";
                s += " " + cell + " |";
            }
            return s + "\n";
        };
        out_ += line(header);
        out_ += "|";
        for (std::size_t i = 0; i < header.size(); ++i) out_ += "---|";
        out_ += "\n";
        for (const auto& r : rows) out_ += line(r);
        out_ += "\n";
    }
    std::string& out() { return out_; }

  private:
    Lang lang_;
    std::string out_;
};

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

std::string band_text(const FunnelStage& s) {
    if (!s.band_low) return "";
    return fmt::format("{}–{}", rate_text(*s.band_low), rate_text(*s.band_high));
}

/// Plan text for a Mermaid gantt line. Mermaid has no escape for a task name: `:` ends it, `;`
/// ends a statement, `#` starts an entity and `%%` a comment, so those become their full-width
/// forms, as do `<` and `>`; line breaks become spaces. A name that starts with a gantt keyword
/// ("section", "title", ...) would be read as that statement, so it gets a leading "- ". The
/// lines are indented four spaces, which no closing code fence can be.
std::string mermaid_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case ':':
                out += "：";
                break;
            case ';':
                out += "；";
                break;
            case '#':
                out += "＃";
                break;
            case '%':
                out += "％";
                break;
            case '<':
                out += "＜";
                break;
            case '>':
                out += "＞";
                break;
            default:
                out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
        }
    }
    auto start = out.find_first_not_of(' ');
    out = start == std::string::npos ? std::string("-") : out.substr(start);
    std::string lower;
    for (char c : out) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view keyword :
         {"title", "section", "dateformat", "axisformat", "tickinterval", "excludes", "includes",
          "todaymarker", "weekday", "weekend", "inclusiveenddates", "topaxis", "displaymode",
          "acctitle", "accdescr", "click", "gantt"}) {
        if (lower.rfind(keyword, 0) == 0) return "- " + out;
    }
    return out;
}

/// The timeline as a Mermaid gantt block (GitHub renders it): one section per step, open tasks as
/// bars from the report date to their due date, done and overdue ones as milestones. The
/// report's own date is fixed, so Mermaid's today marker (the viewer's clock) is switched off.
std::string mermaid_gantt(const std::vector<TimelineTask>& tasks, const Date& today, Lang lang) {
    std::string out = "```mermaid\ngantt\n";
    out += fmt::format("    title {}\n",
                       mermaid_text(section_title(ReportSection::timeline).in(lang)));
    out += "    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m-%d\n    todayMarker off\n";
    std::vector<const TimelineTask*> order;
    for (const TimelineTask& t : tasks) order.push_back(&t);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* a, const auto* b) { return a->step < b->step; });
    int step = -1;
    for (const TimelineTask* t : order) {
        if (t->step != step) {
            step = t->step;
            out += fmt::format("    section {}\n", mermaid_text(step_heading(step, lang)));
        }
        bool closed = t->status == "done" || t->status == "not_applicable";
        std::string due = to_string(t->due);
        std::string when = closed           ? fmt::format("done, milestone, {}, 0d", due)
                           : t->overdue     ? fmt::format("crit, milestone, {}, 0d", due)
                           : today < t->due ? fmt::format("active, {}, {}", to_string(today), due)
                                            : fmt::format("milestone, {}, 0d", due);
        out += fmt::format("    {} :{}\n", mermaid_text(t->name), when);
    }
    return out + "```\n\n";
}

std::string yen(double v) {
    return count_text(v);
}

}  // namespace

std::string render_report_markdown(const Report& r, Lang lang) {
    MarkdownWriter w(lang);
    auto t = [&](TextRef ref) { return w.t(ref); };
    std::size_t n = 0;
    auto section = [&](ReportSection s) {
        w.section(s, ++n);
        w.gaps(r.gaps_of(s));
    };

    w.heading(1, fmt::format("{}: {}", t(r.title), r.cover.project));

    if (r.shows(ReportSection::cover)) {
        section(ReportSection::cover);
        w.table({t(L::item), t(L::value)},
                {{t(L::client), r.cover.client},
                 {t(L::project), r.cover.project},
                 {t(L::tool), r.cover.tool},
                 {t(L::date), to_string(r.cover.date)},
                 {t(L::revision), r.cover.revision.empty() ? t(L::not_in_git) : r.cover.revision}});
    }

    if (r.shows(ReportSection::summary)) {
        section(ReportSection::summary);
        {
            std::vector<std::vector<std::string>> rows;
            auto row = [&](std::string name, const StepStatus& st) {
                rows.push_back({std::move(name), fmt::format("{}/{}", st.done, st.total),
                                st.percent() < 0 ? "-" : fmt::format("{}%", st.percent()),
                                std::to_string(st.errors), std::to_string(st.warnings),
                                std::to_string(st.infos), std::to_string(st.overdue)});
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

    if (r.shows(ReportSection::summary) && !r.readiness_history.empty()) {
        w.heading(3, t(L::readiness_over_time));
        std::vector<std::string> header{t(L::date), t(L::point), "%"};
        for (int step = 1; step <= 7; ++step) header.push_back(std::to_string(step));
        std::vector<std::vector<std::string>> rows;
        auto pct = [](int v) { return v < 0 ? std::string("–") : fmt::format("{}%", v); };
        for (const ReadinessPoint& p : r.readiness_history) {
            std::vector<std::string> row{p.date, p.label};
            if (!p.readable) {
                row.push_back(t(L::unreadable));
            } else {
                row.push_back(pct(p.total));
                for (int v : p.steps) row.push_back(pct(v));
            }
            rows.push_back(std::move(row));
        }
        w.table(header, rows);
    }

    if (r.shows(ReportSection::goals)) {
        section(ReportSection::goals);
        if (!r.goals.empty()) {
            std::vector<std::vector<std::string>> rows;
            for (const GoalRow& g : r.goals)
                rows.push_back({g.id, g.statement, g.metric, g.target, g.period,
                                joined_in(lang, g.agreed_by)});
            w.table({t(L::goal), t(L::statement), t(L::kpi), t(L::target), t(L::period),
                     t(L::agreed_by)},
                    rows);
        }
        w.heading(3, t(L::funnel));
        {
            const FunnelPlan& f = r.funnel;
            std::vector<std::vector<std::string>> kv;
            if (f.revenue_target_jpy)
                kv.push_back({t(L::revenue_target), yen(*f.revenue_target_jpy) + " JPY"});
            if (f.average_deal_jpy)
                kv.push_back({t(L::average_deal), yen(*f.average_deal_jpy) + " JPY"});
            if (f.deals) kv.push_back({t(L::deals), count_text(*f.deals)});
            if (f.budget_jpy) kv.push_back({t(L::budget), yen(*f.budget_jpy) + " JPY"});
            if (f.romi) kv.push_back({t(L::romi), fmt::format("{:.2f}", *f.romi)});
            if (f.romi_target)
                kv.push_back({t(L::romi_target), fmt::format("{:.2f}", *f.romi_target)});
            if (!kv.empty()) w.table({t(L::item), t(L::value)}, kv);
            if (!f.stages.empty()) {
                std::vector<std::vector<std::string>> rows;
                for (const FunnelStage& s : f.stages) {
                    std::vector<std::string> notes;
                    if (s.outside_band) notes.push_back(t(L::outside_band));
                    if (s.kpi_below_required) notes.push_back(t(L::below_required));
                    rows.push_back({s.id, s.rate ? rate_text(*s.rate) : "", band_text(s),
                                    s.required ? count_text(*s.required) : "",
                                    s.kpi_target ? fmt::format("{} ({})", count_text(*s.kpi_target),
                                                               s.kpi_goal)
                                                 : "",
                                    joined_in(lang, notes, " ")});
                }
                w.table({t(L::stage), t(L::rate), t(L::band), t(L::required), t(L::kpi_target),
                         t(L::check)},
                        rows);
                w.paragraph(fmt::format("{}: {}", t(L::bands_source),
                                        lang == Lang::ja ? rules::funnel_bands_source_ja
                                                         : rules::funnel_bands_source_en));
            }
            if (!f.stages.empty()) {
                w.heading(3, t(L::forward_funnel));
                if (FunnelTable kvf = forward_summary_table(f, lang); !kvf.rows.empty())
                    w.table(kvf.header, kvf.rows);
                if (FunnelTable ft = forward_table(f, lang); !ft.rows.empty())
                    w.table(ft.header, ft.rows);
                w.gaps(f.forward_gaps);
            }
            if (f.actuals) {
                w.heading(3, t(L::actuals));
                FunnelTable at = actuals_table(f, lang);
                w.table(at.header, at.rows);
                w.paragraph(fmt::format("{} — {}", f.actuals->file, t(L::actuals_note)));
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
                std::vector<std::vector<std::string>> rows;
                for (const RaciRow& row : g.rows) {
                    std::vector<std::string> cells{row.task};
                    for (const RaciCell& c : row.cells) cells.push_back(c.text);
                    rows.push_back(std::move(cells));
                }
                w.table(header, rows);
            }
            w.list([&] {
                std::vector<std::string> items;
                for (const LegendEntry& e : r.roles.legend)
                    items.push_back(fmt::format("{}: {}", e.symbol, e.meaning.in(lang)));
                return items;
            }());
            w.heading(3, t(L::roles_by_stakeholder));
            std::vector<std::vector<std::string>> rows;
            for (const StakeholderDuties& sd : duties_by_stakeholder(r.roles)) {
                for (const StakeholderDuty& d : sd.duties) {
                    if (d.tasks.empty()) continue;
                    std::vector<std::string> names;
                    for (const RaciRow* row : d.tasks) names.push_back(row->task);
                    rows.push_back({sd.stakeholder.name, d.symbol, joined_in(lang, names)});
                }
            }
            w.table({t(L::stakeholder), t(L::role), t(L::tasks)}, rows);
        }
    }

    if (r.shows(ReportSection::journey)) {
        section(ReportSection::journey);
        if (!r.journey.stages.empty()) {
            std::vector<std::string> header{t(L::persona)};
            for (const std::string& s : r.journey.stages) header.push_back(s);
            std::vector<std::vector<std::string>> rows;
            for (const JourneyRow& row : r.journey.rows) {
                std::vector<std::string> cells{row.persona};
                for (const JourneyCell& c : row.cells) {
                    if (!c.planned) {
                        cells.push_back(t(L::not_planned));
                        continue;
                    }
                    cells.push_back(
                        fmt::format("{} / {} / {}", c.wants, joined_in(lang, c.content),
                                    schema_label("JourneyEntry", "channel", c.channel).in(lang)));
                }
                rows.push_back(std::move(cells));
            }
            w.table(header, rows);
            w.paragraph(lang == Lang::ja ? "各セル: 求める情報 / コンテンツ / チャネル"
                                         : "Each cell: what the persona wants / content / channel");
        }
    }

    if (r.shows(ReportSection::communications)) {
        section(ReportSection::communications);
        if (!r.communications.empty()) {
            std::vector<std::vector<std::string>> rows;
            for (const CommunicationRow& c : r.communications) {
                rows.push_back(
                    {c.stage, c.id, c.persona, c.content,
                     std::string(schema_label("Communication", "content_status", c.content_status)
                                     .in(lang)),
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
            w.table({t(L::item), t(L::value)}, {{t(L::attributes), joined_in(lang, h.attributes)},
                                                {t(L::state), h.state},
                                                {t(L::fields), joined_in(lang, h.fields)},
                                                {t(L::sla), sla},
                                                {t(L::reasons_to), h.closed_lost_reasons_to}});
            w.gaps(h.gaps);
        }
    }

    if (r.shows(ReportSection::lists)) {
        section(ReportSection::lists);
        if (r.lists) {
            const ListsWaterfall& l = *r.lists;
            std::vector<std::vector<std::string>> rows{
                {t(L::imported), count_text(static_cast<double>(l.imported))},
                {t(L::invalid), count_text(static_cast<double>(l.invalid))},
                {t(L::no_consent), count_text(static_cast<double>(l.no_consent))},
                {t(L::excluded), count_text(static_cast<double>(l.excluded))}};
            for (const auto& [reason, count] : l.excluded_by_reason)
                rows.push_back({"  " + t(L::excluded) + ": " + reason,
                                count_text(static_cast<double>(count))});
            rows.push_back({t(L::duplicates), count_text(static_cast<double>(l.duplicates))});
            rows.push_back({t(L::contactable), count_text(static_cast<double>(l.contactable))});
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
                                           : ""}});
        }
        w.heading(3, t(L::domain_status));
        if (r.tool.mail_findings.empty()) {
            w.paragraph(t(L::no_mail_findings));
        } else {
            std::vector<std::vector<std::string>> rows;
            for (const Finding& f : r.tool.mail_findings)
                rows.push_back(
                    {f.rule_id, std::string(severity_label(f.severity, lang)), f.message.in(lang)});
            w.table({t(L::rule), t(L::severity), t(L::message)}, rows);
        }
    }

    if (r.shows(ReportSection::measurement)) {
        section(ReportSection::measurement);
        if (!r.measurement.empty()) {
            std::vector<std::vector<std::string>> rows;
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
                std::vector<std::vector<std::string>> rows;
                for (std::size_t i = 0; i < o.escalation.size(); ++i)
                    rows.push_back({std::to_string(i + 1), o.escalation[i].role.in(lang),
                                    o.escalation[i].stakeholder});
                w.table({t(L::level), t(L::role), t(L::stakeholder)}, rows);
            }
            if (!o.runbook.empty()) w.paragraph(fmt::format("{}: {}", t(L::runbook), o.runbook));
            w.heading(3, t(L::pause));
            if (!o.pause.empty()) {
                std::vector<std::vector<std::string>> rows;
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
            w.out() += mermaid_gantt(r.timeline, r.cover.date, lang);
            std::vector<std::vector<std::string>> rows;
            for (const TimelineTask& task : r.timeline) {
                rows.push_back({to_string(task.due), task.name, step_heading(task.step, lang),
                                task.owner, std::string(task_state_label(task.status).in(lang)),
                                task.overdue ? t(L::overdue) : ""});
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
            std::vector<std::vector<std::string>> rows;
            for (const Finding& f : r.findings) {
                rows.push_back({f.rule_id, std::string(severity_label(f.severity, lang)),
                                f.pos.known() ? fmt::format("{}:{}", f.pos.line, f.pos.column) : "",
                                f.message.in(lang)});
            }
            w.table({t(L::rule), t(L::severity), t(L::position), t(L::message)}, rows);
        }
    }
    return w.out();
}

}  // namespace maplan::reports
