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
/// atomically: an existing file is replaced only when the whole extract has been written. Cells
/// that a spreadsheet would run as a formula get a leading apostrophe. Throws IoError (disk full,
/// unwritable folder, a character CP932 cannot hold) with the target untouched.
ExtractSummary extract_contactable(Workspace& ws, const ListsConfig& config,
                                   const std::filesystem::path& out, Encoding encoding,
                                   const ProgressFn& progress = {});

}  // namespace maplan::lists
