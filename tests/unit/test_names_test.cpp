// ctest runs each Catch2 test case by name (catch_discover_tests). Catch reads ',' as "or",
// '*' as a wildcard, '~' as "not", '[' as a tag, and a leading '-' as an option, and CMake splits
// on ';': such a name makes ctest run other tests, or none, under its name.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("no test name contains characters Catch or ctest would misread", "[docs]") {
    namespace fs = std::filesystem;
    const std::regex test_case(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
    std::size_t names = 0;
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(MA_PLAN_SOURCE_DIR) / "tests")) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
            std::string name = (*it)[1];
            ++names;
            INFO(entry.path().filename().string() << ": \"" << name << "\"");
            CHECK(name.find_first_of(",;*~[]") == std::string::npos);
            CHECK(name.rfind('-', 0) != 0);
        }
    }
    CHECK(names > 100);
}
