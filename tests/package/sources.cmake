# Packaging (issue 13): cmake --install, the .deb, --version, configured URLs, action.yml.
set(MA_PLAN_PACKAGE_CHECK sh ${CMAKE_CURRENT_SOURCE_DIR}/package/check_package.sh)
set(MA_PLAN_PACKAGE_ARGS ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${CMAKE_INSTALL_PREFIX}
    ${PROJECT_VERSION} ${MA_PLAN_HOMEPAGE_URL} ${MA_PLAN_RULES_URL} ${MA_PLAN_SCHEMA_URL})
add_test(NAME "package: cmake --install puts the binary, man page, completions, schema and docs"
    COMMAND ${MA_PLAN_PACKAGE_CHECK} install ${MA_PLAN_PACKAGE_ARGS})
add_test(NAME "package: the .deb has its metadata and its unpacked binary runs"
    COMMAND ${MA_PLAN_PACKAGE_CHECK} deb ${MA_PLAN_PACKAGE_ARGS})
add_test(NAME "package: the configured URLs reach init and SARIF"
    COMMAND ${MA_PLAN_PACKAGE_CHECK} urls ${MA_PLAN_PACKAGE_ARGS})
add_test(NAME "package: MA_PLAN_*_URL reach the generated header; a malformed one stops cmake"
    COMMAND ${MA_PLAN_PACKAGE_CHECK} configure ${MA_PLAN_PACKAGE_ARGS})
add_test(NAME "package: --version shows git describe, or the project version outside git"
    COMMAND ${MA_PLAN_PACKAGE_CHECK} version ${MA_PLAN_PACKAGE_ARGS})
add_test(NAME "package: action.yml is a composite action whose validate step works"
    COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/package/check_action.py ${PROJECT_SOURCE_DIR}
        $<TARGET_FILE:ma-plan>)
# cmake --install writes build/install_manifest.txt: one at a time.
set_tests_properties(
    "package: cmake --install puts the binary, man page, completions, schema and docs"
    "package: the .deb has its metadata and its unpacked binary runs"
    PROPERTIES RESOURCE_LOCK ma_plan_install_tree)
