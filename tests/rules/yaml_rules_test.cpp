// YAML-001..005: the input-method slips stop the file from being read, so they are the fatal
// error of the file (exit 2) rather than findings; each fires at the offending character and
// stays quiet on the same character where YAML reads it as text. The messages in both languages
// are asserted whole in tests/unit/yaml_ime_test.cpp.
#include "helpers.hpp"

namespace {

/// "line:col RULE-ID" of the file's fatal error, or "" when the plan was read.
std::string fatal_rule(const std::string& yaml) {
    auto result = maplan::validate_source(std::make_shared<maplan::SourceFile>("plan.yaml", yaml),
                                          maplan::ValidateOptions{});
    if (!result.fatal) return "";
    return fmt::format("{}:{} {}", result.fatal->pos.line, result.fatal->pos.column,
                       result.fatal->rule_id);
}

}  // namespace

TEST_CASE("YAML-001 fires", "[rule]") {
    CHECK(fatal_rule("ma_plan: 1\nproject:\n\xE3\x80\x80name: P\n  tool: eloqua\n") ==
          "3:1 YAML-001");
    CHECK(fatal_rule("ma_plan: 1\nproject:\n  name:\xE3\x80\x80P\n  tool: eloqua\n") ==
          "3:8 YAML-001");
}

TEST_CASE("YAML-001 stays quiet", "[rule]") {
    // Full-width spaces inside values, quotes and block scalars are text.
    CHECK(fatal_rule("ma_plan: 1\nproject:\n  name: A社　MA導入\n  client: \"　株式会社\"\n"
                     "  tool: eloqua\nproblems:\n  - |\n    　字下げした段落\n") == "");
}

TEST_CASE("YAML-002 fires", "[rule]") {
    CHECK(fatal_rule("ma_plan: 1\nproject:\n  name： P\n  tool: eloqua\n") == "3:7 YAML-002");
    // Not a slip on its own line, but what yaml-cpp fails on a line later.
    CHECK(fatal_rule("ma_plan: 1\nproject:\n  name：P\n  tool: eloqua\n") == "3:7 YAML-002");
}

TEST_CASE("YAML-002 stays quiet", "[rule]") {
    CHECK(fatal_rule("ma_plan: 1\nproject:\n  name: 定例 10：00 開始\n  client: \"A社： 本社\"\n"
                     "  tool: eloqua  # 全角コロン： コメント\n") == "");
}

TEST_CASE("YAML-003 fires", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) + "problems:\n  ー 課題A\n") == "4:3 YAML-003");
    CHECK(fatal_rule(std::string(rules_test::head) + "problems:\n  － 課題A\n") == "4:3 YAML-003");
}

TEST_CASE("YAML-003 stays quiet", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) +
                     "problems:\n  - データー連携\n  - \"ー 引用\"\n  - ーa\n") == "");
}

TEST_CASE("YAML-004 fires", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) + "problems: ［課題A, 課題B］\n") ==
          "3:11 YAML-004");
    CHECK(fatal_rule(std::string(rules_test::head) + "problems: [課題A, 課題B］\n") ==
          "3:20 YAML-004");
}

TEST_CASE("YAML-004 stays quiet", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) +
                     "problems:\n  - ［重要］ 展示会リードが放置されている\n  - ［重要］\n") == "");
}

TEST_CASE("YAML-005 fires", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) + "problems: [課題A、課題B]\n") ==
          "3:15 YAML-005");
    CHECK(fatal_rule(std::string(rules_test::head) + "problems: [課題A，課題B]\n") ==
          "3:15 YAML-005");
}

TEST_CASE("YAML-005 stays quiet", "[rule]") {
    CHECK(fatal_rule(std::string(rules_test::head) +
                     "problems: [\"東京、大阪\", 名古屋]\nsegments:\n  - {id: s, criteria: "
                     "\"東京、大阪\"}\n") == "");
    CHECK(fatal_rule(std::string(rules_test::head) + "problems:\n  - 東京、大阪，名古屋\n") == "");
}
