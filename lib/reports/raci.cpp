#include "reports/raci.hpp"

#include <fmt/format.h>

#include <array>

#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "reports/html_style.hpp"

namespace maplan::reports {

namespace {

constexpr std::array<RoleKind, 5> kind_order = {RoleKind::owner, RoleKind::responsible,
                                                RoleKind::consulted, RoleKind::informed,
                                                RoleKind::receives};

std::string_view raci_letter(RoleKind kind) {
    switch (kind) {
        case RoleKind::owner:
            return "A";
        case RoleKind::responsible:
            return "R";
        case RoleKind::consulted:
            return "C";
        case RoleKind::informed:
        case RoleKind::receives:
            return "I";
    }
    return "";
}

TextRef role_meaning(RoleKind kind) {
    switch (kind) {
        case RoleKind::owner:
            return {"leads the task and holds the decision", "タスクを主導し、意思決定を持つ"};
        case RoleKind::responsible:
            return {"does the work", "作業を実施する"};
        case RoleKind::consulted:
            return {"is consulted before the decision", "意思決定の前に相談を受ける"};
        case RoleKind::informed:
            return {"is kept informed", "進捗と結果の共有を受ける"};
        case RoleKind::receives:
            return {"receives or accepts the deliverable (e.g. IT receiving the tool application)",
                    "成果物や申請を受領する(例: 情報システム部門がツール利用申請を受領)"};
    }
    return {"", ""};
}

/// Heading of a section of the per-stakeholder view.
TextRef duty_heading(RoleKind kind) {
    switch (kind) {
        case RoleKind::owner:
            return {"Leads", "主担当として進めるタスク"};
        case RoleKind::responsible:
            return {"Does the work on", "実施するタスク"};
        case RoleKind::consulted:
            return {"Is consulted on", "相談を受けるタスク"};
        case RoleKind::informed:
            return {"Is kept informed of", "共有を受けるタスク"};
        case RoleKind::receives:
            return {"Receives", "受領するもの"};
    }
    return {"", ""};
}

std::vector<LegendEntry> build_legend(const Project& project, RaciStyle style,
                                      const std::vector<bool>& used) {
    std::vector<LegendEntry> legend;
    if (style == RaciStyle::labels) {
        for (RoleKind kind : kind_order) {
            if (!used[static_cast<std::size_t>(kind)]) continue;
            TextRef m = role_meaning(kind);
            legend.push_back({project.role_label(kind),
                              {fmt::format("{} ({})", m.en, to_string(kind)), std::string(m.ja)}});
        }
        return legend;
    }
    auto label = [&](RoleKind k) { return project.role_label(k); };
    auto is_used = [&](RoleKind k) { return used[static_cast<std::size_t>(k)]; };
    if (is_used(RoleKind::responsible)) {
        legend.push_back({"R",
                          {fmt::format("Responsible — does the work (plan label: {})",
                                       label(RoleKind::responsible)),
                           fmt::format("実行責任 — 作業を実施する(プランの表記: {})",
                                       label(RoleKind::responsible))}});
    }
    if (is_used(RoleKind::owner)) {
        legend.push_back(
            {"A",
             {fmt::format("Accountable — leads and holds the decision (plan label: {})",
                          label(RoleKind::owner)),
              fmt::format("説明責任 — 主導し意思決定を持つ(プランの表記: {})",
                          label(RoleKind::owner))}});
    }
    if (is_used(RoleKind::consulted)) {
        legend.push_back({"C",
                          {fmt::format("Consulted — asked before the decision (plan label: {})",
                                       label(RoleKind::consulted)),
                           fmt::format("協業・相談 — 意思決定の前に相談を受ける(プランの表記: {})",
                                       label(RoleKind::consulted))}});
    }
    if (is_used(RoleKind::informed) || is_used(RoleKind::receives)) {
        std::string en = "Informed — kept informed";
        std::string ja = "報告先 — 共有を受ける";
        if (is_used(RoleKind::informed)) {
            en += fmt::format(" (plan label: {})", label(RoleKind::informed));
            ja += fmt::format("(プランの表記: {})", label(RoleKind::informed));
        }
        if (is_used(RoleKind::receives)) {
            en += fmt::format("; also {} (receives the deliverable), which RACI has no letter for",
                              label(RoleKind::receives));
            ja += fmt::format("。{}(成果物の受領)も RACI に該当する文字がないため I で表す",
                              label(RoleKind::receives));
        }
        legend.push_back({"I", {en, ja}});
    }
    return legend;
}

const char* task_header(Lang lang) {
    return lang == Lang::ja ? "タスク" : "Task";
}
const char* step_header(Lang lang) {
    return lang == Lang::ja ? "ステップ" : "Step";
}
std::string title(const RaciMatrix& m, Lang lang, bool by_stakeholder) {
    if (by_stakeholder) {
        return lang == Lang::ja ? fmt::format("部門別の役割: {}", m.project_name)
                                : fmt::format("Roles by department: {}", m.project_name);
    }
    return lang == Lang::ja ? fmt::format("役割分担表: {}", m.project_name)
                            : fmt::format("Role matrix: {}", m.project_name);
}
const char* legend_title(Lang lang) {
    return lang == Lang::ja ? "凡例" : "Legend";
}
const char* no_tasks(Lang lang) {
    return lang == Lang::ja ? "プランにタスクがありません。" : "The plan has no tasks.";
}

// ----- Markdown -----

std::string markdown_table(const RaciMatrix& m, const RaciGroup& group, Lang lang) {
    std::string out = fmt::format("| {} |", task_header(lang));
    for (const RaciColumn& c : m.columns) out += fmt::format(" {} |", markdown_escape(c.name));
    out += "\n|---|";
    for (std::size_t i = 0; i < m.columns.size(); ++i) out += "---|";
    out += "\n";
    for (const RaciRow& row : group.rows) {
        out += fmt::format("| {} |", markdown_escape(row.task));
        for (const RaciCell& cell : row.cells) {
            out += cell.text.empty() ? " |" : fmt::format(" {} |", markdown_escape(cell.text));
        }
        out += "\n";
    }
    return out;
}

std::string markdown_legend(const RaciMatrix& m, Lang lang) {
    if (m.legend.empty()) return "";
    std::string out = fmt::format("\n{}:\n\n", legend_title(lang));
    for (const LegendEntry& e : m.legend) {
        out += fmt::format("- **{}**: {}\n", markdown_escape(e.symbol),
                           markdown_escape(e.meaning.in(lang)));
    }
    return out;
}

std::string render_markdown(const RaciMatrix& m, Lang lang) {
    std::string out = fmt::format("# {}\n\n", markdown_escape(title(m, lang, false)));
    if (m.groups.empty()) return out + no_tasks(lang) + "\n";
    bool first = true;
    for (const RaciGroup& group : m.groups) {
        if (!first) out += "\n";
        first = false;
        if (m.grouping == RaciGrouping::step) {
            out += fmt::format("## {}\n\n", markdown_escape(step_heading(group.step, lang)));
        }
        out += markdown_table(m, group, lang);
    }
    return out + markdown_legend(m, lang);
}

// ----- CSV -----

std::string csv_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(cells[i]);
    }
    return out + "\r\n";  // RFC 4180 line ends
}

