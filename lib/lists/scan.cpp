#include "lists/scan.hpp"

#include <pthread.h>
#include <algorithm>

#include <cstring>
#include <thread>

#include "lists/pipe.hpp"

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
// The columns every contact needs come first (the source id, 8, included); the details, from 9
// on, are read only with ScanOptions::details.
std::string cursor_sql(std::size_t channels) {
    std::string sql =
        "SELECT c.id, c.email, c.email_key, c.email_problem, c.person_hash, c.consent, "
        "c.consent_source, c.opted_out, c.source_id, c.batch_id, c.row_no, c.company, "
        "c.last_name, c.first_name, c.full_name, c.phone, c.consent_at, c.consent_notice, "
        "c.bounced";
    for (std::size_t i = 0; i < channels; ++i) {
        sql +=
            ", (SELECT value FROM contact_channels x WHERE x.contact_id = c.id AND x.channel = ?" +
            std::to_string(i + 1) + ")";
    }
    sql += " FROM contacts c ORDER BY c.id";
    return sql;
}
constexpr int first_channel_column = 19;

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

namespace {

struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

/// One contact row as copied out of SQLite by the reading thread.
struct Record {
    std::int64_t id = 0;
    std::int64_t source_id = 0;
    std::int64_t batch_id = 0;
    std::int64_t row = 0;
    std::uint64_t person_hash = 0;
    EmailProblem problem = EmailProblem::none;
    Consent consent = Consent::none;
    bool opted_out = false;
    bool bounced = false;
    bool key_is_email = false;  ///< email_key is NULL: the key is the address as written
    Span email, email_key, consent_source, company, last_name, first_name, full_name, phone,
        consent_at, consent_notice;
    std::uint32_t channels_begin = 0;
};

struct ScanBatch {
    static constexpr std::size_t capacity = 1024;
    std::vector<Record> records;
    std::vector<Span> channel_values;
    std::string arena;
    bool last = false;

    bool full() const { return records.size() >= capacity; }
    void clear() {
        records.clear();
        channel_values.clear();
        arena.clear();
        last = false;
    }
    Span store(std::string_view text) {
        Span s{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(text.size())};
        arena.append(text);
        return s;
    }
    std::string_view view(Span s) const {
        return std::string_view(arena).substr(s.offset, s.length);
    }
};

}  // namespace

struct ContactStream::Impl {
    Impl(Workspace& ws, const std::vector<std::string>& channels, ScanOptions options)
        : st(ws.prepare(cursor_sql(channels.size()))),
          channels(channels.size()),
          options(options),
          source_names(names_by_id(ws, "SELECT id, name FROM sources")),
          batch_files(names_by_id(ws, "SELECT id, file FROM batches")) {
        for (std::size_t i = 0; i < channels.size(); ++i)
            st.bind(static_cast<int>(i + 1), channels[i]);
    }

    /// The reading thread: every row into batches until the end, an error or cancel().
    void read() {
        ::pthread_setname_np(::pthread_self(), "ma-plan-scan");  // shows in top and perf
        try {
            auto batch = pipe.take_empty();
            while (batch) {
                if (!st.step()) {
                    batch->last = true;
                    pipe.put(std::move(batch));
                    return;
                }
                Record r;
                r.id = st.integer(0);
                r.email = batch->store(st.text(1));
                r.key_is_email = st.is_null(2);
                if (!r.key_is_email) r.email_key = batch->store(st.text(2));
                r.problem = static_cast<EmailProblem>(st.integer(3));
                r.person_hash = static_cast<std::uint64_t>(st.integer(4));
                const auto consent = st.text(5);
                r.consent = consent == "opt_in"    ? Consent::opt_in
                            : consent == "opt_out" ? Consent::opt_out
                                                   : Consent::none;
                r.consent_source = batch->store(st.text(6));
                r.opted_out = st.integer(7) != 0;
                r.source_id = st.integer(8);
                r.bounced = st.integer(18) != 0;
                r.consent_at = batch->store(st.text(16));
                if (options.details) {
                    r.batch_id = st.integer(9);
                    r.row = st.integer(10);
                    r.company = batch->store(st.text(11));
                    r.last_name = batch->store(st.text(12));
                    r.first_name = batch->store(st.text(13));
                    r.full_name = batch->store(st.text(14));
                    r.phone = batch->store(st.text(15));
                    r.consent_notice = batch->store(st.text(17));
                }
                r.channels_begin = static_cast<std::uint32_t>(batch->channel_values.size());
                for (std::size_t i = 0; i < channels; ++i) {
                    batch->channel_values.push_back(
                        batch->store(st.text(first_channel_column + static_cast<int>(i))));
                }
                batch->records.push_back(r);
                if (batch->full()) batch = pipe.send(std::move(batch));
            }
        } catch (...) {
            pipe.fail(std::current_exception());
        }
    }

