#pragma once
// Shared fixtures for the rule tests: small in-memory plans, and the two assertions every rule
// gets (it fires with this exact message and position; it stays quiet on a near miss).
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "core/source.hpp"
#include "rules/validate.hpp"

namespace rules_test {

/// Lines 1-2 of most fixtures: a project with a demand-center coordinator.
inline constexpr std::string_view head =
    "ma_plan: 1\n"
    "project: {name: P, tool: eloqua, owner: mk}\n";

/// Lines 3-8: the four departments of seed 000 plus inside sales.
inline constexpr std::string_view people =
    "stakeholders:\n"
    "  - {id: mk, name: M, kind: marketing}\n"
    "  - {id: is, name: IS, kind: inside_sales}\n"
    "  - {id: sa, name: S, kind: sales}\n"
    "  - {id: it, name: IT, kind: internal_systems}\n"
    "  - {id: lg, name: L, kind: privacy_legal}\n";

/// A plan whose body starts at line 3.
inline std::string bare(std::string_view body) {
    return std::string(head) + std::string(body);
}

/// A plan with the stakeholders above; its body starts at line 9.
inline std::string plan(std::string_view body) {
    return std::string(head) + std::string(people) + std::string(body);
}

inline std::vector<maplan::Finding> validate(const std::string& yaml,
                                             const maplan::ValidateOptions& options = {}) {
    auto source = std::make_shared<maplan::SourceFile>("plan.yaml", yaml);
    maplan::FileResult result = maplan::validate_source(source, options);
    REQUIRE_FALSE(result.fatal.has_value());
    return result.findings;
}

/// The header line of `ma-plan validate --lang en` for one finding.
inline std::string line_of(const maplan::Finding& f) {
    return fmt::format("{}:{}:{}: {}: {} [{}]", f.file, f.pos.line, f.pos.column,
                       maplan::to_string(f.severity), f.message.en, f.rule_id);
}

inline std::vector<std::string> lines_for(const std::vector<maplan::Finding>& findings,
                                          std::string_view id) {
    std::vector<std::string> out;
    for (const auto& f : findings) {
        if (f.rule_id == id) out.push_back(line_of(f));
    }
    return out;
}

/// Fixtures must be valid plans, or a rule test could pass for the wrong reason.
inline void require_no_schema_findings(const std::vector<maplan::Finding>& findings,
                                       std::string_view id) {
    if (id.substr(0, 7) == "SCHEMA-") return;
    for (const auto& f : findings) {
        INFO(line_of(f));
        REQUIRE(f.rule_id.rfind("SCHEMA-", 0) != 0);
    }
}

inline void expect_fires(std::string_view id, const std::string& yaml,
                         std::vector<std::string> expected) {
    INFO(yaml);
    auto findings = validate(yaml);
    require_no_schema_findings(findings, id);
    CHECK(lines_for(findings, id) == expected);
    for (const auto& f : findings) {
        if (f.rule_id != id) continue;
        // Every message exists in both languages, and the Japanese one is really Japanese.
        CHECK_FALSE(f.message.ja.empty());
        CHECK(f.message.ja != f.message.en);
    }
}

inline void expect_quiet(std::string_view id, const std::string& yaml) {
    INFO(yaml);
    auto findings = validate(yaml);
    require_no_schema_findings(findings, id);
    CHECK(lines_for(findings, id).empty());
}

}  // namespace rules_test

/// One rule, two test cases: "<ID> fires" (exact header lines) and "<ID> stays quiet".
/// registry_test.cpp checks that every registered rule has both.
#define RULE_CASE(ID, FIRE, QUIET, ...)                                            \
    TEST_CASE(ID " fires", "[rule]") {                                             \
        rules_test::expect_fires(ID, FIRE, std::vector<std::string>{__VA_ARGS__}); \
    }                                                                              \
    TEST_CASE(ID " stays quiet", "[rule]") {                                       \
        rules_test::expect_quiet(ID, QUIET);                                       \
    }
