#pragma once
// The live check's view of SPF and DMARC records: what it needs to walk the include tree and to
// find report addresses. Built on the RFC 7208 / RFC 9989 parsers in lib/mail (one parser each,
// shared with `validate`), so the live check and the plan rules never disagree on the grammar.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/text.hpp"

namespace maplan::domain {

/// A grammar problem inside a record, at a 1-based column of the record text.
struct RecordProblem {
    Severity severity = Severity::error;
    std::size_t column = 1;
    Text message;
};

/// An SPF term that makes the evaluator query DNS (RFC 7208 §4.6.4).
struct SpfLookupTerm {
    std::string kind;        ///< include, a, mx, ptr, exists, redirect
    std::string text;        ///< the term as written
    std::string target;      ///< domain-spec; empty: the current domain
    bool has_macro = false;  ///< target needs a message to expand (%{i}, %{s}, ...)
};

struct SpfView {
    std::vector<SpfLookupTerm> lookups;  ///< in record order; redirect last and only when used
    std::vector<RecordProblem> problems;
    bool permerror = false;  ///< a syntax error: receivers stop at this record
};

SpfView view_spf(std::string_view record);

struct DmarcView {
    std::vector<RecordProblem> problems;
    bool valid = false;                                     ///< receivers would use this record
    std::string policy;                                     ///< p= (empty when absent or invalid)
    std::vector<std::pair<std::string, std::string>> tags;  ///< name (lower case), value
    /// Host part of each mailto: URI in rua= and ruf=, lower case, de-duplicated, in order.
    std::vector<std::string> report_domains;
};

DmarcView view_dmarc(std::string_view record);

/// True for a TXT record that is meant to be SPF: "v=spf1" then a space or the end (RFC 7208
/// §4.5; case-insensitive).
bool is_spf_record(std::string_view txt);
/// True for a TXT record that starts with the version tag "v" "=" "DMARC1" (white space allowed
/// around "=", RFC 7489 §6.4); other TXT records at _dmarc are discarded (§6.6.3).
bool is_dmarc_record(std::string_view txt);

}  // namespace maplan::domain
