add_library(ma_plan_rules STATIC
    rules/flow_rules.cpp
    rules/goal_rules.cpp
    rules/list_rules.cpp
    rules/measure_rules.cpp
    rules/placeholder_rules.cpp
    rules/reference_rules.cpp
    rules/example.cpp
    rules/registry.cpp
    rules/role_rules.cpp
    rules/rule.cpp
    rules/schema_rules.cpp
    rules/target_rules.cpp
    rules/tool_rules.cpp
    rules/validate.cpp
    rules/suppress_rules.cpp
    rules/yaml_rules.cpp
)
target_link_libraries(ma_plan_rules PUBLIC ma_plan_mail ma_plan_core PRIVATE ma_plan_warnings)
