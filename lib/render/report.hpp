#pragma once
// One report model for a validate run; every output format is a separate renderer over it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/text.hpp"
#include "rules/validate.hpp"

namespace maplan::render {

struct Report {
    std::vector<FileResult> files;  ///< in the order the user named them (directories sorted)
    Severity fail_on = Severity::error;

    std::size_t count(Severity severity) const;
    std::size_t unreadable() const;  ///< files that could not be read or parsed
    /// Any finding at or above fail_on.
    bool failed() const;
};

struct RenderOptions {
    Lang lang = Lang::en;
    bool color = false;
    std::string tool_version = "0.0.0";
};

enum class OutputFormat { text, compact, json, sarif, junit, github };

/// Compiler-style lines with the source line and a caret, and a summary.
std::string render_text(const Report& report, const RenderOptions& options);
/// One line per finding as gcc writes it, `file:line:col: severity: message [RULE-ID]`: no source
/// quote, no hint, no summary; for editors' problem matchers and grep. A file that could not be
/// read is one error line; findings over the cap are one line per rule ("and N more").
std::string render_compact(const Report& report, const RenderOptions& options);
/// The documented, stable JSON shape (docs/json-format.md).
std::string render_json(const Report& report, const RenderOptions& options);

/// Display name of a file as printed ("-" → "<stdin>").
std::string display_path(const FileResult& file);

/// Findings of one rule not shown because of the cap, all severities together.
struct OmittedSummary {
    std::string rule_id;
    std::size_t count = 0;
};
std::vector<OmittedSummary> omitted_by_rule(const FileResult& file);
/// "and 12,345 more RACI-001 (…)" / "ほかに RACI-001 が 12,345 件あります (…)".
Text omitted_line(const OmittedSummary& omitted, std::size_t cap);
/// 12345 → "12,345".
std::string thousands(std::size_t n);

}  // namespace maplan::render

namespace maplan::render {

/// "text", "json", … → format; nullopt for an unknown name.
std::optional<OutputFormat> parse_output_format(std::string_view name);
/// Names of the formats this build can render, for help and "did you mean".
std::vector<std::string_view> output_format_names();
/// Renders the report in one format (the table of renderers lives in render.cpp).
std::string render(const Report& report, OutputFormat format, const RenderOptions& options);

}  // namespace maplan::render
