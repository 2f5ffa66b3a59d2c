// SPF grammar (RFC 7208). Each must-fire case names where it comes from: "suite: NAME" is the
// test of that name in the openspf.org RFC 7208 test suite (release 2014.04, as shipped in
// pyspf's test/rfc7208-tests.yml), read for reference; "issue" is issue 10's list; "ABNF" is
// RFC 7208 §12. The records are written here; nothing is loaded from the suite.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "mail/spf.hpp"

using maplan::mail::parse_spf;
using maplan::mail::spf_lookups;
using maplan::mail::SpfMechanism;
using maplan::mail::SpfTermKind;
using Lines = std::vector<std::string>;

namespace {
Lines problems(std::string_view record) {
    return mail_test::lines(parse_spf(record).problems);
}
}  // namespace

TEST_CASE("SPF ip4 needs a dotted quad with a prefix of 0 to 32", "[spf]") {
    // issue; suite: cidr4-33, cidr4-032 (leading zero), ip4-dual-cidr, bad-ip4-port,
    // bad-ip4-short, bare-ip4.
    CHECK(problems("v=spf1 ip4:10.0.0.256 -all") ==
          Lines{"11+10 error: term \"ip4:10.0.0.256\": \"10.0.0.256\" is not a valid IPv4 address "
                "(RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip4:1.2.3.4/33 -all") ==
          Lines{"18+3 error: term \"ip4:1.2.3.4/33\": invalid prefix length \"/33\"; an IPv4 "
                "prefix length is /0 to /32 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip4:1.2.3.4/032 -all") ==
          Lines{"18+4 error: term \"ip4:1.2.3.4/032\": invalid prefix length \"/032\"; an IPv4 "
                "prefix length is /0 to /32 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip4:1.2.3.4//32") ==
          Lines{"18+4 error: term \"ip4:1.2.3.4//32\": invalid prefix length \"//32\"; an IPv4 "
                "prefix length is /0 to /32 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip4:1.2.3.4:8080") ==
          Lines{"11+12 error: term \"ip4:1.2.3.4:8080\": \"1.2.3.4:8080\" is not a valid IPv4 "
                "address (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip4:1.2.3") ==
          Lines{"11+5 error: term \"ip4:1.2.3\": \"1.2.3\" is not a valid IPv4 address (RFC 7208 "
                "§5.6)"});
    CHECK(problems("v=spf1 ip4") ==
          Lines{"7+3 error: term \"ip4\": ip4 needs an address after \":\" (e.g. "
                "ip4:192.0.2.0/24)"});
    // Must not fire: suite cidr4-0, cidr4-32.
    CHECK(problems("v=spf1 ip4:1.1.1.1/0 ip4:1.2.3.4/32 -all").empty());
    auto r = parse_spf("v=spf1 ip4:192.0.2.0/24 -all");
    REQUIRE(r.terms.size() == 3);
    CHECK(r.terms[1].argument == "192.0.2.0");
    CHECK(r.terms[1].cidr4 == 24);
}

TEST_CASE("SPF ip6 needs an IPv6 address with a prefix of 0 to 128", "[spf]") {
    // issue (ip6:192.0.2.1); suite: cidr6-129, cidr6-bad, ip6-bad1, bare-ip6.
    CHECK(problems("v=spf1 ip6:192.0.2.1 -all") ==
          Lines{"11+9 error: term \"ip6:192.0.2.1\": \"192.0.2.1\" is an IPv4 address; write it "
                "as ip4:192.0.2.1"});
    CHECK(problems("v=spf1 ip6:::1.1.1.1/129") ==
          Lines{"20+4 error: term \"ip6:::1.1.1.1/129\": invalid prefix length \"/129\"; an IPv6 "
                "prefix length is /0 to /128 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip6:::1.1.1.1//33") ==
          Lines{"20+4 error: term \"ip6:::1.1.1.1//33\": invalid prefix length \"//33\"; an IPv6 "
                "prefix length is /0 to /128 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 ip6::CAFE::BABE") ==
          Lines{"11+11 error: term \"ip6::CAFE::BABE\": \":CAFE::BABE\" is not a valid IPv6 "
                "address (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 -all ip6") ==
          Lines{"12+3 error: term \"ip6\": ip6 needs an address after \":\" (e.g. "
                "ip6:2001:db8::/32)",
                "12+3 warning: term \"ip6\" comes after \"all\" and is never evaluated (RFC 7208 "
                "§5.1)"});
    // Must not fire: suite cidr6-33, ip4-mapped-ip6.
    CHECK(problems("v=spf1 ip6:Cafe:Babe:8000::/33 -ip4:1.2.3.4 ip6:::FFFF:1.2.3.4 -all").empty());
}

