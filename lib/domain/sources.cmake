# The live sending-domain check (issue 10, item 4): SPF include tree, DMARC, DKIM, MX, MTA-STS,
# TLS-RPT, BIMI, compared with the plan. SPF and DMARC grammar come from lib/mail.
add_library(ma_plan_domain STATIC
    domain/check.cpp
    domain/checks.cpp
    domain/dkim.cpp
    domain/plan_compare.cpp
    domain/records.cpp
    domain/render.cpp
)
target_include_directories(ma_plan_domain PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(ma_plan_domain PUBLIC ma_plan_dns ma_plan_core PRIVATE ma_plan_mail OpenSSL::Crypto ma_plan_warnings)
