#include "rules/validate.hpp"

#include <algorithm>

#include "rules/suppress.hpp"

namespace maplan {

namespace {

void apply_configuration(std::vector<Finding>& findings, const ValidateOptions& options) {
    std::erase_if(findings,
                  [&](const Finding& f) { return options.disabled_rules.count(f.rule_id) > 0; });
    for (Finding& f : findings) {
        if (auto it = options.severity_overrides.find(f.rule_id);
            it != options.severity_overrides.end()) {
            f.severity = it->second;
        }
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
    result.findings = std::move(loaded.findings);
    auto rule_findings = run_rules(*loaded.project, options);
    result.findings.insert(result.findings.end(), rule_findings.begin(), rule_findings.end());
    // Before the configuration, so that findings about suppressions can be configured too.
    if (options.inline_suppressions) {
        apply_suppressions(result.findings, *loaded.source, options.disabled_rules);
    }
    apply_configuration(result.findings, options);
    std::stable_sort(result.findings.begin(), result.findings.end(), finding_less);
    result.project = std::move(loaded.project);
    return result;
}

}  // namespace

std::vector<Finding> run_rules(const Project& project, const ValidateOptions& options) {
    FindingList list;
    for (const rules::RuleDescriptor& rule : rules::registry()) {
        if (rule.check == nullptr || options.disabled_rules.count(std::string(rule.id))) continue;
        rules::RuleContext ctx{project, rule, options.thresholds, list};
        rule.check(ctx);
    }
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
