// GitHub Actions workflow commands. The runner turns each line into an annotation on the pull
// request's diff at file:line:col. Escaping follows actions/toolkit (packages/core/src/command.ts).
#include <fmt/format.h>

#include "render/ci_formats.hpp"

namespace maplan::render {

namespace {

std::string_view command_for(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "notice";
    }
    return "error";
}

std::string annotation(std::string_view command, const FileResult& file, SourcePos pos,
                       std::string_view title, std::string_view message) {
    std::vector<std::string> props;
    // Standard input has no file in the repository to attach the annotation to.
    if (!file.path.empty() && file.path != "<stdin>" && file.path != "-") {
        std::string_view path = file.path;
        if (path.starts_with("./")) path.remove_prefix(2);
        props.push_back("file=" + github_escape_property(path));
        if (pos.known()) {
            props.push_back(fmt::format("line={}", pos.line));
            props.push_back(fmt::format("col={}", pos.column));
        }
    }
    props.push_back("title=" + github_escape_property(title));
    return fmt::format("::{} {}::{}\n", command, fmt::join(props, ","),
                       github_escape_data(message));
}

}  // namespace

std::string github_escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\r') {
            out += "%0D";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view text) {
    std::string out;
    for (char c : github_escape_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

std::string render_github(const Report& report, const RenderOptions& options) {
    const Lang lang = options.lang;
    std::string out;
    for (const FileResult& file : report.files) {
        if (file.fatal) {
            out +=
                annotation("error", file, file.fatal->pos, "ma-plan", file.fatal->message.in(lang));
            continue;
        }
        for (const Finding& f : file.findings) {
            std::string message = f.message.in(lang);
            if (!f.hint.empty()) {
                message +=
                    fmt::format("\n{} {}", lang == Lang::ja ? "ヒント:" : "hint:", f.hint.in(lang));
            }
            out += annotation(command_for(f.severity), file, f.pos, f.rule_id, message);
        }
    }
    return out;
}

}  // namespace maplan::render
