#pragma once
// Shared assertions for the parser tests: a problem as one line "offset+length severity:
// message", so a test states the whole message and where it points in one string.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "mail/problem.hpp"

namespace mail_test {

inline std::string line_of(const maplan::mail::Problem& p, maplan::Lang lang = maplan::Lang::en) {
    return fmt::format("{}+{} {}: {}", p.offset, p.length, maplan::to_string(p.severity),
                       p.message.in(lang));
}

inline std::vector<std::string> lines(const maplan::mail::Problems& problems,
                                      maplan::Lang lang = maplan::Lang::en) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(line_of(p, lang));
    return out;
}

}  // namespace mail_test
