#include "xlsx/reports_xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/escape.hpp"
#include "core/finding.hpp"
#include "xlsx/workbook.hpp"

namespace maplan::xlsx {

namespace {

using reports::RaciMatrix;

/// Widest a column gets; longer text wraps instead of pushing the matrix off the page.
constexpr double max_width = 50.0;
/// Room for the filter button and a little padding around the widest cell.
constexpr double padding = 3.0;

/// One fill per role kind, light enough for black text, far enough apart to tell at a glance and
/// when printed in grey (owner darkest). RACI letters share a kind's colour: receives is shown as
/// I, so it takes informed's colour there.
lxw_color_t kind_color(RoleKind kind) {
    switch (kind) {
        case RoleKind::owner:
            return 0xF4B183;  // orange
        case RoleKind::responsible:
            return 0xA9D08E;  // green
        case RoleKind::consulted:
            return 0xFFE699;  // yellow
        case RoleKind::informed:
            return 0x9BC2E6;  // blue
        case RoleKind::receives:
            return 0xC9B3E0;  // purple
    }
    return LXW_COLOR_WHITE;
}

RoleKind colour_kind(RoleKind kind, reports::RaciStyle style) {
    return style == reports::RaciStyle::raci && kind == RoleKind::receives ? RoleKind::informed
                                                                           : kind;
}

/// Tracks the widest cell of every column, in display width.
class Widths {
  public:
    void note(lxw_col_t col, std::string_view text) {
        if (col >= widths_.size()) widths_.resize(col + 1, 0.0);
        widths_[col] = std::max(widths_[col], column_width(text));
    }
    void note(lxw_col_t col, double width) {
        if (col >= widths_.size()) widths_.resize(col + 1, 0.0);
        widths_[col] = std::max(widths_[col], width);
    }
    /// Sets every column; `wrap` is given to the columns that hit the limit.
    void apply(lxw_worksheet* sheet, lxw_format* wrap) const {
        // Column numbers fit lxw_col_t (Excel has 16,384 columns); the index is a size_t.
        for (std::size_t i = 0; i < widths_.size(); ++i) {
            auto c = static_cast<lxw_col_t>(i);
            double w = widths_[i] + padding;
            bool capped = w > max_width;
            check(
                worksheet_set_column(sheet, c, c, capped ? max_width : w, capped ? wrap : nullptr),
                "worksheet_set_column");
        }
    }

  private:
    std::vector<double> widths_;
};

/// Writes text as a string cell, never as a formula (see the header).
void put_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text,
              lxw_format* format, Widths& widths) {
    widths.note(col, text);
    if (text.empty()) {
        if (format != nullptr) check(worksheet_write_blank(sheet, row, col, format), "write_blank");
        return;
    }
    std::string owned(text);
    check(worksheet_write_string(sheet, row, col, owned.c_str(), format), "worksheet_write_string");
}

void put_number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, double value,
                lxw_format* format, Widths& widths) {
    widths.note(col, fmt::format("{}", value));
    check(worksheet_write_number(sheet, row, col, value, format), "worksheet_write_number");
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* date = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* bold = nullptr;
};

Formats common_formats(Workbook& book) {
    Formats f;
    f.header = book.format();
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xD9D9D9);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = book.format();
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.date = book.format();
    // ISO dates as the plan writes them; Excel still stores a serial number, so filters and
    // sorting by date work.
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.percent = book.format();
    format_set_num_format(f.percent, "0%");
    f.bold = book.format();
    format_set_bold(f.bold);
    return f;
}

void print_setup(lxw_worksheet* sheet) {
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);        // A4, the paper of the plan's readers
    worksheet_fit_to_pages(sheet, 1, 0);  // one page wide, as many pages tall as it takes
    check(worksheet_repeat_rows(sheet, 0, 0), "worksheet_repeat_rows");
}

