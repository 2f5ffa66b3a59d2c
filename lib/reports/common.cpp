#include "reports/common.hpp"

#include <fmt/format.h>

#include <ctime>

#include "rules/rule.hpp"

namespace maplan::reports {

std::optional<OutputFormat> parse_format(std::string_view name) {
    if (name == "md" || name == "markdown") return OutputFormat::markdown;
    if (name == "csv") return OutputFormat::csv;
    if (name == "html") return OutputFormat::html;
    if (name == "json") return OutputFormat::json;
    if (name == "text") return OutputFormat::text;
    return std::nullopt;
}

std::string step_heading(int step, Lang lang) {
    if (step < 1 || step > 7) {
        return std::string(TextRef{"Tasks without a step", "ステップ未設定のタスク"}.in(lang));
    }
    return fmt::format("{}. {}", step, rules::step_name(step).in(lang));
}

std::string stakeholder_display(const Project& project, std::string_view id) {
    if (const Stakeholder* s = project.find_stakeholder(id); s && !s->name.value.empty()) {
        return s->name.value;
    }
    return std::string(id);
}

std::optional<Date> parse_date(std::string_view text) {
    CheckedDate checked = check_date(text);
    if (!checked.ok()) return std::nullopt;
    return checked.date;
}

Date today_local() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string to_string(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

TextRef task_state_label(std::string_view state) {
    if (state == "todo") return {"to do", "未着手"};
    if (state == "in_progress") return {"in progress", "進行中"};
    if (state == "done") return {"done", "完了"};
    if (state == "blocked") return {"blocked", "停滞"};
    if (state == "not_applicable") return {"not applicable", "対象外"};
    return {"", ""};
}

}  // namespace maplan::reports
