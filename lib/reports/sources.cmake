# Role matrix, checklist and status reports (issue 3): one model per report, separate renderers.
add_library(ma_plan_reports STATIC
    reports/checklist.cpp
    reports/common.cpp
    reports/raci.cpp
    reports/sender_gate.cpp
    reports/status.cpp
    reports/warmup.cpp
    # The rollout report (issue 14): one model, a Markdown and a self-contained HTML renderer.
    reports/funnel.cpp
    reports/funnel_actuals.cpp
    reports/funnel_render.cpp
    reports/git_revision.cpp
    reports/html_style.cpp
    reports/report.cpp
    reports/report_html.cpp
    reports/report_lists.cpp
    reports/report_md.cpp
)
# ma_plan_lists: `report --db` shows the workspace's waterfall from the same scan as lists audit.
target_link_libraries(ma_plan_reports PUBLIC ma_plan_rules ma_plan_core PRIVATE ma_plan_lists ma_plan_warnings)
