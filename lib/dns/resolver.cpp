// What is common to every resolver: names of types and statuses, the failure messages, the
// table-driven fake for unit tests and the per-run cache.
#include <arpa/inet.h>

#include <fmt/format.h>

#include <charconv>

#include "dns/resolver.hpp"

namespace maplan::dns {

std::string_view to_string(RrType type) {
    switch (type) {
        case RrType::a:
            return "A";
        case RrType::aaaa:
            return "AAAA";
        case RrType::mx:
            return "MX";
        case RrType::txt:
            return "TXT";
    }
    return "?";
}

std::string_view to_string(Status status) {
    switch (status) {
        case Status::ok:
            return "ok";
        case Status::nodata:
            return "nodata";
        case Status::nxdomain:
            return "nxdomain";
        case Status::servfail:
            return "servfail";
        case Status::refused:
            return "refused";
        case Status::timeout:
            return "timeout";
        case Status::unreachable:
            return "unreachable";
        case Status::error:
            return "error";
    }
    return "error";
}

namespace {

bool valid_port(std::string_view text) {
    int port = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    return ec == std::errc() && end == text.data() + text.size() && port >= 1 && port <= 65535;
}

bool is_ip(const std::string& text, int family) {
    unsigned char buf[16];
    return ::inet_pton(family, text.c_str(), buf) == 1;
}

}  // namespace

std::string normalise_server(std::string_view server) {
    if (server.empty()) return "";
    if (server.front() == '[') {
        auto close = server.find(']');
        if (close == std::string_view::npos) return "";
        std::string ip(server.substr(1, close - 1));
        std::string_view rest = server.substr(close + 1);
        if (!is_ip(ip, AF_INET6)) return "";
        if (rest.empty()) return ip;
        if (rest.front() != ':' || !valid_port(rest.substr(1))) return "";
        return fmt::format("[{}]:{}", ip, rest.substr(1));
    }
    std::string whole(server);
    if (is_ip(whole, AF_INET6) || is_ip(whole, AF_INET)) return whole;
    auto colon = server.rfind(':');
    if (colon == std::string_view::npos) return "";
    std::string ip(server.substr(0, colon));
    if (!is_ip(ip, AF_INET) || !valid_port(server.substr(colon + 1))) return "";
    return whole;
}

Text describe(const Query& query, const Answer& answer, const std::string& server,
              const ResolverOptions& options) {
    std::string what = fmt::format("{} {}", to_string(query.type), query.name);
    switch (answer.status) {
        case Status::ok:
            return {fmt::format("{}: answered", what), fmt::format("{}: 応答あり", what)};
        case Status::nodata:
            return {fmt::format("{}: the name exists but holds no {} record", what,
                                to_string(query.type)),
                    fmt::format("{}: 名前はありますが {} レコードがありません", what,
                                to_string(query.type))};
        case Status::nxdomain:
            return {fmt::format("{}: the name does not exist (NXDOMAIN)", what),
                    fmt::format("{}: 名前が存在しません (NXDOMAIN)", what)};
        case Status::servfail:
            return {fmt::format("{}: the server {} failed to answer (SERVFAIL); the zone may be "
                                "broken or not loaded, or DNSSEC validation failed",
                                what, server),
                    fmt::format("{}: サーバー {} が応答に失敗しました (SERVFAIL)。ゾーンの不備・"
                                "未読み込み、または DNSSEC 検証の失敗が考えられます",
                                what, server)};
        case Status::refused:
            return {fmt::format("{}: the server {} refused the query (REFUSED); it is not "
                                "authoritative for this name and does not resolve others",
                                what, server),
                    fmt::format("{}: サーバー {} が問い合わせを拒否しました (REFUSED)。この名前の"
                                "権威サーバーではなく、再帰解決もしません",
                                what, server)};
        case Status::timeout:
            return {
                fmt::format("{}: no answer from {} after {} tr{} of {} ms (timeout)", what, server,
                            options.tries, options.tries == 1 ? "y" : "ies", options.timeout_ms),
                fmt::format("{}: {} から応答がありません ({} ミリ秒 × {} 回でタイムアウト)", what,
                            server, options.timeout_ms, options.tries)};
        case Status::unreachable:
            return {fmt::format("{}: no DNS server at {} (connection refused)", what, server),
                    fmt::format("{}: {} に DNS サーバーがありません (接続拒否)", what, server)};
        case Status::error:
            return {fmt::format("{}: the query to {} failed: {}", what, server, answer.detail),
                    fmt::format("{}: {} への問い合わせが失敗しました: {}", what, server,
                                answer.detail)};
    }
    return {what, what};
}

void FakeResolver::set_txt(const std::string& name, std::vector<std::string> records) {
    Answer a;
    a.status = records.empty() ? Status::nodata : Status::ok;
    a.txt = std::move(records);
    set({name, RrType::txt}, std::move(a));
}

void FakeResolver::submit(const Query& query, Callback done) {
    ++sent_;
    pending_.emplace_back(query, std::move(done));
}

void FakeResolver::run() {
    // Callbacks may submit more; process in waves so the order matches submission.
    while (!pending_.empty()) {
        auto wave = std::move(pending_);
        pending_.clear();
        for (auto& [query, done] : wave) {
            auto it = table_.find(query);
            Answer answer;
            answer.status = Status::nxdomain;
            if (it != table_.end()) answer = it->second;
            done(answer);
        }
    }
}

void CachingResolver::submit(const Query& query, Callback done) {
    auto& slot = entries_[query];
    if (slot) {
        if (slot->done) {
            done(slot->answer);
        } else {
            slot->waiting.push_back(std::move(done));
        }
        return;
    }
    slot = std::make_shared<Entry>();
    slot->waiting.push_back(std::move(done));
    std::shared_ptr<Entry> entry = slot;
    inner_.submit(query, [entry](const Answer& answer) {
        entry->done = true;
        entry->answer = answer;
        auto waiting = std::move(entry->waiting);
        entry->waiting.clear();
        for (auto& w : waiting) w(answer);
    });
}

}  // namespace maplan::dns
