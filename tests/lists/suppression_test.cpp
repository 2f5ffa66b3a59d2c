// Suppression by person (issue 9): an opt-out, unsubscribe flag, exclusion entry or hard bounce
// anywhere stops mail to that person everywhere; keys after NFKC; exclusion files parsed; vendor
// do-not-mail columns read; consent conflicts in the audit. Must-fire cases are the issue's own
// scenarios and the vendors' documented export headers; must-not-fire cases sit beside them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/audit.hpp"
#include "lists/encoding.hpp"
#include "lists/exclusions.hpp"
#include "lists/extract.hpp"
#include "lists/fields.hpp"
#include "lists/from_plan.hpp"
#include "lists/import.hpp"
#include "lists/suppression.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::read_file;
using lists_test::TempDir;
using lists_test::write_file;

namespace {

std::string cp932(const std::string& utf8) {
    Cp932Codec codec(Cp932Codec::Direction::from_utf8);
    std::string out;
    REQUIRE_FALSE(codec.convert(utf8, out).has_value());
    return out;
}

struct Lists {
    TempDir dir;
    std::filesystem::path db = dir / "w.db";
    Lists() { Workspace::create(db); }

    ImportSummary import(const std::string& file, const std::string& content,
                         const std::string& source, const std::string& preset = "",
                         std::vector<std::pair<std::string, std::string>> columns = {}) {
        write_file(dir / file, content);
        SourceConfig s;
        s.name = source;
        s.preset = preset;
        s.columns = std::move(columns);
        auto ws = Workspace::open(db);
        return import_contacts(ws, dir / file, s);
    }
    ExcludeSummary exclude(const std::string& file, const std::string& content,
                           const std::string& reason) {
        write_file(dir / file, content);
        auto ws = Workspace::open(db);
        return exclude_from_file(ws, dir / file, reason, ExcludeOptions{});
    }
    /// The email keys extract writes, in order.
    std::vector<std::string> extracted(Waterfall* waterfall = nullptr) {
        auto ws = Workspace::open(db);
        auto s = extract_contactable(ws, ListsConfig{}, dir / "out.csv", Encoding::utf8);
        if (waterfall != nullptr) *waterfall = s.waterfall;
        std::vector<std::string> keys;
        std::istringstream in(read_file(dir / "out.csv"));
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) keys.push_back(line.substr(0, line.find(',')));
        return keys;
    }
    AuditReport audit(bool show_pii = false) {
        auto ws = Workspace::open(db);
        return build_audit(ws, ListsConfig{}, show_pii);
    }
    void sql(const std::string& statement) {
        auto ws = Workspace::open(db);
        ws.exec(statement);
    }
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The expo file of the issue: Excel on Japanese Windows (CP932), consent written 同意.
const std::string expo_utf8 =
    "顧客番号,メールアドレス,会社名,氏名,メール配信同意,同意取得元\n"
    "1,kato@kato.co.jp,加藤商事,加藤 一郎,同意,展示会2026\n"
    "2,ito@ito.co.jp,伊藤工業,伊藤 二郎,同意,展示会2026\n"
    "3,kobayashi@kobayashi.co.jp,小林製作所,小林 三郎,同意,展示会2026\n"
    "4,sato@kato.co.jp,加藤商事,佐藤 四郎,同意,展示会2026\n";

}  // namespace

// ---- Item 2: email keys after NFKC ----

TEST_CASE("suppression: email keys fold full-width text and trim every Unicode white space") {
    // Must fire: folded to one key.
    CHECK(normalize_email("ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp").key ==
          "kobayashi@kobayashi.co.jp");
    CHECK(normalize_email("ＴＡＲＯ１２３＠ＥＸＡＭＰＬＥ．ＪＰ").key == "taro123@example.jp");
    CHECK(normalize_email("\u3000Taro@Example.JP\u3000").key == "taro@example.jp");
    for (const char* space :
         {"\u00A0", "\u2003", "\u2028", "\u0085", "\u205F", "\u1680", "\t", "\u202F", "\u3000"}) {
        const auto e = normalize_email(std::string(space) + "taro@example.jp" + space);
        CHECK(e.key == "taro@example.jp");
        CHECK(e.valid());
    }
    CHECK(normalize_email("ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp").valid());
    // Must not fire: a zero-width space is not white space, and a space inside is no address.
    CHECK(normalize_email("taro\u200B@example.jp").problem == EmailProblem::bad_local);
    CHECK(normalize_email("ta ro@example.jp").problem == EmailProblem::bad_local);
    CHECK(normalize_email("ｔａｒｏ＠＠example.jp").problem == EmailProblem::multiple_at);
    CHECK(normalize_email("taro．example.jp").problem == EmailProblem::no_at);
}

TEST_CASE("suppression: import keeps the full-width original and stores the folded key") {
    Lists l;
    auto s = l.import("form.csv",
                      "email,consent,consent_source\n"
                      "\u3000ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp,同意,form\n",
                      "form");
    CHECK(s.invalid_emails == 0);
    auto ws = Workspace::open(l.db);
    auto st = ws.prepare("SELECT email, email_key, email_problem FROM contacts");
    REQUIRE(st.step());
    CHECK(st.text(0) == "\u3000ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp");
    CHECK(st.text(1) == "kobayashi@kobayashi.co.jp");
    CHECK(st.integer(2) == 0);
}

// ---- Item 10: exclusion files are parsed ----

