#pragma once
// Exit codes follow ShellCheck's convention, so CI scripts can tell "the plan has problems"
// from "the tool could not do its job". Documented in README.md and docs/cli.md.
namespace maplan::exit_code {
inline constexpr int ok = 0;           ///< nothing at or above the failing severity
inline constexpr int findings = 1;     ///< findings at or above the failing severity
inline constexpr int input_error = 2;  ///< a file could not be read, parsed or written
inline constexpr int usage_error = 3;  ///< bad command line (unknown option, missing argument)
inline constexpr int bad_option = 4;   ///< a value that is not allowed (unknown format, rule ID)
}  // namespace maplan::exit_code
