#pragma once
// "Did you mean …" for keys, rule IDs, subcommands and enum values.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maplan {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions) over code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate if it is close enough to be a plausible typo, else nullopt.
/// Comparison ignores ASCII case and treats '-' and '_' alike.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

}  // namespace maplan
