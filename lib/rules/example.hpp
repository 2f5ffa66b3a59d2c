#pragma once
// Rule documentation examples (RuleDescriptor::example) as plans that can be validated.
//
// Design: an example is a short YAML *fragment*, not a whole plan. Docs show the few lines that
// matter (as ESLint, Ruff and ShellCheck show "incorrect" / "correct" code); a plan needs a
// version, a project and stakeholders before most rules mean anything, and repeating those in
// 188 examples would bury the point. So every fragment is substituted into one small valid base
// plan (`example_base`, printed once at the top of docs/rules.md): each top-level key of the
// fragment replaces the base's block of the same key, in place; keys the base lacks are appended.
// Top-level keys are replaced whole, never deep-merged, so what the reader sees of a section is
// all there is of it. A comment line at column 0 belongs to the key that follows it, which keeps
// suppression comments (SUPPRESS-*) with the line they name.
#include <string>
#include <string_view>

namespace maplan::rules {

/// The plan every example is checked in: a project with a demand-center coordinator and the
/// four departments seed 000 names, plus inside sales. Lines 1-8.
inline constexpr std::string_view example_base =
    "ma_plan: 1\n"
    "project: {name: 展示会リード育成, tool: marketo, owner: mk}\n"
    "stakeholders:\n"
    "  - {id: mk, name: マーケティング部, kind: marketing}\n"
    "  - {id: is, name: インサイドセールス, kind: inside_sales}\n"
    "  - {id: sa, name: 営業部, kind: sales}\n"
    "  - {id: it, name: 情報システム部, kind: internal_systems}\n"
    "  - {id: lg, name: 法務部, kind: privacy_legal}\n";

/// An example as written in a descriptor, without the line break that opens its raw string.
inline std::string_view example_yaml(std::string_view written) {
    if (!written.empty() && written.front() == '\n') written.remove_prefix(1);
    return written;
}

/// `example_base` with `fragment`'s top-level blocks substituted (see above).
std::string example_plan(std::string_view fragment);

}  // namespace maplan::rules