std::string render_csv(const RaciMatrix& m, const RenderOptions& options) {
    std::string out = options.utf8_bom ? std::string(utf8_bom) : "";
    std::vector<std::string> header = {step_header(options.lang), task_header(options.lang)};
    for (const RaciColumn& c : m.columns) header.push_back(c.name);
    out += csv_row(header);
    for (const RaciGroup& group : m.groups) {
        for (const RaciRow& row : group.rows) {
            std::vector<std::string> cells = {row.step > 0 ? std::to_string(row.step) : "",
                                              row.task};
            for (const RaciCell& cell : row.cells) cells.push_back(cell.text);
            out += csv_row(cells);
        }
    }
    return out;
}

// ----- HTML -----

std::string html_document(const std::string& heading, const std::string& body, Lang lang) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n"
        "{}</body>\n</html>\n",
        lang == Lang::ja ? "ja" : "en", html_escape(heading), html_stylesheet(),
        html_escape(heading), body);
}

std::string render_html(const RaciMatrix& m, Lang lang) {
    std::string body;
    if (m.groups.empty()) body += fmt::format("<p>{}</p>\n", no_tasks(lang));
    for (const RaciGroup& group : m.groups) {
        if (m.grouping == RaciGrouping::step) {
            body += fmt::format("<h2>{}</h2>\n", html_escape(step_heading(group.step, lang)));
        }
        body += fmt::format("<table>\n<thead>\n<tr><th>{}</th>", task_header(lang));
        for (const RaciColumn& c : m.columns)
            body += fmt::format("<th>{}</th>", html_escape(c.name));
        body += "</tr>\n</thead>\n<tbody>\n";
        for (const RaciRow& row : group.rows) {
            body += fmt::format("<tr><td>{}</td>", html_escape(row.task));
            for (const RaciCell& cell : row.cells) {
                // The role's colour comes from the shared stylesheet (td.role-owner, ...).
                body += cell.kind ? fmt::format("<td class=\"role-{}\">{}</td>",
                                                to_string(*cell.kind), html_escape(cell.text))
                                  : fmt::format("<td>{}</td>", html_escape(cell.text));
            }
            body += "</tr>\n";
        }
        body += "</tbody>\n</table>\n";
    }
    if (!m.legend.empty()) {
        body += fmt::format("<h2>{}</h2>\n<ul>\n", legend_title(lang));
        for (const LegendEntry& e : m.legend) {
            body += fmt::format("<li><strong>{}</strong>: {}</li>\n", html_escape(e.symbol),
                                html_escape(e.meaning.in(lang)));
        }
        body += "</ul>\n";
    }
    return html_document(title(m, lang, false), body, lang);
}