void set_title(Workbook& book, const std::string& title) {
    lxw_doc_properties properties{};
    std::string owned = title;
    properties.title = owned.data();
    properties.author = const_cast<char*>("ma-plan");
    check(workbook_set_properties(book.get(), &properties), "workbook_set_properties");
}

TextRef step_header{"Step", "ステップ"};
TextRef task_header{"Task", "タスク"};

}  // namespace

// ----- role matrix -----

namespace {

/// The matrix sheet and its legend sheet (also the report workbook's roles).
void add_raci_sheets(Workbook& book, const Formats& f, const RaciMatrix& m, Lang lang) {
    std::map<RoleKind, lxw_format*> fills;
    auto fill = [&](RoleKind kind) {
        kind = colour_kind(kind, m.style);
        auto it = fills.find(kind);
        if (it != fills.end()) return it->second;
        lxw_format* format = book.format();
        format_set_bg_color(format, kind_color(kind));
        format_set_pattern(format, LXW_PATTERN_SOLID);
        format_set_align(format, LXW_ALIGN_CENTER);
        format_set_border(format, LXW_BORDER_THIN);
        fills[kind] = format;
        return format;
    };
    lxw_format* plain = book.format();
    format_set_align(plain, LXW_ALIGN_CENTER);
    format_set_border(plain, LXW_BORDER_THIN);

    lxw_worksheet* sheet = book.add_sheet(lang == Lang::ja ? "役割分担表" : "Roles");
    Widths widths;
    put_text(sheet, 0, 0, step_header.in(lang), f.header, widths);
    put_text(sheet, 0, 1, task_header.in(lang), f.header, widths);
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        put_text(sheet, 0, static_cast<lxw_col_t>(c + 2), m.columns[c].name, f.header, widths);
    }
    // The symbol each kind shows, for the legend's colours (the legend lists symbols only).
    std::map<std::string, RoleKind> symbol_kind;
    lxw_row_t row = 1;
    for (const reports::RaciGroup& group : m.groups) {
        for (const reports::RaciRow& r : group.rows) {
            if (r.step > 0) {
                put_number(sheet, row, 0, r.step, nullptr, widths);
            }
            put_text(sheet, row, 1, r.task, f.wrap, widths);
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                const reports::RaciCell& cell = r.cells[c];
                lxw_format* format = cell.kind ? fill(*cell.kind) : plain;
                put_text(sheet, row, static_cast<lxw_col_t>(c + 2), cell.text, format, widths);
                if (cell.kind && !cell.text.empty()) symbol_kind.emplace(cell.text, *cell.kind);
            }
            ++row;
        }
    }
    widths.apply(sheet, f.wrap);
    // The header row and the step and task columns stay in view while scrolling either way.
    worksheet_freeze_panes(sheet, 1, 2);
    print_setup(sheet);
    check(worksheet_repeat_columns(sheet, 0, 1), "worksheet_repeat_columns");

    lxw_worksheet* legend = book.add_sheet(lang == Lang::ja ? "凡例" : "Legend");
    Widths legend_widths;
    put_text(legend, 0, 0, lang == Lang::ja ? "記号" : "Symbol", f.header, legend_widths);
    put_text(legend, 0, 1, lang == Lang::ja ? "意味" : "Meaning", f.header, legend_widths);
    lxw_row_t lrow = 1;
    for (const reports::LegendEntry& entry : m.legend) {
        auto it = symbol_kind.find(entry.symbol);
        put_text(legend, lrow, 0, entry.symbol, it != symbol_kind.end() ? fill(it->second) : plain,
                 legend_widths);
        put_text(legend, lrow, 1, entry.meaning.in(lang), f.wrap, legend_widths);
        ++lrow;
    }
    legend_widths.apply(legend, f.wrap);
    worksheet_freeze_panes(legend, 1, 0);
    print_setup(legend);
}

}  // namespace