TEST_CASE("suppression: exclusion entries in the forms people paste") {
    auto address = [](std::string_view raw) {
        const auto e = parse_exclusion_entry(raw);
        CHECK(e.kind == ExclusionEntry::Kind::address);
        return e.value;
    };
    CHECK(address("Hanako Sato <hanako@example.co.jp>") == "hanako@example.co.jp");
    CHECK(address("\"Sato, Hanako\" <Hanako@Example.co.jp>;") == "hanako@example.co.jp");
    CHECK(address("taro@example.co.jp  # opted out") == "taro@example.co.jp");
    CHECK(address("sato@example.co.jp;") == "sato@example.co.jp");
    CHECK(address("\"sato@example.co.jp\",") == "sato@example.co.jp");
    CHECK(address("'sato@example.co.jp'") == "sato@example.co.jp");
    CHECK(address("「sato@example.co.jp」") == "sato@example.co.jp");
    CHECK(address("mailto:Sato@Example.co.jp") == "sato@example.co.jp");
    CHECK(address("ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp") == "kobayashi@kobayashi.co.jp");
    CHECK(address("山田 花子 <ｈａｎａｋｏ＠ｙａｍａｄａ．ｊｐ>") == "hanako@yamada.jp");
    // Must not fire: "#" inside an address is a valid character, not a comment.
    CHECK(address("a#b@example.jp") == "a#b@example.jp");

    auto domain = [](std::string_view raw) {
        const auto e = parse_exclusion_entry(raw);
        CHECK(e.kind == ExclusionEntry::Kind::domain);
        return e.value;
    };
    CHECK(domain("rival.co.jp") == "rival.co.jp");
    CHECK(domain("RIVAL.CO.JP  # competitor") == "rival.co.jp");
    CHECK(domain("例え．ＪＰ") == "xn--r8jz45g.jp");

    CHECK(parse_exclusion_entry("").kind == ExclusionEntry::Kind::blank);
    CHECK(parse_exclusion_entry("# a comment line").kind == ExclusionEntry::Kind::blank);
    CHECK(parse_exclusion_entry(" ; ").kind == ExclusionEntry::Kind::blank);

    auto error = [](std::string_view raw) {
        const auto e = parse_exclusion_entry(raw);
        CHECK(e.kind == ExclusionEntry::Kind::error);
        return e.problem.en + " / " + e.problem.ja;
    };
    CHECK(error("山田太郎 090-1234-5678") ==
          "neither an address nor a valid domain / アドレスでも有効なドメインでもありません");
    CHECK(error("localhost") ==
          "neither an address nor a valid domain / アドレスでも有効なドメインでもありません");
    CHECK(error("10.0.0.1") ==
          "neither an address nor a valid domain / アドレスでも有効なドメインでもありません");
    CHECK(error("@rival.co.jp") ==
          "an address needs a part before \"@\" (for a whole domain, write it without \"@\") / "
          "アドレスには「@」の前の部分が必要です(ドメイン全体なら「@」なしで書いてください)");
    CHECK(error("a@@b.jp") ==
          "not a valid address (more than one \"@\") / 有効なアドレスではありません(「@」が複数"
          "あります)");
}

TEST_CASE("suppression: the issue's three pasted lines exclude their people / colleagues stay") {
    Lists l;
    auto s = l.exclude("optout.csv",
                       "email\n"
                       "Hanako Sato <hanako@example.co.jp>\n"
                       "taro@example.co.jp  # opted out\n"
                       "\"sato@example.co.jp;\"\n",
                       "optout");
    CHECK(s.rows == 3);
    CHECK(s.added == 3);
    CHECK(s.domains == 0);
    l.import("crm.csv",
             "email,consent,consent_source\n"
             "hanako@example.co.jp,opt-in,form\n"
             "taro@example.co.jp,opt-in,form\n"
             "sato@example.co.jp,opt-in,form\n"
             "suzuki@example.co.jp,opt-in,form\n",
             "crm");
    CHECK(l.extracted() == std::vector<std::string>{"suzuki@example.co.jp"});
}

TEST_CASE("suppression: a garbage row rolls the exclusion file back and lists every bad row") {
    Lists l;
    write_file(l.dir / "list.csv",
               "email\n"
               "ok@example.co.jp\n"
               "山田太郎 090-1234-5678\n"
               "@rival.co.jp\n"
               "localhost\n");
    const std::string before = lists_test::db_fingerprint(l.db);
    const std::string f = (l.dir / "list.csv").string();
    for (bool show_pii : {false, true}) {
        auto ws = Workspace::open(l.db);
        try {
            exclude_from_file(ws, l.dir / "list.csv", "optout",
                              ExcludeOptions{.show_pii = show_pii});
            FAIL("accepted");
        } catch (const IoError& e) {
            const std::string yamada = show_pii ? "山田太郎 090-1234-5678" : "山***";
            const std::string rival = show_pii ? "@rival.co.jp" : "***@rival.co.jp";
            const std::string local = show_pii ? "localhost" : "l***";
            CHECK(e.message().en ==
                  f + ":3:1: error: \"" + yamada + "\": neither an address nor a valid domain\n" +
                      f + ":4:1: error: \"" + rival +
                      "\": an address needs a part before \"@\" (for a whole domain, write it "
                      "without \"@\")\n" +
                      f + ":5:1: error: \"" + local +
                      "\": neither an address nor a valid domain\n" + f +
                      ": error: 3 rows are neither an address nor a valid domain; nothing was "
                      "excluded (fix the file and run again)");
            CHECK(e.message().ja ==
                  f + ":3:1: エラー: 「" + yamada +
                      "」: アドレスでも有効なドメインでもありません\n" + f + ":4:1: エラー: 「" +
                      rival +
                      "」: アドレスには「@」の前の部分が必要です(ドメイン全体なら「@」なしで書いて"
                      "ください)\n" +
                      f + ":5:1: エラー: 「" + local +
                      "」: アドレスでも有効なドメインでもありません\n" + f +
                      ": エラー: アドレスでも有効なドメインでもない行が 3 行あります。何も除外して"
                      "いません(ファイルを直してからやり直してください)");
        }
    }
    CHECK(lists_test::db_fingerprint(l.db) == before);
}

