#pragma once
// `lists audit`: what is wrong with the customer master, as one report model with Markdown and
// JSON renderers. Example rows are masked unless the user asks for personal data explicitly.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "lists/config.hpp"
#include "lists/scan.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

struct AuditExample {
    std::string file;
    std::int64_t row = 0;
    std::string source;
    std::string email;  ///< masked unless --show-pii
    std::string name;   ///< masked unless --show-pii; company names are not personal data
    std::string company;
};

struct AuditFinding {
    std::string id;  ///< stable: "invalid_email", "duplicate_normalized", "missing_channel_id.line"
    Text title;
    std::size_t count = 0;
    std::vector<std::pair<std::string, std::size_t>>
        breakdown;                       ///< e.g. problem or reason -> count
    std::vector<AuditExample> examples;  ///< at most three
};

struct SourceStats {
    std::string name;
    std::size_t contacts = 0;
    std::string last_file;
    std::size_t last_rows = 0, last_new = 0, last_changed = 0, last_unchanged = 0;
};

/// One side of a consent conflict: the contact (or exclusion file row) that says it.
struct ConflictSide {
    std::string file;
    std::int64_t row = 0;
    std::string source;  ///< the source name; "exclusions" for an exclusion file
};

/// One person (email key) with consent on one record and a refusal on another.
struct ConsentConflict {
    std::string email;  ///< masked unless --show-pii
    ConflictSide consent;
    ConflictSide refusal;
    bool lifted = false;  ///< a recorded newer opt-in wins; otherwise the refusal does
};

struct ConsentConflicts {
    std::size_t persons = 0;  ///< email keys with both
    std::size_t lifted = 0;   ///< of them, contactable again by a newer recorded opt-in
    std::vector<ConsentConflict> examples;  ///< at most three
};

struct AuditReport {
    std::string workspace;
    std::size_t contacts = 0;
    std::size_t exclusion_entries = 0;
    std::vector<SourceStats> sources;
    std::vector<std::string> channels;
    Waterfall waterfall;
    std::vector<AuditFinding> findings;  ///< every kind, also with count 0, in a fixed order
    ConsentConflicts consent_conflicts;
    bool pii_shown = false;
};

AuditReport build_audit(Workspace& ws, const ListsConfig& config, bool show_pii,
                        const ProgressFn& progress = {});

std::string render_audit_markdown(const AuditReport& report, Lang lang);
std::string render_audit_json(const AuditReport& report, Lang lang);

/// The waterfall as a Markdown table (also printed by extract).
std::string render_waterfall_markdown(const Waterfall& w, Lang lang);
std::string render_waterfall_json(const Waterfall& w);

}  // namespace maplan::lists
