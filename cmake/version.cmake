# Writes the version.cpp that `ma-plan --version` prints, run at every build (not only at
# configure) so a new commit shows up without re-running cmake. configure_file leaves the output
# untouched when its text is the same, so an unchanged `git describe` recompiles nothing and a
# new one recompiles this one file and relinks the binary; ccache sees every other file as before.
#   cmake -DSOURCE_DIR=... -DTEMPLATE=... -DOUTPUT=... -DPROJECT_VERSION=... -P version.cmake
set(MA_PLAN_GIT_DESCRIBE "")
# Only the project's own checkout: a source tarball unpacked inside another repository must not
# report that repository's commit. (.git is a file in a worktree, a directory otherwise.)
if(EXISTS "${SOURCE_DIR}/.git")
    find_program(GIT_EXECUTABLE git)
    if(GIT_EXECUTABLE)
        execute_process(
            COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" describe --always --dirty --tags
            RESULT_VARIABLE status
            OUTPUT_VARIABLE describe
            ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
        # A tag name is free text; only what can sit in a C++ string literal as it is.
        if(status EQUAL 0 AND describe MATCHES "^[A-Za-z0-9._+/-]+$")
            set(MA_PLAN_GIT_DESCRIBE "${describe}")
        endif()
    endif()
endif()
if(MA_PLAN_GIT_DESCRIBE STREQUAL "")
    set(MA_PLAN_VERSION_LINE "ma-plan ${PROJECT_VERSION}")
else()
    set(MA_PLAN_VERSION_LINE "ma-plan ${PROJECT_VERSION} (git ${MA_PLAN_GIT_DESCRIBE})")
endif()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