TEST_CASE("suppression: more than twenty bad rows are counted after the first twenty") {
    Lists l;
    std::string content = "email\n";
    for (int i = 0; i < 23; ++i) content += "bad entry " + std::to_string(i) + "\n";
    write_file(l.dir / "list.csv", content);
    const std::string before = lists_test::db_fingerprint(l.db);
    auto ws = Workspace::open(l.db);
    try {
        exclude_from_file(ws, l.dir / "list.csv", "optout", ExcludeOptions{});
        FAIL("accepted");
    } catch (const IoError& e) {
        const std::string& m = e.message().en;
        CHECK(std::count(m.begin(), m.end(), '\n') == 21);
        CHECK(m.find(":21:1: error: \"b***\": neither") != std::string::npos);
        CHECK(m.find(":22:1:") == std::string::npos);
        CHECK(m.find(": error: ... and 3 more such rows\n") != std::string::npos);
        CHECK(
            m.ends_with(": error: 23 rows are neither an address nor a valid domain; nothing "
                        "was excluded (fix the file and run again)"));
    }
    CHECK(lists_test::db_fingerprint(l.db) == before);
}

// ---- Item 4: reasons from a fixed list ----

TEST_CASE("suppression: reasons come from a fixed list / a typo gets did you mean") {
    std::vector<std::string_view> ids;
    for (const auto& r : all_reasons()) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string_view>{"optout", "bounce", "complaint", "competitor",
                                               "internal", "role", "legal", "other"});
    for (auto id : ids) CHECK_NOTHROW(check_reason(id));
    CHECK(is_refusal_reason("optout"));
    CHECK(is_refusal_reason("complaint"));
    CHECK_FALSE(is_refusal_reason("bounce"));
    CHECK_FALSE(is_refusal_reason("competitor"));
    try {
        check_reason("optuot");
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(e.message().en ==
              "unknown reason \"optuot\"; did you mean \"optout\"? (allowed: optout, bounce, "
              "complaint, competitor, internal, role, legal, other)");
        CHECK(e.message().ja ==
              "不明な理由「optuot」です。「optout」の誤りではありませんか?(使える理由: optout, "
              "bounce, complaint, competitor, internal, role, legal, other)");
    }
    try {
        check_reason("spam trap");
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(e.message().en ==
              "unknown reason \"spam trap\" (allowed: optout, bounce, complaint, competitor, "
              "internal, role, legal, other)");
    }
    // Every exclusion kind the plan schema allows maps to a reason of the list.
    for (auto kind :
         {"optout", "hard_bounce", "soft_bounce_repeated", "competitor_domains", "internal_domains",
          "role_addresses", "complaints", "deceased_or_left", "other"})
        CHECK(is_valid_reason(reason_for_plan_exclusion(kind)));
    CHECK(reason_for_plan_exclusion("complaints") == "complaint");
    CHECK(reason_for_plan_exclusion("soft_bounce_repeated") == "bounce");
}

TEST_CASE("suppression: a domain rule must be a valid domain") {
    Lists l;
    const std::string before = lists_test::db_fingerprint(l.db);
    auto ws = Workspace::open(l.db);
    ExclusionRules rules;
    rules.domains = {{"山田太郎 090-1234-5678", "competitor"}};
    try {
        add_exclusion_rules(ws, rules);
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(e.message().en ==
              "\"山田太郎 090-1234-5678\" is not a valid domain (a domain rule is written like "
              "rival.co.jp, without \"@\")");
    }
    rules.domains = {{"taro@rival.co.jp", "competitor"}};
    CHECK_THROWS_AS(add_exclusion_rules(ws, rules), UsageError);
    CHECK(lists_test::db_fingerprint(l.db) == before);
    rules.domains = {{"@rival.co.jp", "competitor"}};  // the flag says domain: accepted
    CHECK(add_exclusion_rules(ws, rules) == 1);
}

// ---- Item 1: suppression by person ----

TEST_CASE("suppression: HubSpot unsubscribe for KATO@ stops the CP932 expo's 同意 for kato@") {
    const std::string hubspot =
        "Record ID,First Name,Last Name,Email,Unsubscribed from all email\n"
        "501,Ichiro,Kato,KATO@kato.co.jp,true\n";
    // The refusal imported after the consent, and before it: the same outcome.
    for (bool hubspot_first : {false, true}) {
        Lists l;
        if (hubspot_first) l.import("hubspot.csv", hubspot, "hubspot", "hubspot");
        auto expo = l.import("expo.csv", cp932(expo_utf8), "expo");
        CHECK(expo.encoding == Encoding::cp932);
        if (!hubspot_first) l.import("hubspot.csv", hubspot, "hubspot", "hubspot");
        Waterfall w;
        const auto keys = l.extracted(&w);
        CHECK_FALSE(contains(keys, "kato@kato.co.jp"));
        // Must not fire: another person on the same domain stays contactable.
        CHECK(contains(keys, "sato@kato.co.jp"));
        CHECK(w.opted_out_elsewhere == 1);
        CHECK(w.no_consent == 1);  // the HubSpot row itself records no consent
        CHECK(w.contactable == 3);
    }
}

