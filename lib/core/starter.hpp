#pragma once
// `ma-plan init`: a commented starter plan that walks a new user through the seven steps.
#include <filesystem>
#include <string>

#include "core/text.hpp"

namespace maplan {

std::string starter_plan(Lang lang, const std::string& project_name, const std::string& tool);

/// Creates `path` with `content` through AtomicFileWriter, failing with IoError if it exists
/// already (never overwrites, even when two runs race: the final step is link(2), which refuses
/// an existing name). A new plan gets 0666 minus the umask.
void create_new_file(const std::filesystem::path& path, const std::string& content);

}  // namespace maplan
