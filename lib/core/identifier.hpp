#pragma once
// What an ID may hold, and when two IDs are the same. IDs are how plan entries refer to each
// other, so a character a reader cannot see (U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT
// OVERRIDE, NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE, NUL) would make two IDs look equal that are
// not, or hide what an ID says. The character set (docs/format.md): letters of any script
// (Latin, kana, kanji, …, Unicode categories L*), combining marks (M*), decimal digits (Nd),
// "_", "-", ".", and the Japanese middle dot "・". Two IDs that are equal after Unicode NFKC
// (`ｍａｒｋｅｔｉｎｇ` and `marketing`) are the same ID.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace maplan {

struct IdProblem {
    std::size_t index = 0;         ///< 1-based character (code point) position in the ID
    std::uint32_t code_point = 0;  ///< the first character not allowed
    std::string name;              ///< "U+200B ZERO WIDTH SPACE"
};

/// The first character not allowed in an ID, or nullopt if the ID is valid (empty IDs are the
/// caller's concern). Invalid UTF-8 is reported as its first byte.
std::optional<IdProblem> find_id_problem(std::string_view id);

/// The ID as quoted in messages: characters not allowed written as \uXXXX, so the reader sees
/// where the invisible one is.
std::string id_for_message(std::string_view id);

/// The form two IDs are compared in: Unicode NFKC.
std::string id_key(std::string_view id);

}  // namespace maplan
