#include "render/report.hpp"

#include <fmt/format.h>

namespace maplan::render {

std::size_t Report::count(Severity severity) const {
    std::size_t n = 0;
    for (const FileResult& f : files) {
        for (const Finding& finding : f.findings) n += finding.severity == severity ? 1 : 0;
        for (const OmittedFindings& o : f.omitted) n += o.severity == severity ? o.count : 0;
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
        for (const OmittedFindings& o : f.omitted) {
            if (o.severity >= fail_on) return true;
        }
    }
    return false;
}

std::vector<OmittedSummary> omitted_by_rule(const FileResult& file) {
    std::vector<OmittedSummary> out;
    for (const OmittedFindings& o : file.omitted) {
        if (!out.empty() && out.back().rule_id == o.rule_id) {
            out.back().count += o.count;
        } else {
            out.push_back({o.rule_id, o.count});
        }
    }
    return out;
}

Text omitted_line(const OmittedSummary& o, std::size_t cap) {
    return {
        fmt::format("and {} more {} (at most {} per rule are shown; --max-findings 0 shows all)",
                    thousands(o.count), o.rule_id, cap),
        fmt::format("ほかに {} が {} 件あります (ルールごとに {} 件まで表示。すべて表示するには "
                    "--max-findings 0)",
                    o.rule_id, thousands(o.count), cap)};
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string display_path(const FileResult& file) {
    return file.path.empty() ? "<stdin>" : file.path;
}

}  // namespace maplan::render
