# What `cmake --install` puts on a machine, and the .deb that CPack makes of the same tree
# (docs/ci.md "Installing ma-plan"). Completions, the man page and the JSON Schema are generated
# by the built binary, so the installed copies always describe the installed binary.
include(GNUInstallDirs)

set(MA_PLAN_SHARE_OUT ${PROJECT_BINARY_DIR}/share)
set(MA_PLAN_GENERATED_FILES
    ${MA_PLAN_SHARE_OUT}/ma-plan.bash ${MA_PLAN_SHARE_OUT}/_ma-plan
    ${MA_PLAN_SHARE_OUT}/ma-plan.1 ${MA_PLAN_SHARE_OUT}/ma-plan.schema.json)
foreach(what bash zsh man)
    if(what STREQUAL "bash")
        set(out ${MA_PLAN_SHARE_OUT}/ma-plan.bash)
    elseif(what STREQUAL "zsh")
        set(out ${MA_PLAN_SHARE_OUT}/_ma-plan)
    else()
        set(out ${MA_PLAN_SHARE_OUT}/ma-plan.1)
    endif()
    add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${MA_PLAN_SHARE_OUT}
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} "-DCOMMAND=$<TARGET_FILE:ma-plan>;completion;${what}"
            -P ${CMAKE_CURRENT_LIST_DIR}/run_to_file.cmake
        DEPENDS ma-plan ${CMAKE_CURRENT_LIST_DIR}/run_to_file.cmake
        COMMENT "ma-plan completion ${what}"
        VERBATIM)
endforeach()
add_custom_command(OUTPUT ${MA_PLAN_SHARE_OUT}/ma-plan.schema.json
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MA_PLAN_SHARE_OUT}
    COMMAND ma-plan schema -o ${MA_PLAN_SHARE_OUT}/ma-plan.schema.json
    DEPENDS ma-plan
    COMMENT "ma-plan schema"
    VERBATIM)
# Part of `all`, not of `--target ma-plan`: the README's first command stays the binary alone.
add_custom_target(ma_plan_share ALL DEPENDS ${MA_PLAN_GENERATED_FILES})

install(TARGETS ma-plan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${MA_PLAN_SHARE_OUT}/ma-plan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The directories bash-completion and Debian's zsh load completions from without configuration.
install(FILES ${MA_PLAN_SHARE_OUT}/ma-plan.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME ma-plan)
install(FILES ${MA_PLAN_SHARE_OUT}/_ma-plan DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
# MA_PLAN_SCHEMA_URL points here by default (cmake/build_config.cmake).
install(FILES ${MA_PLAN_SHARE_OUT}/ma-plan.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/ma-plan)
# MA_PLAN_HOMEPAGE_URL and MA_PLAN_RULES_URL point at README.md and rules.md by default.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/config-examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        FILES_MATCHING PATTERN "*.yaml")

# cpack -G DEB (or `cmake --build build --target package`): ma-plan_0.1.0_amd64.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ma-plan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ma-plan")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "plan, validate and audit marketing-automation rollouts")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "ma-plan checks YAML plans for marketing-automation rollouts (goals, roles, targets,\n"
    "communication, customer lists, tool setup, measurement) and writes reports, RACI\n"
    "matrices and checklists. Findings come as text, JSON, SARIF, JUnit or GitHub annotations.")
# The build keeps debug information (RelWithDebInfo); the package does not need it.
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# The package installs where the binary was configured to look (the schema URL is an absolute
# path under CMAKE_INSTALL_PREFIX): configure with -DCMAKE_INSTALL_PREFIX=/usr for a .deb.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(MA_PLAN_DEB_MAINTAINER "ma-plan maintainers <ma-plan@localhost>" CACHE STRING
    "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${MA_PLAN_DEB_MAINTAINER})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # NAME_VERSION-RELEASE_ARCH.deb, as dpkg names it
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends computed from the binary's shared libraries (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# diff REV:path and history run the git CLI (lib/pdca/git.hpp).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)
include(CPack)
