#include "reports/report_lists.hpp"

#include "lists/from_plan.hpp"
#include "lists/scan.hpp"
#include "lists/workspace.hpp"

namespace maplan::reports {

ListsWaterfall workspace_waterfall(const std::filesystem::path& workspace, const Project& project) {
    lists::Workspace ws = lists::Workspace::open(workspace);
    const lists::ListsConfig config = lists::lists_config_from_plan(project);
    // Details off: the report needs counts, and no contact's data should even be read into it.
    lists::Waterfall w = lists::scan_contacts(
        ws, config, lists::declared_channels(ws, config), lists::ScanOptions{.details = false}, {},
        [](const lists::ContactView&, lists::Stage, const std::string*) {});
    ListsWaterfall out;
    out.workspace = workspace.filename().string();
    out.imported = w.imported;
    out.invalid = w.invalid;
    out.no_consent = w.no_consent;
    out.excluded = w.excluded;
    out.duplicates = w.duplicates;
    out.contactable = w.contactable;
    for (const auto& [reason, count] : w.excluded_by_reason)
        out.excluded_by_reason.emplace_back(reason, count);
    return out;
}

}  // namespace maplan::reports
