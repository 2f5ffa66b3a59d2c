#include "lists/scan.hpp"

#include <algorithm>
#include <cstring>

namespace maplan::lists {

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
// The columns every contact needs come first; details() reads the rest (from 10) on demand.
std::string cursor_sql(std::size_t channels) {
    std::string sql =
        "SELECT c.id, c.email, c.email_key, c.email_problem, c.person_hash, c.consent, "
        "c.consent_source, c.opted_out, c.source_id, c.batch_id, c.row_no, c.company, "
        "c.last_name, c.first_name, c.full_name, c.phone, c.consent_at, c.consent_notice";
    for (std::size_t i = 0; i < channels; ++i) {
        sql +=
            ", (SELECT value FROM contact_channels x WHERE x.contact_id = c.id AND x.channel = ?" +
            std::to_string(i + 1) + ")";
    }
    sql += " FROM contacts c ORDER BY c.id";
    return sql;
}
constexpr int first_channel_column = 18;

/// Names by row id for a small table (sources, batches), as a vector indexed by id.
std::vector<std::string> names_by_id(Workspace& ws, std::string_view sql) {
    std::vector<std::string> out;
    auto st = ws.prepare(sql);
    while (st.step()) {
        const auto id = static_cast<std::size_t>(st.integer(0));
        if (id >= out.size()) out.resize(id + 1);
        out[id] = st.text(1);
    }
    return out;
}

std::string_view name_at(const std::vector<std::string>& names, std::int64_t id) {
    return id >= 0 && static_cast<std::size_t>(id) < names.size()
               ? std::string_view(names[static_cast<std::size_t>(id)])
               : std::string_view();
}
}  // namespace

ContactCursor::ContactCursor(Workspace& ws, const std::vector<std::string>& channels)
    : st_(ws.prepare(cursor_sql(channels.size()))),
      channels_(channels.size()),
      source_names_(names_by_id(ws, "SELECT id, name FROM sources")),
      batch_files_(names_by_id(ws, "SELECT id, file FROM batches")) {
    // Row ids are dense (contacts are never deleted), so the largest is the count, and it costs
    // one B-tree descent where count(*) reads every page.
    auto count = ws.prepare("SELECT max(id) FROM contacts");
    count.step();
    total_ = static_cast<std::size_t>(count.integer(0));
    for (std::size_t i = 0; i < channels.size(); ++i)
        st_.bind(static_cast<int>(i + 1), channels[i]);
}

bool ContactCursor::next(ContactView& c) {
    if (!st_.step()) return false;
    c.cursor_ = this;
    c.id = st_.integer(0);
    c.email = st_.text(1);
    // Schema 3 stores the key only where it differs from the address as written.
    c.email_key = st_.is_null(2) ? c.email : st_.text(2);
    c.problem = static_cast<EmailProblem>(st_.integer(3));
    const auto at = c.email_key.rfind('@');
    c.local = at == std::string_view::npos ? c.email_key : c.email_key.substr(0, at);
    c.domain = at == std::string_view::npos ? std::string_view() : c.email_key.substr(at + 1);
    c.person_hash = static_cast<std::uint64_t>(st_.integer(4));
    const auto consent = st_.text(5);
    c.consent = consent == "opt_in"    ? Consent::opt_in
                : consent == "opt_out" ? Consent::opt_out
                                       : Consent::none;
    c.consent_source = st_.text(6);
    c.opted_out = st_.integer(7) != 0;
    c.channel_ids.resize(channels_);
    for (std::size_t i = 0; i < channels_; ++i)
        c.channel_ids[i] = st_.text(first_channel_column + static_cast<int>(i));
    return true;
}

ContactDetails ContactCursor::details() const {
    ContactDetails d;
    d.source = name_at(source_names_, st_.integer(8));
    d.file = name_at(batch_files_, st_.integer(9));
    d.row = st_.integer(10);
    d.company = st_.text(11);
    d.last_name = st_.text(12);
    d.first_name = st_.text(13);
    d.full_name = st_.text(14);
    d.phone = st_.text(15);
    d.consent_at = st_.text(16);
    d.consent_notice = st_.text(17);
    return d;
}

ContactDetails ContactView::details() const {
    return cursor_ != nullptr ? cursor_->details() : ContactDetails{};
}

}  // namespace maplan::lists