TEST_CASE("suppression: Salesforce HasOptedOutOfEmail=1 for Ito@ITO.co.jp stops ito@ito.co.jp") {
    Lists l;
    l.import("expo.csv", cp932(expo_utf8), "expo");
    l.import("sf.csv",
             "Id,FirstName,LastName,Email,HasOptedOutOfEmail,EmailBouncedReason\n"
             "0035g00000AbCdE,Jiro,Ito,Ito@ITO.co.jp,1,\n",
             "salesforce", "salesforce");
    const auto keys = l.extracted();
    CHECK_FALSE(contains(keys, "ito@ito.co.jp"));
    CHECK(contains(keys, "kato@kato.co.jp"));
}

TEST_CASE("suppression: a full-width opt-out entry stops the person it names") {
    Lists l;
    l.import("expo.csv", cp932(expo_utf8), "expo");
    auto s = l.exclude("optout.csv", "email\nｋｏｂａｙａｓｈｉ＠kobayashi.co.jp\n", "optout");
    CHECK(s.domains == 0);
    CHECK(s.added == 1);
    Waterfall w;
    const auto keys = l.extracted(&w);
    CHECK_FALSE(contains(keys, "kobayashi@kobayashi.co.jp"));
    CHECK(w.excluded_by_reason.at("optout") == 1);
    CHECK(keys.size() == 3);
}

TEST_CASE("suppression: a hard bounce in one source stops the person in every source") {
    Lists l;
    l.import("expo.csv", cp932(expo_utf8), "expo");
    l.import("sf.csv",
             "Id,LastName,Email,HasOptedOutOfEmail,EmailBouncedReason\n"
             "003B,Sato,SATO@kato.co.jp,0,550 5.1.1 user unknown\n",
             "salesforce", "salesforce");
    Waterfall w;
    const auto keys = l.extracted(&w);
    CHECK_FALSE(contains(keys, "sato@kato.co.jp"));
    CHECK(w.excluded_by_reason.at("bounce") == 1);  // the expo row (Salesforce's: no consent)
    CHECK(contains(keys, "kato@kato.co.jp"));
}

TEST_CASE("suppression: precedence / a newer recorded opt-in lifts a refusal / else it wins") {
    const std::string refusal =
        "id,email,consent,consent_source,consent_at\n"
        "1,taro@example.jp,opt-out,unsubscribe page,2026-03-01 10:00\n";
    struct Case {
        std::string opt_in_row;  // in the second source
        bool contactable;
    };
    const std::vector<Case> cases = {
        {"7,Taro@Example.JP,opt-in,web form,2026-04-01", true},           // newer, recorded
        {"7,taro@example.jp,opt-in,web form,2026-03-01T10:01:00", true},  // the next minute
        // "10:00" names a whole minute, so 10:00:01 may come before the refusal.
        {"7,taro@example.jp,opt-in,web form,2026-03-01T10:00:01", false},
        {"7,taro@example.jp,opt-in,web form,2026-03-01 10:00", false},   // the same time
        {"7,taro@example.jp,opt-in,web form,2026-02-01", false},         // older
        {"7,taro@example.jp,opt-in,,2026-04-01", false},                 // no consent source
        {"7,taro@example.jp,opt-in,web form,", false},                   // no time
        {"7,taro@example.jp,opt-in,web form,sometime in April", false},  // not a time
        // 2026-03-01T18:00+09:00 is 09:00 UTC; the refusal's 10:00 has no offset and may be
        // as late as 22:00 UTC.
        {"7,taro@example.jp,opt-in,web form,2026-03-01T18:00:00+09:00", false},
    };
    for (const auto& c : cases) {
        Lists l;
        l.import("unsub.csv", refusal, "web");
        l.import("form.csv", "id,email,consent,consent_source,consent_at\n" + c.opt_in_row + "\n",
                 "form");
        Waterfall w;
        const auto keys = l.extracted(&w);
        INFO(c.opt_in_row);
        CHECK(contains(keys, "taro@example.jp") == c.contactable);
        CHECK(w.opted_out_elsewhere == (c.contactable ? 0 : 1));
        const auto report = l.audit();
        CHECK(report.consent_conflicts.persons == 1);
        CHECK(report.consent_conflicts.lifted == (c.contactable ? 1 : 0));
    }
}

TEST_CASE("suppression: precedence for flags and exclusion files counts from when they arrived") {
    Lists l;
    l.import("hubspot.csv",
             "Record ID,Email,Unsubscribed from all email\n501,taro@example.jp,true\n", "hubspot",
             "hubspot");
    l.exclude("optout.csv", "email\nhanako@example.jp\n", "optout");
    l.exclude("bounces.csv", "email\njiro@example.jp\n", "bounce");
    // An opt-in dated before today cannot lift a refusal ma-plan learned of today.
    l.import("form.csv",
             "id,email,consent,consent_source,consent_at\n"
             "1,taro@example.jp,opt-in,web form,2026-01-15\n"
             "2,hanako@example.jp,opt-in,web form,2026-01-15\n"
             "3,jiro@example.jp,opt-in,web form,2026-01-15\n",
             "form");
    CHECK(l.extracted().empty());
    // The flag and the opt-out file arrived on 2026-01-01; the opt-ins are newer and win. The
    // bounce is never lifted.
    l.sql(
        "UPDATE batches SET started_at = '2026-01-01T00:00:00Z' WHERE kind = 'exclude' OR "
        "source_id = (SELECT id FROM sources WHERE name = 'hubspot')");
    CHECK(l.extracted() == std::vector<std::string>{"taro@example.jp", "hanako@example.jp"});
}

