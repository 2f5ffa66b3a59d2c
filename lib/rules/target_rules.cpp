#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> target_rules() {
    return {};
}

}  // namespace maplan::rules
