#pragma once
// `ma-plan warmup`: a day-by-day IP warm-up schedule from the plan's email block (issue 10, item
// 5). The schedule follows the guidance MAIL-014 checks (SendGrid and Salesforce Marketing Cloud:
// at least 4 weeks, at least 3 sending days a week, the most engaged contacts first, volume
// growing at most twofold from one sending day to the next) and reuses MAIL-014's own findings,
// so the schedule and `validate` never disagree. One model, separate renderers (md, csv, json).
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "reports/common.hpp"
#include "reports/sender_gate.hpp"
#include "rules/rule.hpp"

namespace maplan::reports {

/// Who receives mail on a day: the most engaged first, widening as the IP earns reputation.
enum class Audience { engaged_30, engaged_90, whole_list };
TextRef audience_label(Audience audience);

struct ProviderVolume {
    std::string provider;  ///< as the plan names it; "other" for the rest of the list
    long long volume = 0;
};

struct WarmupDay {
    int number = 0;  ///< 1-based sending day
    int week = 0;    ///< 1-based week counted from the start date
    Date date;
    long long volume = 0;  ///< messages this day, all providers
    Audience audience = Audience::engaged_30;
    std::vector<ProviderVolume> providers;  ///< empty unless the plan lists providers
    bool beyond_plan = false;  ///< after the plan's weeks: needed to reach the daily volume
};

struct WarmupInputs {
    Date start;
    long long first_day = 50;  ///< messages on day 1 (--first-day)
};

struct WarmupSchedule {
    std::string project_name;
    bool dedicated_ip = false;
    long long daily_volume = 0;  ///< the target, email.daily_volume
    double weeks = 0;            ///< ip_warming.weeks
    int days_per_week = 0;       ///< ip_warming.days_per_week (5 when the plan omits it)
    bool days_per_week_assumed = false;
    long long first_day = 0;
    std::vector<WarmupDay> days;
    int planned_days = 0;                     ///< sending days within the plan's weeks
    std::vector<std::string> provider_names;  ///< column order; "other" last when present
    std::vector<Finding> checks;              ///< MAIL-014's findings on the same plan
    SenderGate gate;
};

/// Why a schedule cannot be built, with the plan position; reported like a bad input.
struct WarmupError {
    SourcePos pos;
    Text message;
    bool value_not_allowed = false;  ///< a value out of range (exit 4) rather than missing (2)
};

struct WarmupResult {
    std::optional<WarmupSchedule> schedule;
    std::optional<WarmupError> error;
};

/// Builds the schedule. Needs email.daily_volume (> 0) and email.ip_warming.weeks (> 0); the
/// providers' shares must not add up to more than 1. `mail014` are the MAIL-014 findings of the
/// same plan (validate with the same thresholds), copied into the schedule.
WarmupResult build_warmup(const Project& project, const WarmupInputs& inputs,
                          const rules::Thresholds& thresholds, std::vector<Finding> mail014);

/// `markdown`: the schedule table, MAIL-014's checks and the bulk-sender gate; `csv`: one row per
/// sending day (and provider columns); `json`: everything.
std::string render_warmup(const WarmupSchedule& schedule, OutputFormat format,
                          const RenderOptions& options);

/// The date `days` after `date`, and the day of the week (0 = Monday).
Date add_days(const Date& date, int days);
int weekday(const Date& date);

}  // namespace maplan::reports
