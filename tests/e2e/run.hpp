#pragma once
// Runs the built ma-plan binary the way a user does (through a shell), capturing stdout, stderr
// and the exit code. Standard input is /dev/null unless the command redirects it.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace e2e {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("ma-plan-e2e-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// `args` is appended to the binary's path as shell words; runs in the source directory so
/// paths in output are the short relative ones users see.
inline Run ma_plan(const std::string& args, const std::string& env = "NO_COLOR=1 LANG=C.UTF-8") {
    auto dir = scratch_dir("run");
    std::string cmd = "cd '" MA_PLAN_SOURCE_DIR "' && env " + env + " '" MA_PLAN_BIN "' " + args +
                      " >'" + (dir / "out").string() + "' 2>'" + (dir / "err").string() + "'";
    if (cmd.find(" < ") == std::string::npos && cmd.find("| ") == std::string::npos)
        cmd += " </dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    std::filesystem::remove_all(dir);
    return r;
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
    return slurp(path) == actual;
}

}  // namespace e2e
