#pragma once
// The SPF lookup budget through nested includes, counted offline (RFC 7208 §4.6.4: at most 10
// DNS-querying terms per check, nested includes and redirects included). What an include costs
// beneath its own lookup comes from a bundled, dated catalogue of the includes that MA and email
// vendors publish (vendor_includes.cpp), which a repository can override. An include the
// catalogue does not know is named as unknown and never counted as zero in silence; the live
// `domain check` measures those.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/spf.hpp"

namespace maplan::mail {

/// What one vendor include costs beneath its own lookup.
struct IncludeCost {
    std::string domain;  ///< lower case; "*.hubspotemail.net" matches any subdomain
    std::string vendor;  ///< "Adobe Marketo Engage"
    /// DNS-querying terms inside the included record, recursively (the include term itself is
    /// not counted here). nullopt: the vendor is known but no figure could be sourced.
    std::optional<int> nested_lookups;
    std::string measured;  ///< date of the figure, YYYY-MM-DD (or YYYY-MM)
    std::string source;    ///< where the figure comes from
};

/// The bundled catalogue, in table order.
const std::vector<IncludeCost>& vendor_include_catalogue();

/// The catalogue with repository overrides applied: an override replaces the entry with the same
/// domain or adds a new one.
std::vector<IncludeCost> merge_catalogue(const std::vector<IncludeCost>& overrides);

/// The entry for an include target (exact domain first, then "*." suffix entries); nullptr if
/// none.
const IncludeCost* find_include(const std::vector<IncludeCost>& catalogue, std::string_view domain);

/// One DNS-querying term of the record and what it costs.
struct LookupCharge {
    std::size_t term_index = 0;  ///< into SpfRecord::terms
    std::string term;            ///< as written ("include:mktomail.com")
    int own = 1;                 ///< the term's own lookup
    std::optional<int> nested;   ///< include/redirect: from the catalogue; nullopt = unknown
    const IncludeCost* entry = nullptr;  ///< the catalogue entry, if any
    bool needs_nested = false;  ///< include or redirect (the others have nothing beneath them)
};

struct LookupBudget {
    std::vector<LookupCharge> charges;
    int known_total = 0;               ///< every own lookup plus every known nested count
    std::vector<std::string> unknown;  ///< include/redirect targets whose cost is not known
    bool over_limit() const { return known_total > spf_max_lookups; }
};

/// Charges every DNS-querying term of a parsed record (spf_lookups order).
LookupBudget spf_lookup_budget(const SpfRecord& record, const std::vector<IncludeCost>& catalogue);

}  // namespace maplan::mail
