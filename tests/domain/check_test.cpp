// The check's logic with a table-driven fake resolver: the SPF walk (redirect, macros, ptr, mx
// host limit, several records), DMARC, DKIM record parsing and the policy records. Each case
// fires with its whole message, and a near miss stays quiet.
#include <catch2/catch.hpp>

#include "../common/files.hpp"
#include "dns/resolver.hpp"
#include "domain/check.hpp"
#include "domain/dkim.hpp"

using namespace maplan;
using dns::Answer;
using dns::FakeResolver;
using dns::RrType;
using dns::Status;

namespace {

/// A domain with a clean baseline (DMARC, MX, MTA-STS, TLS-RPT, BIMI) so each case differs
/// from it in one place.
FakeResolver baseline(const std::string& d, const std::string& spf) {
    FakeResolver f;
    f.set_txt(d, {spf});
    f.set_txt("_dmarc." + d, {"v=DMARC1; p=reject"});
    Answer mx{Status::ok, {}, {{10, "mx." + d}}, {}, {}};
    f.set({d, RrType::mx}, mx);
    f.set_txt("_mta-sts." + d, {"v=STSv1; id=1"});
    f.set_txt("_smtp._tls." + d, {"v=TLSRPTv1; rua=mailto:tls@" + d});
    f.set_txt("default._bimi." + d, {"v=BIMI1; l=https://" + d + "/logo.svg"});
    return f;
}

std::vector<std::string> findings(FakeResolver& f, const std::string& d,
                                  std::vector<std::string> selectors = {"s1"},
                                  Lang lang = Lang::en) {
    domain::CheckOptions options;
    options.selectors = std::move(selectors);
    domain::DomainReport report = domain::check_domains({d}, f, options);
    std::vector<std::string> out;
    for (const domain::DomainFinding& x : report.domains.at(0).findings) {
        if (x.id == "DNS-030") continue;  // the fake has no DKIM key unless a case adds one
        out.push_back(x.id + " " + std::string(to_string(x.severity)) + ": " + x.message.in(lang));
    }
    return out;
}

domain::DomainResult result(FakeResolver& f, const std::string& d) {
    domain::CheckOptions options;
    return domain::check_domains({d}, f, options).domains.at(0);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("check: a clean baseline has no finding", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 ip4:192.0.2.0/24 -all");
    CHECK(findings(f, "ex.test") == Lines{});
}

TEST_CASE("check: redirect is followed and counted unless all is present", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 redirect=_spf.ex.test");
    f.set_txt("_spf.ex.test", {"v=spf1 a:h.ex.test -all"});
    f.set({"h.ex.test", RrType::a}, Answer{Status::ok, {}, {}, {"192.0.2.1"}, {}});
    domain::DomainResult r = result(f, "ex.test");
    CHECK(r.spf_lookups == 2);
    CHECK(r.spf_voids == 0);  // h.ex.test has an A record: the empty AAAA alone is not void
    // A redirect next to "all" never takes effect (RFC 7208 §6.1): not queried, not counted.
    FakeResolver g = baseline("ex.test", "v=spf1 -all redirect=_spf.ex.test");
    CHECK(result(g, "ex.test").spf_lookups == 0);
}

TEST_CASE("check: a macro target is counted and not queried", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 exists:%{i}._spf.ex.test -all");
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-018 info: \"exists:%{i}._spf.ex.test\" in the SPF record of ex.test depends "
                "on the message (macro); it is counted as one lookup but not queried"});
    CHECK(result(f, "ex.test").spf_lookups == 1);
}

TEST_CASE("check: ptr warns", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 ptr -all");
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-017 warning: SPF record of ex.test uses \"ptr\": RFC 7208 §5.5 says not to "
                "(slow, unreliable, and some receivers skip it)"});
}

TEST_CASE("check: two SPF records are a permanent error", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set_txt("ex.test", {"v=spf1 -all", "v=spf1 ip4:192.0.2.1 -all", "other=1"});
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-011 error: ex.test publishes 2 SPF records; RFC 7208 §4.5 makes that a "
                "permanent error, so SPF fails for every message"});
    // "v=spf10" is not an SPF record (§4.5: "v=spf1" then a space or the end).
    FakeResolver g = baseline("ex.test", "v=spf1 -all");
    g.set_txt("ex.test", {"v=spf1 -all", "v=spf10 +all"});
    CHECK(findings(g, "ex.test") == Lines{});
}

