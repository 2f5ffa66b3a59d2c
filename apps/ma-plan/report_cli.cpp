#include "report_cli.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>

#include "core/atomic_file.hpp"
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

int refuse_xlsx_target(const std::string& output, Context& ctx) {
    if (output.empty()) {
        ctx.err
            << (ctx.lang() == Lang::ja
                    ? "ma-plan: --format xlsx には -o FILE が必要です (Excel ファイルはバイナリ)\n"
                    : "ma-plan: --format xlsx needs -o FILE (an Excel file is binary)\n");
        return exit_code::usage_error;
    }
    if (is_standard_output(output) && isatty(STDOUT_FILENO) == 1) {
        ctx.err << (ctx.lang() == Lang::ja
                        ? "ma-plan: -o - は端末です。Excel "
                          "ファイルはバイナリなので、ファイル名を指定するかパイプに渡してください\n"
                        : "ma-plan: -o - is a terminal; an Excel file is binary, so give a file "
                          "name or pipe it\n");
        return exit_code::bad_option;
    }
    return exit_code::ok;
}

std::filesystem::path xlsx_scratch(const std::string& output) {
    if (is_standard_output(output)) return {};
    std::filesystem::path parent = std::filesystem::absolute(output).parent_path();
    // A directory that does not exist is the atomic writer's to report, in its own words
    // ("PATH: error: cannot write: …"); the scratch directory then goes to the system's.
    std::error_code ec;
    return std::filesystem::is_directory(parent, ec) ? parent : std::filesystem::path{};
}

}  // namespace maplan::cli
