#pragma once
// Sources and batches of a workspace: `lists sources` lists them, `lists remove` takes an import,
// a whole source or a channel back out, in one transaction.
#include <cstdint>
#include <string>
#include <vector>

#include "lists/workspace.hpp"

namespace maplan::lists {

struct SourceInfo {
    std::string name;
    std::int64_t contacts = 0;
    std::int64_t imports = 0;      ///< not removed
    std::int64_t last_import = 0;  ///< its batch number
    std::string last_import_at;    ///< when it started, UTC
};

/// The sources that have at least one import left, by name.
std::vector<SourceInfo> list_sources(Workspace& ws);

struct RemoveSummary {
    std::int64_t contacts = 0;      ///< contact rows deleted
    std::int64_t imports = 0;       ///< import batches marked removed
    std::int64_t suppressions = 0;  ///< opt-outs kept as exclusions (reason optout)
    std::int64_t channel_ids = 0;   ///< channel values deleted (remove_channel)
};

/// Deletes the contacts whose current values came from import `batch` (the rows it added or
/// changed; rows it found unchanged belong to the earlier import that wrote them) and marks the
/// import removed. Earlier values of the rows it changed are not restored: the workspace keeps no
/// history of values. A removed row that records an opt-out (consent opt_out or the opted-out
/// flag) leaves its address behind as an exclusion with reason "optout", so that removing an
/// import can never make a person who refused mail contactable. Exclusions are never removed.
/// UsageError when there is no such import or it was removed already.
RemoveSummary remove_import(Workspace& ws, std::int64_t batch);
/// The same for every import of the source `name` (did-you-mean when there is none).
RemoveSummary remove_source(Workspace& ws, const std::string& name);
/// Deletes the channel `name` and every contact's ID for it, and forgets that earlier imports
/// mapped it (so that the next import does not ask for it back).
RemoveSummary remove_channel(Workspace& ws, const std::string& name);

}  // namespace maplan::lists