TEST_CASE("suppression: comparable times") {
    CHECK(comparable_time("2026-10-01") == "2026-10-01T00:00:00");
    CHECK(comparable_time("2026/10/1 9:05") == "2026-10-01T09:05:00");
    CHECK(comparable_time("2026-10-01T09:30:00Z") == "2026-10-01T09:30:00");
    CHECK(comparable_time("2026-10-01T09:30:00.123+09:00") == "2026-10-01T00:30:00");
    CHECK(comparable_time("2026-10-01 01:30:00 -05:00") == "2026-10-01T06:30:00");
    CHECK(comparable_time("2026-01-01T03:00:00+09:00") == "2025-12-31T18:00:00");
    CHECK(comparable_time("２０２６年１０月１日") == "2026-10-01T00:00:00");
    CHECK(comparable_time("").empty());
    CHECK(comparable_time("2026-02-30").empty());
    CHECK(comparable_time("2026-10-01 25:00").empty());
    CHECK(comparable_time("10/01/2026").empty());
    CHECK(comparable_time("2026-10-01 garbage").empty());
}

TEST_CASE("suppression: times without an offset are read in the refusal's favour") {
    // The widest reading spans the UTC offsets in use (-12:00 to +14:00) and the missing
    // precision; a stated offset is one instant.
    auto day = time_span("2026-10-01");
    REQUIRE(day);
    CHECK(day->lo == "2026-09-30T10:00:00");
    CHECK(day->hi == "2026-10-02T11:59:59");
    CHECK(day->local_lo == "2026-10-01T00:00:00");
    CHECK(day->local_hi == "2026-10-01T23:59:59");
    CHECK_FALSE(day->has_offset);
    auto exact = time_span("2026-10-01T09:30:00+09:00");
    REQUIRE(exact);
    CHECK(exact->lo == "2026-10-01T00:30:00");
    CHECK(exact->hi == "2026-10-01T00:30:00");
    CHECK(exact->has_offset);
    CHECK_FALSE(time_span("2026-02-30"));
    // Two times without offsets are compared as written: the next day is later, the same day
    // is not (the hour of a date alone is unknown).
    CHECK(definitely_after(*time_span("2026-10-02"), *time_span("2026-10-01")));
    CHECK_FALSE(definitely_after(*time_span("2026-10-01 10:00"), *time_span("2026-10-01")));
    CHECK(definitely_after(*time_span("2026-10-01 10:01"), *time_span("2026-10-01 10:00")));
    // Against an exact time (an import's timestamp) an offset-less time spans every offset:
    // 2026-10-01 10:00 in Tokyo is 01:00Z, so it does not come after a refusal imported at 05:00Z.
    CHECK_FALSE(
        definitely_after(*time_span("2026-10-01 10:00"), *time_span("2026-10-01T05:00:00Z")));
    CHECK(definitely_after(*time_span("2026-10-02 10:00"), *time_span("2026-10-01T05:00:00Z")));
    CHECK_FALSE(definitely_after(*time_span("2026-10-01 10:00"), never_lifted()));
}

TEST_CASE("suppression: an opt-in on the same day as an opt-out does not lift it") {
    // Refused on 2026-10-01 (a date alone); the opt-in is dated the same day, 10:00. Which came
    // first cannot be told from the rows, so the refusal wins. An opt-in two days later, with
    // its offset, lifts it.
    Lists l;
    l.import("crm.csv",
             "id,email,consent,consent_source,consent_at\n"
             "1,taro@example.jp,opt-out,web form,2026-10-01\n",
             "crm");
    l.import("form.csv",
             "id,email,consent,consent_source,consent_at\n"
             "1,taro@example.jp,opt-in,web form,2026-10-01 10:00\n",
             "form");
    CHECK(l.extracted().empty());
    l.import("form.csv",
             "id,email,consent,consent_source,consent_at\n"
             "1,taro@example.jp,opt-in,web form,2026-10-03T10:00:00+09:00\n",
             "form");
    CHECK(l.extracted() == std::vector<std::string>{"taro@example.jp"});
}

// ---- Item 3: consent conflicts in the audit ----

