#pragma once
// `ma-plan snapshot PLAN --db FILE` and `history --db FILE` (issue 15): the PDCA trend for a plan
// that does not live in git. Each snapshot keeps the plan text, readiness per step, findings by
// severity and overdue tasks in one SQLite file: created 0600 (the plan names people), marked with
// PRAGMA application_id, its schema versioned with user_version, every write one transaction.
#include <cstdint>
#include <filesystem>
#include <string>

#include "pdca/history.hpp"
#include "reports/status.hpp"

namespace maplan::pdca {

/// The schema version this build writes; a file with a newer one is refused.
inline constexpr int snapshot_schema_version = 1;

struct SnapshotInput {
    std::string plan;       ///< the path as given
    std::string plan_text;  ///< the whole file
    std::string taken_at;   ///< "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"
    const reports::StatusReport* status = nullptr;
};

/// Appends a snapshot (creating the database when absent) and returns its ID. Throws IoError for a
/// file that is not an ma-plan snapshot database, a newer schema, or one that cannot be written.
std::int64_t save_snapshot(const std::filesystem::path& db, const SnapshotInput& input);

/// The snapshots as a history (newest first), rendered by render_history like git's. `since` and
/// `max` as for git. Throws IoError for a missing or foreign file or a newer schema.
History read_snapshots(const std::filesystem::path& db, const HistoryOptions& options);

}  // namespace maplan::pdca