TEST_CASE("check: a record with a grammar error is reported from lib/mail with its column",
          "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 ip4:10.0.0.256 -all");
    Lines got = findings(f, "ex.test");
    REQUIRE(got.size() == 1);
    CHECK(got[0] ==
          "DNS-012 error: SPF record of ex.test, column 12: term \"ip4:10.0.0.256\": "
          "\"10.0.0.256\" is not a valid IPv4 address (RFC 7208 §5.6)");
    // A record with a syntax error is a permanent error: its terms are not followed.
    CHECK(result(f, "ex.test").spf_costs.empty());
    CHECK(result(f, "ex.test").spf_lookups == -1);
}

TEST_CASE("check: mx with more than 10 hosts", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 mx -all");
    Answer many{Status::ok, {}, {}, {}, {}};
    for (int i = 0; i < 11; ++i) many.mx.push_back({10, "mx" + std::to_string(i) + ".ex.test"});
    f.set({"ex.test", RrType::mx}, many);
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-019 error: \"mx\" in the SPF record of ex.test finds 11 MX hosts; RFC 7208 "
                "§4.6.4 allows 10 before a permanent error"});
    many.mx.pop_back();
    f.set({"ex.test", RrType::mx}, many);
    CHECK(findings(f, "ex.test") == Lines{});
}

TEST_CASE("check: no SPF record warns", "[domain]") {
    FakeResolver f = baseline("ex.test", "google-site-verification=x");
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-010 warning: ex.test publishes no SPF record (no TXT record starting with "
                "\"v=spf1\"): receivers cannot tell which hosts may send for it"});
}

TEST_CASE("check: two DMARC records", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set_txt("_dmarc.ex.test", {"v=DMARC1; p=none", "v=DMARC1; p=reject"});
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-021 error: _dmarc.ex.test holds 2 DMARC records; receivers then apply none "
                "(RFC 7489 §6.6.3)"});
}

TEST_CASE("check: a DMARC grammar problem comes with its column", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set_txt("_dmarc.ex.test", {"v=DMARC1; p=reject; p=none"});
    Lines got = findings(f, "ex.test");
    REQUIRE(got.size() == 1);
    CHECK(got[0] ==
          "DNS-022 error: DMARC record at _dmarc.ex.test, column 21: DMARC tag p appears more "
          "than once; a tag-list holds each tag once, or the whole record is invalid (RFC 6376 "
          "§3.2)");
}

TEST_CASE("check: MTA-STS and TLS-RPT records are checked", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set_txt("_mta-sts.ex.test", {"v=STSv1; id=2026-12-01"});
    f.set_txt("_smtp._tls.ex.test", {"v=TLSRPTv1; rua=tls@ex.test"});
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-051 warning: MTA-STS record at _mta-sts.ex.test: id= must be 1 to 32 letters "
                "and digits (RFC 8461 §3.1)",
                "DNS-053 warning: TLS-RPT record at _smtp._tls.ex.test: rua= \"tls@ex.test\" is "
                "neither mailto: nor https: (RFC 8460 §3)"});
}

TEST_CASE("check: BIMI needs an enforcing DMARC policy", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set_txt("_dmarc.ex.test", {"v=DMARC1; p=none"});
    CHECK(
        findings(f, "ex.test") ==
        Lines{"DNS-055 warning: BIMI record at default._bimi.ex.test: inboxes show the logo only "
              "under an enforcing DMARC policy (p=quarantine or p=reject); the policy is p=none"});
    CHECK(findings(f, "ex.test", {"s1"}, Lang::ja) ==
          Lines{"DNS-055 warning: default._bimi.ex.test の BIMI レコード: ロゴは DMARC が強制"
                "ポリシー (p=quarantine か p=reject) の場合だけ表示されます。現在は p=none です"});
}

TEST_CASE("check: no MX record warns and a null MX is noted", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    f.set({"ex.test", RrType::mx}, Answer{Status::nodata, {}, {}, {}, {}});
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-040 warning: ex.test has no MX record: replies and bounces to the sending "
                "domain go to its A record, or nowhere"});
    f.set({"ex.test", RrType::mx}, Answer{Status::ok, {}, {{0, ""}}, {}, {}});
    CHECK(findings(f, "ex.test") ==
          Lines{"DNS-041 info: ex.test publishes a null MX (RFC 7505): it receives no mail, so "
                "replies and bounces to it are lost"});
}