// ----- JSON -----

void json_header(JsonWriter& w, const RaciMatrix& m, Lang lang) {
    w.key("project").value(m.project_name);
    w.key("style").value(m.style == RaciStyle::labels ? "labels" : "raci");
    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    w.key("stakeholders").begin_array();
    for (const RaciColumn& c : m.columns) {
        w.begin_object().key("id").value(c.stakeholder_id).key("name").value(c.name).end_object();
    }
    w.end_array();
}

void json_legend(JsonWriter& w, const RaciMatrix& m, Lang lang) {
    w.key("legend").begin_array();
    for (const LegendEntry& e : m.legend) {
        w.begin_object().key("symbol").value(e.symbol).key("meaning").value(e.meaning.in(lang));
        w.end_object();
    }
    w.end_array();
}

std::string render_json(const RaciMatrix& m, Lang lang) {
    JsonWriter w;
    w.begin_object();
    json_header(w, m, lang);
    w.key("group").value(m.grouping == RaciGrouping::step ? "step" : "plan");
    w.key("groups").begin_array();
    for (const RaciGroup& group : m.groups) {
        w.begin_object();
        if (m.grouping == RaciGrouping::step) {
            w.key("step").value(group.step);
            w.key("title").value(step_heading(group.step, lang));
        }
        w.key("tasks").begin_array();
        for (const RaciRow& row : group.rows) {
            w.begin_object();
            if (!row.task_id.empty()) w.key("id").value(row.task_id);
            w.key("name").value(row.task);
            w.key("step").value(row.step);
            w.key("roles").begin_array();
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                const RaciCell& cell = row.cells[i];
                if (cell.text.empty()) continue;
                w.begin_object().key("stakeholder").value(m.columns[i].stakeholder_id);
                w.key("label").value(cell.text);
                w.key("kind");
                if (cell.kind) {
                    w.value(to_string(*cell.kind));
                } else {
                    w.null();
                }
                w.end_object();
            }
            w.end_array().end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    json_legend(w, m, lang);
    w.end_object();
    return w.str();
}

// ----- per stakeholder -----

std::string render_by_markdown(const RaciMatrix& m, Lang lang) {
    std::string out = fmt::format("# {}\n", markdown_escape(title(m, lang, true)));
    for (const StakeholderDuties& sd : duties_by_stakeholder(m)) {
        out += fmt::format("\n## {}\n", markdown_escape(sd.stakeholder.name));
        if (sd.duties.empty()) {
            out += lang == Lang::ja ? "\n役割はありません。\n" : "\nNo roles.\n";
            continue;
        }
        for (const StakeholderDuty& d : sd.duties) {
            out += fmt::format("\n### {} ({})\n\n", duty_heading(d.kind).in(lang),
                               markdown_escape(d.symbol));
            for (const RaciRow* row : d.tasks) {
                out += fmt::format("- {} — {}\n", markdown_escape(row->task),
                                   markdown_escape(step_heading(row->step, lang)));
            }
        }
    }
    return out + markdown_legend(m, lang);
}

std::string render_by_csv(const RaciMatrix& m, const RenderOptions& options) {
    const Lang lang = options.lang;
    std::string out = options.utf8_bom ? std::string(utf8_bom) : "";
    out += csv_row({lang == Lang::ja ? "部門" : "Department", lang == Lang::ja ? "役割" : "Role",
                    step_header(lang), task_header(lang)});
    for (const StakeholderDuties& sd : duties_by_stakeholder(m)) {
        for (const StakeholderDuty& d : sd.duties) {
            for (const RaciRow* row : d.tasks) {
                out += csv_row({sd.stakeholder.name, d.symbol,
                                row->step > 0 ? std::to_string(row->step) : "", row->task});
            }
        }
    }
    return out;
}

std::string render_by_html(const RaciMatrix& m, Lang lang) {
    std::string body;
    for (const StakeholderDuties& sd : duties_by_stakeholder(m)) {
        body += fmt::format("<h2>{}</h2>\n", html_escape(sd.stakeholder.name));
        if (sd.duties.empty()) {
            body += lang == Lang::ja ? "<p>役割はありません。</p>\n" : "<p>No roles.</p>\n";
        }
        for (const StakeholderDuty& d : sd.duties) {
            body += fmt::format("<h3>{} ({})</h3>\n<ul>\n", duty_heading(d.kind).in(lang),
                                html_escape(d.symbol));
            for (const RaciRow* row : d.tasks) {
                body += fmt::format("<li>{} — {}</li>\n", html_escape(row->task),
                                    html_escape(step_heading(row->step, lang)));
            }
            body += "</ul>\n";
        }
    }
    return html_document(title(m, lang, true), body, lang);
}

std::string render_by_json(const RaciMatrix& m, Lang lang) {
    JsonWriter w;
    w.begin_object();
    json_header(w, m, lang);
    w.key("by_stakeholder").begin_array();
    for (const StakeholderDuties& sd : duties_by_stakeholder(m)) {
        w.begin_object().key("id").value(sd.stakeholder.stakeholder_id);
        w.key("name").value(sd.stakeholder.name);
        w.key("duties").begin_array();
        for (const StakeholderDuty& d : sd.duties) {
            w.begin_object().key("kind").value(to_string(d.kind)).key("label").value(d.symbol);
            w.key("tasks").begin_array();
            for (const RaciRow* row : d.tasks) {
                w.begin_object().key("name").value(row->task).key("step").value(row->step);
                w.end_object();
            }
            w.end_array().end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    json_legend(w, m, lang);
    w.end_object();
    return w.str();
}

[[noreturn]] void not_a_matrix_format() {
    throw UsageError({"the role matrix is written as md, csv, html or json",
                      "役割分担表の形式は md・csv・html・json のいずれかです"});
}

}  // namespace

RaciMatrix build_raci(const Project& project, RaciStyle style, RaciGrouping grouping) {
    RaciMatrix m;
    m.project_name = project.project.name.value;
    m.style = style;
    m.grouping = grouping;
    for (const Stakeholder& s : project.stakeholders) {
        m.columns.push_back({s.id.value, stakeholder_display(project, s.id.value)});
    }
    std::vector<bool> used(kind_order.size(), false);
    std::vector<RaciRow> rows;
    for (const Task& task : project.tasks) {
        RaciRow row;
        row.task_id = task.id.value;
        row.task = !task.name.value.empty() ? task.name.value : task.id.value;
        const long long step = task.step.value;
        row.step = task.step.present() && step >= 1 && step <= 7 ? static_cast<int>(step) : 0;
        row.cells.resize(m.columns.size());
        for (const RoleAssignment& a : task.roles) {
            for (std::size_t i = 0; i < m.columns.size(); ++i) {
                if (m.columns[i].stakeholder_id != a.stakeholder.value) continue;
                RaciCell& cell = row.cells[i];
                cell.kind = a.kind;
                if (!a.kind) {
                    cell.text = a.label.value;  // unknown label: show it as written
                } else {
                    used[static_cast<std::size_t>(*a.kind)] = true;
                    cell.text = style == RaciStyle::raci ? std::string(raci_letter(*a.kind))
                                                         : project.role_label(*a.kind);
                }
            }
        }
        rows.push_back(std::move(row));
    }
    if (grouping == RaciGrouping::plan) {
        if (!rows.empty()) m.groups.push_back({0, std::move(rows)});
    } else {
        // Steps 1..7 in order, then the tasks without a valid step, so none is dropped.
        for (int step : {1, 2, 3, 4, 5, 6, 7, 0}) {
            RaciGroup group{step, {}};
            for (const RaciRow& row : rows) {
                if (row.step == step) group.rows.push_back(row);
            }
            if (!group.rows.empty()) m.groups.push_back(std::move(group));
        }
    }
    m.legend = build_legend(project, style, used);
    return m;
}

std::vector<StakeholderDuties> duties_by_stakeholder(const RaciMatrix& matrix) {
    std::vector<StakeholderDuties> result;
    for (std::size_t i = 0; i < matrix.columns.size(); ++i) {
        StakeholderDuties sd{matrix.columns[i], {}};
        for (RoleKind kind : kind_order) {
            StakeholderDuty duty{kind, "", {}};
            for (const RaciGroup& group : matrix.groups) {
                for (const RaciRow& row : group.rows) {
                    const RaciCell& cell = row.cells[i];
                    if (cell.kind == kind) {
                        duty.symbol = cell.text;
                        duty.tasks.push_back(&row);
                    }
                }
            }
            if (!duty.tasks.empty()) sd.duties.push_back(std::move(duty));
        }
        result.push_back(std::move(sd));
    }
    return result;
}

std::string render_raci(const RaciMatrix& matrix, OutputFormat format,
                        const RenderOptions& options) {
    switch (format) {
        case OutputFormat::markdown:
            return render_markdown(matrix, options.lang);
        case OutputFormat::csv:
            return render_csv(matrix, options);
        case OutputFormat::html:
            return render_html(matrix, options.lang);
        case OutputFormat::json:
            return render_json(matrix, options.lang);
        case OutputFormat::text:
            break;
    }
    not_a_matrix_format();
}

std::string render_raci_by_stakeholder(const RaciMatrix& matrix, OutputFormat format,
                                       const RenderOptions& options) {
    switch (format) {
        case OutputFormat::markdown:
            return render_by_markdown(matrix, options.lang);
        case OutputFormat::csv:
            return render_by_csv(matrix, options);
        case OutputFormat::html:
            return render_by_html(matrix, options.lang);
        case OutputFormat::json:
            return render_by_json(matrix, options.lang);
        case OutputFormat::text:
            break;
    }
    not_a_matrix_format();
}

}  // namespace maplan::reports
