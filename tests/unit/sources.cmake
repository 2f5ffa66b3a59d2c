add_executable(test_core
    unit/catch_main.cpp
    unit/source_test.cpp
)
target_link_libraries(test_core PRIVATE ma_plan_core Catch2::Catch2)
catch_discover_tests(test_core TEST_PREFIX "core: ")
