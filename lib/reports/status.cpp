#include "reports/status.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "rules/rule.hpp"

namespace maplan::reports {

namespace {

constexpr int bar_width = 10;

struct Labels {
    TextRef step{"Step", "ステップ"};
    TextRef done{"Done", "完了"};
    TextRef percent{"%", "割合"};
    TextRef progress{"Progress", "進捗"};
    TextRef errors{"Errors", "エラー"};
    TextRef warnings{"Warnings", "警告"};
    TextRef infos{"Info", "情報"};
    TextRef overdue{"Overdue", "期限切れ"};
    TextRef total{"Total", "合計"};
};
const Labels labels;

std::string title(const StatusReport& s, Lang lang) {
    return lang == Lang::ja
               ? fmt::format("準備状況: {} (基準日 {})", s.project_name, to_string(s.today))
               : fmt::format("Readiness: {} (as of {})", s.project_name, to_string(s.today));
}

std::string row_name(const StepStatus& st, Lang lang) {
    if (st.step == 0) {
        return std::string(
            TextRef{"Plan file / tasks without a step", "プランファイル・ステップ未設定"}.in(lang));
    }
    return step_heading(st.step, lang);
}

std::string percent_text(const StepStatus& st) {
    return st.percent() < 0 ? "-" : fmt::format("{}%", st.percent());
}

std::string overdue_line(const ChecklistItem& item, Lang lang) {
    std::string owner =
        item.owner_name.empty()
            ? ""
            : fmt::format(", {} {}", lang == Lang::ja ? "主担当" : "owner", item.owner_name);
    return fmt::format("{} ({} {}{}) — {}", item.text.in(lang), lang == Lang::ja ? "期限" : "due",
                       item.due, owner, step_heading(item.step, lang));
}

std::string pad(const std::string& text, std::size_t width, bool right = false) {
    std::size_t w = display_width(text);
    std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + text : text + fill;
}

std::string render_text(const StatusReport& s, const RenderOptions& options) {
    const Lang lang = options.lang;
    // Cells first, widths second: every column is as wide as its widest cell in display width,
    // so Japanese step names and "10/14" line up alike. Column 3 is the bar.
    std::vector<std::vector<std::string>> table;
    table.push_back({std::string(labels.step.in(lang)), std::string(labels.done.in(lang)),
                     std::string(labels.percent.in(lang)), std::string(labels.progress.in(lang)),
                     std::string(labels.errors.in(lang)), std::string(labels.warnings.in(lang)),
                     std::string(labels.overdue.in(lang))});
    std::vector<const StepStatus*> rows;
    for (const StepStatus& st : s.steps) rows.push_back(&st);
    rows.push_back(&s.total);
    for (const StepStatus* st : rows) {
        std::string name =
            st == &s.total ? std::string(labels.total.in(lang)) : row_name(*st, lang);
        std::string bar = st->percent() < 0 ? std::string(bar_width, ' ')
                                            : progress_bar(st->percent(), bar_width);
        table.push_back({name, fmt::format("{}/{}", st->done, st->total), percent_text(*st), bar,
                         std::to_string(st->errors), std::to_string(st->warnings),
                         std::to_string(st->overdue)});
    }
    std::vector<std::size_t> widths(table.front().size(), 0);
    for (const auto& row : table) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    }
    // Plan text on a terminal: control characters escaped (see terminal_escape).
    std::string out = terminal_escape(title(s, lang)) + "\n";
    for (std::size_t r = 0; r < table.size(); ++r) {
        std::string line;
        for (std::size_t i = 0; i < table[r].size(); ++i) {
            if (i > 0) line += "  ";
            std::string cell = pad(table[r][i], widths[i], i != 0 && i != 3);
            if (i == 3 && r > 0 && options.color) {
                const StepStatus* st = rows[r - 1];
                const char* color = st->percent() >= 100 ? "32" : st->percent() >= 50 ? "33" : "31";
                cell = fmt::format("\x1b[{}m{}\x1b[0m", color, cell);
            }
            line += cell;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    if (!s.overdue.empty()) {
        out += fmt::format("{}:\n", overdue_label().in(lang));
        for (const ChecklistItem& item : s.overdue)
            out += "  - " + terminal_escape(overdue_line(item, lang)) + "\n";
    }
    return out;
}

std::string render_markdown(const StatusReport& s, Lang lang) {
    std::string out = fmt::format("# {}\n\n", markdown_escape(title(s, lang)));
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", labels.step.in(lang),
                       labels.done.in(lang), labels.percent.in(lang), labels.errors.in(lang),
                       labels.warnings.in(lang), labels.infos.in(lang), labels.overdue.in(lang));
    out += "|---|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, const StepStatus& st) {
        out += fmt::format("| {} | {}/{} | {} | {} | {} | {} | {} |\n", name, st.done, st.total,
                           percent_text(st), st.errors, st.warnings, st.infos, st.overdue);
    };
    for (const StepStatus& st : s.steps) row(markdown_escape(row_name(st, lang)), st);
    row(fmt::format("**{}**", labels.total.in(lang)), s.total);
    if (!s.overdue.empty()) {
        out += fmt::format("\n{}:\n\n", overdue_label().in(lang));
        for (const ChecklistItem& item : s.overdue) {
            out += "- " + markdown_escape(overdue_line(item, lang)) + "\n";
        }
    }
    return out;
}

void json_counts(JsonWriter& w, const StepStatus& st) {
    w.key("done").value(st.done).key("total").value(st.total).key("percent");
    if (st.percent() < 0) {
        w.null();
    } else {
        w.value(st.percent());
    }
    w.key("findings").begin_object().key("error").value(st.errors);
    w.key("warning").value(st.warnings).key("info").value(st.infos).end_object();
    w.key("overdue").value(st.overdue);
}

std::string render_json(const StatusReport& s, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("project").value(s.project_name);
    w.key("today").value(to_string(s.today));
    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    w.key("steps").begin_array();
    for (const StepStatus& st : s.steps) {
        w.begin_object().key("step").value(st.step).key("title").value(row_name(st, lang));
        json_counts(w, st);
        w.end_object();
    }
    w.end_array();
    w.key("total").begin_object();
    json_counts(w, s.total);
    w.end_object();
    w.key("overdue_tasks").begin_array();
    for (const ChecklistItem& item : s.overdue) {
        w.begin_object().key("task").value(item.text.in(lang)).key("step").value(item.step);
        w.key("due").value(item.due);
        if (!item.owner_id.empty()) w.key("owner").value(item.owner_id);
        w.end_object();
    }
    w.end_array().end_object();
    return w.str();
}

}  // namespace

