#pragma once
// DNS look-ups for the live domain check, behind a small interface: the real implementation uses
// c-ares (many queries in flight on one channel); unit tests use FakeResolver. Callers submit
// queries with a completion callback and then call run(), which returns once every query, and
// every query submitted from inside a callback, has completed.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.hpp"

namespace maplan::dns {

enum class RrType { a, aaaa, mx, txt };

/// "A", "AAAA", "MX", "TXT" as in zone files and dig.
std::string_view to_string(RrType type);

/// What happened to one query. Only `ok` carries data; `nodata` is NOERROR with an empty answer.
/// `unreachable`: nothing listens at the server's address (ICMP port unreachable).
enum class Status { ok, nodata, nxdomain, servfail, refused, timeout, unreachable, error };

/// "ok", "nodata", "nxdomain", ... (stable, used in JSON output).
std::string_view to_string(Status status);

/// True for the outcomes that say nothing about the zone's contents (the server failed or did not
/// answer): the check cannot be trusted and exits with code 2.
inline bool is_failure(Status s) {
    return s == Status::servfail || s == Status::refused || s == Status::timeout ||
           s == Status::unreachable || s == Status::error;
}
/// NXDOMAIN or an empty answer: what RFC 7208 §4.6.4 calls a void lookup.
inline bool is_void(Status s) {
    return s == Status::nxdomain || s == Status::nodata;
}

struct MxHost {
    int preference = 0;
    std::string host;  ///< "" for the null MX "." (RFC 7505)
};

struct Answer {
    Status status = Status::error;
    /// TXT: one entry per record, its character-strings concatenated (RFC 7208 §3.3).
    std::vector<std::string> txt;
    std::vector<MxHost> mx;
    std::vector<std::string> addresses;  ///< A / AAAA, printable
    std::string detail;                  ///< the resolver's own words for `error`
};

struct Query {
    std::string name;
    RrType type = RrType::txt;
    friend auto operator<=>(const Query&, const Query&) = default;
};

using Callback = std::function<void(const Answer&)>;

class Resolver {
  public:
    virtual ~Resolver() = default;
    virtual void submit(const Query& query, Callback done) = 0;
    /// Processes queries until none is left.
    virtual void run() = 0;
    /// Where queries go, for messages: "127.0.0.1:5353", or the resolv.conf servers.
    virtual std::string server_description() const = 0;
    /// Queries actually sent (after de-duplication by the caller).
    virtual std::size_t queries_sent() const = 0;
};

struct ResolverOptions {
    std::string server;     ///< "IP" or "IP:PORT" or "[IPv6]:PORT"; empty: /etc/resolv.conf
    int timeout_ms = 2000;  ///< per try
    int tries = 2;
    /// Queries on the wire at once; the rest wait in a queue. A burst of thousands of UDP
    /// datagrams overflows socket buffers (the server's or ours) and turns into timeouts.
    int max_in_flight = 64;
};

/// Checks the --dns-server syntax; returns the c-ares server CSV form ("127.0.0.1:5353"), or
/// nullopt-like empty string when invalid.
std::string normalise_server(std::string_view server);

/// The c-ares resolver. Throws MaPlanError if c-ares cannot be initialised, UsageError for a bad
/// server address.
std::unique_ptr<Resolver> make_cares_resolver(const ResolverOptions& options);

/// One sentence naming the name, the record type and what went wrong, in both languages, for a
/// non-ok status ("TXT _dmarc.example.com: the name does not exist (NXDOMAIN)").
Text describe(const Query& query, const Answer& answer, const std::string& server,
              const ResolverOptions& options);

/// A resolver answering from a table, for unit tests. Names not in the table are NXDOMAIN.
/// Callbacks run from run(), in submission order, like a real resolver's would.
class FakeResolver final : public Resolver {
  public:
    void set(Query query, Answer answer) { table_[std::move(query)] = std::move(answer); }
    void set_txt(const std::string& name, std::vector<std::string> records);
    void submit(const Query& query, Callback done) override;
    void run() override;
    std::string server_description() const override { return "fake"; }
    std::size_t queries_sent() const override { return sent_; }

  private:
    std::map<Query, Answer> table_;
    std::vector<std::pair<Query, Callback>> pending_;
    std::size_t sent_ = 0;
};

/// Memoises answers for one run: the same (name, type) asked twice (two domains including the
/// same vendor record) is sent once, and later askers get the answer too.
class CachingResolver final : public Resolver {
  public:
    explicit CachingResolver(Resolver& inner) : inner_(inner) {}
    void submit(const Query& query, Callback done) override;
    void run() override { inner_.run(); }
    std::string server_description() const override { return inner_.server_description(); }
    std::size_t queries_sent() const override { return inner_.queries_sent(); }

  private:
    struct Entry {
        bool done = false;
        Answer answer;
        std::vector<Callback> waiting;
    };
    Resolver& inner_;
    std::map<Query, std::shared_ptr<Entry>> entries_;
};

}  // namespace maplan::dns
