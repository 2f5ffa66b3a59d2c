# `ma-plan import roles` (issue 16): a role matrix kept in CSV read into a new plan. Reuses the
# customer-list CSV reader and encoding detection (CP932 or UTF-8), so both read files alike.
add_library(ma_plan_importer STATIC
    importer/roles.cpp
)
# .xlsx matrices come through xlsx/reader.hpp (libzip and expat).
target_link_libraries(ma_plan_importer PUBLIC ma_plan_lists ma_plan_xlsx ma_plan_core
    PRIVATE ma_plan_warnings)
