// `ma-plan domain check` end to end: the built binary against a real authoritative server (NSD on
// 127.0.0.1, zones in tests/domain/zones), one zone per case the issue names. Each case asserts
// whole output lines and the exit code; good.test is the must-not-fire case for all of them.
#include <catch2/catch.hpp>

#include <sstream>

#include "../common/process.hpp"
#include "local_dns.hpp"

namespace {

using test_support::Run;

Run ma_plan(const std::string& args) {
    return test_support::run_shell(
        "cd '" MA_PLAN_SOURCE_DIR "' && env NO_COLOR=1 LANG=C.UTF-8 '" MA_PLAN_BIN "' " + args);
}

Run check(const domain_test::LocalDns& dns, const std::string& args,
          const std::string& lang = "en") {
    return ma_plan("domain check --lang " + lang + " --dns-server " + dns.server() + " " + args);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    for (const std::string& l : lines(text))
        if (l == line) return true;
    return false;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("domain check: a good domain has no finding and exits 0", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "good.test --selector s2048");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "good.test\n"
          "  SPF     v=spf1 include:_spf.vendor.test mx -all\n"
          "          lookups 5/10, void lookups 0/2 (include:_spf.vendor.test 4, mx 1)\n"
          "  DMARC   v=DMARC1; p=reject; rua=mailto:dmarc@good.test,mailto:reports@reports.test\n"
          "  DKIM    s2048: RSA 2048 bits\n"
          "  MX      10 mail.good.test\n"
          "  MTA-STS v=STSv1; id=20261201\n"
          "  TLS-RPT v=TLSRPTv1; rua=mailto:tlsrpt@good.test\n"
          "  BIMI    v=BIMI1; l=https://good.test/logo.svg\n"
          "\n"
          "1 domain checked (12 DNS queries to " +
              dns.server() + "): 0 errors, 0 warnings, 0 info\n");
}

TEST_CASE("domain check: over the lookup budget only through nested includes", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "budget.test --selector s2048");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out,
                   "          lookups 11/10, void lookups 0/2 (include:_spf.vendor.test 4, "
                   "include:_big.vendor.test 6, a 1)"));
    CHECK(
        has_line(r.out,
                 "budget.test: error: the SPF record of budget.test needs 11 DNS lookups, nested "
                 "includes counted; RFC 7208 §4.6.4 allows 10, so SPF fails with a permanent "
                 "error (include:_spf.vendor.test 4, include:_big.vendor.test 6, a 1) [DNS-013]"));
    Run ja = check(dns, "budget.test --selector s2048", "ja");
    CHECK(has_line(ja.out,
                   "budget.test: エラー: budget.test の SPF レコードは入れ子の include を含めて "
                   "DNS 参照が 11 回必要です。RFC 7208 第4.6.4節の上限は 10 回で、恒久的エラーに"
                   "なります (include:_spf.vendor.test 4 回、include:_big.vendor.test 6 回、a 1 "
                   "回) [DNS-013]"));
}

TEST_CASE("domain check: more than two void lookups", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "void.test");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out,
                   "          lookups 3/10, void lookups 3/2 (a:gone1.void.test 1, "
                   "a:gone2.void.test 1, exists:gone3.void.test 1)"));
    CHECK(has_line(r.out,
                   "void.test: error: the SPF record of void.test causes 3 void lookups (NXDOMAIN "
                   "or empty answers); RFC 7208 §4.6.4 allows 2, so SPF fails with a permanent "
                   "error [DNS-014]"));
    CHECK(count_of(r.out, "[DNS-01") == 1);  // nothing else wrong with this SPF record
}

TEST_CASE("domain check: an include loop", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "loop.test");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out,
                   "loop.test: error: SPF include loop: loop.test → a.loop.test → b.loop.test → "
                   "a.loop.test (\"include:a.loop.test\" leads back to a record already being "
                   "evaluated; receivers stop with a permanent error) [DNS-015]"));
    CHECK(has_line(r.out, "          lookups 3+/10, void lookups 0/2 (include:a.loop.test 3)"));
}

TEST_CASE("domain check: an include of a name that does not exist", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "permerror.test");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out,
                   "permerror.test: error: \"include:missing.vendor.test\" in the SPF record of "
                   "permerror.test: missing.vendor.test, the name does not exist (NXDOMAIN); "
                   "receivers stop with a permanent error (RFC 7208 §5.2, §6.1) [DNS-016]"));
    CHECK(has_line(r.out,
                   "          lookups 1/10, void lookups 1/2 (include:missing.vendor.test 1)"));
}