TEST_CASE("SPF a and mx take a dual CIDR length written /N//M", "[spf]") {
    // issue (a/24/64, mx//129); suite: a-dual-cidr-ip4-err, a-bad-cidr4, mx-bad-cidr6.
    CHECK(problems("v=spf1 a/24/64 -all") ==
          Lines{"8+6 error: term \"a/24/64\": invalid prefix length \"/24/64\"; write /0 to /32 "
                "for IPv4 and //0 to //128 for IPv6, as in a/24//64 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 mx//129 -all") ==
          Lines{"9+5 error: term \"mx//129\": invalid prefix length \"//129\"; write /0 to /32 for "
                "IPv4 and //0 to //128 for IPv6, as in a/24//64 (RFC 7208 §5.6)"});
    CHECK(problems("v=spf1 a/33 -all") ==
          Lines{"8+3 error: term \"a/33\": invalid prefix length \"/33\"; write /0 to /32 for IPv4 "
                "and //0 to //128 for IPv6, as in a/24//64 (RFC 7208 §5.6)"});
    // Must not fire: suite a-dual-cidr-ip4-match, a-cidr6, a-multi-ip1, a-colon-domain.
    CHECK(problems("v=spf1 a/24//64 a//33 a:foo.example.com/24 mx/0 mx//0 -all").empty());
    CHECK(problems("v=spf1 a:foo:bar/baz.example.com -all").empty());
    auto r = parse_spf("v=spf1 mx:mail.example.com/24//64 -all");
    CHECK(r.terms[1].argument == "mail.example.com");
    CHECK(r.terms[1].cidr4 == 24);
    CHECK(r.terms[1].cidr6 == 64);
}

TEST_CASE("SPF mechanisms that need a domain report its absence", "[spf]") {
    // issue (a:, exists, include: -all); suite: a-empty-domain, exists-implicit,
    // include-empty-domain, include-syntax-error, mx-empty-domain, ptr-empty-domain.
    CHECK(problems("v=spf1 a: -all") ==
          Lines{"7+2 error: term \"a:\": a needs a domain after \":\" (e.g. a:mail.example.com)"});
    CHECK(problems("v=spf1 exists -all") ==
          Lines{"7+6 error: term \"exists\": exists needs a domain after \":\" (e.g. "
                "exists:%{i}._spf.example.com)"});
    CHECK(problems("v=spf1 include: -all") ==
          Lines{"7+8 error: term \"include:\": include needs a domain after \":\" (e.g. "
                "include:_spf.example.com)"});
    CHECK(
        problems("v=spf1 mx: -all") ==
        Lines{"7+3 error: term \"mx:\": mx needs a domain after \":\" (e.g. mx:mail.example.com)"});
    CHECK(problems("v=spf1 ptr: -all") ==
          Lines{"7+4 error: term \"ptr:\": ptr needs a domain after \":\" (e.g. ptr:example.com)"});
    // suite: include-cidr, exists-cidr, ptr-cidr.
    CHECK(problems("v=spf1 include:ip5.example.com/24 -all") ==
          Lines{"30+3 error: term \"include:ip5.example.com/24\": include takes no prefix length"});
    CHECK(problems("v=spf1 exists:mail.example.com/24") ==
          Lines{"30+3 error: term \"exists:mail.example.com/24\": exists takes no prefix length"});
    CHECK(problems("v=spf1 ptr/0 -all") ==
          Lines{"10+2 error: term \"ptr/0\": ptr takes no prefix length"});
}

