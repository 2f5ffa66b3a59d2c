#include "lists/scan.hpp"

#include <algorithm>
#include <cstring>

namespace maplan::lists {

std::string_view StringArena::store(std::string_view s) {
    if (used_ + s.size() > capacity_) {
        capacity_ = std::max<std::size_t>(1 << 20, s.size());
        blocks_.emplace_back(new char[capacity_]);
        used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
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
