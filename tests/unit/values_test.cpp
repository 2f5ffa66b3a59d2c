// Numbers and dates as Japanese users write them (issue 12, item 3): each mistake gets one
// message with the number or ISO date to write, at the value's position, in English and
// Japanese; what is right stays accepted.
//
// Independent sources for the dates: the era start days as the Japanese government set them
// (元号を改める政令: 昭和 from 1926-12-25, 平成 from 1989-01-08 after 昭和64年1月7日, 令和 from
// 2019-05-01 after 平成31年4月30日, 平成31年政令第143号), and the Gregorian leap-year rule
// (divisible by 4, except centuries not divisible by 400: 2000 leap, 1900 and 2100 not).
#include <catch2/catch.hpp>

#include <string>

#include "core/dates.hpp"
#include "core/loader.hpp"
#include "core/numbers.hpp"

using namespace maplan;

namespace {

LoadResult load_text(const std::string& text) {
    return load_project(std::make_shared<SourceFile>("plan.yaml", text));
}

struct Shown {
    std::string en;
    std::string ja;
};

/// "line:col RULE message" in both languages for each finding, in order.
std::vector<Shown> shown(const LoadResult& r) {
    std::vector<Shown> out;
    for (const Finding& f : r.findings) {
        std::string at =
            std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + " " + f.rule_id + " ";
        out.push_back({at + f.message.en, at + f.message.ja});
    }
    return out;
}

const std::string header = "ma_plan: 1\nproject:\n  name: テスト\n  tool: eloqua\n";

const NumberRange yen{0.0, std::nullopt, false};
const NumberRange share{0.0, 1.0, false, true};
const NumberRange count{0.0, std::nullopt, true};

std::string plain(std::string_view text, const NumberRange& range = yen) {
    auto s = read_number_spelling(text, range);
    return s ? s->plain : "(none)";
}

std::string iso(std::string_view text) {
    CheckedDate d = check_date(text);
    return d.problem == DateProblem::other_notation ? d.suggestion : "(none)";
}

}  // namespace

// ----- numbers -----

TEST_CASE("number spellings: the plain number each stands for", "[values]") {
    CHECK(plain("5,000,000") == "5000000");
    CHECK(plain("30,000,000円") == "30000000");
    CHECK(plain("¥5,000") == "5000");
    CHECK(plain("￥5,000") == "5000");
    CHECK(plain("１２０") == "120");
    CHECK(plain("１２，０００") == "12000");
    CHECK(plain("120件") == "120");
    CHECK(plain("120 件") == "120");
    CHECK(plain("5万") == "50000");
    CHECK(plain("1.5万") == "15000");
    CHECK(plain("3億5000万円") == "350000000");
    CHECK(plain("3千万") == "30000000");
    CHECK(plain("2週間") == "2");
    CHECK(plain("2048bit") == "2048");
    CHECK(plain("-5万") == "-50000");
    CHECK(plain("15%", share) == "0.15");
    CHECK(plain("３０％", share) == "0.3");
    CHECK(plain("14.3%", share) == "0.143");  // exact: no 0.14300000000000002
    CHECK(plain("15%", yen) == "15");         // not a rate: only the sign goes
}

TEST_CASE("number spellings: what is no number in any spelling is not guessed", "[values]") {
    for (std::string_view text : {"TBD", "1,5", "1,50,000", "12,", ",000", "5万万", "5万3億", "万",
                                  "1 2", "5,000 yen extra", "", "未定"}) {
        INFO(std::string(text));
        CHECK_FALSE(read_number_spelling(text, yen));
    }
    // Plain numbers are check_number's: nothing to explain.
    CHECK_FALSE(read_number_spelling("5000000", yen));
    CHECK(check_number("5000000", yen).ok());
    CHECK(check_number("0.15", share).ok());
}

