#pragma once
// The plan format as data: every object, its keys, their types, enums and descriptions (Japanese
// and English). The loader checks input against these tables and `ma-plan schema` prints them as
// JSON Schema, so the two can never disagree.
#include <optional>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan::schema {

enum class Kind {
    string,      ///< free text (Japanese or English)
    identifier,  ///< an ID other entries refer to (letters, digits, _ and -)
    date,        ///< YYYY-MM-DD
    integer,
    number,
    boolean,
    enumeration,  ///< one of `values`
    object,       ///< fixed keys: `fields`
    list,         ///< items of type `item`
    map,          ///< free keys (IDs, names) to values of type `item`
    one_of,       ///< any of `alternatives` (e.g. a stage written as "mql" or as "mql: {…}")
};

struct Type;

struct EnumValue {
    std::string_view value;
    TextRef description;
};

struct Field {
    std::string_view key;
    const Type* type;
    bool required;
    TextRef description;
};

struct Type {
    Kind kind = Kind::string;
    std::string_view name;  ///< object types: the definition name in JSON Schema
    TextRef description;
    std::vector<EnumValue> values;
    std::vector<Field> fields;
    const Type* item = nullptr;
    std::vector<const Type*> alternatives;
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool single_entry = false;  ///< map with exactly one key (lifecycle "mql: {…}")
    bool fraction = false;      ///< number: a share or ratio of 1, so "15%" is told to write 0.15

    const Field* field(std::string_view key) const;
    std::vector<std::string_view> keys() const;
    std::vector<std::string_view> value_names() const;
};

/// The root object of a plan file.
const Type& project_file();

/// Every named object type, for JSON Schema definitions and documentation.
std::vector<const Type*> object_types();

/// The current (and only) format version: `ma_plan: 1`.
inline constexpr long long format_version = 1;

}  // namespace maplan::schema
