#pragma once
// What every report renderer shares: the output language and format options, and the bilingual
// labels of the seven steps and tracked-task states.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/model.hpp"
#include "core/text.hpp"

namespace maplan::reports {

enum class OutputFormat { markdown, csv, html, json, text };

/// "md", "csv", "html", "json", "text" → format (nullopt for anything else).
std::optional<OutputFormat> parse_format(std::string_view name);

struct RenderOptions {
    Lang lang = Lang::en;
    bool utf8_bom = false;  ///< CSV only: start with a BOM so Excel reads UTF-8
    bool color = false;     ///< terminal text only
};

/// Heading of a step: "2. 体制構築・役割分担"; step 0 stands for tasks without a valid step.
std::string step_heading(int step, Lang lang);

/// A stakeholder as shown: its name, or its ID when the plan gives no name.
std::string stakeholder_display(const Project& project, std::string_view id);

/// A calendar date, compared as (year, month, day): the one lib/core reads.
using Date = CalendarDate;
/// Strict YYYY-MM-DD with a real calendar day (check_date); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
/// Today's date in local time (the default for --today).
Date today_local();
std::string to_string(const Date& date);

/// Tracked-task states as the schema spells them.
inline const std::vector<std::string_view>& task_states() {
    static const std::vector<std::string_view> states = {"todo", "in_progress", "done", "blocked",
                                                         "not_applicable"};
    return states;
}
TextRef task_state_label(std::string_view state);

}  // namespace maplan::reports
