// DMARC grammar (RFC 9989 §4.7 tags, §4.8 formal definition, §4.10.1 policy discovery; RFC 6376
// §3.2 tag-lists). Must-fire cases are the list and the RFC's ABNF; must-not-fire cases
// are records as Google, Valimail and Agari customers publish them.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "mail/dmarc.hpp"

using maplan::mail::dmarc_report_uris;
using maplan::mail::parse_dmarc;
using Lines = std::vector<std::string>;

namespace {
Lines problems(std::string_view record) {
    return mail_test::lines(parse_dmarc(record).problems);
}
}  // namespace

TEST_CASE("DMARC v=DMARC1 comes first with no white space before it", "[dmarc]") {
    CHECK(problems(" v=DMARC1; p=none") ==
          Lines{"0+1 error: DMARC record starts with white space; it must start with \"v=DMARC1\" "
                "(RFC 9989 §4.8)"});
    CHECK(problems("v=dmarc1; p=none") ==
          Lines{"0+8 error: DMARC record starts with \"v=dmarc1\"; the version is case-sensitive: "
                "\"v=DMARC1\" (RFC 9989 §4.7)"});
    CHECK(problems("p=block; v=DMARC1; adkim=x") ==
          Lines{"0+7 error: DMARC record does not start with \"v=DMARC1\"",
                "0+7 error: DMARC tag p=block is not none, quarantine or reject",
                "9+8 error: DMARC tag v must be the first tag (RFC 9989 §4.7)",
                "19+7 error: DMARC tag adkim=x is not r or s"});
    CHECK(
        mail_test::lines(parse_dmarc("v=DMARC1; p=none; fo=x").problems, maplan::Lang::ja) ==
        Lines{"18+4 error: DMARC の fo=x は 0・1・d・s をコロンで区切ったもの (0 と 1 は併用不可、"
              "各 1 回)ではありません",
              "18+4 warning: DMARC のタグ fo は ruf がないと効果がありません (RFC 9989 第4.7節)"});
}

TEST_CASE("DMARC tags appear once each", "[dmarc]") {
    // issue (p twice); RFC 6376 §3.2: a duplicated tag makes the whole tag-list invalid.
    CHECK(problems("v=DMARC1; p=none; p=reject") ==
          Lines{"18+8 error: DMARC tag p appears more than once; a tag-list holds each tag once, "
                "or the whole record is invalid (RFC 6376 §3.2)"});
}

TEST_CASE("DMARC tag values follow the RFC 9989 value rules", "[dmarc]") {
    // issue (fo=x, psd=x, t=x); §4.8 dmarc-fo, dmarc-psd, dmarc-yorn, dmarc-request.
    CHECK(problems("v=DMARC1; p=none; ruf=mailto:f@example.com; fo=x") ==
          Lines{"44+4 error: DMARC tag fo=x is not a colon-separated list of 0, 1, d and s (0 and "
                "1 not both, each once)"});
    CHECK(problems("v=DMARC1; p=none; ruf=mailto:f@example.com; fo=0:1") ==
          Lines{"44+6 error: DMARC tag fo=0:1 is not a colon-separated list of 0, 1, d and s (0 "
                "and 1 not both, each once)"});
    CHECK(problems("v=DMARC1; p=none; psd=x") ==
          Lines{"18+5 error: DMARC tag psd=x is not y, n or u"});
    CHECK(problems("v=DMARC1; p=none; t=x") == Lines{"18+3 error: DMARC tag t=x is not y or n"});
    CHECK(problems("v=DMARC1; p=reject; sp=quarantin") ==
          Lines{"20+12 error: DMARC tag sp=quarantin is not none, quarantine or reject"});
    CHECK(problems("v=DMARC1; p=none; rua=") == Lines{"18+4 error: DMARC tag rua has no value"});
    CHECK(problems("v=DMARC1; p=none; fo=1") ==
          Lines{"18+4 warning: DMARC tag fo has no effect without ruf (RFC 9989 §4.7)"});
    // Must not fire: every value of every tag.
    CHECK(problems("v=DMARC1; p=quarantine; sp=reject; np=none; adkim=s; aspf=r; t=y; psd=u; "
                   "ruf=mailto:f@example.com; fo=1:d:s")
              .empty());
    CHECK(problems("v=DMARC1; p=REJECT").empty());  // ABNF literals are case-insensitive
}

TEST_CASE("DMARC rua and ruf are lists of mailto URIs", "[dmarc]") {
    // issue (rua=not_a_uri, rua=reports@example.com, rua=ftp://...); §4.7, §4.8 dmarc-urilist.
    CHECK(problems("v=DMARC1; p=none; rua=not_a_uri") ==
          Lines{"22+9 error: rua: \"not_a_uri\" is not a URI; report addresses are written "
                "\"mailto:dmarc@example.com\" (RFC 9989 §4.7)"});
    CHECK(problems("v=DMARC1; p=none; rua=reports@example.com") ==
          Lines{"22+19 error: rua: \"reports@example.com\" is an address, not a URI; write "
                "\"mailto:reports@example.com\""});
    CHECK(problems("v=DMARC1; p=none; rua=ftp://example.com/reports") ==
          Lines{"22+25 error: rua: \"ftp://example.com/reports\" uses the ftp: scheme; receivers "
                "are only required to send reports by mailto: and ignore other schemes, so no "
                "report arrives (RFC 9989 §4.7)"});
    CHECK(problems("v=DMARC1; p=reject; rua=mailto:a@@example.com") ==
          Lines{"24+21 error: rua: \"mailto:a@@example.com\" does not hold a valid email address "
                "(local@domain.example)"});
    // The obsolete size suffix: valid under RFC 7489, ignored by RFC 9989 reporters.
    CHECK(problems("v=DMARC1; p=none; rua=mailto:dmarc@example.com!10m") ==
          Lines{"46+4 warning: rua: the size limit \"!10m\" is obsolete; RFC 9989 reporters "
                "ignore it (RFC 7489 reporters still honour it)"});
    CHECK(problems("v=DMARC1; p=none; rua=mailto:dmarc@example.com!10x") ==
          Lines{"46+4 error: rua: size limit \"!10x\" is not a number with an optional k, m, g or "
                "t (RFC 9989 §4.8)"});
    auto r = parse_dmarc(
        "v=DMARC1; p=reject; rua=mailto:a@example.com, mailto:dmarc%2Dreports@Example.NET");
    CHECK(r.problems.empty());
    auto uris = dmarc_report_uris(r);
    REQUIRE(uris.size() == 2);
    CHECK(uris[0].tag == "rua");
    CHECK(uris[0].uri.address == "a@example.com");
    CHECK(uris[1].uri.address == "dmarc-reports@Example.NET");
    CHECK(uris[1].uri.domain == "example.net");
}

