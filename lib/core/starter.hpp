#pragma once
// `ma-plan init`: a commented starter plan that walks a new user through the seven steps.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace maplan {

/// `text` as a YAML double-quoted scalar: `"` and `\` escaped, control characters and the YAML
/// 1.1 line breaks (U+0085, U+2028, U+2029) and U+FEFF as escapes; everything else as is.
std::string yaml_double_quoted(std::string_view text);

/// The starter plan; `project_name` is quoted with yaml_double_quoted.
std::string starter_plan(Lang lang, const std::string& project_name, const std::string& tool);

/// Creates `path` with `content` through AtomicFileWriter, failing with IoError if it exists
/// already (never overwrites, even when two runs race: the final step is link(2), which refuses
/// an existing name). A new plan gets 0666 minus the umask.
void create_new_file(const std::filesystem::path& path, const std::string& content);

}  // namespace maplan
