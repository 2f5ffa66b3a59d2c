# What `cmake --install` puts on a machine, and the .deb that CPack makes of the same tree
# (docs/ci.md "Installing ma-plan"). Completions, the man page and the JSON Schema are generated
# by the built binary, so the installed copies always describe the installed binary.
include(GNUInstallDirs)

# build/share: written by cmake/share_files.cmake each time ma-plan is linked.
set(MA_PLAN_SHARE_OUT ${PROJECT_BINARY_DIR}/share)

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