TEST_CASE("number spellings: the advice in English and Japanese", "[values]") {
    auto advice = [](std::string_view text, const NumberRange& range) {
        return number_spelling_advice(*read_number_spelling(text, range), range);
    };
    Text t = advice("5,000,000", yen);
    CHECK(t.en == "write 5000000, without thousands separators");
    CHECK(t.ja == "桁区切りのカンマを外して 5000000 と書いてください");
    t = advice("30,000,000円", yen);
    CHECK(t.en == "write 30000000, without thousands separators and \"円\"");
    CHECK(t.ja == "桁区切りのカンマと「円」を外して 30000000 と書いてください");
    t = advice("１２０", count);
    CHECK(t.en == "write 120 in half-width digits");
    CHECK(t.ja == "全角数字です。半角で 120 と書いてください");
    t = advice("5万", yen);
    CHECK(t.en == "write 50000 (with 万 written out)");
    CHECK(t.ja == "「万」を使わずに 50000 と書いてください");
    t = advice("３０％", share);
    CHECK(t.en == "a rate is a share of 1: write 0.3 in half-width digits");
    CHECK(t.ja ==
          "全角数字です。割合は 1 を 100% とする小数で書きます。半角で 0.3 と書いてください");
    t = advice("150%", share);
    CHECK(t.en == "a rate is a share of 1: write 1.5 (but 1.5 is outside 0..1)");
    CHECK(t.ja ==
          "割合は 1 を 100% とする小数で書きます。1.5 と書いてください (ただし 1.5 は範囲 "
          "0..1 の外です)");
}

// ----- dates -----

TEST_CASE("dates: the Gregorian leap-year rule", "[values]") {
    CHECK(is_leap_year(2028));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2100));
    CHECK_FALSE(is_leap_year(2027));
    CHECK(check_date("2028-02-29").ok());
    CHECK(check_date("2000-02-29").ok());
    CHECK(check_date("2026-12-31").ok());
    CHECK(check_date("2026-04-30").ok());
}

TEST_CASE("dates: each day the calendar lacks gets its reason", "[values]") {
    auto reason = [](std::string_view text) {
        CheckedDate d = check_date(text);
        CHECK(d.problem == DateProblem::no_such_day);
        return d.reason;
    };
    Text r = reason("2027-02-30");
    CHECK(r.en == "February has no day 30");
    CHECK(r.ja == "2 月 30 日はありません");
    r = reason("2027-02-29");
    CHECK(r.en == "2027 is not a leap year, so February has no day 29");
    CHECK(r.ja == "2027 年はうるう年ではないので 2 月 29 日はありません");
    r = reason("2100-02-29");
    CHECK(r.en == "2100 is not a leap year, so February has no day 29");
    r = reason("2026-13-01");
    CHECK(r.en == "there is no month 13");
    CHECK(r.ja == "13 月はありません");
    r = reason("2026-04-31");
    CHECK(r.en == "April has no day 31");
    CHECK(r.ja == "4 月 31 日はありません");
    r = reason("2026-01-00");
    CHECK(r.en == "there is no day 0");
    r = reason("2026/2/30");
    CHECK(r.ja == "2 月 30 日はありません");
}

TEST_CASE("dates: Japanese notations get the ISO date as their suggestion", "[values]") {
    CHECK(iso("令和8年4月1日") == "2026-04-01");
    CHECK(iso("令和元年5月1日") == "2019-05-01");
    CHECK(iso("R8.4.1") == "2026-04-01");
    CHECK(iso("r8.4.1") == "2026-04-01");
    CHECK(iso("R08/04/01") == "2026-04-01");
    CHECK(iso("Ｒ８．４．１") == "2026-04-01");
    CHECK(iso("平成31年4月30日") == "2019-04-30");
    CHECK(iso("H1.1.8") == "1989-01-08");
    CHECK(iso("平成元年1月8日") == "1989-01-08");
    CHECK(iso("昭和64年1月7日") == "1989-01-07");
    CHECK(iso("昭和元年12月25日") == "1926-12-25");
    CHECK(iso("2026年4月1日") == "2026-04-01");
    CHECK(iso("2026年4月1") == "2026-04-01");  // 日 left out
    CHECK(iso("2026 年 4 月 1 日") == "2026-04-01");
    CHECK(iso("2026/4/1") == "2026-04-01");
    CHECK(iso("2026.4.1") == "2026-04-01");
    CHECK(iso("2026-4-1") == "2026-04-01");
    CHECK(iso("２０２６－０４－０１") == "2026-04-01");
    CHECK(iso("２０２６年４月１日") == "2026-04-01");
    // Not dates in any notation ma-plan knows: no guess.
    for (std::string_view text : {"26/4/1", "来週", "2026-04", "2026/4/1/", "R8.4",
                                  "2026年4月1日頃", "Q2", "2026-04-01T09:00", ""}) {
        INFO(std::string(text));
        CHECK(check_date(text).problem == DateProblem::not_a_date);
    }
}

