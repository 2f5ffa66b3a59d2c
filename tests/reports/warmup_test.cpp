// `ma-plan warmup` (issue 10, items 5 and 6): the schedule's invariants, its agreement with
// MAIL-014, per-provider volumes, the bulk-sender gate from plan facts and from live facts, and
// the built binary's output (golden files) and errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "reports/warmup.hpp"
#include "rules/validate.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

namespace {

std::string plan_with(const std::string& email) {
    return "ma_plan: 1\nproject: {name: W, tool: marketo}\nemail:\n  sending_domain: "
           "mail.example.com\n" +
           email;
}

std::vector<Finding> mail014_of(const std::string& yaml) {
    auto source = std::make_shared<SourceFile>("plan.yaml", yaml);
    FileResult r = validate_source(source, {});
    REQUIRE_FALSE(r.fatal.has_value());
    std::vector<Finding> out;
    for (const Finding& f : r.findings)
        if (f.rule_id == "MAIL-014") out.push_back(f);
    return out;
}

WarmupResult build(const std::string& yaml, long long first_day = 50) {
    auto project = plan_from_text(yaml);
    return build_warmup(*project, {Date{2027, 1, 4}, first_day}, rules::Thresholds{},
                        mail014_of(yaml));
}

/// The properties every schedule must have: starts at the first day's volume, never shrinks,
/// never more than doubles, ends on the target, and sends on the planned days of each week.
void check_valid(const WarmupSchedule& s) {
    REQUIRE_FALSE(s.days.empty());
    CHECK(s.days.front().volume == s.first_day);
    CHECK(s.days.back().volume == s.daily_volume);
    for (std::size_t i = 1; i < s.days.size(); ++i) {
        INFO("day " << s.days[i].number);
        CHECK(s.days[i].volume >= s.days[i - 1].volume);
        CHECK(s.days[i].volume <= 2 * s.days[i - 1].volume);
        CHECK(s.days[i].date > s.days[i - 1].date);
    }
    std::map<int, int> per_week;
    for (const WarmupDay& d : s.days)
        if (!d.beyond_plan) ++per_week[d.week];
    for (const auto& [week, n] : per_week) {
        INFO("week " << week);
        if (week <= static_cast<int>(s.weeks)) CHECK(n == s.days_per_week);
    }
    // The most engaged go first: the audience only widens.
    for (std::size_t i = 1; i < s.days.size(); ++i)
        CHECK(static_cast<int>(s.days[i].audience) >= static_cast<int>(s.days[i - 1].audience));
}

}  // namespace

TEST_CASE("warmup: a plan MAIL-014 accepts gives a valid schedule within its weeks", "[warmup]") {
    std::string yaml = plan_with(
        "  dedicated_ip: true\n  ip_warming: {weeks: 4, days_per_week: 3}\n  daily_volume: 6000\n");
    REQUIRE(mail014_of(yaml).empty());
    auto r = build(yaml);
    REQUIRE(r.schedule);
    const WarmupSchedule& s = *r.schedule;
    check_valid(s);
    CHECK(s.planned_days == 12);
    CHECK(s.days.size() == 12);  // reached within the plan: 50 → 6,000 needs ratio 1.55 < 2
    CHECK(s.checks.empty());
    // Three days a week are spread out: Monday, Wednesday, Friday from a Monday start.
    CHECK(weekday(s.days[0].date) == 0);
    CHECK(weekday(s.days[1].date) == 2);
    CHECK(weekday(s.days[2].date) == 4);
    CHECK(to_string(s.days.back().date) == "2027-01-29");
}

TEST_CASE("warmup: a plan MAIL-014 rejects is explained and the ramp says what is missing",
          "[warmup]") {
    std::string yaml = plan_with(
        "  dedicated_ip: true\n  ip_warming: {weeks: 1, days_per_week: 2}\n  daily_volume: "
        "100000\n");
    auto r = build(yaml);
    REQUIRE(r.schedule);
    const WarmupSchedule& s = *r.schedule;
    REQUIRE(s.checks.size() == 2);
    CHECK(s.checks[0].message.en == "IP warming of 1 weeks is shorter than the recommended 4");
    CHECK(s.checks[1].message.en == "IP warming sends on 2 days a week; send at least 3");
    check_valid(s);
    // Two planned days cannot reach 100,000 from 50 at most doubling: 50·2^11 = 102,400.
    CHECK(s.planned_days == 2);
    CHECK(s.days.size() == 12);
    CHECK(s.days[1].volume == 100);
    CHECK(s.days[2].beyond_plan);
    std::string md = render_warmup(s, OutputFormat::markdown, {Lang::en});
    CHECK(md.find("This plan falls short of the guidance; sending on it risks throttling or "
                  "blocking until these are fixed:\n\n- `plan.yaml:6:23: warning: IP warming of 1 "
                  "weeks is shorter than the recommended 4 [MAIL-014]`") != std::string::npos);
    CHECK(md.find("Growing at most twofold per sending day, the plan's 1 weeks do not reach the "
                  "target: 10 more sending days are needed (rows marked †).") != std::string::npos);
}

