#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <unordered_map>

#include "lists/key_table.hpp"

using namespace maplan::lists;

TEST_CASE("key table: agrees with std::unordered_map over 300k keys / absent keys / clear") {
    // Enough keys that probe chains wrap, tables grow several times and some keys share the 32 bits
    // of hash kept in a slot (about 10 pairs at 300k keys).
    KeyTable table;
    std::unordered_map<std::string, std::uint64_t> reference;
    std::mt19937_64 rng(42);
    for (std::uint64_t i = 0; i < 300000; ++i) {
        std::string key = "id:" + std::to_string(rng() % 200000);
        if (i % 7 == 0) key += std::string(i % 40, 'x');  // some long keys
        auto [value, inserted] = table.try_emplace(key, i);
        auto [it, ref_inserted] = reference.try_emplace(key, i);
        REQUIRE(inserted == ref_inserted);
        REQUIRE(value == it->second);
    }
    CHECK(table.size() == reference.size());
    for (const auto& [key, value] : reference) {
        const std::uint64_t* found = table.find(key);
        REQUIRE(found != nullptr);
        REQUIRE(*found == value);
    }
    CHECK(table.find("id:absent") == nullptr);
    CHECK_FALSE(table.contains(""));
    CHECK(table.try_emplace("", 7).second);  // the empty string is a key like any other
    CHECK(table.contains(""));
    table.clear();
    CHECK(table.size() == 0);
    CHECK(table.find("id:1") == nullptr);
    CHECK(table.try_emplace("id:1", 5) == std::pair<std::uint64_t, bool>{5, true});
}

TEST_CASE("key table: emplace gives the stored value to update in place") {
    KeyTable table;
    table.reserve(10);
    auto [value, inserted] = table.emplace("taro@example.jp", 1);
    CHECK(inserted);
    *value |= std::uint64_t{1} << 63;
    auto [again, inserted_again] = table.emplace("taro@example.jp", 99);
    CHECK_FALSE(inserted_again);
    CHECK(*again == (std::uint64_t{1} << 63 | 1));
}

TEST_CASE("hash table: agrees with std::unordered_map / key 0 is a key like any other") {
    HashTable table;
    std::unordered_map<std::uint64_t, std::uint64_t> reference;
    std::mt19937_64 rng(7);
    for (std::uint64_t i = 0; i < 300000; ++i) {
        // Few distinct keys, some sharing low bits, and 0 among them.
        const std::uint64_t key = (rng() % 150000) << 20;
        auto [value, inserted] = table.try_emplace(key, i);
        auto [it, ref_inserted] = reference.try_emplace(key, i);
        REQUIRE(inserted == ref_inserted);
        REQUIRE(value == it->second);
    }
    CHECK(reference.count(0) == 1);
    CHECK(table.size() == reference.size());
}
