#pragma once
// Documentation generated from the rule registry: `ma-plan rules` and docs/rules.md.
#include <string>

#include "core/text.hpp"
#include "rules/rule.hpp"

namespace maplan::render {

/// A compact table for the terminal.
std::string render_rules_text(Lang lang);
/// docs/rules.md: every rule with its rationale and fix, grouped by step. Anchors are the
/// lower-cased rule IDs (used by SARIF helpUri).
std::string render_rules_markdown(Lang lang);
std::string render_rules_json(Lang lang);
/// `ma-plan rules ID`: one rule in full, with its incorrect and correct example and the sources
/// its texts cite.
std::string render_rule_text(const rules::RuleDescriptor& rule, Lang lang);
/// The two examples as Markdown (docs/rules.md and SARIF `help.markdown`).
std::string render_rule_examples_markdown(const rules::RuleDescriptor& rule, Lang lang);
/// The "Sources" section: every entry of lib/core/citations with its full title, site and
/// address, so the short names the rule texts cite can be looked up.
std::string render_sources_text(Lang lang);
std::string render_sources_markdown(Lang lang);

}  // namespace maplan::render
