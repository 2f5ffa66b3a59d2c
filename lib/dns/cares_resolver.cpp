// The c-ares resolver. c-ares (Debian's libc-ares-dev) does the parts a hand-written client gets
// wrong: truncated UDP answers retried over TCP, EDNS buffer sizes, retries across servers, CNAME
// chains in answers, and many queries multiplexed on one socket. This file only drives its event
// loop with poll(2) and turns its replies into Answer values.
#include <ares.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <vector>

#include "core/errors.hpp"
#include "dns/resolver.hpp"

namespace maplan::dns {

namespace {

// Wire values of the types we ask for (RFC 1035, RFC 3596).
constexpr int class_in = 1;
int wire_type(RrType type) {
    switch (type) {
        case RrType::a:
            return 1;
        case RrType::aaaa:
            return 28;
        case RrType::mx:
            return 15;
        case RrType::txt:
            return 16;
    }
    return 16;
}

Status status_of(int ares_status) {
    switch (ares_status) {
        case ARES_SUCCESS:
            return Status::ok;
        case ARES_ENODATA:
            return Status::nodata;
        case ARES_ENOTFOUND:
            return Status::nxdomain;
        case ARES_ESERVFAIL:
            return Status::servfail;
        case ARES_EREFUSED:
            return Status::refused;
        case ARES_ETIMEOUT:
            return Status::timeout;
        case ARES_ECONNREFUSED:
            return Status::unreachable;
        default:
            return Status::error;
    }
}

void parse_answer(RrType type, const unsigned char* abuf, int alen, Answer& answer) {
    int rc = ARES_SUCCESS;
    switch (type) {
        case RrType::txt: {
            ares_txt_ext* txt = nullptr;
            rc = ares_parse_txt_reply_ext(abuf, alen, &txt);
            if (rc != ARES_SUCCESS) break;
            for (ares_txt_ext* t = txt; t != nullptr; t = t->next) {
                if (t->record_start || answer.txt.empty()) answer.txt.emplace_back();
                answer.txt.back().append(reinterpret_cast<const char*>(t->txt), t->length);
            }
            ares_free_data(txt);
            break;
        }
        case RrType::mx: {
            ares_mx_reply* mx = nullptr;
            rc = ares_parse_mx_reply(abuf, alen, &mx);
            if (rc != ARES_SUCCESS) break;
            for (ares_mx_reply* m = mx; m != nullptr; m = m->next) {
                answer.mx.push_back({m->priority, m->host});
            }
            ares_free_data(mx);
            break;
        }
        case RrType::a:
        case RrType::aaaa: {
            hostent* host = nullptr;
            rc = type == RrType::a ? ares_parse_a_reply(abuf, alen, &host, nullptr, nullptr)
                                   : ares_parse_aaaa_reply(abuf, alen, &host, nullptr, nullptr);
            if (rc != ARES_SUCCESS) break;
            char buf[INET6_ADDRSTRLEN];
            for (char** a = host->h_addr_list; a != nullptr && *a != nullptr; ++a) {
                if (::inet_ntop(host->h_addrtype, *a, buf, sizeof buf) != nullptr)
                    answer.addresses.emplace_back(buf);
            }
            ares_free_hostent(host);
            break;
        }
    }
    // An answer section holding only other types (a CNAME to nowhere) is an empty answer.
    if (rc == ARES_ENODATA) {
        answer.status = Status::nodata;
    } else if (rc != ARES_SUCCESS) {
        answer.status = Status::error;
        answer.detail = ares_strerror(rc);
    }
}

class CaresResolver final : public Resolver {
  public:
    explicit CaresResolver(const ResolverOptions& options) {
        if (int rc = ares_library_init(ARES_LIB_INIT_ALL); rc != ARES_SUCCESS) {
            throw MaPlanError({fmt::format("cannot initialise c-ares: {}", ares_strerror(rc)),
                               fmt::format("c-ares を初期化できません: {}", ares_strerror(rc))});
        }
        ares_options opts{};
        opts.timeout = options.timeout_ms;
        opts.tries = options.tries;
        // EDNS with the 1232-byte buffer DNS Flag Day 2020 settled on: 2048-bit DKIM keys fit in
        // one UDP answer; anything larger is still truncated and retried over TCP by c-ares.
        // NOCHECKRESP: without it c-ares 1.18 treats SERVFAIL and REFUSED as "try the next
        // server" and, with none left, reports ECONNREFUSED ("could not contact DNS servers"),
        // hiding which of the two it was. The cost: a SERVFAIL from the first of several system
        // resolvers is not retried on the second.
        opts.flags = ARES_FLAG_EDNS | ARES_FLAG_NOCHECKRESP;
        opts.ednspsz = 1232;
        int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS | ARES_OPT_EDNSPSZ;
        if (int rc = ares_init_options(&channel_, &opts, mask); rc != ARES_SUCCESS) {
            throw MaPlanError({fmt::format("cannot initialise c-ares: {}", ares_strerror(rc)),
                               fmt::format("c-ares を初期化できません: {}", ares_strerror(rc))});
        }
        if (!options.server.empty()) {
            std::string csv = normalise_server(options.server);
            if (csv.empty() || ares_set_servers_ports_csv(channel_, csv.c_str()) != ARES_SUCCESS) {
                ares_destroy(channel_);
                throw UsageError(
                    {fmt::format("--dns-server \"{}\" is not an IP address with an optional "
                                 "port (IP, IP:PORT or [IPv6]:PORT)",
                                 options.server),
                     fmt::format("--dns-server「{}」は IP アドレス (と省略可能なポート) ではありま"
                                 "せん (IP、IP:PORT、[IPv6]:PORT)",
                                 options.server)});
            }
            server_ = options.server;
        }
        max_in_flight_ = static_cast<std::size_t>(std::max(1, options.max_in_flight));
        if (server_.empty()) server_ = configured_servers();
    }
    ~CaresResolver() override {
        ares_destroy(channel_);
        ares_library_cleanup();
    }
    CaresResolver(const CaresResolver&) = delete;
    CaresResolver& operator=(const CaresResolver&) = delete;

