#pragma once
// The tool's own failures (unreadable file, unwritable output, bad database). They are thrown and
// caught in one place near main; findings about a plan are never exceptions.
#include <exception>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/exit_codes.hpp"
#include "core/text.hpp"

namespace maplan {

class MaPlanError : public std::runtime_error {
  public:
    explicit MaPlanError(Text message)
        : std::runtime_error(message.en), message_(std::move(message)) {}
    const Text& message() const { return message_; }
    /// What main() exits with (README "Exit codes"): 2 unless a subclass says otherwise.
    virtual int exit_code() const noexcept { return exit_code::input_error; }

  private:
    Text message_;
};

/// A file could not be read or written (exit code 2).
class IoError : public MaPlanError {
    using MaPlanError::MaPlanError;
};

/// A value that is not allowed, on the command line or in a config: an unknown format, rule ID or
/// reason, a bad date, a combination of values that cannot work (exit code 4).
class UsageError : public MaPlanError {
  public:
    using MaPlanError::MaPlanError;
    int exit_code() const noexcept override { return exit_code::bad_option; }
};

/// A command line ma-plan cannot parse: a missing argument the parser could not tell was
/// required, such as one of several alternatives (exit code 3, like CLI11's own errors).
class CommandLineError : public MaPlanError {
  public:
    using MaPlanError::MaPlanError;
    int exit_code() const noexcept override { return exit_code::usage_error; }
};

/// A broken invariant inside ma-plan itself, never the user's input (exit code 2). main() prints
/// it as an internal error and asks for a report.
class InternalError : public MaPlanError {
  public:
    using MaPlanError::MaPlanError;
};

/// Prints the one line for a failure that is not a MaPlanError: "ma-plan: error: out of memory"
/// for std::bad_alloc (without allocating), and for any other exception the internal-error line
/// of print_internal_error with its what(). Used by the last catch in main.
void print_unexpected_failure(std::ostream& err, std::exception_ptr failure, Lang lang) noexcept;

/// "ma-plan: internal error: WHAT; this is a bug in ma-plan, please report it with the command
/// line" in one line, in `lang`. For an InternalError and for exceptions no one foresaw.
void print_internal_error(std::ostream& err, std::string_view what, Lang lang) noexcept;

}  // namespace maplan
