#pragma once
// SPF records per RFC 7208: the term grammar (§4.6.1, §12 "Collected ABNF"), mechanisms (§5),
// modifiers (§6) and macros (§7). The parser never touches DNS; it reports every syntax error a
// receiver would answer with "permerror", plus the warnings a reviewer would raise, each at the
// byte range of the offending term (or of the character inside it).
//
// API (stable; `domain check` and the plan rules both use it):
//
//   SpfRecord r = parse_spf("v=spf1 include:_spf.google.com ~all");
//   for (const SpfTerm& t : r.terms) ...          // typed terms, with byte offsets
//   for (const Problem& p : r.problems) ...       // offset, length, severity, Text{en, ja}
//   for (const SpfLookup& l : spf_lookups(r)) ... // the terms that query DNS, in order
//
// The text passed in is the record as DNS delivers it: for a multi-string TXT record, the
// strings already concatenated (txt.hpp does that for the plan's written form).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/problem.hpp"

namespace maplan::mail {

/// §4.6.2: "+" pass (also when no qualifier is written), "-" fail, "~" softfail, "?" neutral.
enum class SpfQualifier { pass, fail, softfail, neutral };

enum class SpfMechanism { all, include, a, mx, ptr, ip4, ip6, exists };

enum class SpfTermKind {
    version,    ///< the leading "v=spf1"
    mechanism,  ///< a known mechanism (`kind`/`mechanism` are valid even if its argument is bad)
    modifier,   ///< name=value: redirect, exp, or an unknown modifier (§6, §4.6.1)
    invalid,    ///< neither: an unknown mechanism, a modifier with a bad name, ...
};

struct SpfTerm {
    std::size_t offset = 0;  ///< first byte of the term (its qualifier, if any)
    std::size_t length = 0;
    std::string text;  ///< the term as written
    SpfTermKind kind = SpfTermKind::invalid;

    // Mechanisms.
    SpfQualifier qualifier = SpfQualifier::pass;
    bool qualifier_written = false;  ///< false for a bare "all": that is "+all"
    SpfMechanism mechanism = SpfMechanism::all;
    /// include/a/mx/ptr/exists: the domain-spec after ":" (empty when absent: the current
    /// domain for a/mx/ptr); ip4/ip6: the address without its prefix length.
    std::string argument;
    std::size_t argument_offset = 0;  ///< offset of `argument` in the record
    std::optional<int> cidr4;         ///< ip4 or a/mx: "/N"
    std::optional<int> cidr6;         ///< ip6: "/N"; a/mx: "//N"

    // Modifiers.
    std::string name;   ///< lower case: "redirect", "exp", or the unknown name as written
    std::string value;  ///< after "="
    std::size_t value_offset = 0;

    bool has_macros = false;  ///< the domain-spec or value contains a macro-expand ("%{")
};

struct SpfRecord {
    bool is_spf = false;  ///< starts with "v=spf1" followed by a space or the end (§4.5)
    std::vector<SpfTerm> terms;
    Problems problems;  ///< sorted by offset
};

/// Parses a record. Never throws; any input gives a result.
SpfRecord parse_spf(std::string_view record);

/// A term that makes the receiver query DNS and counts toward the limit of 10 (§4.6.4):
/// include, a, mx, ptr and exists mechanisms and the redirect modifier. A redirect is listed only
/// when it takes effect (there is no "all" mechanism, §6.1).
struct SpfLookup {
    std::size_t term_index = 0;  ///< into SpfRecord::terms
    std::string kind;            ///< "include", "a", "mx", "ptr", "exists" or "redirect"
    std::string target;          ///< the domain-spec, lower case; empty = the domain being checked
    bool has_macros = false;     ///< the target depends on the message: resolvable only live
};

/// The DNS-querying terms, in record order. Terms that did not parse are left out (a receiver
/// stops at the syntax error anyway).
std::vector<SpfLookup> spf_lookups(const SpfRecord& record);

/// §3.4: records should keep the DNS answer within 512 octets; larger answers may be truncated
/// over UDP and need TCP. The record's own text is checked against this limit.
inline constexpr std::size_t spf_max_record_bytes = 512;

/// §4.6.4: at most 10 DNS-querying terms, counting nested includes and redirects.
inline constexpr int spf_max_lookups = 10;

}  // namespace maplan::mail