TEST_CASE("dates: era dates outside their era are no day", "[values]") {
    auto reason = [](std::string_view text) {
        CheckedDate d = check_date(text);
        CHECK(d.problem == DateProblem::no_such_day);
        return d.reason;
    };
    Text r = reason("平成31年5月1日");  // that day was 令和元年5月1日
    CHECK(r.en == "平成 ended on 2019-04-30");
    CHECK(r.ja == "平成は 2019-04-30 までです");
    r = reason("令和元年4月30日");
    CHECK(r.en == "令和 began on 2019-05-01");
    CHECK(r.ja == "令和は 2019-05-01 からです");
    r = reason("H1.1.7");
    CHECK(r.en == "平成 began on 1989-01-08");
    r = reason("昭和64年1月8日");
    CHECK(r.en == "昭和 ended on 1989-01-07");
    r = reason("R7.2.29");  // 2025
    CHECK(r.en == "2025 is not a leap year, so February has no day 29");
    CHECK(iso("R6.2.29") == "2024-02-29");
}

TEST_CASE("dates: the whole sentence with and without a place", "[values]") {
    Text m =
        date_message("2027-02-30", check_date("2027-02-30"), {"in tasks[0].due", "tasks[0].due"});
    CHECK(m.en == "\"2027-02-30\" in tasks[0].due is not a real date: February has no day 30");
    CHECK(m.ja == "tasks[0].due の「2027-02-30」は実在しない日付です。2 月 30 日はありません");
    m = date_option_message("--today", "令和8年4月1日");
    CHECK(m.en == "--today \"令和8年4月1日\" is not written YYYY-MM-DD; write 2026-04-01");
    CHECK(m.ja ==
          "--today「令和8年4月1日」は YYYY-MM-DD の形ではありません。2026-04-01 と書いてください");
    m = date_option_message("--since", "yesterday");
    CHECK(m.en == "--since \"yesterday\" is not a date; write YYYY-MM-DD (e.g. 2026-12-15)");
    CHECK(date_option_message("--today", "2028-02-29").empty());
}

// ----- the loader: one message per mistake, at the value -----

TEST_CASE("loader: 5 000 000 with separators is one message in block and in flow style",
          "[values][loader]") {
    auto block = load_text(header + "romi:\n  budget_jpy: 5,000,000\n");
    REQUIRE(shown(block).size() == 1);
    CHECK(shown(block)[0].en ==
          "6:15 SCHEMA-002 \"romi.budget_jpy\" must be a number, not \"5,000,000\": write "
          "5000000, without thousands separators");
    CHECK(
        shown(block)[0].ja ==
        "6:15 SCHEMA-002 「romi.budget_jpy」は数値で書いてください (「5,000,000」になっています)。"
        "桁区切りのカンマを外して 5000000 と書いてください");
    // In a flow mapping YAML ends a plain scalar at the comma: this once gave "unknown key 000"
    // and "duplicate key 000".
    auto flow = load_text(header + "romi: {budget_jpy: 5,000,000, target_ratio: 3}\n");
    REQUIRE(shown(flow).size() == 1);
    CHECK(shown(flow)[0].en ==
          "5:20 SCHEMA-002 \"romi.budget_jpy\" must be a number, not \"5,000,000\": write "
          "5000000, without thousands separators");
    CHECK(flow.project->romi->target_ratio.value == 3);
}

