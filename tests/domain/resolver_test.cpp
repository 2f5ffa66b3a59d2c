// The c-ares resolver against a real authoritative server (NSD on 127.0.0.1): every status it
// can report, the whole failure messages, and the parts c-ares does for us (joining TXT strings,
// MX parsing). Plus the fake and the cache used by the unit tests.
#include <catch2/catch.hpp>

#include "dns/resolver.hpp"
#include "local_dns.hpp"

using namespace maplan::dns;
using maplan::Lang;

namespace {

Answer ask(const std::string& server, Query q, int timeout_ms = 1000, int tries = 2) {
    auto r = make_cares_resolver({server, timeout_ms, tries});
    Answer out;
    r->submit(q, [&](const Answer& a) { out = a; });
    r->run();
    return out;
}

std::string message(const Query& q, const Answer& a, const std::string& server, Lang lang,
                    ResolverOptions options = {"", 1000, 2}) {
    return describe(q, a, server, options).in(lang);
}

}  // namespace

TEST_CASE("resolver: a TXT record of two strings comes back as one record", "[dns]") {
    domain_test::LocalDns dns;
    Answer a = ask(dns.server(), {"s2048._domainkey.good.test", RrType::txt});
    REQUIRE(a.status == Status::ok);
    REQUIRE(a.txt.size() == 1);
    CHECK(a.txt[0].rfind("v=DKIM1; k=rsa; p=MIIBIjAN", 0) == 0);
    CHECK(a.txt[0].size() > 255);
    CHECK(a.txt[0].find(' ', 20) == std::string::npos);  // joined without a separator
}

TEST_CASE("resolver: MX and AAAA answers are parsed", "[dns]") {
    domain_test::LocalDns dns;
    Answer mx = ask(dns.server(), {"good.test", RrType::mx});
    REQUIRE(mx.status == Status::ok);
    REQUIRE(mx.mx.size() == 1);
    CHECK(mx.mx[0].preference == 10);
    CHECK(mx.mx[0].host == "mail.good.test");
    Answer aaaa = ask(dns.server(), {"h3.vendor.test", RrType::aaaa});
    REQUIRE(aaaa.status == Status::ok);
    CHECK(aaaa.addresses == std::vector<std::string>{"2001:db8::3"});
}

TEST_CASE("resolver: NXDOMAIN and an empty answer are told apart", "[dns]") {
    domain_test::LocalDns dns;
    Query nx{"nx.good.test", RrType::txt};
    Answer a = ask(dns.server(), nx);
    CHECK(a.status == Status::nxdomain);
    CHECK(message(nx, a, dns.server(), Lang::en) ==
          "TXT nx.good.test: the name does not exist (NXDOMAIN)");
    CHECK(message(nx, a, dns.server(), Lang::ja) ==
          "TXT nx.good.test: 名前が存在しません (NXDOMAIN)");
    Query nodata{"mail.good.test", RrType::txt};
    Answer b = ask(dns.server(), nodata);
    CHECK(b.status == Status::nodata);
    CHECK(message(nodata, b, dns.server(), Lang::en) ==
          "TXT mail.good.test: the name exists but holds no TXT record");
}

TEST_CASE("resolver: SERVFAIL from a zone the server could not load", "[dns]") {
    domain_test::LocalDns dns;
    Query q{"broken.test", RrType::txt};
    Answer a = ask(dns.server(), q);
    CHECK(a.status == Status::servfail);
    CHECK(is_failure(a.status));
    CHECK(message(q, a, dns.server(), Lang::en) ==
          "TXT broken.test: the server " + dns.server() +
              " failed to answer (SERVFAIL); the zone may be broken or not loaded, or DNSSEC "
              "validation failed");
    CHECK(message(q, a, dns.server(), Lang::ja) ==
          "TXT broken.test: サーバー " + dns.server() +
              " が応答に失敗しました (SERVFAIL)。ゾーンの不備・未読み込み、または DNSSEC 検証の"
              "失敗が考えられます");
}