TEST_CASE("SPF all takes no argument and a bare all is +all", "[spf]") {
    // suite: all-arg, all-cidr, all-dot, all-double; issue (bare all, +all).
    CHECK(problems("v=spf1 -all:foobar") ==
          Lines{"7+11 error: term \"-all:foobar\": \"all\" takes no argument (RFC 7208 §5.1)"});
    CHECK(problems("v=spf1 -all/8") ==
          Lines{"7+6 error: term \"-all/8\": \"all\" takes no argument (RFC 7208 §5.1)"});
    CHECK(problems("v=spf1 -all.") ==
          Lines{"7+5 error: term \"-all.\": unknown mechanism \"all.\"; the mechanisms are all, "
                "include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)"});
    CHECK(problems("v=spf1 all") ==
          Lines{"7+3 error: \"all\" without a qualifier means \"+all\": every server on the "
                "internet may send as this domain"});
    CHECK(problems("v=spf1 +all") ==
          Lines{"7+4 error: \"+all\" lets every server on the internet send as this domain"});
    CHECK(mail_test::lines(parse_spf("v=spf1 +all").problems, maplan::Lang::ja) ==
          Lines{"7+4 error: 「+all」はインターネット上のどのサーバーにもこのドメインでの送信を"
                "許可します"});
    CHECK(problems("v=spf1 all -all") ==
          Lines{"7+3 error: \"all\" without a qualifier means \"+all\": every server on the "
                "internet may send as this domain",
                "11+4 warning: term \"-all\" comes after \"all\" and is never evaluated (RFC 7208 "
                "§5.1)"});
    // Must not fire: suite all-neutral (?all is legal; MAIL-005 reviews it).
    CHECK(problems("v=spf1 ?all").empty());
    CHECK(problems("v=spf1 ~all").empty());
}

TEST_CASE("SPF unknown mechanisms and misspelt modifiers are errors", "[spf]") {
    // issue (-all moo, redirect:x.example, =all); suite: detect-errors-anywhere,
    // redirect-is-modifier, empty-modifier-name, invalid-modifier, modifier-charset-bad1/2.
    CHECK(problems("v=spf1 -all moo") ==
          Lines{"12+3 error: term \"moo\": unknown mechanism \"moo\"; the mechanisms are all, "
                "include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)"});
    CHECK(problems("v=spf1 redirect:x.example") ==
          Lines{"7+18 error: term \"redirect:x.example\": redirect is a modifier and is written "
                "with \"=\": redirect=x.example"});
    CHECK(problems("v=spf1 =all") == Lines{"7+4 error: term \"=all\" has no name before \"=\""});
    CHECK(problems("v=spf1 1up=foo") ==
          Lines{"7+7 error: term \"1up=foo\": a modifier name starts with a letter (RFC 7208 "
                "§4.6.1)"});
    CHECK(problems("v=spf1 moo.cow/far_out=man:dog/cat ip4:1.2.3.4 -all") ==
          Lines{"7+27 error: term \"moo.cow/far_out=man:dog/cat\": unknown mechanism \"moo.cow\"; "
                "the mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)"});
    CHECK(problems("v=spf1 moo.cow:far_out=man:dog/cat ip4:1.2.3.4 -all") ==
          Lines{"7+27 error: term \"moo.cow:far_out=man:dog/cat\": unknown mechanism \"moo.cow\"; "
                "the mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists (RFC 7208 §5)"});
    // suite: modifier-charset-good, default-modifier-obsolete: legal, ignored by receivers.
    CHECK(problems("v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all") ==
          Lines{"7+27 warning: term \"moo.cow-far_out=man:dog/cat\": unknown modifier "
                "\"moo.cow-far_out\" is ignored by receivers (RFC 7208 §6)"});
    CHECK(problems("v=spf1 default=pass") ==
          Lines{"7+12 warning: term \"default=pass\": unknown modifier \"default\" is ignored by "
                "receivers (RFC 7208 §6)"});
}

