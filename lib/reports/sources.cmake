# Role matrix, checklist and status reports (issue 3): one model per report, separate renderers.
add_library(ma_plan_reports STATIC
    reports/checklist.cpp
    reports/common.cpp
    reports/raci.cpp
    reports/sender_gate.cpp
    reports/status.cpp
    reports/warmup.cpp
)
target_link_libraries(ma_plan_reports PUBLIC ma_plan_rules ma_plan_core PRIVATE ma_plan_warnings)
