# PDCA over a plan's git history (issue 15): semantic diff of two versions, readiness over time.
# git is run as a CLI (see pdca/git.hpp for why, not libgit2), so no extra library is linked.
add_library(ma_plan_pdca STATIC
    pdca/compare.cpp
    pdca/git.cpp
    pdca/history.cpp
    pdca/plan_diff.cpp
    # Snapshots outside git (issue 15): SQLite through the lists workspace's statement wrapper.
    pdca/snapshots.cpp
)
target_link_libraries(ma_plan_pdca PUBLIC ma_plan_reports ma_plan_rules ma_plan_core PRIVATE ma_plan_lists ma_plan_warnings)
