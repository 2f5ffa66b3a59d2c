#pragma once
// A lexical pass over YAML text that knows what yaml-cpp does not tell: where the real comments
// are, and where a quoted scalar is left open. yaml-cpp drops comments, and it accepts an
// unterminated quoted scalar at the end of the file, or one whose continuation lines are not
// indented (YAML 1.2 §7.3: a multi-line flow scalar's lines must be indented more than the block
// it belongs to), which silently swallows the rest of the plan into one string.
//
// The pass tracks just enough structure for that: block scalars (| and >, whose lines are content,
// never comments), quoted scalars with their escapes, plain scalars on a line (a quote inside
// `say "hi` is text), and flow collections. It never decides anything else about the document.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/source.hpp"

namespace maplan::yaml {

struct OpenQuote {
    std::size_t offset = 0;  ///< byte offset of the opening quote
    /// 1-based line that a continuation was not indented on; 0: the file ended inside the string.
    std::uint32_t runs_into_line = 0;
};

struct LexicalScan {
    std::vector<std::size_t> comments;    ///< byte offsets of each '#' that starts a real comment
    std::optional<OpenQuote> open_quote;  ///< the first quoted scalar left open; the scan stops
};

LexicalScan scan_lexical(const SourceFile& file);

}  // namespace maplan::yaml
