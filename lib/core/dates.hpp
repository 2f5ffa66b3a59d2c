#pragma once
// The one place a date from a plan, a configuration file or the command line is read. A plan
// stores dates as ISO 8601 calendar dates (YYYY-MM-DD); anything else gets the reason: a day the
// calendar does not have ("2 月 30 日はありません", not "use YYYY-MM-DD" for a text that already
// is), or, for a date written the way Japanese documents write it (令和8年4月1日, R8.4.1,
// 2026年4月1日, 2026/4/1, full-width digits), the ISO date to write instead. Other notations are
// recognised only to suggest: what is accepted stays exactly YYYY-MM-DD, so every output that
// prints a date prints what the plan says.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace maplan {

/// A day of the proleptic Gregorian calendar, compared as (year, month, day).
struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

/// Gregorian leap year: every 4th year, except centuries not divisible by 400.
bool is_leap_year(int year);
/// Days in a month (1..12) of a year: 28..31.
int days_in_month(int year, int month);
/// "2026-04-01".
std::string iso_date(const CalendarDate& date);

enum class DateProblem {
    none,
    not_a_date,      ///< no date notation ma-plan knows
    no_such_day,     ///< a date notation, but a day the calendar (or the era) does not have
    other_notation,  ///< a real day, not written YYYY-MM-DD: `suggestion` holds the ISO date
};

struct CheckedDate {
    std::optional<CalendarDate> date;  ///< set when the text is a real day written YYYY-MM-DD
    DateProblem problem = DateProblem::none;
    Text reason;  ///< no_such_day: "February has no day 30" / "2 月 30 日はありません"
    std::string suggestion;  ///< other_notation: "2026-04-01"
    bool ok() const { return problem == DateProblem::none; }
};

/// Checks text as a plan date: strict YYYY-MM-DD naming a real day.
CheckedDate check_date(std::string_view text);

/// One sentence for a date that is not accepted, naming where it was written when `where` is
/// given ({"in tasks[0].due", "tasks[0].due"}): `"2027-02-30" in tasks[0].due is not a real date:
/// February has no day 30`, `tasks[0].due の「令和8年4月1日」は YYYY-MM-DD の形ではありません。
/// 2026-04-01 と書いてください`. Empty when the date is ok.
Text date_message(std::string_view text, const CheckedDate& checked, const Text& where = {});

/// The same for a command-line option: `--today "2026-13-01" is not a real date: there is no
/// month 13`. Empty when the text is a date.
Text date_option_message(std::string_view option, std::string_view text);

}  // namespace maplan