std::string render_raci_xlsx(const RaciMatrix& m, const reports::RenderOptions& options,
                             const std::filesystem::path& scratch_parent) {
    const Lang lang = options.lang;
    Workbook book(scratch_parent);
    set_title(book, fmt::format("{}: {}", lang == Lang::ja ? "役割分担表" : "Role matrix",
                                m.project_name));
    Formats f = common_formats(book);
    add_raci_sheets(book, f, m, lang);
    return book.finish();
}

// ----- checklist -----

std::string render_checklist_xlsx(const reports::Checklist& c,
                                  const reports::RenderOptions& options,
                                  const std::filesystem::path& scratch_parent) {
    const Lang lang = options.lang;
    Workbook book(scratch_parent);
    set_title(book, lang == Lang::ja ? fmt::format("導入チェックリスト: {} (基準日 {})",
                                                   c.project_name, reports::to_string(c.today))
                                     : fmt::format("Rollout checklist: {} (as of {})",
                                                   c.project_name, reports::to_string(c.today)));
    Formats f = common_formats(book);
    lxw_worksheet* sheet = book.add_sheet(lang == Lang::ja ? "チェックリスト" : "Checklist");
    Widths widths;
    enum Col : lxw_col_t { step_col, item_col, kind_col, owner_col, due_col, status_col, cols };
    const TextRef headers[cols] = {step_header,         {"Item", "項目"}, {"Kind", "種別"},
                                   {"Owner", "主担当"}, {"Due", "期限"},  {"Status", "状態"}};
    for (lxw_col_t col = 0; col < cols; ++col)
        put_text(sheet, 0, col, headers[col].in(lang), f.header, widths);

    lxw_row_t row = 1;
    for (const reports::ChecklistStep& step : c.steps) {
        for (const reports::ChecklistItem& item : step.items) {
            if (item.step > 0) put_number(sheet, row, step_col, item.step, nullptr, widths);
            put_text(sheet, row, item_col, item.text.in(lang), f.wrap, widths);
            put_text(sheet, row, kind_col,
                     item.origin == reports::ItemOrigin::tracked_task
                         ? TextRef{"task", "タスク"}.in(lang)
                         : TextRef{"derived", "プランから導出"}.in(lang),
                     nullptr, widths);
            put_text(sheet, row, owner_col, item.owner_name, nullptr, widths);
            if (auto due = reports::parse_date(item.due)) {
                lxw_datetime when{due->year, due->month, due->day, 0, 0, 0.0};
                check(worksheet_write_datetime(sheet, row, due_col, &when, f.date),
                      "worksheet_write_datetime");
                widths.note(due_col, 10.0);
            } else {
                // A due value that is no calendar date stays as written (validate reports it).
                put_text(sheet, row, due_col, item.due, nullptr, widths);
            }
            put_text(sheet, row, status_col, reports::task_state_label(item.status).in(lang),
                     nullptr, widths);
            ++row;
        }
    }
    const lxw_row_t last = row - 1;  // 0 when there are no items: only the header
    std::vector<std::string> states;
    for (std::string_view s : reports::task_states()) {
        states.emplace_back(reports::task_state_label(s).in(lang));
        widths.note(status_col, states.back());
    }
    widths.apply(sheet, f.wrap);
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, last, cols - 1), "worksheet_autofilter");
    print_setup(sheet);
    if (last >= 1) {
        std::vector<char*> list;
        for (std::string& s : states) list.push_back(s.data());
        list.push_back(nullptr);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = list.data();
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        std::string error_title(lang == Lang::ja ? "状態" : "Status");
        std::string error_message(lang == Lang::ja ? "一覧の状態から選んでください"
                                                   : "Pick one of the listed states");
        validation.error_title = error_title.data();
        validation.error_message = error_message.data();
        check(worksheet_data_validation_range(sheet, 1, status_col, last, status_col, &validation),
              "worksheet_data_validation_range");

        // Overdue as the checklist model defines it (due before the report date, not done and
        // not not-applicable), as a formula over the cells so it follows edits in Excel. The
        // report date is a literal: TODAY() would make the same file disagree with the
        // checklist it was generated with.
        lxw_format* overdue = book.format();
        format_set_bg_color(overdue, 0xF8CBAD);
        format_set_font_color(overdue, 0x9C0006);
        std::string done_label(reports::task_state_label("done").in(lang));
        std::string na_label(reports::task_state_label("not_applicable").in(lang));
        std::string formula =
            fmt::format("=AND(ISNUMBER($E2),$E2<DATE({},{},{}),$F2<>\"{}\",$F2<>\"{}\")",
                        c.today.year, c.today.month, c.today.day, done_label, na_label);
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
        rule.value_string = formula.data();
        rule.format = overdue;
        check(worksheet_conditional_format_range(sheet, 1, 0, last, cols - 1, &rule),
              "worksheet_conditional_format_range");
    }
    return book.finish();
}

