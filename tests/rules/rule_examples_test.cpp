// Issue 13: every rule's documentation carries an incorrect and a correct example
// (RuleDescriptor::example), and each one does what the docs say: the incorrect plan gets a
// finding of that rule, the correct plan none. Both must be plans the loader accepts, so an
// example cannot "pass" by being unreadable or by tripping a schema error instead.
#include <set>

#include "helpers.hpp"
#include "rules/example.hpp"
#include "rules/rule.hpp"

namespace {

/// Rules whose examples cannot be shown as a plan excerpt, with the reason. None today: the
/// suppression rules (SUPPRESS-*) carry their comment in the fragment, the thresholds are the
/// documented defaults, and no rule reads DNS or the lists workspace. A rule added here must
/// say why, and is still required to have both examples.
const std::set<std::string_view> exempt = {};

/// The findings of an example. The input-method rules (YAML-*) stop the file from being read,
/// so for `fatal_rule` a parse error of exactly that rule counts as its finding; any other
/// parse error fails the test.
std::vector<maplan::Finding> validate_example(std::string_view fragment,
                                              std::string_view fatal_rule = {}) {
    auto source =
        std::make_shared<maplan::SourceFile>("example.yaml", maplan::rules::example_plan(fragment));
    maplan::FileResult result = maplan::validate_source(source, {});
    if (result.fatal.has_value() && !fatal_rule.empty() && result.fatal->rule_id == fatal_rule) {
        maplan::Finding f;
        f.rule_id = std::string(fatal_rule);
        return {f};
    }
    REQUIRE_FALSE(result.fatal.has_value());
    return result.findings;
}

bool has_rule(const std::vector<maplan::Finding>& findings, std::string_view id) {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const maplan::Finding& f) { return f.rule_id == id; });
}

/// SCHEMA findings in an example mean it tests the loader, not the rule (unless the rule is
/// a SCHEMA rule and this is its incorrect example).
void require_schema_clean(const std::vector<maplan::Finding>& findings, std::string_view except) {
    for (const auto& f : findings) {
        if (f.rule_id == except) continue;
        INFO(rules_test::line_of(f));
        CHECK(f.rule_id.rfind("SCHEMA-", 0) != 0);
    }
}

}  // namespace

TEST_CASE("rule examples: every rule has an incorrect and a correct example", "[examples]") {
    for (const auto& rule : maplan::rules::registry()) {
        INFO(rule.id);
        CHECK_FALSE(maplan::rules::example_yaml(rule.example.incorrect).empty());
        CHECK_FALSE(maplan::rules::example_yaml(rule.example.correct).empty());
        CHECK(rule.example.incorrect != rule.example.correct);
    }
}

TEST_CASE("rule examples: the incorrect example fires its rule", "[examples]") {
    for (const auto& rule : maplan::rules::registry()) {
        if (exempt.count(rule.id) != 0) continue;
        INFO(rule.id << " incorrect example, as validated:\n"
                     << maplan::rules::example_plan(rule.example.incorrect));
        auto findings = validate_example(rule.example.incorrect, rule.id);
        CHECK(has_rule(findings, rule.id));
        require_schema_clean(findings, rule.id);
    }
}

TEST_CASE("rule examples: the correct example does not fire its rule", "[examples]") {
    for (const auto& rule : maplan::rules::registry()) {
        if (exempt.count(rule.id) != 0) continue;
        INFO(rule.id << " correct example, as validated:\n"
                     << maplan::rules::example_plan(rule.example.correct));
        auto findings = validate_example(rule.example.correct);
        for (const auto& f : findings) {
            if (f.rule_id != rule.id) continue;
            INFO(rules_test::line_of(f));
            CHECK(false);
        }
        require_schema_clean(findings, "");
    }
}

TEST_CASE("rule examples: the base plan is valid on its own", "[examples]") {
    auto findings = validate_example("");
    require_schema_clean(findings, "");
    // The base fires only the rules about the sections it leaves out. For every other rule the
    // incorrect example's finding is therefore caused by the fragment itself; for these, the
    // correct example must still switch the rule off (checked above). The base names the
    // coordinator and all departments, so the step-2 rules about who is missing stay quiet.
    const std::set<std::string> base_fires = {"GOAL-001",    "GOAL-004", "TARGET-001", "TARGET-005",
                                              "FLOW-001",    "FLOW-007", "LIST-001",   "LIST-004",
                                              "MAIL-001",    "TOOL-001", "TOOL-002",   "TOOL-003",
                                              "MEASURE-002", "OPS-001",  "OPS-006"};
    std::set<std::string> fired;
    for (const auto& f : findings) fired.insert(f.rule_id);
    CHECK(fired == base_fires);
}

TEST_CASE("rule examples: a fragment replaces the base's top-level blocks in place", "[examples]") {
    using maplan::rules::example_plan;
    std::string plan = example_plan("\nproject: {name: X, tool: hubspot}\ngoals: []\n");
    CHECK(plan.rfind("ma_plan: 1\nproject: {name: X, tool: hubspot}\nstakeholders:\n", 0) == 0);
    CHECK(plan.find("展示会リード育成") == std::string::npos);
    CHECK(plan.size() > 7);
    CHECK(plan.substr(plan.size() - 10) == "goals: []\n");
    // A comment at column 0 travels with the key below it; a repeated key stays repeated.
    plan = example_plan("# ma-plan: disable-next-line ROLE-005 why\nproject: {name: X}\n");
    CHECK(plan.rfind("ma_plan: 1\n# ma-plan: disable-next-line ROLE-005 why\nproject: {name: X}\n",
                     0) == 0);
    plan = example_plan("ma_plan: 1\nma_plan: 2\n");
    CHECK(plan.rfind("ma_plan: 1\nma_plan: 2\nproject:", 0) == 0);
    // Nested lines belong to their key; no line is lost or added.
    plan = example_plan("budget:\n  operators: 1\n  operators: 2\n");
    CHECK(plan.find("budget:\n  operators: 1\n  operators: 2\n") != std::string::npos);
    CHECK(example_plan("") == maplan::rules::example_base);
}
