#pragma once
// Small predicates several rule families share. Internal to lib/rules.
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>

namespace maplan::rules {

/// Stakeholder kinds on the sales side of a hand-off or an agreement (the MarketOne demand center
/// article: inside sales and field sales).
inline bool is_sales_side(std::string_view kind) {
    return kind == "sales" || kind == "inside_sales";
}

/// Whether free text mentions any of `words` (given in lower case), ignoring ASCII case. Plans mix
/// Japanese and English, so callers pass both spellings.
inline bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view w : words) {
        if (lower.find(w) != std::string::npos) return true;
    }
    return false;
}

}  // namespace maplan::rules
