#pragma once
// The bulk-sender gate (issue 10, item 6): Google's and Yahoo's sender requirements (2024) and
// Microsoft's for its consumer domains (2025), met or not. Facts in, a report out: the plan
// gives one set of facts (`facts_from_plan`), and the live `domain check` can give another whose
// known values replace the plan's (`overlay`), so the same gate reads DNS results when there are
// any and the plan otherwise. Each requirement says which source decided it.
#include <optional>
#include <string>
#include <vector>

#include "core/json_writer.hpp"
#include "core/model.hpp"
#include "core/text.hpp"
#include "reports/common.hpp"
#include "rules/rule.hpp"

namespace maplan::reports {

enum class FactSource { plan, dns };

/// One fact with where it came from; empty when nobody knows it.
template <class T>
struct Fact {
    std::optional<T> value;
    FactSource source = FactSource::plan;
    Text detail;  ///< why the value is what it is ("DMARC record has errors (MAIL-007)")
    bool known() const { return value.has_value(); }
};

struct SenderFacts {
    Fact<double> daily_volume;  ///< messages a day to one provider
    Fact<bool> spf_valid;       ///< an SPF record exists and parses without errors
    Fact<bool> dkim_valid;      ///< DKIM signing with a key of at least 1024 bits
    Fact<bool> dmarc_valid;     ///< a DMARC record exists, parses, and applies a policy
    Fact<bool> dmarc_aligned;   ///< SPF or DKIM authenticates the From domain (DMARC alignment)
    Fact<bool> one_click_unsubscribe;  ///< RFC 8058 List-Unsubscribe-Post
    Fact<double> spam_rate;            ///< 0..1 (Postmaster Tools)
    Fact<bool> reverse_dns;            ///< sending IPs have matching forward and reverse DNS
    Fact<bool> tls;                    ///< mail is sent over TLS
};

/// What the plan says. Reverse DNS and TLS are not in the plan: unknown unless DNS fills them.
SenderFacts facts_from_plan(const Project& project);

/// `base` with every fact that `live` knows replaced by the live one.
SenderFacts overlay(SenderFacts base, const SenderFacts& live);

enum class GateStatus { met, not_met, unknown };

struct GateRequirement {
    TextRef name;
    bool bulk_only = false;  ///< applies only to bulk senders
    GateStatus status = GateStatus::unknown;
    FactSource source = FactSource::plan;
    Text detail;
};

struct SenderGate {
    bool bulk =
        false;  ///< daily volume at or above the threshold (unknown volume: treated as bulk)
    bool volume_known = false;
    double bulk_threshold = 5000;
    std::vector<GateRequirement> requirements;
    /// Every applicable requirement met.
    bool passed() const;
    /// not_met if any applicable requirement is not met, else unknown if any is unknown, else met.
    GateStatus verdict() const;
};

SenderGate evaluate_sender_gate(const SenderFacts& facts, const rules::Thresholds& thresholds);

/// Markdown section (a heading and a table) and JSON object, in the renderers' language.
std::string render_sender_gate_markdown(const SenderGate& gate, Lang lang);
void write_sender_gate_json(JsonWriter& out, const SenderGate& gate, Lang lang);

TextRef gate_status_label(GateStatus status);
TextRef fact_source_label(FactSource source);

}  // namespace maplan::reports
