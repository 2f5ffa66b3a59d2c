#include "report_cli.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/errors.hpp"
#include "core/finding.hpp"

namespace maplan::cli {

namespace {

std::string shown_path(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

}  // namespace

Lang report_lang(const Context& ctx, const Project* project) {
    const char* env = std::getenv("MA_PLAN_LANG");
    bool explicit_lang = !ctx.lang_name.empty() || (env != nullptr && *env != '\0');
    if (!explicit_lang && project != nullptr) {
        if (auto lang = parse_lang(project->project.language.value)) return *lang;
    }
    return ctx.lang();
}

bool report_fatal(const std::string& path, const std::optional<yaml::ParseError>& fatal,
                  Context& ctx) {
    if (!fatal) return false;
    std::string where = fatal->pos.known() ? fmt::format("{}:{}:{}", shown_path(path),
                                                         fatal->pos.line, fatal->pos.column)
                                           : shown_path(path);
    ctx.err << fmt::format("{}: {}: {}\n", where, severity_label(Severity::error, ctx.lang()),
                           fatal->message.in(ctx.lang()));
    return true;
}

reports::Date today_of(const std::string& text) {
    if (text.empty()) return reports::today_local();
    if (auto d = reports::parse_date(text)) return *d;
    throw UsageError(date_option_message("--today", text));
}

}  // namespace maplan::cli
