#include "core/dates.hpp"

#include <fmt/format.h>

#include <array>

#include "core/fold.hpp"

namespace maplan {

namespace {

/// A Japanese era as the government's era-change ordinances (元号を改める政令) set it: the first
/// day, the last day, and the Gregorian year of its year 1 minus one (令和 N = 2018 + N).
struct Era {
    std::string_view name;    ///< 令和
    std::string_view letter;  ///< "r", as in R8.4.1 (case-folded)
    CalendarDate first;
    std::optional<CalendarDate> last;
    int year_offset;
};

// 昭和: 1926-12-25 (大正15年12月25日), 平成: 1989-01-08 (昭和64年1月7日 was the last day of
// 昭和), 令和: 2019-05-01 (平成31年政令第143号).
constexpr std::array<Era, 3> eras = {{
    {"令和", "r", {2019, 5, 1}, std::nullopt, 2018},
    {"平成", "h", {1989, 1, 8}, CalendarDate{2019, 4, 30}, 1988},
    {"昭和", "s", {1926, 12, 25}, CalendarDate{1989, 1, 7}, 1925},
}};

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/// Why year/month/day is no day of the calendar, or empty.
Text calendar_reason(int year, int month, int day) {
    if (month < 1 || month > 12) {
        return {fmt::format("there is no month {}", month),
                fmt::format("{} 月はありません", month)};
    }
    if (day >= 1 && day <= days_in_month(year, month)) return {};
    if (day < 1)
        return {fmt::format("there is no day {}", day), fmt::format("{} 日はありません", day)};
    if (month == 2 && day == 29) {
        return {fmt::format("{} is not a leap year, so February has no day 29", year),
                fmt::format("{} 年はうるう年ではないので 2 月 29 日はありません", year)};
    }
    return {fmt::format("{} has no day {}", month_names[static_cast<std::size_t>(month - 1)], day),
            fmt::format("{} 月 {} 日はありません", month, day)};
}

/// Reads the text left to right; every read consumes only on success.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {}
    bool done() const { return at_ == text_.size(); }
    bool take(std::string_view s) {
        if (text_.substr(at_).substr(0, s.size()) != s) return false;
        at_ += s.size();
        return true;
    }
    /// 1..max_digits ASCII digits.
    std::optional<int> number(std::size_t max_digits) {
        std::size_t n = 0;
        int value = 0;
        while (at_ + n < text_.size() && n < max_digits && text_[at_ + n] >= '0' &&
               text_[at_ + n] <= '9') {
            value = value * 10 + (text_[at_ + n] - '0');
            ++n;
        }
        if (n == 0 || (at_ + n < text_.size() && text_[at_ + n] >= '0' && text_[at_ + n] <= '9'))
            return std::nullopt;
        at_ += n;
        return value;
    }

  private:
    std::string_view text_;
    std::size_t at_ = 0;
};

/// A date in a notation people write: the era (or none), the year in it, month, day.
struct WrittenDate {
    const Era* era = nullptr;
    int year = 0;
    int month = 0;
    int day = 0;
};

/// 令和8年4月1日, 令和元年5月1日, R8.4.1, H31/4/30, 2026年4月1日, 2026/4/1, 2026.4.1, 2026-4-1.
/// `text` is NFKC-folded (full-width digits and punctuation are ASCII, letters lower case) and
/// has no spaces.
std::optional<WrittenDate> read_written_date(std::string_view text) {
    Cursor c(text);
    WrittenDate out;
    for (const Era& era : eras) {
        if (c.take(era.name) || c.take(era.letter)) {
            out.era = &era;
            break;
        }
    }
    if (out.era != nullptr && c.take("元")) {
        out.year = 1;  // 元年: the first year of an era
    } else if (auto y = c.number(out.era != nullptr ? 2 : 4)) {
        out.year = *y;
    } else {
        return std::nullopt;
    }
    // A Gregorian year is written in full; "26/4/1" could be any century.
    if (out.era == nullptr && out.year < 1000) return std::nullopt;
    std::string_view separator;
    for (std::string_view s : {"年", ".", "/", "-"}) {
        if (c.take(s)) {
            separator = s;
            break;
        }
    }
    if (separator.empty()) return std::nullopt;
    auto month = c.number(2);
    if (!month) return std::nullopt;
    bool kanji = separator == "年";
    if (!c.take(kanji ? "月" : separator)) return std::nullopt;
    auto day = c.number(2);
    if (!day) return std::nullopt;
    if (kanji) (void)c.take("日");
    if (!c.done()) return std::nullopt;
    out.month = *month;
    out.day = *day;
    return out;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch != ' ' && ch != '\t') out += ch;
    }
    return out;
}

