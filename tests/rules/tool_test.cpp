// Step 6: environments, security, contracts, integrations, and email sending.
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

namespace {

/// An email block (line 3: "email:", line 4: the sending domain) followed by `extra` lines.
std::string mail(std::string_view extra) {
    return bare("email:\n  sending_domain: mail.example.com\n" + std::string(extra));
}

/// A complete, correct email set-up for a bulk sender; quiet for every MAIL rule.
const std::string good_mail = mail(
    "  spf: \"v=spf1 include:mktomail.com ip4:192.0.2.0/24 -all\"\n"
    "  dkim: {selector: s1, key_bits: 2048}\n"
    "  dmarc: \"v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=r; rua=mailto:d@example.com\"\n"
    "  dedicated_ip: true\n"
    "  ip_warming: {weeks: 4, days_per_week: 3}\n"
    "  daily_volume: 6000\n"
    "  one_click_unsubscribe: true\n"
    "  reply_handling: 共有受信箱で1営業日以内に振り分け\n"
    "  sender_name: A社\n"
    "  postal_address: 東京都千代田区丸の内1-1-1\n"
    "  unsubscribe_url: https://www.example.com/unsubscribe\n");

}  // namespace

RULE_CASE("TOOL-001", bare("environments: {production: true, sandbox: false}\n"),
          bare("environments: {production: true, sandbox: true, test_recipients: 社内のみ}\n"),
          "plan.yaml:3:43: warning: environments has no sandbox: development and production are "
          "not separated [TOOL-001]")

TEST_CASE("TOOL-001 reports missing environments once / at the top", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(bare("")), "TOOL-001") ==
          std::vector<std::string>{"plan.yaml:1:1: warning: no development or sandbox environment "
                                   "is planned: test mail may reach customers [TOOL-001]"});
}

RULE_CASE("TOOL-002",
          bare("security:\n"
               "  ip_restriction: true\n"
               "  sso: false\n"
               "  per_user_roles: true\n"
               "  encrypted_transport: true\n"
               "  audit_log: false\n"),
          // SSO is a convenience, not one of seed 002's required settings.
          bare("security:\n"
               "  ip_restriction: true\n"
               "  sso: false\n"
               "  per_user_roles: true\n"
               "  data_encryption: true\n"
               "  encrypted_transport: true\n"
               "  audit_log: true\n"),
          // Points at the first setting written as false.
          "plan.yaml:8:14: warning: security settings not enabled: audit_log, data_encryption "
          "[TOOL-002]")

RULE_CASE("TOOL-003", bare("contracts: {personal_data_processing_agreement: in_review}\n"),
          bare("contracts: {personal_data_processing_agreement: not_needed}\n"),
          "plan.yaml:3:49: warning: the personal-data processing agreement is in_review, not "
          "signed [TOOL-003]")

RULE_CASE("TOOL-004",
          bare("contracts:\n"
               "  personal_data_processing_agreement: signed\n"
               "  capabilities_in_contract: [メール配信, スコアリング]\n"
               "  capabilities_required: [メール配信, 専用IP, スコアリング, LINE連携]\n"),
          bare("contracts:\n"
               "  personal_data_processing_agreement: signed\n"
               "  capabilities_in_contract: [メール配信, スコアリング, 専用IP]\n"
               "  capabilities_required: [メール配信, 専用IP]\n"),
          "plan.yaml:6:34: error: capability \"専用IP\" is required but not in the contract "
          "[TOOL-004]",
          "plan.yaml:6:48: error: capability \"LINE連携\" is required but not in the contract "
          "[TOOL-004]")

RULE_CASE("TOOL-005",
          plan("integrations:\n"
               "  - {system: Salesforce, id_mapping: Contact ID, owner: it}\n"
               "  - {channel: line, id_mapping: LINE user ID}\n"),
          plan("integrations:\n  - {system: Salesforce, id_mapping: Contact ID, owner: it}\n"),
          "plan.yaml:11:5: warning: integration \"line\" has no owner [TOOL-005]")

