#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> flow_rules() {
    return {};
}

}  // namespace maplan::rules
