// What `ma-plan --version` prints. Defined in the build directory's version.cpp, which
// cmake/version.cmake writes from `git describe --always --dirty --tags` at build time.
#pragma once

#include <string_view>

namespace maplan::cli {

/// "ma-plan 0.1.0" outside a git checkout, "ma-plan 0.1.0 (git v0.1.0-3-gabc1234-dirty)" in one.
std::string_view version_line();

}  // namespace maplan::cli