    void submit(const Query& query, Callback done) override {
        ++sent_;
        waiting_.push_back({query, std::move(done)});
        send_waiting();
    }

    void run() override {
        send_waiting();
        while (in_flight_ > 0) {
            ares_socket_t socks[ARES_GETSOCK_MAXNUM];
            int bits = ares_getsock(channel_, socks, ARES_GETSOCK_MAXNUM);
            std::vector<pollfd> fds;
            for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
                short events = 0;
                if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
                if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
                if (events != 0) fds.push_back({socks[i], events, 0});
            }
            timeval tv{};
            timeval* left = ares_timeout(channel_, nullptr, &tv);
            int ms =
                left == nullptr ? 1000 : static_cast<int>(tv.tv_sec * 1000 + tv.tv_usec / 1000);
            int n = ::poll(fds.data(), fds.size(), ms);
            if (n <= 0) {
                // Timed out (or interrupted): let c-ares retry or expire queries.
                ares_process_fd(channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
                continue;
            }
            for (const pollfd& p : fds) {
                if (p.revents == 0) continue;
                bool readable = (p.revents & (POLLIN | POLLERR | POLLHUP)) != 0;
                bool writable = (p.revents & POLLOUT) != 0;
                ares_process_fd(channel_, readable ? p.fd : ARES_SOCKET_BAD,
                                writable ? p.fd : ARES_SOCKET_BAD);
            }
        }
    }

    std::string server_description() const override { return server_; }
    std::size_t queries_sent() const override { return sent_; }

  private:
    /// The servers c-ares read from /etc/resolv.conf, "IP:PORT, ..." (the same in every
    /// language, unlike a phrase such as "the system resolver").
    std::string configured_servers() const {
        ares_addr_port_node* servers = nullptr;
        std::string out;
        if (ares_get_servers_ports(channel_, &servers) == ARES_SUCCESS) {
            char buf[INET6_ADDRSTRLEN];
            for (ares_addr_port_node* n = servers; n != nullptr; n = n->next) {
                if (::inet_ntop(n->family, &n->addr, buf, sizeof buf) == nullptr) continue;
                int port = n->udp_port == 0 ? 53 : n->udp_port;
                out += (out.empty() ? "" : ", ") + (n->family == AF_INET6
                                                        ? fmt::format("[{}]:{}", buf, port)
                                                        : fmt::format("{}:{}", buf, port));
            }
            ares_free_data(servers);
        }
        return out.empty() ? "/etc/resolv.conf" : out;
    }

    struct Pending {
        RrType type;
        Callback done;
        CaresResolver* self;
    };

    void send_waiting() {
        // Re-entrant: on_reply of a query sent here may call submit, which lands here again.
        while (!waiting_.empty() && in_flight_ < max_in_flight_) {
            auto [query, done] = std::move(waiting_.front());
            waiting_.pop_front();
            auto* pending = new Pending{query.type, std::move(done), this};
            ++in_flight_;
            ares_query(channel_, query.name.c_str(), class_in, wire_type(query.type), &on_reply,
                       pending);
        }
    }

    static void on_reply(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
        auto* pending = static_cast<Pending*>(arg);
        Answer answer;
        answer.status = status_of(status);
        if (answer.status == Status::error) answer.detail = ares_strerror(status);
        if (status == ARES_SUCCESS) parse_answer(pending->type, abuf, alen, answer);
        CaresResolver* self = pending->self;
        --self->in_flight_;
        // The callback may submit more queries (the next level of an SPF include tree).
        if (status != ARES_EDESTRUCTION) pending->done(answer);
        delete pending;
        if (status != ARES_EDESTRUCTION) self->send_waiting();
    }

    ares_channel channel_ = nullptr;
    std::deque<std::pair<Query, Callback>> waiting_;
    std::size_t max_in_flight_ = 64;
    std::string server_;
    std::size_t in_flight_ = 0;
    std::size_t sent_ = 0;
};

}  // namespace

std::unique_ptr<Resolver> make_cares_resolver(const ResolverOptions& options) {
    return std::make_unique<CaresResolver>(options);
}

}  // namespace maplan::dns
