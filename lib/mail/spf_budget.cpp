#include "mail/spf_budget.hpp"

#include <algorithm>

namespace maplan::mail {

std::vector<IncludeCost> merge_catalogue(const std::vector<IncludeCost>& overrides) {
    std::vector<IncludeCost> out = vendor_include_catalogue();
    for (const IncludeCost& o : overrides) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const IncludeCost& c) { return c.domain == o.domain; });
        if (it != out.end()) {
            // Keep the vendor's name when the override only gives a figure.
            std::string vendor = o.vendor.empty() ? it->vendor : o.vendor;
            *it = o;
            it->vendor = std::move(vendor);
        } else {
            out.push_back(o);
        }
    }
    return out;
}

const IncludeCost* find_include(const std::vector<IncludeCost>& catalogue,
                                std::string_view domain) {
    std::string_view d = domain;
    if (!d.empty() && d.back() == '.') d.remove_suffix(1);  // a trailing dot names the same domain
    for (const IncludeCost& c : catalogue)
        if (c.domain == d) return &c;
    for (const IncludeCost& c : catalogue) {
        if (c.domain.rfind("*.", 0) != 0) continue;
        std::string_view suffix = std::string_view(c.domain).substr(1);  // ".hubspotemail.net"
        if (d.size() > suffix.size() && d.substr(d.size() - suffix.size()) == suffix) return &c;
    }
    return nullptr;
}

LookupBudget spf_lookup_budget(const SpfRecord& record, const std::vector<IncludeCost>& catalogue) {
    LookupBudget budget;
    for (const SpfLookup& l : spf_lookups(record)) {
        LookupCharge charge;
        charge.term_index = l.term_index;
        charge.term = record.terms[l.term_index].text;
        charge.needs_nested = l.kind == "include" || l.kind == "redirect";
        if (charge.needs_nested) {
            charge.entry = l.has_macros ? nullptr : find_include(catalogue, l.target);
            if (charge.entry != nullptr) charge.nested = charge.entry->nested_lookups;
            if (!charge.nested) budget.unknown.push_back(l.target);
        }
        budget.known_total += charge.own + charge.nested.value_or(0);
        budget.charges.push_back(std::move(charge));
    }
    return budget;
}

}  // namespace maplan::mail
