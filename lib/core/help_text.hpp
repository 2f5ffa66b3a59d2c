#pragma once
// The Japanese of `--help`. Commands and options are declared with English descriptions (CLI11
// keeps one string each); this catalogue maps each English text to its Japanese, like a .po
// file's msgid/msgstr pairs, so the help formatter can show Japanese without every add_option
// call carrying two strings. A test walks the whole command tree and fails for any description
// missing here, so a new option cannot ship without its Japanese.
#include <optional>
#include <span>
#include <string_view>

#include "core/text.hpp"

namespace maplan {

/// Every entry: `en` is the exact text given to CLI11 (description, footer), `ja` its Japanese.
std::span<const TextRef> help_catalogue();

/// The Japanese for an English --help text; nullopt when the catalogue has none.
std::optional<std::string_view> help_text_ja(std::string_view en);

/// CLI11's own words in a help screen ("Usage", "OPTIONS", "REQUIRED", "TEXT", group names
/// such as "Options" and "Subcommands") in `lang`; a word the table does not know is returned
/// unchanged (an option's own metavariable, such as FILE or YYYY-MM-DD).
std::string_view help_label(std::string_view label, Lang lang);

}  // namespace maplan
