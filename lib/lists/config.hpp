#pragma once
// What the lists commands need to know, independent of where it came from: command-line flags
// today, the plan's step-5 section (data sources, exclusions, consent policy, channels) later.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lists/encoding.hpp"

namespace maplan::lists {

/// One export the customer master is fed from (CRM, SFA, an event tool, a web form).
struct SourceConfig {
    std::string name;                  ///< e.g. "crm", "event-2026-10"
    std::optional<Encoding> encoding;  ///< nullopt: detect
    std::string preset;                ///< "salesforce", "hubspot", "marketo", "eloqua", "generic"
    /// field -> CSV column header; overrides the preset. Fields: see fields.hpp. Channel IDs are
    /// mapped as "channel.<name>", e.g. "channel.line" = "LINE ID".
    std::vector<std::pair<std::string, std::string>> columns;
    std::string default_consent_source;  ///< stored when the file has no consent-source column
    /// Columns that read as a suppression signal but are not one (--ignore-column); any other
    /// such column left unmapped stops the import.
    std::vector<std::string> ignored_columns;
};

/// Exclusions applied to every extract, besides the addresses loaded with `lists exclude`.
struct ExclusionRules {
    std::vector<std::pair<std::string, std::string>> domains;      ///< domain, reason
    std::vector<std::pair<std::string, std::string>> role_locals;  ///< local part, reason
};

/// Japan's Act on Specified Electronic Mail (§3) requires prior opt-in for advertising mail; the
/// narrow exceptions (business card, existing relationship) are the user's call, made explicit.
struct ConsentPolicy {
    bool require_opt_in = true;  ///< false: contacts with no recorded consent are also contactable
};

struct ListsConfig {
    std::vector<SourceConfig> sources;
    ExclusionRules exclusions;
    ConsentPolicy consent;
    std::vector<std::string> channels;  ///< channels whose customer ID every contact should have
};

/// Called now and then during long work with (units done, units total); the app draws a progress
/// bar from it. The library never writes to the terminal itself.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace maplan::lists
