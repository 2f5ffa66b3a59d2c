add_library(ma_plan_core STATIC
    core/atomic_file.cpp
    core/cli_text.cpp
    core/dates.cpp
    core/citations.cpp
    core/errors.cpp
    core/escape.cpp
    core/finding.cpp
    core/fold.cpp
    core/help_text.cpp
    core/identifier.cpp
    core/json_writer.cpp
    core/loader.cpp
    core/model.cpp
    core/numbers.cpp
    core/placeholder.cpp
    core/scalar_position.cpp
    core/schema.cpp
    core/source.cpp
    core/starter.cpp
    core/suggest.cpp
    core/system_error.cpp
    core/text.cpp
    core/yaml_lex.cpp
    core/yaml_tree.cpp
)
target_include_directories(ma_plan_core PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_features(ma_plan_core PUBLIC cxx_std_20)
target_link_libraries(ma_plan_core PUBLIC fmt::fmt yaml-cpp PkgConfig::UTF8PROC PRIVATE ma_plan_warnings)
