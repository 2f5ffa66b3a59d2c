# Repository configuration (.ma-plan.yaml) and its precedence rules (issue 4).
add_library(ma_plan_config STATIC
    config/config.cpp
    config/filesystem.cpp
    config/run.cpp
)
target_link_libraries(ma_plan_config PUBLIC ma_plan_rules ma_plan_core PRIVATE ma_plan_warnings)