TEST_CASE("warmup: providers share each day's volume exactly", "[warmup]") {
    std::string yaml = plan_with(
        "  dedicated_ip: true\n  ip_warming:\n    weeks: 4\n    days_per_week: 5\n    providers:\n"
        "      - {name: gmail.com, share: 0.45}\n      - {name: outlook.com, share: 0.3}\n"
        "  daily_volume: 8000\n");
    auto r = build(yaml);
    REQUIRE(r.schedule);
    const WarmupSchedule& s = *r.schedule;
    check_valid(s);
    CHECK(s.provider_names == std::vector<std::string>{"gmail.com", "outlook.com", "other"});
    for (const WarmupDay& d : s.days) {
        long long sum = 0;
        for (const ProviderVolume& p : d.providers) sum += p.volume;
        CHECK(sum == d.volume);
    }
    CHECK(s.days.back().providers[0].volume == 3600);
    CHECK(s.days.back().providers[1].volume == 2400);
    CHECK(s.days.back().providers[2].volume == 2000);
}

TEST_CASE("warmup: missing or impossible inputs are errors at their position", "[warmup]") {
    auto no_volume = build(plan_with("  ip_warming: {weeks: 4}\n"));
    REQUIRE(no_volume.error);
    CHECK(no_volume.error->message.en ==
          "email.daily_volume (the messages a day to reach) is missing or below 1");
    CHECK_FALSE(no_volume.error->value_not_allowed);
    auto no_plan = build(plan_with("  dedicated_ip: true\n  daily_volume: 5000\n"));
    REQUIRE(no_plan.error);
    CHECK(no_plan.error->message.en ==
          "email.ip_warming.weeks is missing: there is no warm-up plan to schedule (MAIL-014: "
          "dedicated IP without an IP warming plan)");
    auto days = build(plan_with("  ip_warming: {weeks: 4, days_per_week: 8}\n  daily_volume: 5\n"));
    REQUIRE(days.error);
    CHECK(days.error->message.en ==
          "ip_warming.days_per_week is 8; write a whole number from 1 to 7");
    CHECK(days.error->value_not_allowed);
    CHECK(days.error->pos == SourcePos{5, 41});
    auto shares =
        build(plan_with("  ip_warming:\n    weeks: 4\n    providers:\n"
                        "      - {name: a, share: 0.7}\n      - {name: b, share: 0.6}\n"
                        "  daily_volume: 500\n"));
    REQUIRE(shares.error);
    CHECK(shares.error->message.en ==
          "ip_warming.providers' shares add up to 1.3; they are shares of one list and add up to "
          "at most 1");
}

TEST_CASE("warmup: days_per_week defaults to a working week and says so", "[warmup]") {
    auto r = build(plan_with("  ip_warming: {weeks: 4}\n  daily_volume: 3000\n"));
    REQUIRE(r.schedule);
    CHECK(r.schedule->days_per_week == 5);
    CHECK(r.schedule->days_per_week_assumed);
    check_valid(*r.schedule);
    std::string md = render_warmup(*r.schedule, OutputFormat::markdown, {Lang::ja});
    CHECK(md.find("- 期間: 4 週、週 5 日送信 (プランに指定がないため週 5 日)、送信日 20 日") !=
          std::string::npos);
}

