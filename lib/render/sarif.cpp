// SARIF 2.1.0 (OASIS). Validated in tests with Microsoft's SARIF multitool and the SARIF 2.1.0
// schema it ships (tests/ci/check_sarif.py). Only what viewers use is written: rule metadata
// from the registry, results with physical locations, and notifications for unreadable files.
#include <fmt/format.h>

#include <cctype>

#include "core/build_config.hpp"
#include "core/json_writer.hpp"
#include "render/ci_formats.hpp"
#include "render/rules_doc.hpp"
#include "rules/rule.hpp"

namespace maplan::render {

namespace {

// Both chosen at configure time (cmake/build_config.cmake): by default the installed README and
// rule reference, since ma-plan has no public web page to link to.
constexpr std::string_view information_uri = build_config::homepage_url;
constexpr std::string_view rules_doc_uri = build_config::rules_doc_url;

std::string_view sarif_level(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
    }
    return "error";
}

/// SARIF's reportingDescriptor.name is an identifier-like, human-readable name ("UnknownKey").
std::string rule_name(std::string_view title) {
    std::string out;
    bool upper = true;
    for (char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
            upper = false;
        } else {
            upper = true;
        }
    }
    return out;
}

void write_location(JsonWriter& w, const FileResult& file, SourcePos pos) {
    w.begin_object().key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").value(path_to_uri(file.path)).end_object();
    if (pos.known()) {
        w.key("region")
            .begin_object()
            .key("startLine")
            .value(static_cast<long long>(pos.line))
            .key("startColumn")
            .value(static_cast<long long>(pos.column))
            .end_object();
    }
    w.end_object().end_object();
}

/// Standard input has no artifact a viewer could open, so its results carry no location.
bool has_artifact(const FileResult& file) {
    return !file.path.empty() && file.path != "<stdin>" && file.path != "-";
}

}  // namespace

std::string rule_help_uri(std::string_view rule_id) {
    std::string anchor(rule_id);
    for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return fmt::format("{}#{}", rules_doc_uri, anchor);
}

std::string path_to_uri(std::string_view path) {
    std::string out;
    if (path.starts_with("./")) path.remove_prefix(2);
    if (path.starts_with("/")) out = "file://";
    for (unsigned char c : path) {
        // RFC 3986 unreserved characters and the path separator pass; everything else (spaces,
        // '#', '%', UTF-8 bytes of Japanese names) is percent-encoded.
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

std::string render_sarif(const Report& report, const RenderOptions& options) {
    const Lang lang = options.lang;
    const auto& registry = rules::registry();
    JsonWriter w;
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();

    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("ma-plan");
    w.key("version").value(options.tool_version);
    w.key("semanticVersion").value(options.tool_version);
    w.key("informationUri").value(information_uri);
    w.key("rules").begin_array();
    for (const rules::RuleDescriptor& rule : registry) {
        w.begin_object();
        w.key("id").value(rule.id);
        w.key("name").value(rule_name(rule.title.en));
        w.key("shortDescription")
            .begin_object()
            .key("text")
            .value(rule.title.in(lang))
            .end_object();
        w.key("fullDescription")
            .begin_object()
            .key("text")
            .value(rule.rationale.in(lang))
            .end_object();
        std::string uri = rule_help_uri(rule.id);
        w.key("help").begin_object();
        w.key("text").value(rule.hint.in(lang));
        w.key("markdown")
            .value(fmt::format("{}\n\n{} [{}]({})\n\n{}", rule.rationale.in(lang),
                               rule.hint.in(lang), rule.id, uri,
                               render_rule_examples_markdown(rule, lang)));
        w.end_object();
        w.key("helpUri").value(uri);
        w.key("defaultConfiguration")
            .begin_object()
            .key("level")
            .value(sarif_level(rule.severity))
            .end_object();
        w.key("properties").begin_object();
        w.key("step").value(rule.step);
        w.key("stepName").value(rules::step_name(rule.step).in(lang));
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.end_object().end_object();  // driver, tool

    w.key("invocations").begin_array().begin_object();
    w.key("executionSuccessful").value(report.unreadable() == 0);
    bool any_omitted = false;
    for (const FileResult& file : report.files) any_omitted = any_omitted || !file.omitted.empty();
    if (report.unreadable() > 0 || any_omitted) {
        w.key("toolExecutionNotifications").begin_array();
        for (const FileResult& file : report.files) {
            for (const OmittedSummary& o : omitted_by_rule(file)) {
                w.begin_object();
                w.key("level").value("note");
                w.key("message").begin_object().key("text").value(
                    omitted_line(o, file.max_findings_per_rule).in(lang));
                w.end_object();
                if (has_artifact(file)) {
                    w.key("locations").begin_array();
                    write_location(w, file, SourcePos{});
                    w.end_array();
                }
                w.end_object();
            }
            if (!file.fatal) continue;
            w.begin_object();
            w.key("level").value("error");
            w.key("message").begin_object().key("text").value(file.fatal->message.in(lang));
            w.end_object();
            // An input-method slip (YAML-00x) is a rule of the registry: link it (SARIF 2.1.0
            // §3.58.9 notification.associatedRule), so code scanning shows its help.
            for (std::size_t i = 0; i < registry.size(); ++i) {
                if (!file.fatal->rule_id.empty() && registry[i].id == file.fatal->rule_id) {
                    w.key("associatedRule").begin_object();
                    w.key("id").value(registry[i].id);
                    w.key("index").value(i);
                    w.end_object();
                }
            }
            if (has_artifact(file)) {
                w.key("locations").begin_array();
                write_location(w, file, file.fatal->pos);
                w.end_array();
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object().end_array();

    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    w.key("columnKind").value("unicodeCodePoints");

    w.key("results").begin_array();
    for (const FileResult& file : report.files) {
        for (const Finding& f : file.findings) {
            w.begin_object();
            w.key("ruleId").value(f.rule_id);
            for (std::size_t i = 0; i < registry.size(); ++i) {
                if (registry[i].id == f.rule_id) w.key("ruleIndex").value(i);
            }
            w.key("level").value(sarif_level(f.severity));
            w.key("message").begin_object().key("text").value(f.message.in(lang)).end_object();
            if (has_artifact(file)) {
                w.key("locations").begin_array();
                write_location(w, file, f.pos);
                w.end_array();
            }
            if (!f.hint.empty()) {
                w.key("properties").begin_object().key("hint").value(f.hint.in(lang)).end_object();
            }
            w.end_object();
        }
    }
    w.end_array();

    w.end_object().end_array();  // run, runs
    w.end_object();
    return w.str();
}

}  // namespace maplan::render