TEST_CASE("check: without a selector DKIM is not checked and says so", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 -all");
    CHECK(findings(f, "ex.test", {}) ==
          Lines{"DNS-035 info: no DKIM selector given (--selector, or email.dkim.selector with "
                "--plan): keys cannot be listed from DNS, so DKIM was not checked"});
}

TEST_CASE("check: DKIM records are parsed per RFC 6376", "[domain]") {
    using domain::parse_dkim_record;
    CHECK(parse_dkim_record("k=rsa; v=DKIM1; p=AAAA").error->en ==
          "v=DKIM1 must be the first tag when present (RFC 6376 §3.6.1)");
    CHECK(parse_dkim_record("v=DKIM1; k=rsa").error->en ==
          "the record has no p= tag (the public key is required)");
    CHECK(parse_dkim_record("v=DKIM1; p=not*base64").error->en == "p= is not valid base64");
    CHECK(parse_dkim_record("v=DKIM1; p=AAAA").error->en ==
          "p= does not hold an RSA public key (DER SubjectPublicKeyInfo)");
    CHECK(parse_dkim_record("v=DKIM1; k=dsa; p=AAAA").error->en ==
          "unknown key type k=dsa (RFC 6376 and RFC 8463 define rsa and ed25519)");
    // RFC 8463 §4.2's example key: 32 raw bytes.
    auto ed =
        parse_dkim_record("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    CHECK_FALSE(ed.error);
    CHECK(ed.bits == 256);
}

TEST_CASE("check: base64 is strict and skips white space", "[domain]") {
    using domain::base64_decode;
    CHECK(base64_decode("TWFu") == std::optional<std::string>("Man"));
    CHECK(base64_decode("TW E=") == std::optional<std::string>("Ma"));
    CHECK(base64_decode("TQ==") == std::optional<std::string>("M"));
    CHECK_FALSE(base64_decode("TQ=x"));
    CHECK_FALSE(base64_decode("T$=="));
    CHECK_FALSE(base64_decode("TQ==="));
}

TEST_CASE("check: domain names from the command line", "[domain]") {
    CHECK(domain::normalise_domain("Example.COM.") == std::optional<std::string>("example.com"));
    CHECK(domain::normalise_domain("_dmarc.example.com") ==
          std::optional<std::string>("_dmarc.example.com"));
    CHECK_FALSE(domain::normalise_domain(""));
    CHECK_FALSE(domain::normalise_domain("a..b"));
    CHECK_FALSE(domain::normalise_domain("-a.example"));
    CHECK_FALSE(domain::normalise_domain("例え.jp"));
    CHECK_FALSE(domain::normalise_domain(std::string(64, 'a') + ".example"));
    CHECK(domain::organisational_domain("mail.example.co.jp") == "example.co.jp");
    CHECK(domain::organisational_domain("a.b.example.com") == "example.com");
}

TEST_CASE("check: docs/domain.md lists every finding of the table and no other", "[domain]") {
    std::string doc = test_support::read_file(MA_PLAN_SOURCE_DIR "/docs/domain.md");
    std::size_t rows = 0;
    for (auto at = doc.find("| `DNS-"); at != std::string::npos; at = doc.find("| `DNS-", at + 1))
        ++rows;
    CHECK(rows == domain::checks().size());
    for (const domain::CheckDescriptor& c : domain::checks()) {
        INFO(c.id);
        CHECK(doc.find(std::string("| `") + std::string(c.id) + "` | " +
                       std::string(to_string(c.severity)) + " | " + std::string(c.title.en) +
                       " | " + std::string(c.title.ja) + " |\n") != std::string::npos);
    }
}

TEST_CASE("check: control characters from DNS never reach the terminal raw", "[domain]") {
    FakeResolver f = baseline("ex.test", "v=spf1 include:evil\x1b[2J.test -all");
    f.set_txt("_mta-sts.ex.test", {"v=STSv1; id=1\x07"});
    domain::CheckOptions options;
    options.selectors = {"s1"};
    domain::DomainReport report = domain::check_domains({"ex.test"}, f, options);
    std::string text = domain::render(report, domain::Format::text, Lang::en, false);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("  SPF     v=spf1 include:evil\\x1b[2J.test -all\n") != std::string::npos);
    CHECK(text.find("  MTA-STS v=STSv1; id=1\\x07\n") != std::string::npos);
    // JSON keeps the data exact, escaped per RFC 8259.
    std::string json = domain::render(report, domain::Format::json, Lang::en, false);
    CHECK(json.find("include:evil\\u001b[2J.test") != std::string::npos);
}
