#include "core/model.hpp"

namespace maplan {

const Stakeholder* Project::find_stakeholder(std::string_view id) const {
    for (const Stakeholder& s : stakeholders) {
        if (s.id.value == id) return &s;
    }
    return nullptr;
}

namespace {

/// The top-level keys of each step (the plan format's seven steps, docs/format.md).
struct StepSection {
    int step;
    std::string_view key;
};
constexpr StepSection step_sections[] = {
    {1, "problems"},     {1, "goals"},        {1, "lifecycle"},       {1, "romi"},
    {2, "stakeholders"}, {2, "role_labels"},  {2, "tasks"},           {3, "segments"},
    {3, "personas"},     {3, "journey"},      {4, "communications"},  {4, "handoffs"},
    {4, "scoring"},      {5, "data_sources"}, {5, "customer_id_key"}, {5, "exclusions"},
    {5, "consent"},      {6, "environments"}, {6, "security"},        {6, "email"},
    {6, "integrations"}, {6, "contracts"},    {7, "budget"},          {7, "kpi_measurement"},
    {7, "reporting"},    {7, "operations"},
};

int step_of_section(std::string_view key) {
    for (const StepSection& s : step_sections) {
        if (s.key == key) return s.step;
    }
    return 0;
}

}  // namespace

SourcePos Project::step_pos(int step) const {
    if (step != 0) {
        for (const auto& [key, pos] : section_keys) {
            if (step_of_section(key) == step) return pos;
        }
    }
    if (!section_keys.empty()) return section_keys.front().second;
    return pos;
}

bool Project::has_placeholder_in(std::string_view section) const {
    for (const Placeholder& p : placeholders) {
        if (p.section == section) return true;
    }
    return false;
}

const Goal* Project::find_goal(std::string_view id) const {
    for (const Goal& g : goals) {
        if (g.id.value == id) return &g;
    }
    return nullptr;
}

const LifecycleStage* Project::find_stage(std::string_view id) const {
    for (const LifecycleStage& s : lifecycle) {
        if (s.id.value == id) return &s;
    }
    return nullptr;
}

std::string_view to_string(RoleKind kind) {
    switch (kind) {
        case RoleKind::owner:
            return "owner";
        case RoleKind::responsible:
            return "responsible";
        case RoleKind::consulted:
            return "consulted";
        case RoleKind::informed:
            return "informed";
        case RoleKind::receives:
            return "receives";
    }
    return "owner";
}

std::string Project::role_label(RoleKind kind) const {
    if (auto it = role_labels.find(std::string(to_string(kind))); it != role_labels.end()) {
        return it->second.value;
    }
    switch (kind) {
        case RoleKind::owner:
            return "主担当";
        case RoleKind::responsible:
            return "R";
        case RoleKind::consulted:
            return "C";
        case RoleKind::informed:
            return "共有";
        case RoleKind::receives:
            return "受領";
    }
    return "";
}

std::optional<RoleKind> role_kind_of(const Project& project, std::string_view label) {
    // Labels the plan declares win over the built-in vocabulary.
    for (const auto& [kind, declared] : project.role_labels) {
        if (declared.value == label) {
            for (RoleKind k : {RoleKind::owner, RoleKind::responsible, RoleKind::consulted,
                               RoleKind::informed, RoleKind::receives}) {
                if (to_string(k) == kind) return k;
            }
        }
    }
    // The role-matrix vocabulary of DX station #4 (主担当/共有/受領) and RACI letters.
    if (label == "主担当" || label == "A") return RoleKind::owner;
    if (label == "共有" || label == "I") return RoleKind::informed;
    if (label == "受領") return RoleKind::receives;
    if (label == "R" || label == "担当" || label == "実施") return RoleKind::responsible;
    if (label == "C" || label == "相談") return RoleKind::consulted;
    return std::nullopt;
}

}  // namespace maplan
