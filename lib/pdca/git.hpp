#pragma once
// Reading a plan's past from git. We run the git CLI rather than link libgit2: it needs no extra
// library, it is the git the user already has (same config, same safe.directory and worktree
// rules), and `git log --follow` (rename tracking) has no libgit2 equivalent. Files are read with
// `git show REV:path` into memory; nothing is ever checked out.
#include <optional>
#include <string>
#include <vector>

#include "core/source.hpp"

namespace maplan::pdca {

/// What one git invocation printed. `exit_status` is -1 when git could not be started.
struct GitRun {
    int exit_status = -1;
    std::string out;
    std::string err;
};

/// Runs `git ARGS...` in `directory` (argv, no shell), capturing both streams; `input` is fed to
/// its standard input (else it reads /dev/null).
GitRun run_git(const std::string& directory, const std::vector<std::string>& args,
               const std::string* input = nullptr);

/// `REV:path` → {REV, path}; nullopt when `spec` is a plain file name or `-`. A name with a colon
/// that exists as a file is a file, so `a:b.yaml` on disk is still readable.
struct RevisionSpec {
    std::string revision;
    std::string path;
};
std::optional<RevisionSpec> parse_revision_spec(const std::string& spec);

/// Reads `path` as of `revision` (`git show REV:path`, run in the path's directory so a plan in
/// a sub-directory works from anywhere). Throws IoError with one line naming the revision, the
/// path and what is wrong: not a repository, no commits, unknown revision, path not in it.
SourceFilePtr read_at_revision(const RevisionSpec& spec);

struct CommitInfo {
    std::string hash;
    std::string date;  ///< committer date, YYYY-MM-DD (strict ISO, in the committer's zone)
    std::string author;
    std::string subject;
    std::string path;  ///< the file's path in that commit (differs before a rename)
};

/// The commits that touched `plan` (newest first), following renames. `since` is passed to
/// --since; `max` 0 means all. Throws IoError for a path outside a repository or a repository
/// without commits.
std::vector<CommitInfo> log_follow(const std::string& plan, const std::string& since,
                                   std::size_t max);

/// The top of the work tree that holds `plan` (empty when git cannot tell).
std::string repository_root(const std::string& plan);

/// The plan as of each commit, read by one `git cat-file --batch` instead of one `git show` per
/// commit (process start-up dominated a long history). Missing objects (a commit that deleted the
/// file) come back as nullopt, in the order of `commits`.
std::vector<std::optional<std::string>> read_blobs(const std::string& root,
                                                   const std::vector<CommitInfo>& commits);

}  // namespace maplan::pdca
