// The built binary on plans typed with a Japanese input method (tests/ime/): each slip is one
// line at its character with the text to write, in English and Japanese, with the line quoted
// and a caret under the character; the same characters used as text validate and print back.
#include <catch2/catch.hpp>

#include "run.hpp"

using e2e::ma_plan;

namespace {

// One file per slip: each stops its file from being read, so a file shows one.
const std::string slip_files =
    "tests/ime/indent-ideographic-space.yaml tests/ime/key-ideographic-space.yaml "
    "tests/ime/colon-fullwidth.yaml tests/ime/colon-ideographic-space.yaml "
    "tests/ime/colon-no-space.yaml tests/ime/dash-long-vowel.yaml "
    "tests/ime/dash-fullwidth-hyphen.yaml tests/ime/brackets-list.yaml "
    "tests/ime/brackets-closing.yaml tests/ime/comma-ideographic.yaml "
    "tests/ime/unclosed-flow.yaml";

}  // namespace

TEST_CASE("ime: each input-method slip is one error at its character in English", "[e2e][ime]") {
    auto en = ma_plan("validate --lang en " + slip_files);
    CHECK(en.exit_code == 2);
    CHECK(e2e::matches_golden(en.out, "validate-ime.en.txt"));
}

TEST_CASE("ime: each input-method slip is one error at its character in Japanese", "[e2e][ime]") {
    auto ja = ma_plan("validate --lang ja " + slip_files);
    CHECK(ja.exit_code == 2);
    CHECK(e2e::matches_golden(ja.out, "validate-ime.ja.txt"));
}

TEST_CASE("ime: full-width digits are a type error that names the ASCII number", "[e2e][ime]") {
    auto en = ma_plan("validate --lang en tests/ime/digits-fullwidth.yaml");
    CHECK(en.exit_code == 1);
    CHECK(en.out.find("tests/ime/digits-fullwidth.yaml:5:15: error: \"romi.budget_jpy\" must be "
                      "a number, not \"３００００００\": write 3000000 in half-width digits "
                      "[SCHEMA-002]\n") != std::string::npos);
    auto ja = ma_plan("validate --lang ja tests/ime/digits-fullwidth.yaml");
    CHECK(ja.out.find(
              "tests/ime/digits-fullwidth.yaml:5:15: エラー: 「romi.budget_jpy」は数値で書いて"
              "ください (「３００００００」になっています)。全角数字です。半角で 3000000 "
              "と書いてください [SCHEMA-002]\n") != std::string::npos);
}

TEST_CASE("ime: the same characters as text are read and printed back intact", "[e2e][ime]") {
    auto r = ma_plan("validate --lang en tests/ime/text-not-syntax.yaml");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("YAML-") == std::string::npos);
    CHECK(r.out.find(": error: ") == std::string::npos);
    auto status = ma_plan("--lang ja status tests/ime/text-not-syntax.yaml --today 2026-12-01");
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("準備状況: A社： MA導入［第２期］ (基準日 2026-12-01)") !=
          std::string::npos);
}

TEST_CASE("ime: JSON output names the rule of the slip", "[e2e][ime]") {
    auto r = ma_plan("validate --format json tests/ime/colon-fullwidth.yaml");
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("\"line\": 4,\n        \"column\": 7,") != std::string::npos);
    CHECK(r.out.find("\"rule\": \"YAML-002\"") != std::string::npos);
}
