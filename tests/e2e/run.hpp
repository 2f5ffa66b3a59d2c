#pragma once
// Runs the built ma-plan binary the way a user does (through a shell), capturing stdout, stderr
// and the exit code. Standard input is /dev/null unless the command redirects it.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/process.hpp"

namespace e2e {

using test_support::read_file;
using test_support::Run;
using test_support::scratch_dir;

/// `args` is appended to the binary's path as shell words; runs in the source directory so
/// paths in output are the short relative ones users see.
inline Run ma_plan(const std::string& args, const std::string& env = "NO_COLOR=1 LANG=C.UTF-8") {
    return test_support::run_shell("cd '" MA_PLAN_SOURCE_DIR "' && env " + env +
                                   " '" MA_PLAN_BIN "' " + args);
}

/// Compares with a golden file; with UPDATE_GOLDEN=1 in the environment, rewrites it instead.
inline bool matches_golden(const std::string& actual, const std::string& golden_name) {
    std::filesystem::path path =
        std::filesystem::path(MA_PLAN_SOURCE_DIR) / "tests/golden" / golden_name;
    if (const char* update = std::getenv("UPDATE_GOLDEN");
        update != nullptr && std::string(update) == "1") {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        return true;
    }
    return read_file(path) == actual;
}

}  // namespace e2e
