# SPF, DMARC and TXT-record parsers (issue 10). Independent of the plan model so the live DNS
# check and the plan rules share one grammar.
add_library(ma_plan_mail STATIC
    mail/dmarc.cpp
    mail/spf.cpp
    mail/txt.cpp
)
target_link_libraries(ma_plan_mail PUBLIC ma_plan_core PRIVATE ma_plan_warnings)