TEST_CASE("loader: a currency unit / full-width digits / counters and 万", "[values][loader]") {
    auto r = load_text(header +
                       "romi:\n"
                       "  budget_jpy: 30,000,000円\n"
                       "  revenue_target_jpy: 5万\n"
                       "segments: []\n"
                       "email:\n"
                       "  daily_volume: 120件\n"
                       "  ip_warming: {weeks: １２０}\n"
                       "  sending_domain: a.example\n");
    auto s = shown(r);  // in the order the loader reads the keys
    for (const Shown& line : s) UNSCOPED_INFO(line.en);
    REQUIRE(s.size() == 4);
    CHECK(s[0].en ==
          "6:15 SCHEMA-002 \"romi.budget_jpy\" must be a number, not \"30,000,000円\": write "
          "30000000, without thousands separators and \"円\"");
    CHECK(s[0].ja ==
          "6:15 SCHEMA-002 「romi.budget_jpy」は数値で書いてください (「30,000,000円」になっていま"
          "す)。桁区切りのカンマと「円」を外して 30000000 と書いてください");
    CHECK(s[1].en ==
          "7:23 SCHEMA-002 \"romi.revenue_target_jpy\" must be a number, not \"5万\": write 50000 "
          "(with 万 written out)");
    CHECK(s[1].ja ==
          "7:23 SCHEMA-002 「romi.revenue_target_jpy」は数値で書いてください (「5万」になっていま"
          "す)。「万」を使わずに 50000 と書いてください");
    CHECK(s[3].en ==
          "10:17 SCHEMA-002 \"email.daily_volume\" must be a number, not \"120件\": write 120, "
          "without \"件\"");
    CHECK(s[3].ja ==
          "10:17 SCHEMA-002 「email.daily_volume」は数値で書いてください (「120件」になっていま"
          "す)。「件」を外して 120 と書いてください");
    CHECK(s[2].en ==
          "11:23 SCHEMA-002 \"email.ip_warming.weeks\" must be a number, not \"１２０\": write 120 "
          "in half-width digits");
    CHECK(s[2].ja ==
          "11:23 SCHEMA-002 「email.ip_warming.weeks」は数値で書いてください (「１２０」になってい"
          "ます)。全角数字です。半角で 120 と書いてください");
}

TEST_CASE("loader: a rate written as a percentage", "[values][loader]") {
    auto r = load_text(header +
                       "email:\n  spam_rate: 15%\n  sending_domain: a.example\n"
                       "lifecycle:\n  - mql: {conversion_rate: ３０％}\n"
                       "romi: {target_ratio: 300%}\n");
    auto s = shown(r);  // in the order the loader reads the sections
    for (const Shown& line : s) UNSCOPED_INFO(line.en);
    REQUIRE(s.size() == 3);
    CHECK(s[0].en ==
          "9:28 SCHEMA-002 \"lifecycle[0].conversion_rate\" must be a number, not \"３０％\": a "
          "rate is a share of 1: write 0.3 in half-width digits");
    CHECK(s[1].en ==
          "10:22 SCHEMA-002 \"romi.target_ratio\" must be a number, not \"300%\": a ratio is "
          "written with 100% as 1: write 3");
    CHECK(s[1].ja ==
          "10:22 SCHEMA-002 「romi.target_ratio」は数値で書いてください (「300%」になっています)。"
          "比率は 100% を 1 とする数で書きます。3 と書いてください");
    CHECK(s[2].en ==
          "6:14 SCHEMA-002 \"email.spam_rate\" must be a number, not \"15%\": a rate is a share "
          "of 1: write 0.15");
    CHECK(s[2].ja ==
          "6:14 SCHEMA-002 「email.spam_rate」は数値で書いてください (「15%」になっています)。"
          "割合は 1 を 100% とする小数で書きます。0.15 と書いてください");
    // A KPI target is no rate: the percent sign goes, the number stays (its unit is `unit:`).
    auto kpi = load_text(header +
                         "goals:\n  - {id: g, statement: s, kpi: {metric: CVR, "
                         "target: 15%, period: 2027-H1}}\n");
    REQUIRE(shown(kpi).size() == 1);
    CHECK(shown(kpi)[0].en ==
          "6:54 SCHEMA-002 \"goals[0].kpi.target\" must be a number, not \"15%\": write 15, "
          "without \"%\"");
}

