#pragma once
// The rollout report (issue 14): the deliverable a consultant hands over. One model, built once
// from the loaded plan, the validate findings and (optionally) the customer-list waterfall; the
// Markdown and HTML renderers only lay it out. Every section carries the gaps the plan leaves, in
// both languages, so an unfinished plan gives a report that says what to write, never one with
// sections silently missing.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "reports/common.hpp"
#include "reports/funnel.hpp"
#include "reports/raci.hpp"
#include "reports/status.hpp"

namespace maplan::reports {

/// The sections, in the order the report shows them.
enum class ReportSection {
    cover,
    summary,
    goals,
    roles,
    journey,
    communications,
    handoffs,
    lists,
    tool_setup,
    measurement,
    operations,
    timeline,
    findings,
};
inline constexpr std::size_t report_section_count = 13;
TextRef section_title(ReportSection section);

struct ReportCover {
    std::string project;
    std::string client;
    std::string tool;
    Date date;
    std::string revision;  ///< short git revision of the plan's directory; empty when not in git
};

struct GoalRow {
    std::string id;
    std::string statement;
    std::string metric;
    std::string target;  ///< "120 件"; empty without a KPI
    std::string period;
    std::vector<std::string> agreed_by;  ///< stakeholder names
};

struct JourneyCell {
    bool planned = false;  ///< the map has an entry for this persona and stage
    std::string wants;
    std::vector<std::string> content;
    std::string channel;
};
struct JourneyRow {
    std::string persona;  ///< name, else ID
    std::string buying_role;
    std::vector<JourneyCell> cells;  ///< one per JourneyMap::stages
};
struct JourneyMap {
    std::vector<std::string> stages;
    std::vector<JourneyRow> rows;
};

struct CommunicationRow {
    std::string stage;
    std::string id;
    std::string persona;
    std::string content;
    std::string content_status;  ///< new | existing | needs_update as written
    std::string channel;
    std::string timing;
    std::string owner;  ///< stakeholder name
};

struct HandoffSheet {
    std::string from, to;  ///< stakeholder names
    std::vector<std::string> attributes;
    std::string state;
    std::vector<std::string> fields;
    std::optional<double> sla_hours;
    std::string closed_lost_reasons_to;  ///< stakeholder name
    std::vector<Text> gaps;
};

struct ToolSetup {
    std::string sending_domain, spf, dkim, dmarc, ip_warming, daily_volume;
    std::optional<bool> one_click_unsubscribe;
    /// MAIL-* findings of the validate run: the sending domain's status.
    std::vector<Finding> mail_findings;
};

struct MeasurementRow {
    std::string goal;    ///< goal ID
    std::string metric;  ///< the goal's KPI metric and target
    std::string source, owner, cadence;
};

struct EscalationLevel {
    Text role;
    std::string stakeholder;  ///< name
};
struct PauseRow {
    std::string scenario;
    std::string on_resume;  ///< as written (skip_missed, ...)
};
struct OperationsSheet {
    std::optional<std::string> review_cadence;
    std::optional<double> review_minutes;
    std::vector<std::string> review_members;
    std::vector<Text> agenda;  ///< derived from the plan: KPIs, hand-offs, tasks, findings
    std::vector<EscalationLevel> escalation;
    std::string runbook;
    std::vector<PauseRow> pause;
};

struct TimelineTask {
    std::string name;
    int step = 0;
    Date due;
    std::string status;  ///< todo when the plan gives none
    std::string owner;   ///< name of the 主担当 / accountable stakeholder
    bool overdue = false;
};

/// Counts only: the report never carries a contact.
struct ListsWaterfall {
    std::string workspace;
    std::size_t imported = 0, invalid = 0, no_consent = 0, excluded = 0, duplicates = 0,
                contactable = 0;
    std::vector<std::pair<std::string, std::size_t>> excluded_by_reason;
};

/// One point of the readiness-over-time chart (`report --history` / `--history-db`), oldest first:
/// a commit of the plan or a stored snapshot. Percent values are -1 where a step has no items.
struct ReadinessPoint {
    std::string date;
    std::string label;  ///< short commit hash or "#3"
    int total = -1;
    std::array<int, 7> steps{-1, -1, -1, -1, -1, -1, -1};  ///< steps 1..7
    bool readable = true;  ///< false: the plan could not be read at that point (not drawn)
};

struct Report {
    ReportCover cover;
    StatusReport status;
    std::vector<GoalRow> goals;
    FunnelPlan funnel;
    RaciMatrix roles;
    JourneyMap journey;
    std::vector<CommunicationRow> communications;
    std::vector<HandoffSheet> handoffs;
    std::optional<ListsWaterfall> lists;
    ToolSetup tool;
    std::vector<MeasurementRow> measurement;
    OperationsSheet operations;
    std::vector<TimelineTask> timeline;  ///< by due date, then plan order
    std::vector<Finding> findings;
    /// With --history or --history-db; shown in the summary (SVG chart in HTML, table in Markdown).
    std::vector<ReadinessPoint> readiness_history;
    /// Per section, what the plan still has to say (bilingual), shown under the heading.
    std::array<std::vector<Text>, report_section_count> gaps;

    /// The document's heading: the rollout report, or the operations sheets alone.
    TextRef title{"MA rollout report", "MA 導入レポート"};
    /// The sections to render, in report order; empty: all (`ma-plan ops` shows operations only).
    std::vector<ReportSection> only;
    bool shows(ReportSection s) const {
        return only.empty() || std::find(only.begin(), only.end(), s) != only.end();
    }

    const std::vector<Text>& gaps_of(ReportSection s) const {
        return gaps[static_cast<std::size_t>(s)];
    }
};

struct ReportInputs {
    const Project& project;
    const std::vector<Finding>& findings;  ///< from the validate pipeline, sorted
    Date today;
    std::string revision;                 ///< empty when the plan is not in git
    std::optional<ListsWaterfall> lists;  ///< with --db
    bool lists_requested = false;         ///< --db given (else the section says how to add it)
};

Report build_report(const ReportInputs& inputs);

/// Markdown (GFM) or one self-contained HTML file; other formats are a UsageError.
std::string render_report(const Report& report, OutputFormat format, Lang lang);
std::string render_report_markdown(const Report& report, Lang lang);
std::string render_report_html(const Report& report, Lang lang);

/// The schema's bilingual description of an enum value the plan spells in English (`type_name`
/// is the schema object, e.g. "Communication", `key` its field, e.g. "content_status"), so the
/// report says 要更新 exactly as `ma-plan schema` documents it; the value itself when unknown.
TextRef schema_label(std::string_view type_name, std::string_view key, std::string_view value);

}  // namespace maplan::reports