RULE_CASE("TOOL-006",
          plan("integrations:\n"
               "  - {system: Salesforce, id_mapping: Contact ID, owner: mk}\n"
               "  - {channel: web_ads, id_mapping: hashed email, owner: mk}\n"),
          plan("integrations:\n"
               "  - {system: Salesforce, id_mapping: Contact ID, owner: it}\n"
               "  - {channel: web_ads, id_mapping: hashed email, owner: mk}\n"),
          "plan.yaml:10:5: warning: none of the 2 integration(s) is owned by the "
          "internal-systems department [TOOL-006]")

RULE_CASE("TOOL-007", plan("integrations:\n  - {system: Salesforce, owner: it}\n"),
          plan("integrations:\n  - {system: Salesforce, id_mapping: Contact ID, owner: it}\n"),
          "plan.yaml:10:5: warning: integration \"Salesforce\" has no id_mapping from the MA "
          "customer ID [TOOL-007]")

RULE_CASE("MAIL-001", bare(""), good_mail,
          "plan.yaml:1:1: warning: email sending is not set up (sending domain, authentication, "
          "sender display) [MAIL-001]")

RULE_CASE("MAIL-002", mail("  sender_name: A社\n"),
          mail("  dkim: {selector: s1, key_bits: 2048}\n"),
          "plan.yaml:4:3: warning: sending domain \"mail.example.com\" has neither SPF nor DKIM "
          "[MAIL-002]")

// The SPF and DMARC grammars themselves are tested in tests/mail; these cases check that the
// rules place each problem on the offending term inside the YAML scalar, in every scalar style.
RULE_CASE("MAIL-003", mail("  spf: \"spf1 include:_spf.esp.example v=spf1 +all\"\n"), good_mail,
          "plan.yaml:5:9: error: SPF record does not start with \"v=spf1\" (RFC 7208 §4.5) "
          "[MAIL-003]",
          "plan.yaml:5:39: error: a second \"v=spf1\" inside the SPF record: two records were run "
          "together; publish exactly one SPF record per domain (RFC 7208 §4.5) [MAIL-003]",
          "plan.yaml:5:46: error: \"+all\" lets every server on the internet send as this domain "
          "[MAIL-003]")

TEST_CASE("MAIL-003 points at the term in every scalar style", "[rule]") {
    // Columns: the term "moo" (or "ip4:...") in the line as written.
    auto first = [](const std::string& spf_line) {
        auto lines = rules_test::lines_for(rules_test::validate(mail(spf_line)), "MAIL-003");
        REQUIRE(lines.size() == 1);
        return lines.front();
    };
    const std::string moo =
        "error: term \"moo\": unknown mechanism \"moo\"; the mechanisms are "
        "all, include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5) "
        "[MAIL-003]";
    CHECK(first("  spf: v=spf1 -all moo\n") == "plan.yaml:5:20: " + moo);
    CHECK(first("  spf: 'v=spf1 -all moo'\n") == "plan.yaml:5:21: " + moo);
    CHECK(first("  spf: \"v=spf1 -all moo\"\n") == "plan.yaml:5:21: " + moo);
    CHECK(first("  spf: \"v=spf1 \\x2Dall moo\"\n") == "plan.yaml:5:24: " + moo);  // escape
    CHECK(first("  spf: >-\n    v=spf1 -all moo\n") == "plan.yaml:6:17: " + moo);
    // The zone-file form inside a YAML string: offsets map through both quotings.
    CHECK(first("  spf: '\"v=spf1 -all \" \"moo\"'\n") == "plan.yaml:5:25: " + moo);
    // A literal block keeps a final line break; that is YAML's, not the record's.
    CHECK(first("  spf: |\n    v=spf1 -all moo\n") == "plan.yaml:6:17: " + moo);
    // A plain scalar folded over two lines cannot be mapped: the scalar's start, not a guess.
    CHECK(first("  spf: v=spf1 -all\n    moo\n") == "plan.yaml:5:8: " + moo);
    CHECK(first("  spf: 'v=spf1 ip4:192.0.2.1/33 -all'\n") ==
          "plan.yaml:5:29: error: term \"ip4:192.0.2.1/33\": invalid prefix length \"/33\"; an "
          "IPv4 prefix length is /0 to /32 (RFC 7208 §5.6) [MAIL-003]");
}