TEST_CASE("domain check: a missing DMARC record", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "nodmarc.test");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out, "  DMARC   (none: NXDOMAIN)"));
    CHECK(has_line(r.out,
                   "nodmarc.test: error: no DMARC record at _dmarc.nodmarc.test: receivers apply "
                   "no policy, and Google and Yahoo reject bulk mail without one [DNS-020]"));
    Run ja = check(dns, "nodmarc.test", "ja");
    CHECK(
        has_line(ja.out,
                 "nodmarc.test: エラー: _dmarc.nodmarc.test に DMARC レコードがありません。受信側"
                 "はポリシーを適用せず、Google・Yahoo はバルク送信のメールを拒否します [DNS-020]"));
}

TEST_CASE("domain check: a subdomain without DMARC falls back to its organisational domain",
          "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "mail.good.test");
    INFO(r.out << r.err);
    CHECK(has_line(r.out,
                   "mail.good.test: info: mail.good.test has no DMARC record of its own; receivers "
                   "apply the one at _dmarc.good.test (its sp= for subdomains) [DNS-024]"));
    CHECK(count_of(r.out, "[DNS-020]") == 0);
}

TEST_CASE("domain check: DKIM key lengths from p= against the RFC 8301 thresholds", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "weak.test --selector s1024 --selector s768 --selector revoked");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out, "  DKIM    s1024: RSA 1024 bits"));
    CHECK(has_line(r.out, "  DKIM    s768: RSA 768 bits"));
    CHECK(has_line(r.out, "  DKIM    revoked: revoked (empty p=)"));
    CHECK(has_line(r.out,
                   "weak.test: warning: the DKIM key at s1024._domainkey.weak.test is 1024 bits; "
                   "RFC 8301 recommends 2048 [DNS-032]"));
    CHECK(has_line(r.out,
                   "weak.test: error: the DKIM key at s768._domainkey.weak.test is 768 bits; RFC "
                   "8301 says verifiers must not accept RSA keys below 1024 bits, so the mail "
                   "counts as unsigned [DNS-031]"));
    CHECK(has_line(r.out,
                   "weak.test: error: DKIM key record at revoked._domainkey.weak.test: p= is "
                   "empty: the key has been revoked (RFC 6376 §3.6.1) [DNS-034]"));
    Run ja = check(dns, "weak.test --selector s1024", "ja");
    CHECK(has_line(ja.out,
                   "weak.test: 警告: s1024._domainkey.weak.test の DKIM 鍵は 1024 ビットです。RFC "
                   "8301 の推奨は 2048 ビットです [DNS-032]"));
    // 1024 bits alone is a warning, not an error.
    CHECK(ja.exit_code == 0);
}

TEST_CASE("domain check: a selector with no key", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "good.test --selector nokey");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(
        has_line(r.out,
                 "good.test: error: no DKIM key for selector \"nokey\": nokey._domainkey.good.test "
                 "has no TXT record (NXDOMAIN), so mail signed with it fails DKIM [DNS-030]"));
}

TEST_CASE("domain check: DMARC reports to another domain need its authorisation record",
          "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "void.test good.test");
    INFO(r.out << r.err);
    CHECK(has_line(r.out,
                   "void.test: warning: DMARC reports from _dmarc.void.test go to elsewhere.test, "
                   "which does not authorise them: no \"v=DMARC1\" TXT record at "
                   "void.test._report._dmarc.elsewhere.test (RFC 7489 §7.1), so receivers will not "
                   "send them [DNS-023]"));
    // good.test sends reports to reports.test, which publishes the authorisation.
    CHECK(count_of(r.out, "[DNS-023]") == 1);
}

TEST_CASE("domain check: a domain that does not exist", "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "nx.good.test");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out ==
          "nx.good.test\n"
          "  SPF     (none: NXDOMAIN)\n"
          "nx.good.test: error: nx.good.test does not exist (NXDOMAIN): no record of any "
          "kind can be published under it [DNS-001]\n"
          "  hint: Check the spelling, or create the zone at the DNS provider.\n"
          "\n"
          "1 domain checked (8 DNS queries to " +
              dns.server() + "): 1 error, 0 warnings, 0 info\n");
}

TEST_CASE("domain check: a server that never answers times out with exit code 2", "[domain]") {
    domain_test::SilentUdpPort silent;
    Run r = ma_plan("domain check good.test --lang en --timeout-ms 100 --tries 1 --dns-server " +
                    silent.server());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(has_line(r.out, "good.test: error: TXT good.test: no answer from " + silent.server() +
                              " after 1 try of 100 ms (timeout) [DNS-002]"));
    CHECK(has_line(r.out, "good.test: error: TXT _dmarc.good.test: no answer from " +
                              silent.server() + " after 1 try of 100 ms (timeout) [DNS-002]"));
    CHECK(has_line(r.out, "1 domain checked (6 DNS queries to " + silent.server() +
                              "): 6 errors, 0 warnings, 1 info; DNS failures left the check "
                              "incomplete"));
}

