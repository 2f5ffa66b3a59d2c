#include "core/placeholder.hpp"

namespace maplan {

bool is_placeholder(std::string_view scalar) {
    constexpr std::string_view blanks = " \t\r\n";
    std::size_t first = scalar.find_first_not_of(blanks);
    if (first == std::string_view::npos) return false;
    scalar = scalar.substr(first, scalar.find_last_not_of(blanks) - first + 1);
    return scalar.size() > placeholder_open.size() + placeholder_close.size() &&
           scalar.starts_with(placeholder_open) && scalar.ends_with(placeholder_close);
}

std::string placeholder(std::string_view text) {
    std::string out(placeholder_open);
    out += text;
    out += placeholder_close;
    return out;
}

}  // namespace maplan
