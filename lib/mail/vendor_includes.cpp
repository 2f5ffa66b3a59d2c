// The bundled catalogue of vendor SPF includes (issue 10, item 3).
//
// Every figure is the number of DNS-querying terms INSIDE the vendor's record tree, i.e. what the
// include costs beyond its own lookup. None was measured live by ma-plan (the build and the tests
// never touch the internet): each is "as published by" the source named, on the date given, and
// where sources disagree the higher figure is kept, because an undercount hides a broken record
// while an overcount only asks for a check. Vendors change these records without notice; a
// repository overrides an entry in .ma-plan.yaml (spf_includes:) and `ma-plan domain check`
// measures the live value.
//
// Not listed: Oracle Eloqua, whose customers publish the sending IPs Oracle assigns them (its SPF
// guidance, My Oracle Support Doc ID 2133235.1, is not public), so there is no shared include to
// describe.
#include "mail/spf_budget.hpp"

namespace maplan::mail {

const std::vector<IncludeCost>& vendor_include_catalogue() {
    static const std::vector<IncludeCost> table = {
        {"_spf.google.com", "Google Workspace", 2, "2025-11",
         "spamresource.com, \"Peeking into Google's SPF record\" (Nov 2025): the record is "
         "\"v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all\" and both "
         "netblocks records hold only ip4/ip6"},
        {"spf.protection.outlook.com", "Microsoft 365", 1, "2026-12-01",
         "sentradmarc.com SPF docs (read 2026-12-01) count 2 lookups for the include; a "
         "wirewiki.com SPF tree (read the same day, crawl date not shown) shows the record with "
         "ip4/ip6 only; the higher figure is kept"},
        {"mktomail.com", "Adobe Marketo Engage", 0, "2026-02-27",
         "mxio.io Marketo setup guide (last updated 2026-02-27): \"include:mktomail.com ... uses 1 "
         "of your 10 DNS lookups\""},
        {"_spf.salesforce.com", "Salesforce", 1, "2026-05-06",
         "AutoSPF, \"CRM DNS footprint comparison\" (2026-05-06): Salesforce costs 2 lookups; a "
         "wirewiki.com SPF tree shows the record as \"exists:%{i}._spf.mta.salesforce.com -all\""},
        {"*.hubspotemail.net", "HubSpot", 1, "2026-05-06",
         "AutoSPF, \"CRM DNS footprint comparison\" (2026-05-06): HubSpot's include consumes two "
         "lookups; HubSpot gives each account its own include under hubspotemail.net"},
        {"sendgrid.net", "Twilio SendGrid", 1, "2025-10-24",
         "spf-record.com analysis of 2025-10-24 shows sendgrid.net including ab.sendgrid.net "
         "(AutoSPF, 2026-05-06, counts 1 lookup in all; the higher figure is kept)"},
        {"amazonses.com", "Amazon SES", 0, "2025-10-24",
         "spf-record.com analysis of 2025-10-24 shows the amazonses.com record with 12 ip4 "
         "ranges and -all"},
        {"servers.mcsv.net", "Mailchimp", 0, "2026-12-01",
         "sentradmarc.com SPF docs (read 2026-12-01): include:servers.mcsv.net = 1 lookup"},
        {"sparkpostmail.com", "SparkPost (Bird)", 1, "2026-12-01",
         "wirewiki.com SPF tree (read 2026-12-01, crawl date not shown): "
         "\"exists:%{i}._spf.sparkpostmail.com ~all\""},
        // Vendors whose include is known but whose cost no public, dated source stated; listed
        // so the finding names the vendor, counted as unknown.
        {"spf.mandrillapp.com", "Mailchimp Transactional (Mandrill)", std::nullopt, "", ""},
        {"mail.zendesk.com", "Zendesk", std::nullopt, "", ""},
        {"aspmx.pardot.com", "Salesforce Account Engagement (Pardot)", std::nullopt, "", ""},
        {"et._spf.pardot.com", "Salesforce Account Engagement (Pardot)", std::nullopt, "", ""},
    };
    return table;
}

}  // namespace maplan::mail