// ----- status -----

std::string render_status_xlsx(const reports::StatusReport& s,
                               const reports::RenderOptions& options,
                               const std::filesystem::path& scratch_parent) {
    const Lang lang = options.lang;
    Workbook book(scratch_parent);
    set_title(book, lang == Lang::ja ? fmt::format("準備状況: {} (基準日 {})", s.project_name,
                                                   reports::to_string(s.today))
                                     : fmt::format("Readiness: {} (as of {})", s.project_name,
                                                   reports::to_string(s.today)));
    Formats f = common_formats(book);
    lxw_worksheet* sheet = book.add_sheet(lang == Lang::ja ? "準備状況" : "Status");
    Widths widths;
    const TextRef headers[] = {step_header,      {"Done", "完了"},       {"Total", "項目数"},
                               {"%", "割合"},    {"Errors", "エラー"},   {"Warnings", "警告"},
                               {"Info", "情報"}, {"Overdue", "期限切れ"}};
    for (std::size_t col = 0; col < std::size(headers); ++col) {
        put_text(sheet, 0, static_cast<lxw_col_t>(col), headers[col].in(lang), f.header, widths);
    }
    lxw_row_t row = 1;
    auto put_step = [&](const reports::StepStatus& st, const std::string& name, lxw_format* bold) {
        put_text(sheet, row, 0, name, bold, widths);
        put_number(sheet, row, 1, static_cast<double>(st.done), bold, widths);
        put_number(sheet, row, 2, static_cast<double>(st.total), bold, widths);
        if (st.percent() >= 0) {
            // The model's rounded-down percent, so the sheet says what `status` says.
            put_number(sheet, row, 3, st.percent() / 100.0, f.percent, widths);
        }
        put_number(sheet, row, 4, static_cast<double>(st.errors), bold, widths);
        put_number(sheet, row, 5, static_cast<double>(st.warnings), bold, widths);
        put_number(sheet, row, 6, static_cast<double>(st.infos), bold, widths);
        put_number(sheet, row, 7, static_cast<double>(st.overdue), bold, widths);
        ++row;
    };
    for (const reports::StepStatus& st : s.steps) {
        put_step(st,
                 st.step == 0 ? std::string(TextRef{"Plan file / tasks without a step",
                                                    "プランファイル・ステップ未設定"}
                                                .in(lang))
                              : reports::step_heading(st.step, lang),
                 nullptr);
    }
    put_step(s.total, std::string(TextRef{"Total", "合計"}.in(lang)), f.bold);
    widths.apply(sheet, f.wrap);
    worksheet_freeze_panes(sheet, 1, 1);
    print_setup(sheet);

    if (!s.overdue.empty()) {
        lxw_worksheet* late = book.add_sheet(lang == Lang::ja ? "期限切れ" : "Overdue");
        Widths late_widths;
        const TextRef late_headers[] = {
            task_header, {"Due", "期限"}, {"Owner", "主担当"}, step_header};
        for (std::size_t col = 0; col < std::size(late_headers); ++col) {
            put_text(late, 0, static_cast<lxw_col_t>(col), late_headers[col].in(lang), f.header,
                     late_widths);
        }
        lxw_row_t lrow = 1;
        for (const reports::ChecklistItem& item : s.overdue) {
            put_text(late, lrow, 0, item.text.in(lang), f.wrap, late_widths);
            if (auto due = reports::parse_date(item.due)) {
                lxw_datetime when{due->year, due->month, due->day, 0, 0, 0.0};
                check(worksheet_write_datetime(late, lrow, 1, &when, f.date),
                      "worksheet_write_datetime");
                late_widths.note(1, 10.0);
            }
            put_text(late, lrow, 2, item.owner_name, nullptr, late_widths);
            put_text(late, lrow, 3, reports::step_heading(item.step, lang), nullptr, late_widths);
            ++lrow;
        }
        late_widths.apply(late, f.wrap);
        worksheet_freeze_panes(late, 1, 0);
        print_setup(late);
    }
    return book.finish();
}

