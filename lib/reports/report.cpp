#include "reports/report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.hpp"
#include "core/schema.hpp"
#include "reports/checklist.hpp"

namespace maplan::reports {

namespace {

constexpr TextRef section_titles[report_section_count] = {
    {"Cover", "表紙"},
    {"Summary", "サマリー"},
    {"Goals and KPIs", "ゴールと KPI"},
    {"Roles", "役割分担"},
    {"Customer journey map", "カスタマージャーニーマップ"},
    {"Communication flow", "コミュニケーションフロー"},
    {"Hand-off sheets", "受け渡しシート"},
    {"Customer lists", "顧客リスト"},
    {"Tool setup", "ツールの準備"},
    {"Measurement plan", "効果測定計画"},
    {"Operations", "運用"},
    {"Timeline", "タイムライン"},
    {"Findings", "指摘事項"},
};

std::vector<std::string> values_of(const LStrings& values) {
    std::vector<std::string> out;
    for (const LString& v : values) out.push_back(v.value);
    return out;
}

std::string persona_display(const Project& p, std::string_view id) {
    for (const Persona& persona : p.personas) {
        if (persona.id.value == id && !persona.name.value.empty()) return persona.name.value;
    }
    return std::string(id);
}

std::string number_text(double v) {
    return v == static_cast<double>(static_cast<long long>(v)) ? count_text(v)
                                                               : fmt::format("{:g}", v);
}

void add_gap(Report& r, ReportSection s, Text text) {
    r.gaps[static_cast<std::size_t>(s)].push_back(std::move(text));
}

/// "add `journey`" in both languages: the plan key to write and what it is for.
Text missing_key(std::string_view key, std::string_view en_what, std::string_view ja_what) {
    return {fmt::format("the plan has no `{}`: {}", key, en_what),
            fmt::format("プランに `{}` がありません。{}", key, ja_what)};
}

void build_cover(Report& r, const ReportInputs& in) {
    const ProjectInfo& info = in.project.project;
    r.cover = {info.name.value, info.client.value, info.tool.value, in.today, in.revision};
    if (info.client.value.empty())
        add_gap(r, ReportSection::cover,
                missing_key("project.client", "name the client company",
                            "クライアント企業名を書いてください"));
}

void build_goals(Report& r, const Project& p) {
    for (const Goal& g : p.goals) {
        GoalRow row{g.id.value, g.statement.value, "", "", "", {}};
        if (g.kpi) {
            row.metric = g.kpi->metric.value;
            if (g.kpi->target.present()) {
                row.target = number_text(g.kpi->target.value);
                if (!g.kpi->unit.value.empty()) row.target += " " + g.kpi->unit.value;
            }
            row.period = g.kpi->period.value;
        } else {
            add_gap(r, ReportSection::goals,
                    {fmt::format("goal \"{}\" has no `kpi` (metric, target, period)", g.id.value),
                     fmt::format("ゴール「{}」に `kpi` (指標・目標値・期間) がありません",
                                 g.id.value)});
        }
        for (const LString& s : g.agreed_by)
            row.agreed_by.push_back(stakeholder_display(p, s.value));
        r.goals.push_back(std::move(row));
    }
    if (p.goals.empty())
        add_gap(r, ReportSection::goals,
                missing_key("goals", "write each goal with a KPI (metric, target, period)",
                            "KPI (指標・目標値・期間) 付きでゴールを書いてください"));
    r.funnel = build_funnel(p);
    for (const Text& t : r.funnel.gaps) add_gap(r, ReportSection::goals, t);
}

void build_journey(Report& r, const Project& p) {
    if (!p.journey || p.journey->stages.empty()) {
        add_gap(r, ReportSection::journey,
                missing_key("journey",
                            "list the stages and, per persona and stage, what the "
                            "persona wants, the content and the channel",
                            "段階と、ペルソナ×段階ごとに求める情報・コンテンツ・チャネルを書いて"
                            "ください"));
        return;
    }
    for (const LString& s : p.journey->stages) r.journey.stages.push_back(s.value);
    // Rows in persona order, then any persona the map names that is not declared (REF findings
    // say so), so no entry of the map is dropped.
    std::vector<std::string> persona_ids;
    for (const Persona& persona : p.personas) persona_ids.push_back(persona.id.value);
    for (const JourneyEntry& e : p.journey->entries) {
        if (std::find(persona_ids.begin(), persona_ids.end(), e.persona.value) == persona_ids.end())
            persona_ids.push_back(e.persona.value);
    }
    for (const std::string& id : persona_ids) {
        JourneyRow row;
        row.persona = persona_display(p, id);
        for (const Persona& persona : p.personas) {
            if (persona.id.value == id && persona.buying_role.present())
                row.buying_role = persona.buying_role.value;
        }
        std::size_t planned = 0;
        for (const std::string& stage : r.journey.stages) {
            JourneyCell cell;
            for (const JourneyEntry& e : p.journey->entries) {
                if (e.persona.value != id || e.stage.value != stage) continue;
                cell = {true, e.wants.value, values_of(e.content), e.channel.value};
                ++planned;
            }
            row.cells.push_back(std::move(cell));
        }
        if (planned == 0)
            add_gap(r, ReportSection::journey,
                    {fmt::format("persona \"{}\" has no entry in `journey.map`", row.persona),
                     fmt::format("ペルソナ「{}」の `journey.map` がありません", row.persona)});
        r.journey.rows.push_back(std::move(row));
    }
}

void build_communications(Report& r, const Project& p) {
    // Journey stage order first (the reader follows the customer), plan order within a stage.
    std::vector<const Communication*> comms;
    for (const Communication& c : p.communications) comms.push_back(&c);
    auto rank = [&](const Communication* c) {
        const auto& st = r.journey.stages;
        return static_cast<std::size_t>(std::find(st.begin(), st.end(), c->stage.value) -
                                        st.begin());
    };
    std::stable_sort(comms.begin(), comms.end(),
                     [&](const auto* a, const auto* b) { return rank(a) < rank(b); });
    for (const Communication* c : comms) {
        r.communications.push_back({c->stage.value, c->id.value,
                                    persona_display(p, c->persona.value), c->content.value,
                                    c->content_status.value, c->channel.value, c->timing.value,
                                    stakeholder_display(p, c->owner.value)});
    }
    if (p.communications.empty())
        add_gap(r, ReportSection::communications,
                missing_key("communications",
                            "per stage, the items with content, channel, timing, owner and "
                            "content_status (new, existing, needs_update)",
                            "段階ごとに、コンテンツ・チャネル・タイミング・担当・content_status "
                            "(new・existing・needs_update) を書いてください"));
}

void build_handoffs(Report& r, const Project& p) {
    for (const Handoff& h : p.handoffs) {
        HandoffSheet s;
        s.from = stakeholder_display(p, h.from.value);
        s.to = stakeholder_display(p, h.to.value);
        if (h.when) {
            s.attributes = values_of(h.when->attributes);
            s.state = h.when->state.value;
        }
        s.fields = values_of(h.fields);
        if (h.sla_hours.present()) s.sla_hours = h.sla_hours.value;
        if (h.closed_lost_reasons_to.present())
            s.closed_lost_reasons_to = stakeholder_display(p, h.closed_lost_reasons_to.value);
        if (!h.when)
            s.gaps.push_back({"`when`: the attributes and the state a lead must have",
                              "`when`: 渡す条件 (属性と状態)"});
        if (s.fields.empty())
            s.gaps.push_back({"`fields`: what travels with the lead", "`fields`: 引き継ぐ項目"});
        if (!s.sla_hours)
            s.gaps.push_back({"`sla_hours`: how fast the receiver acts",
                              "`sla_hours`: 受け手が対応するまでの時間"});
        if (s.closed_lost_reasons_to.empty())
            s.gaps.push_back({"`closed_lost_reasons_to`: who receives the \"no need\" reasons",
                              "`closed_lost_reasons_to`: 「ニーズなし」の理由を受け取る部門"});
        r.handoffs.push_back(std::move(s));
    }
    if (p.handoffs.empty())
        add_gap(
            r, ReportSection::handoffs,
            missing_key("handoffs",
                        "for each pass (marketing → inside sales → sales): conditions, "
                        "fields, SLA and where \"no need\" reasons go (MarketOne demand center)",
                        "受け渡しごと (マーケティング→インサイドセールス→営業) に条件・項目・"
                        "SLA・「ニーズなし」理由の戻し先を書いてください "
                        "(マーケットワン「デマンドセンター」)"));
}

void build_tool(Report& r, const Project& p, const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
        if (f.rule_id.rfind("MAIL-", 0) == 0) r.tool.mail_findings.push_back(f);
    }
    if (!p.email) {
        add_gap(r, ReportSection::tool_setup,
                missing_key("email", "the sending domain with its SPF, DKIM and DMARC records",
                            "送信ドメインと SPF・DKIM・DMARC を書いてください"));
        return;
    }
    const Email& e = *p.email;
    r.tool.sending_domain = e.sending_domain.value;
    r.tool.spf = e.spf.value;
    if (e.dkim) {
        r.tool.dkim = e.dkim->selector.value;
        if (e.dkim->key_bits.present())
            r.tool.dkim += fmt::format(" ({} bit)", e.dkim->key_bits.value);
    }
    r.tool.dmarc = e.dmarc.value;
    if (e.ip_warming) {
        r.tool.ip_warming = fmt::format("{:g} × {:g}", e.ip_warming->weeks.value,
                                        e.ip_warming->days_per_week.value);
    }
    if (e.daily_volume.present()) r.tool.daily_volume = number_text(e.daily_volume.value);
    if (e.one_click_unsubscribe.present())
        r.tool.one_click_unsubscribe = e.one_click_unsubscribe.value;
}

void build_measurement(Report& r, const Project& p) {
    for (const KpiMeasurement& m : p.kpi_measurement) {
        MeasurementRow row{m.goal.value, "", m.source.value, stakeholder_display(p, m.owner.value),
                           m.cadence.value};
        if (const Goal* g = p.find_goal(m.goal.value); g && g->kpi) {
            row.metric = g->kpi->metric.value;
            if (g->kpi->target.present())
                row.metric += " " + number_text(g->kpi->target.value) + g->kpi->unit.value;
        }
        r.measurement.push_back(std::move(row));
    }
    for (const Goal& g : p.goals) {
        bool measured =
            std::any_of(p.kpi_measurement.begin(), p.kpi_measurement.end(),
                        [&](const KpiMeasurement& m) { return m.goal.value == g.id.value; });
        if (!measured)
            add_gap(
                r, ReportSection::measurement,
                {fmt::format("goal \"{}\" has no `kpi_measurement` (source, owner, cadence)",
                             g.id.value),
                 fmt::format("ゴール「{}」の `kpi_measurement` (データ・担当・頻度) がありません",
                             g.id.value)});
    }
    if (p.kpi_measurement.empty() && p.goals.empty())
        add_gap(r, ReportSection::measurement,
                missing_key("kpi_measurement", "per goal: data source, owner and cadence",
                            "ゴールごとにデータ・担当・頻度を書いてください"));
}

void build_operations(Report& r, const Project& p) {
    OperationsSheet& ops = r.operations;
    const Operations* o = p.operations ? &*p.operations : nullptr;
    if (o && o->review_meeting) {
        const ReviewMeeting& m = *o->review_meeting;
        ops.review_cadence = m.cadence.value;
        if (m.minutes.present()) ops.review_minutes = m.minutes.value;
        for (const LString& s : m.members)
            ops.review_members.push_back(stakeholder_display(p, s.value));
    } else {
        add_gap(
            r, ReportSection::operations,
            missing_key(
                "operations.review_meeting",
                "a short cross-department progress meeting (MarketOne demand center: weekly, 30 "
                "minutes) with its members",
                "部門横断の短い進捗会議 (マーケットワン「デマンドセンター」: 毎週30分) "
                "と参加部門を書いてください"));
    }
    // The agenda follows the plan's structure: what is measured, what is passed on, what is late.
    for (const KpiMeasurement& m : p.kpi_measurement) {
        const Goal* g = p.find_goal(m.goal.value);
        std::string metric = g && g->kpi ? g->kpi->metric.value : m.goal.value;
        ops.agenda.push_back(
            {fmt::format("KPI {}: actual against target ({})", metric, m.source.value),
             fmt::format("KPI {}: 目標に対する実績 ({})", metric, m.source.value)});
    }
    for (const Handoff& h : p.handoffs) {
        std::string from = stakeholder_display(p, h.from.value);
        std::string to = stakeholder_display(p, h.to.value);
        std::string sla = h.sla_hours.present() ? fmt::format("{:g}", h.sla_hours.value) : "?";
        ops.agenda.push_back(
            {fmt::format("hand-off {} → {}: leads passed, SLA {} h kept, \"no need\" reasons", from,
                         to, sla),
             fmt::format("受け渡し {} → {}: 件数、SLA {} 時間の遵守、「ニーズなし」の理由", from,
                         to, sla)});
    }
    ops.agenda.push_back(
        {fmt::format("tasks: {} overdue, the next due dates", r.status.overdue.size()),
         fmt::format("タスク: 期限切れ {} 件、次の期限", r.status.overdue.size())});
    ops.agenda.push_back({fmt::format("open findings: {} errors, {} warnings",
                                      r.status.total.errors, r.status.total.warnings),
                          fmt::format("未解決の指摘: エラー {} 件、警告 {} 件",
                                      r.status.total.errors, r.status.total.warnings)});

    if (o && o->error_response) {
        const ErrorResponse& e = *o->error_response;
        if (e.first_responder.present())
            ops.escalation.push_back(
                {{"first response", "一次対応"}, stakeholder_display(p, e.first_responder.value)});
        if (e.escalation.present())
            ops.escalation.push_back(
                {{"escalation", "エスカレーション先"}, stakeholder_display(p, e.escalation.value)});
        ops.runbook = e.runbook.value;
    } else {
        add_gap(r, ReportSection::operations,
                missing_key("operations.error_response",
                            "who responds first to a sending or data error, and who it escalates "
                            "to (the MA specialist textbook)",
                            "配信・データの障害に誰が一次対応し、誰にエスカレーションするかを書いて"
                            "ください (MAスペシャリスト教科書)"));
    }
    // The coordinator of the whole demand center decides last (MarketOne demand center).
    if (p.project.owner.present())
        ops.escalation.push_back({{"decision (demand-center coordinator)", "最終判断 (全体統括)"},
                                  stakeholder_display(p, p.project.owner.value)});
    if (o) {
        for (const PausePolicy& pp : o->pause_policy)
            ops.pause.push_back({pp.scenario.value, pp.on_resume.value});
    }
    if (ops.pause.empty())
        add_gap(r, ReportSection::operations,
                missing_key("operations.pause_policy",
                            "per scenario (holidays, disasters), what is sent after a pause "
                            "(the MA specialist textbook)",
                            "シナリオ (長期休暇・災害) ごとに、停止後に何を送るかを書いてください "
                            "(MAスペシャリスト教科書)"));
}

void build_timeline(Report& r, const Project& p, const Date& today) {
    std::size_t undated = 0;
    for (const Task& t : p.tasks) {
        auto due = parse_date(t.due.value);
        if (!due) {
            undated += t.status.value != "done" && t.status.value != "not_applicable" ? 1 : 0;
            continue;
        }
        TimelineTask row;
        row.name = t.name.value.empty() ? t.id.value : t.name.value;
        row.step = t.step.value >= 1 && t.step.value <= 7 ? static_cast<int>(t.step.value) : 0;
        row.due = *due;
        row.status = t.status.value.empty() ? "todo" : t.status.value;
        for (const RoleAssignment& a : t.roles) {
            if (a.kind == RoleKind::owner) row.owner = stakeholder_display(p, a.stakeholder.value);
        }
        row.overdue = *due < today && row.status != "done" && row.status != "not_applicable";
        r.timeline.push_back(std::move(row));
    }
    std::stable_sort(r.timeline.begin(), r.timeline.end(),
                     [](const TimelineTask& a, const TimelineTask& b) { return a.due < b.due; });
    if (undated > 0)
        add_gap(r, ReportSection::timeline,
                {fmt::format("{} open task(s) have no `due` date", undated),
                 fmt::format("未完了のタスク {} 件に期限 (`due`) がありません", undated)});
}

}  // namespace

