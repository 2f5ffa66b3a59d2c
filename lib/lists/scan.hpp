#pragma once
// One pass over every contact in the workspace, deciding where each one falls in the waterfall
// imported -> invalid -> no consent -> excluded -> duplicate -> contactable. Audit and extract
// share it, so the audit's waterfall is exactly what extract writes.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lists/config.hpp"
#include "lists/exclusions.hpp"
#include "lists/import.hpp"
#include "lists/normalize.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

struct ContactView {
    std::int64_t id = 0;
    std::string_view source;
    std::string_view file;  ///< file of the batch that last wrote this contact
    std::int64_t row = 0;   ///< its row in that file
    std::string_view email;
    std::string_view email_key;
    std::string_view local;   ///< of email_key
    std::string_view domain;  ///< of email_key
    EmailProblem problem = EmailProblem::none;
    std::string_view company, last_name, first_name, full_name, phone, person_key;
    Consent consent = Consent::none;
    std::string_view consent_source, consent_at, consent_notice;
    bool opted_out = false;
    std::vector<std::string_view> channel_ids;  ///< one per declared channel, empty when missing
};

enum class Stage { invalid, no_consent, excluded, duplicate, contactable };

struct Waterfall {
    std::size_t imported = 0;
    std::size_t invalid = 0;
    std::size_t no_consent = 0;
    std::size_t excluded = 0;
    std::size_t duplicates = 0;
    std::size_t contactable = 0;
    std::map<std::string, std::size_t> excluded_by_reason;
};

/// An exact map from strings to 64-bit values for million-key scans: open addressing over flat
/// slots, the key bytes in one arena. A std::unordered_map of a million strings costs several
/// times the memory and most of the audit's time in allocation and cache misses.
class KeyTable {
  public:
    /// The value stored for `key` and false, or `value` and true after inserting it.
    std::pair<std::uint64_t, bool> try_emplace(std::string_view key, std::uint64_t value);
    bool contains(std::string_view key) const;
    std::size_t size() const { return size_; }
    /// Sizes the table for `n` keys at once (no rehashing while it fills).
    void reserve(std::size_t n);

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t offset = 0;
        std::uint32_t length = 0;
        std::uint32_t used = 0;
        std::uint64_t value = 0;
    };
    std::size_t find_slot(std::string_view key, std::uint64_t hash) const;
    void grow();
    void rehash(std::size_t slot_count);
    std::vector<Slot> slots_;
    std::string arena_;
    std::size_t size_ = 0;
};

/// Declared channels: the config's plus every channel a mapping has brought into the workspace.
std::vector<std::string> declared_channels(Workspace& ws, const ListsConfig& config);

/// Calls `visit(contact, stage, exclusion_reason)` for every contact in import order and returns
/// the waterfall. Among contacts sharing an email key, the first one that survives the earlier
/// stages is kept; the later ones are duplicates.
template <typename Visit>
Waterfall scan_contacts(Workspace& ws, const ListsConfig& config,
                        const std::vector<std::string>& channels, const ProgressFn& progress,
                        Visit&& visit);

// Implementation detail of scan_contacts, kept out of line.
class ContactCursor {
  public:
    ContactCursor(Workspace& ws, const std::vector<std::string>& channels);
    bool next(ContactView& c);
    std::size_t total() const { return total_; }

  private:
    Statement st_;
    std::size_t channels_;
    std::size_t total_ = 0;
};

template <typename Visit>
Waterfall scan_contacts(Workspace& ws, const ListsConfig& config,
                        const std::vector<std::string>& channels, const ProgressFn& progress,
                        Visit&& visit) {
    ExclusionSet exclusions = load_exclusions(ws);
    // The plan's rules apply to every extract, stored in the workspace or not.
    for (const auto& [domain, reason] : config.exclusions.domains)
        exclusions.domains.try_emplace(normalize_email("x@" + domain).domain, reason);
    for (const auto& [local, reason] : config.exclusions.role_locals)
        exclusions.roles.try_emplace(normalize_email(local + "@x.jp").local, reason);
    ContactCursor cursor(ws, channels);
    KeyTable kept;
    kept.reserve(cursor.total());
    Waterfall w;
    ContactView c;
    while (cursor.next(c)) {
        if (progress && (w.imported & 0xfff) == 0) progress(w.imported, cursor.total());
        ++w.imported;
        const std::string* reason = nullptr;
        Stage stage;
        if (c.problem != EmailProblem::none) {
            stage = Stage::invalid;
            ++w.invalid;
        } else if (c.consent == Consent::opt_out ||
                   (c.consent == Consent::none && config.consent.require_opt_in)) {
            stage = Stage::no_consent;
            ++w.no_consent;
        } else if ((reason = exclusions.reason_for(c.email_key, c.local, c.domain, c.opted_out))) {
            stage = Stage::excluded;
            ++w.excluded;
            ++w.excluded_by_reason[*reason];
        } else if (!kept.try_emplace(c.email_key, 0).second) {
            stage = Stage::duplicate;
            ++w.duplicates;
        } else {
            stage = Stage::contactable;
            ++w.contactable;
        }
        visit(static_cast<const ContactView&>(c), stage, reason);
    }
    if (progress) progress(w.imported, cursor.total());
    return w;
}

}  // namespace maplan::lists
