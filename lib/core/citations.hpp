#pragma once
// The published articles and references ma-plan's rules and reports draw on, as one table.
// Texts cite an entry by its short label ("DX station #4", "MarketOne demand center"); the
// "Sources" section of `ma-plan rules` and docs/rules.md gives each label's full title, site
// and address, so a reader can look it up.
#include <span>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan {

struct Citation {
    std::string_view key;  ///< stable identifier, e.g. "dx-station-4"
    TextRef label;         ///< how texts cite it, short enough for a rationale sentence
    TextRef title;         ///< the full title as published (ja: the original; en: a translation)
    TextRef site;          ///< publisher or site
    std::string_view url;  ///< empty where no address could be confirmed
    TextRef note;          ///< what ma-plan takes from it
};

/// Every source, in citation-label order of first use (steps 1–7).
std::span<const Citation> citations();

/// The entry for `key`, or nullptr.
const Citation* find_citation(std::string_view key);

/// The sources whose label (in either language) appears in `text`, in table order.
std::vector<const Citation*> citations_in(std::string_view text);

/// "DX station #4 — 新入社員による…(4)~体制構築・役割分担~ (SB Technology, DX station).
/// https://…": one line a reader can look up, in `lang`.
std::string format_citation(const Citation& c, Lang lang);

}  // namespace maplan
