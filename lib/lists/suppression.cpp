#include "lists/suppression.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "lists/normalize.hpp"

namespace maplan::lists {

namespace {

/// Reads up to `max` ASCII digits at `s[i]`; nullopt if there are none.
std::optional<int> digits(std::string_view s, std::size_t& i, std::size_t max) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && i - start < max && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    return v;
}

bool skip(std::string_view s, std::size_t& i, std::string_view what) {
    if (s.substr(i).starts_with(what)) {
        i += what.size();
        return true;
    }
    return false;
}

}  // namespace

std::string comparable_time(std::string_view text, TimeReading reading, bool* has_offset_out) {
    const std::string folded = nfkc_text(text);
    const std::string_view s = trim_unicode_space(folded);
    std::size_t i = 0;
    auto year = digits(s, i, 4);
    if (!year || i != 4) return {};
    const bool kanji = skip(s, i, "年");
    if (!kanji && !(skip(s, i, "-") || skip(s, i, "/") || skip(s, i, "."))) return {};
    auto month = digits(s, i, 2);
    if (!month) return {};
    if (kanji ? !skip(s, i, "月") : !(skip(s, i, "-") || skip(s, i, "/") || skip(s, i, ".")))
        return {};
    auto day = digits(s, i, 2);
    if (!day) return {};
    if (kanji) skip(s, i, "日");
    using namespace std::chrono;
    const year_month_day date{std::chrono::year{*year},
                              std::chrono::month{static_cast<unsigned>(*month)},
                              std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) return {};
    // What the text leaves open is filled in per `reading`.
    const bool latest = reading == TimeReading::latest || reading == TimeReading::local_latest;
    int hour = latest ? 23 : 0, minute = latest ? 59 : 0, second = latest ? 59 : 0;
    bool has_offset = false;
    int offset_minutes = 0;
    if (i < s.size()) {
        if (!(skip(s, i, "T") || skip(s, i, " "))) return {};
        while (skip(s, i, " ")) {
        }
        auto h = digits(s, i, 2);
        if (!h || !skip(s, i, ":")) return {};
        auto m = digits(s, i, 2);
        if (!m) return {};
        hour = *h;
        minute = *m;
        second = latest ? 59 : 0;
        if (skip(s, i, ":")) {
            auto sec = digits(s, i, 2);
            if (!sec) return {};
            second = *sec;
            if (skip(s, i, ".")) digits(s, i, 9);  // fractions of a second do not matter here
        }
        if (hour > 23 || minute > 59 || second > 60) return {};
        while (skip(s, i, " ")) {
        }
        if (skip(s, i, "Z")) {
            has_offset = true;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            const int sign = s[i++] == '+' ? 1 : -1;
            auto oh = digits(s, i, 2);
            if (!oh) return {};
            skip(s, i, ":");
            auto om = digits(s, i, 2);
            offset_minutes = sign * (*oh * 60 + om.value_or(0));
            has_offset = true;
        }
        if (i != s.size()) return {};
    }
    if (has_offset_out != nullptr) *has_offset_out = has_offset;
    // UTC offsets in use run from -12:00 to +14:00.
    if (!has_offset && reading == TimeReading::earliest) offset_minutes = 14 * 60;
    if (!has_offset && reading == TimeReading::latest) offset_minutes = -12 * 60;
    const auto t =
        sys_days{date} + hours{hour} + minutes{minute} + seconds{second} - minutes{offset_minutes};
    const auto day_point = floor<days>(t);
    const year_month_day utc{day_point};
    const hh_mm_ss clock{t - day_point};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(utc.year()),
                       static_cast<unsigned>(utc.month()), static_cast<unsigned>(utc.day()),
                       clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

std::optional<TimeSpan> time_span(std::string_view text) {
    TimeSpan span;
    span.local_lo = comparable_time(text, TimeReading::utc, &span.has_offset);
    if (span.local_lo.empty()) return std::nullopt;
    span.local_hi = comparable_time(text, TimeReading::local_latest);
    span.lo = comparable_time(text, TimeReading::earliest);
    span.hi = comparable_time(text, TimeReading::latest);
    return span;
}

TimeSpan never_lifted() {
    const std::string end = "9999-12-31T23:59:59";
    return TimeSpan{end, end, end, end, true};
}

bool definitely_after(const TimeSpan& a, const TimeSpan& b) {
    if (!a.has_offset && !b.has_offset) return a.local_lo > b.local_hi;
    return a.lo > b.hi;
}

bool PersonRecord::lifted() const {
    if (!refused) return false;
    for (const TimeSpan& opt_in : opt_ins) {
        bool after_all = true;
        for (const TimeSpan& refusal : refusals)
            if (!definitely_after(opt_in, refusal)) {
                after_all = false;
                break;
            }
        if (after_all) return true;
    }
    return false;
}

PersonRecord* PersonSuppressions::find(std::string_view email_key) {
    if (records_.empty()) return nullptr;
    const std::uint64_t* i = index_.find(email_key);
    return i == nullptr ? nullptr : &records_[*i];
}

PersonRecord& PersonSuppressions::at(std::string_view email_key) {
    auto [i, added] = index_.try_emplace(email_key, records_.size());
    if (added) {
        records_.emplace_back();
        keys_.emplace_back(email_key);
    }
    return records_[i];
}

namespace {

void refuse(PersonRecord& p, std::optional<TimeSpan> at) {
    // A refusal whose time cannot be read counts as the latest possible: nothing lifts it.
    p.refusals.push_back(at ? std::move(*at) : never_lifted());
    p.refused = true;
}

}  // namespace

PersonSuppressions load_person_suppressions(Workspace& ws) {
    PersonSuppressions set;
    {
        // The WHERE clause is the one of the partial index contacts_refusals (schema 4), so
        // SQLite reads the few refusing or bouncing rows through it instead of every page.
        auto st = ws.prepare(
            "SELECT c.id, coalesce(c.email_key, c.email), c.consent, c.opted_out, c.bounced, "
            "c.consent_at, b.started_at FROM contacts c JOIN batches b ON b.id = c.batch_id "
            "WHERE (c.consent = 'opt_out' OR c.opted_out <> 0 OR c.bounced <> 0) "
            "AND c.email_problem = 0 ORDER BY c.id");
        while (st.step()) {
            PersonRecord& p = set.at(st.text(1));
            const bool consent_refused = st.text(2) == "opt_out";
            const bool flag_refused = st.integer(3) != 0;
            if (st.integer(4) != 0) p.bounced = true;
            if (consent_refused || flag_refused) {
                // An opt-out's own consent time says when it was refused; a flag has no time
                // of its own, so it counts from the import that brought it (never earlier).
                std::optional<TimeSpan> at;
                if (consent_refused) at = time_span(st.text(5));
                if (!at) at = time_span(st.text(6));
                refuse(p, std::move(at));
                if (p.refusal_contact == 0) p.refusal_contact = st.integer(0);
            }
        }
    }
    {
        auto st = ws.prepare(
            "SELECT e.value, e.reason, b.started_at, b.file, e.row_no FROM exclusions e "
            "LEFT JOIN batches b ON b.id = e.batch_id WHERE e.kind = 'email'");
        while (st.step()) {
            if (!is_refusal_reason(st.text(1))) continue;
            PersonRecord& p = set.at(st.text(0));
            refuse(p, time_span(st.text(2)));
            if (p.refusal_contact == 0 && p.refusal_file.empty()) {
                p.refusal_file = st.text(3);
                p.refusal_row = st.integer(4);
            }
        }
    }
    return set;
}

}  // namespace maplan::lists