int StepStatus::percent() const {
    if (total == 0) return -1;
    return static_cast<int>(done * 100 / total);
}

std::string progress_bar(int percent, int width) {
    int filled = std::clamp(percent, 0, 100) * width / 100;
    std::string bar;
    for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
    return bar;
}

StatusReport build_status(const Checklist& checklist, const std::vector<Finding>& findings) {
    StatusReport s;
    s.project_name = checklist.project_name;
    s.today = checklist.today;
    std::vector<StepStatus> by_step(8);
    for (int i = 0; i < 8; ++i) by_step[static_cast<std::size_t>(i)].step = i;
    for (const ChecklistStep& step : checklist.steps) {
        StepStatus& st = by_step[static_cast<std::size_t>(step.step)];
        for (const ChecklistItem& item : step.items) {
            ++st.total;
            if (item.done) ++st.done;
            if (item.overdue) {
                ++st.overdue;
                s.overdue.push_back(item);
            }
        }
    }
    for (const Finding& f : findings) {
        const rules::RuleDescriptor* rule = rules::find_rule(f.rule_id);
        int step = rule != nullptr && rule->step >= 1 && rule->step <= 7 ? rule->step : 0;
        StepStatus& st = by_step[static_cast<std::size_t>(step)];
        switch (f.severity) {
            case Severity::error:
                ++st.errors;
                break;
            case Severity::warning:
                ++st.warnings;
                break;
            case Severity::info:
                ++st.infos;
                break;
        }
    }
    for (int i = 1; i <= 7; ++i) s.steps.push_back(by_step[static_cast<std::size_t>(i)]);
    const StepStatus& zero = by_step[0];
    if (zero.total > 0 || zero.errors + zero.warnings + zero.infos > 0) {
        s.steps.insert(s.steps.begin(), zero);
    }
    for (const StepStatus& st : s.steps) {
        s.total.done += st.done;
        s.total.total += st.total;
        s.total.errors += st.errors;
        s.total.warnings += st.warnings;
        s.total.infos += st.infos;
        s.total.overdue += st.overdue;
    }
    return s;
}

std::string render_status(const StatusReport& status, OutputFormat format,
                          const RenderOptions& options) {
    switch (format) {
        case OutputFormat::text:
            return render_text(status, options);
        case OutputFormat::markdown:
            return render_markdown(status, options.lang);
        case OutputFormat::json:
            return render_json(status, options.lang);
        default:
            break;
    }
    throw UsageError(
        {"status is written as text, md or json", "status の形式は text・md・json のいずれかです"});
}

}  // namespace maplan::reports
