# DNS look-ups for `domain check` (issue 10). c-ares, not a hand-written DNS client: truncated
# answers and the TCP fallback, EDNS, retries and query multiplexing are easy to get wrong.
add_library(ma_plan_dns STATIC
    dns/cares_resolver.cpp
    dns/resolver.cpp
)
target_include_directories(ma_plan_dns PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(ma_plan_dns PUBLIC ma_plan_core PRIVATE PkgConfig::CARES fmt::fmt ma_plan_warnings)
