#include "core/text.hpp"

#include <cstdlib>

namespace maplan {

std::optional<Lang> parse_lang(std::string_view name) {
    if (name.substr(0, 2) == "ja") return Lang::ja;
    if (name.substr(0, 2) == "en" || name == "C" || name == "POSIX") return Lang::en;
    return std::nullopt;
}

Lang lang_from_environment() {
    // POSIX precedence: the first of these that is set and non-empty decides.
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value != nullptr && *value != '\0') {
            return parse_lang(value).value_or(Lang::en);
        }
    }
    return Lang::en;
}

}  // namespace maplan
