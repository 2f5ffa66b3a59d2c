#include "core/inputs.hpp"

#include <algorithm>
#include <filesystem>

namespace maplan {

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (arg == "-" || !fs::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        auto options = fs::directory_options::skip_permission_denied;
        for (fs::recursive_directory_iterator it(arg, options, ec), end; !ec && it != end;
             it.increment(ec)) {
            const fs::path& p = it->path();
            std::string name = p.filename().string();
            if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
                it.disable_recursion_pending();  // .git and friends
                continue;
            }
            if (!it->is_regular_file(ec)) continue;
            std::string ext = p.extension().string();
            if ((ext == ".yaml" || ext == ".yml") && name != ".ma-plan.yaml" &&
                name != ".ma-plan.yml") {
                found.push_back(p.string());
            }
        }
        std::sort(found.begin(), found.end());
        // A directory without plans stays in the list so it is reported: a mistyped path in a
        // CI job must not pass by checking nothing.
        if (found.empty()) found.push_back(arg);
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace maplan
