// Inline suppressions, through the whole validate pipeline. Only SCHEMA-* (loader) and SUPPRESS-*
// findings are looked at, so the test does not depend on which plan rules exist.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "rules/suppress.hpp"
#include "rules/validate.hpp"

using namespace maplan;

namespace {

std::vector<std::string> findings(const std::string& text, const ValidateOptions& options = {}) {
    FileResult r = validate_source(std::make_shared<SourceFile>("plan.yaml", text), options);
    REQUIRE_FALSE(r.fatal);
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
        if (!f.rule_id.starts_with("SCHEMA-") && !f.rule_id.starts_with("SUPPRESS-")) continue;
        out.push_back(fmt::format("{}:{}: {}: {} [{}]", f.pos.line, f.pos.column,
                                  to_string(f.severity), f.message.en, f.rule_id));
    }
    return out;
}

const std::string plan_head = "ma_plan: 1\nproject:\n  name: Suppressed\n";

}  // namespace

TEST_CASE("suppress: disable-next-line and disable-line hide exactly their finding") {
    std::string plan =
        plan_head +
        "  # ma-plan: disable-next-line SCHEMA-005 new product name, not listed yet\n"
        "\n"
        "  # another comment between the suppression and its line\n"
        "  tool: hubspt\n"
        "  languag: ja  # ma-plan: disable-line SCHEMA-001 -- kept for the old tool\n"
        "  clent: A社\n";
    CHECK(findings(plan) ==
          std::vector<std::string>{"9:3: error: unknown key \"clent\" in project; did you mean "
                                   "\"client\"? [SCHEMA-001]"});
}

TEST_CASE("suppress: every finding comes back with the switch off") {
    std::string plan = plan_head + "  tool: hubspt  # ma-plan: disable-line SCHEMA-005 reason\n";
    ValidateOptions off;
    off.inline_suppressions = false;
    CHECK(findings(plan, off) ==
          std::vector<std::string>{"4:9: error: \"hubspt\" is not allowed for \"tool\"; did you "
                                   "mean \"hubspot\"? [SCHEMA-005]"});
    CHECK(findings(plan).empty());
}

TEST_CASE("suppress: disable-file covers the whole file / several IDs per comment") {
    std::string plan = "# ma-plan: disable-file SCHEMA-005, SCHEMA-001 migrated plan, see #12\n" +
                       plan_head + "  tool: hubspt\n  languag: ja\n  clent: A社\n";
    CHECK(findings(plan).empty());
}

TEST_CASE("suppress: a suppression that suppresses nothing is reported (stale)") {
    std::string plan = plan_head +
                       "  # ma-plan: disable-next-line SCHEMA-005,SCHEMA-001 tool was misspelt\n"
                       "  tool: hubspot\n"
                       "# ma-plan: disable-file REF-001 nothing refers to stakeholders\n";
    CHECK(findings(plan) ==
          std::vector<std::string>{
              "4:32: warning: suppression of SCHEMA-005 matches no finding on line 5 "
              "[SUPPRESS-001]",
              "4:43: warning: suppression of SCHEMA-001 matches no finding on line 5 "
              "[SUPPRESS-001]",
              "6:25: warning: suppression of REF-001 matches no finding in this file "
              "[SUPPRESS-001]",
          });
    // A rule the configuration switched off is not "stale": the comment may matter elsewhere.
    ValidateOptions options;
    options.disabled_rules = {"SCHEMA-005", "SCHEMA-001", "REF-001"};
    CHECK(findings(plan, options).empty());
}

TEST_CASE("suppress: malformed suppressions get did-you-mean") {
    std::string plan = plan_head +
                       "  tool: hubspt  # ma-plan: disable-line SCHEMA-05 typo in the ID\n"
                       "  # ma-plan: disable-nextline SCHEMA-001 typo in the directive\n"
                       "  languag: ja\n"
                       "  client: X  # ma-plan: disable-line\n"
                       "  # ma-plan: disable-line SCHEMA-001\n"
                       "# ma-plan: disable-next-line SCHEMA-001 nothing follows\n";
    CHECK(findings(plan) ==
          std::vector<std::string>{
              "4:9: error: \"hubspt\" is not allowed for \"tool\"; did you mean \"hubspot\"? "
              "[SCHEMA-005]",
              "4:41: error: unknown rule \"SCHEMA-05\" in suppression; did you mean "
              "\"SCHEMA-005\"? [SUPPRESS-002]",
              "5:3: error: unknown suppression \"disable-nextline\"; did you mean "
              "\"disable-next-line\"? [SUPPRESS-002]",
              "6:3: error: unknown key \"languag\" in project; did you mean \"language\"? "
              "[SCHEMA-001]",
              "7:14: error: \"disable-line\" names no rule to suppress [SUPPRESS-002]",
              "8:3: warning: suppression of SCHEMA-001 gives no reason [SUPPRESS-003]",
              "8:27: warning: suppression of SCHEMA-001 matches no finding on line 8 "
              "[SUPPRESS-001]",
              "9:1: error: \"disable-next-line\" has no line after it to apply to [SUPPRESS-002]",
          });
}

TEST_CASE("suppress: '# ma-plan:' inside a quoted string is text / not a directive") {
    std::string plan = plan_head +
                       "  client: \"A # ma-plan: disable-line SCHEMA-005 x\"\n"
                       "  tool: hubspt\n";
    CHECK(findings(plan).size() == 1);
    auto scan = scan_suppressions(SourceFile("p.yaml", plan));
    CHECK(scan.suppressions.empty());
    CHECK(scan.problems.empty());
}

TEST_CASE("suppress: SUPPRESS rules are in the registry") {
    for (auto id : {"SUPPRESS-001", "SUPPRESS-002", "SUPPRESS-003"}) {
        const auto* rule = rules::find_rule(id);
        REQUIRE(rule != nullptr);
        CHECK_FALSE(rule->title.ja.empty());
        CHECK_FALSE(rule->hint.en.empty());
    }
}

TEST_CASE(
    "suppress: a directive inside a block scalar or a quoted string is text / not a comment") {
    // Both would hide SCHEMA-005 if they counted; they must not.
    const std::string finding =
        "4:9: error: \"hubspt\" is not allowed for \"tool\"; did you mean \"hubspot\"? "
        "[SCHEMA-005]";
    std::string in_block = plan_head +
                           "  tool: hubspt\n  client: |\n"
                           "    # ma-plan: disable-file SCHEMA-005 text of the block\n";
    CHECK(findings(in_block) == std::vector<std::string>{finding});
    std::string in_quotes = plan_head +
                            "  tool: hubspt\n  client: \"first\n"
                            "    # ma-plan: disable-file SCHEMA-005 inside the string\n"
                            "    last\"\n";
    CHECK(findings(in_quotes) == std::vector<std::string>{finding});
    // The same directive as a real comment after the block does suppress.
    std::string after = in_block + "# ma-plan: disable-file SCHEMA-005 the real comment\n";
    CHECK(findings(after).empty());
}