TEST_CASE("domain check: SERVFAIL and REFUSED leave the check incomplete (exit code 2)",
          "[domain]") {
    domain_test::LocalDns dns;
    Run r = check(dns, "broken.test outside.example");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(has_line(r.out, "broken.test: error: TXT broken.test: the server " + dns.server() +
                              " failed to answer (SERVFAIL); the zone may be broken or not "
                              "loaded, or DNSSEC validation failed [DNS-002]"));
    CHECK(has_line(r.out, "outside.example: error: MX outside.example: the server " + dns.server() +
                              " refused the query (REFUSED); it is not authoritative for this "
                              "name and does not resolve others [DNS-002]"));
    // A failure on one domain does not hide another domain's findings.
    Run mixed = check(dns, "broken.test nodmarc.test");
    CHECK(mixed.exit_code == 2);
    CHECK(count_of(mixed.out, "[DNS-020]") == 1);
}

TEST_CASE("domain check: --plan compares DNS with the email block at its positions", "[domain]") {
    domain_test::LocalDns dns;
    test_support::TempDir dir;
    test_support::write_file(dir / "plan.yaml",
                             "ma_plan: 1\n"
                             "project:\n"
                             "  name: Good\n"
                             "  tool: marketo\n"
                             "email:\n"
                             "  sending_domain: good.test\n"
                             "  spf: \"v=spf1 include:_spf.vendor.test -all\"\n"
                             "  dkim: { selector: s2048, key_bits: 1024 }\n"
                             "  dmarc: \"v=DMARC1; p=none; rua=mailto:dmarc@good.test\"\n");
    std::string plan = (dir / "plan.yaml").string();
    Run r = check(dns, "--plan '" + plan + "'");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(has_line(r.out, plan +
                              ":7:8: error: DNS holds \"v=spf1 include:_spf.vendor.test mx -all\" "
                              "at good.test; the plan says \"v=spf1 include:_spf.vendor.test "
                              "-all\" [DNS-060]"));
    CHECK(has_line(r.out, " 7 |   spf: \"v=spf1 include:_spf.vendor.test -all\""));
    CHECK(has_line(r.out, plan + ":9:10: error: DNS holds \"v=DMARC1; p=reject; "
                                 "rua=mailto:dmarc@good.test,mailto:reports@reports.test\" at "
                                 "_dmarc.good.test; the plan says \"v=DMARC1; p=none; "
                                 "rua=mailto:dmarc@good.test\" [DNS-061]"));
    CHECK(has_line(r.out, plan + ":8:38: error: the DKIM key at s2048._domainkey.good.test is 2048 "
                                 "bits; the plan says 1024 [DNS-062]"));
    CHECK(has_line(r.out, "   |                                      ^"));
    // The same plan, in step with DNS: nothing to report.
    test_support::write_file(dir / "same.yaml",
                             "ma_plan: 1\n"
                             "project: { name: Good, tool: marketo }\n"
                             "email:\n"
                             "  sending_domain: good.test\n"
                             // Zone-file strings, other case and spacing: the same record.
                             "  spf: '\"v=spf1  INCLUDE:_spf.vendor.test \" \"mx -all\"'\n"
                             "  dkim: { selector: s2048, key_bits: 2048 }\n"
                             "  dmarc: \"v=DMARC1; rua=mailto:dmarc@good.test,"
                             "mailto:reports@reports.test; p=reject\"\n");
    Run same = check(dns, "--plan '" + (dir / "same.yaml").string() + "'");
    INFO(same.out << same.err);
    CHECK(same.exit_code == 0);
    CHECK(count_of(same.out, "[DNS-06") == 0);
}

