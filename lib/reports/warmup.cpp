#include "reports/warmup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/escape.hpp"
#include "core/json_writer.hpp"

namespace maplan::reports {

namespace {

long long days_from_civil(int y, int m, int d) {
    // Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

/// Offsets (0..6, from the start date) of the sending days in each week: five or more days are
/// consecutive (a working week when the start is a Monday); fewer are spread out, e.g. three as
/// Monday, Wednesday, Friday, so the IP never rests more than two days.
std::vector<int> week_pattern(int days_per_week) {
    std::vector<int> out;
    for (int k = 0; k < days_per_week; ++k)
        out.push_back(days_per_week >= 5 ? k : (k * 7) / days_per_week);
    return out;
}

/// Volumes are rounded so a sender can read them at a glance: whole messages below 100, tens
/// below 1,000, hundreds above.
long long round_volume(double v) {
    if (v < 100) return std::llround(v);
    if (v < 1000) return std::llround(v / 10) * 10;
    return std::llround(v / 100) * 100;
}

}  // namespace

Date add_days(const Date& date, int days) {
    return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int weekday(const Date& date) {
    long long z = days_from_civil(date.year, date.month, date.day);  // 1970-01-01 was a Thursday
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

TextRef audience_label(Audience audience) {
    switch (audience) {
        case Audience::engaged_30:
            return {"most engaged: opened or clicked in the last 30 days",
                    "最も反応の良い層: 30 日以内に開封・クリック"};
        case Audience::engaged_90:
            return {"engaged in the last 90 days", "90 日以内に反応あり"};
        case Audience::whole_list:
            return {"the whole contactable list, most recently engaged first",
                    "配信可能なリスト全体 (最近反応した順)"};
    }
    return {"", ""};
}

WarmupResult build_warmup(const Project& project, const WarmupInputs& inputs,
                          const rules::Thresholds& thresholds, std::vector<Finding> mail014) {
    WarmupResult result;
    auto fail = [&](SourcePos pos, Text message, bool not_allowed = false) {
        result.error = WarmupError{pos, std::move(message), not_allowed};
        return result;
    };
    if (!project.email)
        return fail(project.pos, {"the plan has no email block; warmup needs email.daily_volume "
                                  "and email.ip_warming",
                                  "プランに email がありません。warmup には email.daily_volume と "
                                  "email.ip_warming が必要です"});
    const Email& e = *project.email;
    if (!e.daily_volume.present() || e.daily_volume.value < 1)
        return fail(e.daily_volume.present() ? e.daily_volume.pos : e.pos,
                    {"email.daily_volume (the messages a day to reach) is missing or below 1",
                     "email.daily_volume (目標の 1 日あたり送信数) がないか 1 未満です"},
                    e.daily_volume.present());
    if (!e.ip_warming || !e.ip_warming->weeks.present())
        return fail(e.ip_warming ? e.ip_warming->pos : e.pos,
                    {"email.ip_warming.weeks is missing: there is no warm-up plan to schedule "
                     "(MAIL-014: dedicated IP without an IP warming plan)",
                     "email.ip_warming.weeks がありません。計画するウォーミング期間がありません "
                     "(MAIL-014: 専用 IP に IP ウォーミングの計画がありません)"});
    const IpWarming& w = *e.ip_warming;
    if (w.weeks.value <= 0 || w.weeks.value > 52)
        return fail(w.weeks.pos,
                    {fmt::format("ip_warming.weeks is {:g}; a warm-up takes more than 0 and at "
                                 "most 52 weeks",
                                 w.weeks.value),
                     fmt::format("ip_warming.weeks が {:g} です。期間は 0 週より長く 52 週以内に"
                                 "してください",
                                 w.weeks.value)},
                    true);
    WarmupSchedule s;
    s.project_name = project.project.name.value;
    s.dedicated_ip = e.dedicated_ip.value;
    s.daily_volume = std::llround(e.daily_volume.value);
    s.weeks = w.weeks.value;
    if (w.days_per_week.present()) {
        double d = w.days_per_week.value;
        if (d < 1 || d > 7 || d != std::floor(d))
            return fail(w.days_per_week.pos,
                        {fmt::format("ip_warming.days_per_week is {:g}; write a whole number "
                                     "from 1 to 7",
                                     d),
                         fmt::format("ip_warming.days_per_week が {:g} です。1〜7 の整数で書いて"
                                     "ください",
                                     d)},
                        true);
        s.days_per_week = static_cast<int>(d);
    } else {
        s.days_per_week = 5;  // a working week: what MA tools schedule by default
        s.days_per_week_assumed = true;
    }
    double share_sum = 0;
    for (const MailboxProvider& p : w.providers) {
        share_sum += p.share.value;
        s.provider_names.push_back(p.name.value);
    }
    if (share_sum > 1.0 + 1e-9)
        return fail(w.providers.front().pos,
                    {fmt::format("ip_warming.providers' shares add up to {:g}; they are shares of "
                                 "one list and add up to at most 1",
                                 share_sum),
                     fmt::format("ip_warming.providers の割合の合計が {:g} です。1 つのリストの"
                                 "割合なので合計は 1 以下です",
                                 share_sum)},
                    true);
    bool other = !w.providers.empty() && share_sum < 1.0 - 1e-9;
    if (other) s.provider_names.push_back("other");

    // The sending days inside the plan's weeks.
    std::vector<int> pattern = week_pattern(s.days_per_week);
    std::vector<int> offsets;  // days after the start date
    int full_weeks = static_cast<int>(std::floor(s.weeks));
    for (int wk = 0; wk < full_weeks; ++wk)
        for (int o : pattern) offsets.push_back(wk * 7 + o);
    double fraction = s.weeks - full_weeks;
    for (int o : pattern)
        if (o < fraction * 7) offsets.push_back(full_weeks * 7 + o);
    s.planned_days = static_cast<int>(offsets.size());

    // Volumes: geometric from the first day to the target, at most doubling per sending day; if
    // the plan's days are too few for that, the ramp continues past them (marked beyond_plan).
    s.first_day = std::min<long long>(std::max<long long>(inputs.first_day, 1), s.daily_volume);
    double target = static_cast<double>(s.daily_volume);
    double ratio = 2.0;
    if (s.planned_days > 1)
        ratio = std::min(
            2.0, std::pow(target / static_cast<double>(s.first_day), 1.0 / (s.planned_days - 1)));
    const long long target_volume = s.daily_volume;
    std::vector<long long> volumes{s.first_day};
    double v = static_cast<double>(s.first_day);
    while (volumes.back() < target_volume) {
        v *= ratio;
        long long prev = volumes.back();
        long long r = round_volume(v);
        // Land on the target on the plan's last day (the ratio was chosen for that).
        if (static_cast<int>(volumes.size()) + 1 >= s.planned_days && ratio < 2.0)
            r = target_volume;
        r = std::min(std::clamp(r, prev, 2 * prev), target_volume);  // never shrink or > x2
        if (r == prev) r = prev + 1;  // tiny volumes: rounding must not stall the ramp
        volumes.push_back(r);
    }
    // Reached early (a large first day): hold the target for the rest of the plan.
    while (static_cast<int>(volumes.size()) < s.planned_days) volumes.push_back(target_volume);
    int total = static_cast<int>(volumes.size());
    // Days beyond the plan continue in the same weekly pattern after its last week.
    int next_week = full_weeks + (fraction > 0 ? 1 : 0);
    for (int idx = 0; static_cast<int>(offsets.size()) < total; ++idx) {
        int per_week = static_cast<int>(pattern.size());
        offsets.push_back((next_week + idx / per_week) * 7 +
                          pattern[static_cast<std::size_t>(idx % per_week)]);
    }
    for (int k = 0; k < total; ++k) {
        WarmupDay d;
        d.number = k + 1;
        d.date = add_days(inputs.start, offsets[static_cast<std::size_t>(k)]);
        d.week = offsets[static_cast<std::size_t>(k)] / 7 + 1;
        d.volume = volumes[static_cast<std::size_t>(k)];
        double progress = total > 1 ? static_cast<double>(k) / (total - 1) : 1.0;
        d.audience = progress < 1.0 / 3   ? Audience::engaged_30
                     : progress < 2.0 / 3 ? Audience::engaged_90
                                          : Audience::whole_list;
        d.beyond_plan = k >= s.planned_days;
        if (!w.providers.empty()) {
            // Largest remainder: the providers' volumes add up to the day's volume exactly.
            std::vector<double> shares;
            for (const MailboxProvider& p : w.providers) shares.push_back(p.share.value);
            if (other) shares.push_back(1.0 - share_sum);
            long long assigned = 0;
            std::vector<std::pair<double, std::size_t>> rest;
            for (std::size_t i = 0; i < shares.size(); ++i) {
                double exact = static_cast<double>(d.volume) * shares[i];
                long long part = static_cast<long long>(std::floor(exact));
                d.providers.push_back({s.provider_names[i], part});
                assigned += part;
                rest.push_back({exact - static_cast<double>(part), i});
            }
            std::stable_sort(rest.begin(), rest.end(),
                             [](const auto& a, const auto& b) { return a.first > b.first; });
            // Only the list's own share is sent: without "other" the shares may add up to 1.
            long long target_sum = other || share_sum >= 1.0 - 1e-9
                                       ? d.volume
                                       : std::llround(static_cast<double>(d.volume) * share_sum);
            for (std::size_t i = 0; assigned < target_sum && i < rest.size(); ++i, ++assigned)
                ++d.providers[rest[i].second].volume;
        }
        s.days.push_back(std::move(d));
    }
    s.checks = std::move(mail014);
    s.gate = evaluate_sender_gate(facts_from_plan(project), thresholds);
    result.schedule = std::move(s);
    return result;
}

namespace {

constexpr std::string_view weekday_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::string_view weekday_ja[] = {"月", "火", "水", "木", "金", "土", "日"};

std::string weekday_name(const Date& d, Lang lang) {
    int w = weekday(d);
    return std::string(lang == Lang::ja ? weekday_ja[w] : weekday_en[w]);
}

/// 12,345 (both languages write digits this way in business documents).
std::string grouped(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

std::string growth(const WarmupSchedule& s, std::size_t i) {
    if (i == 0) return "-";
    double r = static_cast<double>(s.days[i].volume) / static_cast<double>(s.days[i - 1].volume);
    return fmt::format("×{:.2f}", r);
}

std::string finding_line(const Finding& f, Lang lang) {
    return fmt::format("{}:{}:{}: {}: {} [{}]", f.file, f.pos.line, f.pos.column,
                       severity_label(f.severity, lang), f.message.in(lang), f.rule_id);
}

std::string markdown(const WarmupSchedule& s, Lang lang) {
    bool ja = lang == Lang::ja;
    std::string out =
        ja ? fmt::format("# IP ウォーミング計画: {}\n\n", markdown_escape(s.project_name))
           : fmt::format("# IP warm-up schedule: {}\n\n", markdown_escape(s.project_name));
    std::string days_note = s.days_per_week_assumed ? (ja ? " (プランに指定がないため週 5 日)"
                                                          : " (the plan does not say; 5 assumed)")
                                                    : "";
    out += ja ? fmt::format(
                    "- 目標: 1 日 {} 通\n- 期間: {:g} 週、週 {} 日送信{}、送信日 {} 日\n"
                    "- 初日: {} 通。以後、前の送信日の 2 倍以内で増やします\n"
                    "- 開始日: {}\n",
                    grouped(s.daily_volume), s.weeks, s.days_per_week, days_note, s.planned_days,
                    grouped(s.first_day), s.days.empty() ? "" : to_string(s.days.front().date))
              : fmt::format(
                    "- Target: {} messages a day\n- Length: {:g} weeks, {} sending days a "
                    "week{}, {} sending days\n- Day 1: {} messages, then at most twice the "
                    "previous sending day\n- Starts: {}\n",
                    grouped(s.daily_volume), s.weeks, s.days_per_week, days_note, s.planned_days,
                    grouped(s.first_day), s.days.empty() ? "" : to_string(s.days.front().date));
    if (!s.dedicated_ip) {
        out +=
            ja ? "- 専用 IP ではありません: 共有 IP はベンダーがウォーミングします。この計画は"
                 "専用 IP に切り替える場合のものです\n"
               : "- Not a dedicated IP: the vendor warms shared IPs; this schedule is for a move "
                 "to a dedicated IP\n";
    }
    out += ja ? "\n## 確認 (MAIL-014)\n\n" : "\n## Checks (MAIL-014)\n\n";
    if (s.checks.empty()) {
        out += ja ? "MAIL-014 の指摘はありません: 期間と送信頻度は推奨を満たしています。\n"
                  : "No MAIL-014 findings: the length and the sending days meet the guidance.\n";
    } else {
        out += ja ? "この計画は推奨を満たしていません。以下を直すまで、この計画どおりに送ると"
                    "制限・ブロックされるおそれがあります:\n\n"
                  : "This plan falls short of the guidance; sending on it risks throttling or "
                    "blocking until these are fixed:\n\n";
        for (const Finding& f : s.checks) out += "- `" + finding_line(f, lang) + "`\n";
    }
    bool beyond =
        std::any_of(s.days.begin(), s.days.end(), [](const WarmupDay& d) { return d.beyond_plan; });
    if (beyond) {
        int extra = static_cast<int>(std::count_if(
            s.days.begin(), s.days.end(), [](const WarmupDay& d) { return d.beyond_plan; }));
        out += ja ? fmt::format(
                        "\n1 日 2 倍以内の増加では、計画の {:g} 週で目標に届きません。"
                        "目標まであと {} 送信日が必要です (表の † の行)。\n",
                        s.weeks, extra)
                  : fmt::format(
                        "\nGrowing at most twofold per sending day, the plan's {:g} weeks "
                        "do not reach the target: {} more sending days are needed (rows "
                        "marked †).\n",
                        s.weeks, extra);
    }
    out += ja ? "\n## 日別の計画\n\n| 日 | 週 | 日付 | 曜日 | 通数 | 増加 | 対象 |"
              : "\n## Schedule\n\n| Day | Week | Date | Weekday | Volume | Growth | Audience |";
    for (const std::string& p : s.provider_names)
        out += " " + markdown_escape(p == "other" ? (ja ? "その他" : "other") : p) + " |";
    out += "\n|---:|---:|---|---|---:|---:|---|";
    for (std::size_t i = 0; i < s.provider_names.size(); ++i) out += "---:|";
    out += "\n";
    for (std::size_t i = 0; i < s.days.size(); ++i) {
        const WarmupDay& d = s.days[i];
        out += fmt::format("| {}{} | {} | {} | {} | {} | {} | {} |", d.number,
                           d.beyond_plan ? " †" : "", d.week, to_string(d.date),
                           weekday_name(d.date, lang), grouped(d.volume), growth(s, i),
                           audience_label(d.audience).in(lang));
        for (const ProviderVolume& p : d.providers) out += " " + grouped(p.volume) + " |";
        out += "\n";
    }
    out += "\n" + render_sender_gate_markdown(s.gate, lang);
    return out;
}

std::string csv(const WarmupSchedule& s, const RenderOptions& options) {
    bool ja = options.lang == Lang::ja;
    std::string out = options.utf8_bom ? "\xEF\xBB\xBF" : "";
    std::vector<std::string> header =
        ja ? std::vector<std::string>{"日", "週", "日付", "曜日", "通数", "対象", "計画外"}
           : std::vector<std::string>{"day",    "week",     "date",       "weekday",
                                      "volume", "audience", "beyond_plan"};
    for (const std::string& p : s.provider_names)
        header.push_back(p == "other" ? (ja ? "その他" : "other") : p);
    for (std::size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + csv_field(header[i]);
    out += "\r\n";
    for (const WarmupDay& d : s.days) {
        out += fmt::format("{},{},{},{},{},{},{}", d.number, d.week, to_string(d.date),
                           csv_field(weekday_name(d.date, options.lang)), d.volume,
                           csv_field(audience_label(d.audience).in(options.lang)),
                           d.beyond_plan ? "true" : "false");
        for (const ProviderVolume& p : d.providers) out += fmt::format(",{}", p.volume);
        out += "\r\n";
    }
    return out;
}

std::string json(const WarmupSchedule& s, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("project").value(s.project_name);
    w.key("dedicated_ip").value(s.dedicated_ip);
    w.key("daily_volume").value(s.daily_volume);
    w.key("weeks").value(s.weeks);
    w.key("days_per_week").value(s.days_per_week);
    w.key("days_per_week_assumed").value(s.days_per_week_assumed);
    w.key("first_day").value(s.first_day);
    w.key("planned_days").value(s.planned_days);
    w.key("checks").begin_array();
    for (const Finding& f : s.checks) {
        w.begin_object();
        w.key("rule").value(f.rule_id);
        w.key("severity").value(to_string(f.severity));
        w.key("line").value(static_cast<long long>(f.pos.line));
        w.key("column").value(static_cast<long long>(f.pos.column));
        w.key("message").value(f.message.in(lang));
        w.end_object();
    }
    w.end_array();
    w.key("days").begin_array();
    for (const WarmupDay& d : s.days) {
        w.begin_object();
        w.key("day").value(d.number);
        w.key("week").value(d.week);
        w.key("date").value(to_string(d.date));
        w.key("volume").value(d.volume);
        w.key("audience")
            .value(d.audience == Audience::engaged_30   ? "engaged_30"
                   : d.audience == Audience::engaged_90 ? "engaged_90"
                                                        : "whole_list");
        w.key("audience_label").value(audience_label(d.audience).in(lang));
        w.key("beyond_plan").value(d.beyond_plan);
        if (!d.providers.empty()) {
            w.key("providers").begin_object();
            for (const ProviderVolume& p : d.providers) w.key(p.provider).value(p.volume);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.key("bulk_sender_gate");
    write_sender_gate_json(w, s.gate, lang);
    w.end_object();
    return w.str();
}

}  // namespace

std::string render_warmup(const WarmupSchedule& schedule, OutputFormat format,
                          const RenderOptions& options) {
    switch (format) {
        case OutputFormat::csv:
            return csv(schedule, options);
        case OutputFormat::json:
            return json(schedule, options.lang);
        default:
            return markdown(schedule, options.lang);
    }
}

}  // namespace maplan::reports
