#pragma once
// `lists extract`: the contactable customers as a CSV the MA tool can import.
#include <filesystem>
#include <string>
#include <vector>

#include "lists/config.hpp"
#include "lists/scan.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

struct ExtractSummary {
    std::filesystem::path out;
    Encoding encoding = Encoding::utf8;
    std::vector<std::string> columns;
    Waterfall waterfall;
};

/// Writes contactable contacts (valid, consented, not excluded, first of each email key) to `out`
/// ("-": standard output) through AtomicFileWriter as personal data (0600): an existing file is
/// replaced only when the whole extract has been written, and `out` may be neither the workspace
/// nor one of `other_inputs` (the plan). Cells that a spreadsheet would run as a formula get a
/// leading apostrophe (csv.hpp). Throws IoError (disk full, unwritable folder, a refused target, a
/// character CP932 cannot hold) with the target untouched.
ExtractSummary extract_contactable(Workspace& ws, const ListsConfig& config,
                                   const std::filesystem::path& out, Encoding encoding,
                                   const ProgressFn& progress = {},
                                   const std::vector<std::filesystem::path>& other_inputs = {});

}  // namespace maplan::lists