TEST_CASE("suppression: the audit shows consent conflicts with file:row of both sides") {
    Lists l;
    l.import("expo.csv", cp932(expo_utf8), "expo");
    l.import("hubspot.csv",
             "Record ID,Email,Unsubscribed from all email\n501,KATO@kato.co.jp,true\n", "hubspot",
             "hubspot");
    l.import("sf.csv", "Id,Email,HasOptedOutOfEmail\n003A,Ito@ITO.co.jp,1\n", "salesforce",
             "salesforce");
    l.exclude("optout.csv", "email\n# from the web form\nｋｏｂａｙａｓｈｉ＠kobayashi.co.jp\n",
              "optout");
    const auto r = l.audit();
    CHECK(r.consent_conflicts.persons == 3);
    CHECK(r.consent_conflicts.lifted == 0);
    REQUIRE(r.consent_conflicts.examples.size() == 3);
    const std::string expo = (l.dir / "expo.csv").string();
    const auto& kato = r.consent_conflicts.examples[0];
    CHECK(kato.email == "k***@kato.co.jp");
    CHECK(kato.consent.file == expo);
    CHECK(kato.consent.row == 2);
    CHECK(kato.consent.source == "expo");
    CHECK(kato.refusal.file == (l.dir / "hubspot.csv").string());
    CHECK(kato.refusal.row == 2);
    CHECK(kato.refusal.source == "hubspot");
    const auto& kobayashi = r.consent_conflicts.examples[2];
    CHECK(kobayashi.refusal.file == (l.dir / "optout.csv").string());
    CHECK(kobayashi.refusal.row == 3);
    CHECK(kobayashi.refusal.source == "exclusions");

    const std::string json = render_audit_json(r, Lang::en);
    const std::string hub = (l.dir / "hubspot.csv").string();
    CHECK(json.find("  \"consent_conflicts\": {\"count\": 3, \"lifted\": 0, \"examples\": "
                    "[{\"email\": \"k***@kato.co.jp\", \"consent\": {\"file\": \"" +
                    expo + "\", \"row\": 2, \"source\": \"expo\"}, \"refusal\": {\"file\": \"" +
                    hub +
                    "\", \"row\": 2, \"source\": \"hubspot\"}, \"outcome\": \"refusal_wins\"}, ") !=
          std::string::npos);
    const std::string md = render_audit_markdown(r, Lang::en);
    CHECK(
        md.find("\n## Consent conflicts\n\nPeople with consent in one source and a refusal in "
                "another (or in an exclusion file): 3 (0 of them contactable again by a newer "
                "recorded opt-in). Otherwise the refusal wins.\n\n| email | consent (file:row) "
                "| refusal (file:row) | outcome |\n|---|---|---|---|\n| k\\*\\*\\*@kato.co.jp | " +
                expo + ":2 (expo) | " + hub + ":2 (hubspot) | refusal wins |\n") !=
        std::string::npos);
    const std::string ja = render_audit_markdown(r, Lang::ja);
    CHECK(ja.find("\n## 同意の食い違い\n\nあるソースで同意、別のソース(または除外リスト)で拒否"
                  "している人: 3 人(うち新しい同意の記録で配信可能に戻った人 0 人)。それ以外は拒否"
                  "が優先されます。\n") != std::string::npos);
    CHECK(ja.find("| − 別のソースで配信停止 | 2 |\n") != std::string::npos);
    CHECK(md.find("| − opted out in another source | 2 |\n") != std::string::npos);
    CHECK(render_waterfall_json(r.waterfall).find("\"opted_out_elsewhere\": 2, ") !=
          std::string::npos);
    // Must not fire: one record that is both opted in and flagged is no conflict between two.
    Lists one;
    one.import("crm.csv", "email,consent,consent_source,opted_out\nx@example.jp,opt-in,form,yes\n",
               "crm");
    CHECK(one.audit().consent_conflicts.persons == 0);
}

// ---- Item 14: every vendor suppression column is read; an unread one stops the import ----

TEST_CASE("suppression: vendor presets read every documented do-not-mail column") {
    struct Vendor {
        std::string preset;
        std::string header;  // the vendor's own column names (see presets.cpp for the sources)
        std::vector<std::string> rows;  // one suppressed row per signal, then one that is not
        std::string mapping;
    };
    const std::vector<Vendor> vendors = {
        {"hubspot",
         "Record ID,Email,Unsubscribed from all email,Is globally ineligible,Email Address "
         "Quarantined,Invalid email address,Email hard bounce reason",
         {"1,a@x.jp,true,false,false,false,", "2,b@x.jp,false,true,false,false,",
          "3,c@x.jp,false,false,true,false,", "4,d@x.jp,false,false,false,true,",
          "5,e@x.jp,false,false,false,false,BOUNCED: mailbox unavailable",
          "6,ok@x.jp,false,false,false,false,"},
         "opted_out←Unsubscribed from all email, bounced←Is globally ineligible, "
         "bounced←Email Address Quarantined, bounced←Invalid email address, bounced←Email hard "
         "bounce reason"},
        {"salesforce",
         "Id,Email,HasOptedOutOfEmail,EmailBouncedReason,EmailBouncedDate",
         {"1,a@x.jp,1,,", "2,b@x.jp,0,550 user unknown,", "3,c@x.jp,0,,2026-05-01T10:00:00Z",
          "6,ok@x.jp,0,,"},
         "opted_out←HasOptedOutOfEmail, bounced←EmailBouncedReason, bounced←EmailBouncedDate"},
        {"marketo",
         "Id,Email Address,Unsubscribed,Email Invalid,Marketing Suspended,Email Suspended",
         {"1,a@x.jp,true,false,false,false", "2,b@x.jp,false,true,false,false",
          "3,c@x.jp,false,false,true,false", "6,ok@x.jp,false,false,false,true"},
         "opted_out←Unsubscribed, bounced←Marketing Suspended, bounced←Email Invalid"},
        {"eloqua",
         "Eloqua Contact ID,Email Address,IsSubscribed,IsBounced",
         {"1,a@x.jp,false,false", "2,b@x.jp,true,true", "6,ok@x.jp,true,false", "7,ok2@x.jp,,"},
         "opted_out←IsSubscribed, bounced←IsBounced"},
    };
    for (const auto& v : vendors) {
        INFO(v.preset);
        Lists l;
        std::string file = v.header + "\n";
        for (const auto& r : v.rows) file += r + "\n";
        auto s = l.import(v.preset + ".csv", file, v.preset, v.preset);
        std::string mapping;
        for (const auto& [field, column] : s.mapping) {
            if (field == "opted_out" || field == "bounced")
                mapping += (mapping.empty() ? "" : ", ") + field + "←" + column;
        }
        CHECK(mapping == v.mapping);
        // Every contact consents elsewhere; only the unsuppressed ones come out.
        std::string consent = "email,consent,consent_source\n";
        for (const auto& r : v.rows) {
            const auto start = r.find(',') + 1;
            consent += r.substr(start, r.find(',', start) - start) + ",opt-in,form\n";
        }
        l.import("consent.csv", consent, "form");
        std::vector<std::string> expected = {"ok@x.jp"};
        if (v.preset == "eloqua") expected.push_back("ok2@x.jp");
        CHECK(l.extracted() == expected);
    }
}

