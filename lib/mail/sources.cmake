# SPF, DMARC and TXT-record parsers (issue 10). Independent of the plan model so the live DNS
# check and the plan rules share one grammar.
add_library(ma_plan_mail STATIC
    mail/dmarc.cpp
    mail/spf.cpp
    mail/spf_budget.cpp
    mail/txt.cpp
    mail/vendor_includes.cpp
)
target_link_libraries(ma_plan_mail PUBLIC ma_plan_core PRIVATE ma_plan_warnings)
