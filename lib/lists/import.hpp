#pragma once
// `lists import`: reflect one export into the customer master, as one all-or-nothing batch.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "lists/config.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

/// The most channel-ID mappings a workspace holds: the audit and the extract read each channel
/// as a column, and SQLite refuses a result of more than 2,000 columns.
inline constexpr std::size_t max_channels = 100;

struct ImportOptions {
    ProgressFn progress;
    ExclusionRules plan_rules;
    /// Fields mapped by the source's last import that this import may leave unmapped
    /// (--allow-dropped); their values are cleared on the records this import updates.
    std::vector<std::string> allow_dropped;
    /// The source name is meant to be new, even if close to an existing one (--new-source).
    bool new_source = false;
    /// The source is declared in the plan: its name is deliberate, so no typo check.
    bool declared_source = false;
    /// Messages may quote cell values (--show-pii); otherwise they are masked.
    bool show_pii = false;
};

/// A row that repeats an earlier row of the same file exactly: counted once.
struct RepeatedRow {
    std::size_t row = 0;
    std::size_t first_row = 0;
};

struct ImportSummary {
    std::string source;
    std::filesystem::path file;
    std::int64_t batch_id = 0;  ///< the import's number (`lists remove --import N`)
    Encoding encoding = Encoding::utf8;
    Text encoding_reason;                                      ///< why that encoding
    std::vector<std::pair<std::string, std::string>> mapping;  ///< field id -> column used
    std::vector<std::string> unmapped_columns;                 ///< header columns not read
    std::vector<std::pair<std::string, std::string>> dropped;  ///< allowed: field -> old column
    std::size_t rows = 0;
    std::size_t new_rows = 0;
    std::size_t changed_rows = 0;
    std::size_t unchanged_rows = 0;
    std::size_t repeated_rows = 0;      ///< exact repeats of a record within the file
    std::vector<RepeatedRow> repeated;  ///< the first few of them
    std::size_t invalid_emails = 0;     ///< kept, flagged; `lists audit` lists them
    std::size_t missing_consent = 0;    ///< no consent value recorded
    std::size_t plan_rules = 0;         ///< the plan's exclusion rules stored with this batch
};

/// Reads `file` as the export of `source` and upserts its records, keyed by the source's record ID
/// (or the email key when the export has no ID column). Runs in one transaction: any error rolls
/// everything back. Bad values (unknown consent values, undecodable fields, ragged rows, a record
/// repeated with different values) are all collected and thrown together as one IoError naming
/// file, row and column of each; a bad CSV structure or the disk filling up stops at once.
/// Refused with UsageError before anything is written: a new source name close to an existing one
/// (unless options.new_source), a field the source's last import mapped that this one does not
/// (unless allowed), more than max_channels channels. The plan's exclusion rules, when given, are
/// stored in the same transaction, so that every later audit and extract applies them whether or
/// not it is given the plan.
ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ImportOptions& options);
/// The same with default options.
ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ProgressFn& progress = {},
                              const ExclusionRules& plan_rules = {});

enum class Consent { none, opt_in, opt_out };
/// Parses a consent cell; nullopt for a value we do not know (which is an error, never consent).
std::optional<Consent> parse_consent(std::string_view value);
/// Parses a yes/no flag cell (opted-out columns); nullopt for an unknown value.
std::optional<bool> parse_flag(std::string_view value);

}  // namespace maplan::lists
