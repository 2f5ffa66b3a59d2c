add_executable(test_e2e
    unit/catch_main.cpp
    e2e/exit_codes_test.cpp
    e2e/help_e2e_test.cpp
    e2e/hostile_e2e_test.cpp
    e2e/ime_e2e_test.cpp
    e2e/output_files_test.cpp
    e2e/run_options_test.cpp
    e2e/validate_e2e_test.cpp
)
target_link_libraries(test_e2e PRIVATE ma_plan_core Catch2::Catch2)
target_compile_definitions(test_e2e PRIVATE ${MA_PLAN_TEST_DEFINITIONS} MA_PLAN_BIN="$<TARGET_FILE:ma-plan>")
target_compile_features(test_e2e PRIVATE cxx_std_20)
add_dependencies(test_e2e ma-plan)
catch_discover_tests(test_e2e TEST_PREFIX "e2e: ")
