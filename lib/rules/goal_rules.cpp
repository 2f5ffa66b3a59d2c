#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> goal_rules() {
    return {};
}

}  // namespace maplan::rules
