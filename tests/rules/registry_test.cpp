// The registry itself: IDs well formed and unique, every descriptor complete in both languages,
// every step covered, and every rule exercised by a "fires" and a "stays quiet" test.
#include <regex>
#include <set>
#include <string>

#include "helpers.hpp"
#include "rules/rule.hpp"

namespace rules = maplan::rules;

TEST_CASE("registry: IDs are unique / upper case FAMILY-NNN", "[registry]") {
    const std::regex pattern("^[A-Z]+-[0-9]{3}$");
    std::set<std::string_view> seen;
    for (std::string_view id : rules::rule_ids()) {
        INFO(id);
        CHECK(std::regex_match(std::string(id), pattern));
        CHECK(seen.insert(id).second);
    }
    CHECK(seen.size() >= 36);
}

TEST_CASE("registry: every descriptor is complete in English and Japanese", "[registry]") {
    for (const rules::RuleDescriptor& r : rules::registry()) {
        INFO(r.id);
        CHECK(r.step >= 0);
        CHECK(r.step <= 7);
        for (maplan::TextRef t : {r.title, r.rationale, r.hint}) {
            CHECK_FALSE(t.en.empty());
            CHECK_FALSE(t.ja.empty());
            CHECK(t.en != t.ja);
        }
        // Findings the pipeline produces itself (the loader's SCHEMA-*, inline suppressions'
        // SUPPRESS-*, the pre-scan's YAML-*) have no check function; every other rule must.
        std::string_view family = r.id.substr(0, r.id.find('-'));
        CHECK((r.check == nullptr) ==
              (family == "SCHEMA" || family == "SUPPRESS" || family == "YAML"));
        CHECK(rules::find_rule(r.id) == &r);
    }
}

TEST_CASE("registry: each of the seven steps has a rule", "[registry]") {
    for (int step = 1; step <= 7; ++step) {
        INFO(step);
        int count = 0;
        for (const rules::RuleDescriptor& r : rules::registry()) count += r.step == step;
        CHECK(count > 0);
    }
}

TEST_CASE("registry: rules are in documentation order (step / then ID)", "[registry]") {
    const auto& all = rules::registry();
    for (std::size_t i = 1; i < all.size(); ++i) {
        INFO(all[i].id);
        CHECK((all[i - 1].step < all[i].step ||
               (all[i - 1].step == all[i].step && all[i - 1].id < all[i].id)));
    }
}

TEST_CASE("registry: every rule has a firing and a quiet test", "[registry]") {
    std::set<std::string> names;
    for (const Catch::TestCase& t : Catch::getRegistryHub().getTestCaseRegistry().getAllTests())
        names.insert(t.getTestCaseInfo().name);
    for (std::string_view id : rules::rule_ids()) {
        INFO(id);
        CHECK(names.count(std::string(id) + " fires") == 1);
        CHECK(names.count(std::string(id) + " stays quiet") == 1);
    }
}

TEST_CASE("registry: a disabled rule reports nothing / an override changes severity",
          "[registry]") {
    maplan::ValidateOptions options;
    options.disabled_rules.insert("GOAL-001");
    options.severity_overrides["ROLE-001"] = maplan::Severity::error;
    auto findings = rules_test::validate(rules_test::bare(""), options);
    CHECK(rules_test::lines_for(findings, "GOAL-001").empty());
    CHECK(rules_test::lines_for(findings, "ROLE-001") ==
          std::vector<std::string>{"plan.yaml:1:1: error: the plan lists no stakeholders: "
                                   "departments and decision rights are unknown [ROLE-001]"});
}
