#include "pdca/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>

#include <fmt/format.h>

#include "core/errors.hpp"

extern char** environ;

namespace maplan::pdca {

namespace fs = std::filesystem;

namespace {

/// Closes a pipe end once, whatever path leaves the function.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    void close() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

std::string trim_newline(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

}  // namespace

GitRun run_git(const std::string& directory, const std::vector<std::string>& args,
               const std::string* input) {
    GitRun run;
    int in_pipe[2] = {-1, -1};
    if (input != nullptr && ::pipe2(in_pipe, O_CLOEXEC) != 0) return run;
    Fd in_read{in_pipe[0]}, in_write{in_pipe[1]};
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) return run;
    Fd out_read{out_pipe[0]}, out_write{out_pipe[1]};
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) return run;
    Fd err_read{err_pipe[0]}, err_write{err_pipe[1]};

    std::vector<std::string> argv_text = {"git", "-C", directory.empty() ? "." : directory};
    // No pager and no colour, whatever the user's config says: we parse the output.
    argv_text.insert(argv_text.end(), {"--no-pager", "-c", "color.ui=never"});
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (input != nullptr) {
        posix_spawn_file_actions_adddup2(&actions, in_read.fd, STDIN_FILENO);
    } else {
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    }
    posix_spawn_file_actions_adddup2(&actions, out_write.fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_write.fd, STDERR_FILENO);
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    out_write.close();
    err_write.close();
    in_read.close();
    if (spawned != 0) return run;
    if (input == nullptr) in_write.close();
    // Writing is non-blocking and part of the poll loop: a large input and a large output can
    // never wait on each other.
    if (in_write.fd >= 0) ::fcntl(in_write.fd, F_SETFL, O_NONBLOCK);
    std::size_t written = 0;

