# URLs that ma-plan writes into its output, chosen at configure time. ma-plan has no public home
# page, so the defaults are the files `cmake --install` (and the .deb) put on the machine: they
# exist wherever this build is installed. A project that publishes ma-plan passes its own, e.g.
#   cmake -S . -B build -DMA_PLAN_HOMEPAGE_URL=https://git.example.com/tools/ma-plan \
#         -DMA_PLAN_RULES_URL=https://git.example.com/tools/ma-plan/-/blob/main/docs/rules.md \
#         -DMA_PLAN_SCHEMA_URL=https://git.example.com/tools/ma-plan/-/raw/main/docs/ma-plan.schema.json
# (docs/ci.md). The .deb installs under CMAKE_INSTALL_PREFIX too, so these paths hold for it.
include(GNUInstallDirs)

set(MA_PLAN_HOMEPAGE_URL "file://${CMAKE_INSTALL_FULL_DOCDIR}/README.md" CACHE STRING
    "About ma-plan: SARIF tool.driver.informationUri")
set(MA_PLAN_RULES_URL "file://${CMAKE_INSTALL_FULL_DOCDIR}/rules.md" CACHE STRING
    "Rule reference: SARIF helpUri, with #rule-id appended")
set(MA_PLAN_SCHEMA_URL "file://${CMAKE_INSTALL_FULL_DATADIR}/ma-plan/ma-plan.schema.json"
    CACHE STRING "JSON Schema of plans: the $schema comment ma-plan init writes")

foreach(var MA_PLAN_HOMEPAGE_URL MA_PLAN_RULES_URL MA_PLAN_SCHEMA_URL)
    # Absolute URI (RFC 3986 scheme ":"), no whitespace, quotes or backslashes: the value goes
    # into a C++ string literal, a YAML comment and SARIF's "uri"-format properties unescaped.
    if(NOT "${${var}}" MATCHES "^[A-Za-z][A-Za-z0-9+.-]*:[^ \t\r\n\"\\\\]+$")
        message(FATAL_ERROR "${var} must be an absolute URL without spaces, quotes or "
                            "backslashes (e.g. https://... or file:///...), not \"${${var}}\"")
    endif()
endforeach()

configure_file(${CMAKE_CURRENT_LIST_DIR}/build_config.hpp.in
               ${PROJECT_BINARY_DIR}/generated/core/build_config.hpp @ONLY)
set(MA_PLAN_GENERATED_INCLUDE_DIR ${PROJECT_BINARY_DIR}/generated)
