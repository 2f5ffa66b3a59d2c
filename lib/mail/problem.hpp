#pragma once
// What the mail-record parsers (SPF, DMARC, TXT strings) say about a record. This unit knows
// nothing of plans or YAML: it reads a record's text and reports byte ranges inside it, so the
// plan rules (MAIL-*) and the live `domain check` can both use it and map the ranges to their
// own positions (a YAML scalar, a DNS answer).
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/text.hpp"

namespace maplan::mail {

/// One problem in a record. `offset` and `length` are bytes of the text that was parsed (for a
/// TXT record: of the concatenated strings, see txt.hpp). `length` is at least 1 unless the
/// problem is "something is missing at the end", where it is 0 and `offset` is the text's size.
struct Problem {
    std::size_t offset = 0;
    std::size_t length = 0;
    Severity severity = Severity::error;  ///< error: receivers reject or ignore the record
    Text message;
    /// Set for the problems callers route or count separately; empty otherwise. Stable values:
    /// "txt-string-length" (a string over 255 bytes), "spf-record-length" (over 512 bytes),
    /// "dmarc-removed-tag" (pct, rf, ri).
    std::string_view code;
};

using Problems = std::vector<Problem>;

}  // namespace maplan::mail
