#pragma once
// A lexical pass over YAML text that knows what yaml-cpp does not tell: where the real comments
// are, and where a quoted scalar is left open. yaml-cpp drops comments, and it accepts an
// unterminated quoted scalar at the end of the file, or one whose continuation lines are not
// indented (YAML 1.2 §7.3: a multi-line flow scalar's lines must be indented more than the block
// it belongs to), which silently swallows the rest of the plan into one string.
//
// The pass tracks just enough structure for that: block scalars (| and >, whose lines are content,
// never comments), quoted scalars with their escapes, plain scalars on a line (a quote inside
// `say "hi` is text), multi-line plain scalars, and flow collections. It never decides anything
// else about the document.
//
// The same pass finds the slips of a Japanese input method: characters that look like YAML
// syntax but are not (YAML 1.2 §6.1: indentation is ASCII spaces only; §7.4: flow collections
// use ASCII `[ ] { } ,`; §7.3.3: `:` and `-` are ASCII indicators). yaml-cpp reads them as text
// and fails lines later ("illegal map value"), or silently makes 「　name」 a key. Text inside
// quotes, comments and block scalars, and a full-width character in the middle of a value
// (`note: 時刻 10：00`), is never a slip.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"

namespace maplan::yaml {

struct OpenQuote {
    std::size_t offset = 0;  ///< byte offset of the opening quote
    /// 1-based line that a continuation was not indented on; 0: the file ended inside the string.
    std::uint32_t runs_into_line = 0;
};

/// A flow collection (`[` or `{`) still open where a line is not indented inside it, or at the
/// end of the file. yaml-cpp then says "end of sequence flow not found" at some later line.
struct OpenFlow {
    std::size_t offset = 0;            ///< byte offset of the outermost opening bracket
    std::uint32_t runs_into_line = 0;  ///< 0: the file ended inside it
};

enum class SlipKind {
    ideographic_space,  ///< U+3000 where YAML needs an ASCII space (indentation, after : or -)
    fullwidth_colon,    ///< ： as the separator of a key and its value
    fullwidth_dash,     ///< －, ー, ―, ‐ … as the dash of a list item
    fullwidth_bracket,  ///< ［ ］ ｛ ｝ as the brackets of a flow collection
    fullwidth_comma,    ///< ， or 、 as the separator inside a flow collection
};

/// Where a U+3000 stands (SlipKind::ideographic_space only).
enum class SpaceSlot { indentation, after_colon, after_dash };

struct ImeSlip {
    SlipKind kind = SlipKind::ideographic_space;
    std::size_t offset = 0;  ///< byte offset of the offending character
    std::string written;  ///< the text as written that must change: "：", "－　", "［a, b］"
    std::string replacement;  ///< exactly what to write instead: ":", "- ", "[a, b]"
    SpaceSlot slot = SpaceSlot::indentation;
    std::size_t indent_columns = 0;  ///< indentation: ASCII spaces the whole indentation needs
    std::string key;                 ///< fullwidth_colon / after_colon: the key before it
    /// The corrected text a message shows: the key with its colon ("name: "), or "- ".
    std::string fixed;
};

/// A full-width colon inside a key-position word with no space after it (`name：テスト`): text to
/// YAML, so not a slip by itself, but the place to look if yaml-cpp fails on a following line.
struct ColonSuspect {
    std::size_t offset = 0;  ///< byte offset of the ：
    std::size_t word = 0;    ///< byte offset where the word holding it starts
    std::uint32_t line = 0;
};

struct LexicalScan {
    std::vector<std::size_t> comments;    ///< byte offsets of each '#' that starts a real comment
    std::optional<OpenQuote> open_quote;  ///< the first quoted scalar left open; the scan stops
    std::optional<OpenFlow> open_flow;    ///< the first flow collection that runs on unclosed
    std::vector<ImeSlip> slips;           ///< in file order; at most max_slips
    std::vector<ColonSuspect> colon_suspects;  ///< in file order; at most max_slips
    static constexpr std::size_t max_slips = 100;
};

LexicalScan scan_lexical(const SourceFile& file);

}  // namespace maplan::yaml
