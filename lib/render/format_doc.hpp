#pragma once
// The key reference of the plan format, generated from the schema tables (core/schema.cpp) that
// the loader checks against, so docs/format.md cannot drift from what the loader accepts.
#include <string>

#include "core/text.hpp"

namespace maplan::render {

std::string render_format_reference(Lang lang);

}  // namespace maplan::render