TextRef section_title(ReportSection section) {
    return section_titles[static_cast<std::size_t>(section)];
}

TextRef schema_label(std::string_view type_name, std::string_view key, std::string_view value) {
    for (const schema::Type* t : schema::object_types()) {
        if (t->name != type_name) continue;
        const schema::Field* f = t->field(key);
        if (f == nullptr || f->type == nullptr) break;
        for (const schema::EnumValue& v : f->type->values) {
            if (v.value == value) return v.description;
        }
        break;
    }
    return {value, value};
}

std::string render_report(const Report& report, OutputFormat format, Lang lang) {
    switch (format) {
        case OutputFormat::markdown:
            return render_report_markdown(report, lang);
        case OutputFormat::html:
            return render_report_html(report, lang);
        default:
            break;
    }
    throw UsageError({"the report is written as md or html", "レポートの形式は md か html です"});
}

Report build_report(const ReportInputs& in) {
    const Project& p = in.project;
    Report r;
    build_cover(r, in);
    r.status = build_status(build_checklist(p, in.today), in.findings);
    build_goals(r, p);
    r.roles = build_raci(p, RaciStyle::labels, RaciGrouping::step);
    if (p.tasks.empty())
        add_gap(
            r, ReportSection::roles,
            missing_key("tasks", "each task with its roles per stakeholder (主担当, 共有, 受領)",
                        "タスクごとに部門の役割 (主担当・共有・受領) を書いてください"));
    build_journey(r, p);
    build_communications(r, p);
    build_handoffs(r, p);
    r.lists = in.lists;
    if (!in.lists_requested)
        add_gap(r, ReportSection::lists,
                {"run the report with `--db WORKSPACE` to include the customer-list waterfall "
                 "(counts only, never contacts)",
                 "`--db WORKSPACE` を付けて実行すると顧客リストの内訳 (件数のみ。個人情報は"
                 "含みません) を載せます"});
    build_tool(r, p, in.findings);
    build_measurement(r, p);
    build_operations(r, p);
    build_timeline(r, p, in.today);
    r.findings = in.findings;
    return r;
}

}  // namespace maplan::reports
