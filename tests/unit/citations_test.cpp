// The source table (lib/core/citations): every entry can be looked up by a reader, and texts
// that cite a short name resolve to it.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/citations.hpp"

using maplan::Citation;
using maplan::citations;
using maplan::Lang;

TEST_CASE("citations: keys and labels are unique / every entry names title and site",
          "[citations]") {
    std::set<std::string_view> keys, labels;
    for (const Citation& c : citations()) {
        INFO(c.key);
        CHECK(keys.insert(c.key).second);
        CHECK(labels.insert(c.label.en).second);
        CHECK(labels.insert(c.label.ja).second);
        CHECK(!c.title.en.empty());
        CHECK(!c.title.ja.empty());
        CHECK(!c.site.en.empty());
        CHECK(!c.site.ja.empty());
        CHECK(!c.note.en.empty());
        CHECK(!c.note.ja.empty());
        // No invented addresses: either none, or an https URL of the publisher's own site.
        if (!c.url.empty()) CHECK(c.url.rfind("https://", 0) == 0);
        CHECK(maplan::find_citation(c.key) == &c);
    }
    CHECK(keys.size() == 6);
    CHECK(maplan::find_citation("seed-000") == nullptr);
}

TEST_CASE("citations: a text citing short names resolves to their entries", "[citations]") {
    auto cited = maplan::citations_in(
        "without one of them there is no demand center (DX station #4; MarketOne demand center).");
    REQUIRE(cited.size() == 2);
    CHECK(cited[0]->key == "dx-station-4");
    CHECK(cited[1]->key == "marketone-demand-center");
    auto ja = maplan::citations_in("両部門の約束事そのものです (DX station 第6回)。");
    REQUIRE(ja.size() == 1);
    CHECK(ja[0]->key == "dx-station-6");
    CHECK(maplan::citations_in("RACI convention (PMBOK)").empty());
}

TEST_CASE("citations: one line with title / site and address", "[citations]") {
    const Citation* c = maplan::find_citation("marketone-ma-guide");
    REQUIRE(c != nullptr);
    CHECK(maplan::format_citation(*c, Lang::en) ==
          "MarketOne MA guide — \"[Summary] A guide to operating MA in B2B marketing\" "
          "(【記事まとめ】BtoBマーケティングにおけるMAの運用ガイド), MarketOne Japan. "
          "https://japan.marketone.com/articles/marketing-automation-operation-guide");
    CHECK(maplan::format_citation(*c, Lang::ja) ==
          "マーケットワン「MA運用ガイド」 — 「【記事まとめ】BtoBマーケティングにおけるMAの運用"
          "ガイド」、マーケットワン・ジャパン。"
          "https://japan.marketone.com/articles/marketing-automation-operation-guide");
    const Citation* book = maplan::find_citation("ma-specialist-textbook");
    REQUIRE(book != nullptr);
    CHECK(book->url.empty());
    CHECK(maplan::format_citation(*book, Lang::ja) ==
          "MAスペシャリスト教科書 — 「マーケティングオートメーション スペシャリストになるための"
          "教科書」、マイナビ出版 (株式会社メンバーズ 著)");
}
