#pragma once
// Placeholders: the values `ma-plan init` writes for the user to replace. They are marked by
// syntax, never recognised by their wording: a placeholder is a scalar whose whole text is
// enclosed in `<<` and `>>` (e.g. "<<営業と合意した MQL の定義>>"). The loader keeps them out of
// the model (the key reads as absent, a list drops the item), so a placeholder never ticks a
// checklist item, and records each one so PLACEHOLDER-001 can list what is left.
#include <string>
#include <string_view>

namespace maplan {

inline constexpr std::string_view placeholder_open = "<<";
inline constexpr std::string_view placeholder_close = ">>";

/// True when `scalar` (leading and trailing spaces ignored) is `<<…>>` with something inside.
bool is_placeholder(std::string_view scalar);

/// `<<text>>`, as the starter writes it.
std::string placeholder(std::string_view text);

}  // namespace maplan