TEST_CASE("MAIL-003 reads a quote inside a term as part of the record", "[rule]") {
    // Issue 10: this used to be read as the start of a quoted TXT string.
    auto findings =
        rules_test::validate(mail("  spf: 'v=spf1 include:\"_spf.google.com\" ~all'\n"));
    CHECK(
        rules_test::lines_for(findings, "MAIL-003") ==
        std::vector<std::string>{
            "plan.yaml:5:24: error: term \"include:\"_spf.google.com\"\" contains a double quote; "
            "quotes belong to the zone file, not to the record: write the record without them, "
            "or quote the whole record [MAIL-003]"});
    CHECK(rules_test::lines_for(
              rules_test::validate(mail("  spf: '\"v=spf1 include:_spf.google.com ~all'\n")),
              "MAIL-003") ==
          std::vector<std::string>{"plan.yaml:5:9: error: quoted TXT string is not closed "
                                   "[MAIL-003]"});
}

TEST_CASE("MAIL-003 rejects two v=spf1 in one record", "[rule]") {
    auto findings = rules_test::validate(mail("  spf: v=spf1 mx v=spf1 -all\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-003") ==
          std::vector<std::string>{
              "plan.yaml:5:18: error: a second \"v=spf1\" inside the SPF record: two records were "
              "run together; publish exactly one SPF record per domain (RFC 7208 §4.5) "
              "[MAIL-003]"});
}

RULE_CASE("MAIL-004",
          // Google Workspace (1 + 2 nested) + Salesforce (1 + 1) + SendGrid (1 + 1) + a, mx, ptr
          // = 10, and Marketo's include is the 11th lookup.
          mail("  spf: \"v=spf1 include:_spf.google.com include:_spf.salesforce.com "
               "include:sendgrid.net a mx ptr:example.com include:mktomail.com -all\"\n"),
          // Exactly ten: the same without ptr.
          mail("  spf: \"v=spf1 include:_spf.google.com include:_spf.salesforce.com "
               "include:sendgrid.net a mx include:mktomail.com -all\"\n"),
          "plan.yaml:5:110: error: SPF record needs 11 DNS lookups counting nested includes; the "
          "limit is 10: include:_spf.google.com 3 (Google Workspace, 2025-11), "
          "include:_spf.salesforce.com 2 (Salesforce, 2026-05-06), include:sendgrid.net 2 (Twilio "
          "SendGrid, 2025-10-24), a 1, mx 1, ptr:example.com 1, include:mktomail.com 1 (Adobe "
          "Marketo Engage, 2026-02-27) [MAIL-004]")

TEST_CASE("MAIL-004 counts unknown includes as their own lookup and says so", "[rule]") {
    auto findings = rules_test::validate(
        mail("  spf: \"v=spf1 a mx include:a.example include:b.example include:c.example "
             "include:d.example include:e.example include:f.example include:g.example "
             "include:h.example include:i.example -all\"\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-004") ==
          std::vector<std::string>{
              "plan.yaml:5:165: error: SPF record needs at least 11 DNS lookups counting nested "
              "includes; the limit is 10: a 1, mx 1, include:a.example 1 + unknown (not in the "
              "catalogue), include:b.example 1 + unknown (not in the catalogue), include:c.example "
              "1 + unknown (not in the catalogue), include:d.example 1 + unknown (not in the "
              "catalogue), include:e.example 1 + unknown (not in the catalogue), include:f.example "
              "1 + unknown (not in the catalogue), include:g.example 1 + unknown (not in the "
              "catalogue), include:h.example 1 + unknown (not in the catalogue), include:i.example "
              "1 + unknown (not in the catalogue) [MAIL-004]"});
    // Over the limit is MAIL-004's; MAIL-018 stays quiet then.
    CHECK(rules_test::lines_for(findings, "MAIL-018").empty());
}

