#pragma once
// Suppression by person: a refusal or a hard bounce recorded on any contact (any source, imported
// before or after) stops mail to that email key everywhere. The refusals are collected before the
// scan, because the contact that refuses may come after the one that consents; the scan holds a
// refused person's contacts back until it has seen every opt-in (scan.hpp).
//
// The precedence rule (docs/lists.md, "Who may be mailed"):
// - A hard bounce (field bounced) is never lifted.
// - A refusal (consent opt-out, an opted_out flag, an exclusion file entry with reason optout or
//   complaint) is lifted only by a recorded newer opt-in: a contact with the same key whose
//   consent is opt-in, with a consent source and a consent time strictly later than the latest
//   refusal.
// - Otherwise the refusal wins.
// A refusal's time is its own consent time where a consent opt-out gives one, else the time
// ma-plan learned of it (the import or exclude run that recorded it), which is never earlier than
// the refusal itself.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lists/exclusions.hpp"
#include "lists/key_table.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

/// A time as "YYYY-MM-DDTHH:MM:SS" in UTC, comparable as text; empty when `text` is not a date.
/// Reads "2026-10-01", "2026/10/1", "2026-10-01 09:30", "2026-10-01T09:30:00Z",
/// "2026-10-01T09:30:00+09:00", "2026年10月1日" (after NFKC, so full-width digits too). A time
/// without an offset is taken as UTC; a date alone as its first second.
std::string comparable_time(std::string_view text);

/// What is known about one email key across every contact and exclusion.
struct PersonRecord {
    std::string refused_at;   ///< latest refusal (comparable_time); empty with refused unset
    std::string opted_in_at;  ///< latest recorded opt-in (source and time); may be empty
    bool refused = false;     ///< any refusal by a contact or a refusal exclusion entry
    bool bounced = false;     ///< any contact flagged bounced
    std::int64_t refusal_contact = 0;  ///< the first contact with a refusal, 0 if none
    /// Without a refusing contact: the exclusion file and row that hold the refusal.
    std::string refusal_file;
    std::int64_t refusal_row = 0;
    /// Set by the scan once the person's consent conflict has been counted.
    bool conflict_noted = false;

    /// Refused and not lifted by a newer recorded opt-in.
    bool suppressed() const { return refused && !lifted(); }
    bool lifted() const { return refused && !opted_in_at.empty() && opted_in_at > refused_at; }
};

/// Email key -> record, for the keys with a refusal or a bounce (usually few).
class PersonSuppressions {
  public:
    /// nullptr when nothing suppresses the key. (The scan does not call this per contact: it
    /// puts the keys into its own table, so each contact still costs one probe.)
    PersonRecord* find(std::string_view email_key);
    std::size_t size() const { return records_.size(); }
    /// The i-th key and its record (records never move once loaded).
    std::string_view key(std::size_t i) const { return keys_[i]; }
    PersonRecord& record(std::size_t i) { return records_[i]; }

  private:
    friend PersonSuppressions load_person_suppressions(Workspace& ws);
    PersonRecord& at(std::string_view email_key);
    KeyTable index_;  ///< email key -> index in records_
    std::vector<std::string> keys_;
    std::vector<PersonRecord> records_;
};

/// The refusing and bouncing contacts (read through the partial index contacts_refusals, so a
/// million-row workspace with a few thousand refusals reads a few thousand rows) and the address
/// exclusions with a refusal reason (optout, complaint).
PersonSuppressions load_person_suppressions(Workspace& ws);

}  // namespace maplan::lists
