// The written forms of a TXT record (RFC 1035 §3.3.14 and §5.1; RFC 7208 §3.3).
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "mail/txt.hpp"

using maplan::mail::read_txt;
using Lines = std::vector<std::string>;

TEST_CASE("TXT plain text is the record itself", "[txt]") {
    auto r = read_txt("v=spf1 include:\"_spf.google.com\" -all");
    CHECK_FALSE(r.quoted);
    CHECK(r.text == "v=spf1 include:\"_spf.google.com\" -all");
    CHECK(r.problems.empty());
    CHECK(r.value_offset(15) == 15);
}

TEST_CASE("TXT quoted strings are joined without spaces", "[txt]") {
    // RFC 7208 §3.3: the strings are concatenated with no spaces added.
    auto r = read_txt(R"("v=spf1 ip4:192.0.2.1 " "include:_spf.example.com -all")");
    CHECK(r.quoted);
    CHECK(r.text == "v=spf1 ip4:192.0.2.1 include:_spf.example.com -all");
    REQUIRE(r.strings.size() == 2);
    CHECK(r.strings[1].value_offset == 25);
    CHECK(r.strings[1].size == 29);
    CHECK(r.value_offset(21) == 25);  // "include" starts right after the second opening quote
    CHECK(r.value_offset(r.text.size()) == 54);
    CHECK(r.problems.empty());
}

TEST_CASE("TXT escapes count as one byte", "[txt]") {
    auto r = read_txt(R"("a\"b\\c\059d")");
    CHECK(r.text == "a\"b\\c;d");
    CHECK(r.value_offset(1) == 2);
    CHECK(r.value_offset(5) == 8);  // ";" written as \059
    CHECK(r.value_offset(6) == 12);
    CHECK(r.strings[0].size == 7);
}

TEST_CASE("TXT problems: unterminated strings stray text and long strings", "[txt]") {
    CHECK(mail_test::lines(read_txt(R"("v=spf1 -all)").problems) ==
          Lines{"0+12 error: quoted TXT string is not closed"});
    CHECK(mail_test::lines(read_txt(R"("v=spf1 " -all)").problems) ==
          Lines{"10+4 error: text outside the quoted strings of a TXT record; put it inside the "
                "quotes"});
    std::string long_string = "\"v=spf1" + std::string(250, 'x') + "\"";
    auto r = read_txt(long_string);
    CHECK(mail_test::lines(r.problems) ==
          Lines{"0+258 warning: TXT string of 256 characters; DNS allows 255 per string, so split "
                "it into several quoted strings"});
    CHECK(r.problems[0].code == "txt-string-length");
    CHECK(read_txt(std::string(255, 'x')).problems.empty());
    CHECK(read_txt(std::string(256, 'x')).problems.size() == 1);
}
