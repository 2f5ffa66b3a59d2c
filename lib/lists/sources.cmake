# Customer-list workspace (issue 5). Sources are listed explicitly.
add_library(ma_plan_lists STATIC
    lists/audit.cpp
    lists/batches.cpp
    lists/csv.cpp
    lists/encoding.cpp
    lists/exclusions.cpp
    lists/extract.cpp
    lists/from_plan.cpp
    lists/import.cpp
    lists/key_table.cpp
    lists/normalize.cpp
    lists/presets.cpp
    lists/scan.cpp
    lists/suppression.cpp
    lists/table_reader.cpp
    lists/workspace.cpp
)
target_include_directories(ma_plan_lists PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(ma_plan_lists PUBLIC ma_plan_core SQLite::SQLite3 PRIVATE PkgConfig::UTF8PROC ma_plan_warnings)