TEST_CASE("suppression: headers that read as do-not-mail signals") {
    // Must fire: the vendors' columns and the usual Japanese headings.
    for (const char* h : {"Unsubscribed from all email",
                          "Opted out of email: Marketing Information",
                          "Email hard bounce reason",
                          "Email Address Quarantined",
                          "Is globally ineligible",
                          "HasOptedOutOfEmail",
                          "Email Opt Out",
                          "EmailBouncedReason",
                          "Do Not Email",
                          "do_not_contact",
                          "Marketing Suspended",
                          "Black Listed",
                          "Portal Spam Report",
                          "IsBounced",
                          "DNC",
                          "配信停止",
                          "配信停止フラグ",
                          "メール配信拒否",
                          "不達フラグ",
                          "メール不可",
                          "迷惑メール報告",
                          "ｵﾌﾟﾄｱｳﾄ"})
        CHECK(looks_like_suppression_signal(h));
    // Must not fire: consent and ordinary columns.
    for (const char* h : {"Email", "メールアドレス", "メール配信同意", "配信同意",
                          "Marketing consent", "Subscription Status", "Lifecycle Stage",
                          "Do Not Call", "同意日時", "会社名", "Company Name", "IsSubscribed"})
        CHECK_FALSE(looks_like_suppression_signal(h));
}

TEST_CASE("suppression: an unread do-not-mail column stops the import / --ignore-column") {
    Lists l;
    const std::string file =
        "Record ID,Email,Marketing consent,Email Address Quarantined,不達フラグ\n"
        "1,a@x.jp,opt-in,true,1\n";
    write_file(l.dir / "hubspot.csv", file);
    const std::string before = lists_test::db_fingerprint(l.db);
    const std::string f = (l.dir / "hubspot.csv").string();
    SourceConfig s;
    s.name = "hubspot";
    s.columns = {{"consent", "Marketing consent"}};
    {
        auto ws = Workspace::open(l.db);
        try {
            import_contacts(ws, l.dir / "hubspot.csv", s);  // generic preset: reads neither
            FAIL("accepted");
        } catch (const UsageError& e) {
            CHECK(e.message().en ==
                  f + ": error: column \"Email Address Quarantined\", \"不達フラグ\" reads as an "
                      "opt-out, unsubscribe, bounce or \"do not contact\" signal, but nothing "
                      "reads it; map it with --map opted_out=COLUMN (a refusal) or --map "
                      "bounced=COLUMN (an undeliverable or blocked address), or pass "
                      "--ignore-column \"Email Address Quarantined\" if it is not one; nothing "
                      "was imported");
            CHECK(e.message().ja ==
                  f + ": エラー: 列 \"Email Address Quarantined\", \"不達フラグ\" は配信停止・配信"
                      "拒否・不達・連絡不可の印に見えますが、読み取る対応付けがありません。--map "
                      "opted_out=列名(本人の拒否)か --map bounced=列名(不達・送信停止)で対応付け"
                      "るか、そうでなければ --ignore-column \"Email Address Quarantined\" を指定"
                      "してください。何も取り込んでいません");
        }
        s.ignored_columns = {"Not There"};
        try {
            import_contacts(ws, l.dir / "hubspot.csv", s);
            FAIL("accepted");
        } catch (const UsageError& e) {
            CHECK(e.message().en ==
                  f + ": error: --ignore-column \"Not There\": the header has no such column");
        }
    }
    CHECK(lists_test::db_fingerprint(l.db) == before);
    // Mapped: read, and the person is suppressed. Ignored: imported, not read.
    s.ignored_columns = {"email address quarantined"};
    s.columns.emplace_back("bounced", "不達フラグ");
    auto ws = Workspace::open(l.db);
    auto summary = import_contacts(ws, l.dir / "hubspot.csv", s);
    CHECK(summary.mapping.back() == std::pair<std::string, std::string>("bounced", "不達フラグ"));
    CHECK(l.extracted().empty());
}

// ---- The built binary, as a new user runs it ----

