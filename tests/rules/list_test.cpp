// Step 5: data sources, customer-ID key, exclusions and consent.
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

RULE_CASE("LIST-001", bare(""),
          plan("data_sources:\n  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}\n"),
          "plan.yaml:1:1: warning: the plan has no customer data sources [LIST-001]")

RULE_CASE("LIST-002",
          plan("data_sources:\n"
               "  - {id: sfdc, system: Salesforce, owner: sa}\n"
               "  - {id: expo, system: 名刺CSV}\n"
               "customer_id_key: sfdc.ContactId\n"),
          plan("data_sources:\n  - {id: expo, system: 名刺CSV, owner: mk, sync: manual}\n"),
          "plan.yaml:10:5: warning: data source \"sfdc\" has no sync [LIST-002]",
          "plan.yaml:11:5: warning: data source \"expo\" has no owner and no sync [LIST-002]")

RULE_CASE("LIST-003",
          plan("data_sources:\n"
               "  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}\n"
               "  - {id: expo, system: 名刺CSV, owner: mk, sync: manual}\n"),
          // One source has nothing to match against.
          plan("data_sources:\n  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}\n"),
          "plan.yaml:10:5: warning: 2 data sources but no customer_id_key to match customers "
          "across them [LIST-003]")

RULE_CASE("LIST-004", bare("exclusions:\n  - optout\n  - role_addresses\n"),
          bare("exclusions:\n  - {kind: optout}\n  - hard_bounce\n"),
          "plan.yaml:4:3: warning: exclusions do not include hard_bounce [LIST-004]")

TEST_CASE("LIST-004 reports missing exclusions once / at the top", "[rule]") {
    CHECK(rules_test::lines_for(rules_test::validate(bare("")), "LIST-004") ==
          std::vector<std::string>{"plan.yaml:1:1: warning: no global exclusions: opted-out and "
                                   "hard-bounced addresses are not excluded [LIST-004]"});
}

RULE_CASE("LIST-005", bare("consent: {policy: opt_out, withdrawal: リンク}\n"),
          bare("consent: {policy: opt_in, withdrawal: リンク}\n"),
          "plan.yaml:3:19: error: consent policy opt_out: advertising email to Japan needs prior "
          "consent (Specified Electronic Mail Act §3(1)) [LIST-005]")

RULE_CASE("LIST-006", bare("communications:\n  - {id: c1, content: 事例, channel: email}\n"),
          // A plan that does not send email yet is not asked for consent.
          bare("communications:\n  - {id: c1, content: 事例, channel: web}\n"),
          "plan.yaml:4:36: error: the plan sends email but has no consent policy [LIST-006]")

TEST_CASE("LIST-006 points at the email set-up when there is one", "[rule]") {
    auto findings = rules_test::validate(bare("email:\n  sending_domain: mail.example.com\n"));
    CHECK(rules_test::lines_for(findings, "LIST-006") ==
          std::vector<std::string>{
              "plan.yaml:4:3: error: the plan sends email but has no consent policy [LIST-006]"});
}

RULE_CASE("LIST-007", bare("consent:\n  policy: opt_in\n  record_fields: [取得日時]\n"),
          bare("consent:\n  policy: opt_in\n  record_fields: [consent date, source form, notice "
               "version]\n"),
          "plan.yaml:5:19: info: consent record_fields do not cover method (how), notice version "
          "(what they were told) [LIST-007]")

RULE_CASE("LIST-008",
          bare("consent: {policy: opt_in, withdrawal: リンク, unsubscribe_within_days: 10}\n"),
          bare("consent: {policy: opt_in, withdrawal: リンク, unsubscribe_within_days: 2}\n"),
          "plan.yaml:3:69: warning: opt-outs take effect within 10 days; mailbox providers expect "
          "2 [LIST-008]")

RULE_CASE("LIST-009", bare("consent:\n  policy: opt_in\n"),
          bare("consent:\n  policy: opt_in\n  withdrawal: フッターのリンクから即時\n"),
          "plan.yaml:4:3: warning: consent does not say how opt-outs are taken and honoured "
          "(withdrawal) [LIST-009]")

RULE_CASE("LIST-010",
          bare("exclusions:\n"
               "  - optout\n"
               "  - hard_bounce\n"
               "  - {kind: competitor_domains}\n"
               "  - {kind: internal_domains, domains: [example.co.jp]}\n"),
          bare("exclusions:\n"
               "  - {kind: competitor_domains, domains: [competitor.example]}\n"
               "  - {kind: role_addresses}\n"),
          "plan.yaml:6:5: warning: exclusion competitor_domains lists no domains, so it excludes "
          "nothing [LIST-010]")
