#pragma once
// `--help` in the user's language: a CLI11 formatter that looks each description, footer and
// label up in lib/core/help_text and aligns columns by display width (a kanji takes two).
#include <CLI/CLI.hpp>

#include "core/text.hpp"

namespace maplan::cli {

/// Gives `app` and every command under it the formatter for `lang`. Call after all commands
/// are registered: CLI11 copies a parent's formatter only into subcommands created later.
void install_help_formatter(CLI::App& app, Lang lang);

}  // namespace maplan::cli
