#pragma once
// Keys and values compared the way a Japanese keyboard mistypes them: after NFKC (full-width
// ｎａｍｅ and half-width katakana become name and カナ) and case folding. Used only to suggest:
// the loader still accepts exactly the documented spellings, so what validate accepts is what
// status and checklist print back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.hpp"
#include "core/text.hpp"

namespace maplan {

/// NFKC, then Unicode case folding. Input that is not UTF-8 is returned unchanged.
std::string nfkc_casefold(std::string_view text);

/// A suggestion for a key or value that is not allowed, with why it is suggested.
struct Guess {
    std::string name;
    Text note;  ///< "(full-width)" / "(全角)", the value's label (未着手), or empty for a typo
};

/// The intended name: equal after nfkc_casefold (note: full-width, when the written text is not
/// plain ASCII), else the closest typo of the folded text.
std::optional<Guess> guess_name(std::string_view written,
                                const std::vector<std::string_view>& names);

/// For an enum value: guess_name, else a value whose label the tool prints (the Japanese or
/// English description, or a part of it in parentheses: 未着手 → todo, 毎月 → monthly, IT →
/// internal_systems), else a documented synonym (Shift_JIS → cp932, 保留 → blocked, 都度 →
/// manual). Never accepted as the value itself.
std::optional<Guess> guess_enum_value(std::string_view written, const schema::Type& type);

/// `; did you mean "x" (note)?` and `。「x」(note) の誤りではありませんか?`, or empty texts.
Text did_you_mean(const std::optional<Guess>& guess);

}  // namespace maplan
