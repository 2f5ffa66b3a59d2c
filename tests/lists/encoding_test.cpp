#include <catch2/catch.hpp>

#include "lists/encoding.hpp"

using namespace maplan::lists;

TEST_CASE("encoding: UTF-8 validation finds the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("plain ascii and 日本語 and 🎉"));
    CHECK(find_invalid_utf8("abc\xFF") == 3u);
    CHECK(find_invalid_utf8("ab\xE6\x97") == 2u);        // truncated sequence
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);          // overlong
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);     // surrogate
    CHECK(find_invalid_utf8("12345678\x82\xA0") == 8u);  // after the 8-byte fast path
    // Around the fast path for three-byte characters: a bad third byte, a lead byte at the end.
    CHECK(find_invalid_utf8("\xE3\x81\x82\xE3\x81"
                            "A") == 3u);
    CHECK(find_invalid_utf8("\xE3\x81\x82\xE3") == 3u);
    CHECK_FALSE(find_invalid_utf8("\xEF\xBD\xA1\xE1\x80\x80"));
}

TEST_CASE("encoding: the two-thread UTF-8 check agrees with the one-thread check") {
    // 9 MiB of kana with a bad byte placed around the split point and elsewhere.
    std::string text;
    while (text.size() < (std::size_t{9} << 20)) text += "あいうえおカキクケコabc,";
    CHECK_FALSE(find_invalid_utf8_parallel(text));
    const std::size_t mid = text.size() / 2;
    for (std::size_t at :
         {std::size_t{5}, mid - 2, mid - 1, mid, mid + 1, mid + 2, text.size() - 1}) {
        std::string bad = text;
        bad[at] = '\xFF';
        CAPTURE(at);
        CHECK(find_invalid_utf8_parallel(bad) == find_invalid_utf8(bad));
        bad = text;
        bad[at] = '\x81';  // a stray continuation byte, or one that breaks a character
        CHECK(find_invalid_utf8_parallel(bad) == find_invalid_utf8(bad));
    }
}

TEST_CASE("encoding: detection: BOM / UTF-8 / else CP932") {
    CHECK(detect_encoding("\xEF\xBB\xBF"
                          "a,b\n") == Encoding::utf8_bom);
    CHECK(detect_encoding("メール,会社\n") == Encoding::utf8);
    CHECK(detect_encoding("\x83\x81\x81\x5B\x83\x8B\n") == Encoding::cp932);  // メール in CP932
    // UTF-8 with one damaged byte late in the file stays UTF-8, so the error names that byte.
    CHECK(detect_encoding("メール,会社\nx@y.jp,\xFF\n") == Encoding::utf8);
    CHECK(detect_encoding("a,b\n\xE3\x81\x82\x83\x81\n") ==
          Encoding::cp932);  // too little evidence
}

TEST_CASE("encoding: names") {
    CHECK(parse_encoding("Shift_JIS") == Encoding::cp932);
    CHECK(parse_encoding("UTF-8") == Encoding::utf8);
    CHECK(parse_encoding("utf-8-bom") == Encoding::utf8_bom);
    CHECK_FALSE(parse_encoding("latin1"));
}

TEST_CASE("encoding: CP932 round trip keeps Excel's characters (wave dash / circled digits / ㈱)") {
    Cp932Codec to(Cp932Codec::Direction::from_utf8);
    Cp932Codec from(Cp932Codec::Direction::to_utf8);
    const std::string text = "㈱山田商事 ①～② ｶﾅ ﾃｽﾄ";
    std::string sjis, back;
    REQUIRE_FALSE(to.convert(text, sjis));
    CHECK(sjis != text);
    REQUIRE_FALSE(from.convert(sjis, back));
    CHECK(back == text);
}

TEST_CASE("encoding: an undecodable CP932 byte reports its offset") {
    Cp932Codec from(Cp932Codec::Direction::to_utf8);
    std::string out;
    auto bad = from.convert("ab\x82", out);  // lead byte without its trail byte
    REQUIRE(bad);
    CHECK(*bad == 2u);
    Cp932Codec to(Cp932Codec::Direction::from_utf8);
    CHECK(to.convert("emoji 🎉", out) == 6u);
}
