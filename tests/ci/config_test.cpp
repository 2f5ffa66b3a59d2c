// .ma-plan.yaml: every key, and whole error messages with their positions.
#include <catch2/catch.hpp>

#include "ci/helpers.hpp"
#include "config/config.hpp"

using namespace maplan;

namespace {

config::LoadedConfig parse(const std::string& text) {
    return config::parse_config(std::make_shared<SourceFile>(".ma-plan.yaml", text));
}

std::vector<std::string> messages(const config::LoadedConfig& c, Lang lang = Lang::en) {
    std::vector<std::string> out;
    for (const auto& e : c.errors) out.push_back(e.format(lang));
    return out;
}

}  // namespace

TEST_CASE("config: every key is read") {
    auto c = parse(
        "language: ja\n"
        "fail_on: warning\n"
        "inline_suppressions: false\n"
        "rules:\n"
        "  RACI-001: off\n"
        "  RACI-002: info\n"
        "thresholds:\n"
        "  bulk_daily_volume: 3000\n"
        "  min_dkim_bits: 2048\n");
    REQUIRE(c.errors.empty());
    CHECK(c.config.language == Lang::ja);
    CHECK(c.config.fail_on == Severity::warning);
    CHECK(c.config.inline_suppressions == false);
    CHECK(c.config.disabled_rules == std::set<std::string>{"RACI-001"});
    CHECK(c.config.severity_overrides.at("RACI-002") == Severity::info);
    CHECK(c.config.thresholds.bulk_daily_volume == 3000);
    CHECK(c.config.thresholds.min_dkim_bits == 2048);
    CHECK(c.config.thresholds.max_owner_share == rules::Thresholds{}.max_owner_share);

    ValidateOptions o = config::validate_options(c.config, std::nullopt);
    CHECK_FALSE(o.inline_suppressions);
    CHECK(config::validate_options(c.config, true).inline_suppressions);
    CHECK(o.disabled_rules.count("RACI-001") == 1);
}

TEST_CASE("config: an empty file is all defaults") {
    auto c = parse("# nothing configured yet\n");
    CHECK(c.errors.empty());
    CHECK_FALSE(c.config.language);
    CHECK(config::validate_options(c.config, std::nullopt).inline_suppressions);
}

TEST_CASE("config: unknown keys / rule IDs and values are errors with did-you-mean") {
    auto c = parse(
        "fail-on: warning\n"
        "rules:\n"
        "  RACI-01: off\n"
        "  raci-001: off\n"
        "  RACI-002: loud\n"
        "thresholds:\n"
        "  bulk_daily_volum: 3\n"
        "  min_dkim_bits: 1024.5\n"
        "language: jp\n"
        "language: en\n");
    CHECK(messages(c) ==
          std::vector<std::string>{
              ".ma-plan.yaml:10:1: duplicate key \"language\"",
              ".ma-plan.yaml:1:1: unknown key \"fail-on\"; did you mean \"fail_on\"? (known keys: "
              "language, fail_on, inline_suppressions, max_findings_per_rule, rules, thresholds, "
              "spf_includes, ignore)",
              ".ma-plan.yaml:3:3: unknown rule \"RACI-01\"; did you mean \"RACI-001\"?",
              ".ma-plan.yaml:4:3: unknown rule \"raci-001\"; did you mean \"RACI-001\"?",
              ".ma-plan.yaml:5:13: \"loud\" is not allowed for \"RACI-002\" (allowed: off, error, "
              "warning, info)",
              ".ma-plan.yaml:7:3: unknown key \"bulk_daily_volum\"; did you mean "
              "\"bulk_daily_volume\"? (known keys: bulk_daily_volume, min_ip_warming_weeks, "
              "min_dkim_bits, recommended_dkim_bits, max_owner_share, unsubscribe_max_days)",
              ".ma-plan.yaml:8:18: \"min_dkim_bits\" must be a whole number in 512..16384, not "
              "\"1024.5\"",
              ".ma-plan.yaml:9:11: \"jp\" is not allowed for \"language\"; did you mean \"ja\"? "
              "(allowed: ja, en)",
          });
    CHECK(messages(parse("rules: [RACI-001]\n"), Lang::ja) ==
          std::vector<std::string>{".ma-plan.yaml:1:8: 「rules」はマッピングで書いてください"});
}

