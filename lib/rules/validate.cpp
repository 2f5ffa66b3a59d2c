#include "rules/validate.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "rules/suppress.hpp"

namespace maplan {

namespace {

/// Where every finding of one file goes: configuration (disabled rules, severity changes) and
/// inline suppressions are applied as findings arrive, and each rule keeps at most `cap` of them
/// (the first by position); the others are only counted. So a plan that provokes a million
/// findings costs the memory of the few hundred that are shown.
class ReportedFindings final : public FindingSink {
  public:
    ReportedFindings(const ValidateOptions& options, SuppressionMatcher* suppressions)
        : options_(options), suppressions_(suppressions) {}

    void add(Finding f) override {
        if (options_.disabled_rules.count(f.rule_id) > 0) return;
        if (suppressions_ != nullptr && suppressions_->covers(f)) return;
        if (auto it = options_.severity_overrides.find(f.rule_id);
            it != options_.severity_overrides.end()) {
            f.severity = it->second;
        }
        Bucket& bucket = by_rule_[f.rule_id];
        const std::size_t cap = options_.max_findings_per_rule;
        if (cap == 0 || bucket.kept.size() < cap) {
            bucket.kept.push_back(std::move(f));
            std::push_heap(bucket.kept.begin(), bucket.kept.end(), finding_less);
            return;
        }
        // Full: keep the earlier of the new finding and the last one kept.
        if (finding_less(f, bucket.kept.front())) {
            std::pop_heap(bucket.kept.begin(), bucket.kept.end(), finding_less);
            std::swap(f, bucket.kept.back());
            std::push_heap(bucket.kept.begin(), bucket.kept.end(), finding_less);
        }
        ++bucket.omitted[static_cast<std::size_t>(f.severity)];
    }

    /// The kept findings sorted by position, and the counts of the rest.
    void finish(FileResult& result) {
        for (auto& [rule, bucket] : by_rule_) {
            for (Finding& f : bucket.kept) result.findings.push_back(std::move(f));
            for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
                std::size_t n = bucket.omitted[static_cast<std::size_t>(s)];
                if (n > 0) result.omitted.push_back(OmittedFindings{rule, s, n});
            }
        }
        std::stable_sort(result.findings.begin(), result.findings.end(), finding_less);
        result.max_findings_per_rule = options_.max_findings_per_rule;
    }

  private:
    struct Bucket {
        std::vector<Finding> kept;  // a max-heap by position while findings arrive
        std::size_t omitted[3] = {0, 0, 0};
    };
    const ValidateOptions& options_;
    SuppressionMatcher* suppressions_;
    std::map<std::string, Bucket> by_rule_;
};

void run_rules_into(const Project& project, const ValidateOptions& options, FindingSink& sink) {
    for (const rules::RuleDescriptor& rule : rules::registry()) {
        if (rule.check == nullptr || options.disabled_rules.count(std::string(rule.id))) continue;
        rules::RuleContext ctx{project, rule, options.thresholds, sink};
        rule.check(ctx);
    }
}

FileResult finish(LoadResult loaded, const ValidateOptions& options) {
    FileResult result;
    result.source = loaded.source;
    result.disabled_rules = options.disabled_rules;
    if (loaded.source) result.path = loaded.source->path();
    if (loaded.fatal) {
        result.fatal = std::move(loaded.fatal);
        return result;
    }
    std::optional<SuppressionMatcher> suppressions;
    if (options.inline_suppressions) suppressions.emplace(*loaded.source);
    ReportedFindings sink(options, suppressions ? &*suppressions : nullptr);
    for (Finding& f : loaded.findings) sink.add(std::move(f));
    loaded.findings.clear();
    loaded.findings.shrink_to_fit();
    run_rules_into(*loaded.project, options, sink);
    // After every other finding, so that findings about suppressions can be configured too.
    if (suppressions) {
        for (Finding& f : suppressions->remaining_findings(options.disabled_rules))
            sink.add(std::move(f));
    }
    sink.finish(result);
    result.project = std::move(loaded.project);
    return result;
}

}  // namespace

std::vector<Finding> run_rules(const Project& project, const ValidateOptions& options) {
    FindingList list;
    run_rules_into(project, options, list);
    return std::move(list.items());
}

FileResult validate_source(SourceFilePtr source, const ValidateOptions& options) {
    return finish(load_project(std::move(source), options.limits), options);
}

FileResult validate_file(const std::string& path, const ValidateOptions& options) {
    yaml::ReadResult read = yaml::read_source(path, options.limits);
    if (read.error) {
        FileResult result;
        result.path = path == "-" ? "<stdin>" : path;
        result.fatal = std::move(read.error);
        return result;
    }
    return validate_source(read.source, options);
}

}  // namespace maplan
