#pragma once
// The plan's step-5 section (data sources, exclusions, consent policy) as a ListsConfig.
#include <filesystem>
#include <string_view>

#include "core/model.hpp"
#include "lists/config.hpp"

namespace maplan::lists {

/// Maps the plan: each data source with its encoding, preset and column mapping (its
/// `customer_id` column becomes the record ID); competitor/internal domains and role addresses
/// become exclusion rules; `consent.policy: opt_out` allows contacts with no recorded consent.
ListsConfig lists_config_from_plan(const Project& project);

/// The exclusion reason (exclusions.hpp, all_reasons) for a plan exclusion kind:
/// hard_bounce -> bounce, competitor_domains -> competitor, complaints -> complaint ...
std::string_view reason_for_plan_exclusion(std::string_view kind);

/// Loads the plan file. Throws IoError when it cannot be read or parsed, or when it has schema
/// errors (run `ma-plan validate` for the details).
ListsConfig load_lists_config(const std::filesystem::path& plan);

/// The source named `name` in `config`, or nullptr.
const SourceConfig* find_source(const ListsConfig& config, std::string_view name);

}  // namespace maplan::lists
