#include "render/report.hpp"

namespace maplan::render {

std::size_t Report::count(Severity severity) const {
    std::size_t n = 0;
    for (const FileResult& f : files) {
        for (const Finding& finding : f.findings) n += finding.severity == severity ? 1 : 0;
    }
    return n;
}

std::size_t Report::unreadable() const {
    std::size_t n = 0;
    for (const FileResult& f : files) n += f.fatal ? 1 : 0;
    return n;
}

bool Report::failed() const {
    for (const FileResult& f : files) {
        for (const Finding& finding : f.findings) {
            if (finding.severity >= fail_on) return true;
        }
    }
    return false;
}

std::string display_path(const FileResult& file) {
    return file.path.empty() ? "<stdin>" : file.path;
}

}  // namespace maplan::render
