#pragma once
// Each family file (one per rollout step, plus the file format and references) returns its rule
// descriptors; registry.cpp lists the families explicitly. No self-registration.
#include <vector>

#include "rules/rule.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> schema_rules();       // step 0: produced by the loader
std::vector<RuleDescriptor> yaml_rules();         // step 0: input-method slips before parsing
std::vector<RuleDescriptor> placeholder_rules();  // step 0: values left from `ma-plan init`
std::vector<RuleDescriptor> reference_rules();    // dangling references, duplicate IDs
std::vector<RuleDescriptor> goal_rules();         // step 1
std::vector<RuleDescriptor> role_rules();         // step 2
std::vector<RuleDescriptor> target_rules();       // step 3
std::vector<RuleDescriptor> flow_rules();         // step 4
std::vector<RuleDescriptor> list_rules();         // step 5
std::vector<RuleDescriptor> tool_rules();         // step 6
std::vector<RuleDescriptor> measure_rules();      // step 7
std::vector<RuleDescriptor> suppress_rules();     // inline suppression comments (suppress.hpp)

}  // namespace maplan::rules
