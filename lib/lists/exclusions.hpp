#pragma once
// Global exclusions: addresses loaded from opt-out / bounce / competitor files, whole domains and
// role local parts. They apply to every extract.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/text.hpp"
#include "lists/config.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

/// Why an address, domain or role is excluded: a fixed list, so that a typo ("optuot") cannot
/// become a waterfall line of its own. Stored as the id.
struct ReasonInfo {
    std::string_view id;
    TextRef meaning;
    /// A refusal by the person: a recorded newer opt-in lifts it (docs/lists.md, "Who may be
    /// mailed"). The other reasons are about the address or the company and stay.
    bool refusal;
};
std::span<const ReasonInfo> all_reasons();
bool is_valid_reason(std::string_view reason);
/// true for optout and complaint (see ReasonInfo::refusal).
bool is_refusal_reason(std::string_view reason);
/// Throws UsageError (exit 4) naming the allowed reasons, with "did you mean" for a near miss.
void check_reason(std::string_view reason);

struct ExcludeSummary {
    std::filesystem::path file;
    std::string reason;
    std::size_t rows = 0;
    std::size_t added = 0;    ///< new exclusion entries
    std::size_t already = 0;  ///< entries already excluded (their reason is kept)
    std::size_t domains = 0;  ///< entries that were whole domains ("example.com")
};

/// One cell of an exclusion file, parsed.
struct ExclusionEntry {
    enum class Kind { blank, address, domain, error } kind = Kind::blank;
    std::string value;  ///< the email key or the domain rule key
    Text problem;       ///< for Kind::error, without the value
};
/// Parses the forms people paste: "taro@example.co.jp", "Hanako Sato <hanako@example.co.jp>",
/// a trailing "# comment", a trailing ";" or ",", quotes around the address, "mailto:", full-width
/// text (NFKC first). Anything holding "@" after NFKC is an address, never a domain; anything
/// else must be a valid domain. A cell that is empty or only a comment is blank.
ExclusionEntry parse_exclusion_entry(std::string_view raw);

struct ExcludeOptions {
    std::string_view column;  ///< empty: an email-like header, else the only column
    std::optional<Encoding> encoding;
    bool show_pii = false;  ///< quote rejected cells in errors instead of masking them
};

/// Loads exclusion entries from a CSV file (see parse_exclusion_entry). All or nothing: a row
/// that is neither an address nor a valid domain is an error, every such row is listed (the first
/// 20, then a count), and nothing is stored.
ExcludeSummary exclude_from_file(Workspace& ws, const std::filesystem::path& file,
                                 std::string_view reason, const ExcludeOptions& options);
/// The same with rejected cells masked.
inline ExcludeSummary exclude_from_file(Workspace& ws, const std::filesystem::path& file,
                                        std::string_view reason, std::string_view column,
                                        std::optional<Encoding> encoding) {
    return exclude_from_file(ws, file, reason,
                             ExcludeOptions{.column = column, .encoding = encoding});
}

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
    /// The reason a contact is excluded, or nullptr. Opted-out flags count as "optout", bounced
    /// flags as "bounce". With `refusal_lifted` (the person has a recorded opt-in newer than
    /// every refusal, see suppression.hpp) an address entry with a refusal reason is skipped.
    const std::string* reason_for(std::string_view email_key, std::string_view local,
                                  std::string_view domain, bool opted_out, bool bounced = false,
                                  bool refusal_lifted = false) const;
};
ExclusionSet load_exclusions(Workspace& ws);
/// The workspace's exclusions plus the plan's domain and role rules: what every scan applies.
ExclusionSet exclusions_for(Workspace& ws, const ExclusionRules& plan_rules);

/// How a domain rule ("@example.com" or "example.com", any case, IDN) and a role rule ("Info")
/// are stored and looked up.
std::string domain_rule_key(std::string_view domain);
std::string role_rule_key(std::string_view local);

}  // namespace maplan::lists
