#pragma once
// `lists import`: reflect one export into the customer master, as one all-or-nothing batch.
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "lists/config.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

struct ImportSummary {
    std::string source;
    std::filesystem::path file;
    Encoding encoding = Encoding::utf8;
    std::vector<std::pair<std::string, std::string>> mapping;  ///< field id -> column used
    std::size_t rows = 0;
    std::size_t new_rows = 0;
    std::size_t changed_rows = 0;
    std::size_t unchanged_rows = 0;
    std::size_t invalid_emails = 0;   ///< kept, flagged; `lists audit` lists them
    std::size_t missing_consent = 0;  ///< no consent value recorded
    std::size_t plan_rules = 0;       ///< the plan's exclusion rules stored with this batch
};

/// Reads `file` as the export of `source` and upserts its records, keyed by the source's record ID
/// (or the email key when the export has no ID column). Runs in one transaction: any error
/// (bad CSV, undecodable byte, unknown consent value, disk full) rolls everything back and throws
/// IoError naming file, row and column. `progress` gets (bytes read, file size). The plan's
/// exclusion rules, when given, are stored in the same transaction, so that every later audit
/// and extract applies them whether or not it is given the plan.
ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ProgressFn& progress = {},
                              const ExclusionRules& plan_rules = {});

enum class Consent { none, opt_in, opt_out };
/// Parses a consent cell; nullopt for a value we do not know (which is an error, never consent).
std::optional<Consent> parse_consent(std::string_view value);
/// Parses a yes/no flag cell (opted-out columns); nullopt for an unknown value.
std::optional<bool> parse_flag(std::string_view value);

}  // namespace maplan::lists