TEST_CASE("SPF redirect and exp appear at most once and redirect yields to all", "[spf]") {
    // issue; suite: redirect-twice, exp-twice, redirect-after-mechanisms1,
    // redirect-empty-domain, exp-empty-domain, exp-syntax-error, redirect-syntax-error.
    CHECK(
        problems("v=spf1 redirect=a.example.com redirect=b.example.com") ==
        Lines{"30+22 error: term \"redirect=b.example.com\": \"redirect\" appears more than once; "
              "it may appear at most once (RFC 7208 §6)"});
    CHECK(problems("v=spf1 -all exp=a.example.com exp=b.example.com") ==
          Lines{"30+17 error: term \"exp=b.example.com\": \"exp\" appears more than once; it may "
                "appear at most once (RFC 7208 §6)"});
    CHECK(problems("v=spf1 redirect=t5.example.com ~all") ==
          Lines{"7+23 warning: term \"redirect=t5.example.com\" is ignored because the record has "
                "an \"all\" mechanism (RFC 7208 §6.1)"});
    CHECK(problems("v=spf1 ?all redirect=") ==
          Lines{"12+9 error: term \"redirect=\": redirect= needs a domain (e.g. "
                "redirect=_spf.example.com)"});
    CHECK(problems("v=spf1 exp= -all") ==
          Lines{"7+4 error: term \"exp=\": exp= needs a domain (e.g. exp=_spf.example.com)"});
    CHECK(problems("v=spf1 exp=-all") ==
          Lines{"11+4 error: term \"exp=-all\": \"-all\" is not a fully qualified domain name; a "
                "domain-spec ends in \".\" and a top-level label (RFC 7208 §7.1)"});
    // Must not fire: suite redirect-implicit, trailing-dot-domain, exp after all.
    CHECK(problems("v=spf1 redirect=%{d}.d.spf.example.com.").empty());
    CHECK(problems("v=spf1 -all exp=exp.example.net").empty());
}

TEST_CASE("SPF domain-spec ends in a dot and a top-level label", "[spf]") {
    // suite: invalid-domain, a-only-toplabel, a-only-toplabel-trailing-dot, a-numeric,
    // a-numeric-toplabel, a-bad-toplabel, a-bad-domain, invalid-domain-empty-label.
    CHECK(problems("v=spf1 a:foo-bar -all") ==
          Lines{"9+7 error: term \"a:foo-bar\": \"foo-bar\" is not a fully qualified domain name; "
                "a domain-spec ends in \".\" and a top-level label (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:museum.") ==
          Lines{"9+7 error: term \"a:museum.\": \"museum.\" is not a fully qualified domain name; "
                "a domain-spec ends in \".\" and a top-level label (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:111.222.33.44") ==
          Lines{"9+13 error: term \"a:111.222.33.44\": \"111.222.33.44\" ends in the all-digit "
                "label \"44\"; SPF needs a domain name here, not an IP address (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:example.-com") ==
          Lines{"9+12 error: term \"a:example.-com\": \"example.-com\" ends in \"-com\", which is "
                "not a valid top-level label (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:example.com:8080") ==
          Lines{"9+16 error: term \"a:example.com:8080\": \"example.com:8080\" ends in "
                "\"com:8080\", which is not a valid top-level label (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:mail.example...com -all") ==
          Lines{"22+1 warning: term \"a:mail.example...com\": \"mail.example...com\" has an empty "
                "label; DNS labels are 1 to 63 characters, so the name never exists"});
    // Must not fire: suite a-dash-in-toplabel.
    CHECK(problems("v=spf1 a:foo.example.xn--zckzah -all").empty());
}

