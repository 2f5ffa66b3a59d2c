#pragma once
// The role matrix, the checklist and the status report as Excel workbooks (issue 16). Same models
// as the text renderers in lib/reports, so an .xlsx never disagrees with the Markdown or CSV.
//
// Every text cell is written with worksheet_write_string, which stores a shared string and never a
// formula whatever the text starts with (`=SUM(A1)`, `+1`, `-1`, `@x` stay text; libxlsxwriter
// only writes a formula through worksheet_write_formula*, which ma-plan never calls with cell
// text). The only formulas in a workbook are ma-plan's own: the overdue conditional format.
#include <filesystem>
#include <string>

#include "lists/audit.hpp"
#include "reports/checklist.hpp"
#include "reports/common.hpp"
#include "reports/raci.hpp"
#include "reports/report.hpp"
#include "reports/status.hpp"

namespace maplan::xlsx {

/// Sheet 1: the matrix (step, task, one column per stakeholder; one fill colour per role kind,
/// header row and the step and task columns frozen, widths from the display width, landscape and
/// fit to one page wide). Sheet 2: the legend, each symbol in its colour with its meaning.
/// `scratch_parent`: see Workbook.
std::string render_raci_xlsx(const reports::RaciMatrix& matrix,
                             const reports::RenderOptions& options,
                             const std::filesystem::path& scratch_parent = {});

/// One row per item: step, item, kind, owner, due (a real date cell), status (a drop-down over the
/// task states in the report's language). An autofilter on the header; rows whose due date is
/// before the report date and whose status is not done or not applicable are filled red by a
/// conditional format, so the mark follows the status when the client changes it in Excel.
std::string render_checklist_xlsx(const reports::Checklist& checklist,
                                  const reports::RenderOptions& options,
                                  const std::filesystem::path& scratch_parent = {});

/// Sheet 1: per step done, total, share, findings by severity and overdue count, then the total.
/// Sheet 2 (only when some task is overdue): the overdue tasks with their due dates.
std::string render_status_xlsx(const reports::StatusReport& status,
                               const reports::RenderOptions& options,
                               const std::filesystem::path& scratch_parent = {});

/// `report --format xlsx`: one sheet per section table the report shows: the role matrix and its
/// legend, the timeline (due dates as date cells), the reverse funnel (rates as percentages),
/// the findings. Each table has a frozen, filtered header row.
std::string render_report_xlsx(const reports::Report& report, Lang lang,
                               const std::filesystem::path& scratch_parent = {});

/// `lists audit --format xlsx`: the waterfall, the problems with their counts, and the examples
/// as the audit model holds them (masked unless --show-pii). The caller writes it 0600.
std::string render_audit_xlsx(const lists::AuditReport& audit, Lang lang,
                              const std::filesystem::path& scratch_parent = {});

}  // namespace maplan::xlsx
