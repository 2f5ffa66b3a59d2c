#pragma once
// Inline suppressions: comments in a plan that accept one finding with a reason.
//
//   # ma-plan: disable-next-line RACI-002,REF-001 the two owners share the decision by contract
//   roles: { mkt: 主担当, sales: 主担当 }
//   tool: other   # ma-plan: disable-line SCHEMA-005 reason…
//   # ma-plan: disable-file REF-003 stages are defined in the shared journey file
//
// disable-next-line applies to the next line that holds YAML (blank and comment lines are
// skipped, so several suppression comments can be stacked). A suppression that suppresses nothing
// is itself a finding (SUPPRESS-001), as is a malformed one (SUPPRESS-002) and one without a
// reason (SUPPRESS-003); those three can be changed only in the configuration, never inline.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"

namespace maplan {

namespace suppress_rule {
inline constexpr std::string_view unused = "SUPPRESS-001";
inline constexpr std::string_view malformed = "SUPPRESS-002";
inline constexpr std::string_view no_reason = "SUPPRESS-003";
}  // namespace suppress_rule

struct Suppression {
    enum class Scope { line, file };
    Scope scope = Scope::line;
    std::uint32_t target_line = 0;  ///< the line it covers (line scope)
    SourcePos pos;                  ///< where the rule ID is written
    std::string rule_id;
};

struct SuppressionScan {
    std::vector<Suppression> suppressions;
    std::vector<Finding> problems;  ///< SUPPRESS-002 / SUPPRESS-003
};

/// Finds every `# ma-plan:` comment in the source.
SuppressionScan scan_suppressions(const SourceFile& source);

/// Decides finding by finding, so that findings can be filtered as the rules produce them (and
/// never stored when suppressed). Lookups are per rule ID, not a scan of every suppression.
class SuppressionMatcher {
  public:
    explicit SuppressionMatcher(const SourceFile& source);
    /// True (and the suppression counts as used) if a suppression covers the finding.
    /// SUPPRESS-* findings are never covered.
    bool covers(const Finding& finding);
    /// SUPPRESS-001 for each unused suppression (except of rules in `disabled_rules`), then the
    /// malformed and reason-less ones. Call once, after every finding went through covers().
    std::vector<Finding> remaining_findings(const std::set<std::string>& disabled_rules);

  private:
    const SourceFile& source_;
    SuppressionScan scan_;
    std::vector<bool> used_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_rule_;
};

/// Removes the findings that suppressions cover and adds findings for malformed and unused
/// suppressions. A suppression of a rule in `disabled_rules` is not reported as unused: the
/// configuration switched the rule off, the comment may still matter elsewhere.
void apply_suppressions(std::vector<Finding>& findings, const SourceFile& source,
                        const std::set<std::string>& disabled_rules);

}  // namespace maplan