// ----- rollout report -----

namespace {

void put_date(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const reports::Date& date,
              const Formats& f, Widths& widths) {
    if (date.year == 0) return;
    lxw_datetime when{date.year, date.month, date.day, 0, 0, 0.0};
    widths.note(col, 10.0);
    check(worksheet_write_datetime(sheet, row, col, &when, f.date), "worksheet_write_datetime");
}

void put_optional(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                  const std::optional<double>& value, lxw_format* format, Widths& widths) {
    if (value) put_number(sheet, row, col, *value, format, widths);
}

/// A sheet with a bold header row, frozen, filtered, printed landscape.
lxw_worksheet* table_sheet(Workbook& book, const Formats& f, std::string_view name,
                           const std::vector<std::string_view>& headers, Widths& widths) {
    lxw_worksheet* sheet = book.add_sheet(name);
    for (std::size_t c = 0; c < headers.size(); ++c) {
        put_text(sheet, 0, static_cast<lxw_col_t>(c), headers[c], f.header, widths);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    print_setup(sheet);
    return sheet;
}

void finish_table(lxw_worksheet* sheet, const Formats& f, const Widths& widths, lxw_row_t rows,
                  std::size_t columns) {
    widths.apply(sheet, f.wrap);
    if (rows > 1) {
        check(worksheet_autofilter(sheet, 0, 0, rows - 1, static_cast<lxw_col_t>(columns - 1)),
              "worksheet_autofilter");
    }
}

void add_findings_sheet(Workbook& book, const Formats& f, const std::vector<Finding>& findings,
                        Lang lang) {
    const bool ja = lang == Lang::ja;
    Widths widths;
    std::vector<std::string_view> headers =
        ja ? std::vector<std::string_view>{"ルール", "重要度", "ファイル", "行",
                                           "列",     "内容",   "対処"}
           : std::vector<std::string_view>{"Rule",   "Severity", "File", "Line",
                                           "Column", "Message",  "Hint"};
    lxw_worksheet* sheet = table_sheet(book, f, ja ? "指摘" : "Findings", headers, widths);
    lxw_row_t row = 1;
    for (const Finding& x : findings) {
        put_text(sheet, row, 0, x.rule_id, nullptr, widths);
        put_text(sheet, row, 1, severity_label(x.severity, lang), nullptr, widths);
        put_text(sheet, row, 2, x.file == "-" ? "<stdin>" : x.file, nullptr, widths);
        if (x.pos.known()) {
            put_number(sheet, row, 3, x.pos.line, nullptr, widths);
            put_number(sheet, row, 4, x.pos.column, nullptr, widths);
        }
        put_text(sheet, row, 5, x.message.in(lang), f.wrap, widths);
        put_text(sheet, row, 6, x.hint.in(lang), f.wrap, widths);
        ++row;
    }
    finish_table(sheet, f, widths, row, headers.size());
}

}  // namespace

std::string render_report_xlsx(const reports::Report& report, Lang lang,
                               const std::filesystem::path& scratch_parent) {
    const bool ja = lang == Lang::ja;
    Workbook book(scratch_parent);
    set_title(book, fmt::format("{}: {}", report.title.in(lang), report.cover.project));
    Formats f = common_formats(book);
    if (report.shows(reports::ReportSection::roles)) add_raci_sheets(book, f, report.roles, lang);
    if (report.shows(reports::ReportSection::timeline)) {
        Widths widths;
        std::vector<std::string_view> headers =
            ja ? std::vector<std::string_view>{"ステップ", "タスク", "期限",
                                               "状態",     "主担当", "期限切れ"}
               : std::vector<std::string_view>{"Step", "Task", "Due", "Status", "Owner", "Overdue"};
        lxw_worksheet* sheet =
            table_sheet(book, f, ja ? "スケジュール" : "Timeline", headers, widths);
        lxw_row_t row = 1;
        for (const reports::TimelineTask& t : report.timeline) {
            if (t.step > 0) put_number(sheet, row, 0, t.step, nullptr, widths);
            put_text(sheet, row, 1, t.name, f.wrap, widths);
            put_date(sheet, row, 2, t.due, f, widths);
            // The label `checklist` and `status` print (未着手, 進行中…), not the YAML value.
            std::string_view state = reports::task_state_label(t.status).in(lang);
            put_text(sheet, row, 3, state.empty() ? std::string_view(t.status) : state, nullptr,
                     widths);
            put_text(sheet, row, 4, t.owner, nullptr, widths);
            put_text(sheet, row, 5, t.overdue ? (ja ? "期限切れ" : "overdue") : "", nullptr,
                     widths);
            ++row;
        }
        finish_table(sheet, f, widths, row, headers.size());
    }
    if (report.shows(reports::ReportSection::goals)) {
        Widths widths;
        std::vector<std::string_view> headers =
            ja ? std::vector<std::string_view>{"段階",   "定義",       "転換率",
                                               "必要数", "目安の下限", "目安の上限",
                                               "目安外", "KPI ゴール", "KPI 目標"}
               : std::vector<std::string_view>{"Stage",        "Definition", "Rate",
                                               "Required",     "Band low",   "Band high",
                                               "Outside band", "KPI goal",   "KPI target"};
        lxw_worksheet* sheet =
            table_sheet(book, f, ja ? "逆算ファネル" : "Funnel", headers, widths);
        lxw_row_t row = 1;
        for (const reports::FunnelStage& st : report.funnel.stages) {
            put_text(sheet, row, 0, st.id, nullptr, widths);
            put_text(sheet, row, 1, st.definition, f.wrap, widths);
            put_optional(sheet, row, 2, st.rate, f.percent, widths);
            put_optional(sheet, row, 3, st.required, nullptr, widths);
            put_optional(sheet, row, 4, st.band_low, f.percent, widths);
            put_optional(sheet, row, 5, st.band_high, f.percent, widths);
            put_text(sheet, row, 6, st.outside_band ? (ja ? "目安外" : "outside") : "", nullptr,
                     widths);
            put_text(sheet, row, 7, st.kpi_goal, nullptr, widths);
            put_optional(sheet, row, 8, st.kpi_target, nullptr, widths);
            ++row;
        }
        finish_table(sheet, f, widths, row, headers.size());
    }
    if (report.shows(reports::ReportSection::findings)) {
        add_findings_sheet(book, f, report.findings, lang);
    }
    return book.finish();
}

// ----- lists audit -----

std::string render_audit_xlsx(const lists::AuditReport& audit, Lang lang,
                              const std::filesystem::path& scratch_parent) {
    const bool ja = lang == Lang::ja;
    Workbook book(scratch_parent);
    set_title(book, fmt::format("{}: {}", ja ? "顧客マスタ監査" : "Customer master audit",
                                audit.workspace));
    Formats f = common_formats(book);
    {
        Widths widths;
        std::vector<std::string_view> headers =
            ja ? std::vector<std::string_view>{"段階", "件数"}
               : std::vector<std::string_view>{"Stage", "Contacts"};
        lxw_worksheet* sheet =
            table_sheet(book, f, ja ? "ウォーターフォール" : "Waterfall", headers, widths);
        const lists::Waterfall& w = audit.waterfall;
        const std::vector<std::pair<TextRef, std::size_t>> stages = {
            {{"imported", "取り込み"}, w.imported},
            {{"invalid address", "不正なアドレス"}, w.invalid},
            {{"no consent", "同意なし"}, w.no_consent},
            {{"excluded", "除外"}, w.excluded},
            {{"opted out elsewhere", "他の記録で配信停止"}, w.opted_out_elsewhere},
            {{"duplicates", "重複"}, w.duplicates},
            {{"contactable", "配信可能"}, w.contactable},
        };
        lxw_row_t row = 1;
        for (const auto& [label, count] : stages) {
            put_text(sheet, row, 0, label.in(lang), nullptr, widths);
            put_number(sheet, row, 1, static_cast<double>(count), nullptr, widths);
            ++row;
        }
        for (const auto& [reason, count] : w.excluded_by_reason) {
            put_text(sheet, row, 0,
                     ja ? fmt::format("除外: {}", reason) : fmt::format("excluded: {}", reason),
                     nullptr, widths);
            put_number(sheet, row, 1, static_cast<double>(count), nullptr, widths);
            ++row;
        }
        widths.apply(sheet, f.wrap);
    }
    {
        Widths widths;
        std::vector<std::string_view> headers =
            ja ? std::vector<std::string_view>{"ID", "問題", "件数", "内訳"}
               : std::vector<std::string_view>{"ID", "Problem", "Count", "Breakdown"};
        lxw_worksheet* sheet = table_sheet(book, f, ja ? "問題" : "Findings", headers, widths);
        lxw_row_t row = 1;
        for (const lists::AuditFinding& x : audit.findings) {
            std::string breakdown;
            for (const auto& [what, n] : x.breakdown) {
                breakdown += fmt::format("{}{}: {}", breakdown.empty() ? "" : ", ", what, n);
            }
            put_text(sheet, row, 0, x.id, nullptr, widths);
            put_text(sheet, row, 1, x.title.in(lang), f.wrap, widths);
            put_number(sheet, row, 2, static_cast<double>(x.count), nullptr, widths);
            put_text(sheet, row, 3, breakdown, f.wrap, widths);
            ++row;
        }
        finish_table(sheet, f, widths, row, headers.size());
    }
    {
        // The examples as build_audit gave them: masked unless --show-pii.
        Widths widths;
        std::vector<std::string_view> headers =
            ja ? std::vector<std::string_view>{"問題",   "ファイル", "行",  "ソース",
                                               "メール", "氏名",     "会社"}
               : std::vector<std::string_view>{"Problem", "File", "Row",    "Source",
                                               "Email",   "Name", "Company"};
        lxw_worksheet* sheet = table_sheet(book, f, ja ? "例" : "Examples", headers, widths);
        lxw_row_t row = 1;
        for (const lists::AuditFinding& x : audit.findings) {
            for (const lists::AuditExample& e : x.examples) {
                put_text(sheet, row, 0, x.id, nullptr, widths);
                put_text(sheet, row, 1, e.file, nullptr, widths);
                put_number(sheet, row, 2, static_cast<double>(e.row), nullptr, widths);
                put_text(sheet, row, 3, e.source, nullptr, widths);
                put_text(sheet, row, 4, e.email, nullptr, widths);
                put_text(sheet, row, 5, e.name, nullptr, widths);
                put_text(sheet, row, 6, e.company, nullptr, widths);
                ++row;
            }
        }
        finish_table(sheet, f, widths, row, headers.size());
    }
    return book.finish();
}

}  // namespace maplan::xlsx
