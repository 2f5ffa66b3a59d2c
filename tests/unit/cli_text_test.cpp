// lib/core/cli_text: CLI11's parse errors in both languages (the binary is tested in e2e).
#include <catch2/catch.hpp>

#include "core/cli_text.hpp"

using maplan::explain_parse_error;

TEST_CASE("cli_text: several unexpected arguments name the first with the nearest option",
          "[cli]") {
    auto t = explain_parse_error("validate", "The following arguments were not expected: --lnag ja",
                                 {"--lang", "--format"}, "validate");
    CHECK(t.en ==
          "ma-plan: unexpected argument \"--lnag\"; did you mean \"--lang\"?\n"
          "Run 'ma-plan validate --help' for usage\n");
    CHECK(t.ja ==
          "ma-plan: 想定外の引数「--lnag」があります。「--lang」の誤りではありませんか?\n"
          "'ma-plan validate --help' で使い方を表示します\n");
}

TEST_CASE("cli_text: a stray word gets no option suggestion", "[cli]") {
    auto t = explain_parse_error("ExtrasError", "The following argument was not expected: extra",
                                 {"--lang"}, "");
    CHECK(t.en == "ma-plan: unexpected argument \"extra\"\nRun 'ma-plan --help' for usage\n");
}

TEST_CASE("cli_text: an error it does not know is passed on with the prefix", "[cli]") {
    auto t = explain_parse_error("ConversionError", "Could not convert: --x = y", {}, "status");
    CHECK(t.en == "ma-plan: Could not convert: --x = y\nRun 'ma-plan status --help' for usage\n");
    CHECK(t.ja ==
          "ma-plan: コマンドラインが正しくありません: Could not convert: --x = y\n"
          "'ma-plan status --help' で使い方を表示します\n");
}