TEST_CASE("domain check: JSON and Markdown carry the same report", "[domain]") {
    domain_test::LocalDns dns;
    test_support::TempDir dir;
    Run json = check(
        dns, "budget.test nx.good.test --format json > '" + (dir / "r.json").string() +
                 "' ; python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
                 "b=d[\"domains\"][0]; print(d[\"summary\"][\"errors\"], "
                 "b[\"spf\"][\"lookups\"], b[\"spf\"][\"terms\"][1][\"lookups\"], "
                 "b[\"findings\"][0][\"id\"], d[\"domains\"][1][\"findings\"][0][\"id\"])' '" +
                 (dir / "r.json").string() + "'");
    INFO(json.out << json.err);
    CHECK(json.out == "2 11 6 DNS-013 DNS-001\n");
    Run md = check(dns, "budget.test --selector s2048 --format md");
    CHECK(md.exit_code == 1);
    // A GFM renderer sees one table of a header and seven records (the table's shape holds).
    Run html = check(
        dns, "budget.test --selector s2048 --format md | cmark-gfm -e table | grep -c '<tr>'");
    CHECK(html.out == "8\n");
    CHECK(has_line(md.out, "## budget.test"));
    CHECK(has_line(md.out, "| record | name | value |"));
    CHECK(has_line(md.out,
                   "- **error** `DNS-013`: the SPF record of budget.test needs 11 DNS "
                   "lookups, nested includes counted; RFC 7208 §4.6.4 allows 10, so SPF "
                   "fails with a permanent error (include:\\_spf.vendor.test 4, "
                   "include:\\_big.vendor.test 6, a 1)"));
}

TEST_CASE("domain check: bad command lines and values get exit codes 3 and 4", "[domain]") {
    Run no_domain = ma_plan("domain check --lang en");
    CHECK(no_domain.exit_code == 3);  // a missing argument
    CHECK(no_domain.err ==
          "ma-plan: name at least one DOMAIN, or give --plan with email.sending_domain\n");
    Run bad_name = ma_plan("domain check --lang en 'exa mple.com'");
    CHECK(bad_name.exit_code == 4);
    CHECK(bad_name.err ==
          "ma-plan: \"exa mple.com\" is not a domain name (letters, digits, '-' and '_' in labels "
          "of 1 to 63; write internationalised names in their xn-- form)\n");
    Run bad_server = ma_plan("domain check --lang en good.test --dns-server localhost");
    CHECK(bad_server.exit_code == 4);
    CHECK(bad_server.err ==
          "ma-plan: --dns-server \"localhost\" is not an IP address with an optional port (IP, "
          "IP:PORT or [IPv6]:PORT)\n");
    Run bad_format = ma_plan("domain check --lang ja good.test --format yaml");
    CHECK(bad_format.exit_code == 4);
    CHECK(bad_format.err ==
          "ma-plan: 不明な形式「yaml」です。次から選んでください: text、md、json\n");
    Run unknown = ma_plan("domain check good.test --no-such-option");
    CHECK(unknown.exit_code == 3);
    Run missing_plan = ma_plan("domain check --lang en --plan /nonexistent/plan.yaml");
    CHECK(missing_plan.exit_code == 2);
    CHECK(missing_plan.err.rfind("/nonexistent/plan.yaml: error: ", 0) == 0);
}

TEST_CASE("domain check: bash completion knows the command and its formats", "[domain]") {
    test_support::TempDir dir;
    std::string script = (dir / "ma-plan.bash").string();
    Run r = ma_plan(
        "completion bash > '" + script +
        "' && bash -c '. \"$1\"; COMP_WORDS=(ma-plan do); COMP_CWORD=1; _ma_plan; echo "
        "\"${COMPREPLY[*]}\"; COMP_WORDS=(ma-plan domain ch); COMP_CWORD=2; _ma_plan; echo "
        "\"${COMPREPLY[*]}\"; COMP_WORDS=(ma-plan domain check --format \"\"); COMP_CWORD=4; "
        "_ma_plan; echo \"${COMPREPLY[*]}\"; COMP_WORDS=(ma-plan domain check --dns); "
        "COMP_CWORD=3; _ma_plan; echo \"${COMPREPLY[*]}\"' _ '" +
        script + "'");
    INFO(r.err);
    CHECK(r.out == "domain\ncheck\ntext md json\n--dns-server\n");
}

TEST_CASE("domain check: a plan with schema errors is still compared and the note says so",
          "[domain]") {
    domain_test::LocalDns dns;
    test_support::TempDir dir;
    std::string plan = (dir / "plan.yaml").string();
    test_support::write_file(plan,
                             "ma_plan: 1\n"
                             "project: { name: X, tool: marketo }\n"
                             "email:\n"
                             "  sending_domain: good.test\n"
                             "  dkim: { selector: nokey, key_bits: lots }\n");
    Run r = check(dns, "--plan '" + plan + "'");
    INFO(r.out << r.err);
    CHECK(r.err == plan + ": note: the plan has 1 error (see ma-plan validate " + plan + ")\n");
    CHECK(has_line(r.out, plan + ":5:21: error: no DKIM key for selector \"nokey\": "
                                 "nokey._domainkey.good.test has no TXT record (NXDOMAIN), so mail "
                                 "signed with it fails DKIM [DNS-030]"));
    CHECK(r.exit_code == 1);
}
