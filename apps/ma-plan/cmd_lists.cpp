#include "cli.hpp"

namespace maplan::cli {
void register_lists_commands(CLI::App& /*app*/, Context& /*ctx*/) {}
}  // namespace maplan::cli
