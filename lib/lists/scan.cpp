#include "lists/scan.hpp"

#include <algorithm>
#include <cstring>

namespace maplan::lists {

std::size_t KeyTable::find_slot(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (!s.used) return i;
        if (s.hash == hash && s.length == key.size() &&
            std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0)
            return i;
    }
}

void KeyTable::reserve(std::size_t n) {
    std::size_t want = 1024;
    while (want < n * 2) want *= 2;
    if (want > slots_.size()) rehash(want);
}

void KeyTable::grow() {
    rehash(slots_.empty() ? 1024 : slots_.size() * 2);
}

void KeyTable::rehash(std::size_t slot_count) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slot_count, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (!s.used) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].used) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

std::pair<std::uint64_t, bool> KeyTable::try_emplace(std::string_view key, std::uint64_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();  // load factor at most 1/2
    const std::uint64_t hash = std::hash<std::string_view>{}(key);
    Slot& s = slots_[find_slot(key, hash)];
    if (s.used) return {s.value, false};
    s = Slot{hash, arena_.size(), static_cast<std::uint32_t>(key.size()), 1, value};
    arena_.append(key);
    ++size_;
    return {value, true};
}

bool KeyTable::contains(std::string_view key) const {
    if (slots_.empty()) return false;
    return slots_[find_slot(key, std::hash<std::string_view>{}(key))].used != 0;
}

std::vector<std::string> declared_channels(Workspace& ws, const ListsConfig& config) {
    std::vector<std::string> out = config.channels;
    auto st = ws.prepare("SELECT name FROM channels ORDER BY name");
    while (st.step()) {
        std::string name(st.text(0));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

namespace {
std::string cursor_sql(std::size_t channels) {
    std::string sql =
        "SELECT c.id, s.name, b.file, c.row_no, c.email, c.email_key, c.email_problem, c.company, "
        "c.last_name, c.first_name, c.full_name, c.phone, c.person_key, c.consent, "
        "c.consent_source, c.consent_at, c.consent_notice, c.opted_out";
    for (std::size_t i = 0; i < channels; ++i) {
        sql +=
            ", (SELECT value FROM contact_channels x WHERE x.contact_id = c.id AND x.channel = ?" +
            std::to_string(i + 1) + ")";
    }
    sql +=
        " FROM contacts c JOIN sources s ON s.id = c.source_id JOIN batches b ON b.id = c.batch_id "
        "ORDER BY c.id";
    return sql;
}
}  // namespace

ContactCursor::ContactCursor(Workspace& ws, const std::vector<std::string>& channels)
    : st_(ws.prepare(cursor_sql(channels.size()))), channels_(channels.size()) {
    auto count = ws.prepare("SELECT count(*) FROM contacts");
    count.step();
    total_ = static_cast<std::size_t>(count.integer(0));
    for (std::size_t i = 0; i < channels.size(); ++i)
        st_.bind(static_cast<int>(i + 1), channels[i]);
}

bool ContactCursor::next(ContactView& c) {
    if (!st_.step()) return false;
    c.id = st_.integer(0);
    c.source = st_.text(1);
    c.file = st_.text(2);
    c.row = st_.integer(3);
    c.email = st_.text(4);
    c.email_key = st_.text(5);
    c.problem = static_cast<EmailProblem>(st_.integer(6));
    const auto at = c.email_key.rfind('@');
    c.local = at == std::string_view::npos ? c.email_key : c.email_key.substr(0, at);
    c.domain = at == std::string_view::npos ? std::string_view() : c.email_key.substr(at + 1);
    c.company = st_.text(7);
    c.last_name = st_.text(8);
    c.first_name = st_.text(9);
    c.full_name = st_.text(10);
    c.phone = st_.text(11);
    c.person_key = st_.text(12);
    const auto consent = st_.text(13);
    c.consent = consent == "opt_in"    ? Consent::opt_in
                : consent == "opt_out" ? Consent::opt_out
                                       : Consent::none;
    c.consent_source = st_.text(14);
    c.consent_at = st_.text(15);
    c.consent_notice = st_.text(16);
    c.opted_out = st_.integer(17) != 0;
    c.channel_ids.resize(channels_);
    for (std::size_t i = 0; i < channels_; ++i)
        c.channel_ids[i] = st_.text(static_cast<int>(18 + i));
    return true;
}

}  // namespace maplan::lists
