#pragma once
// What the document commands (raci, checklist, status, report) share on the command line: the
// report language, the one-line fatal error for an unreadable plan, and --today.
#include <filesystem>
#include <optional>
#include <string>

#include "cli.hpp"
#include "core/loader.hpp"
#include "reports/common.hpp"

namespace maplan::cli {

/// A report is a document for the plan's readers, so without --lang or MA_PLAN_LANG it follows
/// the plan's `project.language` rather than the consultant's locale; the locale comes last.
Lang report_lang(const Context& ctx, const Project* project);

/// Prints the one-line `file:line:col: error: …` for a plan that cannot be read or parsed and
/// returns true; false when there is nothing fatal.
bool report_fatal(const std::string& path, const std::optional<yaml::ParseError>& fatal,
                  Context& ctx);

/// --today as given (YYYY-MM-DD), else the local date. Throws UsageError for anything else.
reports::Date today_of(const std::string& text);

/// An .xlsx file is binary: it needs -o FILE, and `-o -` only into a pipe or file, never onto a
/// terminal. Returns the exit code of a refusal (the message is printed), or 0 to go on.
int refuse_xlsx_target(const std::string& output, Context& ctx);

/// The workbook's scratch directory is made beside the output, like the atomic writer's
/// temporary file; for standard output, in the system temporary directory.
std::filesystem::path xlsx_scratch(const std::string& output);

}  // namespace maplan::cli
