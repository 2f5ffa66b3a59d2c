# Customer-list tests (issue 5): unit tests of lib/lists plus end-to-end runs of the real binary
# (the kill-midway test needs a separate process).
add_executable(test_lists
    unit/catch_main.cpp
    lists/csv_test.cpp
    lists/encoding_test.cpp
    lists/key_table_test.cpp
    lists/normalize_test.cpp
    lists/workspace_test.cpp
    lists/import_test.cpp
    lists/import_safety_test.cpp
    lists/sources_e2e_test.cpp
    lists/audit_extract_test.cpp
    lists/e2e_test.cpp
    lists/output_files_test.cpp
    lists/spreadsheet_test.cpp
    lists/pipe_test.cpp
    lists/plan_test.cpp
    lists/suppression_test.cpp
    lists/suppression_property_test.cpp
)
target_link_libraries(test_lists PRIVATE ma_plan_lists ma_plan_core SQLite::SQLite3 Catch2::Catch2)
target_compile_definitions(test_lists PRIVATE
    MA_PLAN_BINARY="$<TARGET_FILE:ma-plan>"
    LISTS_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/lists/data")
add_dependencies(test_lists ma-plan)
catch_discover_tests(test_lists TEST_PREFIX "lists: ")
