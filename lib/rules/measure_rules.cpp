#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> measure_rules() {
    return {};
}

}  // namespace maplan::rules