TEST_CASE("loader: must not fire on plain numbers and on commas in prose", "[values][loader]") {
    auto r =
        load_text(header +
                  "romi:\n  budget_jpy: 5000000\n  target_ratio: 3\n"
                  "problems:\n  - \"予算は 5,000,000 円、CV 率 15%\"\n"
                  "  - 予算は 5,000,000 円 (30,000,000円ではない)\n"
                  "goals:\n  - {id: g1, statement: \"1,000 件, 5万円\", kpi: {metric: \"a, b\", "
                  "target: 1000, unit: 件, period: 2027-H1}}\n"
                  "tasks:\n  - {name: \"t, 1,000\", step: 2, due: 2028-02-29}\n");
    CHECK(shown(r).empty());
    CHECK(r.project->romi->budget_jpy.value == 5000000);
    CHECK(r.project->problems[1].value == "予算は 5,000,000 円 (30,000,000円ではない)");
    CHECK(r.project->goals[0].statement.value == "1,000 件, 5万円");
    // A flow list keeps its items: [100,200] is two numbers, never "100,200".
    auto list = load_text(header + "goals:\n  - {id: g1, statement: s, agreed_by: [100,200]}\n");
    CHECK(list.project->goals[0].agreed_by.size() == 2);
}

TEST_CASE("loader: a flow key of three digits with a value stays a key", "[values][loader]") {
    // `000: x` has a value, so it is a key the user wrote (and an unknown one).
    auto r = load_text(header + "romi: {budget_jpy: 5,000: x}\n");
    auto s = shown(r);
    REQUIRE(s.size() == 1);
    CHECK(s[0].en.starts_with("5:22 SCHEMA-001 unknown key \"000\" in romi"));
}

TEST_CASE("loader: dates get the calendar's reason or the ISO date", "[values][loader]") {
    auto r = load_text(header +
                       "tasks:\n"
                       "  - {name: a, step: 2, due: 2027-02-30}\n"
                       "  - {name: b, step: 2, due: 2027-02-29}\n"
                       "  - {name: c, step: 2, due: 2026-13-01}\n"
                       "  - {name: d, step: 2, due: 令和8年4月1日}\n"
                       "  - {name: e, step: 2, due: R8.4.1}\n"
                       "  - {name: f, step: 2, due: 2026/4/1}\n"
                       "  - {name: g, step: 2, due: ２０２６－０４－０１}\n"
                       "  - {name: h, step: 2, due: 2028-02-29}\n");
    auto s = shown(r);
    REQUIRE(s.size() == 7);
    CHECK(s[0].en ==
          "6:29 SCHEMA-006 \"2027-02-30\" in tasks[0].due is not a real date: February has no day "
          "30");
    CHECK(s[0].ja ==
          "6:29 SCHEMA-006 tasks[0].due の「2027-02-30」は実在しない日付です。2 月 30 "
          "日はありません");
    CHECK(s[1].en ==
          "7:29 SCHEMA-006 \"2027-02-29\" in tasks[1].due is not a real date: 2027 is not a leap "
          "year, so February has no day 29");
    CHECK(s[1].ja ==
          "7:29 SCHEMA-006 tasks[1].due の「2027-02-29」は実在しない日付です。2027 "
          "年はうるう年ではないので 2 月 29 日はありません");
    CHECK(
        s[2].en ==
        "8:29 SCHEMA-006 \"2026-13-01\" in tasks[2].due is not a real date: there is no month 13");
    CHECK(s[2].ja ==
          "8:29 SCHEMA-006 tasks[2].due の「2026-13-01」は実在しない日付です。13 月はありません");
    CHECK(s[3].en ==
          "9:29 SCHEMA-006 \"令和8年4月1日\" in tasks[3].due is not written YYYY-MM-DD; write "
          "2026-04-01");
    CHECK(s[3].ja ==
          "9:29 SCHEMA-006 tasks[3].due の「令和8年4月1日」は YYYY-MM-DD の形では"
          "ありません。2026-04-01 と書いてください");
    CHECK(
        s[4].en ==
        "10:29 SCHEMA-006 \"R8.4.1\" in tasks[4].due is not written YYYY-MM-DD; write 2026-04-01");
    CHECK(s[5].en ==
          "11:29 SCHEMA-006 \"2026/4/1\" in tasks[5].due is not written YYYY-MM-DD; "
          "write 2026-04-01");
    CHECK(s[6].ja ==
          "12:29 SCHEMA-006 tasks[6].due の「２０２６－０４－０１」は YYYY-MM-DD の形"
          "ではありません。2026-04-01 と書いてください");
    REQUIRE(r.project->tasks.size() == 8);
    CHECK(r.project->tasks[7].due.value == "2028-02-29");
    CHECK(r.project->tasks[3].due.value.empty());  // never accepted as written
}
