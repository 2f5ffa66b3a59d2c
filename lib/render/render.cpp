// The table of output formats: one row per renderer, so adding a format is one line here.
#include "render/ci_formats.hpp"
#include "render/report.hpp"

namespace maplan::render {

namespace {

struct FormatDefinition {
    std::string_view name;
    OutputFormat format;
    std::string (*render)(const Report&, const RenderOptions&);
};

constexpr FormatDefinition formats[] = {
    {"text", OutputFormat::text, render_text},
    {"compact", OutputFormat::compact, render_compact},
    {"json", OutputFormat::json, render_json},
    {"sarif", OutputFormat::sarif, render_sarif},
    {"junit", OutputFormat::junit, render_junit},
    {"github", OutputFormat::github, render_github},
};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (const auto& f : formats) {
        if (f.name == name) return f.format;
    }
    return std::nullopt;
}

std::vector<std::string_view> output_format_names() {
    std::vector<std::string_view> names;
    for (const auto& f : formats) names.push_back(f.name);
    return names;
}

std::string render(const Report& report, OutputFormat format, const RenderOptions& options) {
    for (const auto& f : formats) {
        if (f.format == format) return f.render(report, options);
    }
    return render_text(report, options);
}

}  // namespace maplan::render
