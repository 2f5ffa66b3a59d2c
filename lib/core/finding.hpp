#pragma once
// Findings are values sent to a sink (never exceptions): the loader and the rules produce them,
// renderers consume them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "core/text.hpp"

namespace maplan {

/// Ordered so that "at or above the failing severity" is a plain comparison.
enum class Severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view name);
/// Localised label as printed in text output ("error" / "エラー").
std::string_view severity_label(Severity severity, Lang lang);

struct Finding {
    std::string rule_id;
    Severity severity = Severity::error;
    std::string file;  ///< path as the user gave it ("-" shows as "<stdin>")
    SourcePos pos;
    Text message;
    Text hint;  ///< optional: what to do about it
};

/// Stable order for output: file, position, rule ID, message.
bool finding_less(const Finding& a, const Finding& b);

class FindingSink {
  public:
    virtual ~FindingSink() = default;
    virtual void add(Finding finding) = 0;
};

class FindingList final : public FindingSink {
  public:
    void add(Finding finding) override { findings_.push_back(std::move(finding)); }
    std::vector<Finding>& items() { return findings_; }
    const std::vector<Finding>& items() const { return findings_; }

  private:
    std::vector<Finding> findings_;
};

}  // namespace maplan
