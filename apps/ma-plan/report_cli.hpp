#pragma once
// What the document commands (raci, checklist, status, report) share on the command line: the
// report language, the one-line fatal error for an unreadable plan, and --today.
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

}  // namespace maplan::cli
