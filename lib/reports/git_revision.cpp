#include "reports/git_revision.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>

extern char** environ;

namespace maplan::reports {

std::string git_revision(const std::filesystem::path& dir) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::string dir_arg = dir.empty() ? std::string(".") : dir.string();
    char arg0[] = "git", arg1[] = "-C", arg3[] = "rev-parse", arg4[] = "--short", arg5[] = "HEAD";
    char* argv[] = {arg0, arg1, dir_arg.data(), arg3, arg4, arg5, nullptr};
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string out;
    if (rc == 0) {
        char buf[256];
        for (;;) {
            ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            if (out.size() < 4096) out.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(fds[0]);
    if (rc != 0) return {};
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    // A revision is hex; anything else (a wrapper printing a message) is not shown on a cover.
    for (char c : out) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
    }
    return out;
}

}  // namespace maplan::reports
