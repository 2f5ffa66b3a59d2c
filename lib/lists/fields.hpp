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
    opted_out,       ///< a yes/no unsubscribe flag
    consent_notice,  ///< the privacy-notice version shown at consent (schema v2)
};
inline constexpr std::size_t field_count = 12;

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
/// case-insensitively).
std::vector<std::string_view> preset_candidates(std::string_view preset, Field field);

}  // namespace maplan::lists