TEST_CASE("SPF macros use the RFC 7208 letters and nonzero digit transformers", "[spf]") {
    // issue (%{z}, %{s0}, a lone %); suite: invalid-trailing-macro-char,
    // invalid-macro-char, exp-only-macro-char, undef-macro, unknown-modifier-syntax.
    CHECK(problems("v=spf1 exists:%{z}.example.com -all") ==
          Lines{"14+4 error: term \"exists:%{z}.example.com\": unknown macro letter \"z\"; the "
                "letters are s l o d i p h v (c r t in explanations) (RFC 7208 §7.1)"});
    // §7.1: "If a DIGIT is specified, the value MUST be nonzero."
    CHECK(problems("v=spf1 exists:%{s0}.example.com -all") ==
          Lines{"14+5 error: term \"exists:%{s0}.example.com\": macro \"%{s0}\" keeps zero "
                "labels; a digit transformer must be nonzero (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 exists:foo%.sbl.example.com ?all") ==
          Lines{"17+2 error: term \"exists:foo%.sbl.example.com\": a lone \"%\" is not a macro; "
                "write \"%%\" for a percent sign or \"%{d}\" for a macro (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 -exists:%(ir).sbl.example.com ?all") ==
          Lines{"15+2 error: term \"-exists:%(ir).sbl.example.com\": a lone \"%\" is not a macro; "
                "write \"%%\" for a percent sign or \"%{d}\" for a macro (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 -all exp=%{r}.example.com") ==
          Lines{"16+4 error: term \"exp=%{r}.example.com\": macro letter \"r\" is allowed only in "
                "explanation text, not in a domain (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 a:%{a}.example.com -all") ==
          Lines{"9+4 error: term \"a:%{a}.example.com\": unknown macro letter \"a\"; the letters "
                "are s l o d i p h v (c r t in explanations) (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 -all foo=%abc") ==
          Lines{"16+2 error: term \"foo=%abc\": a lone \"%\" is not a macro; write \"%%\" for a "
                "percent sign or \"%{d}\" for a macro (RFC 7208 §7.1)"});
    CHECK(problems("v=spf1 exists:%{d}.example.com%{ir!}") ==
          Lines{"30+6 error: term \"exists:%{d}.example.com%{ir!}\": macro \"%{ir!}\" has \"!\" "
                "where a delimiter (. - + , / _ =) is expected (RFC 7208 §7.1)"});
    // Must not fire: suite macro-mania-in-domain, macro-reverse-split-on-dash,
    // macro-multiple-delimiters, require-valid-helo, upper-macro.
    CHECK(problems("v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all").empty());
    CHECK(problems("v=spf1 exists:%{i}.%{l2r-}.user.%{d2} exists:%{l2r+-}.user.%{D2}").empty());
    CHECK(problems("v=spf1 -include:_spfh.%{d2} ip4:1.2.3.0/24 -all").empty());
    CHECK(parse_spf("v=spf1 exists:%{i}._spf.example.com -all").terms[1].has_macros);
}

TEST_CASE("SPF records are ASCII with terms separated by spaces", "[spf]") {
    // issue (leading white space, control characters, non-ASCII); suite: control-char-policy,
    // non-ascii-mech, non-ascii-policy (its BOM inside a domain).
    CHECK(problems(" v=spf1 -all") ==
          Lines{"0+1 error: SPF record starts with white space; it must start with \"v=spf1\" (RFC "
                "7208 §4.5)"});
    CHECK(problems("v=spf1 a:ctrl.example.com\rptr -all") ==
          Lines{"25+1 error: control character 0x0D in the SPF record; terms are separated by "
                "spaces only (RFC 7208 §4.6.1)"});
    CHECK(problems("v=spf1 \x80"
                   "a:example.net -all") ==
          Lines{"7+1 error: non-ASCII character in the SPF record; SPF records are US-ASCII only "
                "(RFC 7208 §3.1)"});
    CHECK(problems("v=spf1 a:\xEF\xBB\xBFgarbage.example.net -all") ==
          Lines{"9+3 error: non-ASCII character in the SPF record; SPF records are US-ASCII only "
                "(RFC 7208 §3.1)"});
    // Must not fire: suite two-spaces, trailing-space.
    CHECK(problems("v=spf1 a  -all").empty());
    CHECK(problems("v=spf1 a -all ").empty());
}

