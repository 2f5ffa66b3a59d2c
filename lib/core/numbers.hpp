#pragma once
// The one conversion every number from a plan or a configuration file goes through. A number
// that does not fit its key is an error with the key's range, never a wrapped or saturated value
// (`min_dkim_bits: 3000000000` once became -2147483648 and switched a check off; `ma_plan: 1e30`
// was cast to a 64-bit integer, which is undefined behaviour).
#include <optional>
#include <string>
#include <string_view>

namespace maplan {

/// What a key accepts. Whole numbers are bounded by ±2^53 even without a stated range, so every
/// accepted value is exact as a double and fits any integer type the model uses.
struct NumberRange {
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool whole = false;
};

inline constexpr double max_exact_integer = 9007199254740992.0;  // 2^53

enum class NumberProblem { none, not_a_number, not_whole, out_of_range };

struct CheckedNumber {
    double value = 0;
    NumberProblem problem = NumberProblem::none;
    bool ok() const { return problem == NumberProblem::none; }
};

/// Parses decimal text ("120", "-3", "+2.5", "1e3"; no inf or nan) and checks it against the
/// range. Anything else is not_a_number.
CheckedNumber check_number(std::string_view text, const NumberRange& range);

/// The range as written in messages: "1..7", ">= 0", "512..16384".
std::string describe_range(const NumberRange& range);

}  // namespace maplan