TEST_CASE("MAIL-004 and MAIL-018 do not count a record with syntax errors", "[rule]") {
    // Check against false positives: MAIL-003 already rejects it; a receiver never counts.
    auto findings = rules_test::validate(
        mail("  spf: \"v=spf1 include:\\\"_spf.x.example\\\" a/24/64 -all\"\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-003").size() == 2);
    CHECK(rules_test::lines_for(findings, "MAIL-004").empty());
    CHECK(rules_test::lines_for(findings, "MAIL-018").empty());
}

TEST_CASE("MAIL-004 uses the catalogue override from the configuration", "[rule]") {
    maplan::ValidateOptions options;
    options.thresholds.spf_includes =
        maplan::mail::merge_catalogue({{"mktomail.com", "", 8, "2026-12-01", "dig, 2026-12-01"}});
    auto findings = rules_test::validate(
        mail("  spf: \"v=spf1 include:_spf.google.com include:mktomail.com -all\"\n"), options);
    CHECK(rules_test::lines_for(findings, "MAIL-004") ==
          std::vector<std::string>{
              "plan.yaml:5:40: error: SPF record needs 12 DNS lookups counting nested includes; "
              "the limit is 10: include:_spf.google.com 3 (Google Workspace, 2025-11), "
              "include:mktomail.com 9 (Adobe Marketo Engage, 2026-12-01) [MAIL-004]"});
}

RULE_CASE("MAIL-018",
          mail("  spf: \"v=spf1 include:_spf.google.com include:_spf.esp.example -all\"\n"),
          mail("  spf: \"v=spf1 include:_spf.google.com include:mktomail.com -all\"\n"),
          "plan.yaml:5:40: warning: SPF lookups: 4 known, plus what _spf.esp.example costs "
          "beneath it; the limit is 10: include:_spf.google.com 3 (Google Workspace, 2025-11), "
          "include:_spf.esp.example 1 + unknown (not in the catalogue) [MAIL-018]")

TEST_CASE("MAIL-018 names a known vendor without a figure", "[rule]") {
    auto findings = rules_test::validate(mail("  spf: \"v=spf1 include:mail.zendesk.com -all\"\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-018") ==
          std::vector<std::string>{
              "plan.yaml:5:16: warning: SPF lookups: 1 known, plus what mail.zendesk.com costs "
              "beneath it; the limit is 10: include:mail.zendesk.com 1 + unknown (Zendesk, no "
              "figure in the catalogue) [MAIL-018]"});
}

RULE_CASE("MAIL-005", mail("  spf: \"v=spf1 ptr ?all\"\n"),
          mail("  spf: \"v=spf1 redirect=_spf.example.com\"\n"),
          "plan.yaml:5:16: warning: SPF record uses \"ptr\", which is slow, unreliable and "
          "discouraged by RFC 7208 §5.5 [MAIL-005]",
          "plan.yaml:5:20: warning: SPF record ends in \"?all\": it asserts nothing about other "
          "senders [MAIL-005]")

TEST_CASE("MAIL-005 flags a record without all at its end", "[rule]") {
    auto findings = rules_test::validate(mail("  spf: v=spf1 include:_spf.esp.example\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-005") ==
          std::vector<std::string>{
              "plan.yaml:5:39: warning: SPF record has no \"all\" term (defaults to \"?all\"); end "
              "it with \"-all\" or \"~all\" [MAIL-005]"});
}

TEST_CASE("MAIL-005 flags terms that have no effect", "[rule]") {
    auto findings = rules_test::validate(
        mail("  spf: \"v=spf1 redirect=_spf.example.com -all a:mail.example.com\"\n"));
    CHECK(
        rules_test::lines_for(findings, "MAIL-005") ==
        std::vector<std::string>{
            "plan.yaml:5:16: warning: term \"redirect=_spf.example.com\" is ignored because the "
            "record has an \"all\" mechanism (RFC 7208 §6.1) [MAIL-005]",
            "plan.yaml:5:47: warning: term \"a:mail.example.com\" comes after \"all\" and is never "
            "evaluated (RFC 7208 §5.1) [MAIL-005]"});
}

