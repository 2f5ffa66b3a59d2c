#include "core/model.hpp"

namespace maplan {

const Stakeholder* Project::find_stakeholder(std::string_view id) const {
    for (const Stakeholder& s : stakeholders) {
        if (s.id.value == id) return &s;
    }
    return nullptr;
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
