#pragma once
// The one conversion every number from a plan or a configuration file goes through. A number
// that does not fit its key is an error with the key's range, never a wrapped or saturated value
// (`min_dkim_bits: 3000000000` once became -2147483648 and switched a check off; `ma_plan: 1e30`
// was cast to a 64-bit integer, which is undefined behaviour).
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace maplan {

/// What a key accepts. Whole numbers are bounded by ±2^53 even without a stated range, so every
/// accepted value is exact as a double and fits any integer type the model uses.
struct NumberRange {
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool whole = false;
    /// A share or ratio of 1 (a conversion rate, ROMI): "15%" stands for 0.15.
    bool fraction = false;
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

/// A number written the way Japanese documents write one, which a plan does not take as it is:
/// `5,000,000`, `30,000,000円`, `¥5,000`, `１２０`, `120件`, `5万`, `3億5000万円`, `15%`. What was
/// written differently, and the plain number it stands for.
struct NumberSpelling {
    bool full_width = false;  ///< full-width digits or signs (１２０, ３０％)
    bool separators = false;  ///< thousands separators (5,000,000)
    bool myriads = false;     ///< 万, 億, 兆 or 千 as multipliers (5万 = 50000)
    std::string multipliers;  ///< as written: "万", "億" ("3億5000万" → "億万")
    std::string unit;         ///< a currency, counter or percent sign: "円", "件", "%"
    bool percent = false;     ///< the unit is % (or パーセント)
    std::string plain;        ///< the number meant, as the key takes it: "5000000", "0.15"
    bool fits = true;         ///< `plain` passes check_number for the key's range
};

/// Recognises such a spelling (after NFKC, so full-width forms count); nullopt for text that is
/// no number in any spelling ("TBD", "1,5", "5万万").
std::optional<NumberSpelling> read_number_spelling(std::string_view text, const NumberRange& range);

/// What to write instead, one clause for a message: "write 5000000, without thousands
/// separators" / "桁区切りのカンマを外して 5000000 と書いてください".
Text number_spelling_advice(const NumberSpelling& spelling, const NumberRange& range);

}  // namespace maplan