namespace {
const std::string long_ips = [] {
    std::string ips;
    for (int i = 1; i <= 16; ++i) ips += " ip4:198.51.100." + std::to_string(i * 10);
    return ips;  // 16 × 19 or 20 characters: about 300 in all
}();
}  // namespace

RULE_CASE("MAIL-006", mail("  spf: 'v=spf1" + long_ips + " -all'\n"),
          // The zone-file form: several quoted strings of at most 255 characters each.
          mail("  spf: '\"v=spf1" + long_ips.substr(0, 150) + "\" \"" + long_ips.substr(150) +
               " -all\"'\n"),
          "plan.yaml:5:9: warning: TXT string of 306 characters; DNS allows 255 per string, so "
          "split it into several quoted strings [MAIL-006]")

RULE_CASE("MAIL-007", mail("  dmarc: \"p=block; v=DMARC1; adkim=x\"\n"), good_mail,
          "plan.yaml:5:11: error: DMARC record does not start with \"v=DMARC1\" [MAIL-007]",
          "plan.yaml:5:11: error: DMARC tag p=block is not none, quarantine or reject [MAIL-007]",
          "plan.yaml:5:20: error: DMARC tag v must be the first tag (RFC 9989 §4.7) [MAIL-007]",
          "plan.yaml:5:30: error: DMARC tag adkim=x is not r or s [MAIL-007]")

TEST_CASE("MAIL-007 checks the issue's DMARC cases at the tag", "[rule]") {
    auto lines = [](const std::string& dmarc) {
        return rules_test::lines_for(rules_test::validate(mail("  dmarc: \"" + dmarc + "\"\n")),
                                     "MAIL-007");
    };
    using L = std::vector<std::string>;
    CHECK(lines("v=DMARC1; p=none; p=reject") ==
          L{"plan.yaml:5:29: error: DMARC tag p appears more than once; a tag-list holds each tag "
            "once, or the whole record is invalid (RFC 6376 §3.2) [MAIL-007]"});
    CHECK(lines("v=DMARC1; p=none; rua=reports@example.com") ==
          L{"plan.yaml:5:33: error: rua: \"reports@example.com\" is an address, not a URI; write "
            "\"mailto:reports@example.com\" [MAIL-007]"});
    CHECK(lines(" v=DMARC1; p=none") ==
          L{"plan.yaml:5:11: error: DMARC record starts with white space; it must start with "
            "\"v=DMARC1\" (RFC 9989 §4.8) [MAIL-007]"});
    // RFC 9989 §4.10.1: without p and without a valid rua, no DMARC processing applies.
    CHECK(lines("v=DMARC1; adkim=s") ==
          L{"plan.yaml:5:28: error: DMARC record has no p tag and no valid rua address, so "
            "receivers apply no DMARC processing (RFC 9989 §4.10.1) [MAIL-007]"});
}

TEST_CASE("MAIL-007 accepts a missing p when rua is valid as RFC 9989 does", "[rule]") {
    auto findings = rules_test::validate(mail("  dmarc: \"v=DMARC1; rua=mailto:d@example.com\"\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-007").empty());
    CHECK(rules_test::lines_for(findings, "MAIL-008") ==
          std::vector<std::string>{
              "plan.yaml:5:45: warning: DMARC record has no p tag: RFC 9989 reads it as p=none "
              "because rua is valid, but RFC 7489 receivers ignore a record without p; write "
              "p=none (RFC 9989 §4.10.1) [MAIL-008]"});
}

RULE_CASE("MAIL-008", mail("  dmarc: \"v=DMARC1; p=quarantine; pct=10; ri=86400\"\n"),
          mail("  dmarc: \"v=DMARC1; p=quarantine; t=y\"\n"),
          "plan.yaml:5:35: warning: DMARC tag pct was removed by RFC 9989 and is ignored; the "
          "policy applies to all mail [MAIL-008]",
          "plan.yaml:5:43: warning: DMARC tag ri was removed by RFC 9989 and is ignored [MAIL-008]")

