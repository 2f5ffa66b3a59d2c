#pragma once
// The rollout checklist: per step, what the plan must hold (derived from the model, ticked when
// the plan covers it) and the plan's own tracked tasks. The status report counts the same items,
// so "7 of 9 done" in `status` always agrees with the ticks in `checklist`.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "reports/common.hpp"

namespace maplan::reports {

enum class ItemOrigin { derived, tracked_task };

/// The MA specialist textbook's failures, by when they hurt. An item tagged with a phase is the
/// plan's defence against that failure.
enum class GoLivePhase { none, before, during, after };

struct ChecklistItem {
    int step = 0;     ///< 1..7; 0 for a tracked task without a valid step
    std::string key;  ///< stable ID for JSON consumers ("journey:selector", "task:3")
    Text text;
    bool done = false;
    /// Tracked tasks: their status ("todo" when the plan gives none). Derived items: "done" when
    /// covered, else "todo", so --status filters both kinds alike.
    std::string status;
    ItemOrigin origin = ItemOrigin::derived;
    int implementation_step =
        0;  ///< the MA specialist textbook's four implementation steps (0: not one of them)
    GoLivePhase prevents = GoLivePhase::none;
    std::string owner_id;  ///< stakeholder responsible where the plan says so (else empty)
    std::string owner_name;
    std::string due;  ///< as written
    bool overdue = false;
    SourcePos pos;
};

struct ChecklistStep {
    int step = 0;
    std::vector<ChecklistItem> items;
};

struct Checklist {
    std::string project_name;
    Date today;
    std::vector<ChecklistStep> steps;  ///< 1..7 in order, then 0 if some task has no valid step

    std::size_t done_count() const;
    std::size_t item_count() const;
};

/// `today` decides which tracked tasks are overdue (due before today and not done).
Checklist build_checklist(const Project& project, const Date& today);

struct ChecklistFilter {
    std::optional<int> step;
    std::optional<std::string> owner;   ///< stakeholder ID or name
    std::vector<std::string> statuses;  ///< empty: all
};

/// Keeps the items that pass every filter and drops steps left empty. Throws UsageError for a
/// step outside 1..7, an unknown status or an owner that is no stakeholder of the plan (with
/// "did you mean").
Checklist filter_checklist(const Checklist& checklist, const ChecklistFilter& filter,
                           const Project& project);

/// GitHub task lists (`- [x]` / `- [ ]`) under one heading per step, or JSON.
std::string render_checklist(const Checklist& checklist, OutputFormat format,
                             const RenderOptions& options);

/// "⚠ 期限切れ" / "⚠ overdue".
TextRef overdue_label();

}  // namespace maplan::reports
