#pragma once
// One pass over every contact in the workspace, deciding where each one falls in the waterfall
// imported -> invalid -> no consent -> excluded -> opted out in another source -> duplicate ->
// contactable. Audit and extract share it, so the audit's waterfall is exactly what extract
// writes. Suppression is by person (email key): see suppression.hpp for the precedence rule.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lists/config.hpp"
#include "lists/exclusions.hpp"
#include "lists/import.hpp"
#include "lists/key_table.hpp"
#include "lists/normalize.hpp"
#include "lists/suppression.hpp"
#include "lists/workspace.hpp"

namespace maplan::lists {

/// The columns only some contacts need: the ones written out or shown as examples.
struct ContactDetails {
    std::string_view source;
    std::string_view file;  ///< file of the batch that last wrote this contact
    std::int64_t row = 0;   ///< its row in that file
    std::string_view company, last_name, first_name, full_name, phone;
    std::string_view consent_at, consent_notice;
};

/// One contact during a scan; the views stay valid until the scan moves on.
struct ContactView {
    std::int64_t id = 0;
    std::int64_t source_id = 0;
    std::string_view email;
    std::string_view email_key;
    std::string_view local;   ///< of email_key
    std::string_view domain;  ///< of email_key
    EmailProblem problem = EmailProblem::none;
    /// Hash of the company + person name match key (see key_hash); 0 when there is no name.
    std::uint64_t person_hash = 0;
    Consent consent = Consent::none;
    std::string_view consent_source;
    std::string_view consent_at;  ///< read for every contact: a recorded opt-in lifts a refusal
    bool opted_out = false;
    bool bounced = false;
    std::vector<std::string_view> channel_ids;  ///< one per declared channel, empty when missing
    /// Set by scan_contacts for a valid address: an earlier contact (at any stage) had the same
    /// email key, and whether it was written exactly the same way.
    bool address_seen_before = false;
    bool same_spelling_as_first = false;
    /// Set by scan_contacts: what other contacts and exclusions say about this email key
    /// (refusals, bounces, recorded opt-ins); nullptr when nothing suppresses it.
    PersonRecord* person = nullptr;
    /// Filled only with ScanOptions::details.
    ContactDetails details;
};

/// What a scan reads beyond what the waterfall needs; it costs time on a million rows.
struct ScanOptions {
    bool details = true;  ///< fill ContactView::details (extract writes them)
};

enum class Stage { invalid, no_consent, excluded, opted_out_elsewhere, duplicate, contactable };

struct Waterfall {
    std::size_t imported = 0;
    std::size_t invalid = 0;
    std::size_t no_consent = 0;
    std::size_t excluded = 0;
    /// Consented here, but the same person refused on another contact (another source or
    /// another record) and no newer recorded opt-in lifts it.
    std::size_t opted_out_elsewhere = 0;
    std::size_t duplicates = 0;
    std::size_t contactable = 0;
    std::map<std::string, std::size_t> excluded_by_reason;
};

/// Declared channels: the config's plus every channel a mapping has brought into the workspace.
std::vector<std::string> declared_channels(Workspace& ws, const ListsConfig& config);

/// Calls `visit(contact, stage, exclusion_reason)` for every contact in import order and returns
/// the waterfall. Among contacts sharing an email key, the first one that survives the earlier
/// stages is kept; the later ones are duplicates.
template <typename Visit>
Waterfall scan_contacts(Workspace& ws, const ListsConfig& config,
                        const std::vector<std::string>& channels, ScanOptions options,
                        const ProgressFn& progress, Visit&& visit);

// Implementation detail of scan_contacts, kept out of line: every contact in id order. A second
// thread steps through SQLite and copies rows into batches while the caller's thread decides and
// writes, so a million-row audit or extract uses both cores. The connection is used by that
// thread alone until the stream ends.
class ContactStream {
  public:
    ContactStream(Workspace& ws, const std::vector<std::string>& channels, ScanOptions options);
    ~ContactStream();
    ContactStream(const ContactStream&) = delete;
    ContactStream& operator=(const ContactStream&) = delete;
    /// The next contact, or false at the end; rethrows a database error from the reading thread.
    bool next(ContactView& c);
    std::size_t total() const { return total_; }

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::size_t total_ = 0;
};

/// A contact copied out of the stream (the stream's views last only until it moves on).
class DeferredContact {
  public:
    explicit DeferredContact(const ContactView& c);
    /// The contact again, its views into this object.
    ContactView view() const;

