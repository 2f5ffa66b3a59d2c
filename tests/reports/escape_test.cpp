#include <catch2/catch.hpp>

#include "core/escape.hpp"

using maplan::csv_field;
using maplan::html_escape;
using maplan::markdown_escape;

TEST_CASE("markdown_escape neutralises table / code and HTML syntax", "[escape]") {
    CHECK(markdown_escape("a | b") == "a \\| b");
    CHECK(markdown_escape("back\\slash") == "back\\\\slash");
    CHECK(markdown_escape("`code`") == "\\`code\\`");
    CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(markdown_escape("A & B") == "A &amp; B");
    CHECK(markdown_escape("*em* _u_ [l](x) ~~s~~") == "\\*em\\* \\_u\\_ \\[l\\](x) \\~\\~s\\~\\~");
}

TEST_CASE("markdown_escape turns every line break into one space", "[escape]") {
    CHECK(markdown_escape("a\nb") == "a b");
    CHECK(markdown_escape("a\r\nb") == "a b");
    CHECK(markdown_escape("a\rb") == "a b");
    CHECK(markdown_escape("a\tb") == "a b");
}

TEST_CASE("markdown_escape leaves Japanese text alone", "[escape]") {
    CHECK(markdown_escape("リード定義(スコアリング)") == "リード定義(スコアリング)");
    CHECK(markdown_escape("主担当") == "主担当");
}

TEST_CASE("csv_field quotes per RFC 4180", "[escape][csv]") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("line1\nline2") == "\"line1\nline2\"");
    CHECK(csv_field("顧客リストの管理") == "顧客リストの管理");
}

TEST_CASE("csv_field guards against formula injection", "[escape][csv]") {
    CHECK(csv_field("=1+2") == "'=1+2");
    CHECK(csv_field("+81 3") == "'+81 3");
    CHECK(csv_field("-2+3") == "'-2+3");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tcmd") == "'\tcmd");
    CHECK(csv_field("\rcmd") == "\"'\rcmd\"");
    CHECK(csv_field("   =HYPERLINK(\"http://x\")") == "\"'   =HYPERLINK(\"\"http://x\"\")\"");
    // check against false positives: a sign inside the text is harmless
    // The same guard as the customer-list extract (core/escape.hpp): any leading white space,
    // full-width operators and the pipe.
    CHECK(csv_field("\u3000=1+2") == "'\u3000=1+2");
    CHECK(csv_field("\u00a0@SUM(A1)") == "'\u00a0@SUM(A1)");
    CHECK(csv_field("\n=1") == "\"'\n=1\"");
    CHECK(csv_field("＝1+2") == "'＝1+2");
    CHECK(csv_field("|cmd") == "'|cmd");
    CHECK(csv_field("a=b") == "a=b");
    CHECK(csv_field("MA - 運用") == "MA - 運用");
}

TEST_CASE("html_escape covers element content and attributes", "[escape]") {
    CHECK(html_escape("<script>\"x\" & 'y'</script>") ==
          "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    CHECK(html_escape("共有") == "共有");
}
