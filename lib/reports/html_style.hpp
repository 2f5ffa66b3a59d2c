#pragma once
// The one inline stylesheet of every HTML document ma-plan writes (the rollout report, the role
// matrix): readable tables, role colours (td.role-owner, ...), a Japanese font stack and A4 print
// rules. Inline, because the file must open the same with no network.
#include <string_view>

namespace maplan::reports {

std::string_view html_stylesheet();

}  // namespace maplan::reports
