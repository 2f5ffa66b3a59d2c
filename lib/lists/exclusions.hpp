#pragma once
// Global exclusions: addresses loaded from opt-out / bounce / competitor files, whole domains and
// role local parts. They apply to every extract.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lists/config.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

/// Reasons are free words ([a-z0-9_-], up to 32); these are the usual ones.
inline constexpr std::string_view known_reasons[] = {
    "optout", "bounce", "competitor", "internal", "complaint", "legal", "other"};
bool is_valid_reason(std::string_view reason);

struct ExcludeSummary {
    std::filesystem::path file;
    std::string reason;
    std::size_t rows = 0;
    std::size_t added = 0;    ///< new exclusion entries
    std::size_t already = 0;  ///< entries already excluded (their reason is kept)
    std::size_t domains = 0;  ///< entries that were whole domains ("@example.com" or "example.com")
};

/// Loads exclusion entries from a CSV file: the column named `column`, else an email-like header,
/// else the only column. "user@x" excludes that address (by match key), "@x" or "x" the domain.
/// All or nothing, like import.
ExcludeSummary exclude_from_file(Workspace& ws, const std::filesystem::path& file,
                                 std::string_view reason, std::string_view column,
                                 std::optional<Encoding> encoding);

/// Adds domain and role-address rules (e.g. from the plan or --domain / --role flags).
/// Returns how many were new.
std::size_t add_exclusion_rules(Workspace& ws, const ExclusionRules& rules);
/// The same inside the caller's transaction.
std::size_t store_exclusion_rules(Workspace& ws, const ExclusionRules& rules);
/// Removes domain and role rules (reasons are ignored); returns how many existed. Excluded
/// addresses are never removed: an opt-out stands until the person opts in again, and that is a
/// consent record in an import, not an edit of the exclusions.
std::size_t remove_exclusion_rules(Workspace& ws, const ExclusionRules& rules);

/// Hashes std::string and std::string_view alike, so lookups by a view allocate nothing.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ReasonMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

/// All exclusions in memory, for checking contacts in one pass.
struct ExclusionSet {
    ReasonMap emails;   ///< email key -> reason
    ReasonMap domains;  ///< domain -> reason
    ReasonMap roles;    ///< lower-case local part -> reason
    /// The reason a contact is excluded, or nullptr. Opted-out flags count as "optout".
    const std::string* reason_for(std::string_view email_key, std::string_view local,
                                  std::string_view domain, bool opted_out) const;
};
ExclusionSet load_exclusions(Workspace& ws);
/// The workspace's exclusions plus the plan's domain and role rules: what every scan applies.
ExclusionSet exclusions_for(Workspace& ws, const ExclusionRules& plan_rules);

/// How a domain rule ("@example.com" or "example.com", any case, IDN) and a role rule ("Info")
/// are stored and looked up.
std::string domain_rule_key(std::string_view domain);
std::string role_rule_key(std::string_view local);

}  // namespace maplan::lists
