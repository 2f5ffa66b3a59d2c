# Rule tests (issue 2, item 5): every rule fires with its exact message and position and stays
# quiet on a near miss; the registry is complete; the examples and docs/rules*.md are current.
add_executable(test_rules
    unit/catch_main.cpp
    rules/goal_role_test.cpp
    rules/target_flow_test.cpp
    rules/list_test.cpp
    rules/tool_test.cpp
    rules/measure_test.cpp
    rules/reference_schema_test.cpp
    rules/placeholder_test.cpp
    rules/fold_test.cpp
    rules/messages_test.cpp
    rules/yaml_rules_test.cpp
    rules/registry_test.cpp
    rules/examples_docs_test.cpp
    rules/rule_examples_test.cpp
)
target_link_libraries(test_rules PRIVATE ma_plan_rules ma_plan_render Catch2::Catch2)
target_compile_definitions(test_rules PRIVATE ${MA_PLAN_TEST_DEFINITIONS})
catch_discover_tests(test_rules TEST_PREFIX "rules: ")