TEST_CASE("suppression e2e: a mistyped --reason exits 4 with did you mean and changes nothing") {
    TempDir dir;
    using lists_test::run_ma_plan;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    write_file(dir / "optout.csv", "email\ntaro@example.jp\n");
    const std::string before = lists_test::db_fingerprint(dir / "w.db");
    auto r = run_ma_plan({"lists", "exclude", "optout.csv", "--reason", "optuot", "--db", "w.db"},
                         dir.path);
    CHECK(r.exit_code == 4);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "ma-plan: unknown reason \"optuot\"; did you mean \"optout\"? (allowed: optout, bounce, "
          "complaint, competitor, internal, role, legal, other)\n");
    r = run_ma_plan({"--lang", "ja", "lists", "exclude", "--domain", "rival.co.jp", "--reason",
                     "competitr", "--db", "w.db"},
                    dir.path);
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: 不明な理由「competitr」です。「competitor」の誤りではありませんか?(使える理由: "
          "optout, bounce, complaint, competitor, internal, role, legal, other)\n");
    CHECK(lists_test::db_fingerprint(dir / "w.db") == before);
}

TEST_CASE("suppression e2e: an unmapped do-not-mail column exits 4 / --ignore-column lets it in") {
    TempDir dir;
    using lists_test::run_ma_plan;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    write_file(dir / "crm.csv",
               "email,consent,consent_source,Do Not Email\ntaro@example.jp,opt-in,form,\n");
    const std::string before = lists_test::db_fingerprint(dir / "w.db");
    auto r =
        run_ma_plan({"lists", "import", "crm.csv", "--source", "crm", "--db", "w.db"}, dir.path);
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: crm.csv: error: column \"Do Not Email\" reads as an opt-out, unsubscribe, "
          "bounce or \"do not contact\" signal, but nothing reads it; map it with --map "
          "opted_out=COLUMN (a refusal) or --map bounced=COLUMN (an undeliverable or blocked "
          "address), or pass --ignore-column \"Do Not Email\" if it is not one; nothing was "
          "imported\n");
    CHECK(lists_test::db_fingerprint(dir / "w.db") == before);
    r = run_ma_plan({"lists", "import", "crm.csv", "--source", "crm", "--ignore-column",
                     "Do Not Email", "--db", "w.db"},
                    dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "crm: imported crm.csv as import #1 (utf-8): 1 rows — 1 new, 0 changed, 0 unchanged\n"
          "  encoding: utf-8, because every byte is ASCII\n"
          "  columns: email←email, consent←consent, consent_source←consent_source\n"
          "  not mapped: Do Not Email\n");
}

TEST_CASE("suppression e2e: the issue's scenario on a fresh workspace") {
    TempDir dir;
    using lists_test::run_ma_plan;
    REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    write_file(dir / "expo.csv", cp932(expo_utf8));
    write_file(dir / "hubspot.csv",
               "Record ID,Email,Unsubscribed from all email\n501,KATO@kato.co.jp,true\n");
    write_file(dir / "sf.csv", "Id,Email,HasOptedOutOfEmail\n003A,Ito@ITO.co.jp,1\n");
    write_file(dir / "optout.csv", "email\nｋｏｂａｙａｓｈｉ＠kobayashi.co.jp\n");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"lists", "import", "expo.csv", "--source", "expo", "--db", "w.db"},
             {"lists", "import", "hubspot.csv", "--source", "hubspot", "--preset", "hubspot",
              "--db", "w.db"},
             {"lists", "import", "sf.csv", "--source", "sf", "--preset", "salesforce", "--db",
              "w.db"}}) {
        REQUIRE(run_ma_plan(args, dir.path).exit_code == 0);
    }
    auto r = run_ma_plan({"lists", "exclude", "optout.csv", "--reason", "optout", "--db", "w.db"},
                         dir.path);
    CHECK(r.out ==
          "optout.csv: added 1 exclusions (reason optout, 0 of them domains; 0 already "
          "excluded)\n");
    r = run_ma_plan({"--lang", "ja", "lists", "extract", "--out", "out.csv", "--db", "w.db"},
                    dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "out.csv に配信可能な連絡先 1 件を書き出しました(utf-8)\n\n"
          "| 段階 | 件数 |\n|---|---:|\n"
          "| 取り込み | 6 |\n"
          "| − 不正なアドレス | 0 |\n"
          "| − 同意なし(未記録・オプトアウト) | 2 |\n"
          "| − 除外 | 1 |\n"
          "|   うち optout | 1 |\n"
          "| − 別のソースで配信停止 | 2 |\n"
          "| − 重複 | 0 |\n"
          "| = 配信可能 | 1 |\n");
    const std::string out = read_file(dir / "out.csv");
    CHECK(out.find("kato@kato.co.jp") == std::string::npos);
    CHECK(out.find("ito@ito.co.jp") == std::string::npos);
    CHECK(out.find("kobayashi@kobayashi.co.jp") == std::string::npos);
    CHECK(out.find("\nsato@kato.co.jp,") != std::string::npos);
    r = run_ma_plan({"lists", "audit", "--format", "json", "--db", "w.db"}, dir.path);
    CHECK(r.out.find("  \"consent_conflicts\": {\"count\": 3, \"lifted\": 0, \"examples\": "
                     "[{\"email\": \"k***@kato.co.jp\", \"consent\": {\"file\": \"expo.csv\", "
                     "\"row\": 2, \"source\": \"expo\"}, \"refusal\": {\"file\": "
                     "\"hubspot.csv\", \"row\": 2, \"source\": \"hubspot\"}, \"outcome\": "
                     "\"refusal_wins\"}") != std::string::npos);
}