  private:
    ContactView view_;  ///< views rebased onto `text_` by view()
    std::string text_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;  ///< offset, length in text_
};

/// Adds `c` to its person's latest recorded opt-in when it is one (consent opt-in with a source
/// and a readable time).
void note_recorded_opt_in(PersonRecord& person, const ContactView& c);

template <typename Visit>
Waterfall scan_contacts(Workspace& ws, const ListsConfig& config,
                        const std::vector<std::string>& channels, ScanOptions options,
                        const ProgressFn& progress, Visit&& visit) {
    const ExclusionSet exclusions = exclusions_for(ws, config.exclusions);
    PersonSuppressions persons = load_person_suppressions(ws);
    ContactStream cursor(ws, channels, options);
    // Email key -> one 64-bit slot: the hash of its first spelling (low 32 bits, set once a
    // contact has it), whether a contact with the key is kept, and the index of its person record
    // for the keys with a refusal or a bounce, put in before the scan. One table serves the
    // extract's deduplication, the audit's duplicate findings and the suppression by person, so
    // each contact costs one probe.
    constexpr std::uint64_t kept_bit = std::uint64_t{1} << 63;
    constexpr std::uint64_t person_bit = std::uint64_t{1} << 62;
    constexpr std::uint64_t spelled_bit = std::uint64_t{1} << 61;
    constexpr std::uint64_t spelling_mask = 0xffffffffULL;
    constexpr std::uint64_t person_mask = (std::uint64_t{1} << 29) - 1;  // bits 32..60
    const std::hash<std::string_view> spelling_hash;
    KeyTable seen;
    seen.reserve(cursor.total() + persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i)
        seen.emplace(persons.key(i), person_bit | (static_cast<std::uint64_t>(i) << 32));
    Waterfall w;
    // The slot of a valid contact's key; sets whether the key was seen and spelled the same.
    auto probe = [&](ContactView& c) {
        const std::uint64_t spelling = spelling_hash(c.email) & spelling_mask;
        auto [slot, inserted] = seen.emplace(c.email_key, spelled_bit | spelling);
        if (!inserted && (*slot & spelled_bit) == 0) {
            *slot |= spelled_bit | spelling;  // a person's key, first met here
            inserted = true;
        }
        c.address_seen_before = !inserted;
        c.same_spelling_as_first = !inserted && (*slot & spelling_mask) == spelling;
        return slot;
    };
    auto decide = [&](ContactView& c, std::uint64_t* first) {
        const bool lifted = c.person != nullptr && c.person->lifted();
        const std::string* reason = nullptr;
        Stage stage;
        if (c.problem != EmailProblem::none) {
            stage = Stage::invalid;
            ++w.invalid;
        } else if (c.consent == Consent::opt_out ||
                   (c.consent == Consent::none && config.consent.require_opt_in)) {
            stage = Stage::no_consent;
            ++w.no_consent;
        } else if ((reason = exclusions.reason_for(
                        c.email_key, c.local, c.domain, c.opted_out,
                        c.bounced || (c.person != nullptr && c.person->bounced), lifted))) {
            // Own flags, the exclusion lists, and a hard bounce on any contact of the person.
            stage = Stage::excluded;
            ++w.excluded;
            ++w.excluded_by_reason[*reason];
        } else if (c.person != nullptr && c.person->suppressed()) {
            stage = Stage::opted_out_elsewhere;
            ++w.opted_out_elsewhere;
        } else if (*first & kept_bit) {
            stage = Stage::duplicate;
            ++w.duplicates;
        } else {
            *first |= kept_bit;
            stage = Stage::contactable;
            ++w.contactable;
        }
        visit(static_cast<const ContactView&>(c), stage, reason);
    };
    // The contacts of a person with a refusal wait for the end of the scan: an opt-in recorded on
    // a later contact may lift it. They are few (the refusals' keys), and all of one key wait
    // together, so "the first of each key is kept" still holds in import order.
    std::vector<DeferredContact> deferred;
    ContactView c;
    while (cursor.next(c)) {
        if (progress && (w.imported & 0xfff) == 0) progress(w.imported, cursor.total());
        ++w.imported;
        c.person = nullptr;
        c.address_seen_before = c.same_spelling_as_first = false;
        std::uint64_t* slot = nullptr;
        if (c.problem == EmailProblem::none) {
            slot = probe(c);
            if (*slot & person_bit) c.person = &persons.record((*slot >> 32) & person_mask);
        }
        if (c.person != nullptr && c.person->refused) {
            note_recorded_opt_in(*c.person, c);
            deferred.emplace_back(c);
            continue;
        }
        decide(c, slot);
    }
    for (const auto& d : deferred) {
        ContactView v = d.view();
        decide(v, seen.emplace(v.email_key, 0).first);  // the key is in the table: no insert
    }
    if (progress) progress(w.imported, cursor.total());
    return w;
}

}  // namespace maplan::lists
