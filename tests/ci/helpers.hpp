#pragma once
// Helpers for the CI-integration tests: a private temporary directory and running the real
// ma-plan binary with a controlled environment.
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "../common/files.hpp"

namespace ci_test {

using test_support::read_file;
using test_support::TempDir;
using test_support::write_file;

struct Run {
    int exit_code = -1;
    std::string output;  ///< stdout, then stderr if `merge_stderr`
};

/// Runs a shell command line in `dir`; the environment is cleared of MA_PLAN_* and CI variables
/// first so the developer's shell cannot change the outcome.
inline Run run(const std::string& command, const std::filesystem::path& dir = ".",
               bool merge_stderr = true) {
    std::string line = "cd '" + dir.string() +
                       "' && env -u MA_PLAN_LANG -u MA_PLAN_FAIL_ON -u MA_PLAN_CONFIG "
                       "-u MA_PLAN_FORMAT -u MA_PLAN_JOBS -u MA_PLAN_STRICT "
                       "-u MA_PLAN_NO_INLINE_SUPPRESSIONS -u GITHUB_ACTIONS -u NO_COLOR "
                       "LANG=C.UTF-8 LC_ALL=C.UTF-8 " +
                       command + (merge_stderr ? " 2>&1" : " 2>/dev/null");
    Run r;
    FILE* pipe = ::popen(line.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen");
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
    int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline std::string binary() {
    return MA_PLAN_BINARY;
}

}  // namespace ci_test
