#pragma once
// The semantic diff of two versions of a plan (PDCA's "check"): per step and section, which items
// were added, removed, renamed or changed, matched by ID (tasks without an ID by name), and which
// findings the change introduced or resolved. It compares the typed model, never the text, so
// reordering items and reformatting YAML are not changes.
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/model.hpp"
#include "core/text.hpp"

namespace maplan::pdca {

enum class ChangeKind { added, removed, changed, renamed };
std::string_view to_string(ChangeKind kind);

struct FieldChange {
    std::string field;   ///< schema key path ("kpi.target", "due"); "roles.<stakeholder>" for roles
    std::string before;  ///< as the model holds it; empty when absent
    std::string after;
    bool role = false;  ///< a task's role for one stakeholder: shown as `marketing: 共有 → 主担当`
};

struct ItemChange {
    int step = 0;         ///< 1..7; 0 for the project block
    std::string section;  ///< schema key of the section ("tasks", "goals", "email", ...)
    ChangeKind kind = ChangeKind::changed;
    std::string key;          ///< the matching key: ID, task name, `persona/stage`, `from → to`
    std::string name_before;  ///< display name in the old version (empty when added)
    std::string name_after;   ///< display name in the new version (empty when removed)
    SourcePos pos;            ///< in the new version; in the old one for removals
    std::vector<FieldChange> fields;  ///< for changed / renamed
};

struct PlanDiff {
    std::string old_label;  ///< as the user named the sides (file, `-`, `REV:path`)
    std::string new_label;
    std::vector<ItemChange> changes;  ///< by step, then section order, then new-file order
    std::vector<Finding> introduced;  ///< findings of the new version that the old one lacked
    std::vector<Finding> resolved;    ///< findings of the old version that are gone
    bool empty() const { return changes.empty() && introduced.empty() && resolved.empty(); }
};

/// The model part of the diff.
std::vector<ItemChange> diff_projects(const Project& before, const Project& after);

/// Findings are matched by rule ID and message (as a multiset), not by position: an edit above a
/// finding moves it without fixing it.
void diff_findings(const std::vector<Finding>& before, const std::vector<Finding>& after,
                   std::vector<Finding>& introduced, std::vector<Finding>& resolved);

enum class DiffFormat { text, markdown, json };

/// `text` for the terminal, `markdown` as a change log for the weekly review, `json`.
std::string render_diff(const PlanDiff& diff, DiffFormat format, Lang lang);

}  // namespace maplan::pdca
