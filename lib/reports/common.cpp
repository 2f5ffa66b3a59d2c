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
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    int max_day = days[*m - 1] + (*m == 2 && leap ? 1 : 0);
    if (*d > max_day) return std::nullopt;
    return Date{*y, *m, *d};
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