RULE_CASE("MAIL-009",
          mail("  spf: \"v=spf1 -all\"\n  dkim: {selector: s1, key_bits: 2048}\n"
               "  daily_volume: 5000\n"),
          // Below the bulk line SPF alone is acceptable.
          mail("  spf: \"v=spf1 -all\"\n  daily_volume: 4999\n"),
          "plan.yaml:7:17: warning: 5000 messages a day makes a bulk sender (≥ 5000), which needs "
          "SPF, DKIM and DMARC; missing: DMARC [MAIL-009]")

RULE_CASE("MAIL-010", mail("  daily_volume: 20000\n  one_click_unsubscribe: false\n"), good_mail,
          "plan.yaml:6:26: warning: 20000 messages a day makes a bulk sender, which needs "
          "one-click unsubscribe (RFC 8058) [MAIL-010]")

RULE_CASE("MAIL-011", mail("  dkim: {selector: s1, key_bits: 768}\n"),
          mail("  dkim: {selector: s1, key_bits: 1024}\n"),
          "plan.yaml:5:34: error: DKIM key of 768 bits is below the minimum of 1024 (RFC 8301) "
          "[MAIL-011]")

RULE_CASE("MAIL-012", mail("  dkim: {selector: s1, key_bits: 1024}\n"), good_mail,
          "plan.yaml:5:34: warning: DKIM key of 1024 bits is below the recommended 2048 "
          "[MAIL-012]")

RULE_CASE("MAIL-013", mail("  dkim: {selector: s1, key_bits: 4096}\n"), good_mail,
          "plan.yaml:5:34: info: DKIM key of 4096 bits: some receiving gateways reject keys above "
          "2048 [MAIL-013]")

RULE_CASE(
    "MAIL-014", mail("  dedicated_ip: true\n  ip_warming: {weeks: 2, days_per_week: 1}\n"),
    // Shared IPs are warmed by the vendor.
    mail("  dedicated_ip: false\n"),
    "plan.yaml:6:23: warning: IP warming of 2 weeks is shorter than the recommended 4 [MAIL-014]",
    "plan.yaml:6:41: warning: IP warming sends on 1 days a week; send at least 3 "
    "[MAIL-014]")

TEST_CASE("MAIL-014 flags a dedicated IP without any warming plan", "[rule]") {
    auto findings = rules_test::validate(mail("  dedicated_ip: true\n"));
    CHECK(rules_test::lines_for(findings, "MAIL-014") ==
          std::vector<std::string>{
              "plan.yaml:5:17: warning: dedicated IP without an IP warming plan [MAIL-014]"});
}

RULE_CASE("MAIL-015", mail("  sender_name: A社\n"), good_mail,
          "plan.yaml:4:3: warning: email does not define the sender display: postal_address, "
          "unsubscribe_url [MAIL-015]")

RULE_CASE("MAIL-016", mail("  sender_name: A社\n"), good_mail,
          "plan.yaml:4:3: warning: email does not say where customers' replies go "
          "(reply_handling) [MAIL-016]")

TEST_CASE("the complete email set-up passes every MAIL rule", "[rule]") {
    for (const auto& f : rules_test::validate(good_mail)) {
        INFO(rules_test::line_of(f));
        CHECK(f.rule_id.rfind("MAIL-", 0) != 0);
    }
}

RULE_CASE("MAIL-017",
          mail("  dmarc: \"v=DMARC1; p=none; rua=mailto:a@dmarc.vendor.example,"
               "mailto:b@dmarc.vendor.example!10m; ruf=mailto:f@example.com\"\n"),
          // Same organisational domain as mail.example.co.jp.
          bare("email:\n"
               "  sending_domain: mail.example.co.jp\n"
               "  dmarc: \"v=DMARC1; p=none; rua=mailto:dmarc@example.co.jp\"\n"),
          "plan.yaml:5:33: info: DMARC reports go to another domain, \"dmarc.vendor.example\"; "
          "it must publish \"example.com._report._dmarc.dmarc.vendor.example\" to accept them "
          "[MAIL-017]")
