#pragma once
// Positions inside a YAML scalar. The loader keeps where each scalar starts; a rule that finds a
// problem at byte N of the scalar's VALUE (an SPF term, a DMARC tag) needs the file position of
// that byte, which differs from start + N as soon as the scalar is quoted, escaped or a block.
#include <cstddef>
#include <string_view>

#include "core/source.hpp"

namespace maplan {

/// The position in `file` of byte `offset` of the value of the scalar that starts at `start`
/// (its first character, or its opening quote, or its block indicator `|`/`>`). The scalar's text
/// is read again from the file: plain scalars on one line, single-quoted ('' is one quote) and
/// double-quoted scalars on one line (an escape maps to its backslash), and literal or folded
/// block scalars whose lines do not fold. For anything else (multi-line flow scalars, whose line
/// breaks fold into spaces, or a file whose text there does not spell out `value`) the mapping
/// cannot be verified, so the scalar's start is returned rather than a wrong column.
/// An offset at or past the end maps just after the last character.
SourcePos scalar_position(const SourceFile& file, SourcePos start, std::string_view value,
                          std::size_t offset);

}  // namespace maplan