TEST_CASE("resolver: REFUSED for a name the server is not authoritative for", "[dns]") {
    domain_test::LocalDns dns;
    Query q{"outside.example", RrType::txt};
    Answer a = ask(dns.server(), q);
    CHECK(a.status == Status::refused);
    CHECK(message(q, a, dns.server(), Lang::en) ==
          "TXT outside.example: the server " + dns.server() +
              " refused the query (REFUSED); it is not authoritative for this name and does not "
              "resolve others");
}

TEST_CASE("resolver: a port that never answers times out after the configured tries", "[dns]") {
    domain_test::SilentUdpPort silent;
    Query q{"good.test", RrType::txt};
    Answer a = ask(silent.server(), q, 100, 2);
    CHECK(a.status == Status::timeout);
    ResolverOptions options{silent.server(), 100, 2};
    CHECK(message(q, a, silent.server(), Lang::en, options) ==
          "TXT good.test: no answer from " + silent.server() +
              " after 2 tries of 100 ms (timeout)");
    CHECK(message(q, a, silent.server(), Lang::ja, options) ==
          "TXT good.test: " + silent.server() +
              " から応答がありません (100 ミリ秒 × 2 回でタイムアウト)");
}

TEST_CASE("resolver: hundreds of queries in flight each get their own answer", "[dns]") {
    domain_test::LocalDns dns;
    auto r = make_cares_resolver({dns.server(), 2000, 2});
    std::vector<Status> got(400, Status::error);
    for (int i = 0; i < 400; ++i) {
        // Even names exist (the vendor's include records), odd ones do not.
        std::string name = i % 2 == 0 ? "_spf" + std::to_string(1 + i % 3) + ".vendor.test"
                                      : "q" + std::to_string(i) + ".good.test";
        r->submit({name, RrType::txt}, [&got, i](const Answer& a) { got[i] = a.status; });
    }
    r->run();
    CHECK(r->queries_sent() == 400);
    for (int i = 0; i < 400; ++i) {
        INFO(i);
        CHECK(got[i] == (i % 2 == 0 ? Status::ok : Status::nxdomain));
    }
}

TEST_CASE("resolver: --dns-server accepts IP and IP:PORT only", "[dns]") {
    CHECK(normalise_server("127.0.0.1") == "127.0.0.1");
    CHECK(normalise_server("127.0.0.1:5353") == "127.0.0.1:5353");
    CHECK(normalise_server("::1") == "::1");
    CHECK(normalise_server("[::1]:5353") == "[::1]:5353");
    CHECK(normalise_server("").empty());
    CHECK(normalise_server("localhost").empty());
    CHECK(normalise_server("127.0.0.1:0").empty());
    CHECK(normalise_server("127.0.0.1:65536").empty());
    CHECK(normalise_server("127.0.0.1:53x").empty());
    CHECK(normalise_server("300.0.0.1").empty());
    CHECK(normalise_server("[::1]5353").empty());
    CHECK(normalise_server("[127.0.0.1]:53").empty());
}

TEST_CASE("resolver: the cache sends each question once and answers every asker", "[dns]") {
    FakeResolver fake;
    fake.set_txt("_spf.vendor.test", {"v=spf1 -all"});
    CachingResolver cache(fake);
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        cache.submit({"_spf.vendor.test", RrType::txt}, [&](const Answer& a) {
            CHECK(a.txt == std::vector<std::string>{"v=spf1 -all"});
            ++answered;
        });
    cache.run();
    // Asked again after the answer arrived: served from the cache at once.
    cache.submit({"_spf.vendor.test", RrType::txt}, [&](const Answer&) { ++answered; });
    CHECK(answered == 4);
    CHECK(fake.queries_sent() == 1);
}

TEST_CASE("resolver: a port where nothing listens is unreachable", "[dns]") {
    // Bound and closed again: the kernel answers with ICMP port unreachable.
    int port = domain_test::bind_loopback(SOCK_DGRAM, 0);
    std::string server = "127.0.0.1:" + std::to_string(port);
    Query q{"good.test", RrType::txt};
    Answer a = ask(server, q, 500, 1);
    CHECK(a.status == Status::unreachable);
    CHECK(message(q, a, server, Lang::en) ==
          "TXT good.test: no DNS server at " + server + " (connection refused)");
    CHECK(message(q, a, server, Lang::ja) ==
          "TXT good.test: " + server + " に DNS サーバーがありません (接続拒否)");
}