TEST_CASE("config: spf_includes overrides a catalogue entry or adds one") {
    auto c = parse(
        "spf_includes:\n"
        "  MKTOMAIL.com: {nested_lookups: 3, measured: 2026-11-30, source: \"dig TXT\"}\n"
        "  _spf.crm.example: {nested_lookups: 0, measured: 2026-11-29, source: \"vendor mail\", "
        "vendor: Example CRM}\n");
    REQUIRE(c.errors.empty());
    const auto& table = c.config.thresholds.spf_includes;
    const mail::IncludeCost* mkto = mail::find_include(table, "mktomail.com");
    REQUIRE(mkto != nullptr);
    CHECK(mkto->nested_lookups == 3);
    CHECK(mkto->vendor == "Adobe Marketo Engage");  // kept from the bundled entry
    CHECK(mkto->measured == "2026-11-30");
    const mail::IncludeCost* crm = mail::find_include(table, "_spf.crm.example");
    REQUIRE(crm != nullptr);
    CHECK(crm->vendor == "Example CRM");
    CHECK(mail::find_include(table, "_spf.google.com")->nested_lookups == 2);  // untouched
}

TEST_CASE("config: spf_includes entries need a count a date and a source") {
    auto c = parse(
        "spf_includes:\n"
        "  mktomail.com: {nested_lookups: 3}\n"
        "  a.example: {nested_lookups: -1, measured: 2026-11-30, source: x}\n"
        "  b.example: {nested_lookup: 1, measured: 2026-11-30, source: x}\n");
    CHECK(messages(c) ==
          std::vector<std::string>{
              ".ma-plan.yaml:2:17: spf_includes entry \"mktomail.com\" needs nested_lookups, "
              "measured (the date) and source",
              ".ma-plan.yaml:3:31: \"nested_lookups\" must be a whole number in 0..100, not "
              "\"-1\"",
              ".ma-plan.yaml:4:15: unknown key \"nested_lookup\"; did you mean \"nested_lookups\"? "
              "(known keys: nested_lookups, measured, source, vendor)",
          });
    // A rejected entry leaves the bundled figure in place.
    CHECK(mail::find_include(c.config.thresholds.spf_includes, "mktomail.com")->nested_lookups ==
          0);
}

TEST_CASE("config: numbers as Japanese documents write them get the plain number") {
    auto c = parse(
        "thresholds:\n"
        "  bulk_daily_volume: 5,000\n"
        "  max_owner_share: 80%\n"
        "  min_dkim_bits: ２０４８\n"
        "spf_includes:\n"
        "  a.example: {nested_lookups: 3件, measured: 2026-11-30, source: x}\n"
        "  b.example: {nested_lookups: 1, measured: 2026-02-30, source: x}\n"
        "  c.example: {nested_lookups: 1, measured: R8.11.30, source: x}\n");
    CHECK(messages(c) ==
          std::vector<std::string>{
              ".ma-plan.yaml:2:22: \"bulk_daily_volume\" must be a number in 0..1000000000, not "
              "\"5,000\": write 5000, without thousands separators",
              ".ma-plan.yaml:3:20: \"max_owner_share\" must be a number in 0..1, not \"80%\": a "
              "rate is a share of 1: write 0.8",
              ".ma-plan.yaml:4:18: \"min_dkim_bits\" must be a whole number in 512..16384, not "
              "\"２０４８\": write 2048 in half-width digits",
              ".ma-plan.yaml:6:31: \"nested_lookups\" must be a whole number in 0..100, not "
              "\"3件\": write 3, without \"件\"",
              ".ma-plan.yaml:7:44: \"2026-02-30\" in \"measured\" is not a real date: February "
              "has no day 30",
              ".ma-plan.yaml:8:44: \"R8.11.30\" in \"measured\" is not written YYYY-MM-DD; write "
              "2026-11-30",
          });
    CHECK(messages(parse("thresholds:\n  bulk_daily_volume: 5,000\n"), Lang::ja) ==
          std::vector<std::string>{".ma-plan.yaml:2:22: 「bulk_daily_volume」は 0..1000000000 の"
                                   "数値で書いてください (「5,000」になっています)。桁区切りのカン"
                                   "マを外して 5000 と書いてください"});
}

