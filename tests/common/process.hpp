#pragma once
// Running shell commands from tests the way users run ma-plan, shared by the end-to-end and
// report tests: stdout, stderr and the exit code of one command, scratch directories.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "files.hpp"

namespace test_support {

/// A fresh, empty directory under the system temp directory, unique to this process.
inline std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("ma-plan-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `command` through the shell. The group reads /dev/null unless the command redirects its
/// own standard input.
inline Run run_shell(const std::string& command) {
    auto dir = scratch_dir("run");
    std::string cmd = "{ " + command + " ; } >'" + (dir / "out").string() + "' 2>'" +
                      (dir / "err").string() + "' </dev/null";
    int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir / "out");
    r.err = read_file(dir / "err");
    std::filesystem::remove_all(dir);
    return r;
}

}  // namespace test_support