TEST_CASE("SPF version is the first term and appears once", "[spf]") {
    // suite: nospace2 (v=spf10 is not SPF), multitxt2 (two records run together).
    CHECK(problems("v=spf10") ==
          Lines{"0+7 error: SPF record does not start with \"v=spf1\" (RFC 7208 §4.5)"});
    CHECK(problems("v=spf1 ip4:192.0.2.1 v=spf1 -all") ==
          Lines{"21+6 error: a second \"v=spf1\" inside the SPF record: two records were run "
                "together; publish exactly one SPF record per domain (RFC 7208 §4.5)"});
    CHECK(problems("") == Lines{"0+0 error: SPF record is empty"});
    // suite: case-insensitive.
    CHECK(parse_spf("v=SpF1 ~all").is_spf);
    CHECK_FALSE(parse_spf(" v=spf1 ~all").is_spf);
}

TEST_CASE("SPF quotes inside a term are reported at the quote", "[spf]") {
    // issue: include:"_spf.google.com" used to be read as the start of a quoted TXT string.
    CHECK(problems("v=spf1 include:\"_spf.google.com\" ~all") ==
          Lines{"15+1 error: term \"include:\"_spf.google.com\"\" contains a double quote; quotes "
                "belong to the zone file, not to the record: write the record without them, or "
                "quote the whole record"});
}

TEST_CASE("SPF records over 512 bytes get a warning", "[spf]") {
    std::string record = "v=spf1";
    for (int i = 0; i < 40; ++i) record += " ip4:192.0.2." + std::to_string(i);
    record += " -all";
    REQUIRE(record.size() > 512);
    auto r = parse_spf(record);
    REQUIRE(r.problems.size() == 1);
    CHECK(mail_test::line_of(r.problems[0]) ==
          "0+" + std::to_string(record.size()) + " warning: SPF record of " +
              std::to_string(record.size()) +
              " bytes; keep it within 512 so the DNS answer fits one UDP packet (RFC 7208 §3.4)");
    CHECK(r.problems[0].code == "spf-record-length");
}

TEST_CASE("SPF published vendor records parse clean", "[spf]") {
    // Check against false positives: records as the vendors publish them (Google Workspace's
    // _spf.google.com and _netblocks.google.com, Microsoft 365's spf.protection.outlook.com,
    // Marketo's documented customer record), and an RFC 7208 §A example.
    for (std::string_view record :
         {"v=spf1 include:_netblocks.google.com include:_netblocks2.google.com "
          "include:_netblocks3.google.com ~all",
          "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 "
          "ip6:2001:4860:4000::/36 "
          "ip6:2404:6800:4000::/36 ~all",
          "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip6:2a01:111:f400::/48 "
          "include:spfd.protection.outlook.com -all",
          "v=spf1 mx include:mktomail.com include:spf.protection.outlook.com ~all",
          "v=spf1 mx:example.org -all", "v=spf1 a -all", "v=spf1 redirect=_spf.example.com"}) {
        INFO(record);
        CHECK(problems(record).empty());
    }
}

TEST_CASE("SPF lookups lists the DNS-querying terms", "[spf]") {
    auto r = parse_spf(
        "v=spf1 a mx:mail.example.com ip4:192.0.2.1 include:_spf.Google.com "
        "ptr exists:%{i}.x.example.com -all redirect=other.example.com");
    auto lookups = spf_lookups(r);
    REQUIRE(lookups.size() == 5);  // redirect is ignored next to all (§6.1)
    CHECK(lookups[0].kind == "a");
    CHECK(lookups[0].target.empty());
    CHECK(lookups[1].kind == "mx");
    CHECK(lookups[1].target == "mail.example.com");
    CHECK(lookups[2].kind == "include");
    CHECK(lookups[2].target == "_spf.google.com");
    CHECK(lookups[3].kind == "ptr");
    CHECK(lookups[4].kind == "exists");
    CHECK(lookups[4].has_macros);
    auto redirect = spf_lookups(parse_spf("v=spf1 ip4:192.0.2.1 redirect=_spf.example.com"));
    REQUIRE(redirect.size() == 1);
    CHECK(redirect[0].kind == "redirect");
    CHECK(redirect[0].target == "_spf.example.com");
    CHECK(r.terms[2].kind == SpfTermKind::mechanism);
    CHECK(r.terms[2].mechanism == SpfMechanism::mx);
}
