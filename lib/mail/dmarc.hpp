#pragma once
// DMARC policy records per RFC 9989 (2026, obsoletes RFC 7489 and RFC 9091): the tag-list
// grammar (§4.8), the tags and their values (§4.7), and what a receiver does with a record that
// lacks a valid "p" (§4.10.1). Where RFC 7489 receivers, still common, read a record
// differently, the problem says so.
//
// API (stable; `domain check` and the plan rules both use it):
//
//   DmarcRecord r = parse_dmarc("v=DMARC1; p=none; rua=mailto:dmarc@example.com");
//   r.tags             // typed tags with byte offsets; rua/ruf carry their parsed URIs
//   r.problems         // offset, length, severity, Text{en, ja} (problem.hpp)
//   r.policy           // what a receiver applies: "none", "quarantine", "reject", or "" (none)
//   dmarc_report_uris(r)  // every mailto: report address, for the _report._dmarc check
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/problem.hpp"

namespace maplan::mail {

/// One URI of a rua/ruf list.
struct DmarcUri {
    std::size_t offset = 0;  ///< in the record
    std::size_t length = 0;
    std::string text;     ///< as written, with its "!size" if any
    std::string scheme;   ///< lower case ("mailto"); empty when there is none
    std::string address;  ///< mailto: the addr-spec, percent-decoded; empty otherwise
    std::string domain;   ///< mailto: the address's domain, lower case
    std::string size;     ///< the obsolete "!size" suffix without "!", e.g. "10m"
    bool valid = false;   ///< a mailto: URI with a syntactically valid address
};

struct DmarcTag {
    std::size_t offset = 0;  ///< first byte of the tag name
    std::size_t length = 0;  ///< name through value (surrounding white space excluded)
    std::string name;        ///< as written (tag names are case-sensitive, RFC 6376 §3.2)
    std::string value;
    std::size_t value_offset = 0;
    bool known = false;  ///< one of the RFC 9989 tags (v p sp np adkim aspf fo psd t rua ruf)
    std::vector<DmarcUri> uris;  ///< rua and ruf only
};

struct DmarcRecord {
    bool is_dmarc = false;  ///< the first tag is exactly v=DMARC1
    std::vector<DmarcTag> tags;
    Problems problems;  ///< sorted by offset
    /// The policy a receiver applies to the domain (§4.10.1): the valid p; "none" when p is
    /// missing or invalid but a valid rua URI is present; empty when no DMARC processing applies.
    std::string policy;

    /// The first tag with this exact name, or nullptr.
    const DmarcTag* find(std::string_view name) const;
};

/// Parses a record. Never throws; any input gives a result.
DmarcRecord parse_dmarc(std::string_view record);

/// The valid mailto: URIs of rua and ruf, in record order, each with the tag it came from.
struct DmarcReportUri {
    std::string tag;  ///< "rua" or "ruf"
    DmarcUri uri;
};
std::vector<DmarcReportUri> dmarc_report_uris(const DmarcRecord& record);

}  // namespace maplan::mail
