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

/// How to fill in what a time does not say (its UTC offset, or the time of day after a date).
enum class TimeReading {
    utc,           ///< no offset means UTC; a date alone is its first second
    local_latest,  ///< no offset means UTC; a date alone is its last second
    earliest,      ///< the earliest instant it can mean: offset +14:00, a date alone at 00:00:00
    latest,        ///< the latest instant it can mean: offset -12:00, a date alone at 23:59:59
};

/// A time as "YYYY-MM-DDTHH:MM:SS" in UTC, comparable as text; empty when `text` is not a date.
/// Reads "2026-10-01", "2026/10/1", "2026-10-01 09:30", "2026-10-01T09:30:00Z",
/// "2026-10-01T09:30:00+09:00", "2026年10月1日" (after NFKC, so full-width digits too).
/// `has_offset`, when given, says whether the text stated its offset (or Z).
std::string comparable_time(std::string_view text, TimeReading reading = TimeReading::utc,
                            bool* has_offset = nullptr);

/// Every instant a written time can mean. A time with its offset and seconds is one instant;
/// "2026-10-01 18:00" (no offset) is a span of 26 hours, "2026-10-01" one of 50.
struct TimeSpan {
    std::string lo, hi;              ///< UTC, over every offset in use (-12:00 to +14:00)
    std::string local_lo, local_hi;  ///< as written, only the missing precision filled in
    bool has_offset = false;
};
/// nullopt when `text` is not a date.
std::optional<TimeSpan> time_span(std::string_view text);
/// The end of time: the span of a refusal whose time cannot be read, so nothing lifts it.
TimeSpan never_lifted();
/// `a` is later than `b` however the two are read. Two times without offsets are compared as
/// written (one organisation's exports share a clock); otherwise over every offset in use, so a
/// JST export without an offset never makes an opt-in look newer than the refusal it preceded.
bool definitely_after(const TimeSpan& a, const TimeSpan& b);

/// What is known about one email key across every contact and exclusion.
struct PersonRecord {
    std::vector<TimeSpan> refusals;    ///< when each refusal was made (or learned of)
    std::vector<TimeSpan> opt_ins;     ///< each recorded opt-in (with a source and a time)
    bool refused = false;              ///< any refusal by a contact or a refusal exclusion entry
    bool bounced = false;              ///< any contact flagged bounced
    std::int64_t refusal_contact = 0;  ///< the first contact with a refusal, 0 if none
    /// Without a refusing contact: the exclusion file and row that hold the refusal.
    std::string refusal_file;
    std::int64_t refusal_row = 0;
    /// Set by the scan once the person's consent conflict has been counted.
    bool conflict_noted = false;

    /// Refused and not lifted by a newer recorded opt-in.
    bool suppressed() const { return refused && !lifted(); }
    /// Lifted when one recorded opt-in is later than every refusal, however their times are read.
    bool lifted() const;
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
