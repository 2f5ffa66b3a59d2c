#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> tool_rules() {
    return {};
}

}  // namespace maplan::rules