/// Era bounds: 平成31年5月1日 is no day (it was 令和元年5月1日).
Text era_reason(const Era& era, const CalendarDate& date) {
    if (date < era.first) {
        return {fmt::format("{} began on {}", era.name, iso_date(era.first)),
                fmt::format("{}は {} からです", era.name, iso_date(era.first))};
    }
    if (era.last && date > *era.last) {
        return {fmt::format("{} ended on {}", era.name, iso_date(*era.last)),
                fmt::format("{}は {} までです", era.name, iso_date(*era.last))};
    }
    return {};
}

}  // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return days[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

std::string iso_date(const CalendarDate& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

CheckedDate check_date(std::string_view text) {
    CheckedDate out;
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
        }
        return true;
    };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(0, 4) && digits(5, 2) &&
        digits(8, 2)) {
        auto number = [&](std::size_t from, std::size_t count) {
            int value = 0;
            for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
            return value;
        };
        CalendarDate d{number(0, 4), number(5, 2), number(8, 2)};
        out.reason = calendar_reason(d.year, d.month, d.day);
        if (out.reason.empty()) {
            out.date = d;
        } else {
            out.problem = DateProblem::no_such_day;
        }
        return out;
    }
    auto written = read_written_date(without_spaces(nfkc_casefold(text)));
    if (!written) {
        out.problem = DateProblem::not_a_date;
        return out;
    }
    CalendarDate d{written->year + (written->era ? written->era->year_offset : 0), written->month,
                   written->day};
    out.reason = calendar_reason(d.year, d.month, d.day);
    if (out.reason.empty() && written->era != nullptr) out.reason = era_reason(*written->era, d);
    if (!out.reason.empty()) {
        out.problem = DateProblem::no_such_day;
        return out;
    }
    out.problem = DateProblem::other_notation;
    out.suggestion = iso_date(d);
    return out;
}

Text date_message(std::string_view text, const CheckedDate& checked, const Text& where) {
    // "2027-02-30" in tasks[0].due is … / tasks[0].due の「2027-02-30」は…
    std::string en = fmt::format("\"{}\"{}{}", text, where.en.empty() ? "" : " ", where.en);
    std::string ja = fmt::format("{}{}「{}」", where.ja, where.ja.empty() ? "" : " の", text);
    switch (checked.problem) {
        case DateProblem::none:
            return {};
        case DateProblem::no_such_day:
            return {fmt::format("{} is not a real date: {}", en, checked.reason.en),
                    fmt::format("{}は実在しない日付です。{}", ja, checked.reason.ja)};
        case DateProblem::other_notation:
            return {fmt::format("{} is not written YYYY-MM-DD; write {}", en, checked.suggestion),
                    fmt::format("{}は YYYY-MM-DD の形ではありません。{} と書いてください", ja,
                                checked.suggestion)};
        case DateProblem::not_a_date:
            break;
    }
    return {fmt::format("{} is not a date; write YYYY-MM-DD (e.g. 2026-12-15)", en),
            fmt::format("{}は日付ではありません。YYYY-MM-DD の形で書いてください (例: 2026-12-15)",
                        ja)};
}

Text date_option_message(std::string_view option, std::string_view text) {
    Text message = date_message(text, check_date(text));
    if (message.empty()) return {};
    return {fmt::format("{} {}", option, message.en), fmt::format("{}{}", option, message.ja)};
}

}  // namespace maplan
