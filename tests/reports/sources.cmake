# Report tests (issue 3): models, escaping, and the built binary on the examples (golden files,
# GFM shape through cmark-gfm). UPDATE_GOLDEN=1 ctest -R "reports: " rewrites the golden files.
add_executable(test_reports
    unit/catch_main.cpp
    reports/checklist_test.cpp
    reports/cli_test.cpp
    reports/escape_test.cpp
    reports/funnel_actuals_test.cpp
    reports/raci_test.cpp
    reports/report_cli_test.cpp
    reports/report_test.cpp
    reports/status_test.cpp
    reports/warmup_test.cpp
    reports/starter_test.cpp
)
target_link_libraries(test_reports PRIVATE ma_plan_reports ma_plan_rules ma_plan_core Catch2::Catch2)
target_compile_definitions(test_reports PRIVATE ${MA_PLAN_TEST_DEFINITIONS}
    MA_PLAN_BIN="$<TARGET_FILE:ma-plan>"
    # scripts/setup.sh installs Mermaid's renderer (mmdc) under build/tools
    MA_PLAN_BUILD_DIR="${CMAKE_BINARY_DIR}")
add_dependencies(test_reports ma-plan)
catch_discover_tests(test_reports TEST_PREFIX "reports: ")
