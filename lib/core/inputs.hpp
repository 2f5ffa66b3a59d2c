#pragma once
// Turns what the user named on the command line into the list of plan files to read:
// files as given, directories searched recursively for *.yaml / *.yml (sorted, so output order is
// stable), "-" for standard input. Configuration files (.ma-plan.yaml) are skipped in directories.
#include <string>
#include <vector>

namespace maplan {

/// Paths that do not exist, and directories without plan files, are passed through unchanged, so
/// the reader reports them per file.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

}  // namespace maplan
