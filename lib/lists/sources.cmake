# Customer-list workspace (issue 5). Sources are listed explicitly.
add_library(ma_plan_lists STATIC
    lists/placeholder.cpp
)
target_include_directories(ma_plan_lists PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(ma_plan_lists PUBLIC ma_plan_core SQLite::SQLite3 PRIVATE ma_plan_warnings)
