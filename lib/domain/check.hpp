#pragma once
// `ma-plan domain check`: what DNS really holds for a sending domain, checked the way receivers
// evaluate it (SPF through its whole include tree, DMARC and its report authorisations, DKIM keys,
// MX, MTA-STS, TLS-RPT, BIMI), optionally compared with the plan's `email:` block. One report
// model; renderers in domain/render.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "dns/resolver.hpp"

namespace maplan::domain {

/// One kind of finding of the live check. The table (checks()) is the single list; docs/domain.md
/// lists the same IDs and a test keeps the two in step.
struct CheckDescriptor {
    std::string_view id;  ///< DNS-NNN
    Severity severity;
    TextRef title;
};
const std::vector<CheckDescriptor>& checks();
const CheckDescriptor* find_check(std::string_view id);

/// Record kinds in the order the report shows them.
enum class RecordKind { domain, spf, dmarc, dkim, mx, mta_sts, tls_rpt, bimi };
std::string_view to_string(RecordKind kind);  ///< "SPF", "DMARC", ...

struct DomainFinding {
    std::string id;  ///< DNS-NNN
    Severity severity = Severity::error;
    RecordKind record = RecordKind::domain;
    std::string name;  ///< the DNS name it is about ("_dmarc.example.com")
    Text message;
    Text hint;
    SourcePos plan_pos;  ///< known when the finding points at the plan
};

/// What one look-up returned, as shown in the report.
struct RecordView {
    RecordKind kind = RecordKind::spf;
    std::string name;
    dns::RrType type = dns::RrType::txt;
    dns::Status status = dns::Status::ok;
    std::vector<std::string> values;  ///< records as published (TXT joined, MX "10 host")
};

/// Lookup cost of one top-level SPF term that queries DNS, nested includes counted.
struct SpfCost {
    std::string term;  ///< as written: "include:_spf.example.net"
    int lookups = 0;   ///< this term plus everything below it
    int voids = 0;
};

struct DkimKey {
    std::string selector;
    std::string name;      ///< SELECTOR._domainkey.DOMAIN
    std::string key_type;  ///< "rsa", "ed25519"
    int bits = 0;          ///< 0 when it could not be decoded
    bool revoked = false;  ///< p= is empty (RFC 6376 §3.6.1)
};

struct DomainResult {
    std::string domain;
    std::vector<RecordView> records;
    int spf_lookups = -1;  ///< -1: no SPF record was evaluated
    int spf_voids = -1;
    bool spf_counting_stopped = false;  ///< the tree was cut off (loop or far over budget)
    std::vector<SpfCost> spf_costs;
    std::vector<DkimKey> dkim;
    std::vector<DomainFinding> findings;
    bool dns_failure = false;  ///< a query failed (SERVFAIL, REFUSED, timeout): check incomplete
    bool compared_with_plan = false;
};

struct DomainReport {
    std::vector<DomainResult> domains;  ///< in the order given
    std::string server;
    std::size_t queries = 0;  ///< DNS queries sent (identical ones are sent once)
    SourceFilePtr plan;       ///< set with --plan, for quoting lines

    std::size_t count(Severity severity) const;
    bool dns_failure() const;
};

struct CheckOptions {
    std::vector<std::string> selectors;  ///< --selector; the plan's selector is added
    const Project* plan = nullptr;       ///< --plan
    std::string plan_path;
    int min_dkim_bits = 1024;  ///< MAIL-011 / MAIL-012 thresholds
    int recommended_dkim_bits = 2048;
    dns::ResolverOptions resolver;  ///< for messages about timeouts
};

/// A domain name as given on the command line, lower-cased and without a final dot; nullopt when
/// it is not a host name (empty label, a label over 63 octets, non-ASCII, ...).
std::optional<std::string> normalise_domain(std::string_view text);

/// The last two labels, or three under the second-level domains Japan and the UK use
/// (example.co.jp): an approximation of the organisational domain without the Public Suffix List.
std::string organisational_domain(std::string_view domain);

/// Checks every domain, all of them at once (queries of all domains are in flight together).
DomainReport check_domains(const std::vector<std::string>& domains, dns::Resolver& resolver,
                           const CheckOptions& options);

/// Exit code: 2 when a DNS failure kept a check from finishing, else 1 with any error, else 0.
int exit_code_of(const DomainReport& report);

enum class Format { text, markdown, json };
std::optional<Format> parse_format(std::string_view name);
std::string render(const DomainReport& report, Format format, Lang lang, bool color);

}  // namespace maplan::domain
