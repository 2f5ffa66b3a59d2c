#include "pdca/compare.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "pdca/git.hpp"

namespace maplan::pdca {

SourceFilePtr read_side(const std::string& spec) {
    if (auto revision = parse_revision_spec(spec)) return read_at_revision(*revision);
    yaml::ReadResult read = yaml::read_source(spec, yaml::Limits{});
    if (read.error) {
        std::string name = spec == "-" ? "<stdin>" : spec;
        throw IoError({fmt::format("{}: {}", name, read.error->message.en),
                       fmt::format("{}: {}", name, read.error->message.ja)});
    }
    return read.source;
}

namespace {

FileResult validate_side(const std::string& spec, const ValidateOptions& options) {
    FileResult result = validate_source(read_side(spec), options);
    if (result.fatal) {
        const yaml::ParseError& e = *result.fatal;
        std::string where = e.pos.known()
                                ? fmt::format("{}:{}:{}", result.path, e.pos.line, e.pos.column)
                                : result.path;
        throw IoError({fmt::format("{}: error: {}", where, e.message.en),
                       fmt::format("{}: エラー: {}", where, e.message.ja)});
    }
    return result;
}

}  // namespace

PlanDiff compare_plans(const std::string& old_spec, const std::string& new_spec,
                       const ValidateOptions& options) {
    if (old_spec == "-" && new_spec == "-") {
        throw UsageError({"only one side of a diff can be standard input (-)",
                          "標準入力 (-) にできるのは片側だけです"});
    }
    FileResult before = validate_side(old_spec, options);
    FileResult after = validate_side(new_spec, options);
    PlanDiff diff;
    diff.old_label = before.path;
    diff.new_label = after.path;
    diff.changes = diff_projects(*before.project, *after.project);
    diff_findings(before.findings, after.findings, diff.introduced, diff.resolved);
    return diff;
}

}  // namespace maplan::pdca
