# Domain-check tests (issue 10, item 4): the resolver and the check against a real authoritative
# DNS server (NSD, started by each test on 127.0.0.1 with tests/domain/zones), and the built
# binary end to end. A missing nsd fails these tests; it never skips them.
add_executable(test_domain
    unit/catch_main.cpp
    domain/resolver_test.cpp
    domain/check_e2e_test.cpp
    domain/check_test.cpp
)
target_link_libraries(test_domain PRIVATE ma_plan_domain ma_plan_dns ma_plan_core Catch2::Catch2)
target_compile_definitions(test_domain PRIVATE ${MA_PLAN_TEST_DEFINITIONS}
    MA_PLAN_BIN="$<TARGET_FILE:ma-plan>")
add_dependencies(test_domain ma-plan)
catch_discover_tests(test_domain TEST_PREFIX "domain: ")