TEST_CASE("config: every number has a range per key / nothing wraps or saturates") {
    // 3000000000 once wrapped to -2147483648 and switched MAIL-011 off.
    auto c = parse(
        "thresholds:\n"
        "  min_dkim_bits: 3000000000\n"
        "  bulk_daily_volume: 1e30\n"
        "  max_owner_share: 1.5\n"
        "  unsubscribe_max_days: .nan\n"
        "  recommended_dkim_bits: \"2048\"\n"
        "max_findings_per_rule: 2.5\n");
    CHECK(messages(c) ==
          std::vector<std::string>{
              ".ma-plan.yaml:2:18: \"min_dkim_bits\" must be a whole number in 512..16384, not "
              "\"3000000000\"",
              ".ma-plan.yaml:3:22: \"bulk_daily_volume\" must be a number in 0..1000000000, not "
              "\"1e30\"",
              ".ma-plan.yaml:4:20: \"max_owner_share\" must be a number in 0..1, not \"1.5\"",
              ".ma-plan.yaml:5:25: \"unsubscribe_max_days\" must be a number in 0..365, not "
              "\".nan\"",
              ".ma-plan.yaml:6:26: \"recommended_dkim_bits\" must be a whole number in 512..16384, "
              "not \"2048\"",
              ".ma-plan.yaml:7:24: \"max_findings_per_rule\" must be a whole number in "
              "0..1000000, not \"2.5\"",
          });
    CHECK(messages(parse("thresholds:\n  min_dkim_bits: 3000000000\n"), Lang::ja) ==
          std::vector<std::string>{".ma-plan.yaml:2:18: 「min_dkim_bits」は 512..16384 の整数で"
                                   "書いてください (「3000000000」になっています)"});
    CHECK(c.config.thresholds.min_dkim_bits == rules::Thresholds{}.min_dkim_bits);
    auto ok = parse("thresholds:\n  min_dkim_bits: 16384\nmax_findings_per_rule: 0\n");
    CHECK(ok.errors.empty());
    CHECK(ok.config.thresholds.min_dkim_bits == 16384);
    CHECK(ok.config.max_findings_per_rule == std::size_t{0});
}

TEST_CASE("config: a YAML syntax error is reported at its position") {
    auto c = parse("rules:\n  RACI-001: [off\n");
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].pos.known());
}

TEST_CASE("config: found by walking up / nearest first / never above the repository") {
    ci_test::TempDir tmp;
    std::filesystem::create_directories(tmp / "outer/repo/.git");
    std::filesystem::create_directories(tmp / "outer/repo/plans/team");
    ci_test::write_file(tmp / "outer/.ma-plan.yaml", "language: en\n");
    CHECK_FALSE(config::find_config(tmp / "outer/repo/plans/team"));

    ci_test::write_file(tmp / "outer/repo/.ma-plan.yaml", "language: ja\n");
    auto found = config::find_config(tmp / "outer/repo/plans/team");
    REQUIRE(found);
    CHECK(std::filesystem::equivalent(*found, tmp / "outer/repo/.ma-plan.yaml"));

    ci_test::write_file(tmp / "outer/repo/plans/.ma-plan.yml", "fail_on: info\n");
    found = config::find_config(tmp / "outer/repo/plans/team");
    REQUIRE(found);
    CHECK(std::filesystem::equivalent(*found, tmp / "outer/repo/plans/.ma-plan.yml"));
    // Without a .git the walk goes on to the parent directories.
    CHECK(config::find_config(tmp / "outer"));
}
