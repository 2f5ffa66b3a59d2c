add_executable(test_core
    unit/catch_main.cpp
    unit/atomic_file_test.cpp
    unit/citations_test.cpp
    unit/cli_text_test.cpp
    unit/help_text_test.cpp
    unit/loader_test.cpp
    unit/scalar_position_test.cpp
    unit/source_test.cpp
    unit/values_test.cpp
    unit/yaml_tree_test.cpp
    unit/yaml_ime_test.cpp
)
target_link_libraries(test_core PRIVATE ma_plan_core Catch2::Catch2)
target_compile_definitions(test_core PRIVATE ${MA_PLAN_TEST_DEFINITIONS})
catch_discover_tests(test_core TEST_PREFIX "core: ")

add_executable(test_docs
    unit/catch_main.cpp
    unit/docs_test.cpp
    unit/no_internal_citations_test.cpp
    unit/test_names_test.cpp
)
target_link_libraries(test_docs PRIVATE ma_plan_render Catch2::Catch2)
target_compile_definitions(test_docs PRIVATE ${MA_PLAN_TEST_DEFINITIONS})
catch_discover_tests(test_docs TEST_PREFIX "docs: ")
