#pragma once
// The command line's own failures in the user's language. CLI11 reports parse errors in English
// and without the ma-plan: prefix; main() hands the error's kind and text here, with the names
// the user could have meant, and prints what comes back. No CLI11 types, so this is testable
// without a parser.
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan {

/// `kind` is CLI11's error name (ExtrasError, RequiredError, ValidationError, ArgumentMismatch,
/// …), `what` its English message, `options` the option names of the command being parsed
/// ("--format"). Returns the full text to print, each line starting "ma-plan: " except the
/// last, which says how to get help for `command` ("validate", "lists import", or empty).
Text explain_parse_error(std::string_view kind, std::string_view what,
                         const std::vector<std::string>& options, std::string_view command);

/// "unknown command" for `word` under `parent` ("" for the top level, or "lists"), with the
/// nearest of `names`.
Text explain_unknown_command(std::string_view parent, std::string_view word,
                             const std::vector<std::string>& names);

}  // namespace maplan
