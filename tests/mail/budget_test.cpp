// The offline SPF lookup budget (RFC 7208 §4.6.4) with the vendor catalogue. Cases from the
// openspf RFC 7208 suite's processing-limit tests (mech-at-limit, mech-over-limit,
// include-at-limit), with the nested record replaced by a catalogue entry.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "mail/spf_budget.hpp"

using namespace maplan::mail;

namespace {
LookupBudget budget(std::string_view record,
                    const std::vector<IncludeCost>& catalogue = vendor_include_catalogue()) {
    return spf_lookup_budget(parse_spf(record), catalogue);
}
}  // namespace

TEST_CASE("budget counts every DNS-querying term once", "[budget]") {
    // suite: mech-at-limit (10 lookups pass) and mech-over-limit (11 fail).
    auto at = budget("v=spf1 a mx a mx a mx a mx a ptr ip4:1.2.3.4 -all");
    CHECK(at.known_total == 10);
    CHECK_FALSE(at.over_limit());
    auto over = budget("v=spf1 a mx a mx a mx a mx a ptr a ip4:1.2.3.4 -all");
    CHECK(over.known_total == 11);
    CHECK(over.over_limit());
    CHECK(over.unknown.empty());
}

TEST_CASE("budget charges an include what the catalogue says lies beneath it", "[budget]") {
    // suite: include-at-limit: "a include:inc.example.com ip4:1.2.3.4 mx" with inc costing 7.
    std::vector<IncludeCost> catalogue = {{"inc.example.com", "Example", 7, "2026-12-01", "test"}};
    auto b = budget("v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all", catalogue);
    CHECK(b.known_total == 10);
    REQUIRE(b.charges.size() == 3);
    CHECK(b.charges[1].term == "include:inc.example.com");
    CHECK(b.charges[1].nested == 7);
    auto google = budget("v=spf1 include:_spf.google.com include:mktomail.com -all");
    CHECK(google.known_total == 4);  // 1 + 2 for Google Workspace, 1 + 0 for Marketo
}

TEST_CASE("budget names unknown includes instead of counting them as zero", "[budget]") {
    auto b = budget(
        "v=spf1 include:_spf.google.com include:_spf.unknown.example "
        "include:%{d}.spf.example.com include:mail.zendesk.com -all");
    CHECK(b.known_total == 6);  // 3 for Google + 1 own lookup for each of the three others
    CHECK(b.unknown == std::vector<std::string>{"_spf.unknown.example", "%{d}.spf.example.com",
                                                "mail.zendesk.com"});
    // A catalogued vendor without a figure is still named with its vendor.
    REQUIRE(b.charges[3].entry != nullptr);
    CHECK(b.charges[3].entry->vendor == "Zendesk");
    CHECK_FALSE(b.charges[3].nested.has_value());
}

TEST_CASE("budget matches per-account vendor includes and trailing dots", "[budget]") {
    auto hubspot = budget("v=spf1 include:1234567.spf01.hubspotemail.net -all");
    REQUIRE(hubspot.charges.size() == 1);
    REQUIRE(hubspot.charges[0].entry != nullptr);
    CHECK(hubspot.charges[0].entry->vendor == "HubSpot");
    CHECK(hubspot.known_total == 2);
    // "hubspotemail.net" itself is not an account include.
    CHECK(find_include(vendor_include_catalogue(), "hubspotemail.net") == nullptr);
    CHECK(find_include(vendor_include_catalogue(), "_spf.google.com.") != nullptr);
}

TEST_CASE("budget counts a redirect only when it takes effect", "[budget]") {
    CHECK(budget("v=spf1 redirect=_spf.google.com").known_total == 3);
    CHECK(budget("v=spf1 -all redirect=_spf.google.com").known_total == 0);  // §6.1
}

TEST_CASE("every catalogue entry with a figure says when and where it came from", "[budget]") {
    for (const IncludeCost& c : vendor_include_catalogue()) {
        INFO(c.domain);
        CHECK_FALSE(c.vendor.empty());
        if (!c.nested_lookups) continue;
        CHECK(c.measured.size() >= 7);  // YYYY-MM at least
        CHECK_FALSE(c.source.empty());
    }
}

TEST_CASE("docs/mail.md lists every catalogue entry with its figure", "[budget][docs]") {
    std::ifstream in(std::string(MA_PLAN_SOURCE_DIR) + "/docs/mail.md", std::ios::binary);
    std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(doc.empty());
    for (const IncludeCost& c : vendor_include_catalogue()) {
        std::string row = "| `" + c.domain + "` | " + c.vendor + " | " +
                          (c.nested_lookups ? std::to_string(*c.nested_lookups) : "unknown") +
                          " | " + (c.measured.empty() ? "-" : c.measured) + " |";
        INFO(row);
        CHECK(doc.find(row) != std::string::npos);
    }
}
