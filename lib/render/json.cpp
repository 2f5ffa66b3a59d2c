// The JSON shape is documented in docs/json-format.md and versioned by its "version" field: keys
// are only ever added, never renamed or removed, within one version.
#include "core/json_writer.hpp"
#include "render/report.hpp"
#include "rules/rule.hpp"

namespace maplan::render {

std::string render_json(const Report& report, const RenderOptions& options) {
    JsonWriter w;
    w.begin_object();
    w.key("version").value(1);
    w.key("tool")
        .begin_object()
        .key("name")
        .value("ma-plan")
        .key("version")
        .value(options.tool_version)
        .end_object();
    w.key("language").value(options.lang == Lang::ja ? "ja" : "en");
    w.key("files").begin_array();
    for (const FileResult& file : report.files) {
        w.begin_object();
        w.key("path").value(display_path(file));
        if (file.fatal) {
            w.key("status").value("unreadable");
            w.key("error").begin_object();
            if (file.fatal->pos.known()) {
                w.key("line").value(static_cast<long long>(file.fatal->pos.line));
                w.key("column").value(static_cast<long long>(file.fatal->pos.column));
            }
            w.key("message").value(file.fatal->message.in(options.lang));
            if (!file.fatal->rule_id.empty()) w.key("rule").value(file.fatal->rule_id);
            w.end_object();
        } else {
            w.key("status").value("checked");
        }
        w.key("findings").begin_array();
        for (const Finding& f : file.findings) {
            w.begin_object();
            w.key("rule").value(f.rule_id);
            w.key("severity").value(to_string(f.severity));
            if (const auto* rule = rules::find_rule(f.rule_id)) w.key("step").value(rule->step);
            w.key("line").value(static_cast<long long>(f.pos.line));
            w.key("column").value(static_cast<long long>(f.pos.column));
            w.key("message").value(f.message.in(options.lang));
            if (!f.hint.empty()) w.key("hint").value(f.hint.in(options.lang));
            w.end_object();
        }
        w.end_array();
        // Findings beyond --max-findings: counted in the summary, listed here by rule.
        w.key("omitted").begin_array();
        for (const OmittedFindings& o : file.omitted) {
            w.begin_object();
            w.key("rule").value(o.rule_id);
            w.key("severity").value(to_string(o.severity));
            w.key("count").value(o.count);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    w.key("files").value(report.files.size());
    w.key("errors").value(report.count(Severity::error));
    w.key("warnings").value(report.count(Severity::warning));
    w.key("info").value(report.count(Severity::info));
    w.key("unreadable").value(report.unreadable());
    w.key("failed").value(report.failed() || report.unreadable() > 0);
    w.end_object();
    w.end_object();
    return w.str();
}

}  // namespace maplan::render
