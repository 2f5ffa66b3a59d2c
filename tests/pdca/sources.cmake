# PDCA tests (issue 15): the semantic diff per section, and the built binary on real git
# repositories made in a temporary directory. UPDATE_GOLDEN=1 ctest -R "pdca: " rewrites the
# golden Markdown files.
add_executable(test_pdca
    unit/catch_main.cpp
    pdca/plan_diff_test.cpp
    pdca/git_e2e_test.cpp
    pdca/snapshots_test.cpp
)
target_link_libraries(test_pdca PRIVATE ma_plan_pdca ma_plan_lists ma_plan_reports ma_plan_rules ma_plan_core Catch2::Catch2)
target_compile_definitions(test_pdca PRIVATE ${MA_PLAN_TEST_DEFINITIONS}
    MA_PLAN_BIN="$<TARGET_FILE:ma-plan>")
add_dependencies(test_pdca ma-plan)
catch_discover_tests(test_pdca TEST_PREFIX "pdca: ")