TEST_CASE("DMARC removed and unknown tags get warnings", "[dmarc]") {
    // RFC 9989 Appendix C: pct, rf and ri are removed; §4.7: unknown tags MUST be ignored.
    CHECK(problems("v=DMARC1; p=quarantine; pct=10; ri=86400") ==
          Lines{"24+6 warning: DMARC tag pct was removed by RFC 9989 and is ignored; the policy "
                "applies to all mail",
                "32+8 warning: DMARC tag ri was removed by RFC 9989 and is ignored"});
    CHECK(parse_dmarc("v=DMARC1; p=none; rf=afrf").problems.at(0).code == "dmarc-removed-tag");
    CHECK(problems("v=DMARC1; p=none; foo=bar") ==
          Lines{"18+7 warning: DMARC tag \"foo\" is unknown and ignored (RFC 9989 §4.7)"});
}

TEST_CASE("DMARC without p is p=none only when rua is valid", "[dmarc]") {
    // RFC 9989 §4.7 (p) and §4.10.1: a record without a valid p is read as p=none if rua holds a
    // valid URI; otherwise no DMARC processing applies. RFC 7489 §6.3 required p.
    auto with_rua = parse_dmarc("v=DMARC1; rua=mailto:dmarc@example.com");
    CHECK(mail_test::lines(with_rua.problems) ==
          Lines{"38+0 warning: DMARC record has no p tag: RFC 9989 reads it as p=none because rua "
                "is valid, but RFC 7489 receivers ignore a record without p; write p=none (RFC "
                "9989 §4.10.1)"});
    CHECK(with_rua.policy == "none");
    auto bare = parse_dmarc("v=DMARC1");
    CHECK(mail_test::lines(bare.problems) ==
          Lines{"8+0 error: DMARC record has no p tag and no valid rua address, so receivers apply "
                "no DMARC processing (RFC 9989 §4.10.1)"});
    CHECK(bare.policy.empty());
    CHECK(
        problems("v=DMARC1; P=none") ==
        Lines{"10+6 warning: DMARC tag \"P\" is unknown and ignored; tag names are "
              "case-sensitive: write \"p\"",
              "16+0 error: DMARC record has no p tag and no valid rua address, so receivers apply "
              "no DMARC processing (RFC 9989 §4.10.1)"});
    CHECK(problems("v=DMARC1; rua=mailto:x@example.com; p=none") ==
          Lines{"36+6 warning: p is not the second tag; RFC 9989 allows any order, but RFC 7489 "
                "receivers require p right after v"});
    CHECK(parse_dmarc("v=DMARC1; p=quarantine").policy == "quarantine");
}

TEST_CASE("DMARC characters and separators", "[dmarc]") {
    CHECK(problems("v=DMARC1; p=none;; rua=mailto:x@example.com") ==
          Lines{"17+1 warning: empty tag between semicolons in the DMARC record"});
    CHECK(problems("v=DMARC1; p=none; rua=mailto:\xC3\xA9@example.com") ==
          Lines{"29+2 error: non-ASCII character in the DMARC record (RFC 9989 §4.8)"});
    CHECK(problems("v=DMARC1; p=none; x") ==
          Lines{"18+1 error: DMARC tag \"x\" has no \"=\"; tags are written name=value"});
    CHECK(problems("v=DMARC1; p=none; r_a=1") ==
          Lines{"18+5 error: DMARC tag \"r_a=1\": a tag name is letters only (RFC 9989 §4.8)"});
}

TEST_CASE("DMARC published records parse clean", "[dmarc]") {
    // Check against false positives: google.com's record without its pct (pct is reported as
    // removed, checked above), a Valimail-style strict record, an Agari customer's record, and
    // the RFC 9989 §B examples' forms.
    for (std::string_view record :
         {"v=DMARC1; p=reject; rua=mailto:mailauth-reports@google.com",
          "v=DMARC1;p=reject;sp=none;np=reject;adkim=s;aspf=s;t=n;psd=n;"
          "rua=mailto:dmarc_agg@vali.email",
          "v=DMARC1; p=reject; rua=mailto:d@rua.agari.com; ruf=mailto:d@ruf.agari.com; fo=1",
          "v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com",
          "v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc-feedback@example.com,"
          "mailto:tld-test@thirdparty.example.net;",
          "v = DMARC1 ; p = none"}) {
        INFO(record);
        CHECK(problems(record).empty());
    }
}
