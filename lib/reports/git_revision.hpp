#pragma once
// The git revision of the directory a plan lives in, for the report's cover: a delivered document
// should say which version of the plan it shows.
#include <filesystem>
#include <string>

namespace maplan::reports {

/// `git -C dir rev-parse --short HEAD`, run without a shell; empty when git is not installed, the
/// directory is not in a repository, or the repository has no commit yet. Never throws for those.
std::string git_revision(const std::filesystem::path& dir);

}  // namespace maplan::reports
