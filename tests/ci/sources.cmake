# CI and editor integration (issue 4): renderers, configuration, suppressions, JSON Schema, and
# checks of the real binary's output with the official validators (python3-jsonschema, xmllint).
# A missing validator fails these tests; it never skips them.
add_executable(test_ci
    unit/catch_main.cpp
    ci/render_test.cpp
    ci/config_test.cpp
    ci/suppress_test.cpp
    ci/schema_test.cpp
    ci/cli_test.cpp
    ci/run_test.cpp
)
target_link_libraries(test_ci PRIVATE ma_plan_config ma_plan_render ma_plan_rules ma_plan_core Catch2::Catch2)
target_compile_definitions(test_ci PRIVATE ${MA_PLAN_TEST_DEFINITIONS}
    MA_PLAN_BINARY="$<TARGET_FILE:ma-plan>"
    MA_PLAN_EXPECTED_RULES_URL="${MA_PLAN_RULES_URL}"
    MA_PLAN_EXPECTED_HOMEPAGE_URL="${MA_PLAN_HOMEPAGE_URL}")
add_dependencies(test_ci ma-plan)
catch_discover_tests(test_ci TEST_PREFIX "ci: ")

set(MA_PLAN_CI_CHECK sh ${CMAKE_CURRENT_SOURCE_DIR}/ci/check_outputs.sh $<TARGET_FILE:ma-plan>
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/tools)
add_test(NAME "ci: SARIF output passes the SARIF multitool and the SARIF 2.1.0 schema"
    COMMAND ${MA_PLAN_CI_CHECK} sarif)
add_test(NAME "ci: JUnit output has the structure Jenkins and GitLab read"
    COMMAND ${MA_PLAN_CI_CHECK} junit)
add_test(NAME "ci: every example plan passes docs/ma-plan.schema.json"
    COMMAND ${MA_PLAN_CI_CHECK} examples)
add_test(NAME "ci: the loader's type errors in broken plans are also schema errors"
    COMMAND ${MA_PLAN_CI_CHECK} broken)
add_test(NAME "ci: bash completion script parses and completes"
    COMMAND ${MA_PLAN_CI_CHECK} bash-completion)
target_include_directories(test_ci PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
