#include "core/finding.hpp"

#include <tuple>

namespace maplan {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
    if (name == "info") return Severity::info;
    if (name == "warning") return Severity::warning;
    if (name == "error") return Severity::error;
    return std::nullopt;
}

std::string_view severity_label(Severity severity, Lang lang) {
    if (lang == Lang::en) return to_string(severity);
    switch (severity) {
        case Severity::info:
            return "情報";
        case Severity::warning:
            return "警告";
        case Severity::error:
            return "エラー";
    }
    return "エラー";
}

bool finding_less(const Finding& a, const Finding& b) {
    return std::tie(a.file, a.pos, a.rule_id, a.message.en) <
           std::tie(b.file, b.pos, b.rule_id, b.message.en);
}

}  // namespace maplan
