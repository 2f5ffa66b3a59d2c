#include "core/numbers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace maplan {

namespace {

std::optional<double> effective_minimum(const NumberRange& range) {
    if (range.whole)
        return std::max(range.minimum.value_or(-max_exact_integer), -max_exact_integer);
    return range.minimum;
}

std::optional<double> effective_maximum(const NumberRange& range) {
    if (range.whole) return std::min(range.maximum.value_or(max_exact_integer), max_exact_integer);
    return range.maximum;
}

}  // namespace

CheckedNumber check_number(std::string_view text, const NumberRange& range) {
    CheckedNumber out;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    // from_chars would also read "inf", "nan" and hexadecimal floats; a plan means none of them.
    bool decimal = begin != end && (std::isdigit(static_cast<unsigned char>(*begin)) ||
                                    ((*begin == '-' || *begin == '.') && begin + 1 != end));
    auto [p, ec] = std::from_chars(begin, end, out.value);
    if (!decimal || ec != std::errc() || p != end || !std::isfinite(out.value)) {
        // ec == result_out_of_range: "1e400" is a number, just not one that fits.
        if (decimal && ec == std::errc::result_out_of_range && p == end) {
            out.problem = NumberProblem::out_of_range;
            return out;
        }
        out.problem = NumberProblem::not_a_number;
        return out;
    }
    if (range.whole && out.value != std::floor(out.value)) {
        out.problem = NumberProblem::not_whole;
        return out;
    }
    auto lo = effective_minimum(range);
    auto hi = effective_maximum(range);
    if ((lo && out.value < *lo) || (hi && out.value > *hi))
        out.problem = NumberProblem::out_of_range;
    return out;
}

std::string describe_range(const NumberRange& range) {
    auto lo = effective_minimum(range);
    auto hi = effective_maximum(range);
    if (range.whole && !range.minimum && !range.maximum) return fmt::format("{}..{}", *lo, *hi);
    if (lo && hi) return fmt::format("{}..{}", *lo, *hi);
    if (lo) return fmt::format(">= {}", *lo);
    if (hi) return fmt::format("<= {}", *hi);
    return "any number";
}

}  // namespace maplan
