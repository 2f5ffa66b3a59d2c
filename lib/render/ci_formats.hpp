#pragma once
// Renderers for CI systems and code hosts: SARIF 2.1.0 (GitHub code scanning and other SARIF
// viewers), JUnit XML (Jenkins, GitLab test reports) and GitHub Actions workflow commands.
// They take the same report model as text and JSON (report.hpp).
#include <string>
#include <string_view>

#include "render/report.hpp"

namespace maplan::render {

/// SARIF 2.1.0: one run, rule metadata from the registry, one result per finding. Files that
/// could not be read become tool execution notifications and `executionSuccessful: false`.
std::string render_sarif(const Report& report, const RenderOptions& options);
/// JUnit XML: one <testsuite> per file, one <testcase> per rule checked.
std::string render_junit(const Report& report, const RenderOptions& options);
/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE-ID::message`.
std::string render_github(const Report& report, const RenderOptions& options);

/// Escaping GitHub's runner applies in reverse (actions/toolkit command.ts): the message part
/// escapes %, CR and LF; property values also escape ':' and ','.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

/// XML text and attribute escaping; characters XML 1.0 cannot carry at all (C0 controls other
/// than tab, CR and LF, U+FFFE, U+FFFF) are dropped.
std::string xml_escape(std::string_view text);

/// Relative path → URI reference for SARIF (percent-encodes what RFC 3986 does not allow).
std::string path_to_uri(std::string_view path);

/// Link to a rule's section in docs/rules.md (anchor = lower-cased rule ID).
std::string rule_help_uri(std::string_view rule_id);

}  // namespace maplan::render
