#pragma once
// A rule is a unit: one descriptor (ID, step, default severity, title, rationale, fix hint, in
// Japanese and English) and one check function. All rules are listed in one explicit registry
// (registry.cpp); `ma-plan rules`, docs/rules.md and SARIF rule metadata are generated from it.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "core/text.hpp"
#include "mail/spf_budget.hpp"

namespace maplan::rules {

/// Thresholds that come from vendor or secondary sources (lib/core/citations); configurable per
/// repository.
struct Thresholds {
    double bulk_daily_volume = 5000;  ///< Google/Yahoo bulk-sender line
    double min_ip_warming_weeks = 4;  ///< SendGrid / SFMC guidance
    int min_dkim_bits = 1024;
    int recommended_dkim_bits = 2048;
    double max_owner_share = 0.8;     ///< one department deciding more than this share of tasks
    double unsubscribe_max_days = 2;  ///< bulk-sender rule: honour within 2 days
    /// What vendors' SPF includes cost (MAIL-004/MAIL-018): the bundled, dated catalogue with
    /// the repository's `spf_includes:` overrides applied.
    std::vector<mail::IncludeCost> spf_includes = mail::vendor_include_catalogue();
};

/// What breaks the rule and what follows it, as YAML fragments of a plan (rules/example.hpp says
/// how a fragment becomes a plan). Shown by `ma-plan rules ID`, docs/rules*.md, the JSON rule
/// list and SARIF help; tests/rules/rule_examples_test.cpp checks that `incorrect` gives a finding
/// of the rule and `correct` none. The YAML is the same in both languages, as a plan file is.
struct RuleExample {
    std::string_view incorrect;
    std::string_view correct;
};

struct RuleContext;
using CheckFn = void (*)(RuleContext&);

struct RuleDescriptor {
    std::string_view id;  ///< FAMILY-NNN, upper case
    int step;             ///< 1..7; 0 for the file format itself
    Severity severity;    ///< default; a config can change it
    TextRef title;
    TextRef rationale;  ///< why a consultant flags this, citing the domain source
    TextRef hint;       ///< what to do about it
    CheckFn check;      ///< nullptr for findings the loader produces (SCHEMA-*)
    RuleExample example;
};

/// What a check function sees. It reports through `report`; severity and file are filled in.
struct RuleContext {
    const Project& project;
    const RuleDescriptor& rule;
    const Thresholds& thresholds;
    FindingSink& sink;

    void report(SourcePos pos, Text message) const;
    void report(SourcePos pos, Text message, Text hint) const;
};

/// Every rule, in documentation order (by step, then ID).
const std::vector<RuleDescriptor>& registry();
const RuleDescriptor* find_rule(std::string_view id);
std::vector<std::string_view> rule_ids();

/// Step names for headings ("1. Problems and goals" / "1. 課題の把握・ゴール設定").
TextRef step_name(int step);

}  // namespace maplan::rules
