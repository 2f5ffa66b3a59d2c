#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> list_rules() {
    return {};
}

}  // namespace maplan::rules