    // Both streams are drained together, so git never blocks on a full stderr pipe while we wait
    // on stdout.
    pollfd fds[3] = {{out_read.fd, POLLIN, 0}, {err_read.fd, POLLIN, 0}, {in_write.fd, POLLOUT, 0}};
    std::string* sinks[2] = {&run.out, &run.err};
    int open_streams = 2;
    char buffer[65536];
    while (open_streams > 0) {
        fds[2].fd = in_write.fd;
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (in_write.fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
            ssize_t n = ::write(in_write.fd, input->data() + written, input->size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input->size()) {
                in_write.close();
            }
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open_streams;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::optional<RevisionSpec> parse_revision_spec(const std::string& spec) {
    if (spec == "-") return std::nullopt;
    auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::error_code ec;
    if (fs::exists(spec, ec)) return std::nullopt;
    return RevisionSpec{spec.substr(0, colon), spec.substr(colon + 1)};
}

namespace {

/// Where to run git for a path as the user wrote it, and how to name the file from there: in the
/// file's directory when it exists (so `REV:plans/plan.yaml` works from the repository root and
/// from inside `plans/`), else from the current directory.
std::pair<std::string, std::string> locate(const std::string& path) {
    fs::path p(path);
    std::error_code ec;
    if (p.has_parent_path() && fs::is_directory(p.parent_path(), ec)) {
        return {p.parent_path().string(), "./" + p.filename().string()};
    }
    return {".", "./" + path};
}

/// Throws the one-line error for a directory outside a repository or a repository without commits.
void require_repository_with_commits(const std::string& directory, const std::string& shown) {
    GitRun top = run_git(directory, {"rev-parse", "--show-toplevel"});
    if (top.exit_status == -1) {
        throw IoError(
            {fmt::format("{}: cannot run git (is it installed?)", shown),
             fmt::format("{}: git を実行できません (インストールされていますか?)", shown)});
    }
    if (top.exit_status != 0) {
        throw IoError({fmt::format("{}: not inside a git repository", shown),
                       fmt::format("{}: git リポジトリの中にありません", shown)});
    }
    if (run_git(directory, {"rev-parse", "--verify", "--quiet", "HEAD^{commit}"}).exit_status !=
        0) {
        throw IoError({fmt::format("{}: the git repository has no commits yet", shown),
                       fmt::format("{}: git リポジトリにまだコミットがありません", shown)});
    }
}

}  // namespace

SourceFilePtr read_at_revision(const RevisionSpec& spec) {
    std::string shown = spec.revision + ":" + spec.path;
    auto [directory, relative] = locate(spec.path);
    require_repository_with_commits(directory, shown);
    if (run_git(directory, {"rev-parse", "--verify", "--quiet", spec.revision + "^{commit}"})
            .exit_status != 0) {
        throw IoError(
            {fmt::format("{}: no revision \"{}\" in this repository", shown, spec.revision),
             fmt::format("{}: リポジトリにリビジョン「{}」がありません", shown, spec.revision)});
    }
    std::string object = spec.revision + ":" + relative;
    if (run_git(directory, {"cat-file", "-e", object}).exit_status != 0) {
        throw IoError(
            {fmt::format("{}: \"{}\" is not in revision {}", shown, spec.path, spec.revision),
             fmt::format("{}: リビジョン {} に「{}」はありません", shown, spec.revision,
                         spec.path)});
    }
    GitRun blob = run_git(directory, {"show", object});
    if (blob.exit_status != 0) {
        throw IoError(
            {fmt::format("{}: git show failed: {}", shown, trim_newline(blob.err)),
             fmt::format("{}: git show に失敗しました: {}", shown, trim_newline(blob.err))});
    }
    return std::make_shared<const SourceFile>(shown, std::move(blob.out));
}

std::vector<CommitInfo> log_follow(const std::string& plan, const std::string& since,
                                   std::size_t max) {
    auto [directory, relative] = locate(plan);
    require_repository_with_commits(directory, plan);
    // One record per commit: \x1e starts it, \x1f separates the header fields, and --name-only
    // then lists the file's path in that commit (before a rename it is the old name).
    std::vector<std::string> args = {"log", "--follow", "--name-only",
                                     "--format=%x1e%H%x1f%cs%x1f%an%x1f%s"};
    // A bare date would take the current time of day in git's approxidate; the whole day counts.
    if (!since.empty()) args.push_back("--since=" + since + " 00:00:00");
    if (max > 0) args.push_back("--max-count=" + std::to_string(max));
    args.push_back("--");
    args.push_back(relative);
    GitRun log = run_git(directory, args);
    if (log.exit_status != 0) {
        throw IoError({fmt::format("{}: git log failed: {}", plan, trim_newline(log.err)),
                       fmt::format("{}: git log に失敗しました: {}", plan, trim_newline(log.err))});
    }
    std::vector<CommitInfo> commits;
    std::size_t at = 0;
    while ((at = log.out.find('\x1e', at)) != std::string::npos) {
        std::size_t end = log.out.find('\x1e', at + 1);
        std::string record =
            log.out.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
        at = end == std::string::npos ? log.out.size() : end;
        std::size_t line_end = record.find('\n');
        std::string header = record.substr(0, line_end);
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (std::size_t sep; (sep = header.find('\x1f', from)) != std::string::npos;
             from = sep + 1) {
            fields.push_back(header.substr(from, sep - from));
        }
        fields.push_back(header.substr(from));
        if (fields.size() != 4) continue;
        CommitInfo c{fields[0], fields[1], fields[2], fields[3], {}};
        std::string rest = line_end == std::string::npos ? "" : record.substr(line_end + 1);
        std::size_t pos = 0;
        while (pos < rest.size()) {
            std::size_t nl = rest.find('\n', pos);
            std::string line = rest.substr(pos, nl == std::string::npos ? nl : nl - pos);
            pos = nl == std::string::npos ? rest.size() : nl + 1;
            if (!line.empty()) {
                c.path = line;
                break;
            }
        }
        commits.push_back(std::move(c));
    }
    return commits;
}

std::string repository_root(const std::string& plan) {
    GitRun top = run_git(locate(plan).first, {"rev-parse", "--show-toplevel"});
    return top.exit_status == 0 ? trim_newline(top.out) : std::string();
}

std::vector<std::optional<std::string>> read_blobs(const std::string& root,
                                                   const std::vector<CommitInfo>& commits) {
    std::string requests;
    for (const CommitInfo& c : commits) requests += c.hash + ":" + c.path + "\n";
    GitRun batch = run_git(root, {"cat-file", "--batch"}, &requests);
    std::vector<std::optional<std::string>> blobs(commits.size());
    if (batch.exit_status != 0) return blobs;
    // Each answer is "<oid> <type> <size>\n<content>\n", or "<request> missing\n".
    std::size_t at = 0;
    for (std::size_t i = 0; i < commits.size() && at < batch.out.size(); ++i) {
        std::size_t nl = batch.out.find('\n', at);
        if (nl == std::string::npos) break;
        std::string header = batch.out.substr(at, nl - at);
        at = nl + 1;
        std::size_t last_space = header.rfind(' ');
        if (last_space == std::string::npos || header.ends_with(" missing") ||
            header.ends_with(" ambiguous")) {
            continue;
        }
        std::size_t size = 0;
        const char* digits = header.data() + last_space + 1;
        const char* digits_end = header.data() + header.size();
        if (std::from_chars(digits, digits_end, size).ptr != digits_end) break;  // not git's
        bool is_blob = header.find(" blob ") != std::string::npos;
        if (at + size > batch.out.size()) break;
        if (is_blob) blobs[i] = batch.out.substr(at, size);
        at += size + 1;
    }
    return blobs;
}

}  // namespace maplan::pdca
