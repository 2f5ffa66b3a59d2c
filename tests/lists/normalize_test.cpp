#include <catch2/catch.hpp>

#include "lists/normalize.hpp"

using namespace maplan::lists;

TEST_CASE("normalize: email key trims and lower-cases (an opt-out must match whatever the case)") {
    auto e = normalize_email("  Taro.Yamada@Example.CO.JP\u3000");
    CHECK(e.valid());
    CHECK(e.key == "taro.yamada@example.co.jp");
    CHECK(e.domain == "example.co.jp");
}

TEST_CASE("normalize: internationalised domains become punycode (RFC 3492 vectors)") {
    CHECK(punycode_encode("bücher") == "bcher-kva");
    CHECK(punycode_encode("例え") == "r8jz45g");
    auto e = normalize_email("info@例え．ＪＰ");  // full-width dot and letters, NFKC-mapped
    CHECK(e.key == "info@xn--r8jz45g.jp");
    CHECK(e.valid());
    CHECK(normalize_email("a@Bücher.de").key == normalize_email("a@bücher.DE").key);
}

TEST_CASE("normalize: invalid addresses and why") {
    CHECK(normalize_email("a..b@x.jp").problem == EmailProblem::consecutive_dots);
    CHECK(normalize_email("a..b@x").problem == EmailProblem::consecutive_dots);
    CHECK(normalize_email("ab@x").problem == EmailProblem::bad_domain);
    CHECK(normalize_email("").problem == EmailProblem::empty);
    CHECK(normalize_email("   ").problem == EmailProblem::empty);
    CHECK(normalize_email("no-at-sign").problem == EmailProblem::no_at);
    CHECK(normalize_email("a@b@c.jp").problem == EmailProblem::multiple_at);
    CHECK(normalize_email("a@@b.jp").problem == EmailProblem::multiple_at);
    CHECK(describe(EmailProblem::multiple_at).en == std::string_view("more than one \"@\""));
    CHECK(describe(EmailProblem::multiple_at).ja == std::string_view("「@」が複数あります"));
    CHECK(problem_id(EmailProblem::multiple_at) == "multiple_at");
    CHECK(describe(EmailProblem::no_at).en == std::string_view("no \"@\""));
    CHECK(normalize_email(".a@x.jp").problem == EmailProblem::bad_local);
    CHECK(normalize_email("a b@x.jp").problem == EmailProblem::bad_local);
    CHECK(normalize_email("<script>@x.jp").problem == EmailProblem::bad_local);
    CHECK(normalize_email("a@-x.jp").problem == EmailProblem::bad_domain);
    CHECK(normalize_email("a@x.123").problem == EmailProblem::bad_domain);
    CHECK(normalize_email(std::string(65, 'a') + "@x.jp").problem == EmailProblem::local_too_long);
    // 255 characters: over the 254 limit of RFC 5321, even though each part is legal.
    std::string domain = std::string(60, 'd') + "." + std::string(60, 'e') + "." +
                         std::string(60, 'f') + "." + std::string(5, 'g') + ".jp";
    std::string at255 = std::string(255 - 1 - domain.size(), 'l') + "@" + domain;
    REQUIRE(at255.size() == 255);
    CHECK(normalize_email(at255).problem == EmailProblem::too_long);
    CHECK(normalize_email(at255.substr(1)).valid());  // 254 is fine
}

TEST_CASE("normalize: name keys fold width / case and spaces with NFKC") {
    CHECK(name_key("ＹＡＭＡＤＡ\u3000Taro") == "yamadataro");
    CHECK(name_key("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダタロウ");
    CHECK(name_key(" 山田 太郎 ") == name_key("山田太郎"));
    CHECK(name_key("ガ") != name_key("カ"));  // voiced marks are not stripped
}

TEST_CASE("normalize: company keys fold legal forms") {
    const std::string base = company_key("山田商事");
    CHECK(company_key("株式会社山田商事") == base);
    CHECK(company_key("㈱山田商事") == base);
    CHECK(company_key("（株）山田商事") == base);
    CHECK(company_key("山田商事(株)") == base);
    CHECK(company_key("山田商事 株式会社") == base);
    CHECK(company_key("Acme Co., Ltd.") == company_key("ACME"));
    CHECK(company_key("Acme, Inc.") == company_key("acme"));
    CHECK(company_key("Zinc") == "zinc");  // a suffix only after a space
    CHECK(company_key("山田物産") != base);
}

TEST_CASE("normalize: role and free-mail addresses") {
    CHECK(is_role_address("Info", default_role_locals()));
    CHECK_FALSE(is_role_address("taro", default_role_locals()));
    CHECK(is_free_mail_domain("yahoo.co.jp"));
    CHECK_FALSE(is_free_mail_domain("example.co.jp"));
}

TEST_CASE("normalize: masking keeps only the first character and the domain") {
    CHECK(mask_email("taro@example.co.jp") == "t***@example.co.jp");
    CHECK(mask_email("山田@例え.jp") == "山***@例え.jp");
    CHECK(mask_email("broken") == "b***");
    CHECK(mask_name("山田 太郎") == "山***");
    CHECK(mask_name("") == "");
}