TEST_CASE("sender gate: from the plan and with live facts over it", "[gate]") {
    auto project = plan_from_text(plan_with(
        "  spf: \"v=spf1 include:mktomail.com -all\"\n  dkim: {selector: s1, key_bits: 2048}\n"
        "  dmarc: \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n  daily_volume: 20000\n"
        "  one_click_unsubscribe: true\n  spam_rate: 0.002\n"));
    SenderFacts plan = facts_from_plan(*project);
    SenderGate g = evaluate_sender_gate(plan, rules::Thresholds{});
    CHECK(g.bulk);
    std::vector<std::string> lines;
    for (const GateRequirement& r : g.requirements)
        lines.push_back(std::string(r.name.en) + ": " +
                        std::string(gate_status_label(r.status).en) + " (" +
                        std::string(fact_source_label(r.source).en) + ") " + r.detail.en);
    CHECK(lines == std::vector<std::string>{
                       "SPF or DKIM: met (plan) ",
                       "SPF passes (valid record): met (plan) ",
                       "DKIM signing (key of 1024 bits or more): met (plan) 2048-bit key",
                       "DMARC record, at least p=none: met (plan) p=none",
                       "DMARC alignment (From domain authenticated): met (plan) DKIM signs for the "
                       "sending domain (as planned)",
                       "One-click unsubscribe (RFC 8058): met (plan) ",
                       "Spam rate below 0.3%: met (plan) 0.2%; aim below 0.1%",
                       "Forward and reverse DNS for sending IPs: unknown (plan) checked live only",
                       "TLS for sending: unknown (plan) checked live only",
                   });
    CHECK(g.verdict() == GateStatus::unknown);
    // Live results (what `domain check` will supply) replace the plan's facts they know.
    SenderFacts live;
    live.dmarc_valid = {false, FactSource::dns, {"no DMARC record at _dmarc", "DMARC なし"}};
    live.reverse_dns = {true, FactSource::dns, {}};
    live.tls = {true, FactSource::dns, {}};
    SenderGate g2 = evaluate_sender_gate(overlay(plan, live), rules::Thresholds{});
    CHECK(g2.requirements[3].status == GateStatus::not_met);
    CHECK(g2.requirements[3].source == FactSource::dns);
    CHECK(g2.requirements[3].detail.en == "no DMARC record at _dmarc");
    CHECK(g2.requirements[7].status == GateStatus::met);
    CHECK(g2.verdict() == GateStatus::not_met);
    // Below the bulk line only the all-sender requirements count.
    auto small =
        plan_from_text(plan_with("  spf: \"v=spf1 -all\"\n  daily_volume: 100\n"
                                 "  spam_rate: 0.0005\n"));
    SenderFacts sf = facts_from_plan(*small);
    sf.reverse_dns = {true, FactSource::dns, {}};
    sf.tls = {true, FactSource::dns, {}};
    SenderGate g3 = evaluate_sender_gate(sf, rules::Thresholds{});
    CHECK_FALSE(g3.bulk);
    CHECK(g3.verdict() == GateStatus::met);
}

TEST_CASE("warmup: the built binary's outputs of the example", "[warmup][golden]") {
    struct Case {
        const char* file;
        const char* args;
    };
    const Case cases[] = {
        {"warmup-ja-manufacturer.ja.md",
         "--lang ja warmup config-examples/ja-manufacturer.yaml --start 2027-01-04"},
        {"warmup-en-saas.en.md",
         "--lang en warmup config-examples/en-saas.yaml --start 2027-01-04"},
        {"warmup-en-saas.en.csv",
         "--lang en warmup config-examples/en-saas.yaml --start 2027-01-04 --format csv"},
        {"warmup-ja-manufacturer.en.json",
         "--lang en warmup config-examples/ja-manufacturer.yaml --start 2027-01-04 --format json"},
    };
    const char* update = std::getenv("UPDATE_GOLDEN");
    for (const Case& c : cases) {
        INFO("ma-plan " << c.args);
        Run r = ma_plan(c.args);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        auto path = std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/reports/golden" / c.file;
        if (update != nullptr && std::string(update) == "1") {
            std::ofstream(path, std::ios::binary) << r.out;
            continue;
        }
        CHECK(read_file(path) == r.out);
    }
}

TEST_CASE("warmup: the built binary's errors and exit codes", "[warmup][cli]") {
    TempDir dir;
    auto write = [&](const std::string& name, const std::string& text) {
        auto p = dir.path / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    };
    std::string no_warming =
        write("a.yaml", plan_with("  dedicated_ip: true\n  daily_volume: 5000\n"));
    Run r = ma_plan("--lang en warmup '" + no_warming + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          no_warming +
              ":4:3: error: email.ip_warming.weeks is missing: there is no warm-up plan to "
              "schedule (MAIL-014: dedicated IP without an IP warming plan)\n");
    std::string bad_days = write(
        "b.yaml", plan_with("  ip_warming: {weeks: 4, days_per_week: 9}\n  daily_volume: 5\n"));
    r = ma_plan("--lang en warmup '" + bad_days + "'");
    CHECK(r.exit_code == 4);
    CHECK(r.err == bad_days +
                       ":5:41: error: ip_warming.days_per_week is 9; write a whole number from 1 "
                       "to 7\n");
    r = ma_plan("--lang en warmup '" + bad_days + "' --start 2027-02-30");
    CHECK(r.exit_code == 4);
    CHECK(r.err == "ma-plan: --start \"2027-02-30\" is not a real date: February has no day 30\n");
    r = ma_plan("--lang en warmup '" + (dir.path / "missing.yaml").string() + "'");
    CHECK(r.exit_code == 2);
    r = ma_plan("--lang en warmup config-examples/en-saas.yaml --format xml");
    CHECK(r.exit_code == 4);  // a value not allowed
    // -o writes atomically; the file holds the whole document.
    std::string out = (dir.path / "w.md").string();
    r = ma_plan("--lang en warmup config-examples/en-saas.yaml --start 2027-01-04 -o '" + out +
                "'");
    CHECK(r.exit_code == 0);
    CHECK(read_file(out) == read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) /
                                      "tests/reports/golden/warmup-en-saas.en.md"));
}
