#pragma once
// The contact fields a source column can be mapped to, and the presets for common exports.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan::lists {

enum class Field {
    record_id,  ///< the source system's own ID (Salesforce Id, HubSpot Record ID ...)
    email,
    company,
    last_name,
    first_name,
    full_name,
    phone,
    consent,         ///< opt-in / opt-out
    consent_source,  ///< how consent was obtained (form, business card, event)
    consent_at,      ///< when
    opted_out,       ///< the person unsubscribed or opted out (a refusal; see docs/lists.md)
    consent_notice,  ///< the privacy-notice version shown at consent (schema v2)
    bounced,  ///< hard bounce, or the sending system blocks the address (schema v4); never lifted
};
inline constexpr std::size_t field_count = 13;

struct FieldInfo {
    Field field;
    std::string_view id;
    TextRef label;
};
std::span<const FieldInfo> all_fields();
std::optional<Field> parse_field(std::string_view id);

struct PresetInfo {
    std::string_view id;
    TextRef description;
};
std::span<const PresetInfo> all_presets();
bool is_preset(std::string_view id);
/// Column headers a preset accepts for a field, in order of preference (compared
/// case-insensitively). The suppression fields (opted_out, bounced) are in preset_signals.
std::vector<std::string_view> preset_candidates(std::string_view preset, Field field);

/// How a "do not mail" column's cells are read.
enum class SignalValue {
    flag,           ///< yes/no (parse_flag): yes means suppressed
    inverted_flag,  ///< yes/no where yes means "may be mailed" (Eloqua IsSubscribed)
    any_text,       ///< any non-empty cell means suppressed (a bounce reason or date)
    ignored,        ///< the vendor's column is known and deliberately not read (says why)
};

/// A vendor column that says "do not mail". Every one present in a file is read; all of them
/// count (one true cell suppresses the contact).
struct SignalColumn {
    std::string_view header;
    Field field;  ///< opted_out or bounced
    SignalValue value;
};
std::vector<SignalColumn> preset_signals(std::string_view preset);

/// true when a header reads as an opt-out, unsubscribe, bounce, complaint or "do not contact"
/// signal (English or Japanese), so that an import that does not map it can stop.
bool looks_like_suppression_signal(std::string_view header);

}  // namespace maplan::lists
