# SPF, DMARC and TXT parser tests (issue 10): must-fire cases from the RFC grammar and the
# openspf/pyspf RFC 7208 test suite, must-not-fire cases from vendors' published records.
add_executable(test_mail
    unit/catch_main.cpp
    mail/budget_test.cpp
    mail/dmarc_test.cpp
    mail/spf_test.cpp
    mail/txt_test.cpp
)
target_link_libraries(test_mail PRIVATE ma_plan_mail Catch2::Catch2)
target_compile_definitions(test_mail PRIVATE ${MA_PLAN_TEST_DEFINITIONS})
catch_discover_tests(test_mail TEST_PREFIX "mail: ")