    Statement st;
    std::size_t channels;
    ScanOptions options;
    std::vector<std::string> source_names;
    std::vector<std::string> batch_files;
    BatchPipe<ScanBatch> pipe;
    std::unique_ptr<ScanBatch> current;
    std::size_t index = 0;
    bool done = false;
    std::thread reader;
};

ContactStream::ContactStream(Workspace& ws, const std::vector<std::string>& channels,
                             ScanOptions options)
    : impl_(std::make_unique<Impl>(ws, channels, options)) {
    // Row ids are dense (contacts are never deleted), so the largest is the count, and it costs
    // one B-tree descent where count(*) reads every page.
    auto count = ws.prepare("SELECT max(id) FROM contacts");
    count.step();
    total_ = static_cast<std::size_t>(count.integer(0));
    count.reset();
    impl_->reader = std::thread([impl = impl_.get()] { impl->read(); });
}

ContactStream::~ContactStream() {
    impl_->pipe.cancel();
    if (impl_->reader.joinable()) impl_->reader.join();
}

bool ContactStream::next(ContactView& c) {
    Impl& m = *impl_;
    if (m.done) return false;
    while (!m.current || m.index == m.current->records.size()) {
        if (m.current) {
            const bool last = m.current->last;
            m.pipe.recycle(std::move(m.current));
            if (last) {
                m.done = true;
                return false;
            }
        }
        m.current = m.pipe.receive();
        m.index = 0;
    }
    const ScanBatch& b = *m.current;
    const Record& r = b.records[m.index++];
    c.id = r.id;
    c.source_id = r.source_id;
    c.email = b.view(r.email);
    c.email_key = r.key_is_email ? c.email : b.view(r.email_key);
    c.problem = r.problem;
    const auto at = c.email_key.rfind('@');
    c.local = at == std::string_view::npos ? c.email_key : c.email_key.substr(0, at);
    c.domain = at == std::string_view::npos ? std::string_view() : c.email_key.substr(at + 1);
    c.person_hash = r.person_hash;
    c.consent = r.consent;
    c.consent_source = b.view(r.consent_source);
    c.consent_at = b.view(r.consent_at);
    c.opted_out = r.opted_out;
    c.bounced = r.bounced;
    c.channel_ids.resize(m.channels);
    for (std::size_t i = 0; i < m.channels; ++i)
        c.channel_ids[i] = b.view(b.channel_values[r.channels_begin + i]);
    ContactDetails& d = c.details;
    d.source = name_at(m.source_names, r.source_id);
    d.file = name_at(m.batch_files, r.batch_id);
    d.row = r.row;
    d.company = b.view(r.company);
    d.last_name = b.view(r.last_name);
    d.first_name = b.view(r.first_name);
    d.full_name = b.view(r.full_name);
    d.phone = b.view(r.phone);
    d.consent_at = b.view(r.consent_at);
    d.consent_notice = b.view(r.consent_notice);
    return true;
}

DeferredContact::DeferredContact(const ContactView& c) : view_(c) {
    auto keep = [&](std::string_view v) {
        spans_.emplace_back(text_.size(), v.size());
        text_.append(v);
    };
    const ContactDetails& d = c.details;
    for (std::string_view v : {c.email, c.email_key, c.local, c.domain, c.consent_source,
                               c.consent_at, d.source, d.file, d.company, d.last_name, d.first_name,
                               d.full_name, d.phone, d.consent_at, d.consent_notice})
        keep(v);
    for (std::string_view v : c.channel_ids) keep(v);
}

ContactView DeferredContact::view() const {
    ContactView c = view_;
    std::size_t i = 0;
    auto next = [&] {
        const auto [offset, length] = spans_[i++];
        return std::string_view(text_).substr(offset, length);
    };
    ContactDetails& d = c.details;
    for (std::string_view* v :
         {&c.email, &c.email_key, &c.local, &c.domain, &c.consent_source, &c.consent_at, &d.source,
          &d.file, &d.company, &d.last_name, &d.first_name, &d.full_name, &d.phone, &d.consent_at,
          &d.consent_notice})
        *v = next();
    for (auto& v : c.channel_ids) v = next();
    return c;
}

void note_recorded_opt_in(PersonRecord& person, const ContactView& c) {
    if (c.consent != Consent::opt_in || c.consent_source.empty() || c.consent_at.empty()) return;
    if (auto at = time_span(c.consent_at)) person.opt_ins.push_back(std::move(*at));
}

}  // namespace maplan::lists
