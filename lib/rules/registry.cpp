#include <algorithm>

#include "rules/families.hpp"
#include "rules/rule.hpp"

namespace maplan::rules {

const std::vector<RuleDescriptor>& registry() {
    static const std::vector<RuleDescriptor> all = [] {
        std::vector<RuleDescriptor> out;
        for (auto family :
             {schema_rules, yaml_rules, placeholder_rules, reference_rules, goal_rules, role_rules,
              target_rules, flow_rules, list_rules, tool_rules, measure_rules, suppress_rules}) {
            auto rules = family();
            out.insert(out.end(), rules.begin(), rules.end());
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const RuleDescriptor& a, const RuleDescriptor& b) {
                             return a.step != b.step ? a.step < b.step : a.id < b.id;
                         });
        return out;
    }();
    return all;
}

const RuleDescriptor* find_rule(std::string_view id) {
    for (const RuleDescriptor& r : registry()) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

std::vector<std::string_view> rule_ids() {
    std::vector<std::string_view> ids;
    for (const RuleDescriptor& r : registry()) ids.push_back(r.id);
    return ids;
}

}  // namespace maplan::rules
